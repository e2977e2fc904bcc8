"""The candidates of a mention taken alone: what `veille kb lookup` prints."""

from __future__ import annotations

from functools import lru_cache

import spacy

from veille.kb import load_kb
from veille.kb.normalise import normalise
from veille.kb.phrases import PhraseFinder
from veille.kb.resolve import Resolver


@lru_cache(maxsize=None)
def _resolver(lang: str) -> tuple:
    nlp = spacy.blank(lang)
    kb = load_kb()
    return nlp, Resolver(kb, PhraseFinder(nlp, kb, lang), lang)


def candidates(text: str, date: str | None = None, lang: str = "fr") -> list[dict]:
    """The resolution of the widest mention in `text` first, then every other entity of
    that name; each as {name, country, sector, kind, aliases, role}."""
    nlp, resolver = _resolver(lang)
    kb = resolver.kb
    doc = nlp.make_doc(text)
    mentions = resolver.resolve(doc, date)
    found: list[tuple[dict, int | None]] = []
    if mentions:
        widest = max(mentions, key=lambda m: m.end - m.start)
        found += list(zip(widest.actors, widest.entities))
    for entity in kb.by_name(text) + kb.by_surname(text):
        if entity not in [n for _, n in found]:
            found.append((kb.actor(entity, date), entity))
    if not found and normalise(text) in resolver.finder.country_names:
        found.append((kb.state(resolver.finder.country_names[normalise(text)]), None))
    return [{**actor, "role": kb.role_label(n, date) if n is not None else None} for actor, n in found]
