"""Cross-check of veille.evaluation.score against an independent reference
implementation of docs/evaluation.md (tests/reference_scorer.py).

1. Hand-computed expectations for the reference scorer on tiny documents.
2. The project scorer and the reference scorer agree, figure by figure (1e-9),
   on a perfect system output derived from the gold seed, on systematic
   perturbations of it, and on ~200 random perturbations (random.Random(0)).
"""

from __future__ import annotations

import copy
import json
import math
import random
import sys
import unicodedata
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reference_scorer import actor_matches, normalise_name, reference_score, token_f1  # noqa: E402

TESTS = Path(__file__).resolve().parent
SEED = TESTS / "gold" / "seed.jsonl"
DEV = TESTS / "gold" / "dev.jsonl"
TOL = 1e-9
MISSING = object()


# ---------------------------------------------------------------------------
# Loading and conversion
# ---------------------------------------------------------------------------

def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


GOLD = _read_jsonl(SEED)


def sys_actor(actor: dict | None) -> dict | None:
    if actor is None:
        return None
    return {"name": actor.get("name"), "country": actor.get("country"),
            "sector": actor.get("sector"), "aliases": []}


def _evidence(text: str, evidence) -> list[dict]:
    if not evidence:
        return []
    if isinstance(evidence, list):
        return copy.deepcopy(evidence)
    start = text.find(evidence)
    if start < 0:
        return []
    return [{"start": start, "end": start + len(evidence), "text": evidence}]


def perfect_output(gold_doc: dict) -> dict:
    """Gold items in the system output format; optional items are absent."""
    text = gold_doc["text"]
    out = {"id": gold_doc["id"], "timexes": [], "quotes": [], "events": []}
    for t in gold_doc.get("timex", []):
        out["timexes"].append({"text": t["text"], "start": t["start"],
                               "end": t["start"] + len(t["text"]),
                               "value": t.get("value"), "type": "DATE"})
    for q in gold_doc.get("quotes", []):
        out["quotes"].append({"text": q["text"], "start": q["start"],
                              "end": q["start"] + len(q["text"]),
                              "speaker": sys_actor(q.get("speaker"))})
    for e in gold_doc.get("events", []):
        out["events"].append(event_to_system(e, text))
    return out


def event_to_system(e: dict, text: str) -> dict:
    return {"type": e["type"], "mode": e.get("mode"),
            "actors": [sys_actor(a) for a in e.get("actors", [])],
            "recipients": [sys_actor(a) for a in e.get("recipients", [])],
            "date": e.get("date"), "location": copy.deepcopy(e.get("location")),
            "modality": e.get("modality", "asserted"),
            "evidence": _evidence(text, e.get("evidence"))}


def span_item(text: str, start: int, end: int, **extra) -> dict:
    return {"text": text[start:end], "start": start, "end": end, **extra}


# ---------------------------------------------------------------------------
# Comparison with the project scorer
# ---------------------------------------------------------------------------

def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    try:
        return math.isclose(float(a), float(b), rel_tol=0.0, abs_tol=TOL)
    except (TypeError, ValueError):
        return a == b


def project_figures(gold: list[dict], system: list[dict]) -> dict:
    from veille.evaluation import score  # the scorer under test
    return score(copy.deepcopy(gold), copy.deepcopy(system)).as_dict()


def disagreements(gold: list[dict], system: list[dict]) -> list[str]:
    ref = reference_score(copy.deepcopy(gold), copy.deepcopy(system))
    proj = project_figures(gold, system)
    out = []
    for layer, figs in ref.items():
        for key, rv in figs.items():
            pv = proj.get(layer, {}).get(key, MISSING) if isinstance(proj.get(layer), dict) else MISSING
            if pv is MISSING or not _same(rv, pv):
                out.append(f"{layer}.{key}: project={'<missing>' if pv is MISSING else pv!r} reference={rv!r}")
    return out


def assert_agree(gold, system, label=""):
    diffs = disagreements(gold, system)
    assert not diffs, f"{label}: " + "; ".join(diffs)


# ---------------------------------------------------------------------------
# 1. Hand-computed expectations for the reference scorer
# ---------------------------------------------------------------------------

def _doc(text, timex=(), quotes=(), events=(), optional=None, id_="d"):
    return {"id": id_, "date": "2018-10-24", "lang": "fr", "text": text,
            "timex": list(timex), "quotes": list(quotes), "events": list(events),
            "optional": optional or {}}


def _sys(id_="d", timexes=(), quotes=(), events=()):
    return {"id": id_, "timexes": list(timexes), "quotes": list(quotes), "events": list(events)}


PUTIN = {"name": "Vladimir Putin", "country": "RUS", "sector": "GOV"}
TRUMP = {"name": "Donald Trump", "country": "USA", "sector": "GOV"}
BOLTON = {"name": "John Bolton", "country": "USA", "sector": "GOV"}
PESKOV = {"name": "Dmitry Peskov", "country": "RUS", "sector": "GOV"}
TEXT40 = "x" * 40


def test_hand_timex_ties_optional_and_ignored_types():
    gold = [_doc(TEXT40,
                 timex=[{"text": "xxxx", "start": 0, "value": "2019"},
                        {"text": "xxxx", "start": 10, "value": "2020"}],
                 optional={"timex": [{"text": "xxxx", "start": 20, "value": "PRESENT_REF"}]})]
    system = [_sys(timexes=[
        {"text": "x" * 10, "start": 2, "end": 12, "value": "2020", "type": "DATE"},   # overlaps both by 2 -> earlier gold
        {"text": "xx", "start": 11, "end": 13, "value": "2020"},                      # no type = DATE
        {"text": "xx", "start": 21, "end": 23, "value": "X", "type": "DATE"},         # excused by the optional
        {"text": "xxxx", "start": 30, "end": 34, "value": "2019", "type": "DATE"},    # false positive
        {"text": "xxxx", "start": 0, "end": 4, "value": "2019", "type": "DURATION"},  # ignored
        {"text": "xxxx", "start": 10, "end": 14, "value": "2020", "type": "SET"},     # ignored
        {"text": "xxxx", "start": 30, "end": 34, "value": "2020", "type": "TIME"},    # ignored
    ])]
    r = reference_score(gold, system)["timex"]
    assert (r["gold"], r["system"], r["matched"]) == (2, 3, 2)
    assert r["precision"] == pytest.approx(2 / 3)
    assert r["recall"] == 1.0
    assert r["f1"] == pytest.approx(0.8)
    assert r["value_accuracy"] == pytest.approx(0.5)


