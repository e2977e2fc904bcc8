"""Lint of the French event data: the trigger lexicon, the modality cues and morphology, and
the event test table (tests/cases/events_fr.yaml)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml

from veille.events.coder import SentenceCoder
from veille.events.lexicon import load_lexicon
from veille.lang import data, lang_path, read_table, table
from veille.schema import EVENT_TYPES, MODALITIES

TRIGGERS = read_table(lang_path("fr", "event_triggers.tsv"))
CUES = read_table(lang_path("fr", "modality_cues.tsv"))
MORPH = data("fr", "modality_morph.yaml")
CASES_PATH = Path(__file__).parent / "cases" / "events_fr.yaml"
KB_COUNTRIES = Path(__file__).parents[1] / "src" / "veille" / "kb" / "data" / "countries.tsv"
CASES = yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))

# PLOVER modes per type, as the PLOVER manual names them (openeventdata/PLOVER). REQUEST takes
# the modes of the manual's DEMAND, which POLECAT renamed REQUEST; `aerial` is the mode of air
# and drone strikes.
PLOVER_MODES = {
    "AGREE": set(), "SUPPORT": set(), "CONCEDE": set(), "COOPERATE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "AID": {"economic", "military", "humanitarian", "asylum"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold"},
    "ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "heavy-weapons", "cleansing", "massacre",
                "unconventional", "sideAB", "aerial"},
}
# Modes that only the context gives (where a meeting is held, whether a fight has two sides).
CONTEXT_MODES = {("CONSULT", "third-party"), ("ASSAULT", "sideAB")}

# The codes of the CAMEO event codebook.
CAMEO_CODES = frozenset("""
010 011 012 013 014 015 016 017 018 019 020 021 0211 0212 0213 0214 022 023 0231 0232 0233 0234
024 0241 0242 0243 0244 025 0251 0252 0253 0254 0255 0256 026 027 028 030 031 0311 0312 0313 0314
032 033 0331 0332 0333 0334 034 0341 0342 0343 0344 035 0351 0352 0353 0354 0355 0356 036 037 038
039 040 041 042 043 044 045 046 050 051 052 053 054 055 056 057 060 061 062 063 064 070 071 072 073
074 075 080 081 0811 0812 0813 0814 082 083 0831 0832 0833 0834 084 0841 0842 085 086 0861 0862
0863 087 0871 0872 0873 0874 090 091 092 093 094 100 101 1011 1012 1013 1014 102 103 1031 1032 1033
1034 104 1041 1042 1043 1044 105 1051 1052 1053 1054 1055 1056 106 107 108 110 111 112 1121 1122
1123 1124 1125 113 114 115 116 120 121 1211 1212 1213 1214 122 1221 1222 1223 1224 123 1231 1232
1233 1234 124 1241 1242 1243 1244 1245 1246 125 126 127 128 129 130 131 1311 1312 1313 132 1321
1322 1323 1324 133 134 135 136 137 138 1381 1382 1383 1384 1385 139 140 141 1411 1412 1413 1414
142 1421 1422 1423 1424 143 1431 1432 1433 1434 144 1441 1442 1443 1444 145 1451 1452 1453 1454
150 151 152 153 154 155 160 161 162 1621 1622 1623 163 164 165 166 1661 1662 1663 170 171 1711 1712
172 1721 1722 1723 1724 173 174 175 176 180 181 182 1821 1822 1823 183 1831 1832 1833 184 185 186
190 191 192 193 194 195 196 200 201 202 203 204 2041 2042
""".split())

# The CAMEO families each PLOVER type gathers (PLOVER's CAMEO2PLOVER table), with the
# manual's own choices: apologies and declared ceasefires are CONCEDE, resignations RETREAT,
# fines SANCTION, destruction and violent repression ASSAULT. A court's finding of guilt
# (116) is ACCUSE, as docs/annotation.md decides.
CAMEO_FAMILIES = {
    "AGREE": ("03",), "CONSULT": ("04",), "SUPPORT": ("05",), "COOPERATE": ("06",), "AID": ("07",),
    "CONCEDE": ("080", "081", "082", "083", "055", "0871"),
    "RETREAT": ("084", "085", "086", "087", "0813", "0814", "0831"),
    "REQUEST": ("10",), "ACCUSE": ("09", "11"), "REJECT": ("12",), "THREATEN": ("13",),
    "PROTEST": ("14",), "MOBILIZE": ("15",), "SANCTION": ("16", "116"),
    "COERCE": ("17", "191", "192"), "ASSAULT": ("18", "19", "20", "1712", "175"),
}

FRAMES = {"agent-patient", "symmetric", "host-visitor", "receiver", "visit", "agent"}
PREPOSITIONS = {"à", "avec", "contre", "envers", "auprès de", "entre", "de", "par", "vers", "chez", "en",
                "dans", "sur", "pour", "devant", "face à", "à l'encontre de", "visant"}
SECTORS = {"GOV", "JUD", "LEG", "MIL", "COP", "OPP", "PTY", "REB", "PRM", "SPY", "UAF", "CVL", "BUS",
           "EDU", "MED", "LAB", "AGR", "JRN", "REF", "REL", "SOC", "CRM"}
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
UNIVERSAL_POS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
                 "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}
CUE_MODALITIES = set(MODALITIES) - {"asserted"}
CUE_SCOPES = {"governor", "modifier", "clause"}
EVENT_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-W\d{2}|-(SP|SU|FA|WI))?$")


def cells(cell: str | None) -> list[str]:
    return cell.split("|") if cell else []


def row_name(row: dict) -> str:
    return " ".join(filter(None, (row.get("trigger") or row.get("cue"), row["pos"], row.get("object"))))


# ---------------------------------------------------------------- the trigger lexicon

def test_trigger_table_has_the_documented_columns():
    assert list(TRIGGERS[0]) == ["trigger", "pos", "voice", "type", "mode", "cameo", "frame", "preps",
                                 "object", "example", "note"]
    assert len(TRIGGERS) >= 300


@pytest.mark.parametrize("column", ["trigger", "pos", "type", "cameo", "frame", "example"])
def test_required_trigger_cells_are_filled(column):
    assert [row_name(r) for r in TRIGGERS if not r[column]] == []


def test_triggers_are_verbs_or_nouns_with_plover_types_and_modes():
    bad = [row_name(r) for r in TRIGGERS
           if r["pos"] not in {"VERB", "NOUN"} or r["type"] not in EVENT_TYPES
           or (r["mode"] and r["mode"] not in PLOVER_MODES[r["type"]])
           or r["voice"] not in (None, "reflexive", "passive")]
    assert bad == []


def test_cameo_codes_exist_and_belong_to_the_type():
    bad = [(row_name(r), r["type"], r["cameo"]) for r in TRIGGERS
           if r["cameo"] not in CAMEO_CODES or not r["cameo"].startswith(CAMEO_FAMILIES[r["type"]])]
    assert bad == []


def test_frames_and_prepositions_are_known():
    bad = [row_name(r) for r in TRIGGERS
           if r["frame"] not in FRAMES or not set(cells(r["preps"])) <= PREPOSITIONS
           or (r["frame"] in {"agent", "host-visitor"} and r["preps"])]
    assert bad == []


def test_no_two_rows_share_trigger_pos_voice_and_object():
    keys = Counter((r["trigger"], r["pos"], r["voice"], r["object"]) for r in TRIGGERS)
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize("plover_type", EVENT_TYPES)
def test_every_type_and_mode_has_triggers(plover_type):
    rows = [r for r in TRIGGERS if r["type"] == plover_type]
    modes = {r["mode"] for r in rows}
    assert len(rows) >= 10
    assert PLOVER_MODES[plover_type] - {m for t, m in CONTEXT_MODES if t == plover_type} <= modes


# ---------------------------------------------------------------- modality

def test_cue_table_has_the_documented_columns():
    assert list(CUES[0]) == ["cue", "pos", "modality", "scope", "example", "note"]


def test_cues_have_known_pos_modality_and_scope():
    bad = [row_name(r) for r in CUES
           if r["pos"] not in UNIVERSAL_POS or r["modality"] not in CUE_MODALITIES
           or not cells(r["scope"]) or not set(cells(r["scope"])) <= CUE_SCOPES or not r["example"]]
    assert bad == []


def test_no_two_cues_share_lemma_and_pos():
    keys = Counter((r["cue"], r["pos"]) for r in CUES)
    assert [key for key, count in keys.items() if count > 1] == []


@pytest.mark.parametrize("modality", sorted(CUE_MODALITIES))
def test_every_modality_has_cues(modality):
    assert sum(r["modality"] == modality for r in CUES) >= 10


def test_morphology_rules_are_well_formed():
    for rule in MORPH["morphology"]:
        assert set(rule) <= {"feats", "on", "when", "modality"}
        assert set(rule["feats"]) <= {"Mood", "Tense"} and rule["modality"] in CUE_MODALITIES
        assert set(rule["on"]) <= {"trigger", "auxiliary", "support"}
        assert rule.get("when") in (None, "reported_past")
    assert set(MORPH["precedence"]) == CUE_MODALITIES
    assert MORPH["double_negation"] in CUE_MODALITIES
    assert set(MORPH["stem_endings"]) == {"Fut", "Cnd"}


def tense_of(form: str, lemma: str) -> str | None:
    """The tense the future-stem rule of modality_morph.yaml reads in a verb form."""
    stem = MORPH["future_stems"].get(lemma) or (lemma[:-1] if lemma.endswith("re") else lemma)
    if form.startswith(stem):
        for feature, endings in MORPH["stem_endings"].items():
            if form[len(stem):] in endings:
                return feature
    return None


@pytest.mark.parametrize("form, lemma, expected", [
    ("rencontrerait", "rencontrer", "Cnd"), ("rencontrera", "rencontrer", "Fut"),
    ("rencontra", "rencontrer", None), ("rencontrait", "rencontrer", None),
    ("rendrait", "rendre", "Cnd"), ("rendait", "rendre", None), ("déclarait", "déclarer", None),
    ("serait", "être", "Cnd"), ("aura", "avoir", "Fut"), ("devrait", "devoir", "Cnd"),
    ("recevra", "recevoir", "Fut"), ("accueillerait", "accueillir", "Cnd"), ("mènera", "mener", "Fut"),
    ("enverraient", "envoyer", "Cnd"), ("rappellera", "rappeler", "Fut"), ("déploiera", "déployer", "Fut"),
    ("finissait", "finir", None), ("signerions", "signer", "Cnd"), ("signions", "signer", None),
])
def test_future_stems_tell_futures_and_conditionals_from_imperfects(form, lemma, expected):
    assert tense_of(form, lemma) == expected


# ---------------------------------------------------------------- text hygiene

@pytest.mark.parametrize("name", ["event_triggers.tsv", "modality_cues.tsv", "modality_morph.yaml", "institutions.tsv"])
def test_language_files_are_nfc_without_stray_spaces(name):
    text = lang_path("fr", name).read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert [line for line in text.splitlines() if line != line.rstrip() or "  \t" in line] == []


def test_institutions_are_lowercase_lemmas_with_known_sectors():
    rows = table("fr", "institutions.tsv")
    words = [row["word"] for row in rows]
    assert len(words) == len(set(words))
    assert [w for w in words if w != w.lower() or "  " in w] == []
    assert [row for row in rows if row["sector"] not in SECTORS | {"HLH"}] == []


def test_lemma_cells_are_lowercase_single_spaced():
    values = [v for r in TRIGGERS for v in [r["trigger"], *cells(r["object"]), *cells(r["preps"])]]
    values += [r["cue"] for r in CUES]
    assert [v for v in values if v != v.lower() or v != " ".join(v.split())] == []


# ---------------------------------------------------------------- what the model does

def lemma_runs(tokens, lemmas: str):
    """Runs of consecutive tokens whose lemmas, joined by spaces, read `lemmas`."""
    wanted = lemmas.split()
    for i in range(len(tokens) - len(wanted) + 1):
        run = tokens[i:i + len(wanted)]
        if [t.lemma_.lower() for t in run] == wanted:
            yield run


def trigger_problem(row: dict, doc) -> str | None:
    heads = [t for run in lemma_runs(list(doc), row["trigger"]) for t in run if t.pos_ == row["pos"]]
    if not heads:
        return "the model gives another lemma or part of speech"
    head = heads[0]
    if row["voice"] == "reflexive" and not any(c.lemma_ == "se" for c in head.children):
        return "no reflexive pronoun"
    if row["voice"] == "passive" and not any(c.dep_ in {"aux:pass", "nsubj:pass"} for c in head.children):
        return "not passive"
    phrase = list(head.subtree)
    if row["object"] and not any(any(lemma_runs(phrase, alt)) for alt in cells(row["object"])):
        return "no object among " + row["object"]
    return None


@pytest.fixture(scope="module")
def parse(nlp):
    """The spaCy model's own analysis, without the veille components."""
    own = [name for name in nlp.pipe_names if not name.startswith("veille_")]

    def run(texts):
        with nlp.select_pipes(enable=own):
            return list(nlp.pipe(texts))
    return run


