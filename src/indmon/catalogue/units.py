"""Units as catalogue data, and the one formatter every surface writes numbers with.

``data/units.toml`` says, for each unit an indicator may have, what it is called in
English and Chinese, the words written after a number, whether large values take scale
words (million, billion, trillion; 万, 亿, 万亿) and how many decimals are shown. The
briefing, the dashboard, the API's labels and the charts all format through
:func:`format_value`, :func:`format_difference` and :func:`axis`, so a figure reads the
same wherever it is shown, and a unit the catalogue does not know is an error, never a
number printed without its unit.

>>> format_value(1.8e12, "cny", "en"), format_value(1.8e12, "cny", "zh")
('1.8 trillion yuan', '1.8万亿元')
>>> format_value(3377000, "count", "en"), format_value(3377000, "count", "zh")
('3.377 million', '337.7万个')
>>> format_difference(-0.004, "percent", "en"), format_difference(1.0, "percent", "zh")
('unchanged', '+1.0个百分点')
>>> axis([5.0, 5.5, 6.0], "percent", "en").labels
('5.0', '5.5', '6.0')
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

from indmon.errors import CatalogueError, ConfigError, UnknownCode

Kind = Literal["money", "percent", "points", "count", "duration", "physical", "index"]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
LANGS = ("en", "zh")
#: the minus sign of printed numbers (U+2212), as statistical releases set it
MINUS = "−"
#: what a difference that rounds to nothing reads as
UNCHANGED = {"en": "unchanged", "zh": "持平"}
#: how many decimals an axis may need before its tick labels are told apart
MAX_TICK_DECIMALS = 6


@dataclass(frozen=True)
class Unit:
    """One unit of ``data/units.toml``: its names and how numbers in it are written."""

    id: str
    kind: str
    label_en: str
    label_zh: str
    word_en: str
    word_zh: str
    decimals: int
    word_en_one: str = ""
    short_en: str = ""
    short_zh: str = ""
    joined: bool = False
    scale: bool = False
    fixed: bool = False
    precise: int = 0
    signed: bool = False

    def label(self, lang: str) -> str:
        return self.label_zh if _lang(lang) == "zh" else self.label_en

    def word(self, lang: str, *, one: bool = False, short: bool = False) -> str:
        """The word after a number: ``yuan``, ``year`` after exactly 1, ``pp`` in tables."""
        if lang == "zh":
            return (self.short_zh or self.word_zh) if short else self.word_zh
        if short and self.short_en:
            return self.short_en
        return (self.word_en_one or self.word_en) if one else self.word_en


@dataclass(frozen=True)
class Scale:
    factor: float
    word: str


@dataclass(frozen=True)
class Axis:
    """The value axis of a chart: its caption (unit and scale) and distinct tick labels."""

    caption: str
    factor: float
    ticks: tuple[float, ...]
    labels: tuple[str, ...]
    #: the unit, for labelling single points at the axis' scale
    unit: Unit = field(repr=False)
    lang: str = "en"

    def text(self, value: float) -> str:
        """A point's value at the axis' scale, without the unit (``4.6``, ``6.25``)."""
        if self.unit.fixed:
            return _fixed_text(value, self.unit, self.lang == "en")
        return plain_number(value / self.factor, max(self.unit.decimals, 2),
                            grouped=self.lang == "en")


@dataclass(frozen=True)
class Units:
    """The units of the catalogue and the scale words of each language."""

    units: dict[str, Unit]
    scales: dict[str, tuple[Scale, ...]]

    def unit(self, unit_id: str) -> Unit:
        try:
            return self.units[unit_id]
        except KeyError:
            raise UnknownCode("unit", str(unit_id), sorted(self.units)) from None

    def label(self, unit_id: str, lang: str) -> str:
        """The unit as a column heading or axis caption: ``yuan`` / ``元``, ``%``."""
        return self.unit(unit_id).label(lang)

    # -- figures -----------------------------------------------------------------------
    def format_value(self, value: float, unit_id: str, lang: str, measure: str = "level", *,
                     counter: str = "", short: bool = False) -> str:
        """A figure with its unit as a reader of ``lang`` writes it.

        ``counter`` replaces the Chinese counter word of counts (户 users, 家 enterprises);
        ``short`` is the form of tables and cards (``+0.9 pp`` rather than ``0.9
        percentage points``: units that are differences show their sign there).
        """
        unit, lang = self.unit(unit_id), _lang(lang)
        if measure == "rank":
            place = plain_number(value)
            return f"第{place}位" if lang == "zh" else f"No. {place}"
        text = self._amount(abs(value), unit, lang, counter, short)
        if _is_zero(text):
            return text
        if value < 0:
            return MINUS + text
        return "+" + text if short and unit.signed else text

    def format_number(self, value: float, unit_id: str, lang: str, *, short: bool = False
                      ) -> str:
        """A figure's number without its unit word, where the unit is shown once nearby
        (map tiles, chart points): ``4.6``, ``+0.9``, ``1.8 trillion`` / ``1.8万亿``."""
        unit, lang = self.unit(unit_id), _lang(lang)
        text = self._amount(abs(value), unit, lang, "", short, bare=True)
        if _is_zero(text):
            return text
        if value < 0:
            return MINUS + text
        return "+" + text if short and unit.signed else text

    def format_difference(self, diff: float, unit_id: str, lang: str, measure: str = "level",
                          *, counter: str = "", short: bool = True) -> str:
        """A signed difference between two figures: ``+1.0 pp``, ``−700 billion yuan``,
        ``+3``; ``unchanged`` / ``持平`` when it rounds to nothing. The difference of two
        rates in percent is in percentage points."""
        unit, lang = self.unit(unit_id), _lang(lang)
        if unit.kind == "percent":
            unit = self.unit("percentage_point")
        text = self._amount(abs(diff), unit, lang, counter, short)
        if _is_zero(text):
            return UNCHANGED[lang]
        return ("+" if diff > 0 else MINUS) + text

    def format_percent_change(self, change: float, lang: str) -> str:
        """A change in percent of a level: ``+46.1%``; ``unchanged`` when it rounds to 0."""
        lang = _lang(lang)
        text = self._amount(abs(change), self.unit("percent"), lang, "", True)
        if _is_zero(text):
            return UNCHANGED[lang]
        return ("+" if change > 0 else MINUS) + text

    def scaled(self, value: float, lang: str, decimals: int = 3) -> str:
        """A large number with the language's scale word: ``1.8 trillion``, ``1.8万亿``."""
        lang = _lang(lang)
        digits, word = self._scaled_digits(abs(value), lang, decimals)
        text = digits + (f" {word}" if word and lang == "en" else word)
        return text if _is_zero(text) or value >= 0 else MINUS + text

    # -- chart axes --------------------------------------------------------------------
    def axis(self, ticks: Sequence[float], unit_id: str, lang: str) -> Axis:
        """Caption and tick labels for a value axis through ``ticks``: the scale word
        moves into the caption (``trillion yuan``), and every label has as many decimals
        as it takes to tell the ticks apart and state each exactly (``4.5 5.0 5.5``,
        never ``5 5 6 6``)."""
        unit, lang = self.unit(unit_id), _lang(lang)
        values = [float(t) for t in ticks]
        factor, word = 1.0, ""
        if unit.scale and values:
            largest = max(abs(v) for v in values)
            scale = next((s for s in self.scales[lang] if largest >= s.factor), None)
            if scale is not None:
                factor, word = scale.factor, scale.word
        scaled = [v / factor for v in values]
        decimals = tick_decimals(scaled)
        labels = tuple(_digits(v, decimals, lang == "en") for v in scaled)
        return Axis(self._caption(unit, lang, word), factor, tuple(values), labels, unit, lang)

    # -- the pieces --------------------------------------------------------------------
    def _amount(self, value: float, unit: Unit, lang: str, counter: str, short: bool,
                bare: bool = False) -> str:
        """``value`` (not negative) with its unit (``bare``: without), no sign."""
        grouped = lang == "en"
        word = ""
        if unit.fixed:
            digits = _fixed_text(value, unit, grouped)
        elif unit.scale:
            digits, word = self._scaled_digits(value, lang, unit.decimals)
        else:
            digits = plain_number(value, unit.decimals, grouped)
        if bare:
            after = ""
        elif lang == "zh" and unit.kind == "count" and counter:
            after = counter
        else:
            after = unit.word(lang, one=_shows_one(digits) and not word, short=short)
        if lang == "zh":
            return digits + word + after
        text = digits + (f" {word}" if word else "")
        if not after:
            return text
        return text + (after if unit.joined else f" {after}")

    def _scaled_digits(self, value: float, lang: str, decimals: int) -> tuple[str, str]:
        """The digits and scale word of a value that is not negative."""
        grouped = lang == "en"
        for scale in self.scales[lang]:
            if round(value / scale.factor, decimals) >= 1:
                return plain_number(value / scale.factor, decimals, grouped), scale.word
        return plain_number(value, min(decimals, 2), grouped), ""

    def _caption(self, unit: Unit, lang: str, word: str) -> str:
        if not word:
            return unit.label(lang)
        if lang == "zh":
            return word + unit.label_zh
        return word if unit.kind == "count" else f"{word} {unit.label_en}"