def test_hand_timex_largest_overlap_first_and_touching_spans():
    gold = [_doc(TEXT40, timex=[{"text": "x" * 10, "start": 0, "value": "2019"}])]
    system = [_sys(timexes=[
        {"text": "xxx", "start": 0, "end": 3, "value": "2018", "type": "DATE"},       # overlap 3
        {"text": "x" * 8, "start": 2, "end": 10, "value": "2019", "type": "DATE"},    # overlap 8: wins
        {"text": "xxx", "start": 10, "end": 13, "value": "2019", "type": "DATE"},     # touches, no overlap
    ])]
    r = reference_score(gold, system)["timex"]
    assert (r["gold"], r["system"], r["matched"]) == (1, 3, 1)
    assert r["value_accuracy"] == 1.0
    assert r["precision"] == pytest.approx(1 / 3)


QTEXT = "un deux trois quatre cinq six sept huit"
# un 0-2, deux 3-7, trois 8-13, quatre 14-20, cinq 21-25, six 26-29, sept 30-34, huit 35-39


def test_hand_token_f1():
    assert token_f1("un deux trois quatre", "deux trois quatre cinq six sept", 0, 3) == pytest.approx(0.6)
    assert token_f1("un deux trois quatre", "quatre cinq six sept huit", 0, 14) == pytest.approx(2 * 0.2 * 0.25 / 0.45)
    # exactly 0.5 (3 common tokens out of 6 and 6) must not fall below it by rounding
    assert token_f1("a b c d e f", "d e f g h i", 0, 6) == 0.5
    # positional tokens: a word shared at another place, or cut by a boundary, is another token
    assert token_f1("aa bb cc dd", "dd aa bb ee", 0, 9) == pytest.approx(0.25)
    assert token_f1("aa bb cc dd", "dd aa bb ee") == pytest.approx(0.75)   # bag-of-words reading
    assert token_f1("aa bb cc dd", "b cc dd ee", 0, 4) == pytest.approx(0.5)
    assert token_f1("l'année prochaine", "L’année") == pytest.approx(2 * 1 * (2 / 3) / (1 + 2 / 3))


def test_hand_quote_same_words_elsewhere():
    text = "aa bb cc dd aa bb ee ff"
    gold = [_doc(text, quotes=[{"text": "aa bb cc dd", "start": 0, "speaker": PESKOV}])]
    r = reference_score(gold, [_sys(quotes=[span_item(text, 9, 20, speaker=None)])])["quotes"]
    assert (r["matched"], r["system"]) == (0, 1)


@pytest.mark.parametrize("start,end,speaker,matched,speaker_ok", [
    (3, 34, PESKOV, 1, 1),          # partial overlap, token F1 0.6 >= 0.5
    (14, 39, PESKOV, 0, None),      # partial overlap, token F1 ~0.22 < 0.5
    (3, 7, PESKOV, 1, 1),           # contained in the gold span (F1 0.4)
    (0, 39, None, 1, 0),            # contains the gold span; no speaker
    (20, 39, PESKOV, 0, None),      # touches only
    (0, 20, {"name": "Dmitri Peskov", "country": "RUS", "sector": "GOV", "aliases": []}, 1, 0),
    (0, 20, {"name": "DMITRY PESKOV (spokesman)", "country": None, "sector": None, "aliases": []}, 1, 1),
    (0, 20, {"name": "Peskov", "country": None, "sector": None, "aliases": ["Dmítry Peskov."]}, 1, 1),
])
def test_hand_quote_match_rule(start, end, speaker, matched, speaker_ok):
    gold = [_doc(QTEXT, quotes=[{"text": "un deux trois quatre", "start": 0, "speaker": PESKOV}])]
    system = [_sys(quotes=[span_item(QTEXT, start, end, speaker=sys_actor(speaker) if speaker and "aliases" not in speaker else speaker)])]
    r = reference_score(gold, system)["quotes"]
    assert r["matched"] == matched
    assert r["system"] == 1
    assert r["precision"] == float(matched)
    assert r["speaker_accuracy"] == (None if speaker_ok is None else float(speaker_ok))


def test_hand_actor_rules():
    assert normalise_name("Chega (political party)") == normalise_name("CHEGA")
    assert actor_matches({"name": "Chega"}, {"name": "Chega (political party)", "aliases": []})
    assert actor_matches({"name": "Élisabeth Borne"}, {"name": "elisabeth borne"})
    assert actor_matches({"name": "Vladimir Putin"}, {"name": "Poutine", "aliases": ["Vladimir Putin"]})
    assert not actor_matches({"name": "Vladimir Putin"}, {"name": None, "country": "RUS", "sector": "GOV"})
    assert not actor_matches({"name": "Dmitry Peskov"}, {"name": "Dmitri Peskov"})
    assert actor_matches({"country": "RUS"}, {"name": "Vladimir Putin", "country": "RUS", "sector": "GOV"})
    assert actor_matches({"country": "RUS", "sector": "GOV"}, {"country": "RUS", "sector": "GOV"})
    assert not actor_matches({"country": "RUS", "sector": "GOV"}, {"country": "RUS", "sector": "MIL"})
    assert not actor_matches({"country": "RUS", "sector": "GOV"}, {"country": "USA", "sector": "GOV"})