@pytest.mark.model
def test_trigger_lemmas_are_what_the_model_gives(parse):
    docs = parse([r["example"] for r in TRIGGERS])
    problems = [(row_name(r), r["example"], trigger_problem(r, doc)) for r, doc in zip(TRIGGERS, docs)]
    assert [p for p in problems if p[2]] == []


def row_key(row: dict) -> tuple:
    return (tuple(row["trigger"].split()), row["pos"], row["voice"] == "reflexive", row["type"], row["mode"],
            tuple(cells(row["object"])))


def trigger_key(trigger) -> tuple:
    return trigger.lemmas, trigger.pos, trigger.reflexive, trigger.type, trigger.mode, trigger.objects


@pytest.mark.model
def test_the_coder_reads_each_example_as_its_own_row(parse):
    """Stricter than the lemma check: the event coder itself, which wants the object as a
    direct dependent of the trigger and prefers the most specific row, picks this very row
    for a word of the example, so that no row is dead."""
    coder = SentenceCoder(load_lexicon("fr"), "fr")
    docs = parse([r["example"] for r in TRIGGERS])
    dead = [(row_name(r), r["example"]) for r, doc in zip(TRIGGERS, docs)
            if not any((found := coder.match(t)) and trigger_key(found) == row_key(r) for t in doc)]
    assert dead == []


