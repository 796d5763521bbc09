"""Query parameters checked at the edge: each bad value is a 422 naming it and the choices.

A filter that names no indicator, period, industry, province or origin would quietly
match nothing; the API says what is wrong instead (``InvalidParameter``, 422, with the
parameter, the value and the accepted values in ``detail``). Periods are parsed once
here (:meth:`Period.parse`) and passed on as the store writes them.

>>> industries("ALL, 36,C")
('ALL', '36', 'C')
>>> month_bounds("2023", "2023-Q2")
('2023-01', '2023-06')
>>> period("Q1-2023")
Traceback (most recent call last):
...
indmon.web.errors.InvalidParameter: period 'Q1-2023' is not understood; write 2023, \
2023-H1, 2023-Q1, 2023-03, 2023-01/2023-11 (year to date) or 2023-03-31 (a date)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from indmon.catalogue import ALL, Catalogue, did_you_mean
from indmon.errors import PeriodError
from indmon.store import Origin, Period
from indmon.web.errors import InvalidParameter


def listed(text: str | None) -> tuple[str, ...] | None:
    """A comma-separated parameter as its parts (None when the parameter is absent)."""
    if text is None:
        return None
    return tuple(part.strip() for part in text.split(",") if part.strip())


def indicators(text: str | None, stored: Callable[[str], bool] = lambda _: False
               ) -> tuple[str, ...] | None:
    """Indicator ids of the catalogue, or ones the store holds figures of (``stored``)."""
    wanted = listed(text)
    known = Catalogue.load().indicators
    for value in wanted or ():
        if value not in known and not stored(value):
            raise InvalidParameter("indicator", value, sorted(known), message=(
                f"indicator {value!r} is not in the catalogue{did_you_mean(value, list(known))}; "
                "GET /api/indicators lists every indicator"))
    return wanted


def industry_codes() -> list[str]:
    """ALL, the sectors (B, C, D) and the divisions of GB/T 4754-2017."""
    cat = Catalogue.load()
    return [ALL, *sorted(cat.sectors), *sorted(cat.industries)]


def province_codes() -> list[str]:
    """ALL and the GB/T 2260 codes of the provincial-level regions."""
    return [ALL, *sorted(Catalogue.load().provinces)]


def industries(text: str | None) -> tuple[str, ...] | None:
    return _codes("industry", text, industry_codes(),
                  "ALL, a sector letter (B, C, D) or a division code of GB/T 4754-2017 "
                  "(06 to 46); GET /api/industries lists them")


def provinces(text: str | None) -> tuple[str, ...] | None:
    return _codes("province", text, province_codes(),
                  "ALL or a GB/T 2260 code such as 110000; GET /api/provinces lists them")


def origins(text: str | None) -> tuple[str, ...] | None:
    choices = [o.value for o in Origin]
    return _codes("origin", text, choices, ", ".join(choices))


def period(text: str | None, name: str = "period") -> str | None:
    """The period as the store writes it (``" 2023 "`` is ``2023``)."""
    if text is None:
        return None
    return _parsed(text, name).text


def month_bounds(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """``start`` and ``end`` as the months that bound a period's last month: a period
    may be given for either, ``start`` taking its first month and ``end`` its last."""
    first = _parsed(start, "start").start if start is not None else None
    last = _parsed(end, "end").end if end is not None else None
    if first is not None and last is not None and first > last:
        raise InvalidParameter("start", str(start), message=(
            f"start {start!r} comes after end {end!r}: no period can lie between them"))
    return first, last


def as_of(text: str | None) -> str | None:
    """A date (``2024-01-19``) or a moment (``2024-01-19T12:00``)."""
    if text is None:
        return None
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidParameter("as_of", text, message=(
            f"as_of {text!r} is not a date like 2024-01-19 (or a moment like "
            "2024-01-19T12:00)")) from None
    return text


def theme(text: str | None) -> str | None:
    themes = sorted(Catalogue.load().themes)
    if text is not None and text not in themes:
        raise InvalidParameter("theme", text, themes)
    return text


def _parsed(text: str, name: str) -> Period:
    try:
        return Period.parse(text)
    except PeriodError as exc:
        message = str(exc) if name == "period" else f"{name}: {exc}"
        raise InvalidParameter(name, text, message=message) from None


def _codes(name: str, text: str | None, choices: Sequence[str], accepted: str
           ) -> tuple[str, ...] | None:
    wanted = listed(text)
    known = set(choices)
    for value in wanted or ():
        if value not in known:
            raise InvalidParameter(name, value, choices, message=(
                f"{name} {value!r} is not known{did_you_mean(value, choices)}; use {accepted}"))
    return wanted