def test_hand_events_attributes_direction_and_optional():
    g = {"type": "CONSULT", "mode": "visit", "actors": [BOLTON], "recipients": [PUTIN],
         "date": "2017", "location": {"name": "Hamburg", "country": "DEU"}}
    gold = [_doc(TEXT40, events=[g],
                 optional={"events": [{"type": "AGREE", "actors": [BOLTON], "recipients": [PUTIN]}]})]
    swapped = {"type": "CONSULT", "mode": "visit", "actors": [sys_actor(PUTIN)], "recipients": [sys_actor(BOLTON)],
               "date": "2017-07-07", "location": {"name": "Hambourg", "country": "DEU"},
               "modality": "asserted", "evidence": []}
    agree = dict(swapped, type="AGREE")
    other = dict(swapped, type="ACCUSE")
    r = reference_score(gold, [_sys(events=[swapped, agree, other])])["events"]
    assert (r["gold"], r["system"], r["matched"]) == (1, 2, 1)
    assert r["precision"] == 0.5 and r["recall"] == 1.0
    assert r["date_accuracy"] == 1.0          # finer than the gold granularity, equal at it
    assert r["location_accuracy"] == 1.0      # country equal
    assert r["modality_accuracy"] == 1.0      # absent gold modality = asserted
    assert r["mode_accuracy"] == 1.0
    assert r["direction_accuracy"] == 0.0


def test_hand_events_best_pair_first_and_duplicates():
    e1 = {"type": "CONSULT", "actors": [PUTIN, TRUMP], "recipients": [], "date": "2018-11-11", "modality": "future"}
    e2 = {"type": "CONSULT", "actors": [TRUMP, PUTIN], "recipients": [], "date": "2017"}
    gold = [_doc(TEXT40, events=[e1, e2])]
    s1 = event_to_system(e2, TEXT40)
    s2 = event_to_system(e1, TEXT40)
    r = reference_score(gold, [_sys(events=[s1, s2])])["events"]
    assert (r["matched"], r["system"]) == (2, 2)
    assert r["date_accuracy"] == 1.0 and r["modality_accuracy"] == 1.0
    assert r["location_accuracy"] is None and r["mode_accuracy"] is None and r["direction_accuracy"] is None
    # coarser date is wrong; a duplicate is a false positive; a wrong participant count does not match
    s3 = dict(s2, date="2018-11")
    s4 = dict(s2, actors=s2["actors"] + [sys_actor(BOLTON)])
    r = reference_score(gold, [_sys(events=[s3, copy.deepcopy(s3), s4])])["events"]
    assert (r["gold"], r["matched"], r["system"]) == (2, 2, 3)
    assert r["date_accuracy"] == 0.0


def test_hand_micro_average_and_empty():
    d1 = _doc(TEXT40, id_="a", timex=[{"text": "xxxx", "start": 0, "value": "2019"}])
    d2 = _doc(TEXT40, id_="b", timex=[{"text": "xxxx", "start": i, "value": "2019"} for i in (0, 10, 20)])
    system = [perfect_output(d1), {"id": "unknown", "timexes": [], "quotes": [], "events": []}]
    r = reference_score([d1, d2], system)["timex"]
    assert (r["gold"], r["system"], r["matched"]) == (4, 1, 1)
    assert r["recall"] == 0.25 and r["precision"] == 1.0
    assert r["f1"] == pytest.approx(0.4)
    e = reference_score([d1, d2], [])
    assert e["timex"]["precision"] is None and e["timex"]["f1"] == 0.0 and e["timex"]["value_accuracy"] is None
    assert e["events"]["recall"] is None and e["events"]["f1"] is None  # no gold and no system events


def test_hand_perfect_seed():
    r = reference_score(GOLD, [perfect_output(d) for d in GOLD])
    for layer in ("timex", "quotes", "events"):
        assert r[layer]["precision"] == r[layer]["recall"] == r[layer]["f1"] == 1.0
        for k, v in r[layer].items():
            if k.endswith("_accuracy"):
                assert v in (1.0, None)
    assert (r["timex"]["gold"], r["quotes"]["gold"], r["events"]["gold"]) == (8, 9, 6)


# ---------------------------------------------------------------------------
# 2. Systematic perturbations of the seed
# ---------------------------------------------------------------------------

def _seed_doc() -> dict:
    return GOLD[0]


def _sys_of(fn):
    def build():
        out = [perfect_output(d) for d in GOLD]
        fn(out[0], _seed_doc())
        return out
    return build


def _find_event(doc, **crit):
    for e in doc["events"]:
        if all(e.get(k) == v for k, v in crit.items()):
            return e
    raise LookupError(crit)


def _shift(item, text, d_start, d_end):
    item["start"] = max(0, item["start"] + d_start)
    item["end"] = min(len(text), max(item["start"] + 1, item["end"] + d_end))
    item["text"] = text[item["start"]:item["end"]]


def _optional_span(gold, layer, k):
    o = gold["optional"][layer][k]
    return o["start"], o["start"] + len(o["text"])


def p_drop_timex(s, g): del s["timexes"][0]
def p_drop_quote(s, g): del s["quotes"][3]
def p_drop_event(s, g): del s["events"][2]
def p_drop_all_events(s, g): s["events"] = []
def p_no_output(s, g): s["timexes"], s["quotes"], s["events"] = [], [], []
def p_dup_event_excused(s, g): s["events"].append(copy.deepcopy(s["events"][0]))   # Putin+Trump CONSULT matches an optional one
def p_dup_event_fp(s, g): s["events"].append(copy.deepcopy(s["events"][1]))
def p_dup_event_excused_collective(s, g): s["events"].append(copy.deepcopy(s["events"][2]))  # optional: [RUS GOV] -> Bolton
def p_dup_event_twice(s, g): s["events"] += [copy.deepcopy(s["events"][0]), copy.deepcopy(s["events"][0])]
def p_dup_event_first(s, g): s["events"].insert(0, dict(copy.deepcopy(s["events"][3]), date=None, location=None))
def p_shift_timex_small(s, g): _shift(s["timexes"][1], g["text"], 3, 3)
def p_shift_timex_out(s, g): _shift(s["timexes"][1], g["text"], 40, 40)
def p_shrink_timex(s, g): _shift(s["timexes"][2], g["text"], 3, -2)
def p_timex_value(s, g): s["timexes"][0]["value"] = "2018-10-23"
def p_timex_values_all(s, g):
    for t in s["timexes"]: t["value"] = "PRESENT_REF"
def p_timex_types(s, g):
    s["timexes"][0]["type"] = "DURATION"; s["timexes"][1]["type"] = "SET"
    s["timexes"][2]["type"] = "TIME"; del s["timexes"][3]["type"]
