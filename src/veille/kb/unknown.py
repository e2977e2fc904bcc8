"""Names of people and organisations the knowledge base does not know, found in a text.

People come from three sources: the person names of the model ("Me Henri Leclerc", titles
before the name dropped); capitalised words that follow a title, which the model often
misses or takes for a place ("le président du groupe centriste Hervé Marseille"); and the
surname alone of someone named in full earlier ("M. Pepy" after "Guillaume Pepy"). Each
becomes a phrase of kind "unknown" whose key is the full name, so that every mention of one
person is one actor. An organisation named after the noun that says what it is ("le site
78Actu") is an actor there, and every later mention of that name is a phrase of kind
"organisation_name".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from veille.kb.phrases import Phrase, after_adjectives

# how many words may come between a title and its holder's name ("le président du groupe
# centriste Hervé Marseille")
MAX_TAIL = 8
QUOTE_MARKS = ("\"", "«", "“", "”", "»")


@dataclass
class UnknownNames:
    """Finds the names; `genders` says the gender a title before a name gave ("Mme")."""

    honorifics: dict[str, str | None]
    is_person_title: Callable[[Phrase], bool]
    is_organisation_noun: Callable[[Phrase], bool]
    is_place: Callable[[str], bool]
    genders: dict[str, str] = field(default_factory=dict)

    def find(self, doc: Doc, people: list[tuple[int, int]], phrases: list[Phrase],
             skip: Callable[[int, int], bool]) -> list[Phrase]:
        taken = {i for p in phrases for i in range(p.start, p.end)}
        found = []
        for start, end in people:
            while start < end - 1 and doc[start].text in self.honorifics:  # "Me Henri Leclerc"
                if self.honorifics[doc[start].text]:
                    self.genders[doc[start + 1:end].text] = self.honorifics[doc[start].text]
                start += 1
            if not taken.intersection(range(start, end)) and not skip(doc[start].idx, _end_char(doc, end)):
                fuller = [p.key for p in found if end - start == 1 and p.end - p.start > 1 and doc[p.end - 1].text == doc[start].text]
                found.append(Phrase(start, end, "unknown", fuller[-1] if fuller else doc[start:end].text))
                taken.update(range(start, end))
        for title in (p for p in phrases if p.kind == "role" and self.is_person_title(p)):
            name = self._after_title(doc, title.end, taken)
            if name is not None and not skip(name.start_char, name.end_char):
                found.append(Phrase(name.start, name.end, "unknown", name.text))
                taken.update(range(name.start, name.end))
        found += self._surnames(doc, found, taken, skip)
        found += self._organisations(doc, phrases, taken, skip)
        return found

    def _organisations(self, doc: Doc, phrases: list[Phrase], taken: set[int],
                       skip: Callable[[int, int], bool]) -> list[Phrase]:
        """"78Actu" after "le site 78Actu": later mentions of an organisation named once with
        the noun that says what it is."""
        found = []
        for noun in (p for p in phrases if p.kind == "role" and self.is_organisation_noun(p)):
            name = proper_name(doc, after_adjectives(doc, noun.end, {}))
            if name is None:
                continue
            words = [t.text for t in name]
            for i in range(name.end, len(doc) - len(words) + 1):
                if [t.text for t in doc[i:i + len(words)]] == words and not taken.intersection(range(i, i + len(words))) \
                        and not skip(doc[i].idx, _end_char(doc, i + len(words))):
                    found.append(Phrase(i, i + len(words), "organisation_name", name.text))
                    taken.update(range(i, i + len(words)))
        return found

    def _after_title(self, doc: Doc, end: int, taken: set[int]) -> Span | None:
        """Two or more capitalised words after a title and what it says of its holder."""
        for i in range(end, min(len(doc), end + MAX_TAIL)):
            token = doc[i]
            if i in taken:
                continue  # "de la SNCF": an organisation the holder belongs to
            if _capitalised(token) and not token.is_sent_start and token.pos_ != "DET":
                last = i
                while last + 1 < len(doc) and last + 1 not in taken and _capitalised(doc[last + 1]):
                    last += 1
                name = doc[i:last + 1]
                if len(name) >= 2 and not self.is_place(name.text):
                    return name
                if token.pos_ == "PROPN" or len(name) >= 2:
                    return None  # a place, an acronym, a single word: not a name
            if (token.pos_ in ("VERB", "AUX", "PRON") and not token.is_upper) or (token.is_punct and token.text not in ",-'’"):
                return None
        return None

    def _surnames(self, doc: Doc, full: list[Phrase], taken: set[int],
                  skip: Callable[[int, int], bool]) -> list[Phrase]:
        """"M. Pepy" after "Guillaume Pepy": a surname alone, after the full name."""
        found = []
        for token in doc:
            if token.i in taken or not token.is_title or not token.is_alpha or skip(token.idx, token.idx + len(token)):
                continue
            before = doc[token.i - 1] if token.i else None
            if before is not None and before.is_title and before.is_alpha and before.text not in self.honorifics \
                    and not before.is_sent_start:
                continue  # a first name of its own: someone else
            names = [p.key for p in full if p.end <= token.i and p.end - p.start > 1 and doc[p.end - 1].text == token.text]
            if names:
                found.append(Phrase(token.i, token.i + 1, "unknown", names[-1]))
                if before is not None and self.honorifics.get(before.text):
                    self.genders.setdefault(names[-1], self.honorifics[before.text])
        return found


def proper_name(doc: Doc, start: int) -> Span | None:
    """The name written right after a noun ("le site 78Actu", "le journal « France Dimanche »"):
    words that begin with a capital or a digit, within quotation marks or not."""
    quoted = start < len(doc) and doc[start].text in QUOTE_MARKS
    first = end = start + quoted
    while end < len(doc) and not doc[end].is_punct and not doc[end].is_space \
            and (doc[end].text[:1].isupper() or doc[end].text[:1].isdigit() or (quoted and end > first)):
        end += 1
    if end == first or doc[first].is_sent_start or (quoted and (end >= len(doc) or doc[end].text not in QUOTE_MARKS)):
        return None
    return doc[first:end]


def _capitalised(token: Token) -> bool:
    word = token.text.replace("-", "").replace("'", "").replace("’", "")
    return word.isalpha() and token.text[:1].isupper() and not token.text.isupper()


def _end_char(doc: Doc, end: int) -> int:
    return doc[end - 1].idx + len(doc[end - 1])
