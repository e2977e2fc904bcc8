"""The scorer of `veille eval` against figures computed by hand from docs/evaluation.md."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from veille.cli.eval import eval_command
from veille.evaluation import FormatError, extraction_to_output, read_gold, score, write_figures
from veille.evaluation.matching import actor_matches, actors_match_one_to_one, normalise_name, pair_best_first
from veille.evaluation.scoring import token_f1
from veille.schema import Actor, Event, Extraction, Location, Mention, Quote, Timex

SEED = Path(__file__).resolve().parent / "gold" / "seed.jsonl"

TEXT = ("Le Kremlin s'est dit «prêt» ce mercredi à discuter d'une visite de Vladimir Poutine "
        "aux États-Unis l'année prochaine. Selon Dmitri Peskov, la rencontre du 11 novembre "
        "à Paris constitue une priorité. Nous devons maintenant commencer à préparer cette réunion.")

PUTIN = {"name": "Vladimir Putin", "country": "RUS", "sector": "GOV"}
TRUMP = {"name": "Donald Trump", "country": "USA", "sector": "GOV"}
BOLTON = {"name": "John Bolton", "country": "USA", "sector": "GOV"}
PESKOV = {"name": "Dmitry Peskov", "country": "RUS", "sector": "GOV"}
RUS_GOV = {"country": "RUS", "sector": "GOV"}
USA_GOV = {"country": "USA", "sector": "GOV"}


def system_actor(name=None, country=None, sector=None, aliases=()):
    return {"name": name, "country": country, "sector": sector, "aliases": list(aliases)}


S_PUTIN = system_actor("Vladimir Putin", "RUS", "GOV", ["Poutine", "Vladimir Poutine"])
S_TRUMP = system_actor("Donald Trump", "USA", "GOV", ["Trump"])
S_BOLTON = system_actor("John Bolton", "USA", "GOV")
S_PESKOV = system_actor("Dmitry Peskov", "RUS", "GOV", ["Dmitri Peskov", "Peskov"])


def gold_span(phrase: str, **fields) -> dict:
    return {"text": phrase, "start": TEXT.index(phrase), **fields}


def system_span(phrase: str, **fields) -> dict:
    start = TEXT.index(phrase)
    return {"text": phrase, "start": start, "end": start + len(phrase), **fields}


def event(type="CONSULT", actors=(), recipients=(), **fields) -> dict:
    return {"type": type, "actors": list(actors), "recipients": list(recipients), **fields}


def document(timex=(), quotes=(), events=(), optional=None, id="d") -> dict:
    doc = {"id": id, "date": "2018-10-24", "lang": "fr", "text": TEXT,
           "timex": list(timex), "quotes": list(quotes), "events": list(events)}
    if optional:
        doc["optional"] = optional
    return doc


def output(timexes=(), quotes=(), events=(), id="d") -> dict:
    return {"id": id, "timexes": list(timexes), "quotes": list(quotes), "events": list(events)}


def layer_figures(layer: str, gold_doc: dict, system_doc: dict) -> dict:
    return score([gold_doc], [system_doc]).as_dict()[layer]


def assert_figures(figures: dict, gold: int, system: int, matched: int, accuracies: dict) -> None:
    """Counts, and every accuracy: the ones listed have these values, the others are None."""
    assert (figures["gold"], figures["system"], figures["matched"]) == (gold, system, matched)
    for key in (k for k in figures if k.endswith("_accuracy")):
        assert figures[key] == pytest.approx(accuracies.get(key.removesuffix("_accuracy"))), key


# --- names and actors --------------------------------------------------------------------

@pytest.mark.parametrize("name, normalised", [
    ("Chega (political party)", "chega"),
    ("Union (EU) Council", "union eu council"),
    ("Dmitri Péskov", "dmitri peskov"),
    ("JOHN BOLTON", "john bolton"),
    ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
    ("Jean-Luc Mélenchon", "jeanluc melenchon"),
    ("U.S.", "us"),
    ("  Ségolène   Royal ", "segolene royal"),
    ("Straße", "strasse"),
])
def test_names_are_compared_without_qualifier_case_accents_or_punctuation(name, normalised):
    assert normalise_name(name) == normalised


@pytest.mark.parametrize("gold, system, matches", [
    (PUTIN, S_PUTIN, True),
    ({"name": "Vladimir Poutine"}, S_PUTIN, True),  # an alias
    ({"name": "vladimir PÚTIN"}, S_PUTIN, True),
    ({"name": "Chega (political party)"}, system_actor("Chega", "PRT", "PTY"), True),
    ({"name": "Chega"}, system_actor("Chega (political party)", "PRT", "PTY"), True),
    (PESKOV, S_PUTIN, False),  # same country and sector, another person
    (PUTIN, system_actor(None, "RUS", "GOV"), False),  # a named gold actor needs the name
    (RUS_GOV, S_PUTIN, True),
    (RUS_GOV, system_actor(None, "RUS", "MIL"), False),
    ({"country": "RUS"}, system_actor(None, "RUS", "MIL"), True),  # no gold sector: any sector
    ({"country": "RUS"}, system_actor(None, "UKR", "GOV"), False),
    (RUS_GOV, None, False),
])
def test_actor_matching(gold, system, matches):
    assert actor_matches(gold, system) is matches


@pytest.mark.parametrize("gold, system, matches", [
    ([], [], True),
    ([PUTIN, TRUMP], [S_TRUMP, S_PUTIN], True),
    ([RUS_GOV, PUTIN], [S_PUTIN, S_PESKOV], True),  # the collective actor must leave Putin to Putin
    ([PUTIN], [S_PUTIN, S_PUTIN], False),
    ([PUTIN, TRUMP], [S_PUTIN], False),
    ([PUTIN, PUTIN], [S_PUTIN, S_PESKOV], False),
])
def test_participants_match_one_to_one(gold, system, matches):
    assert actors_match_one_to_one(gold, system) is matches


@pytest.mark.parametrize("scores, pairs", [
    ({(0, 0): 1, (1, 0): 1}, [(0, 0)]),  # tie: the earlier gold item
    ({(0, 0): 1, (0, 1): 1}, [(0, 0)]),  # tie: the earlier system item
    ({(0, 0): 1, (1, 0): 3, (0, 1): 2}, [(0, 1), (1, 0)]),  # best pair first, whatever the order
    ({(0, 0): 2, (0, 1): 1, (1, 0): 1}, [(0, 0)]),  # best first, even when it leaves gold 1 alone
    ({}, []),
])
def test_pairs_are_taken_best_first(scores, pairs):
    assert pair_best_first([0, 1], [0, 1], lambda g, s: scores.get((g, s))) == pairs


# --- timex -------------------------------------------------------------------------------

@pytest.mark.parametrize("gold, optional, system, expected", [
    ([gold_span("ce mercredi", value="2018-10-24")], [], [system_span("ce mercredi", value="2018-10-24")],
     (1, 1, 1, {"value": 1.0})),
    ([gold_span("ce mercredi", value="2018-10-24")], [], [system_span("mercredi", value="2018-10-31")],
     (1, 1, 1, {"value": 0.0})),
    ([gold_span("ce mercredi", value="2018-10-24")], [], [system_span("«prêt» ", value="2018-10-24")],
     (1, 1, 0, {})),  # adjacent spans do not overlap
    ([gold_span("l'année prochaine", value="2019")], [], [system_span("l'année prochaine", value="P1Y", type="DURATION")],
     (1, 0, 0, {})),
    ([], [], [system_span("ce mercredi", value="XXXX-WXX-3", type="SET"), system_span("maintenant", type="TIME")],
     (0, 0, 0, {})),
    ([], [], [system_span("maintenant", value="PRESENT_REF")], (0, 1, 0, {})),  # no type: a date
    ([gold_span("l'année prochaine", value="2019")], [],
     [system_span("l'année", value="2018"), system_span("l'année prochaine", value="2019")],
     (1, 2, 1, {"value": 1.0})),  # the largest overlap, not the first item
    ([gold_span("ce mercredi", value="2018-10-24")], [],
     [system_span("ce mercredi", value="2018-10-24"), system_span("ce mercredi", value="2018-10-24")],
     (1, 2, 1, {"value": 1.0})),  # a duplicate is a false positive
    ([], [gold_span("maintenant", value="PRESENT_REF")], [system_span("maintenant", value="PRESENT_REF")],
     (0, 0, 0, {})),  # excused by an optional item
    ([], [gold_span("maintenant", value="PRESENT_REF")], [], (0, 0, 0, {})),  # an optional item is no miss
    ([], [gold_span("l'année prochaine", value="2019")], [system_span("l'année"), system_span("prochaine")],
     (0, 1, 0, {})),  # an optional item excuses one system item only
    ([gold_span("l'année prochaine", value="2019")], [gold_span("prochaine", value="2019")],
     [system_span("prochaine", value="2019"), system_span("l'année prochaine", value="2019")],
     (1, 1, 1, {"value": 1.0})),  # gold items are served before optional ones
    ([gold_span("ce mercredi")], [], [system_span("ce mercredi", value="2018-10-24")],
     (1, 1, 1, {})),  # no gold value: not scored
])
def test_timex_figures(gold, optional, system, expected):
    figures = layer_figures("timex", document(timex=gold, optional={"timex": optional}), output(timexes=system))
    assert_figures(figures, *expected)


# --- quotes ------------------------------------------------------------------------------

PRIORITY = "la rencontre du 11 novembre à Paris constitue une priorité"  # 10 word tokens


@pytest.mark.parametrize("gold, system, f1", [
    (PRIORITY, PRIORITY, 1.0),
    (PRIORITY, "11 novembre à Paris constitue une priorité. Nous devons", 14 / 19),
    ("Paris constitue", "constitue une", 0.5),
    ("à Paris constitue", "constitue une", 0.4),
    ("«prêt»", "prêt", 1.0),
    ("Le Kremlin", "Nous devons", 0.0),
])
def test_quote_token_f1_counts_shared_word_positions(gold, system, f1):
    assert token_f1(gold_span(gold), system_span(system)) == pytest.approx(f1)


@pytest.mark.parametrize("gold, system, expected", [
    (gold_span(PRIORITY, speaker=PESKOV), system_span(PRIORITY, speaker=S_PESKOV), (1, 1, 1, {"speaker": 1.0})),
    (gold_span(PRIORITY, speaker=PESKOV),
     system_span("Selon Dmitri Peskov, la rencontre du 11 novembre à Paris constitue une priorité.", speaker=S_PESKOV),
     (1, 1, 1, {"speaker": 1.0})),  # the system span contains the gold span
    (gold_span(PRIORITY, speaker=PESKOV), system_span("Paris constitue", speaker=S_PESKOV),
     (1, 1, 1, {"speaker": 1.0})),  # contained, although its token F1 is 1/3
    (gold_span(PRIORITY, speaker=PESKOV),
     system_span("11 novembre à Paris constitue une priorité. Nous devons", speaker=S_PESKOV),
     (1, 1, 1, {"speaker": 1.0})),  # token F1 14/19
    (gold_span(PRIORITY, speaker=PESKOV),
     system_span("priorité. Nous devons maintenant commencer", speaker=S_PESKOV),
     (1, 1, 0, {})),  # overlapping, but token F1 2/15
    (gold_span("Paris constitue", speaker=PESKOV), system_span("constitue une", speaker=S_PESKOV),
     (1, 1, 1, {"speaker": 1.0})),  # token F1 exactly 0.5
    (gold_span("à Paris constitue", speaker=PESKOV), system_span("constitue une", speaker=S_PESKOV),
     (1, 1, 0, {})),  # token F1 0.4
    (gold_span(PRIORITY, speaker=PESKOV), system_span(PRIORITY, speaker=S_PUTIN), (1, 1, 1, {"speaker": 0.0})),
    (gold_span(PRIORITY, speaker=PESKOV), system_span(PRIORITY, speaker=None), (1, 1, 1, {"speaker": 0.0})),
    (gold_span(PRIORITY, speaker={"name": "Dmitri Peskov"}), system_span(PRIORITY, speaker=S_PESKOV),
     (1, 1, 1, {"speaker": 1.0})),  # by alias
    (gold_span("prêt", speaker=RUS_GOV), system_span("prêt", speaker=S_PESKOV), (1, 1, 1, {"speaker": 1.0})),
    (gold_span("prêt", speaker=RUS_GOV), system_span("prêt", speaker=system_actor(None, "RUS", "MIL")),
     (1, 1, 1, {"speaker": 0.0})),
    (gold_span(PRIORITY), system_span(PRIORITY, speaker=S_PESKOV), (1, 1, 1, {})),  # no gold speaker
])
def test_quote_figures(gold, system, expected):
    assert_figures(layer_figures("quotes", document(quotes=[gold]), output(quotes=[system])), *expected)


def test_the_quote_with_the_largest_overlap_is_matched():
    gold = document(quotes=[gold_span(PRIORITY, speaker=PESKOV)])
    system = output(quotes=[system_span("une priorité", speaker=S_PUTIN), system_span(PRIORITY, speaker=S_PESKOV)])
    assert_figures(layer_figures("quotes", gold, system), 1, 2, 1, {"speaker": 1.0})


# --- events ------------------------------------------------------------------------------

MEETING = event("CONSULT", [PUTIN, TRUMP], [], mode="third-party", date="2018-11-11",
                location={"name": "Paris", "country": "FRA"}, modality="future")
S_MEETING = event("CONSULT", [S_PUTIN, S_TRUMP], [], mode="third-party", date="2018-11-11",
                  location={"name": "Paris", "country": "FRA"}, modality="future", evidence=[])
VISIT = event("CONSULT", [BOLTON], [PUTIN], mode="visit", date="2018-10-23",
              location={"name": "Moscow", "country": "RUS"})
S_VISIT = event("CONSULT", [S_BOLTON], [S_PUTIN], mode="visit", date="2018-10-23",
                location={"name": "Moscow", "country": "RUS"}, modality="asserted")
ALL_RIGHT = {"date": 1.0, "location": 1.0, "modality": 1.0, "mode": 1.0}


def changed(item: dict, **fields) -> dict:
    return {**item, **fields}


def without(item: dict, *keys: str) -> dict:
    return {k: v for k, v in item.items() if k not in keys}


@pytest.mark.parametrize("gold, system, expected", [
    ([MEETING], [S_MEETING], (1, 1, 1, ALL_RIGHT)),
    ([VISIT], [S_VISIT], (1, 1, 1, {**ALL_RIGHT, "direction": 1.0})),
    ([MEETING], [changed(S_MEETING, type="AGREE")], (1, 1, 0, {})),
    ([MEETING], [changed(S_MEETING, actors=[S_PUTIN, S_TRUMP, S_BOLTON])], (1, 1, 0, {})),  # one left over
    ([MEETING], [changed(S_MEETING, actors=[S_PUTIN])], (1, 1, 0, {})),  # one missing
    ([MEETING], [changed(S_MEETING, actors=[system_actor("Путин", "RUS", "GOV", ["Vladimir Putin"]), S_TRUMP])],
     (1, 1, 1, ALL_RIGHT)),  # by alias
    ([changed(MEETING, actors=[PUTIN, USA_GOV])], [S_MEETING], (1, 1, 1, ALL_RIGHT)),  # by country and sector
    ([MEETING], [changed(S_MEETING, actors=[S_PUTIN, system_actor(None, "USA", "GOV")])], (1, 1, 0, {})),
    ([VISIT], [changed(S_VISIT, actors=[S_PUTIN], recipients=[S_BOLTON])],
     (1, 1, 1, {**ALL_RIGHT, "direction": 0.0})),  # participants right, sides swapped
    ([MEETING], [changed(S_MEETING, actors=[S_PUTIN], recipients=[S_TRUMP])],
     (1, 1, 1, ALL_RIGHT)),  # no gold recipients: direction not scored
    ([MEETING], [S_MEETING, S_MEETING], (1, 2, 1, ALL_RIGHT)),  # extracted twice: one match, one false positive
    ([changed(MEETING, date="2017")], [changed(S_MEETING, date="2017-07-07")], (1, 1, 1, ALL_RIGHT)),
    ([changed(MEETING, date="2017-07-07")], [changed(S_MEETING, date="2017")],
     (1, 1, 1, {**ALL_RIGHT, "date": 0.0})),
    ([changed(MEETING, date="2018-11")], [changed(S_MEETING, date="2018-11-11")], (1, 1, 1, ALL_RIGHT)),
    ([changed(MEETING, date="2018-1")], [changed(S_MEETING, date="2018-11")],
     (1, 1, 1, {**ALL_RIGHT, "date": 0.0})),  # a prefix, not a coarser date
    ([changed(MEETING, date=None)], [changed(S_MEETING, date="2018")], (1, 1, 1, without(ALL_RIGHT, "date"))),
    ([MEETING], [changed(S_MEETING, date=None)], (1, 1, 1, {**ALL_RIGHT, "date": 0.0})),
    ([changed(MEETING, location={"name": "Bogotá", "country": "COL"})],
     [changed(S_MEETING, location={"name": "BOGOTA", "country": None})], (1, 1, 1, ALL_RIGHT)),
    ([MEETING], [changed(S_MEETING, location={"name": "Lyon", "country": "FRA"})], (1, 1, 1, ALL_RIGHT)),
    ([MEETING], [changed(S_MEETING, location={"name": "Moscow", "country": "RUS"})],
     (1, 1, 1, {**ALL_RIGHT, "location": 0.0})),
    ([MEETING], [changed(S_MEETING, location=None)], (1, 1, 1, {**ALL_RIGHT, "location": 0.0})),
    ([without(MEETING, "location")], [S_MEETING], (1, 1, 1, without(ALL_RIGHT, "location"))),
    ([without(MEETING, "modality")], [without(S_MEETING, "modality")], (1, 1, 1, ALL_RIGHT)),  # asserted both
    ([without(MEETING, "modality")], [S_MEETING], (1, 1, 1, {**ALL_RIGHT, "modality": 0.0})),
    ([changed(MEETING, modality="asserted")], [without(S_MEETING, "modality")], (1, 1, 1, ALL_RIGHT)),
    ([changed(MEETING, modality="negated")], [changed(S_MEETING, modality="hypothetical")],
     (1, 1, 1, {**ALL_RIGHT, "modality": 0.0})),
    ([without(MEETING, "mode")], [changed(S_MEETING, mode="visit")], (1, 1, 1, without(ALL_RIGHT, "mode"))),
    ([MEETING], [changed(S_MEETING, mode=None)], (1, 1, 1, {**ALL_RIGHT, "mode": 0.0})),
    ([MEETING], [changed(S_MEETING, date="2018-11-12"), S_MEETING],
     (1, 2, 1, ALL_RIGHT)),  # the candidate with the most attributes right, not the first
    ([changed(MEETING, date="2017"), MEETING], [S_MEETING],
     (2, 1, 1, ALL_RIGHT)),  # the gold event it fits best, not the first
])
def test_event_figures(gold, system, expected):
    assert_figures(layer_figures("events", document(events=gold), output(events=system)), *expected)


def test_an_optional_event_excuses_one_system_event():
    gold = document(optional={"events": [MEETING]})
    figures = layer_figures("events", gold, output(events=[S_MEETING, S_MEETING]))
    assert (figures["gold"], figures["system"], figures["matched"], figures["precision"]) == (0, 1, 0, 0.0)


def test_equally_good_gold_events_go_to_the_earlier_one():
    gold = document(events=[changed(MEETING, evidence="first"), changed(MEETING, evidence="second")])
    result = score([gold], [output(events=[S_MEETING])]).documents[0].layers["events"]
    assert [pair.gold["evidence"] for pair in result.pairs] == ["first"]
    assert [miss["evidence"] for miss in result.misses] == ["second"]


# --- figures over documents --------------------------------------------------------------

def test_figures_are_micro_averaged_over_documents():
    first = document(id="a", events=[MEETING, VISIT])
    second = document(id="b", events=[MEETING])
    unanswered = document(id="c", timex=[gold_span("ce mercredi", value="2018-10-24")])
    outputs = [output(id="a", events=[S_MEETING]),
               output(id="b", events=[changed(S_MEETING, type="AGREE"), S_VISIT]),
               output(id="z", events=[S_MEETING])]  # not in the gold set: not scored
    report = score([first, second, unanswered], outputs)
    events, timex = report.as_dict()["events"], report.as_dict()["timex"]
    assert (events["gold"], events["system"], events["matched"]) == (3, 3, 1)
    assert events["precision"] == pytest.approx(1 / 3)
    assert events["recall"] == pytest.approx(1 / 3)
    assert events["f1"] == pytest.approx(1 / 3)
    assert (timex["gold"], timex["system"], timex["recall"], timex["precision"]) == (1, 0, 0.0, None)
    assert [d.has_output for d in report.documents] == [True, True, False]
    assert report.unscored_outputs == ["z"]


def test_precision_recall_and_f1():
    gold = document(timex=[gold_span(p, value="x") for p in ("ce mercredi", "l'année prochaine", "11 novembre", "maintenant")])
    system = output(timexes=[system_span(p, value="x") for p in ("ce mercredi", "11 novembre", "Le Kremlin")])
    figures = layer_figures("timex", gold, system)
    assert (figures["precision"], figures["recall"], figures["f1"]) == pytest.approx((2 / 3, 1 / 2, 4 / 7))


def test_report_keys():
    figures = score([document()], [output()]).as_dict()
    common = {"precision", "recall", "f1", "gold", "system", "matched"}
    assert {layer: set(values) for layer, values in figures.items()} == {
        "timex": common | {"value_accuracy"},
        "quotes": common | {"speaker_accuracy"},
        "events": common | {f"{a}_accuracy" for a in ("date", "location", "modality", "mode", "direction")},
    }
    assert all(value is None for values in figures.values() for key, value in values.items()
               if key not in ("gold", "system", "matched"))


def test_two_outputs_for_one_document_are_refused():
    with pytest.raises(ValueError, match="'d'"):
        score([document()], [output(), output()])


# --- the seed scored against itself ------------------------------------------------------

def as_output(gold_doc: dict, layers: dict) -> dict:
    """A gold document's items (and optional ones) written as a system output."""
    def with_end(item):
        return {**item, "end": item["start"] + len(item["text"])}

    return {"id": gold_doc["id"],
            "timexes": [with_end(t) for t in layers.get("timex", [])],
            "quotes": [with_end(q) for q in layers.get("quotes", [])],
            "events": [{**e, "evidence": []} for e in layers.get("events", [])]}


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), with_optional=st.booleans())
def test_the_seed_scores_perfectly_against_itself_in_any_order(seed, with_optional):
    gold = read_gold([SEED])
    optional = gold[0].get("optional", {})
    layers = {}
    for key in ("timex", "quotes", "events"):
        items = list(gold[0].get(key, []))
        random.Random(seed).shuffle(items)
        # Optional items follow in their own order: an optional item that fits two system
        # items equally well takes the earlier one, which is then its own copy.
        layers[key] = items + (list(optional.get(key, [])) if with_optional else [])
    figures = score(gold, [as_output(gold[0], layers)]).as_dict()
    for layer, values in figures.items():
        assert (values["precision"], values["recall"]) == (1.0, 1.0), layer
        assert all(v == 1.0 for k, v in values.items() if k.endswith("_accuracy")), layer