def p_timex_null_value(s, g): s["timexes"][4]["value"] = None
def p_timex_fp_optional(s, g):
    a, b = _optional_span(g, "timex", 1)  # "maintenant"
    s["timexes"].append(span_item(g["text"], a, b, value="PRESENT_REF", type="DATE"))
    a, b = _optional_span(g, "timex", 2)  # "1918", partial overlap
    s["timexes"].append(span_item(g["text"], a + 1, b + 3, value="1918", type="DATE"))
def p_timex_fp_two_for_one_optional(s, g):
    a, b = _optional_span(g, "timex", 1)
    s["timexes"] += [span_item(g["text"], a, a + 4, value="PRESENT_REF"), span_item(g["text"], a + 4, b, value="PRESENT_REF")]
def p_timex_fp_plain(s, g):
    s["timexes"].append(span_item(g["text"], 0, 6, value="2018", type="DATE"))
    s["timexes"].append(span_item(g["text"], 1500, 1510, value="2018", type="DATE"))
def p_timex_split(s, g):
    t = s["timexes"][1]; a, b = t["start"], t["end"]
    s["timexes"][1:2] = [span_item(g["text"], a, a + 5, value="2019"), span_item(g["text"], a + 5, b, value="2019")]
def p_timex_merge(s, g):
    t0 = s["timexes"][6]; t1 = s["timexes"][7]
    s["timexes"][6:8] = [span_item(g["text"], t0["start"], t1["end"], value="2017", type="DATE")]
def p_quote_shift(s, g): _shift(s["quotes"][3], g["text"], 60, 0)
def p_quote_extend(s, g): _shift(s["quotes"][2], g["text"], -30, 10)
def p_quote_partial_low_f1(s, g): _shift(s["quotes"][3], g["text"], 150, 60)
def p_quote_partial_high_f1(s, g): _shift(s["quotes"][3], g["text"], 20, 15)
def p_quote_speaker_none(s, g): s["quotes"][2]["speaker"] = None
def p_quote_speaker_other(s, g): s["quotes"][6]["speaker"] = sys_actor(PUTIN)
def p_quote_speaker_collective(s, g):
    s["quotes"][0]["speaker"] = sys_actor(PESKOV)
    s["quotes"][1]["speaker"] = {"name": None, "country": "RUS", "sector": "MIL", "aliases": []}
    s["quotes"][2]["speaker"] = {"name": None, "country": "RUS", "sector": "GOV", "aliases": []}
def p_quote_fp_optional(s, g):
    a, b = _optional_span(g, "quotes", 0)
    s["quotes"].append(span_item(g["text"], a, b, speaker=sys_actor(PUTIN)))
    a, b = _optional_span(g, "quotes", 1)  # «prêt» inside a gold quote: matches the gold quote or the optional one
    s["quotes"].append(span_item(g["text"], a, b, speaker=sys_actor(PESKOV)))
def p_quote_fp_plain(s, g):
    s["quotes"].append(span_item(g["text"], 1900, 1960, speaker=sys_actor(TRUMP)))
def p_quote_whole_paragraph(s, g):
    a = s["quotes"][4]["start"] - 14
    s["quotes"][4] = span_item(g["text"], a, s["quotes"][4]["end"] + 1, speaker=sys_actor(PESKOV))
def p_swap_sides(s, g):
    e = s["events"][2]; e["actors"], e["recipients"] = e["recipients"], e["actors"]
def p_swap_all_into_actors(s, g):
    e = s["events"][2]; e["actors"], e["recipients"] = e["actors"] + e["recipients"], []
def p_swap_all_into_recipients(s, g):
    e = s["events"][0]; e["actors"], e["recipients"] = [], e["actors"] + e["recipients"]
def p_granularity_coarser(s, g): s["events"][0]["date"] = "2018-11"
def p_granularity_finer(s, g): s["events"][4]["date"] = "2017-07-07"; s["events"][1]["date"] = "2019-03"
def p_granularity_wrong_year(s, g): s["events"][4]["date"] = "2018"
def p_date_null(s, g): s["events"][2]["date"] = None
def p_location_country_only(s, g): s["events"][2]["location"] = {"name": None, "country": "RUS"}
def p_location_name_only(s, g): s["events"][2]["location"] = {"name": "Moscow", "country": None}
def p_location_wrong(s, g): s["events"][2]["location"] = {"name": "Saint Petersburg", "country": "FIN"}
def p_location_null(s, g): s["events"][3]["location"] = None
def p_location_french_name(s, g): s["events"][4]["location"] = {"name": "Hambourg", "country": "DEU"}
def p_modality(s, g): s["events"][1]["modality"] = "future"
def p_modality_absent(s, g):
    del s["events"][2]["modality"]; s["events"][3]["modality"] = None; del s["events"][0]["modality"]
def p_mode(s, g): s["events"][0]["mode"] = "visit"; s["events"][1]["mode"] = None
def p_mode_extra(s, g): s["events"][4]["mode"] = "visit"
def p_type(s, g): s["events"][3]["type"] = "AGREE"
def p_actor_alias(s, g):
    a = s["events"][2]["recipients"][0]; a["name"] = "Vladimir Vladimirovich Putin"; a["aliases"] = ["Putin", "Vladimir Putin"]
def p_actor_qualifier(s, g):
    s["events"][2]["actors"][0]["name"] = "John Bolton (diplomat)"
def p_actor_upper(s, g):
    for e in s["events"]:
        for a in e["actors"] + e["recipients"]:
            if a.get("name"): a["name"] = a["name"].upper()
    for q in s["quotes"]:
        if q["speaker"] and q["speaker"].get("name"): q["speaker"]["name"] = q["speaker"]["name"].upper()
def p_actor_accents(s, g):
    s["events"][2]["actors"][0]["name"] = "Jöhn Bóltoñ"
    s["quotes"][6]["speaker"]["name"] = "Dmîtry Pèskov"
    s["events"][4]["location"]["name"] = "Hàmburg"
def p_actor_punct(s, g):
    s["events"][2]["actors"][0]["name"] = "John Bolton."
    s["quotes"][6]["speaker"]["name"] = "«Dmitry Peskov»"
def p_actor_wrong_name(s, g):
    s["events"][2]["actors"][0]["name"] = "John Kerry"
def p_actor_name_dropped(s, g):
    s["events"][2]["actors"][0]["name"] = None
