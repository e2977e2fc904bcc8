"""The actor knowledge base: its source files, its index, lookups by name, role and date,
places, the user's own files, the Wikidata and CAMEO imports, and the `veille kb` commands."""

import bz2
import gzip
import json
import time
import unicodedata
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from veille.kb import load_kb, lookup, resolve_place
from veille.kb.base import KnowledgeBase
from veille.kb.build import INDEX_PATH, dumps, packaged_sources
from veille.kb.cameo import convert
from veille.kb.index import build, lint
from veille.kb.sources import DATA_DIR, Sources
from veille.kb.user import add_file, user_index
from veille.kb.wikidata import import_dump, office_of
from veille.lang import table

runner = CliRunner()


@pytest.fixture(scope="module")
def sources() -> Sources:
    return packaged_sources()


# --- the packaged files ---------------------------------------------------------------------

def test_packaged_sources_have_no_problem(sources):
    assert lint(sources) == []


def test_index_is_rebuilt_identically_from_the_sources(sources):
    assert INDEX_PATH.read_text(encoding="utf-8") == dumps(build(sources))


def test_index_says_which_script_made_it():
    assert json.loads(INDEX_PATH.read_text(encoding="utf-8"))["generated_by"] == "python -m veille.kb.build"


def test_index_loads_in_under_a_second():
    started = time.perf_counter()
    KnowledgeBase(json.loads(INDEX_PATH.read_text(encoding="utf-8")))
    assert time.perf_counter() - started < 1.0


def test_every_un_member_and_observer_is_a_country(sources):
    statuses = [row["status"] for row in sources.rows["countries"]]
    assert statuses.count("member") == 193 and statuses.count("observer") == 2


@pytest.mark.parametrize("name", ["demonyms.tsv", "metonyms.tsv", "role_nouns.tsv"])
def test_language_tables_are_nfc_without_duplicate_forms(name):
    forms = [row["form"] for row in table("fr", name)]
    assert len(forms) == len(set(forms))
    assert all(unicodedata.normalize("NFC", form) == form for form in forms)


def test_demonyms_and_metonyms_point_to_known_countries():
    codes = set(load_kb().countries) | {"EUR", "UNO"}
    assert {row["country"] for row in table("fr", "demonyms.tsv")} <= codes
    assert {row["country"] for row in table("fr", "metonyms.tsv")} <= codes
    assert {row["stands_for"] for row in table("fr", "metonyms.tsv") if row["stands_for"]} <= set(load_kb().organisations)


def test_the_bodies_role_nouns_stand_for_are_in_the_knowledge_base():
    kb = load_kb()
    for row in table("fr", "role_nouns.tsv"):
        if row["body"]:
            assert any(kb.body(row["body"], code, row["sector"]) is not None for code in kb.countries), row["form"]


def test_role_nouns_name_known_offices():
    from veille.kb.index import OFFICES

    offices = {row["office"] for row in table("fr", "role_nouns.tsv")} - {None}
    assert offices <= OFFICES | {"leader", "counterpart"}


# --- lint: each kind of problem is caught -----------------------------------------------------

def _sources(**rows) -> Sources:
    base = packaged_sources()
    small = Sources()
    small.rows["countries"] = base.rows["countries"]
    small.rows["organisations"] = [r for r in base.rows["organisations"] if r["name"] == "NATO"]
    for kind, extra in rows.items():
        small.rows[kind] = small.rows[kind] + extra
    return small


def person(name, country="FRA", gender="m"):
    return {"name": name, "country": country, "sector": "GOV", "gender": gender, "aliases": None}


def role(who, office, of, start, end=None, title=None):
    return {"person": who, "office": office, "title": title, "of": of, "start": start, "end": end}


@pytest.mark.parametrize("rows, problem", [
    ({"people": [person("A B"), person("A B")]}, "duplicate A B"),
    ({"people": [person("A B", "XXX")]}, "unknown country XXX"),
    ({"people": [person("A B", gender="x")]}, "gender"),
    ({"people": [person("Cafe\u0301 Noir")]}, "not NFC"),
    ({"people": [person("A B")], "roles": [role("C D", "head_of_state", "FRA", "2000-01-01")]}, "unknown person"),
    ({"people": [person("A B")], "roles": [role("A B", "emperor", "FRA", "2000-01-01")]}, "unknown office"),
    ({"people": [person("A B")], "roles": [role("A B", "head", "Nowhere Club", "2000-01-01")]}, "unknown state or organisation"),
    ({"people": [person("A B")], "roles": [role("A B", "head_of_state", "FRA", "2000-13")]}, "bad dates"),
    ({"people": [person("A B")], "roles": [role("A B", "head_of_state", "FRA", "2001-01-01", "2000-01-01")]}, "ends before"),
    ({"people": [person("A B"), person("C D")],
      "roles": [role("A B", "head_of_state", "FRA", "2000-01-01", "2005-01-01"),
                role("C D", "head_of_state", "FRA", "2004-01-01")]}, "overlap"),
    ({"people": [person("NATO")]}, "both a person and an organisation"),
])
def test_lint_catches(rows, problem):
    assert any(problem in p for p in lint(_sources(**rows)))