# --- gold files --------------------------------------------------------------------------

def broken(**changes) -> dict:
    return {**document(timex=[gold_span("ce mercredi", value="2018-10-24")],
                       quotes=[gold_span(PRIORITY, speaker=PESKOV)],
                       events=[changed(MEETING, evidence=PRIORITY)]), **changes}


@pytest.mark.parametrize("doc, field", [
    (broken(timex=[{"text": "ce mercredi", "start": 3, "value": "2018-10-24"}]), "timex[0].start"),
    (broken(timex=[{"text": "", "start": 3}]), "timex[0].text"),
    (broken(quotes=[{"text": PRIORITY, "start": "12"}]), "quotes[0].start"),
    (broken(quotes=[gold_span(PRIORITY, speaker={})]), "quotes[0].speaker.name"),
    (broken(events=[changed(MEETING, type="MEET")]), "events[0].type"),
    (broken(events=[changed(MEETING, modality="past")]), "events[0].modality"),
    (broken(events=[changed(MEETING, actors=[{"country": "rus"}])]), "events[0].actors[0].country"),
    (broken(events=[changed(MEETING, recipients=[{}])]), "events[0].recipients[0].name"),
    (broken(events=[changed(MEETING, evidence="une rencontre à Paris")]), "events[0].evidence"),
    (broken(events=[changed(MEETING, location={"city": "Paris"})]), "events[0].location"),
    (broken(optional={"quotes": [{"text": "prêt", "start": 0}]}), "optional.quotes[0].start"),
    (broken(optional={"dates": []}), "optional.dates"),
    (broken(date="24/10/2018"), "date"),
    (without(broken(), "text"), "text"),
])
def test_gold_problems_name_the_file_line_and_field(tmp_path, doc, field):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(broken(id="fine")) + "\n\n" + json.dumps(doc) + "\n", encoding="utf-8")
    with pytest.raises(FormatError) as error:
        read_gold([path])
    assert str(error.value).startswith(f"{path}:3: {field}: ")