# -- numbers without units -------------------------------------------------------------------
def plain_number(value: float, decimals: int = 3, grouped: bool = True) -> str:
    """A number with at most ``decimals`` decimals and no trailing zeros (``3.377``, ``62``);
    ``grouped`` adds thousands separators, which Chinese texts do not use. Never ``-0``."""
    text = f"{abs(value):{',' if grouped else ''}.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if _is_zero(text) or value >= 0 else MINUS + text


def rate_digits(value: float) -> str:
    """A growth rate or share as releases print it: one decimal, or two when the figure
    was stated with two (``0.25``); never ``-0.0``."""
    return shipped().format_value(value, "percent", "en").removesuffix("%")


def tick_decimals(values: Sequence[float]) -> int:
    """The fewest decimals that state every tick exactly and tell them all apart."""
    for decimals in range(MAX_TICK_DECIMALS + 1):
        exact = all(abs(round(v, decimals) - v) <= 1e-9 * max(1.0, abs(v)) for v in values)
        labels = [_digits(v, decimals, False) for v in values]
        if exact and len(set(labels)) == len(labels):
            return decimals
    for decimals in range(MAX_TICK_DECIMALS + 1):
        labels = [_digits(v, decimals, False) for v in values]
        if len(set(labels)) == len(labels):
            return decimals
    return MAX_TICK_DECIMALS


