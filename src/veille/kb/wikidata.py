"""Import people, their offices and organisations from a Wikidata JSON dump.

    veille kb import-wikidata latest-all.json.bz2

The dump (a JSON array, one entity a line, plain, .gz or .bz2) is read as a stream, once.
Kept: humans (P31 = Q5) who held a position (P39) that applies to a country (P1001 → P298)
and reads as an office of `wikidata_offices.yaml`; international organisations (Q484652)
and political parties (Q7278). Names are English Wikipedia titles when the item has one,
else English labels; French and English labels and aliases become aliases. People and
organisations the packaged knowledge base already has are left to it. The result is three
TSV files in the knowledge-base user directory, compiled with the packaged sources.
"""

from __future__ import annotations

import bz2
import gzip
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from veille.kb.build import packaged_sources
from veille.kb.sources import DATA_DIR

HUMAN = "Q5"
ORGANISATION_CLASSES = {"Q484652": ("IGO", None), "Q7278": (None, "PTY")}
GENDERS = {"Q6581097": "m", "Q6581072": "f"}
LANGUAGES = ("fr", "en")


@dataclass
class Found:
    countries: dict[str, str] = field(default_factory=dict)  # item → ISO alpha-3
    positions: dict[str, tuple[str, str]] = field(default_factory=dict)  # item → (jurisdiction, label)
    people: list[dict] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)


def entities(path: Path) -> Iterator[dict]:
    """The entities of a dump, one at a time."""
    opener = {".gz": gzip.open, ".bz2": bz2.open}.get(path.suffix, open)
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            line = line.strip().rstrip(",")
            if line and line not in ("[", "]"):
                yield json.loads(line)


def values(entity: dict, prop: str) -> list[dict]:
    """The statements of `prop` that have a value, with their qualifiers."""
    return [s for s in entity.get("claims", {}).get(prop, ())
            if s.get("mainsnak", {}).get("snaktype") == "value" and s.get("rank") != "deprecated"]


def item(statement: dict) -> str | None:
    value = statement["mainsnak"]["datavalue"]["value"]
    return value.get("id") if isinstance(value, dict) else None


def qualifier_date(statement: dict, prop: str) -> str | None:
    for snak in statement.get("qualifiers", {}).get(prop, ()):
        if snak.get("snaktype") == "value":
            time, precision = snak["datavalue"]["value"]["time"], snak["datavalue"]["value"]["precision"]
            if time.startswith("-"):
                return None  # before the common era: no office of ours
            year, month, day = time.lstrip("+").split("T")[0].split("-")
            month = month if precision >= 10 and month != "00" else "01"
            day = day if precision >= 11 and day != "00" else "01"
            return f"{int(year):04d}-{month}-{day}"
    return None


def names(entity: dict) -> tuple[str | None, list[str]]:
    """The canonical name (English Wikipedia title, else English label) and the aliases."""
    title = entity.get("sitelinks", {}).get("enwiki", {}).get("title")
    labels = [entity.get("labels", {}).get(lang, {}).get("value") for lang in LANGUAGES]
    aliases = [a["value"] for lang in LANGUAGES for a in entity.get("aliases", {}).get(lang, ())]
    name = title or labels[1]
    clean = [nfc(a) for a in [*labels, *aliases] if a and "\t" not in a and "|" not in a]
    return (nfc(name) if name else None), [a for a in dict.fromkeys(clean) if a != name]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def scan(path: Path) -> Found:
    found = Found()
    for entity in entities(path):
        if entity.get("type") != "item":
            continue
        qid = entity["id"]
        for statement in values(entity, "P298"):
            found.countries[qid] = statement["mainsnak"]["datavalue"]["value"]
        jurisdiction = [item(s) for s in values(entity, "P1001")]
        if jurisdiction and jurisdiction[0]:
            found.positions[qid] = (jurisdiction[0], entity.get("labels", {}).get("en", {}).get("value", ""))
        classes = {item(s) for s in values(entity, "P31")}
        name, aliases = names(entity)
        if not name:
            continue
        if HUMAN in classes and values(entity, "P39"):
            found.people.append({
                "name": name, "aliases": aliases,
                "gender": next((GENDERS[g] for g in map(item, values(entity, "P21")) if g in GENDERS), None),
                "citizenship": [item(s) for s in values(entity, "P27")],
                "positions": [(item(s), qualifier_date(s, "P580"), qualifier_date(s, "P582"))
                              for s in values(entity, "P39")]})
        for cls in classes & ORGANISATION_CLASSES.keys():
            code, sector = ORGANISATION_CLASSES[cls]
            found.organisations.append({"name": name, "aliases": aliases, "code": code, "sector": sector,
                                        "country": [item(s) for s in values(entity, "P17")]})
    return found


def office_of(label: str, patterns: list[dict]) -> dict | None:
    low = label.casefold()
    return next((p for p in patterns if low.startswith(p["pattern"])), None)


def import_dump(path: Path, out_dir: Path) -> dict[str, int]:
    """Write wikidata_people.tsv, wikidata_roles.tsv and wikidata_organisations.tsv into
    `out_dir`; how many rows of each."""
    patterns = yaml.safe_load((DATA_DIR / "wikidata_offices.yaml").read_text(encoding="utf-8"))
    found = scan(path)
    packaged = packaged_sources().rows
    known = {row["name"] for kind in ("people", "organisations") for row in packaged[kind]}
    countries = {row["country"] for row in packaged["countries"]}
    people, roles, organisations = [], [], []
    for person in found.people:
        if person["name"] in known:
            continue
        held = []
        for position, start, end in person["positions"]:
            jurisdiction, label = found.positions.get(position, (None, ""))
            office = office_of(label, patterns)
            code = found.countries.get(jurisdiction)
            if office and code in countries and start and (not end or end > start):
                held.append([person["name"], office["office"], office.get("title") or "", code, start, end or ""])
        if not held:
            continue
        known.add(person["name"])
        citizenship = next((found.countries[c] for c in person["citizenship"] if found.countries.get(c) in countries),
                           held[-1][3])
        people.append([person["name"], citizenship, "GOV", person["gender"] or "", "|".join(person["aliases"])])
        roles += held
    for organisation in found.organisations:
        if organisation["name"] in known:
            continue
        known.add(organisation["name"])
        country = next((found.countries[c] for c in organisation["country"] if found.countries.get(c) in countries),
                       organisation["code"] or "")
        organisations.append([organisation["name"], country, organisation["sector"] or "",
                              "|".join(organisation["aliases"])])
    out_dir.mkdir(parents=True, exist_ok=True)
    source = f"# Imported from the Wikidata dump {path.name} by `veille kb import-wikidata`.\n"
    write(out_dir / "wikidata_people.tsv", source, ("name", "country", "sector", "gender", "aliases"), people)
    write(out_dir / "wikidata_roles.tsv", source, ("person", "office", "title", "of", "start", "end"), roles)
    write(out_dir / "wikidata_organisations.tsv", source, ("name", "country", "sector", "aliases"), organisations)
    return {"people": len(people), "roles": len(roles), "organisations": len(organisations)}


def write(path: Path, comment: str, header: tuple[str, ...], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(comment)
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
