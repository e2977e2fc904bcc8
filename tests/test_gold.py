"""The gold sets are well-formed: offsets point at the annotated text, values are valid."""

import json
import re
from pathlib import Path

import pytest

from veille.schema import EVENT_TYPES, MODALITIES

GOLD = Path(__file__).parent / "gold"
FILES = sorted(GOLD.glob("*.jsonl"))
COUNTRY = re.compile(r"^([A-Z]{3})$")


def _documents():
    for path in FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield pytest.param(json.loads(line), id=f"{path.stem}:{number}")


DOCUMENTS = list(_documents())


def items(doc, layer):
    return [*doc.get(layer, []), *doc.get("optional", {}).get(layer, [])]


def test_the_development_set_holds_at_least_25_articles():
    assert len((GOLD / "dev.jsonl").read_text(encoding="utf-8").splitlines()) >= 25


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_offsets_point_at_the_annotated_text(doc):
    for layer in ("timex", "quotes"):
        for item in items(doc, layer):
            assert doc["text"][item["start"]: item["start"] + len(item["text"])] == item["text"]


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_events_have_valid_types_modalities_and_actors(doc):
    for event in items(doc, "events"):
        assert event["type"] in EVENT_TYPES
        assert event.get("modality", "asserted") in MODALITIES
        for actor in [*event.get("actors", []), *event.get("recipients", [])]:
            assert actor.get("name") or actor.get("country"), actor
            assert actor.get("country") is None or COUNTRY.match(actor["country"]), actor
        assert event.get("actors"), event


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_quote_speakers_and_timex_values_are_given(doc):
    for quote in items(doc, "quotes"):
        speaker = quote.get("speaker") or {}
        assert speaker.get("name") or speaker.get("country"), quote
    for timex in items(doc, "timex"):
        assert timex["value"], timex