def _digits(value: float, decimals: int, grouped: bool) -> str:
    """Exactly ``decimals`` decimals (axis labels line up), never ``-0.0``."""
    text = f"{abs(value):{',' if grouped else ''}.{decimals}f}"
    return text if _is_zero(text) or value >= 0 else MINUS + text


def _fixed_text(value: float, unit: Unit, grouped: bool) -> str:
    decimals = unit.decimals
    # "stated with two decimals": tolerant of the float noise of a difference
    if unit.precise > decimals and abs(round(value, unit.precise) - value) < 1e-9 and (
            abs(round(value, decimals) - value) > 1e-9):
        decimals = unit.precise
    return _digits(value, decimals, grouped)


def _shows_one(digits: str) -> bool:
    """Whether printed digits say exactly one (``1``, ``1.0``): English says ``1 year``."""
    return digits.replace(",", "") in ("1", "1.0", "1.00")


def _is_zero(text: str) -> bool:
    """Whether a printed number shows nothing but zeros (``0.0``, ``0.0%``)."""
    digits = [c for c in text if c.isdigit()]
    return bool(digits) and set(digits) == {"0"}


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise ConfigError(f"language {lang!r} is not supported; use en or zh")
    return lang


# -- loading -------------------------------------------------------------------------------
_REQUIRED = [name for name, f in Unit.__dataclass_fields__.items()
             if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]


def _unit(raw: dict[str, Any], name: str) -> Unit:
    known = set(Unit.__dataclass_fields__)
    unknown = sorted(set(raw) - known)
    if unknown:
        raise CatalogueError(f"{name}: unit {raw.get('id')!r} has unknown keys {unknown}; "
                             f"allowed: {sorted(known)}")
    missing = [key for key in _REQUIRED if key not in raw]
    if missing:
        raise CatalogueError(f"{name}: unit {raw.get('id')!r} lacks {missing}; every unit "
                             f"needs {_REQUIRED}")
    unit = Unit(**raw)
    problems = [
        (unit.kind in KINDS, f"kind {unit.kind!r} is not one of {', '.join(KINDS)}"),
        (isinstance(unit.decimals, int) and 0 <= unit.decimals <= MAX_TICK_DECIMALS,
         f"decimals {unit.decimals!r} must be a whole number from 0 to {MAX_TICK_DECIMALS}"),
        (not (unit.fixed and unit.scale), "a unit with fixed decimals takes no scale words"),
        (bool(unit.label_en and unit.label_zh), "needs label_en and label_zh"),
    ]
    wrong = [message for ok, message in problems if not ok]
    if wrong:
        raise CatalogueError(f"{name}: unit {unit.id!r}: " + "; ".join(wrong))
    return unit