def p_actor_collective_named(s, g):
    s["events"][1]["recipients"][0] = sys_actor(TRUMP)
def p_actor_collective_sector(s, g):
    s["events"][1]["recipients"][0]["sector"] = "MIL"
def p_actor_collective_country(s, g):
    s["events"][1]["recipients"][0]["country"] = "FRA"
def p_actor_extra(s, g):
    s["events"][3]["actors"].append(sys_actor(BOLTON))
def p_actor_missing(s, g):
    s["events"][3]["actors"].pop()
def p_event_fp_optional(s, g):
    for e in g["optional"]["events"]:
        s["events"].append(event_to_system(e, g["text"]))
def p_event_fp_optional_attrs(s, g):
    e = event_to_system(g["optional"]["events"][1], g["text"])
    s["events"].append(dict(e, date="2018-11-11", location={"name": "Paris", "country": "FRA"}, modality="future"))
def p_event_fp_plain(s, g):
    s["events"].append({"type": "ASSAULT", "mode": "aerial", "actors": [sys_actor(PUTIN)],
                        "recipients": [sys_actor(TRUMP)], "date": None, "location": None,
                        "modality": "asserted", "evidence": []})
    s["events"].append({"type": "AGREE", "actors": [sys_actor(TRUMP)], "recipients": [sys_actor(BOLTON)],
                        "date": "2018-10-24", "location": None, "modality": "future", "evidence": []})
def p_shuffle_all(s, g):
    rng = random.Random(7)
    for k in ("timexes", "quotes", "events"):
        rng.shuffle(s[k])
def p_reverse_all(s, g):
    for k in ("timexes", "quotes", "events"):
        s[k].reverse()
def p_identical_events_swapped_dates(s, g):
    # the Hamburg and Vietnam meetings have the same type and participants
    s["events"][4]["location"], s["events"][5]["location"] = s["events"][5]["location"], s["events"][4]["location"]


SYSTEMATIC = {name[2:]: fn for name, fn in dict(globals()).items() if name.startswith("p_") and callable(fn)}


def _perfect_system():
    return [perfect_output(d) for d in GOLD]


def test_reference_on_some_systematic_cases():
    """A few figures of the systematic cases, computed by hand."""
    def ref(name):
        return reference_score(GOLD, _sys_of(SYSTEMATIC[name])())
    r = ref("drop_timex")["timex"]
    assert (r["matched"], r["system"], r["gold"]) == (7, 7, 8)
    r = ref("dup_event_excused")["events"]
    assert (r["matched"], r["system"]) == (6, 6)
    r = ref("dup_event_fp")["events"]
    assert (r["matched"], r["system"]) == (6, 7) and r["precision"] == pytest.approx(6 / 7)
    r = ref("dup_event_excused_collective")["events"]
    assert (r["matched"], r["system"]) == (6, 6)
    r = ref("dup_event_twice")["events"]
    assert (r["matched"], r["system"]) == (6, 7)
    r = ref("swap_sides")["events"]
    assert r["matched"] == 6 and r["direction_accuracy"] == pytest.approx(1 / 2)  # gold events with recipients: 2
    r = ref("granularity_coarser")["events"]
    assert r["date_accuracy"] == pytest.approx(5 / 6)
    r = ref("granularity_finer")["events"]
    assert r["date_accuracy"] == 1.0
    r = ref("timex_fp_optional")["timex"]
    assert (r["matched"], r["system"]) == (8, 8)
    r = ref("timex_fp_plain")["timex"]
    assert (r["matched"], r["system"]) == (8, 10)
    r = ref("event_fp_optional")["events"]
    assert (r["matched"], r["system"]) == (6, 6)
    r = ref("event_fp_plain")["events"]
    assert (r["matched"], r["system"]) == (6, 8)
    r = ref("actor_alias")["events"]
    assert r["matched"] == 6 and r["direction_accuracy"] == 1.0
    r = ref("actor_upper")
    assert r["events"]["matched"] == 6 and r["quotes"]["speaker_accuracy"] == 1.0
    r = ref("actor_wrong_name")["events"]
    assert (r["matched"], r["system"]) == (5, 6)
    r = ref("actor_collective_named")["events"]
    assert (r["matched"], r["system"]) == (6, 6)   # gold collective recipient: country USA + sector GOV
    r = ref("location_french_name")["events"]
    assert r["location_accuracy"] == 1.0           # the country is equal
    r = ref("quote_speaker_collective")["quotes"]
    assert r["speaker_accuracy"] == pytest.approx(7 / 9)
    r = ref("identical_events_swapped_dates")["events"]
    assert r["location_accuracy"] == 1.0


def test_modality_absent_detail():
    # gold modalities: future, hypothetical, asserted, asserted, asserted, asserted.
    # after p_modality_absent: event 0 (future) and events 2, 3 become "asserted".
    r = reference_score(GOLD, _sys_of(SYSTEMATIC["modality_absent"])())["events"]
    assert r["modality_accuracy"] == pytest.approx(5 / 6)


@pytest.mark.parametrize("name", sorted(SYSTEMATIC))
def test_systematic_perturbation_agrees(name):
    assert_agree(GOLD, _sys_of(SYSTEMATIC[name])(), name)


def test_perfect_output_agrees():
    assert_agree(GOLD, _perfect_system(), "perfect")


def test_missing_output_agrees():
    assert_agree(GOLD, [], "no system documents")


# Tiny documents on points where a reading of the contract had to be chosen
# (see the decisions in tests/reference_scorer.py) and on the one-to-one rules.

def _ev(type_, actors, recipients=(), **kw):
    e = {"type": type_, "actors": [sys_actor(a) for a in actors],
         "recipients": [sys_actor(a) for a in recipients], "date": None, "location": None,
         "modality": "asserted", "evidence": []}
    e.update(kw)
    return e


def _gev(type_, actors, recipients=(), **kw):
    return dict({"type": type_, "actors": list(actors), "recipients": list(recipients)}, **kw)


MELENCHON = {"name": "Jean-Luc Mélenchon", "country": "FRA", "sector": "PTY"}


def _t(start, end, value="2019", **kw):
    return dict(span_item(TEXT40, start, end, value=value), **kw)