def test_lint_accepts_a_handover_on_the_same_day():
    rows = {"people": [person("A B"), person("C D")],
            "roles": [role("A B", "head_of_state", "FRA", "2000-01-01", "2005-01-01"),
                      role("C D", "head_of_state", "FRA", "2005-01-01")]}
    assert lint(_sources(**rows)) == []


# --- lookups ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, date, name, country, sector", [
    ("le président russe", "2018-10-24", "Vladimir Putin", "RUS", "GOV"),
    ("le président russe", "2009-01-01", "Dmitry Medvedev", "RUS", "GOV"),
    ("le Premier ministre britannique", "2019-09-01", "Boris Johnson", "GBR", "GOV"),
    ("le Premier ministre britannique", "2019-06-01", "Theresa May", "GBR", "GOV"),
    ("la chancelière allemande", "2015-06-01", "Angela Merkel", "DEU", "GOV"),
    ("le chef de la diplomatie américaine", "2018-06-01", "Mike Pompeo", "USA", "GOV"),
    ("le ministre russe des Affaires étrangères", "2018-06-01", "Sergey Lavrov", "RUS", "GOV"),
    ("le secrétaire d'État américain", "2015-06-01", "John Kerry", "USA", "GOV"),
    ("le président iranien", "2019-01-01", "Hassan Rouhani", "IRN", "GOV"),
    ("le guide suprême iranien", "2019-01-01", "Ali Khamenei", "IRN", "GOV"),
    ("le secrétaire général de l'ONU", "2019-01-01", "António Guterres", "UNO", None),
    ("la présidente de la Commission européenne", "2020-06-01", "Ursula von der Leyen", "EUR", "GOV"),
    ("le porte-parole du Kremlin", "2018-10-24", "Dmitry Peskov", "RUS", "GOV"),
    ("la porte-parole de la diplomatie russe", "2018-10-24", "Maria Zakharova", "RUS", "GOV"),
    # the ministers of the other portfolios: the holder on the date, who changes with a reshuffle
    ("la ministre française de la Santé", "2019-11-12", "Agnès Buzyn", "FRA", "GOV"),
    ("la ministre française de la Santé", "2020-03-01", "Olivier Véran", "FRA", "GOV"),
    ("le garde des Sceaux", "2021-03-01", "Éric Dupond-Moretti", "FRA", "GOV"),
    ("le ministre de l'Éducation nationale", "2019-06-01", "Jean-Michel Blanquer", "FRA", "GOV"),
    ("la ministre française du Travail", "2018-06-01", "Muriel Pénicaud", "FRA", "GOV"),
    ("la ministre française de la Culture", "2021-06-01", "Roselyne Bachelot", "FRA", "GOV"),
    ("le ministre français de l'Agriculture", "2021-06-01", "Julien Denormandie", "FRA", "GOV"),
    ("la ministre de la Transition écologique", "2021-01-01", "Barbara Pompili", "FRA", "GOV"),
    ("le ministre délégué chargé des Transports", "2021-01-01", "Jean-Baptiste Djebbari", "FRA", "GOV"),
    ("le ministre américain de la Justice", "2019-06-01", "William Barr", "USA", "GOV"),
    ("le secrétaire à la Santé américain", "2019-06-01", "Alex Azar", "USA", "GOV"),
    ("la ministre américaine de l'Éducation", "2018-06-01", "Betsy DeVos", "USA", "GOV"),
    ("le ministre américain des Transports", "2022-06-01", "Pete Buttigieg", "USA", "GOV"),
    ("le ministre britannique de la Santé", "2018-07-01", "Jeremy Hunt", "GBR", "GOV"),
    ("le ministre britannique de la Santé", "2018-07-10", "Matt Hancock", "GBR", "GOV"),
    ("le ministre britannique de la Justice", "2022-01-01", "Dominic Raab", "GBR", "GOV"),
    ("Dmitri Peskov", "2018-10-24", "Dmitry Peskov", "RUS", "GOV"),
    ("Zelensky", "2022-03-01", "Volodymyr Zelenskyy", "UKR", "GOV"),
    ("Kyiv", None, None, "UKR", "GOV"),
    ("le Kremlin", None, None, "RUS", "GOV"),
    ("la Maison Blanche", None, None, "USA", "GOV"),
    ("le Pentagone", None, None, "USA", "MIL"),
    ("Bruxelles", None, "European Union", "EUR", None),
    ("l'OTAN", None, "NATO", "IGO", "MIL"),
])
def test_lookup_gives_the_right_actor_first(text, date, name, country, sector):
    first = lookup(text, date)[0]
    assert (first["name"], first["country"]) == (name, country)
    if sector:
        assert first["sector"] == sector