@pytest.mark.model
def test_cue_lemmas_are_what_the_model_gives(parse):
    docs = parse([r["example"] for r in CUES])
    bad = [(row_name(r), r["example"]) for r, doc in zip(CUES, docs)
           if not any(t.pos_ == r["pos"] for run in lemma_runs(list(doc), r["cue"]) for t in run)]
    assert bad == []


@pytest.mark.model
def test_every_expected_event_has_a_trigger_of_its_type_in_its_text(parse):
    by_type: dict[str, set[str]] = {}
    for row in TRIGGERS:
        by_type.setdefault(row["type"], set()).add(row["trigger"])
    for row in table("fr", "stance_cues.tsv"):  # the words of a quote that accuse or support
        by_type.setdefault(row["type"], set()).add(row["cue"])
    riot = data("fr", "event_syntax.yaml")["riot"]  # clashes with the police are a riot
    by_type[riot["type"]] |= by_type[riot["clashes"]]
    docs = parse([f"{case.get('title') or ''}\n{case['text']}" for case in CASES])
    missing = []
    for case, doc in zip(CASES, docs):
        lemmas = [t.lemma_.lower() for t in doc]
        runs = {" ".join(lemmas[i:j]) for i in range(len(lemmas))
                for j in range(i + 1, min(len(lemmas), i + 4) + 1)}
        runs |= {alt for t in doc for alt in SentenceCoder._lemmas(t, t.lemma_.lower())}  # lemma repair
        missing += [(case["id"], e["type"]) for e in case["events"] if not by_type[e["type"]] & runs]
    assert missing == []


