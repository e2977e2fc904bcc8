"""The veille_actors component: every actor mention of a document, resolved to the
knowledge base as it stood on the document's date.

Assigned attributes:

| attribute | value |
|---|---|
| `doc._.actors` | `[{start, end, text, actors: [{name, country, sector, kind, aliases}], how}]`, character offsets, in text order |

`how` says what resolved the mention: name, role, apposition, relation, metonym, country,
demonym or pronoun. Mentions come from the knowledge-base phrase index (names, aliases,
role nouns, demonyms, metonyms) and from names the knowledge base does not know: the model's
person entities, capitalised words after a title, organisations named next to the noun that
says what they are. Nothing is produced from boilerplate lines. The phrase index is
compiled once, when the component is made.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from veille.cleaning import in_boilerplate
from veille.extensions import register_extensions
from veille.kb import load_kb
from veille.kb.phrases import PhraseFinder
from veille.kb.resolve import Resolver
from veille.lang import data

PERSON_LABELS = {"PER", "PERSON"}
# the model's label for what it cannot place, which takes in many foreign names of people: one
# that is the subject of a verb and written as a name is taken for a person ("Femi Kuti a appelé")
OTHER_LABELS = {"MISC"}
YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@Language.factory("veille_actors", default_config={"lang": "fr"})
def make_actors(nlp: Language, name: str, lang: str) -> "ActorResolver":
    return ActorResolver(nlp, lang)


class ActorResolver:
    def __init__(self, nlp: Language, lang: str = "fr") -> None:
        register_extensions()
        # imported here, not above: veille.quotes looks actors up through this module
        from veille.quotes.marks import find_segments

        kb = load_kb()
        self.resolver = Resolver(kb, PhraseFinder(nlp, kb, lang), lang)
        marks = data(lang, "reported_speech.yaml")["quotation_marks"]
        self.quotations = lambda text: [(s.open, s.close) for s in find_segments(text, marks)]

    def __call__(self, doc: Doc) -> Doc:
        people = [(e.start, e.end) for e in doc.ents if full_name(e) and (
            e.label_ in PERSON_LABELS or (e.label_ in OTHER_LABELS and e.root.dep_.startswith("nsubj")))]
        mentions = self.resolver.resolve(doc, doc._.published, lambda s, e: in_boilerplate(doc, s, e),
                                         people, sentence_dates(doc), self.quotations(doc.text))
        text = doc.text
        doc._.actors = [mention_record(doc, text, m.start, m.end, m.actors, m.how) for m in mentions]
        return doc


def full_name(span) -> bool:
    """Whether a person entity of the model looks like a name: words that each start with a
    capital, at least two of them (a lone capitalised word is too often something else)."""
    words = [t for t in span if t.text.replace("-", "").replace("'", "").replace("’", "").isalpha()]
    return len(words) >= 2 and words[0].text[:1].isupper() and words[-1].text[:1].isupper() \
        and not words[-1].text.isupper()


def mention_record(doc: Doc, text: str, start: int, end: int, actors: list[dict], how: str) -> dict:
    first, last = doc[start], doc[end - 1]
    return {"start": first.idx, "end": last.idx + len(last), "text": text[first.idx:last.idx + len(last)],
            "actors": actors, "how": how}


def sentence_dates(doc: Doc):
    """A clause that dates itself in an earlier year ("en 2017, le président a …") is resolved
    on that date: roles are those held then. Other clauses take the document's date, even in
    a sentence whose subordinate clause is dated ("le président a rappelé qu'il était venu
    en 2002": today's president)."""
    published = doc._.published
    if not published or not doc._.timexes or not doc.has_annotation("DEP"):
        return None
    dated: dict[int, str] = {}
    for timex in doc._.timexes:
        match = YEAR.match(str(timex.get("value") or ""))
        if timex.get("type", "DATE") != "DATE" or not match or match.group(1) >= published[:4]:
            continue
        span = doc.char_span(timex["start"], timex["end"], alignment_mode="expand")
        if span is not None:
            year, month, day = match.group(1), match.group(2) or "07", match.group(3) or "01"
            dated.setdefault(clause_of(span.root), f"{year}-{month}-{day}")

    def date_at(token: int) -> str | None:
        return dated.get(clause_of(doc[token]))

    return date_at if dated else None


def clause_of(token: Token) -> int:
    """The verb whose clause holds `token` (the root of a sentence without one)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token.i


def actors_at(doc: Doc, start: int, end: int) -> list[dict]:
    """The actors of the mentions that overlap the character range [start, end), in text
    order, each once."""
    found: list[dict] = []
    for mention in doc._.actors or ():
        if mention["start"] < end and start < mention["end"]:
            found += [a for a in mention["actors"] if a not in found]
    return found