@pytest.mark.parametrize("text, date, name, country, sector", [
    # the media, unions and employers' bodies the French press quotes
    ("BFM TV", None, "BFM TV", "FRA", "JRN"),
    ("Le Monde", None, "Le Monde", "FRA", "JRN"),
    ("l'AFP", None, "Agence France-Presse", "FRA", "JRN"),
    ("CNN", None, "CNN", "USA", "JRN"),
    ("la FNSEA", None, "National Federation of Agricultural Holders' Unions", "FRA", "AGR"),
    ("le Medef", None, "Mouvement des Entreprises de France", "FRA", "BUS"),
    # people with dated roles before the curated period
    ("le président français", "1962-01-01", "Charles de Gaulle", "FRA", "GOV"),
    ("le général de Gaulle", "2020-06-18", "Charles de Gaulle", "FRA", "MIL"),
    # an organisation named next to the noun that says what it is
    ("le site Lyon Matin", None, "Lyon Matin", None, "JRN"),
])
def test_lookup_knows_the_media_and_bodies_quoted_in_french_news(text, date, name, country, sector):
    first = lookup(text, date)[0]
    assert (first["name"], first["country"], first["sector"]) == (name, country, sector)


def test_lookup_lists_every_holder_of_a_shared_surname_best_first():
    names = [actor["name"] for actor in lookup("Castro", "2010-01-01")]
    assert names[:2] == ["Raúl Castro", "Fidel Castro"]


def test_lookup_says_which_role_is_held_on_the_date():
    [first, *_] = lookup("Poutine", "2010-01-01")
    assert first["role"].startswith("head_of_government of RUS")


def test_a_former_leader_keeps_the_sector_of_the_people_file_after_office():
    kb = load_kb()
    [hollande] = kb.by_name("François Hollande")
    assert kb.actor(hollande, "2014-01-01")["sector"] == "GOV"
    assert kb.actor(hollande, "2019-01-01")["sector"] == "ELI"


def test_cameo_people_resolve_with_their_dated_affiliation():
    kb = load_kb()
    [jonathan] = kb.by_name("Goodluck Jonathan")
    assert kb.actor(jonathan, "2012-01-01")[("country")] == "NGA"


# --- places -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, country", [
    ("Paris", "Paris", "FRA"),
    ("Hambourg", "Hamburg", "DEU"),
    ("Moscou", "Moscow", "RUS"),
    ("Helsinki", "Helsinki", "FIN"),
    ("aux États-Unis", "United States", "USA"),
    ("aux Etats-Unis", "United States", "USA"),
    ("en Finlande", "Finland", "FIN"),
    ("au Vietnam", "Vietnam", "VNM"),
    ("Pékin", "Beijing", "CHN"),
    ("Londres", "London", "GBR"),
    ("à Saint-Pétersbourg", "Saint Petersburg", "RUS"),
    ("dans la bande de Gaza", "Gaza Strip", "PSE"),
    ("à Kiev", "Kyiv", "UKR"),
    ("en Côte d'Ivoire", "Ivory Coast", "CIV"),
])
def test_resolve_place(text, name, country):
    assert resolve_place(text) == {"name": name, "country": country}


@pytest.mark.parametrize("text", ["Nulle-Part-sur-Mer", "", "le président"])
def test_resolve_place_says_none_for_what_it_does_not_know(text):
    assert resolve_place(text) is None


# --- user files ---------------------------------------------------------------------------------

USER_PEOPLE = """# People of my newsroom's beat
name\tcountry\tsector\tgender\taliases
Jeanne Exemple\tFRA\tGOV\tf\tJ. Exemple
"""
USER_ROLES = """# Their offices
person\toffice\ttitle\tof\tstart\tend
Jeanne Exemple\tspokesperson\t\tFRA\t2030-01-01\t
"""


