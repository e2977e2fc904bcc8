"""veille_timex on any input: it never crashes or hangs, every timex indexes the text, and
relative expressions move with the publication date as the calendar says."""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from veille.lang import table
from veille.temporal import annotate, find_dates
from veille.temporal.calendar import RANK, Period
from veille.temporal.detect import scan
from veille.temporal.grammar import grammar

GOLD = Path(__file__).parent / "gold"

VALUE = re.compile(
    r"\d{4}(-\d\d(-\d\d)?|-W\d\d(-WE)?|-(SP|SU|FA|WI)|-Q[1-4]|-H[12])?$|\d{3}X$|\d\d$|(PRESENT|PAST|FUTURE)_REF$")
TYPED = {"DURATION": re.compile(r"P(T?(\d+|X)[YMWDHS])$"), "SET": re.compile(r"P\d+[YMWD]$|XXXX-WXX-[1-7]$"),
         "TIME": re.compile(r"(\d{4}-\d\d-\d\d)?T\d\d:\d\d$")}

# Words and pieces the patterns are made of, to build inputs that come close to matching.
VOCABULARY = sorted({form for row in table("fr", "timex_lexicon.tsv") for form in row["forms"].split("|")}
                    | {"le", "la", "l'", "en", "de", "du", "il y a", "dans", "d'ici", "plus tard", "après",
                       "avant", "-", "/", ".", ",", "'", "’", "\n", "  ", "\u00a0", "1er", "2018", "98", "12",
                       "31", "XXe", "siècle", "années", "h", "chaque", "tous les", "fin", "mi-", "début"})

publication_dates = st.dates(min_value=date(1901, 1, 1), max_value=date(2090, 12, 31))
near_text = st.lists(st.sampled_from(VOCABULARY), max_size=25).map(" ".join)
any_text = st.text(max_size=300)


def check(text: str, timexes: list[dict]) -> None:
    previous_end = 0
    for timex in timexes:
        assert text[timex["start"]:timex["end"]] == timex["text"]
        assert previous_end <= timex["start"] < timex["end"]
        previous_end = timex["end"]
        if timex["type"] == "DATE":
            assert timex["value"] is None or VALUE.match(timex["value"]), timex
        else:
            assert TYPED[timex["type"]].match(timex["value"]), timex


@settings(max_examples=300, deadline=1000)
@given(text=any_text, published=st.none() | publication_dates)
def test_any_text_is_scanned_without_error(text, published):
    check(text, annotate(text, published))


@settings(max_examples=500, deadline=1000)
@given(text=near_text, published=publication_dates)
def test_texts_made_of_temporal_words_give_well_formed_timexes(text, published):
    check(text, annotate(text, published))


def everywhere(rules):
    """The same grammar with every pattern tried over the whole text."""
    return replace(rules, patterns=tuple(replace(p, anchors=frozenset()) for p in rules.patterns))


FRENCH = grammar("fr")
FRENCH_EVERYWHERE = everywhere(FRENCH)


def spans(text, rules):
    return [(m.start, m.end, m.pattern.index, m.parts) for m in scan(text, rules)]


@settings(max_examples=500, deadline=1000)
@given(text=st.one_of(near_text, st.lists(st.sampled_from(VOCABULARY), max_size=40).map("".join), any_text))
def test_looking_only_near_anchors_finds_what_looking_everywhere_finds(text):
    assert spans(text, FRENCH) == spans(text, FRENCH_EVERYWHERE)


def test_looking_only_near_anchors_finds_what_looking_everywhere_finds_in_the_gold_sets():
    texts = [json.loads(line)["text"] for path in sorted(GOLD.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) > 100
    assert [spans(t, FRENCH) for t in texts] == [spans(t, FRENCH_EVERYWHERE) for t in texts]


@pytest.mark.model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(any_text, near_text), published=publication_dates)
def test_the_component_takes_any_text(text, published):
    timexes = [t.model_dump() for t in find_dates(text, published.isoformat())]
    check(text, timexes)


@settings(max_examples=200, deadline=1000)
@given(published=publication_dates)
def test_deictic_words_follow_the_calendar(published):
    values = [t["value"] for t in annotate("hier, aujourd'hui, demain, l'année prochaine, l'an dernier, "
                                           "la semaine prochaine, il y a trois mois", published)]
    week = Period.of(published, "week").shifted(1)
    month = Period.of(published, "month").shifted(-3)
    assert values == [(published - timedelta(days=1)).isoformat(), published.isoformat(),
                      (published + timedelta(days=1)).isoformat(), str(published.year + 1),
                      str(published.year - 1), week.value, month.value]


@settings(max_examples=200, deadline=1000)
@given(published=publication_dates, weekday=st.sampled_from(["lundi", "mardi", "mercredi", "jeudi",
                                                            "vendredi", "samedi", "dimanche"]))
def test_last_and_next_weekdays_are_within_a_week_around_the_publication_date(published, weekday):
    last, following = (date.fromisoformat(t["value"])
                       for t in annotate(f"{weekday} dernier et {weekday} prochain", published))
    assert 1 <= (published - last).days <= 7 and 1 <= (following - published).days <= 7
    assert last.isoweekday() == following.isoweekday()


@settings(max_examples=200, deadline=1000)
@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 12, 31)),
       granularity=st.sampled_from(sorted(RANK)), count=st.integers(-30, 30))
def test_shifting_a_period_there_and_back_returns_it(day, granularity, count):
    period = Period.of(day, granularity)
    assert period.start <= period.end
    shifted = period.shifted(count)
    assume(shifted is not None)  # off the calendar (before year 1)
    assert shifted.shifted(-count) == period
    assert Period.of(period.start, granularity) == period


@settings(max_examples=300, deadline=1000)
@given(day=st.dates(min_value=date(1000, 1, 1), max_value=date(2090, 12, 31)),
       granularity=st.sampled_from(sorted(RANK)))
def test_a_value_reads_back_as_its_period(day, granularity):
    period = Period.of(day, granularity)
    assert Period.from_value(period.value) == period


@settings(max_examples=200, deadline=1000)
@given(day=st.dates(min_value=date(1901, 1, 1), max_value=date(2090, 12, 31)))
def test_an_absolute_date_is_its_own_value_whatever_the_publication_date(day):
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre"]
    text = f"le {day.day} {months[day.month - 1]} {day.year} et le {day:%d/%m/%Y}"
    assert [t["value"] for t in annotate(text, "2018-10-24")] == [day.isoformat()] * 2


@pytest.mark.parametrize("text", [
    "1 " * 20000,
    "le " * 20000,
    "il y a " * 5000,
    "début " * 10000 + "2019",
    "les 1 et 2 et 3 et " * 3000 + "mai",
    "1/" * 20000,
    "'" * 50000,
    "mi-" * 20000,
])
def test_long_repetitive_texts_do_not_hang(text):
    start = time.perf_counter()
    annotate(text, "2018-10-24")
    assert time.perf_counter() - start < 10
