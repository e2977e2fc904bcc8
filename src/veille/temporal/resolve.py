"""Giving each temporal expression its TIMEX3 value.

Deictic expressions ("hier", "l'année prochaine") are anchored on the publication date;
anaphoric ones ("la veille", "la même année", "deux jours plus tard") on the last date the
narrative gave, at a granularity at least as fine as theirs; a part of the day ("dans
l'après-midi") on a day the last sentences gave, else on the publication date. A partial date ("le 11
novembre", "mercredi") is the occurrence the clause's tense points to: the next one when
future or conditional, the last one when past, the nearest one otherwise; a year given
earlier in the same sentence fixes it instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from veille.temporal.calendar import RANK, Period, choose, easter, full_year
from veille.temporal.detect import Mention
from veille.temporal.grammar import EventLinks

REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
RECIPE = re.compile(r"(doc|ref|near)([+-]\d+)(?: (\w+))?$")
DURATION_UNITS = {"day": (1, "D"), "weekend": (2, "D"), "week": (1, "W"), "month": (1, "M"),
                  "quarter": (3, "M"), "half": (6, "M"), "year": (1, "Y"), "decade": (10, "Y"),
                  "century": (100, "Y"), "hour": (1, "TH"), "minute": (1, "TM"), "second": (1, "TS")}
DATE_KINDS = ("date", "relative", "offset", "word")
IN_A_YEAR = ("month", "season", "quarter", "named")
NEAR_DAYS = 10
NEAR_SENTENCES = 2  # how far back a part of the day ("dans l'après-midi") looks for its day
WEEKDAY_REACH = 200  # a weekday picks the year of a date only among dates this close
TYPES = {"duration": "DURATION", "set": "SET", "time": "TIME"}

Tense = Callable[[int, int], str | None]
Sentence = Callable[[int], int]


@dataclass
class Context:
    """What the resolver knows besides the expressions: the publication date, the tense of
    the clause around a span ("past", "future" or None) and the sentence of an offset."""

    published: date | None
    tense: Tense = lambda start, end: None
    sentence: Sentence = lambda offset: 0
    text: str = ""
    dated_event: EventLinks | None = None


@dataclass
class Antecedent:
    period: Period
    sentence: int
    explicit_year: bool


@dataclass
class Narrative:
    """The dates the text has given so far, the latest last."""

    published: date | None
    dates: list[Antecedent] = field(default_factory=list)

    def anchor(self, kind: str, granularity: str, sentence: int = 0) -> date | None:
        """The publication date (`doc`), the last date the narrative gave, fine enough
        (`ref`), or such a date given in the last sentences, else the publication date
        (`near`: "dans l'après-midi" of a day the text has just named, or of the story's)."""
        if kind in ("ref", "near"):
            for antecedent in reversed(self.dates):
                if kind == "near" and antecedent.sentence < sentence - NEAR_SENTENCES:
                    break
                if RANK[antecedent.period.granularity] <= RANK.get(granularity, 0):
                    return antecedent.period.start
        return self.published

    def year_of_sentence(self, sentence: int) -> int | None:
        """The year the sentence has set so far: its latest date that gives a year, or
        that is one ("En 2015, le 3 mai", "rien en 98, deux cette année : le 6 juin")."""
        for antecedent in reversed(self.dates):
            if antecedent.sentence != sentence:
                return None
            if antecedent.explicit_year or antecedent.period.granularity == "year":
                return antecedent.period.start.year
        return None


def resolve(mentions: list[Mention], context: Context) -> list[dict]:
    """The timex dicts of `doc._.timexes` for the mentions of one text, in order."""
    narrative = Narrative(context.published)
    timexes = []
    for n, mention in enumerate(mentions):
        if mention.kind == "name":
            continue
        if mention.kind in DATE_KINDS:
            following = mentions[n + 1] if n + 1 < len(mentions) else None
            value = _from_dated_event(mention, following, context, narrative)
            if value is None and _counts_from_an_event(mention, context):
                continue  # "au lendemain de son arrivée": the day after a day the text does not give
            value = value or _date_value(mention, context, narrative)
            if isinstance(value, Period):
                explicit_year = "year" in mention.parts or "year2" in mention.parts
                if not _flashback(mention):
                    narrative.dates.append(Antecedent(value, context.sentence(mention.start), explicit_year))
                timexes.append(_timex(mention, value.value, "DATE", value.granularity))
            elif value is not None:
                timexes.append(_timex(mention, value, "DATE", "ref"))
            elif context.published is None:
                timexes.append(_timex(mention, None, "DATE", None))
        else:
            value = _other_value(mention, narrative)
            if value is not None:
                timexes.append(_timex(mention, value, TYPES[mention.kind], None))
    return timexes


def _timex(mention: Mention, value: str | None, type_: str, granularity: str | None) -> dict:
    return {"start": mention.start, "end": mention.end, "text": mention.text, "value": value,
            "type": type_, "granularity": granularity}


def _date_value(mention: Mention, context: Context, narrative: Narrative) -> Period | str | None:
    if mention.kind == "date":
        return _calendar(mention, context, narrative)
    if mention.kind == "relative":
        shift = mention.parts.get("shift") or mention.pattern.options.get("shift", "doc+0")
        anchor, count, _ = _recipe(str(shift))
        anchor = mention.pattern.options.get("anchor", anchor)
        return _shifted(mention, anchor, count, context, narrative)
    if mention.kind == "offset":
        amount, unit = mention.parts["amount"], str(mention.parts["unit"])
        sign = int(mention.pattern.options.get("sign", 1))
        anchor = mention.pattern.options.get("anchor", "doc")
        if amount == "X":  # "il y a quelques mois"; but "quelques jours avant" is only a duration
            return None if anchor == "ref" else "PAST_REF" if sign < 0 else "FUTURE_REF"
        base = narrative.anchor(anchor, unit)
        return Period.of(base, unit).shifted(sign * int(amount)) if base and unit in RANK else None
    recipe = _word_recipe(mention)
    if recipe in REFERENCES:
        return recipe
    anchor, count, unit = _recipe(recipe)
    base = narrative.anchor(anchor, unit, context.sentence(mention.start))
    return Period.of(base, unit).shifted(count) if base else None


def _from_dated_event(mention: Mention, following: Mention | None, context: Context,
                      narrative: Narrative) -> Period | None:
    """An offset that counts from the date of the event named after it: "deux jours après le
    putsch du 18 août" is the 20th of August, "au lendemain du putsch du 18 août" the 19th,
    whatever the story's date."""
    if following is None or following.kind != "date" or context.dated_event is None:
        return None
    between, link = context.dated_event.between, context.dated_event.link
    if mention.kind == "offset" and mention.pattern.options.get("anchor") == "ref":
        amount, unit = mention.parts["amount"], str(mention.parts["unit"])
        if amount == "X":
            return None
        count = int(mention.pattern.options.get("sign", 1)) * int(amount)
    elif _counts_from_an_event(mention, context):
        between = context.dated_event.of_event
        _, count, unit = _recipe(_word_recipe(mention))
    else:
        return None
    if not (link.match(following.text) and between.fullmatch(context.text[mention.end:following.start])):
        return None
    base = _date_value(following, context, narrative)
    if unit not in RANK or not isinstance(base, Period) or base.granularity != "day":
        return None
    return Period.of(base.start, unit).shifted(count)


def _counts_from_an_event(mention: Mention, context: Context) -> bool:
    """Whether a word counted from the story's date ("la veille", "au lendemain") names
    the event it counts from instead ("au lendemain de son arrivée"), or an offset the deed
    it counts from ("deux mois après avoir mis en joue …")."""
    if context.dated_event is None:
        return False
    if mention.kind == "offset" and mention.pattern.options.get("anchor") == "ref":
        return context.dated_event.deed.match(context.text, mention.end) is not None
    if mention.kind != "word" or not _word_recipe(mention).startswith("ref"):
        return False
    return context.dated_event.of_event.match(context.text, mention.end) is not None


def _word_recipe(mention: Mention) -> str:
    return str(mention.pattern.options.get("recipe") or mention.parts["word"])


def _flashback(mention: Mention) -> bool:
    """"la veille", "deux jours plus tôt": a look back from the narrative's date, which does
    not move it (a second "la veille" is still the day before the same day)."""
    if mention.kind == "offset":
        return mention.pattern.options.get("anchor") == "ref" and int(mention.pattern.options.get("sign", 1)) < 0
    if mention.kind != "word":
        return False
    recipe = _word_recipe(mention)
    if recipe in REFERENCES:
        return False
    anchor, count, _ = _recipe(recipe)
    return anchor == "ref" and count < 0


def _recipe(recipe: str) -> tuple[str, int, str]:
    match = RECIPE.match(recipe)
    if not match:
        raise ValueError(f"not a recipe: {recipe!r}")
    return match.group(1), int(match.group(2)), match.group(3) or "day"


def _shifted(mention: Mention, anchor: str, count: int, context: Context, narrative: Narrative) -> Period | None:
    """A unit, weekday, month or season placed by a shift: "la semaine dernière",
    "mardi prochain", "juillet dernier", "l'été prochain", "la même année"."""
    parts = mention.parts
    unit = str(parts.get("unit") or _granularity(parts))
    if unit not in RANK:
        return None
    base = narrative.anchor(anchor, unit)
    if base is None:
        return None
    if unit == "weekend" and count == 0:  # "ce week-end": the last one or the next one, by tense
        weekends = [w for n in (-1, 0, 1) if (w := Period.of(base, unit).shifted(n)) is not None]
        return choose(weekends, base, context.tense(mention.start, mention.end))
    if "unit" in parts:
        return Period.of(base, unit).shifted(count)
    if count == 0:
        return choose(_around(parts, base), base, context.tense(mention.start, mention.end))
    return choose(_around(parts, base), base, "past" if count < 0 else "future", strict=True)


def _calendar(mention: Mention, context: Context, narrative: Narrative) -> Period | None:
    period = _calendar_period(mention, context, narrative)
    unit = mention.pattern.options.get("unit")  # "la semaine du 21 janvier"
    return Period.of(period.start, unit) if period is not None and unit else period


def _calendar_period(mention: Mention, context: Context, narrative: Narrative) -> Period | None:
    parts = mention.parts
    if "century" in parts:
        century = int(parts["century"])
        return Period(date(max((century - 1) * 100, 1), 1, 1), "century") if 1 <= century <= 21 else None
    if "decade" in parts:
        decade = int(parts["decade"])
        return Period(date(decade + 1900 if decade < 100 else decade, 1, 1), "decade")
    published = context.published
    if isinstance(parts.get("named"), str) and re.fullmatch(r"\d{4}-\d\d-\d\d", str(parts["named"])):
        return Period(date.fromisoformat(str(parts["named"])), "day")
    if "year" in parts or "year2" in parts:
        year = int(parts["year"]) if "year" in parts else full_year(int(parts["year2"]), published and published.year)
        periods = _in_year(parts, year, weekday=True) or _in_year(parts, year, weekday=False)
        return periods[0] if periods else None
    if published is None:
        return None
    shift = parts.get("shift")
    sentence_year = None if shift else narrative.year_of_sentence(context.sentence(mention.start))
    direction = ({"-": "past", "+": "future"}.get(str(shift)[3:4]) if shift else None) \
        or context.tense(mention.start, mention.end)
    if sentence_year is not None and any(k in parts for k in IN_A_YEAR):
        # "En 2015, le 3 mai, …"; unless the weekday or the tense says otherwise
        # ("2002/2003 … le jeudi 12 septembre", "en mars 2019 … prévu le 14 septembre")
        in_that_year = _in_year(parts, sentence_year, weekday=True)
        if in_that_year and _agrees(in_that_year[0], published, direction):
            return in_that_year[0]
    candidates = _around(parts, published)
    if not shift and "month" in parts and "day" in parts:
        # A day a few days off needs no year, whatever the tense: "reporté au 20 janvier".
        near = [c for c in candidates if c.distance(published) <= NEAR_DAYS]
        if near:
            return min(near, key=lambda c: c.distance(published))
    # A weekday may leave only occurrences against the tense: "est fixée au jeudi 16 septembre".
    return choose(candidates, published, direction) or choose(candidates, published, None)


def _agrees(period: Period, published: date, direction: str | None) -> bool:
    if direction == "past":
        return period.start <= published
    if direction == "future":
        return period.end >= published
    return True


def _granularity(parts: dict) -> str:
    if "day" in parts or "named" in parts or ("weekday" in parts and "month" not in parts):
        return "day"
    if "month" in parts:
        return "month"
    if "season" in parts:
        return "season"
    if "quarter" in parts:
        return str(parts.get("unit"))
    return "year"


def _around(parts: dict, anchor: date) -> list[Period]:
    """Every period the parts may denote near the anchor."""
    if "weekday" in parts and "month" not in parts and "named" not in parts:
        weekday = int(parts["weekday"])
        days = [anchor + timedelta(days=k) for k in range(-7, 8)]
        if "day" in parts:  # "mercredi 24": the 24th that is a Wednesday, this month or next to it
            days = [d for k in range(-40, 41) if (d := anchor + timedelta(days=k)).day == parts["day"]]
        return [Period(d, "day") for d in days if d.isoweekday() == weekday]
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    periods = [p for year in years for p in _in_year(parts, year, weekday=True)
               if "weekday" not in parts or p.distance(anchor) <= WEEKDAY_REACH]
    return periods or [p for year in years for p in _in_year(parts, year, weekday=False)]


def _in_year(parts: dict, year: int, weekday: bool) -> list[Period]:
    """The period the parts denote in `year` (empty when there is none, e.g. 30 February)."""
    try:
        period = _period_in_year(parts, year)
    except (ValueError, OverflowError):
        return []
    if period is None:
        return []
    if weekday and "weekday" in parts and period.granularity == "day" and period.start.isoweekday() != parts["weekday"]:
        return []
    return [period]


def _period_in_year(parts: dict, year: int) -> Period | None:
    named = parts.get("named")
    if isinstance(named, str):
        if named.startswith("--"):
            return Period(date(year, int(named[2:4]), int(named[5:7])), "day")
        if named.startswith("easter"):
            return Period(easter(year) + timedelta(days=int(named[6:])), "day")
        return None
    if "season" in parts:
        return Period.season(year, str(parts["season"]))
    if "quarter" in parts:
        unit, number = parts.get("unit"), int(parts["quarter"])
        size = {"quarter": 3, "half": 6}.get(str(unit))
        if size is None or not 1 <= number <= 12 // size:
            return None
        return Period(date(year, (number - 1) * size + 1, 1), str(unit))
    if "month" in parts:
        month = int(parts["month"])
        if "day" in parts:
            return Period(date(year, month, int(parts["day"])), "day")
        return Period(date(year, month, 1), "month")
    return Period(date(year, 1, 1), "year")


def _other_value(mention: Mention, narrative: Narrative) -> str | None:
    """The value of a clock time, a duration or a set."""
    parts = mention.parts
    if mention.kind == "time":
        hour, minute = int(parts["hour"]), int(parts.get("minute", 0))
        day = narrative.anchor("ref", "day")
        return f"{day.isoformat() if day else ''}T{hour:02d}:{minute:02d}"
    if mention.kind == "set" and "weekday" in parts:
        return f"XXXX-WXX-{parts['weekday']}"
    unit = str(parts.get("unit"))
    if unit not in DURATION_UNITS:
        return None
    size, code = DURATION_UNITS[unit]
    amount = parts.get("amount", mention.pattern.options.get("amount", 1))
    count = "X" if amount == "X" else str(int(amount) * size)
    return f"P{code[0]}{count}{code[1]}" if code.startswith("T") else f"P{count}{code}"