def test_user_files_extend_the_knowledge_base(tmp_path):
    (tmp_path / "src").mkdir()
    people, roles = tmp_path / "src" / "people.tsv", tmp_path / "src" / "roles.tsv"
    people.write_text(USER_PEOPLE, encoding="utf-8")
    roles.write_text(USER_ROLES, encoding="utf-8")
    kb_dir = tmp_path / "kb"
    assert add_file(people, kb_dir)[0] == "people"
    assert add_file(roles, kb_dir)[0] == "roles"
    kb = KnowledgeBase(user_index(kb_dir))
    [jeanne] = kb.by_name("J. Exemple")
    assert kb.holders("spokesperson", "FRA", "2030-06-01") == [jeanne]
    assert kb.holders("head_of_state", "FRA", "2030-06-01") == kb.holders("head_of_state", "FRA", None)


def test_a_user_file_with_problems_is_refused_and_not_kept(tmp_path):
    bad = tmp_path / "roles.tsv"
    bad.write_text(USER_ROLES.replace("Jeanne Exemple", "Nobody Known"), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown person"):
        add_file(bad, tmp_path / "kb")
    assert not (tmp_path / "kb" / "roles.tsv").exists()


def test_a_file_of_unknown_columns_is_refused(tmp_path):
    odd = tmp_path / "odd.tsv"
    odd.write_text("who\twhen\nX\t2000\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown columns"):
        add_file(odd, tmp_path / "kb")


# --- Wikidata import ----------------------------------------------------------------------------

def _claim(prop, value):
    kind = "wikibase-entityid" if isinstance(value, dict) else "string"
    return {"mainsnak": {"snaktype": "value", "property": prop, "datavalue": {"value": value, "type": kind}},
            "type": "statement", "rank": "normal"}


def _item(qid):
    return {"entity-type": "item", "id": qid}


def _time(day, precision=11):
    return {"snaktype": "value", "datavalue": {"value": {"time": f"+{day}T00:00:00Z", "precision": precision}}}


def _held(position, start, end=None):
    claim = _claim("P39", _item(position))
    claim["qualifiers"] = {"P580": [_time(start)], **({"P582": [_time(end)]} if end else {})}
    return claim


WIKIDATA_ENTITIES = [
    {"type": "item", "id": "Q900001", "labels": {"en": {"value": "Freedonia test"}},
     "claims": {"P298": [_claim("P298", "FRA")]}},
    {"type": "item", "id": "Q900002", "labels": {"en": {"value": "Minister of Foreign Affairs of Freedonia"}},
     "claims": {"P1001": [_claim("P1001", _item("Q900001"))]}},
    {"type": "item", "id": "Q900003", "labels": {"en": {"value": "Rufus T. Firefly"}, "fr": {"value": "Rufus Firefly"}},
     "sitelinks": {"enwiki": {"title": "Rufus T. Firefly"}},
     "claims": {"P31": [_claim("P31", _item("Q5"))], "P21": [_claim("P21", _item("Q6581097"))],
                "P39": [_held("Q900002", "2031-03-01", "2033-05-01")]}},
    {"type": "item", "id": "Q900004", "labels": {"en": {"value": "Someone Without Office"}},
     "claims": {"P31": [_claim("P31", _item("Q5"))]}},
    {"type": "item", "id": "Q900005", "labels": {"en": {"value": "League of Test Nations"}, "fr": {"value": "Ligue des nations test"}},
     "claims": {"P31": [_claim("P31", _item("Q484652"))]}},
]


def _write_dump(path: Path) -> Path:
    lines = "[\n" + ",\n".join(json.dumps(e) for e in WIKIDATA_ENTITIES) + "\n]\n"
    opener = {".gz": gzip.open, ".bz2": bz2.open}.get(path.suffix, open)
    with opener(path, "wt", encoding="utf-8") as f:
        f.write(lines)
    return path


@pytest.mark.parametrize("name", ["dump.json", "dump.json.gz", "dump.json.bz2"])
def test_wikidata_import_reads_people_offices_and_organisations(tmp_path, name):
    counts = import_dump(_write_dump(tmp_path / name), tmp_path / "kb")
    assert counts == {"people": 1, "roles": 1, "organisations": 1}
    kb = KnowledgeBase(user_index(tmp_path / "kb"))
    [firefly] = kb.by_name("Rufus Firefly")
    assert kb.holders("foreign_minister", "FRA", "2032-01-01") == [firefly]
    assert kb.actor(firefly, "2032-01-01")["country"] == "FRA"
    assert kb.by_name("Ligue des nations test")
    assert not kb.by_name("Someone Without Office")


@pytest.mark.parametrize("label, office", [
    ("United States Secretary of Health and Human Services", "health_minister"),
    ("Secretary of State for Health and Social Care", "health_minister"),
    ("United States Attorney General", "justice_minister"),
    ("Secretary of State for Justice", "justice_minister"),
    ("Minister of National Education", "education_minister"),
    ("United States Secretary of Labor", "labour_minister"),
    ("Minister of Culture", "culture_minister"),
    ("United States Secretary of Agriculture", "agriculture_minister"),
    ("Minister of the Environment", "environment_minister"),
    ("United States Secretary of Transportation", "transport_minister"),
    # the older offices keep their labels, and a law officer is no minister of justice
    ("United States Secretary of State", "foreign_minister"),
    ("Minister of the Interior", "interior_minister"),
    ("Attorney General for England and Wales", None),
])
def test_wikidata_position_labels_read_as_offices(label, office):
    patterns = yaml.safe_load((DATA_DIR / "wikidata_offices.yaml").read_text(encoding="utf-8"))
    found = office_of(label, patterns)
    assert (found and found["office"]) == office


# --- CAMEO conversion ----------------------------------------------------------------------------

CAMEO = """# a small CAMEO country file
RUSSIA_ [RUS]
+MOSCOW_
VLADIMIR_PUTIN_  # CountryInfo.txt
+VLADIMIR_V._PUTIN
+PRESIDENT_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV >120507]
\t[RUSELI]
LEONID_BREZHNEV_  # CountryInfo.txt
\t[USRGOV 641014-821110]
ABDEL_FATTAH_AL-SISI_
\t[EGYMIL 120812-140326]
"""


def test_cameo_conversion_keeps_recent_people_with_iso_dates(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(CAMEO, encoding="utf-8")
    people = {name: (aliases, affiliations) for name, aliases, affiliations in
              convert(path, {"RUS": "Russia", "EGY": "Egypt"})}
    assert set(people) == {"Vladimir Putin", "Abdel Fattah al-Sisi"}
    aliases, affiliations = people["Vladimir Putin"]
    assert aliases == ["Vladimir V. Putin"]
    assert affiliations == ["RUS ELI 1970-01-01 1999-08-09", "RUS GOV 2012-05-07 -", "RUS ELI - -"]


# --- the command line ----------------------------------------------------------------------------

def test_cli_lookup_prints_json_lines_best_first():
    from veille.cli.kb import kb_app

    result = runner.invoke(kb_app, ["lookup", "le président russe", "--date", "2018-10-24", "--format", "jsonl"])
    assert result.exit_code == 0
    first = json.loads(result.stdout.splitlines()[0])
    assert set(first) == {"name", "country", "sector", "kind", "aliases", "role"}
    assert first["name"] == "Vladimir Putin"


def test_cli_lookup_table_and_unknown_mention():
    from veille.cli.kb import kb_app

    assert "Angela Merkel" in runner.invoke(kb_app, ["lookup", "la chancelière allemande", "--date", "2015-06-01"]).stdout
    assert runner.invoke(kb_app, ["lookup", "xyzzy"]).exit_code == 1


def test_cli_add_and_import_wikidata_write_into_the_user_directory(tmp_path, monkeypatch):
    from veille.cli.kb import kb_app

    monkeypatch.setenv("VEILLE_KB_DIR", str(tmp_path / "kb"))
    people = tmp_path / "people.tsv"
    people.write_text(USER_PEOPLE, encoding="utf-8")
    result = runner.invoke(kb_app, ["add", str(people)])
    assert result.exit_code == 0 and "people" in result.stdout
    result = runner.invoke(kb_app, ["import-wikidata", str(_write_dump(tmp_path / "dump.json.gz"))])
    assert result.exit_code == 0 and "1 people" in result.stdout
    assert sorted(p.name for p in (tmp_path / "kb").glob("*.tsv")) == [
        "people.tsv", "wikidata_organisations.tsv", "wikidata_people.tsv", "wikidata_roles.tsv"]


def test_packaged_data_directory_holds_only_known_kinds_of_files():
    assert {p.suffix for p in DATA_DIR.iterdir()} <= {".tsv", ".json", ".yaml", ".md"}


@pytest.mark.parametrize("text, expected", [
    ("à Poissy", {"name": "Poissy", "country": "FRA"}),
    ("Minneapolis", {"name": "Minneapolis", "country": "USA"}),
    ("à Hambourg", {"name": "Hamburg", "country": "DEU"}),
    ("Atlantide", None),
    # a town of an overseas department is in France
    ("à Fort-de-France", {"name": "Fort-de-France", "country": "FRA"}),
])
def test_places_the_curated_table_lacks_come_from_world_towns(text, expected):
    from veille.kb import resolve_place

    assert resolve_place(text) == expected