EDGE_CASES = {
    "hyphenated_name_vs_spaces": (
        [_doc(TEXT40, events=[_gev("PROTEST", [MELENCHON])])],
        [_sys(events=[_ev("PROTEST", [dict(MELENCHON, name="Jean Luc Melenchon")])])]),
    "name_punctuation_and_case": (
        [_doc(TEXT40, events=[_gev("PROTEST", [MELENCHON])])],
        [_sys(events=[_ev("PROTEST", [dict(MELENCHON, name="JEAN-LUC MELENCHON (homme politique)")])])]),
    "location_name_case": (
        [_doc(TEXT40, events=[_gev("PROTEST", [MELENCHON], location={"name": "Paris", "country": "FRA"})])],
        [_sys(events=[_ev("PROTEST", [MELENCHON], location={"name": "PARIS", "country": None})])]),
    "location_country_only_gold": (
        [_doc(TEXT40, events=[_gev("PROTEST", [MELENCHON], location={"country": "FRA"})])],
        [_sys(events=[_ev("PROTEST", [MELENCHON], location={"name": "Paris", "country": "FRA"})])]),
    "gold_actor_sector_only": (
        [_doc(TEXT40, events=[_gev("PROTEST", [{"sector": "CVL"}])])],
        [_sys(events=[_ev("PROTEST", [{"name": None, "country": "FRA", "sector": "CVL"}])])]),
    "gold_actor_country_only": (
        [_doc(TEXT40, events=[_gev("PROTEST", [{"country": "FRA"}])])],
        [_sys(events=[_ev("PROTEST", [{"name": None, "country": "FRA", "sector": "CVL"}])])]),
    "greedy_not_maximum_gold": (
        [_doc(TEXT40, timex=[{"text": "x" * 10, "start": 0, "value": "2019"},
                             {"text": "x" * 10, "start": 20, "value": "2019"}])],
        [_sys(timexes=[_t(5, 25), _t(0, 4)])]),
    "greedy_not_maximum_optional": (
        [_doc(TEXT40, optional={"timex": [{"text": "x" * 10, "start": 0, "value": "2019"},
                                          {"text": "x" * 10, "start": 20, "value": "2019"}]})],
        [_sys(timexes=[_t(5, 25), _t(0, 4)])]),
    "optional_excuses_one_only": (
        [_doc(TEXT40, optional={"timex": [{"text": "x" * 10, "start": 0, "value": "2019"}]})],
        [_sys(timexes=[_t(0, 5), _t(5, 10), _t(2, 8)])]),
    "gold_first_then_optional": (
        [_doc(TEXT40, timex=[{"text": "x" * 10, "start": 0, "value": "2019"}],
              optional={"timex": [{"text": "x" * 10, "start": 0, "value": "2019"}]})],
        [_sys(timexes=[_t(0, 10), _t(0, 10)])]),
    "timex_tie_earlier_system": (
        [_doc(TEXT40, timex=[{"text": "x" * 10, "start": 10, "value": "2019"}])],
        [_sys(timexes=[_t(17, 25, value="2020"), _t(5, 13, value="2019")])]),
    "timex_tie_earlier_gold_in_list_not_text": (
        [_doc(TEXT40, timex=[{"text": "x" * 10, "start": 20, "value": "2020"},
                             {"text": "x" * 10, "start": 0, "value": "2019"}])],
        [_sys(timexes=[_t(8, 22, value="2019")])]),
    "timex_type_null_and_absent": (
        [_doc(TEXT40, timex=[{"text": "x" * 10, "start": 0, "value": "2019"}])],
        [_sys(timexes=[_t(0, 10, type=None), _t(20, 30), _t(30, 35, type="DURATION")])]),
    "timex_system_value_missing": (
        [_doc(TEXT40, timex=[{"text": "x" * 10, "start": 0, "value": "2019"}])],
        [_sys(timexes=[{"text": "x" * 10, "start": 0, "end": 10, "type": "DATE"}])]),
    "event_tie_earlier_system": (
        [_doc(TEXT40, events=[_gev("CONSULT", [PUTIN, TRUMP], date="2018-11-11",
                                   location={"name": "Paris", "country": "FRA"})])],
        [_sys(events=[_ev("CONSULT", [TRUMP, PUTIN], date="2018-11-11", location=None),
                      _ev("CONSULT", [PUTIN, TRUMP], date=None, location={"name": "Paris", "country": "FRA"})])]),
    "event_best_attributes_first": (
        [_doc(TEXT40, events=[_gev("CONSULT", [PUTIN, TRUMP], date="2018-11-11", mode="third-party"),
                              _gev("CONSULT", [PUTIN, TRUMP], date="2017")])],
        [_sys(events=[_ev("CONSULT", [PUTIN, TRUMP], date="2017"),
                      _ev("CONSULT", [PUTIN, TRUMP], date="2018-11-11", mode="third-party")])]),
    "event_dates": (
        [_doc(TEXT40, events=[_gev("CONSULT", [PUTIN], [TRUMP], date=d) for d in
                              ("2018", "2018-10", "2018-10-23", "2018-W43", "2018", "2018-10")])],
        [_sys(events=[_ev("CONSULT", [PUTIN], [TRUMP], date=d) for d in
                      ("2018-W43", "2018-10-23T10:00", "2018-10-23T10:00", "2018-10-23", "201", "2018-1")])]),
    "event_modality_explicit_asserted_vs_absent": (
        [_doc(TEXT40, events=[_gev("ACCUSE", [PUTIN], [TRUMP], modality="asserted"), _gev("ACCUSE", [TRUMP], [PUTIN])])],
        [_sys(events=[{k: v for k, v in _ev("ACCUSE", [PUTIN], [TRUMP]).items() if k != "modality"},
                      _ev("ACCUSE", [TRUMP], [PUTIN], modality=None)])]),
    "event_same_actor_both_sides": (
        [_doc(TEXT40, events=[_gev("ACCUSE", [{"country": "USA"}], [{"country": "USA"}])])],
        [_sys(events=[_ev("ACCUSE", [TRUMP, BOLTON])])]),
    "event_participants_need_perfect_matching": (
        # greedy pairing of participants would pair RUS with Putin and fail
        [_doc(TEXT40, events=[_gev("CONSULT", [{"country": "RUS"}, PUTIN])])],
        [_sys(events=[_ev("CONSULT", [PUTIN, {"country": "RUS", "sector": "MIL"}])])]),
    "no_gold_items": (
        [_doc(TEXT40)],
        [_sys(timexes=[_t(0, 4)])]),
    "no_gold_no_system": (
        [_doc(TEXT40)],
        [_sys()]),
    "unknown_system_id": (
        [_doc(TEXT40, timex=[{"text": "x" * 10, "start": 0, "value": "2019"}])],
        [_sys(id_="other", timexes=[_t(20, 30)]), _sys(timexes=[_t(0, 10)])]),
    "quote_speaker_alias_only": (
        [_doc(QTEXT, quotes=[{"text": "un deux trois quatre", "start": 0, "speaker": PESKOV}])],
        [_sys(quotes=[span_item(QTEXT, 0, 20, speaker={"name": None, "country": None, "sector": None,
                                                       "aliases": ["Dmitry Peskov"]})])]),
    "quote_same_words_elsewhere": (
        [_doc("aa bb cc dd aa bb ee ff", quotes=[{"text": "aa bb cc dd", "start": 0, "speaker": PESKOV}])],
        [_sys(quotes=[span_item("aa bb cc dd aa bb ee ff", 9, 20, speaker=sys_actor(PESKOV))])]),
}


