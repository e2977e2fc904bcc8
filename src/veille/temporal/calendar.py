"""Calendar periods and their TIMEX3 values: days, weeks, months, seasons, years, decades…

A `Period` is a stretch of the calendar at one granularity, held by its first day, so that
shifting it ("the week before") and comparing it with a date ("the last July up to today")
are the same operation at every granularity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# From the finest to the coarsest: an anaphor needs an antecedent at least as fine as itself.
RANK = {"day": 0, "weekend": 1, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4,
        "year": 5, "decade": 6, "century": 7}
MONTHS_PER = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
SEASONS = ("SP", "SU", "FA", "WI")  # a winter belongs to the year of its December
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(f"no such month: {year}-{month + 1}")


def season_start(day: date) -> date:
    shifted = add_months(day.replace(day=1), 1)  # December joins the next year's first quarter
    start_month = (shifted.month - 1) // 3 * 3  # 0 for Dec-Feb, 3 for Mar-May, …
    return add_months(shifted.replace(month=start_month + 1), -1)


def season_code(start: date) -> tuple[int, str]:
    code = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[start.month]
    return start.year, code


@dataclass(frozen=True, order=True)
class Period:
    start: date
    granularity: str

    @classmethod
    def of(cls, day: date, granularity: str) -> Period:
        """The period of `granularity` that contains `day`."""
        if granularity == "day":
            return cls(day, granularity)
        if granularity == "week":
            return cls(day - timedelta(days=day.isoweekday() - 1), granularity)
        if granularity == "weekend":  # Saturday and Sunday of the ISO week
            return cls(day + timedelta(days=6 - day.isoweekday()), granularity)
        if granularity == "season":
            return cls(season_start(day), granularity)
        months = MONTHS_PER[granularity]
        index = (day.year * 12 + day.month - 1) // months * months
        return cls(date(max(index // 12, 1), index % 12 + 1, 1), granularity)

    @classmethod
    def from_value(cls, value: str) -> Period | None:
        """The period a TIMEX3 date value names (the inverse of `value`); None for values that
        name no stretch of the calendar (PRESENT_REF, XXXX-06)."""
        try:
            if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
                return cls(date.fromisoformat(value), "day")
            if match := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
                monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
                return cls.of(monday, "weekend" if match[3] else "week")
            if match := re.fullmatch(r"(\d{4})-(\d\d)", value):
                return cls(date(int(match[1]), int(match[2]), 1), "month")
            if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
                return cls.season(int(match[1]), match[2])
            if match := re.fullmatch(r"(\d{4})-([QH])([1-4])", value):
                granularity = "quarter" if match[2] == "Q" else "half"
                return cls(date(int(match[1]), (int(match[3]) - 1) * MONTHS_PER[granularity] + 1, 1), granularity)
            if re.fullmatch(r"\d{4}", value):
                return cls(date(int(value), 1, 1), "year")
            if re.fullmatch(r"\d{3}X", value):
                return cls(date(max(int(value[:3]) * 10, 1), 1, 1), "decade")
            if re.fullmatch(r"\d\d", value):
                return cls(date(max(int(value) * 100, 1), 1, 1), "century")
        except ValueError:
            return None
        return None

    @classmethod
    def season(cls, year: int, code: str) -> Period:
        return cls(date(year, SEASON_START[code], 1), "season")

    @property
    def end(self) -> date:
        """The last day of the period."""
        if self.granularity == "day":
            return self.start
        if self.granularity in ("week", "weekend"):
            return self.start + timedelta(days=6 if self.granularity == "week" else 1)
        return add_months(self.start, MONTHS_PER[self.granularity]) - timedelta(days=1)

    def shifted(self, count: int) -> Period | None:
        """The period `count` units later (earlier when negative); None off the calendar."""
        try:
            if self.granularity == "day":
                return Period(self.start + timedelta(days=count), "day")
            if self.granularity in ("week", "weekend"):
                return Period(self.start + timedelta(weeks=count), self.granularity)
            return Period(add_months(self.start, count * MONTHS_PER[self.granularity]), self.granularity)
        except (OverflowError, ValueError):
            return None

    def distance(self, day: date) -> int:
        """Days between `day` and the nearest day of the period (0 inside it)."""
        if day < self.start:
            return (self.start - day).days
        return max(0, (day - self.end).days)

    @property
    def value(self) -> str:
        """The TIMEX3 value: 2018-10-24, 2018-W43, 2018-W43-WE, 2018-10, 2018-SU, 2018-Q4,
        2018-H2, 2018, 201X (a decade), 20 (a century)."""
        day, year = self.start, self.start.year
        if self.granularity == "day":
            return day.isoformat()
        if self.granularity in ("week", "weekend"):
            iso_year, week, _ = day.isocalendar()
            return f"{iso_year:04d}-W{week:02d}" + ("-WE" if self.granularity == "weekend" else "")
        if self.granularity == "month":
            return f"{year:04d}-{day.month:02d}"
        if self.granularity == "season":
            return "{:04d}-{}".format(*season_code(day))
        if self.granularity == "quarter":
            return f"{year:04d}-Q{(day.month - 1) // 3 + 1}"
        if self.granularity == "half":
            return f"{year:04d}-H{(day.month - 1) // 6 + 1}"
        if self.granularity == "year":
            return f"{year:04d}"
        if self.granularity == "decade":
            return f"{year // 10:03d}X"
        return f"{year // 100:02d}"


def choose(candidates: list[Period], anchor: date, direction: str | None, strict: bool = False) -> Period | None:
    """Among the periods a partial date may denote, the one the context means.

    `direction` "past" takes the last one up to the anchor, "future" the first one from
    the anchor on, None the nearest; `strict` excludes the period containing the anchor
    ("mercredi dernier" written on a Wednesday is a week ago).
    """
    if direction == "past":
        pool = [c for c in candidates if (c.end < anchor if strict else c.start <= anchor)]
        return max(pool, default=None)
    if direction == "future":
        pool = [c for c in candidates if (c.start > anchor if strict else c.end >= anchor)]
        return min(pool, default=None)
    return min(candidates, key=lambda c: (c.distance(anchor), c.start), default=None)


def easter(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def full_year(two_digits: int, around: int | None) -> int:
    """A two-digit year ("octobre 98") in the century that keeps it at most ten years ahead."""
    around = around or 2000
    year = (around // 100 + 1) * 100 + two_digits
    while year > around + 10:
        year -= 100
    return year