# ---------------------------------------------------------------- the event test table

def actor_problems(actor) -> list[str]:
    if not isinstance(actor, dict) or not actor or not set(actor) <= {"name", "country", "sector"}:
        return [f"bad actor {actor}"]
    problems = []
    country, sector = actor.get("country"), actor.get("sector")
    if country and not (re.fullmatch(r"[A-Z]{3}", country)):
        problems.append(f"bad country {country}")
    if sector and sector not in SECTORS:
        problems.append(f"bad sector {sector}")
    if "name" in actor and not actor["name"].strip():
        problems.append("empty name")
    return problems


def event_problems(event) -> list[str]:
    if not set(event) <= {"type", "mode", "actors", "recipients", "date", "location", "modality"}:
        return [f"unknown keys {sorted(event)}"]
    problems = []
    if event["type"] not in EVENT_TYPES:
        problems.append(f"type {event['type']}")
    elif event.get("mode") and event["mode"] not in PLOVER_MODES[event["type"]]:
        problems.append(f"mode {event['mode']}")
    if event.get("modality", "asserted") not in MODALITIES:
        problems.append(f"modality {event.get('modality')}")
    if not event.get("actors"):
        problems.append("no actor")
    for actor in [*event.get("actors", []), *event.get("recipients", [])]:
        problems += actor_problems(actor)
    if event.get("date") is not None and not EVENT_DATE.match(str(event["date"])):
        problems.append(f"date {event['date']}")
    location = event.get("location")
    if location is not None and (not isinstance(location, dict) or not location
                                 or not set(location) <= {"name", "country"}):
        problems.append(f"location {location}")
    return problems