# A second document, output perfectly, with one item per layer: it keeps every
# denominator non-zero so that the edge cases compare the figures of interest
# rather than the zero-denominator convention (tested on its own below).
FILLER_GOLD = _doc("zz yy xx ww", id_="filler",
                   timex=[{"text": "zz", "start": 0, "value": "2020"}],
                   quotes=[{"text": "yy xx", "start": 3, "speaker": PESKOV}],
                   events=[_gev("SUPPORT", [MELENCHON], [PUTIN], date="2020", mode="x",
                                location={"name": "Paris", "country": "FRA"}, modality="future")])
ZERO_DENOMINATOR_CASES = {"no_gold_items", "no_gold_no_system"}


@pytest.mark.parametrize("name", sorted(set(EDGE_CASES) - ZERO_DENOMINATOR_CASES))
def test_edge_case_agrees(name):
    gold, system = EDGE_CASES[name]
    assert_agree(gold + [FILLER_GOLD], system + [perfect_output(FILLER_GOLD)], name)


def test_duplicate_system_id_is_an_error_on_both_sides():
    gold = [_doc(TEXT40, timex=[{"text": "x" * 10, "start": 0, "value": "2019"}])]
    system = [_sys(timexes=[_t(20, 30)]), _sys(timexes=[_t(0, 10)])]
    with pytest.raises(ValueError):
        reference_score(gold, system)
    with pytest.raises(ValueError):
        project_figures(gold, system)


@pytest.mark.parametrize("name", sorted(ZERO_DENOMINATOR_CASES))
def test_zero_denominator_convention_agrees(name):
    gold, system = EDGE_CASES[name]
    assert_agree(gold, system, name)


# ---------------------------------------------------------------------------
# 3. Random perturbations (random.Random(0))
# ---------------------------------------------------------------------------

ALT_ACTORS = [PUTIN, TRUMP, BOLTON, PESKOV,
              {"country": "RUS", "sector": "GOV"}, {"country": "USA", "sector": "GOV"},
              {"country": "USA"}, {"name": "Emmanuel Macron", "country": "FRA", "sector": "GOV"}]
EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "ASSAULT"]
MODALITIES = ["asserted", "future", "hypothetical", "negated", None, "<absent>"]
MODES = ["visit", "third-party", "multilateral", "phone", None]
TIMEX_VALUES = ["2018-10-24", "2019", "2018-11-11", "2017", "PRESENT_REF", "2018-W43", "201X", None]
LOCATIONS = [None, {"name": "Paris", "country": "FRA"}, {"name": "Moscow", "country": "RUS"},
             {"name": None, "country": "USA"}, {"name": "Helsinki", "country": None},
             {"name": "Hambourg", "country": "DEU"}, {"name": "Vietnam", "country": "VNM"}]


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def random_actor_variant(rng: random.Random, a: dict | None) -> dict | None:
    if a is None:
        return sys_actor(rng.choice(ALT_ACTORS))
    a = copy.deepcopy(a)
    name = a.get("name")
    op = rng.randrange(10)
    if op == 0 and name:
        a["name"] = name.upper()
    elif op == 1 and name:
        a["name"] = strip_accents(name).lower()
    elif op == 2 and name:
        a["aliases"] = [name]; a["name"] = name.split()[-1]
    elif op == 3 and name:
        a["name"] = name + " (" + rng.choice(["politician", "homme politique", "1952"]) + ")"
    elif op == 4 and name:
        a["name"] = rng.choice(["Vladimír Pútin", "Donald J. Trump", "John R. Bolton", "Dmitri Peskov", name + "."])
    elif op == 5:
        a["name"] = None
    elif op == 6:
        a["sector"] = rng.choice(["GOV", "MIL", None])
    elif op == 7:
        a["country"] = rng.choice(["RUS", "USA", "FRA", None])
    else:
        return sys_actor(rng.choice(ALT_ACTORS))
    return a


def _rand_span(rng, text, near=None):
    if near is not None and rng.random() < 0.7:
        a = max(0, near[0] + rng.randint(-20, 20))
        b = max(a + 1, near[1] + rng.randint(-20, 20))
    else:
        a = rng.randrange(len(text) - 1)
        b = a + rng.randint(1, 80)
    return a, min(b, len(text))


def _gold_spans(g, layer):
    items = list(g.get(layer, [])) + list((g.get("optional") or {}).get(layer, []))
    return [(i["start"], i["start"] + len(i["text"])) for i in items]


