"""The public contract: round trips, JSON Schema, compact representations."""

import json

import pytest
from pydantic import ValidationError

from veille.schema import Actor, Event, Extraction, Location, Mention, Problem, Quote, Timex, json_schema

PUTIN = Actor(name="Vladimir Putin", country="RUS", sector="GOV", kind="person", aliases=["Poutine"])
TRUMP = Actor(name="Donald Trump", country="USA", sector="GOV", kind="person")


def sample() -> Extraction:
    return Extraction(
        id="seed",
        timexes=[Timex(text="le 16 juillet", start=10, end=23, value="2018-07-16", granularity="day")],
        quotes=[Quote(text="prêt", start=1, end=5, speaker=Actor(country="RUS", sector="GOV"), kind="direct")],
        events=[Event(type="CONSULT", mode="third-party", actors=[PUTIN, TRUMP], date="2018-07-16",
                      location=Location(name="Helsinki", country="FIN"),
                      evidence=[Mention(text="Le sommet d'Helsinki", start=0, end=20)])],
    )


def test_an_extraction_survives_a_json_round_trip():
    extraction = sample()
    again = Extraction.model_validate_json(extraction.model_dump_json())
    assert again == extraction
    assert json.loads(again.model_dump_json()) == json.loads(extraction.model_dump_json())


def test_representations_are_compact_and_deterministic():
    extraction = sample()
    assert repr(extraction.events[0]) == "Event(CONSULT/third-party Vladimir Putin+Donald Trump→ 2018-07-16 @Helsinki asserted)"
    assert repr(extraction.timexes[0]) == "Timex('le 16 juillet'@10=2018-07-16 DATE)"
    assert repr(PUTIN) == "Actor(Vladimir Putin/RUS/GOV)"


@pytest.mark.parametrize("bad", [
    {"type": "MEET"},
    {"type": "CONSULT", "modality": "probable"},
    {"type": "CONSULT", "colour": "red"},
])
def test_invalid_events_are_refused(bad):
    with pytest.raises(ValidationError):
        Event(**bad)


def test_the_json_schema_describes_every_model():
    schema = json_schema()
    assert {"Document", "Actor", "Mention", "Timex", "Quote", "Event", "Extraction", "Problem"} <= set(schema["$defs"])
    assert schema["$defs"]["Event"]["properties"]["modality"]["enum"] == ["asserted", "future", "hypothetical", "negated"]
    assert Problem(document="a.txt", stage="read", reason="empty document").stage == "read"
