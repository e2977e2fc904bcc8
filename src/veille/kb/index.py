"""Compile the source files of the knowledge base into one index, and check them.

The index is plain JSON: entities (people and organisations) as rows, dated roles and
affiliations referring to them by number, and lookup tables from normalised names.
`python -m veille.kb.build` writes the packaged one; the user's own files are compiled the
same way, together with the packaged sources, by `veille.kb.user`.
"""

from __future__ import annotations

import re
from collections import defaultdict

from veille.kb.normalise import normalise
from veille.kb.sources import Sources, split

GENERATED_BY = "python -m veille.kb.build"
FORMAT_VERSION = 1
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO3 = re.compile(r"^[A-Z]{3}$")
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "MNC"}
SECTORS = {"GOV", "MIL", "LEG", "JUD", "OPP", "PTY", "REB", "CVL", "BUS", "JRN", "COP", "ELI", "LAB",
           "HRI", "HLH", "ENV", "EDU", "REL", "MED", "SPY", "SEP", "REF", "AGR", "DEV", "CRM", "IGO"}
OFFICES = {"head_of_state", "head_of_government", "vice_president", "foreign_minister",
           "defence_minister", "interior_minister", "finance_minister", "health_minister",
           "justice_minister", "education_minister", "labour_minister", "culture_minister",
           "agriculture_minister", "environment_minister", "transport_minister", "spokesperson",
           "foreign_ministry_spokesperson", "national_security_advisor",
           "security_council_secretary", "crown_prince", "head"}
GENDERS = {"m", "f"}

# entity row: [name, country, sector, kind, gender, aliases, curated]
NAME, COUNTRY, SECTOR, KIND, GENDER, ALIASES, CURATED = range(7)


def surname(name: str) -> str | None:
    """The family name a person is called by alone: the last word of a name of several words,
    unless it is a regnal number or too short to be told apart."""
    words = name.replace(",", " ").split()
    if len(words) < 2 or len(words[-1]) < 3 or set(words[-1]) <= set("IVXL"):
        return None
    return words[-1]


def build(sources: Sources) -> dict:
    """The index of a set of sources (assumed lint-free)."""
    entities: list[list] = []
    names: dict[str, list[int]] = defaultdict(list)
    surnames: dict[str, list[int]] = defaultdict(list)
    by_name: dict[str, int] = {}

    def add(name: str, country, sector, kind: str, gender, aliases: list[str], curated: bool) -> int:
        number = len(entities)
        aliases = [a for a in dict.fromkeys(aliases) if a != name]
        entities.append([name, country, sector, kind, gender, aliases, curated])
        by_name[name] = number
        for alias in [name, *aliases]:
            if number not in names[normalise(alias)]:
                names[normalise(alias)].append(number)
        return number

    for row in sources.rows["organisations"]:
        add(row["name"], row["country"], row["sector"], "organisation", None, split(row["aliases"]), True)
    for row in sources.rows["people"]:
        number = add(row["name"], row["country"], row["sector"], "person", row["gender"],
                     split(row["aliases"]), True)
        for name in [row["name"], *split(row["aliases"])]:
            family = surname(name)
            if family and number not in surnames[normalise(family)]:
                surnames[normalise(family)].append(number)
    affiliations: dict[str, list[list]] = {}
    for row in sources.rows["affiliations"]:
        known = [normalise(n) for n in [row["name"], *split(row["aliases"])]]
        if row["name"] in by_name or any(names.get(key) for key in known):
            continue  # the curated entry of the same person wins
        dated = [parse_affiliation(a) for a in split(row["affiliations"])]
        country, sector = dated[-1][0], dated[-1][1]
        number = add(row["name"], country, sector, "person", None, split(row["aliases"]), False)
        affiliations[str(number)] = dated
    roles = [[by_name[row["person"]], row["office"], row["title"], row["of"], row["start"], row["end"]]
             for row in sources.rows["roles"]]
    countries = {row["country"]: {"name": row["name"], "names": split(row["names"]),
                                  "capital": row["capital"], "capital_names": split(row["capital_names"]),
                                  "executive": row["executive"], "status": row["status"]}
                 for row in sources.rows["countries"]}
    places = {}
    for row in sources.rows["places"]:
        for name in [row["name"], *split(row["names"])]:
            places.setdefault(normalise(name), [row["name"], row["country"]])
    return {"generated_by": GENERATED_BY, "format": FORMAT_VERSION, "sources": sorted(sources.files),
            "entities": entities, "roles": roles, "affiliations": affiliations,
            "names": dict(sorted(names.items())), "surnames": dict(sorted(surnames.items())),
            "countries": countries, "places": dict(sorted(places.items()))}