def perturb_doc(rng: random.Random, s: dict, g: dict) -> None:
    text = g["text"]
    for _ in range(rng.randint(1, 6)):
        layer = rng.choice(["timexes", "quotes", "events"])
        items = s[layer]
        op = rng.randrange(8)
        if op == 0 and items:                          # drop
            del items[rng.randrange(len(items))]
        elif op == 1 and items:                        # duplicate (maybe altered)
            it = copy.deepcopy(rng.choice(items))
            if layer == "events" and rng.random() < 0.5:
                it["date"] = rng.choice([None, "2018", "2018-11-11", "2017"])
            items.insert(rng.randrange(len(items) + 1), it)
        elif op == 2 and items and layer != "events":  # move a span
            it = rng.choice(items)
            a, b = _rand_span(rng, text, (it["start"], it["end"]))
            it.update(span_item(text, a, b))
        elif op == 3:                                  # add a false positive, often near a gold/optional item
            spans = _gold_spans(g, "timex" if layer == "timexes" else layer) if layer != "events" else []
            near = rng.choice(spans) if spans and rng.random() < 0.8 else None
            if layer == "timexes":
                a, b = _rand_span(rng, text, near)
                it = span_item(text, a, b, value=rng.choice(TIMEX_VALUES))
                t = rng.choice(["DATE", "DURATION", "SET", "TIME", None, "<absent>"])
                if t != "<absent>":
                    it["type"] = t
                items.append(it)
            elif layer == "quotes":
                a, b = _rand_span(rng, text, near)
                items.append(span_item(text, a, b, speaker=rng.choice([None, sys_actor(rng.choice(ALT_ACTORS))])))
            else:
                pool = list(g.get("events", [])) + list((g.get("optional") or {}).get("events", []))
                if pool and rng.random() < 0.6:
                    e = event_to_system(rng.choice(pool), text)
                else:
                    e = {"type": rng.choice(EVENT_TYPES), "mode": rng.choice(MODES),
                         "actors": [sys_actor(rng.choice(ALT_ACTORS)) for _ in range(rng.randint(1, 2))],
                         "recipients": [sys_actor(rng.choice(ALT_ACTORS)) for _ in range(rng.randint(0, 1))],
                         "date": rng.choice([None, "2018-11-11", "2017", "2019"]),
                         "location": copy.deepcopy(rng.choice(LOCATIONS)), "modality": "asserted", "evidence": []}
                items.insert(rng.randrange(len(items) + 1), e)
        elif op == 4 and items:                        # change a value / speaker / attribute
            it = rng.choice(items)
            if layer == "timexes":
                it["value"] = rng.choice(TIMEX_VALUES)
            elif layer == "quotes":
                it["speaker"] = random_actor_variant(rng, it.get("speaker")) if rng.random() < 0.85 else None
            else:
                attr = rng.choice(["date", "location", "modality", "mode", "type"])
                if attr == "date":
                    d = it.get("date")
                    choices = [None, "2018", "2018-11", "2018-11-11", "2017", "2017-07-07", "2019-01", "2018-10-23"]
                    if d:
                        choices += [d[:4], d[:7], d + "-01" if len(d) == 7 else d + "-05-05"]
                    it["date"] = rng.choice(choices)
                elif attr == "location":
                    it["location"] = copy.deepcopy(rng.choice(LOCATIONS))
                elif attr == "modality":
                    m = rng.choice(MODALITIES)
                    if m == "<absent>":
                        it.pop("modality", None)
                    else:
                        it["modality"] = m
                elif attr == "mode":
                    it["mode"] = rng.choice(MODES)
                else:
                    it["type"] = rng.choice(EVENT_TYPES)
        elif op == 5 and items and layer == "events":  # participants
            it = rng.choice(items)
            sub = rng.randrange(5)
            parts = it["actors"] + it["recipients"]
            if sub == 0:
                it["actors"], it["recipients"] = it["recipients"], it["actors"]
            elif sub == 1:
                it["actors"], it["recipients"] = parts, []
            elif sub == 2 and parts:
                sides = [x for x in ("actors", "recipients") if it[x]]
                side = rng.choice(sides) if len(sides) > 1 else sides[0]
                k = rng.randrange(len(it[side]))
                it[side][k] = random_actor_variant(rng, it[side][k])
            elif sub == 3:
                rng.choice([it["actors"], it["recipients"]]).append(sys_actor(rng.choice(ALT_ACTORS)))
            elif parts:
                side = "actors" if it["actors"] else "recipients"
                it[side].pop(rng.randrange(len(it[side])))
        elif op == 6 and items and layer != "events":  # trim or extend one end of a span
            it = rng.choice(items)
            a, b = it["start"], it["end"]
            if rng.random() < 0.5:
                a = min(max(0, a + rng.randint(-25, 25)), b - 1)
            else:
                b = min(len(text), max(a + 1, b + rng.randint(-25, 25)))
            it.update(span_item(text, a, b))
        elif op == 7:
            rng.shuffle(items)


def make_random_variants(gold: list[dict], n: int, seed: int = 0) -> list[list[dict]]:
    rng = random.Random(seed)
    variants = []
    for _ in range(n):
        system = []
        for g in gold:
            if rng.random() < 0.05:
                continue  # no output for this document
            s = perfect_output(g)
            perturb_doc(rng, s, g)
            system.append(s)
        rng.shuffle(system)
        variants.append(system)
    return variants


# Two documents, so that micro-averaging over documents is exercised: the seed
# and a copy of it under another id.
GOLD2 = GOLD + [dict(copy.deepcopy(GOLD[0]), id=GOLD[0]["id"] + "-copy")]
RANDOM_VARIANTS = make_random_variants(GOLD2, 200, seed=0)


@pytest.mark.parametrize("k", range(len(RANDOM_VARIANTS)))
def test_random_perturbation_agrees(k):
    assert_agree(GOLD2, RANDOM_VARIANTS[k], f"random variant {k}")


def _dev_gold():
    if not DEV.exists():
        return None
    try:
        docs = _read_jsonl(DEV)
    except (OSError, ValueError):
        return None
    return docs or None


def test_dev_gold_perfect_and_random_agree():
    """The same check on the development gold when it is present (more varied
    actors, modes and optional items than the seed)."""
    dev = _dev_gold()
    if dev is None:
        pytest.skip("no development gold")
    diffs = []
    for k, system in enumerate([[perfect_output(d) for d in dev]] + make_random_variants(dev, 40, seed=1)):
        d = disagreements(dev, system)
        if d:
            diffs.append(f"variant {k}: " + "; ".join(d))
    assert not diffs, "\n".join(diffs[:10])
