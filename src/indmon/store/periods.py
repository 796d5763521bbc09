"""Periods as the statistics are stated, parsed once at the edges and ordered in time.

A period is kept in the store as text so that published and computed figures share one
column, and parsed into a :class:`Period` wherever its meaning matters:

==================  ========  ==========  ===============================================
text                kind      frequency   meaning
==================  ========  ==========  ===============================================
``2023``            year      year        the calendar year
``2023-H1``         half      half        a half year
``2023-Q1``         quarter   quarter     a quarter
``2023-03``         month     month       one month
``2023-01/2023-02`` janfeb    month       January and February combined (one release)
``2023-01/2023-11`` ytd       month       year to date: January to the end month
``2023-04/2023-06`` span      span        any other run of months
``2023-03-31``      date      stock       a stock at the end of that day
==================  ========  ==========  ===============================================

Periods order chronologically: by the last month they cover, then the longer first,
so ``2023-01/2023-03`` sorts before ``2023-03`` and after ``2023-02``.

>>> Period.parse("2023-01/2023-11").kind, Period.parse("2023-01/2023-11").frequency
('ytd', 'month')
>>> sorted(Period.parse(t) for t in ("2023-03", "2022", "2023-01/2023-02"))[0].text
'2022'
>>> month_add("2023-01", -1)
'2022-12'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

from indmon.errors import PeriodError

Kind = Literal["year", "half", "quarter", "month", "janfeb", "ytd", "span", "date"]
Frequency = Literal["year", "half", "quarter", "month", "span", "stock"]

_YEAR = re.compile(r"^(\d{4})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$")

#: what a user may write, for error messages
FORMS = "2023, 2023-H1, 2023-Q1, 2023-03, 2023-01/2023-11 (year to date) or 2023-03-31 (a date)"
_FREQUENCY: dict[str, Frequency] = {
    "year": "year", "half": "half", "quarter": "quarter", "month": "month",
    "janfeb": "month", "ytd": "month", "span": "span", "date": "stock",
}


@functools.total_ordering
@dataclass(frozen=True, eq=True)
class Period:
    """A parsed period; ``start`` and ``end`` are the first and last months it covers."""

    start: str
    end: str
    kind: Kind
    text: str

    @classmethod
    def parse(cls, text: str) -> Period:
        """Parse a period text; raise :class:`PeriodError` naming the value otherwise."""
        if not isinstance(text, str):
            raise PeriodError(str(text), FORMS)
        text = text.strip()
        if "/" in text:
            return cls._span(text)
        if m := _YEAR.match(text):
            return cls(f"{m[1]}-01", f"{m[1]}-12", "year", text)
        if m := _HALF.match(text):
            h = int(m[2])
            return cls(f"{m[1]}-{6 * h - 5:02d}", f"{m[1]}-{6 * h:02d}", "half", text)
        if m := _QUARTER.match(text):
            q = int(m[2])
            return cls(f"{m[1]}-{3 * q - 2:02d}", f"{m[1]}-{3 * q:02d}", "quarter", text)
        if _MONTH.match(text):
            return cls(text, text, "month", text)
        if m := _DATE.match(text):
            try:
                dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                raise PeriodError(text, FORMS, "that day does not exist") from None
            return cls(text[:7], text[:7], "date", text)
        raise PeriodError(text, FORMS)

    @classmethod
    def _span(cls, text: str) -> Period:
        first, last = (part.strip() for part in text.split("/", 1))
        if not (_MONTH.match(first) and _MONTH.match(last)):
            raise PeriodError(text, FORMS, "a span runs from one month to another")
        if last < first:
            raise PeriodError(text, FORMS, "a span cannot end before it starts")
        if first == last:
            return cls(first, last, "month", first)
        kind: Kind = "span"
        if first[:4] == last[:4] and first[5:] == "01":
            kind = "janfeb" if last[5:] == "02" else "ytd"
        return cls(first, last, kind, f"{first}/{last}")

    # -- what it is --------------------------------------------------------------------
    @property
    def frequency(self) -> Frequency:
        """How often a figure of this kind recurs: year-to-date and January-February
        figures come out monthly; a stock at a date is a point in time."""
        return _FREQUENCY[self.kind]

    @property
    def cumulative(self) -> bool:
        """Whether the period adds up several months (year to date, Jan-Feb, spans)."""
        return self.kind in ("janfeb", "ytd", "span")

    @property
    def end_month(self) -> str:
        return self.end

    @property
    def year(self) -> int:
        return int(self.end[:4])

    @property
    def months(self) -> int:
        return month_index(self.end) - month_index(self.start) + 1

    @property
    def date(self) -> dt.date:
        """The last day the period covers (the stock date itself for a date)."""
        if self.kind == "date":
            return dt.date.fromisoformat(self.text)
        nxt = month_add(self.end, 1)
        return dt.date(int(nxt[:4]), int(nxt[5:7]), 1) - dt.timedelta(days=1)

    def previous_year(self) -> Period:
        """The same period a year earlier: ``2023-Q1`` -> ``2022-Q1``."""
        if self.kind == "date":
            d = self.date
            try:
                return Period.parse(d.replace(year=d.year - 1).isoformat())
            except ValueError:  # 29 February
                return Period.parse(d.replace(year=d.year - 1, day=28).isoformat())
        if "/" in self.text:
            return Period.parse(f"{month_add(self.start, -12)}/{month_add(self.end, -12)}")
        return Period.parse(f"{self.year - 1}{self.text[4:]}")

    # -- order -------------------------------------------------------------------------
    def sort_key(self) -> tuple[int, int, str]:
        return (month_index(self.end), -self.months, self.text)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        return self.text


def parse_period(text: str) -> Period:
    return Period.parse(text)


def period_order(text: str) -> tuple[int, int, str]:
    """A sort key for period texts: chronological, never alphabetical."""
    return Period.parse(text).sort_key()


def is_month(text: str) -> bool:
    return bool(_MONTH.match(text))


def check_month(text: str) -> str:
    """Return ``text`` if it is a ``YYYY-MM`` month, else raise a ``PeriodError``."""
    if not is_month(text):
        raise PeriodError(text, "a month of the form YYYY-MM, e.g. 2023-03")
    return text


def month_index(month: str) -> int:
    """Months since year 0, so that month arithmetic is integer arithmetic."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_from_index(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_add(month: str, months: int) -> str:
    return month_from_index(month_index(month) + months)


def months_between(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` inclusive."""
    return [month_from_index(i) for i in range(month_index(first), month_index(last) + 1)]


def previous_period(text: str) -> str:
    """The same period a year earlier: ``2023`` -> ``2022``, ``2023-Q1`` -> ``2022-Q1``."""
    return Period.parse(text).previous_year().text


__all__ = [
    "FORMS",
    "Frequency",
    "Kind",
    "Period",
    "check_month",
    "is_month",
    "month_add",
    "month_from_index",
    "month_index",
    "months_between",
    "parse_period",
    "period_order",
    "previous_period",
]