def _scales(raw: Any, name: str) -> dict[str, tuple[Scale, ...]]:
    if not isinstance(raw, dict) or set(raw) != set(LANGS):
        raise CatalogueError(f"{name}: [scales] needs exactly the languages {LANGS}")
    out = {}
    for lang, entries in raw.items():
        scales = tuple(Scale(float(e["factor"]), str(e["word"])) for e in entries)
        factors = [s.factor for s in scales]
        if factors != sorted(factors, reverse=True) or len(set(factors)) != len(factors):
            raise CatalogueError(f"{name}: the {lang} scales must run from the largest "
                                 f"factor down, each once; got {factors}")
        out[lang] = scales
    return out


def load_units(text: str, name: str = "units.toml") -> Units:
    """Parse units in the shipped shape (``data/units.toml``); ``CatalogueError`` names
    the first unit that is malformed."""
    return _units_of(tomllib.loads(text), name)


def _units_of(document: dict[str, Any], name: str) -> Units:
    units: dict[str, Unit] = {}
    for raw in document.get("unit", []):
        unit = _unit(raw, name)
        if unit.id in units:
            raise CatalogueError(f"{name}: unit {unit.id!r} is defined twice")
        units[unit.id] = unit
    if "percent" not in units or "percentage_point" not in units:
        raise CatalogueError(f"{name}: needs the units percent and percentage_point "
                             "(differences of rates are written in points)")
    return Units(units, _scales(document.get("scales"), name))


@cache
def shipped() -> Units:
    """The units shipped with the package (read once per process)."""
    from indmon.catalogue.parsed import load_toml

    text = resources.files("indmon.catalogue").joinpath("data", "units.toml").read_text("utf-8")
    return _units_of(load_toml(text), "units.toml")  # parsed once per content


# -- the formatter, on the shipped units ------------------------------------------------------
def format_value(value: float, unit: str, lang: str, measure: str = "level", *,
                 counter: str = "", short: bool = False) -> str:
    """See :meth:`Units.format_value`."""
    return shipped().format_value(value, unit, lang, measure, counter=counter, short=short)


def format_number(value: float, unit: str, lang: str, *, short: bool = False) -> str:
    """See :meth:`Units.format_number`."""
    return shipped().format_number(value, unit, lang, short=short)


def format_difference(diff: float, unit: str, lang: str, measure: str = "level", *,
                      counter: str = "", short: bool = True) -> str:
    """See :meth:`Units.format_difference`."""
    return shipped().format_difference(diff, unit, lang, measure, counter=counter,
                                       short=short)


def format_percent_change(change: float, lang: str) -> str:
    return shipped().format_percent_change(change, lang)


def unit_label(unit: str, lang: str) -> str:
    return shipped().label(unit, lang)


def scaled(value: float, lang: str) -> str:
    return shipped().scaled(value, lang)


def axis(ticks: Sequence[float], unit: str, lang: str) -> Axis:
    """See :meth:`Units.axis`."""
    return shipped().axis(ticks, unit, lang)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering ``low``..``high`` at a step of 1, 2, 2.5 or 5 times a
    power of ten, about ``count`` of them."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(f"axis range {low}..{high} is not finite")
    if math.isclose(low, high):
        low, high = low - 1, high + 1
    raw = (high - low) / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(f * magnitude for f in (1, 2, 2.5, 5, 10) if raw <= f * magnitude * (1 + 1e-9))
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return [round(i * step, 12) for i in range(first, last + 1)]


__all__ = [
    "KINDS",
    "MINUS",
    "Axis",
    "Unit",
    "Units",
    "axis",
    "format_difference",
    "format_number",
    "format_percent_change",
    "format_value",
    "load_units",
    "nice_ticks",
    "plain_number",
    "rate_digits",
    "scaled",
    "shipped",
    "tick_decimals",
    "unit_label",
]