def test_event_cases_are_well_formed():
    assert isinstance(CASES, list)
    problems = []
    for case in CASES:
        if not set(case) <= {"id", "date", "title", "text", "events", "optional"}:
            problems.append((case.get("id"), "unknown keys"))
        dt.date.fromisoformat(case["date"])
        text = case["text"]
        if not text.strip() or unicodedata.normalize("NFC", text) != text:
            problems.append((case["id"], "text"))
        for event in [*case["events"], *case.get("optional", [])]:
            problems += [(case["id"], p) for p in event_problems(event)]
    assert problems == []
    assert len({case["id"] for case in CASES}) == len(CASES)


def test_event_country_codes_are_known_states_or_plover_non_state_codes():
    states = {row["country"] for row in read_table(KB_COUNTRIES)}
    codes = {place["country"] for case in CASES for e in [*case["events"], *case.get("optional", [])]
             for place in [*e["actors"], *e["recipients"], e["location"] or {}] if place.get("country")}
    assert codes - states - NON_STATE == set()


def test_event_table_covers_every_type_and_modality():
    events = [e for case in CASES for e in case["events"]]
    types = Counter(e["type"] for e in events)
    modalities = Counter(e.get("modality", "asserted") for e in events)
    assert len(CASES) >= 170
    assert {t: n for t, n in types.items() if n < 8} == {} and set(types) == set(EVENT_TYPES)
    assert all(modalities[m] >= 20 for m in CUE_MODALITIES)
    assert sum(not case["events"] for case in CASES) >= 10
