"""The veille_actors component: every actor mention of a document, resolved to the
knowledge base as it stood on the document's date.

Assigned attributes:

| attribute | value |
|---|---|
| `doc._.actors` | `[{start, end, text, actors: [{name, country, sector, kind, aliases}], how}]`, character offsets, in text order |

`how` says what resolved the mention: name, role, apposition, relation, metonym, country,
demonym or pronoun. Mentions come from the knowledge-base phrase index (names, aliases,
role nouns, demonyms, metonyms) and from the model's person entities that the knowledge
base does not know. Nothing is produced from boilerplate lines. The phrase index is
compiled once, when the component is made.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from veille.cleaning import in_boilerplate
from veille.extensions import register_extensions
from veille.kb import load_kb
from veille.kb.phrases import PhraseFinder
from veille.kb.resolve import Resolver

PERSON_LABELS = {"PER", "PERSON"}
YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@Language.factory("veille_actors", default_config={"lang": "fr"})
def make_actors(nlp: Language, name: str, lang: str) -> "ActorResolver":
    return ActorResolver(nlp, lang)


class ActorResolver:
    def __init__(self, nlp: Language, lang: str = "fr") -> None:
        register_extensions()
        kb = load_kb()
        self.resolver = Resolver(kb, PhraseFinder(nlp, kb, lang), lang)

    def __call__(self, doc: Doc) -> Doc:
        people = [(e.start, e.end) for e in doc.ents if e.label_ in PERSON_LABELS and full_name(e)]
        mentions = self.resolver.resolve(doc, doc._.published, lambda s, e: in_boilerplate(doc, s, e),
                                         people, sentence_dates(doc))
        text = doc.text
        doc._.actors = [mention_record(doc, text, m.start, m.end, m.actors, m.how) for m in mentions]
        return doc


def full_name(span) -> bool:
    """Whether a person entity of the model looks like a name: words that each start with a
    capital, at least two of them (a lone capitalised word is too often something else)."""
    words = [t for t in span if t.is_alpha]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words[:1]) and words[-1].is_title


def mention_record(doc: Doc, text: str, start: int, end: int, actors: list[dict], how: str) -> dict:
    first, last = doc[start], doc[end - 1]
    return {"start": first.idx, "end": last.idx + len(last), "text": text[first.idx:last.idx + len(last)],
            "actors": actors, "how": how}


def sentence_dates(doc: Doc):
    """A sentence that dates itself in an earlier year ("en 2017") is resolved on that
    date: roles are those held then. Other sentences take the document's date."""
    published = doc._.published
    if not published or not doc._.timexes or not doc.has_annotation("SENT_START"):
        return None
    dated: dict[int, str] = {}
    for timex in doc._.timexes:
        match = YEAR.match(str(timex.get("value") or ""))
        if timex.get("type", "DATE") != "DATE" or not match or match.group(1) >= published[:4]:
            continue
        span = doc.char_span(timex["start"], timex["end"], alignment_mode="expand")
        if span is not None:
            year, month, day = match.group(1), match.group(2) or "07", match.group(3) or "01"
            dated.setdefault(span.sent.start, f"{year}-{month}-{day}")

    def date_at(token: int) -> str | None:
        return dated.get(doc[token].sent.start)

    return date_at if dated else None


def actors_at(doc: Doc, start: int, end: int) -> list[dict]:
    """The actors of the mentions that overlap the character range [start, end), in text
    order, each once."""
    found: list[dict] = []
    for mention in doc._.actors or ():
        if mention["start"] < end and start < mention["end"]:
            found += [a for a in mention["actors"] if a not in found]
    return found
