"""The knowledge base in memory: who an entity is on a date, who held an office."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from veille.kb.index import ALIASES, COUNTRY, CURATED, GENDER, KIND, NAME, SECTOR
from veille.kb.normalise import normalise

USUAL_TITLE = {"head_of_state": "president", "head_of_government": "prime_minister"}


class KnowledgeBase:
    def __init__(self, index: dict) -> None:
        self.index = index
        self.entities: list[list] = index["entities"]
        self.names: dict[str, list[int]] = index["names"]
        self.surnames: dict[str, list[int]] = index["surnames"]
        self.countries: dict[str, dict] = index["countries"]
        self.places: dict[str, list[str]] = index["places"]
        self.affiliations = {int(k): v for k, v in index["affiliations"].items()}
        self.roles_of: dict[int, list[list]] = defaultdict(list)
        self.holders_of: dict[tuple[str, str], list[list]] = defaultdict(list)
        for role in index["roles"]:
            self.roles_of[role[0]].append(role)
            self.holders_of[(role[1], role[3])].append(role)
        self.organisations = {e[NAME]: n for n, e in enumerate(self.entities) if e[KIND] == "organisation"}
        self.capitals: dict[str, str] = {}  # normalised name of a capital → its country's code
        for code, country in self.countries.items():
            for name in [country["capital"], *country["capital_names"]]:
                if name:
                    self.capitals.setdefault(normalise(name), code)

    # --- names -----------------------------------------------------------------------
    def by_name(self, text: str) -> list[int]:
        """Entities whose name or alias is `text`, curated ones first."""
        found = self.names.get(normalise(text), [])
        return sorted(found, key=lambda n: not self.entities[n][CURATED])

    def by_surname(self, text: str) -> list[int]:
        return list(self.surnames.get(normalise(text), []))

    def country_code(self, text: str) -> str | None:
        """The ISO code of a country named `text` (in any language the KB knows)."""
        key = normalise(text)
        for code, country in self.countries.items():
            if key == normalise(country["name"]) or key in map(normalise, country["names"]):
                return code
        return None

    def capital_code(self, text: str) -> str | None:
        """The ISO code of the country whose capital is named `text`."""
        return self.capitals.get(normalise(text))

    # --- roles -------------------------------------------------------------------------
    def roles(self, entity: int, date: str | None) -> list[list]:
        """The roles an entity holds on `date` (today when None), latest first."""
        day = date or today()
        held = [r for r in self.roles_of.get(entity, ()) if r[4] <= day and (not r[5] or day < r[5])]
        return sorted(held, key=lambda r: r[4], reverse=True)

    def holders(self, office: str, of: str, date: str | None, title: str | None = None) -> list[int]:
        """Who held `office` of `of` (a country code or an organisation) on `date`, latest
        appointment first. `title` narrows an office to how it is called (monarch, chancellor…)."""
        day = date or today()
        if office == "leader":
            office = self.countries.get(of, {}).get("executive", "head_of_state")
        roles = [r for r in self.holders_of.get((office, of), ())
                 if r[4] <= day and (not r[5] or day < r[5])
                 and (title is None or (r[2] or USUAL_TITLE.get(r[1], r[1])) == title)]
        return [r[0] for r in sorted(roles, key=lambda r: r[4], reverse=True)]

    def former_holders(self, office: str, of: str, date: str | None, title: str | None = None) -> list[int]:
        """Who held `office` of `of` before `date` and no longer did then, the last to leave first."""
        day = date or today()
        if office == "leader":
            office = self.countries.get(of, {}).get("executive", "head_of_state")
        roles = [r for r in self.holders_of.get((office, of), ())
                 if r[5] and r[5] <= day and (title is None or (r[2] or USUAL_TITLE.get(r[1], r[1])) == title)]
        current = set(self.holders(office, of, date, title))
        ordered = [r[0] for r in sorted(roles, key=lambda r: r[5], reverse=True) if r[0] not in current]
        return list(dict.fromkeys(ordered))

    def titled(self, title: str, of: str, date: str | None) -> list[int]:
        """Holders of any office called `title` (a president may head a government)."""
        found = []
        for office in ("head_of_state", "head_of_government", "head"):
            found += [n for n in self.holders(office, of, date, title) if n not in found]
        return found

    # --- actors ------------------------------------------------------------------------
    def actor(self, entity: int, date: str | None = None) -> dict:
        """The actor dict of an entity as it was on `date`: a person's country and sector
        are those of the office or affiliation held then."""
        row = self.entities[entity]
        country, sector = row[COUNTRY], row[SECTOR]
        held = self.roles(entity, date) if row[KIND] == "person" else []
        if held:
            of = held[0][3]
            if of in self.organisations:  # heading an organisation: its code, its sector
                organisation = self.entities[self.organisations[of]]
                country, sector = organisation[COUNTRY], organisation[SECTOR] or "GOV"
            else:  # every office of the roles file is a government office
                country, sector = of, "GOV"
        elif entity in self.affiliations:
            country, sector = self._affiliation(entity, date)
        return {"name": row[NAME], "country": country, "sector": sector, "kind": row[KIND],
                "aliases": list(row[ALIASES])}

    def _affiliation(self, entity: int, date: str | None) -> tuple[str, str | None]:
        day = date or today()
        dated = self.affiliations[entity]
        for country, sector, start, end in dated:
            if (start is None or start <= day) and (end is None or day < end) and (start or end):
                return country, sector
        return dated[-1][0], dated[-1][1]

    def gender(self, entity: int) -> str | None:
        return self.entities[entity][GENDER]

    def state(self, code: str, sector: str | None = None) -> dict:
        """The actor dict of a state, or of one of its sectors (its government, army…)."""
        country = self.countries.get(code)
        aliases = [country["name"], *country["names"][:2]] if country else []
        return {"name": None, "country": code, "sector": sector, "kind": "state" if code in self.countries
                else "organisation", "aliases": aliases}

    def body(self, form: str, code: str | None, sector: str | None) -> int | None:
        """The organisation of a country whose name, in the text's language, begins with
        `form`: "Sénat" in France is the Senate (France), alias "Sénat français"."""
        prefix = normalise(form)
        for n in self.organisations.values():
            entity = self.entities[n]
            if entity[COUNTRY] == code and entity[SECTOR] == sector \
                    and any(normalise(alias).startswith(prefix) for alias in entity[ALIASES]):
                return n
        return None

    def group(self, code: str | None, sector: str | None) -> dict:
        """A collective actor: the protesters, the police, the opposition of a country."""
        return {"name": None, "country": code, "sector": sector, "kind": "group", "aliases": []}

    def role_label(self, entity: int, date: str | None) -> str | None:
        held = self.roles(entity, date)
        if not held:
            return None
        _, office, title, of, start, end = held[0]
        return f"{title or office} of {of} ({start}–{end or ''})"


def today() -> str:
    return dt.date.today().isoformat()
