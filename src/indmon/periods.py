"""Periods as the statistics are stated: years, quarters, months, spans and dates.

A period is kept as text so that published and computed figures share one column:

- ``2023`` a year, ``2023-Q1`` a quarter, ``2023-03`` a month,
- ``2023-01/2023-11`` a cumulative span (year to date), ``2023-03-31`` a date (a stock).

>>> Period.parse("2023-01/2023-11").end_month
'2023-11'
>>> month_add("2023-01", -1)
'2022-12'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from indmon.errors import ConfigError

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_DATE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$")


@dataclass(frozen=True, order=True)
class Period:
    """A parsed period; ``start`` and ``end`` are the first and last months it covers."""

    start: str
    end: str
    kind: str
    text: str

    @classmethod
    def parse(cls, text: str) -> Period:
        text = text.strip()
        if "/" in text:
            first, last = (cls.parse(part) for part in text.split("/", 1))
            return cls(first.start, last.end, "span", text)
        if m := _YEAR.match(text):
            return cls(f"{m[1]}-01", f"{m[1]}-12", "year", text)
        if m := _QUARTER.match(text):
            q = int(m[2])
            return cls(f"{m[1]}-{3 * q - 2:02d}", f"{m[1]}-{3 * q:02d}", "quarter", text)
        if _MONTH.match(text):
            return cls(text, text, "month", text)
        if m := _DATE.match(text):
            dt.date(int(m[1]), int(m[2]), int(m[3]))  # raises on 2023-02-30
            return cls(text[:7], text[:7], "date", text)
        raise ConfigError(
            f"period {text!r} is not understood; write 2023, 2023-Q1, 2023-03, "
            "2023-01/2023-11 or 2023-03-31"
        )

    @property
    def end_month(self) -> str:
        return self.end

    @property
    def year(self) -> int:
        return int(self.end[:4])


def is_month(text: str) -> bool:
    return bool(_MONTH.match(text))


def check_month(text: str) -> str:
    """Return ``text`` if it is a ``YYYY-MM`` month, else raise a ``ConfigError``."""
    if not is_month(text):
        raise ConfigError(f"month {text!r} is not of the form YYYY-MM, e.g. 2023-03")
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
    p = Period.parse(text)
    if p.kind == "span":
        a, b = text.split("/")
        return f"{previous_period(a)}/{previous_period(b)}"
    return f"{int(text[:4]) - 1}{text[4:]}"
