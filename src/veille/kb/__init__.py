"""The actor knowledge base: countries, organisations and people with dated roles.

    from veille.kb import load_kb, lookup, resolve_place
    kb = load_kb()                                   # cached; packaged index + user files
    lookup("le président russe", date="2018-10-24")  # candidates, best first
    resolve_place("aux États-Unis")                  # {"name": "United States", "country": "USA"}
"""

from __future__ import annotations

import json
from functools import lru_cache

from veille.kb.base import KnowledgeBase

__all__ = ["KnowledgeBase", "load_kb", "lookup", "resolve_place"]


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The knowledge base: the packaged index, or the user's when they added files."""
    from veille.kb.build import INDEX_PATH
    from veille.kb.user import user_index

    index = user_index() or json.loads(INDEX_PATH.read_text(encoding="utf-8"))
    return KnowledgeBase(index)


@lru_cache(maxsize=1)
def _places(lang: str) -> dict:
    from veille.kb.places import place_table

    return place_table(load_kb())


def resolve_place(text: str, lang: str = "fr") -> dict | None:
    """{"name": English name, "country": ISO3} of a place named in `lang`, or None."""
    from veille.kb.places import strip_prefixes, world_cities

    key = strip_prefixes(text, lang)
    return dict(_places(lang).get(key) or world_cities().get(key) or {}) or None


def lookup(text: str, date: str | None = None, lang: str = "fr") -> list[dict]:
    """The actors a mention may stand for, best first, each with the role held on `date`."""
    from veille.kb.candidates import candidates

    return candidates(text, date, lang)