def test_gold_ids_are_unique_across_files(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(broken()) + "\n", encoding="utf-8")
    second.write_text(json.dumps(broken()) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=f"{second}:1: id: 'd' is already the id of {first}:1"):
        read_gold([first, second])


def test_a_line_that_is_not_json_is_named(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(broken()) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(FormatError, match=f"{path}:2: not a JSON object"):
        read_gold([path])


# --- system output -----------------------------------------------------------------------

def test_an_extraction_is_written_as_the_scored_output():
    peskov = Actor(name="Dmitry Peskov", country="RUS", sector="GOV", kind="person", aliases=["Dmitri Peskov"])
    start = TEXT.index(PRIORITY)
    extraction = Extraction(
        id="d",
        timexes=[Timex(text="ce mercredi", start=28, end=39, value="2018-10-24", granularity="day")],
        quotes=[Quote(text=PRIORITY, start=start, end=start + len(PRIORITY), speaker=peskov, verb="selon")],
        events=[Event(type="CONSULT", mode="third-party", actors=[peskov], date="2018-11-11",
                      location=Location(name="Paris", country="FRA"), modality="future",
                      evidence=[Mention(text=PRIORITY, start=start, end=start + len(PRIORITY))], trigger="rencontre")])
    written = extraction_to_output(extraction)
    actor = {"name": "Dmitry Peskov", "country": "RUS", "sector": "GOV", "aliases": ["Dmitri Peskov"]}
    assert written == {
        "id": "d",
        "timexes": [{"text": "ce mercredi", "start": 28, "end": 39, "value": "2018-10-24", "type": "DATE"}],
        "quotes": [{"text": PRIORITY, "start": start, "end": start + len(PRIORITY), "speaker": actor}],
        "events": [{"type": "CONSULT", "mode": "third-party", "actors": [actor], "recipients": [], "date": "2018-11-11",
                    "location": {"name": "Paris", "country": "FRA"}, "modality": "future",
                    "evidence": [{"start": start, "end": start + len(PRIORITY), "text": PRIORITY}]}],
    }
    assert json.loads(json.dumps(written)) == written


# --- the command -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cli():
    app = typer.Typer()
    app.command()(eval_command)
    return lambda *args: CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def files(tmp_path):
    gold, system = tmp_path / "gold.jsonl", tmp_path / "system.jsonl"
    gold.write_text(json.dumps(document(events=[MEETING, VISIT])) + "\n", encoding="utf-8")
    system.write_text(json.dumps(output(events=[changed(S_MEETING, date="2018")])) + "\n", encoding="utf-8")
    return gold, system


def test_eval_scores_an_output_file_as_json(cli, files):
    gold, system = files
    result = cli(gold, "--system", system, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == score(read_gold([gold]), [json.loads(system.read_text())]).as_dict()


def test_eval_explains_every_error(cli, files):
    gold, system = files
    result = cli(gold, "--system", system, "--explain")
    assert result.exit_code == 0, result.output
    assert "miss" in result.output and "John Bolton" in result.output
    assert "wrong date" in result.output and "gold 2018-11-11  system 2018" in result.output


def test_eval_refuses_a_broken_gold_file_with_its_line(cli, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(broken(events=[changed(MEETING, type="MEET")])) + "\n", encoding="utf-8")
    result = cli(gold, "--system", gold)
    assert result.exit_code == 2
    assert f"{gold}:1: events[0].type" in result.output


def test_write_figures(tmp_path):
    report = score([document(events=[MEETING])], [output(events=[S_MEETING])])
    path = tmp_path / "eval" / "figures.json"
    write_figures(report, path)
    assert json.loads(path.read_text(encoding="utf-8")) == report.as_dict()


@pytest.mark.model
def test_eval_runs_veille_on_the_seed(cli):
    result = cli(SEED, "--format", "json", "--explain")
    assert result.exit_code == 0, result.output
    gold = read_gold([SEED])[0]
    figures = json.loads(result.stdout)
    assert [figures[layer]["gold"] for layer in ("timex", "quotes", "events")] == [
        len(gold["timex"]), len(gold["quotes"]), len(gold["events"])]
