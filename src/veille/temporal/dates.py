"""The temporal expressions of one text, with their values."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from veille.schema import Timex
from veille.temporal.clause import Clauses
from veille.temporal.detect import scan
from veille.temporal.grammar import grammar
from veille.temporal.resolve import Context, resolve

SENTENCE_BREAK = re.compile(r"[.!?…]\s+|\n")


def publication_date(published: str | date | None) -> date | None:
    """The date of an ISO 8601 date or datetime string; None when there is none or it is invalid."""
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def annotate(text: str, published: str | date | None, lang: str = "fr") -> list[dict]:
    """Timex dicts for a text without a parse: tenses are unknown (a partial date is then
    the nearest occurrence) and sentences end at final punctuation."""
    starts = [0] + [m.end() for m in SENTENCE_BREAK.finditer(text)]

    def sentence(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    rules = grammar(lang)
    mentions = scan(text, rules)
    return resolve(mentions, Context(publication_date(published), sentence=sentence, text=text,
                                     dated_event=rules.dated_event))


def annotate_doc(doc: Doc, lang: str = "fr") -> list[dict]:
    """Timex dicts for a parsed Doc, whose `doc._.published` anchors relative dates."""
    rules = grammar(lang)
    clauses = Clauses(doc, lang)
    mentions = scan(doc.text, rules, clauses.counts_noun)
    context = Context(publication_date(doc._.published), clauses.tense, clauses.sentence, doc.text, rules.dated_event)
    return resolve(mentions, context)


@lru_cache(maxsize=None)
def timex_pipeline(lang: str) -> Language:
    """The language's spaCy model with only what dates need: the parse and veille_timex."""
    import spacy

    from veille.pipeline import MODELS

    nlp = spacy.load(MODELS[lang], exclude=["ner"])
    nlp.add_pipe("veille_boundaries", first=True, config={"lang": lang})
    nlp.add_pipe("veille_timex", config={"lang": lang})
    return nlp


def find_dates(text: str, published: str | None, lang: str = "fr") -> list[Timex]:
    """Every temporal expression of `text` with its TIMEX3 value, against the publication
    date `published` (YYYY-MM-DD)."""
    nlp = timex_pipeline(lang)
    doc = nlp.make_doc(text)
    doc._.published = published
    return [Timex(**t) for t in nlp(doc)._.timexes]
