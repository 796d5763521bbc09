"""The indicator catalogue and the classifications it is broken down by.

Everything here is shipped data (``catalogue/data``): indicators in
``indicators/*.toml`` (one file per theme), the units their figures are in and how each
is written in ``units.toml`` (see :mod:`indmon.catalogue.units`),
the 41 industrial divisions of GB/T 4754-2017 in ``industries.csv``, the 31
provincial-level regions of GB/T 2260 in ``provinces.csv``. Code only reads and checks it.

>>> cat = Catalogue.load()
>>> cat.industry("36").name_en
'Manufacture of automobiles'
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

from indmon.catalogue.parsed import load_toml
from indmon.catalogue.units import Unit, Units
from indmon.catalogue.units import shipped as _shipped_units
from indmon.errors import CatalogueError, UnknownCode

Measure = Literal["level", "growth_yoy", "growth_qoq", "change", "share", "rank", "streak", "count"]
MEASURES: tuple[str, ...] = Measure.__args__  # type: ignore[attr-defined]
FREQUENCIES = ("month", "quarter", "year", "stock")
DERIVATIONS = ("computed", "published")
DIMENSIONS = ("industry", "province")
ALL = "ALL"
"""The code of the whole in the industry and province dimensions."""


class _Bilingual:
    """Something with an English and a Chinese name."""

    name_en: str
    name_zh: str

    def name(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class Indicator(_Bilingual):
    """What is measured, in which unit, how often and by what breakdowns."""

    id: str
    theme: str
    name_en: str
    name_zh: str
    unit: str
    measure: str
    frequency: str
    dimensions: tuple[str, ...] = ()
    derivation: str = "published"
    description: str = ""
    #: words and phrases (English or Chinese) that name this indicator in releases
    aliases: tuple[str, ...] = ()
    #: January and February are released (or computed) together: there is no January
    #: figure, and February's covers both months (monthly indicators only)
    january_combined: bool = False


@dataclass(frozen=True)
class Industry(_Bilingual):
    """An industrial division of GB/T 4754-2017 (codes 06-46)."""

    code: str
    sector: str
    name_en: str
    name_zh: str


@dataclass(frozen=True)
class Sector(_Bilingual):
    """A section of GB/T 4754-2017 that holds industrial divisions: B, C or D."""

    code: str
    name_en: str
    name_zh: str


@dataclass(frozen=True)
class Province(_Bilingual):
    """A provincial-level region of GB/T 2260, with its economic region and map tile."""

    code: str
    abbrev: str
    name_en: str
    name_zh: str
    region: str
    #: column and row of the province on the dashboard's tile map
    tile: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Theme(_Bilingual):
    code: str
    order: int
    name_en: str
    name_zh: str


@dataclass(frozen=True)
class Catalogue:
    """Indicators, themes and classifications, looked up by code."""

    indicators: dict[str, Indicator]
    industries: dict[str, Industry]
    sectors: dict[str, Sector]
    provinces: dict[str, Province]
    themes: dict[str, Theme]
    regions: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: the units figures are in (``units.toml``); every indicator's unit is one of them
    units: Units = field(default_factory=_shipped_units)

    @classmethod
    def load(cls) -> Catalogue:
        """The catalogue shipped with the package (read once per process)."""
        return _shipped_catalogue()

    def indicator(self, indicator_id: str) -> Indicator:
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise UnknownCode("indicator", indicator_id, sorted(self.indicators)) from None

    def industry(self, code: str) -> Industry:
        try:
            return self.industries[code]
        except KeyError:
            raise UnknownCode("industry", code, sorted(self.industries)) from None

    def province(self, code: str) -> Province:
        try:
            return self.provinces[code]
        except KeyError:
            raise UnknownCode("province", code, sorted(self.provinces)) from None

    def unit(self, unit_id: str) -> Unit:
        """A unit of ``units.toml``; ``UnknownCode`` for any other."""
        return self.units.unit(unit_id)

    def industries_in(self, sector: str) -> list[Industry]:
        return [i for i in self.industries.values() if i.sector == sector]

    def by_theme(self, theme: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.theme == theme]

    def industry_label(self, code: str, lang: str = "en") -> str:
        """A display name for any industry cell code: a division, a sector letter or ALL."""
        if code == ALL:
            return "全部工业" if lang == "zh" else "All industry"
        if code in self.sectors:
            return self.sectors[code].name(lang)
        return self.industry(code).name(lang)

    def province_label(self, code: str, lang: str = "en") -> str:
        if code == ALL:
            return "全国" if lang == "zh" else "China"
        return self.province(code).name(lang)

    def search(self, text: str, limit: int = 20) -> list[Indicator]:
        """Indicators whose id, names or aliases contain every word of ``text``."""
        words = [w.lower() for w in text.split() if w]
        hits = []
        for ind in self.indicators.values():
            haystack = " ".join((ind.id, ind.name_en, ind.name_zh, *ind.aliases)).lower()
            if all(w in haystack for w in words):
                hits.append(ind)
        return hits[:limit]


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("indmon.catalogue").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _indicator(raw: dict[str, object]) -> Indicator:
    known = set(Indicator.__dataclass_fields__)
    unknown = set(raw) - known
    if unknown:
        raise CatalogueError(
            f"indicators.toml: indicator {raw.get('id')!r} has unknown keys {sorted(unknown)}; "
            f"allowed: {sorted(known)}"
        )
    required = [name for name, f in Indicator.__dataclass_fields__.items()
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    missing = [name for name in required if name not in raw]
    if missing:
        raise CatalogueError(
            f"indicators.toml: indicator {raw.get('id')!r} lacks {missing}; every indicator "
            f"needs {required}"
        )
    values = dict(raw)
    for key in ("dimensions", "aliases"):
        values[key] = tuple(values.get(key, ()))  # type: ignore[arg-type]
    return Indicator(**values)  # type: ignore[arg-type]


def load_indicators(text: str, name: str = "indicators.toml") -> dict[str, Indicator]:
    """Parse indicators in the shipped TOML shape (``data/indicators/*.toml``)."""
    return _indicators_of(tomllib.loads(text), name)


def _indicators_of(document: dict[str, Any], name: str) -> dict[str, Indicator]:
    tables = document.get("indicator", [])
    indicators: dict[str, Indicator] = {}
    for raw in tables:
        ind = _indicator(raw)
        if ind.id in indicators:
            raise CatalogueError(f"{name}: indicator {ind.id!r} is defined twice")
        indicators[ind.id] = ind
    return indicators


@cache
def _shipped_catalogue() -> Catalogue:
    data = resources.files("indmon.catalogue").joinpath("data")
    indicators: dict[str, Indicator] = {}
    for part in sorted(data.joinpath("indicators").iterdir(), key=lambda p: p.name):
        if part.name.endswith(".toml"):
            document = load_toml(part.read_text("utf-8"))  # parsed once per content
            for ind in _indicators_of(document, part.name).values():
                if ind.id in indicators:
                    raise CatalogueError(f"{part.name}: indicator {ind.id!r} is defined twice")
                indicators[ind.id] = ind
    industries = {r["code"]: Industry(**r) for r in _rows("industries.csv")}
    sectors = {r["code"]: Sector(**r) for r in _rows("sectors.csv")}
    provinces = {
        r["code"]: Province(
            code=r["code"], abbrev=r["abbrev"], name_en=r["name_en"], name_zh=r["name_zh"],
            region=r["region"], tile=(int(r["tile_x"]), int(r["tile_y"])),
        )
        for r in _rows("provinces.csv")
    }
    themes = {
        r["code"]: Theme(r["code"], int(r["order"]), r["name_en"], r["name_zh"])
        for r in _rows("themes.csv")
    }
    regions = {r["code"]: (r["name_en"], r["name_zh"]) for r in _rows("regions.csv")}
    cat = Catalogue(indicators, industries, sectors, provinces, themes, regions,
                    _shipped_units())
    check(cat)
    return cat


def _indicator_problems(ind: Indicator, cat: Catalogue) -> list[str]:
    expectations = [
        (bool(ind.name_en and ind.name_zh), "needs both name_en and name_zh"),
        (ind.unit in cat.units.units,
         f"unit {ind.unit!r} is not one of the units of units.toml "
         f"({', '.join(sorted(cat.units.units))}); add it there or use one of them"),
        (isinstance(ind.january_combined, bool),
         f"january_combined must be true or false, not {ind.january_combined!r}"),
        (not ind.january_combined or ind.frequency == "month",
         f"january_combined applies to monthly indicators, not frequency {ind.frequency!r}"),
        (ind.measure in MEASURES, f"measure {ind.measure!r} is not one of {MEASURES}"),
        (ind.frequency in FREQUENCIES, f"frequency {ind.frequency!r} is not one of {FREQUENCIES}"),
        (ind.derivation in DERIVATIONS,
         f"derivation {ind.derivation!r} is not one of {DERIVATIONS}"),
        (ind.theme in cat.themes, f"theme {ind.theme!r} is not one of {sorted(cat.themes)}"),
        (set(ind.dimensions) <= set(DIMENSIONS),
         f"dimensions {ind.dimensions} must be among {DIMENSIONS}"),
    ]
    return [message for ok, message in expectations if not ok]


def did_you_mean(value: str, choices: Sequence[str]) -> str:
    """`` (did you mean a, b?)`` naming up to three choices close to a mistyped code, or
    nothing: the hint every surface adds to an unknown id or code."""
    near = difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(near)}?)" if near else ""


def check(cat: Catalogue) -> None:
    """Raise ``CatalogueError`` naming the first inconsistency found."""
    for ind in cat.indicators.values():
        problems = _indicator_problems(ind, cat)
        if problems:
            raise CatalogueError(f"indicator {ind.id!r}: " + "; ".join(problems))
    for industry in cat.industries.values():
        if industry.sector not in cat.sectors:
            raise CatalogueError(
                f"industries.csv: {industry.code} has unknown sector {industry.sector}"
            )
    for province in cat.provinces.values():
        if province.region not in cat.regions:
            raise CatalogueError(
                f"provinces.csv: {province.code} has unknown region {province.region}"
            )


__all__ = [
    "ALL",
    "Catalogue",
    "Indicator",
    "Industry",
    "Province",
    "Sector",
    "Theme",
    "Unit",
    "Units",
    "did_you_mean",
    "load_indicators",
]
