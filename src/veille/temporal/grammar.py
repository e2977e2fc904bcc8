"""A language's temporal grammar, compiled once from its data files.

`lang/<lang>/timex_lexicon.tsv` maps words onto neutral keys (months, units, shifts…);
`lang/<lang>/timex_grammar.yaml` gives the shapes of expressions as regular expressions
whose `{slot}` placeholders are filled with those words. Nothing here knows a language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from veille.lang import data, table

SPACE = r"[^\S\n]+"  # spaces, but never across a line: a headline is not glued to its text
APOSTROPHE = "['’]"
HYPHEN = "[-‐‑]"
CAPITAL = "[A-ZÀ-ÖØ-Þ]"
# An expression ends before a non-word character, or before a capital that starts a sentence
# glued onto it by scraping ("à la fin du moisLe projet…"); see `scan_text`.
END = rf"(?!(?!{CAPITAL})\w)"
GLUED_CAPITAL = re.compile(rf"(?<=[a-zß-ÿ]){CAPITAL}")
PLACEHOLDER = re.compile(r"\{(=?)([a-z_][a-z_0-9]*)(?::([a-z_][a-z_0-9]*))?\}")
KINDS = ("date", "relative", "offset", "word", "duration", "set", "time", "name")
NUMBERS = "numbers"

Value = int | str


def normalise(text: str) -> str:
    """The lookup form of a surface form: NFC, case-folded, one apostrophe, one hyphen, one space."""
    text = unicodedata.normalize("NFC", text).casefold().replace("’", "'")
    text = re.sub(HYPHEN, "-", text)
    return re.sub(r"\s+", " ", text).strip()


def literal(form: str) -> str:
    """A regex matching a surface form with any spacing, apostrophe or hyphen."""
    escaped = re.escape(unicodedata.normalize("NFC", form).lower())
    return escaped.replace(r"\ ", SPACE).replace("'", APOSTROPHE).replace(r"\-", HYPHEN)


def alternatives(forms: list[str]) -> str:
    # Longest first, so that "avant-hier" is tried before "hier".
    return "|".join(literal(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def scan_text(text: str) -> str:
    """The text the patterns run on: lower case, character for character (offsets are the
    text's), except capitals glued after a lower-case letter, kept to end the expression
    before them."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lengthen in lower case ("İ")
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    glued = [m.start() for m in GLUED_CAPITAL.finditer(text)]
    if not glued:
        return lowered
    chars = list(lowered)
    for position in glued:
        chars[position] = text[position]
    return "".join(chars)


def as_value(key: str) -> Value:
    return int(key) if key.isdigit() else key


@dataclass(frozen=True)
class Pattern:
    """One shape of temporal expression."""

    index: int
    kind: str
    regex: re.Pattern
    sources: dict[str, str]  # captured group -> the slot or lexicon entry it reads
    options: dict[str, Any] = field(default_factory=dict)
    anchors: frozenset[str] = frozenset()  # what every match contains; empty: unknown


@dataclass(frozen=True)
class EventLinks:
    """What ties a relative expression to an event instead of the story's date."""

    between: re.Pattern  # the event an offset counts from: "[deux jours après] le putsch"
    link: re.Pattern  # the word tying that event's date: "le putsch [du] 18 août"
    of_event: re.Pattern  # the event after "la veille", "au lendemain": "de son arrivée"
    deed: re.Pattern  # a past infinitive after an offset: "[deux mois après] avoir …"


@dataclass(frozen=True)
class Grammar:
    lang: str
    patterns: tuple[Pattern, ...]
    lexicon: dict[str, dict[str, Value]]  # lexicon slot -> normalised form -> key
    slot_words: dict[str, str]  # regex slot -> the lexicon slot whose words it also accepts
    anchors: dict[str, re.Pattern]  # anchor name -> what finds it (see timex_grammar.yaml)
    dated_event: EventLinks

    def value(self, source: str, text: str) -> Value | None:
        """The neutral value of a captured part: its lexicon key, or its number (digits or
        roman numerals)."""
        words = self.lexicon.get(self.slot_words.get(source, source), {})
        key = words.get(normalise(text))
        if key is not None:
            return key
        digits = text.strip("'’")
        if digits.isdigit():
            return int(digits)
        return roman_number(text)


def roman_number(text: str) -> int | None:
    digits = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    text = text.upper()
    if not text or any(c not in digits for c in text):
        return None
    total = 0
    for current, following in zip(text, text[1:] + " "):
        value = digits[current]
        total += -value if following != " " and digits[following] > value else value
    return total


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """The compiled grammar of `lang`, built once per process."""
    lexicon: dict[str, dict[str, Value]] = {}
    forms: dict[str, list[str]] = {}
    for row in table(lang, "timex_lexicon.tsv"):
        slot, key = row["slot"], row["key"]
        for form in (row["forms"] or "").split("|"):
            lexicon.setdefault(slot, {})[normalise(form)] = as_value(key)
            forms.setdefault(slot, []).append(form)
    rules = data(lang, "timex_grammar.yaml")
    words = {name: [str(w) for w in values] for name, values in rules["words"].items()}
    slots = rules["slots"]
    builder = _Builder(forms, words, slots)
    patterns = tuple(builder.pattern(n, spec) for n, spec in enumerate(rules["patterns"]))
    slot_words = {name: spec["words"] for name, spec in slots.items() if spec.get("words")}
    # An anchor word may start a longer word ("jeudis"): a match then fails, at no cost.
    anchors = {slot: re.compile(rf"(?<!\w)(?:{alternatives(forms[slot])})") for slot in rules["anchors"]["words"]}
    anchors[NUMBERS] = re.compile(rules["anchors"]["numbers"])
    patterns = tuple(_anchored(p, set(anchors), set(slots)) for p in patterns)
    # what lies between an offset and the date of the event it counts from: "[le putsch] du"
    dated_event = EventLinks(
        between=re.compile(rf"{SPACE}(?:{alternatives(words['event_article'])})(?:{SPACE})?[^\W\d][^,;:.()\d\n]{{0,40}}", re.I),
        link=re.compile(rf"(?:{alternatives(words['event_date_link'])})(?!\w)", re.I),
        of_event=re.compile(rf"(?:{SPACE})?(?:{alternatives(words['event_of'])})(?:{SPACE})?[^\W\d][^,;:.()\d\n]{{0,40}}", re.I),
        deed=re.compile(rf"{SPACE}(?:{alternatives(words['event_infinitive'])})(?!\w)", re.I))
    return Grammar(lang, patterns, lexicon, slot_words, anchors, dated_event)


def _anchored(pattern: Pattern, anchors: set[str], slots: set[str]) -> Pattern:
    """The pattern with the anchors its matches are looked for around: its anchor words
    (the day and year of "le 3 mai 2018" are optional, its month is not), or else the numbers
    it reads."""
    found = {source for source in pattern.sources.values() if source in anchors}
    if not found and any(source in slots for source in pattern.sources.values()):
        found.add(NUMBERS)
    return replace(pattern, anchors=frozenset(found))


class _Builder:
    """Expands the placeholders of a pattern into one compiled regular expression."""

    def __init__(self, forms: dict[str, list[str]], words: dict[str, list[str]], slots: dict[str, dict]):
        self.forms, self.words, self.slots = forms, words, slots

    def pattern(self, index: int, spec: dict[str, Any]) -> Pattern:
        kind = spec["as"]
        if kind not in KINDS:
            raise ValueError(f"pattern {index}: unknown kind {kind!r}")
        sources: dict[str, str] = {}
        pieces, position = [], 0
        template = spec["match"]
        for placeholder in PLACEHOLDER.finditer(template):
            pieces.append(self._text(template[position:placeholder.start()]))
            pieces.append(self._placeholder(placeholder, sources, index))
            position = placeholder.end()
        pieces.append(self._text(template[position:]))
        body = "".join(pieces)
        regex = re.compile(rf"(?<!\w)(?:{body}){END}")
        options = {k: v for k, v in spec.items() if k not in ("as", "match")}
        return Pattern(index, kind, regex, sources, options)

    @staticmethod
    def _text(text: str) -> str:
        return text.replace(" ?", "[^\\S\\n]*").replace(" ", SPACE).replace("'", APOSTROPHE)

    def _placeholder(self, placeholder: re.Match, sources: dict[str, str], index: int) -> str:
        silent, name, source = placeholder.group(1), placeholder.group(2), placeholder.group(3)
        source = source or name
        if silent:
            if source in self.words:
                return f"(?:{alternatives(self.words[source])})"
            if source in self.forms:
                return f"(?:{alternatives(self.forms[source])})"
            raise ValueError(f"pattern {index}: no word list {source!r}")
        if name in sources:
            raise ValueError(f"pattern {index}: {name!r} captured twice")
        if source in self.slots:
            slot = self.slots[source]
            inner = slot["regex"]
            if slot.get("words"):
                inner = f"{alternatives(self.forms[slot['words']])}|{inner}"
        elif source in self.forms:
            inner = alternatives(self.forms[source])
        else:
            raise ValueError(f"pattern {index}: no slot {source!r}")
        sources[name] = source
        return f"(?P<{name}>{inner})"