def parse_affiliation(text: str) -> list:
    """`RUS GOV 1999-12-31 2008-05-07` → [country, sector, start, end]; dates may be `-`."""
    country, sector, *dates = text.split()
    start, end = (dates + ["-", "-"])[:2]
    return [country, None if sector == "-" else sector, None if start == "-" else start,
            None if end == "-" else end]


def lint(sources: Sources) -> list[str]:
    """Every problem of a set of sources, as readable sentences; empty when all is well."""
    problems: list[str] = []
    countries = {row["country"] for row in sources.rows["countries"]}
    codes = countries | NON_STATE
    organisations = {row["name"] for row in sources.rows["organisations"]}
    people = {}
    for kind, rows in sources.rows.items():
        for row in rows:
            problems += [f"{kind}: {row} is not NFC" for value in row.values()
                         if value and value != _nfc(value)][:1]
    for key, kind in (("country", "countries"), ("name", "organisations"), ("name", "people"),
                      ("name", "places")):
        seen = set()
        for row in sources.rows[kind]:
            problems += [f"{kind}: duplicate {row[key]}"] if row[key] in seen else []
            seen.add(row[key])
    problems += [f"{name} is both a person and an organisation"
                 for name in organisations & {row["name"] for row in sources.rows["people"]}]
    for row in sources.rows["countries"]:
        if not (ISO3.match(row["country"]) and row["executive"] in ("head_of_state", "head_of_government")):
            problems.append(f"countries: bad row {row}")
    for kind in ("places", "organisations", "people"):
        for row in sources.rows[kind]:
            if row["country"] and row["country"] not in codes:
                problems.append(f"{kind}: {row['name']}: unknown country {row['country']}")
            if row.get("sector") and row["sector"] not in SECTORS:
                problems.append(f"{kind}: {row['name']}: unknown sector {row['sector']}")
    for row in sources.rows["people"]:
        people[row["name"]] = row
        if row["gender"] and row["gender"] not in GENDERS:
            problems.append(f"people: {row['name']}: gender {row['gender']}")
    terms = defaultdict(list)
    for row in sources.rows["roles"]:
        where = f"roles: {row['person']} {row['office']} {row['of']}"
        if row["person"] not in people:
            problems.append(f"{where}: unknown person")
        if row["office"] not in OFFICES:
            problems.append(f"{where}: unknown office")
        if row["of"] not in codes and row["of"] not in organisations:
            problems.append(f"{where}: unknown state or organisation")
        if not (row["start"] and DATE.match(row["start"])) or (row["end"] and not DATE.match(row["end"])):
            problems.append(f"{where}: bad dates {row['start']}–{row['end']}")
        elif row["end"] and row["end"] <= row["start"]:
            problems.append(f"{where}: ends before it starts")
        else:
            terms[(row["office"], row["title"], row["of"])].append((row["start"], row["end"] or "9999", row["person"]))
    for office, spans in terms.items():
        spans.sort()
        for (s1, e1, p1), (s2, e2, p2) in zip(spans, spans[1:]):
            if s2 < e1:
                problems.append(f"roles: {office} overlap: {p1} until {e1}, {p2} from {s2}")
    for row in sources.rows["affiliations"]:
        for text in split(row["affiliations"]):
            country, sector, start, end = parse_affiliation(text)
            if country not in codes or (sector and sector not in SECTORS):
                problems.append(f"affiliations: {row['name']}: bad affiliation {text}")
    return problems


def _nfc(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", text)
