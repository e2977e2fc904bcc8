"""Where actors are named in a text: knowledge-base names, role nouns, demonyms, metonyms.

`PhraseFinder` compiles its phrase matcher once, from the knowledge base and the language
tables, and then finds, in any Doc of the same vocabulary, the non-overlapping phrases
that may name an actor, and parses role phrases ("le porte-parole du Président russe",
"les Présidents russe et américain", "son homologue américain") into their parts.
It needs only tokens: a tagged and parsed Doc helps, a bare tokenised one works.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from veille.kb.base import KnowledgeBase
from veille.kb.index import surname
from veille.kb.normalise import normalise, spellings
from veille.lang import data, table

# when two phrases cover the same tokens, the kind that wins (lowest first)
PRIORITY = {"metonym": 0, "role": 1, "name": 2, "country": 3, "capital": 4, "surname": 5, "demonym": 6, "idiom": 7}


@lru_cache(maxsize=None)
def demonym_codes(lang: str) -> dict[str, str]:
    """Each spelling of a demonym ("française", "francaise") → the code of its country."""
    return {form: row["country"] for row in table(lang, "demonyms.tsv") for form in spellings(row["form"])}


class FormIndex:
    """A phrase matcher on lower-case token sequences, compiled once.

    spaCy's PhraseMatcher needs a tokenised Doc per pattern, which takes seconds for the
    tens of thousands of names of the knowledge base; a name made of letters and spaces
    only is tokenised by splitting it, so only the few others go through the tokenizer.
    Words are compared without case or accents: the news drops accents on capitals
    ("l'Elysée", "Etats-Unis") and keeps them elsewhere.
    """

    PLAIN = re.compile(r"^[^\W\d_]+( [^\W\d_]+)*$")

    def __init__(self, nlp: Language, forms: dict[str, set[str]]) -> None:
        # first word → length → token sequence → kinds
        self.index: dict[str, dict[int, dict[tuple[str, ...], set[str]]]] = {}
        pending: dict[str, set[str]] = {}
        for kind, texts in forms.items():
            for variant in {v for text in texts for v in spellings(text)}:
                if self.PLAIN.match(variant):
                    self._add(tuple(variant.split()), kind)
                else:
                    pending.setdefault(variant, set()).add(kind)
        for variant, doc in zip(pending, nlp.tokenizer.pipe(pending)):
            for kind in pending[variant]:
                self._add(tuple(t.lower_ for t in doc if not t.is_space), kind)

    def _add(self, words: tuple[str, ...], kind: str) -> None:
        words = tuple(map(normalise, words))
        if words:
            self.index.setdefault(words[0], {}).setdefault(len(words), {}).setdefault(words, set()).add(kind)

    def matches(self, lowers: list[str]) -> list[tuple[str, int, int]]:
        """(kind, start, end) of every form found in a text's lower-case tokens, overlapping
        ones included."""
        lowers = [normalise(word) for word in lowers]
        found = []
        for i, word in enumerate(lowers):
            for length, sequences in self.index.get(word, {}).items():
                for kind in sequences.get(tuple(lowers[i:i + length]), ()):
                    found.append((kind, i, i + length))
        return found


@dataclass
class Phrase:
    """A stretch of tokens [start, end) that may name an actor."""

    start: int
    end: int
    kind: str  # one of PRIORITY
    key: str  # normalised text, or the country code of a country, capital or demonym


@dataclass
class RolePhrase:
    """A role noun with what qualifies it, as found in the text."""

    phrase: Phrase
    role: dict  # the row of role_nouns.tsv
    start: int  # first token, determiner included
    end: int  # after the last qualifier
    countries: list[str] = field(default_factory=list)  # from demonyms, in order
    complement: Phrase | None = None  # "du Kremlin", "de l'ONU", "du Président russe"
    nested: "RolePhrase | None" = None  # the role phrase of a role complement
    count: int | None = None  # "les deux Présidents"
    possessive: bool = False  # "son homologue"
    definite: bool = False  # "le général", "ce média": may stand for one already named
    demonstrative: bool = False  # "cette employée": stands for one already named
    former: bool = False  # "l'ancien président": who held the office before
    foreign: bool = False  # "les journalistes étrangers": not of the country the text is about
    # the complement names a body that is neither a state nor a known organisation ("du
    # groupe centriste", "du Sénat"): the role is not the state's office
    other_body: bool = False
    body_sector: str | None = None  # the sector of that body, when it is a collective ("du Sénat": LEG)


class PhraseFinder:
    def __init__(self, nlp: Language, kb: KnowledgeBase, lang: str = "fr") -> None:
        self.kb = kb
        words = data(lang, "actor_words.yaml")
        self.cardinals = words["cardinals"]
        self.possessives = set(words["possessives"])
        self.determiners = set(words["determiners"])
        self.definites = set(words["definites"])
        self.demonstratives = set(words["demonstratives"])
        self.formers = set(words["formers"])
        self.foreign = set(words["foreign"])
        self.coordinators = set(words["coordinators"])
        self.complements = set(words["complements"])
        self.roles = {normalise(row["form"]): row for row in table(lang, "role_nouns.tsv")}
        self.demonyms = demonym_codes(lang)
        self.metonyms = {normalise(row["form"]): row for row in table(lang, "metonyms.tsv")}
        self.country_names = {}
        for code, country in kb.countries.items():
            for name in [country["name"], *country["names"]]:
                self.country_names.setdefault(normalise(name), code)
        self.capitals = kb.capitals
        forms: dict[str, set[str]] = {"metonym": {row["form"] for row in table(lang, "metonyms.tsv")},
                                      "role": {row["form"] for row in table(lang, "role_nouns.tsv")},
                                      "idiom": set(words["idioms"]),
                                      "country": set(), "capital": set(), "name": set(), "surname": set()}
        for code, country in kb.countries.items():
            forms["country"].update([country["name"], *country["names"]])
            forms["capital"].update([country["capital"], *country["capital_names"]])
        for entity in kb.entities:
            forms["name"].update([entity[0], *entity[5]])
            if entity[3] == "person" and entity[6]:
                forms["surname"].update(filter(None, map(surname, [entity[0], *entity[5]])))
        self.case_rules = self._case_rules(forms)
        self.forms = FormIndex(nlp, forms)

    @staticmethod
    def _case_rules(forms: dict[str, set[str]]) -> dict[str, set[tuple[bool, ...]] | str]:
        """For each normalised form, the casing a match must have: "upper" for acronyms
        (ONU, UE), "any" for common nouns and lower-case aliases, else the capitalised words
        of each spelling ("Les Républicains" is not "les républicains"; "l'État" is not "l'état
        de santé")."""
        rules: dict[str, set[tuple[bool, ...]] | str] = {}
        for kind, texts in forms.items():
            for text in texts:
                key = normalise(text)
                if not text[:1].isupper():
                    rules[key] = "any"
                elif text.isupper() and " " not in text and len(text) <= 6:
                    rules.setdefault(key, "upper")
                elif rules.get(key) != "any":
                    capitals = tuple(word[:1].isupper() for word in text.split())
                    previous = rules.get(key)
                    rules[key] = (previous if isinstance(previous, set) else set()) | {capitals}
        return rules

    # --- finding -----------------------------------------------------------------------
    def find(self, doc: Doc) -> list[Phrase]:
        """The phrases of `doc` that may name an actor, non-overlapping, in text order."""
        candidates = []
        lowers = [t.lower_ for t in doc]
        for kind, start, end in self.forms.matches(lowers):
            span = doc[start:end]
            key = normalise(span.text)
            if self._cased(span.text, key) and self._plausible(doc, kind, start, end):
                candidates.append(Phrase(start, end, kind, self._key(kind, key)))
        for i, lower in enumerate(lowers):
            code = self.demonyms.get(lower)
            if code and not doc[i].text.isupper():
                candidates.append(Phrase(i, i + 1, "demonym", code))
        candidates = self._cut_roles(candidates)
        candidates.sort(key=lambda p: (p.start - p.end, PRIORITY[p.kind], p.start))
        taken: set[int] = set()
        found = []
        for phrase in candidates:
            if not taken.intersection(range(phrase.start, phrase.end)):
                taken.update(range(phrase.start, phrase.end))
                found.append(phrase)
        # an idiom only keeps the words it covers from naming anyone ("coup d'État")
        return sorted((p for p in found if p.kind != "idiom"), key=lambda p: p.start)

    def _key(self, kind: str, key: str) -> str:
        if kind == "country":
            return self.country_names[key]
        if kind == "capital":
            return self.capitals[key]
        return key

    def _cased(self, text: str, key: str) -> bool:
        rule = self.case_rules.get(key, "any")
        if rule == "any" or text.isupper():
            return True
        if rule == "upper":
            return False
        capitals = [word[:1].isupper() for word in text.split()]
        return any(len(c) == len(capitals) and all(have or not need for need, have in zip(c, capitals))
                   for c in rule)

    @staticmethod
    def _plausible(doc: Doc, kind: str, start: int, end: int) -> bool:
        """A surname alone is someone else's when a first name of its own comes with it
        ("Henri Martin" is not "Paul Martin")."""
        if kind != "surname":
            return True
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        joined_before = before is not None and before.is_title and not before.is_sent_start and before.is_alpha
        joined_after = after is not None and after.is_title and after.is_alpha
        return not (joined_before or joined_after)

    def _cut_roles(self, candidates: list[Phrase]) -> list[Phrase]:
        """A role phrase that runs into a longer name keeps only its head: in "président du
        Conseil européen", the role is "président", and the Council its complement."""
        others = [p for p in candidates if p.kind != "role"]
        out = []
        for phrase in candidates:
            if phrase.kind == "role":
                overlapping = [o for o in others if phrase.start < o.start < phrase.end < o.end]
                if overlapping:
                    phrase = self._shortest_role(phrase, min(o.start for o in overlapping))
                    if phrase is None:
                        continue
            out.append(phrase)
        return out

    def _shortest_role(self, phrase: Phrase, before: int) -> Phrase | None:
        words = phrase.key.split()
        for length in range(len(words) - 1, 0, -1):
            key = " ".join(words[:length])
            end = phrase.start + length
            if key in self.roles and end <= before:
                return Phrase(phrase.start, end, "role", key)
        return None

    # --- role phrases ------------------------------------------------------------------
    def role_phrase(self, doc: Doc, phrase: Phrase, at: dict[int, Phrase]) -> RolePhrase:
        """The qualifiers of a role noun: determiner, number, demonyms, complement."""
        parsed = RolePhrase(phrase, self.roles[phrase.key], phrase.start, phrase.end)
        self._left(doc, parsed)
        k = self._demonyms(doc, phrase.end, at, parsed.countries)
        if not parsed.countries and k < len(doc) and doc[k].lower_ in self.foreign:
            parsed.foreign, k = True, k + 1
        if parsed.countries:
            k = self._longer_role(doc, parsed, k, at)
        if after_adjectives(doc, k, at) < len(doc) and doc[after_adjectives(doc, k, at)].lower_ in self.complements:
            k = after_adjectives(doc, k, at)  # "des sources anonymes du site", "le porte-parole adjoint du Kremlin"
        if k < len(doc) and doc[k].lower_ in self.complements and k not in at:  # not "de Gaulle"
            n = k + 1
            while n < len(doc) and doc[n].lower_ in self.determiners:
                n += 1
            complement = at.get(n)
            if complement and complement.kind in ("metonym", "name", "country", "capital", "role"):
                parsed.complement = complement
                k = complement.end
                if complement.kind == "role":
                    parsed.nested = self.role_phrase(doc, complement, at)
                    k = parsed.nested.end
                    if parsed.nested.role["kind"] in ("group", "organisation"):
                        parsed.other_body = True
                        parsed.body_sector = (parsed.nested.role["sector"] or "").split("|")[0] or None
                elif not parsed.countries:
                    k = self._demonyms(doc, k, at, parsed.countries)
            elif n < len(doc) and n not in at and doc[n].is_alpha and (doc[n].pos_ in ("NOUN", "PROPN")
                                                                      or not doc[n].pos_):
                parsed.other_body = True  # "le président du groupe centriste": not the head of state
        elif " " in phrase.key and k < len(doc) and k not in at and doc[k].pos_ == "ADJ" and doc[k].is_lower:
            parsed.other_body = True  # "le président du conseil départemental": another council
        parsed.end = max(k, phrase.end)
        return parsed

    def _left(self, doc: Doc, parsed: RolePhrase) -> None:
        i = parsed.phrase.start
        if i > 0 and doc[i - 1].lower_ in self.formers:
            parsed.former = True
            i -= 1
        if i > 0 and doc[i - 1].lower_ in self.cardinals:
            parsed.count = self.cardinals[doc[i - 1].lower_]
            i -= 1
        if i > 0 and doc[i - 1].lower_ in self.determiners:
            parsed.possessive = doc[i - 1].lower_ in self.possessives
            parsed.definite = doc[i - 1].lower_ in self.definites
            parsed.demonstrative = doc[i - 1].lower_ in self.demonstratives
            i -= 1
        parsed.start = i

    def _demonyms(self, doc: Doc, k: int, at: dict[int, Phrase], countries: list[str]) -> int:
        """Demonyms from token k on, coordinated ("russe et américain"); the end."""
        while k in at and at[k].kind == "demonym":
            countries.append(at[k].key)
            nxt = k + 1
            if nxt + 1 < len(doc) and doc[nxt].lower_ in self.coordinators and nxt + 1 in at \
                    and at[nxt + 1].kind == "demonym":
                k = nxt + 1
            else:
                return nxt
        return k

    def _longer_role(self, doc: Doc, parsed: RolePhrase, k: int, at: dict[int, Phrase]) -> int:
        """"ministre russe des Affaires étrangères": the role goes on after its demonym."""
        head = parsed.phrase.key
        for m in range(min(len(doc), k + 6), k, -1):
            key = normalise(f"{head} {doc[k:m].text}")
            if key in self.roles:
                parsed.role = self.roles[key]
                return self._demonyms(doc, m, at, parsed.countries)
        return k


def after_adjectives(doc: Doc, k: int, at: dict[int, Phrase]) -> int:
    """Where the adjectives that follow a noun from token `k` on end ("sources anonymes",
    "site spécialisé"): lower-case words the tagger calls adjectives and no table knows."""
    while k < len(doc) and k not in at and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k += 1
    return k
