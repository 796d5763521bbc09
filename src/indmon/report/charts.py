"""Draw a briefing's charts as SVG, written here element by element.

The same SVG goes into the Markdown card's chart files, the HTML card (inline) and the
PDF (an image WeasyPrint draws as vectors, with the card's embedded Noto Sans SC). Text
is SVG text in the card's font stack (Noto Sans SC first), so it stays searchable and
selectable. Simulated data is written on the chart itself, because charts get copied
out of reports on their own.

Written by hand rather than by matplotlib: a dozen elements per series instead of
thousands of path nodes, so a card's charts take milliseconds to draw and WeasyPrint
draws them in a fraction of the time (issue 12: matplotlib took 0.2 s a chart and its
SVGs a third of a PDF's printing).

Line charts are built from the store's series by :func:`series_chart`: every line is one
``Series`` (one origin, one frequency), labelled by its origin where that is not plain,
its points in time order, without a January point where the indicator's January and
February are combined; a missing value leaves a gap in its line. Value axes are labelled
by the catalogue's formatter (:func:`indmon.catalogue.units.tick_decimals`), so tick
labels are always distinct and no label reads ``-0.0``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from pathlib import Path

from indmon.catalogue import Catalogue, units
from indmon.errors import ReportError, UnknownCode
from indmon.report.model import Chart
from indmon.store import Observation, Origin, Series

INK = "#1f2d3d"
ACCENT = "#a61b29"  # the red of official briefings, for the current series
MUTED = "#8a96a3"
GRID = "#e3e7eb"
NEGATIVE = "#4f6d8f"
SIMULATED = "#b35900"
#: line colours in order: the current series first
LINE_COLOURS = (ACCENT, INK, MUTED, NEGATIVE)
#: the card's font stack (briefing.css), Noto Sans SC first: the PDF embeds it
FONT = ("'Noto Sans SC', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', "
        "'Helvetica Neue', Arial, sans-serif")
WIDTH = 700


@cache
def font_path() -> Path:
    """NotoSansSC-Regular.otf from ``pylopdf_fonts_zh_cn``: Latin and Chinese glyphs."""
    return Path(str(resources.files("pylopdf_fonts_zh_cn").joinpath("NotoSansSC-Regular.otf")))


# -- line charts from the store's series --------------------------------------------------------
#: how a line's origin is said in its legend label, where it needs saying
ORIGIN_WORDS = {
    "en": {"published": "published", "computed": "computed", "simulated": "simulated"},
    "zh": {"published": "公开发布", "computed": "计算", "simulated": "模拟数据"},
}


def series_chart(chart_id: str, title: str, lines: Sequence[tuple[str, Series]], *,
                 unit: str, lang: str, source_line: str,
                 january_combined: bool | None = None) -> Chart | None:
    """A line chart of store series: one line per ``Series`` (never two joined), each
    labelled ``label`` and, where the chart is not all published, its origin
    (``Year to date (simulated)``); categories are the periods in time order.

    All lines must share one frequency: a chart of categories cannot place a year beside
    months honestly. ``january_combined`` (default: the catalogue's attribute of each
    line's indicator) leaves out January months even where the caller did not ask
    ``store.series`` to. Values are drawn at the scale of the axis caption (``trillion
    yuan``). None when there is nothing to draw.
    """
    shown = [(label, _without_january(series, january_combined)) for label, series in lines]
    shown = [(label, series) for label, series in shown if series.points]
    if not shown:
        return None
    frequencies = sorted({series.frequency for _, series in shown})
    if len(frequencies) > 1:
        raise ReportError(f"chart {chart_id!r} mixes frequencies {frequencies}: draw each "
                          "frequency in its own chart")
    for _, series in shown:
        _check_series(chart_id, series)
    ends = sorted({p.period.end for _, series in shown for p in series.points})
    keys = {end: i for i, end in enumerate(ends)}
    values = [p.value for _, series in shown for p in series.points]
    axis = units.axis(values, unit, lang)
    plain = {series.origin for _, series in shown} == {Origin.PUBLISHED}
    series_values = []
    for label, series in shown:
        row: list[float | None] = [None] * len(ends)
        for p in series.points:
            row[keys[p.period.end]] = p.value / axis.factor
        series_values.append((_line_label(label, series, lang, plain), tuple(row)))
    return Chart(chart_id, "line", title, _categories(ends, lang), tuple(series_values),
                 axis.caption, source_line,
                 simulated=any(series.simulated for _, series in shown),
                 obs_ids=tuple(p.obs_id for _, series in shown for p in series.points))


def _without_january(series: Series, january_combined: bool | None) -> Series:
    combined = january_combined
    if combined is None:
        try:
            combined = Catalogue.load().indicator(series.indicator).january_combined
        except UnknownCode:
            combined = False
    if not combined:
        return series
    kept = tuple(p for p in series.points if not _is_january(p))
    return Series(series.indicator, series.industry, series.province, series.origin,
                  series.frequency, series.kind, kept)


def _is_january(point: Observation) -> bool:
    return point.period.kind == "month" and point.period.end[5:] == "01"


def _check_series(chart_id: str, series: Series) -> None:
    ends = [p.period.end for p in series.points]
    if ends != sorted(set(ends)) or any(p.origin != series.origin for p in series.points):
        raise ReportError(f"chart {chart_id!r}: the {series.origin.value} {series.frequency} "
                          f"line of {series.indicator} is not one figure per period in time "
                          f"order: {[p.period.text for p in series.points]}")


def _line_label(label: str, series: Series, lang: str, plain: bool) -> str:
    if plain:
        return label
    word = ORIGIN_WORDS[lang][series.origin.value]
    if not label:
        return word
    return f"{label}（{word}）" if lang == "zh" else f"{label} ({word})"


def _categories(ends: Sequence[str], lang: str) -> tuple[str, ...]:
    """Month labels (``Feb``, ``2月``), with the year where the chart spans several."""
    from indmon.report.phrasing import month_label

    years = {end[:4] for end in ends}
    if len(years) == 1:
        return tuple(month_label(end, lang) for end in ends)
    if lang == "zh":
        return tuple(f"{end[:4]}年{month_label(end, lang)}" for end in ends)
    return tuple(f"{month_label(end, lang)} {end[:4]}" for end in ends)


# -- value axes -------------------------------------------------------------------------------
def _lang_of(chart: Chart) -> str:
    """The language a chart is written in (its title): it picks the scale words."""
    return "zh" if re.search(r"[\u4e00-\u9fff]", chart.title + chart.unit_label) else "en"


@dataclass(frozen=True)
class ValueAxis:
    """A value axis: its range, ticks with their distinct labels, and its caption."""

    low: float
    high: float
    ticks: tuple[float, ...]
    labels: tuple[str, ...]
    factor: float
    caption: str

    def at(self, value: float, start: float, length: float) -> float:
        """Where ``value`` sits along an axis drawn from ``start`` over ``length``."""
        return start + length * (value - self.low) / (self.high - self.low)


def value_axis(values: Sequence[float], chart: Chart, *, from_zero: bool = False) -> ValueAxis:
    """Round ticks over ``values`` (and zero, for bars), their labels at one scale with as
    many decimals as it takes to tell them apart, and the caption with its scale word
    (``trillion yuan``) for raw large values."""
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if from_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    ticks = units.nice_ticks(low, high)
    lang = _lang_of(chart)
    largest = max((abs(v) for v in values), default=0.0)
    scale = next((sc for sc in units.shipped().scales[lang] if largest >= sc.factor), None)
    factor = scale.factor if scale else 1.0
    caption = chart.unit_label
    if scale is not None:
        caption = (scale.word + caption) if lang == "zh" else (
            f"{scale.word} {caption}".strip())
    decimals = units.tick_decimals([t / factor for t in ticks])
    labels = tuple(_fixed(t / factor, decimals, lang) for t in ticks)
    return ValueAxis(ticks[0], ticks[-1], tuple(ticks), labels, factor, caption)


def tick_labels(chart: Chart) -> list[str]:
    """The labels of the chart's value axis, as drawn."""
    return list(_axis_of(chart).labels)


def _axis_of(chart: Chart) -> ValueAxis:
    if chart.kind == "bar":
        return value_axis(_bar_drawn(chart), chart, from_zero=True)
    return value_axis([v for _, values in chart.series for v in values if v is not None], chart)


def _fixed(value: float, decimals: int, lang: str) -> str:
    text = f"{abs(value):{',' if lang == 'en' else ''}.{decimals}f}"
    if set(text) <= {"0", ".", ","} or value >= 0:
        return text
    return units.MINUS + text


def _point_text(value: float, factor: float, lang: str, whole: bool) -> str:
    """A drawn value at the axis' scale: whole numbers as such, others with one decimal
    (two where stated so); never -0.0."""
    if whole:
        return units.plain_number(value / factor, 0, grouped=lang == "en")
    return units.format_number(value / factor, "percent", lang)


def _whole(values: Sequence[float], factor: float) -> bool:
    return all(float(v / factor).is_integer() for v in values)


# -- SVG pieces ---------------------------------------------------------------------------------
def _text_width(text: str, size: float) -> float:
    """About how wide ``text`` is at ``size`` px: Chinese characters a full em, digits and
    Latin letters a little over half of one (enough to lay out labels, not to typeset)."""
    return sum(size if ord(c) > 0x2E80 else size * 0.5 for c in text)


def _text(x: float, y: float, text: str, size: float, colour: str = INK,
          anchor: str = "start", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" fill="{colour}" '
            f'text-anchor="{anchor}"{extra}>{escape(text)}</text>')


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 1,
          dash: str = "") -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-width="{width:g}"{dashed}/>')


def _document(chart: Chart, height: float, parts: list[str]) -> str:
    """The chart's SVG: title on top, source line (and the simulated-data label) at the
    bottom, ``parts`` between; a long source line wraps and makes the chart taller."""
    label = "模拟数据 Simulated data"
    room = WIDTH - 16 - (_text_width(label, 10.5) + 12 if chart.simulated else 0)
    source = _wrapped(chart.source_line, room, 9.5)
    height += 13 * (len(source) - 1)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0f}" '
            f'viewBox="0 0 {WIDTH} {height:.0f}" role="img" aria-label="{escape(chart.title)}" '
            f'font-family="{FONT}">')
    frame = [f'<rect width="{WIDTH}" height="{height:.0f}" fill="#ffffff"/>',
             f"<title>{escape(chart.title)}</title>",
             _text(8, 20, chart.title, 14.5)]
    first = height - 8 - 13 * (len(source) - 1)
    frame += [_text(8, first + 13 * i, line, 9.5, MUTED) for i, line in enumerate(source)]
    if chart.simulated:
        frame.append(_text(WIDTH - 8, height - 8, label, 10.5, SIMULATED, "end",
                           ' class="simulated"'))
    return head + "".join(frame + parts) + "</svg>"


def _wrapped(text: str, width: float, size: float) -> list[str]:
    """``text`` in lines about ``width`` px wide, broken at spaces, or anywhere between
    Chinese characters."""
    lines, line = [], ""
    for piece in re.findall(r"[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+", text):
        if line and _text_width(line + piece.rstrip(), size) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    return [*lines, line.rstrip()] if line.strip() or not lines else lines


# -- bars ---------------------------------------------------------------------------------------
def _bar_values(chart: Chart) -> list[float]:
    return [v if v is not None else 0.0 for v in chart.series[0][1]]


def _bar_drawn(chart: Chart) -> list[float]:
    return _bar_values(chart) + ([chart.reference[0]] if chart.reference is not None else [])


def _bars(chart: Chart) -> str:
    """Horizontal bars, one per category from the top, each labelled with its value; a
    dashed reference line (the national rate) where the chart has one."""
    values = _bar_values(chart)
    axis = _axis_of(chart)
    lang, whole = _lang_of(chart), _whole(_bar_drawn(chart), axis.factor)
    row = 20.0
    categories = [_shortened(c, LABEL_ROOM, 10.5) for c in chart.categories]
    label_w = max((_text_width(c, 10.5) for c in categories), default=0.0)
    left, right = 16 + label_w, 56
    top = 36 + (16 if chart.reference is not None else 0)
    plot_h = row * len(values)
    plot_w = WIDTH - left - right
    bottom_axis = top + plot_h
    height = bottom_axis + 58

    def x(v: float) -> float:
        return axis.at(v, left, plot_w)

    parts = []
    for tick, label in zip(axis.ticks, axis.labels, strict=True):
        parts.append(_line(x(tick), top, x(tick), bottom_axis, GRID, 0.6))
        parts.append(_text(x(tick), bottom_axis + 14, label, 10, INK, "middle"))
    parts.append(_text(left + plot_w / 2, bottom_axis + 30, axis.caption, 10.5, INK, "middle"))
    for i, (category, value) in enumerate(zip(categories, values, strict=True)):
        y = top + row * i
        start, end = sorted((x(0.0), x(value)))
        colour = ACCENT if value >= 0 else NEGATIVE
        parts.append(f'<rect x="{start:.1f}" y="{y + 3:.1f}" width="{max(end - start, 0.5):.1f}" '
                     f'height="{row - 6:.1f}" fill="{colour}"/>')
        parts.append(_text(left - 6, y + row / 2 + 3.5, category, 10.5, INK, "end"))
        label = _point_text(value, axis.factor, lang, whole)
        at, anchor = (end + 4, "start") if value >= 0 else (start - 4, "end")
        parts.append(_text(at, y + row / 2 + 3, label, 9, INK, anchor))
    parts.append(_line(x(0.0), top, x(0.0), bottom_axis, MUTED, 0.8))
    if chart.reference is not None:
        value, label = chart.reference
        parts.append(_line(x(value), top - 4, x(value), bottom_axis, INK, 1, "4 3"))
        parts.append(_text(x(value) + 4, top - 6,
                           f"{label} {_point_text(value, axis.factor, lang, whole)}", 10.5))
    return _document(chart, height, parts)


#: the widest a bar's category label may be (px); longer names end in an ellipsis
LABEL_ROOM = 320.0


def _shortened(text: str, width: float, size: float) -> str:
    if _text_width(text, size) <= width:
        return text
    while text and _text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# -- lines --------------------------------------------------------------------------------------
def _lines(chart: Chart) -> str:
    """Each series its own line with a marker and value label at each point; a missing
    value leaves a gap rather than a join across it."""
    plotted = [v for _, values in chart.series for v in values if v is not None]
    axis = _axis_of(chart)
    lang, whole = _lang_of(chart), _whole(plotted, axis.factor)
    legend = _legend_rows([label for label, _ in chart.series])
    rotated = len(chart.categories) > 8
    top = 52 + 18 * len({row for row, _ in legend.values()})
    left, right = 16 + max((_text_width(t, 10) for t in axis.labels), default=20.0), 24
    bottom = 40 + (max((_text_width(c, 10) for c in chart.categories), default=0.0) * 0.71
                   if rotated else 14)
    height = 330.0 + (bottom - 44)
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    count = len(chart.categories)

    def x(i: int) -> float:
        return left + plot_w * ((i + 0.5) / count)

    def y(v: float) -> float:
        return top + plot_h - axis.at(v, 0, plot_h)

    parts = [_text(8, top - 12, axis.caption, 10.5, INK)]
    for tick, label in zip(axis.ticks, axis.labels, strict=True):
        parts.append(_line(left, y(tick), WIDTH - right, y(tick), GRID, 0.6))
        parts.append(_text(left - 6, y(tick) + 3.5, label, 10, INK, "end"))
    parts.append(_line(left, top + plot_h, WIDTH - right, top + plot_h, MUTED, 0.8))
    for i, category in enumerate(chart.categories):
        if rotated:
            at = (x(i), top + plot_h + 12)
            parts.append(_text(*at, category, 10, INK, "end",
                               f' transform="rotate(-45 {at[0]:.1f} {at[1]:.1f})"'))
        else:
            parts.append(_text(x(i), top + plot_h + 15, category, 10, INK, "middle"))
    for index, (label, values) in enumerate(chart.series):
        colour = LINE_COLOURS[index % len(LINE_COLOURS)]
        parts += _series_line(values, colour, x, y)
        parts += [_text(x(i), y(v) + (13 if _below(chart, index, i) else -7),
                        _point_text(v, axis.factor, lang, whole), 9, colour, "middle")
                  for i, v in enumerate(values) if v is not None]
        if index in legend:
            row, key_x = legend[index]
            key_y = 38 + 18 * row
            parts.append(_line(key_x, key_y, key_x + 18, key_y, colour, 2))
            parts.append(_text(key_x + 22, key_y + 4, label, 10.5))
    return _document(chart, height, parts)


def _legend_rows(labels: Sequence[str]) -> dict[int, tuple[int, float]]:
    """Where each labelled line's legend entry goes: (row, x), rows filled left to right
    and wrapped at the chart's width."""
    placed: dict[int, tuple[int, float]] = {}
    row, at = 0, 8.0
    for index, label in enumerate(labels):
        if not label:
            continue
        width = 40 + _text_width(label, 10.5)
        if at > 8.0 and at + width > WIDTH - 8:
            row, at = row + 1, 8.0
        placed[index] = (row, at)
        at += width
    return placed


def _below(chart: Chart, index: int, i: int) -> bool:
    """Whether a point's label goes under it: where another line is higher at the same
    category, so that two lines' labels do not print over each other."""
    value = chart.series[index][1][i]
    if value is None:
        return False
    # of equal values, the earlier line keeps its label above
    return any(other is not None and (other > value or (other == value and j < index))
               for j, (_, values) in enumerate(chart.series) if j != index
               for other in (values[i],))


def _series_line(values: Sequence[float | None], colour: str, x: Callable[[int], float],
                 y: Callable[[float], float]) -> list[str]:
    parts, run = [], []
    for i, v in enumerate([*values, None]):
        if v is not None:
            run.append(f"{x(i):.1f},{y(v):.1f}")
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"/>')
            continue
        if len(run) > 1:
            parts.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{colour}" '
                         'stroke-width="1.6"/>')
        run = []
    return parts


# -- the chart ----------------------------------------------------------------------------------
def svg(chart: Chart) -> str:
    """The chart as an SVG document (without an XML prolog, ready to inline in HTML)."""
    if chart.kind == "bar" and not chart.series:
        raise ReportError(f"bar chart {chart.chart_id!r} has no values")
    for _, values in chart.series:
        if any(v is not None and not math.isfinite(v) for v in values):
            raise ReportError(f"chart {chart.chart_id!r} has a value that is not finite")
    return _bars(chart) if chart.kind == "bar" else _lines(chart)


class Drawings:
    """The charts of one briefing, each drawn once: Markdown, HTML and PDF of one
    language share them (the PDF's copy was once drawn with text kept as text)."""

    def __init__(self) -> None:
        self._svgs: dict[Chart, str] = {}

    @property
    def drawn(self) -> int:
        """How many charts were drawn."""
        return len(self._svgs)

    def svg(self, chart: Chart) -> str:
        """The chart as SVG, as :func:`svg` gives it."""
        saved = self._svgs.get(chart)
        if saved is None:
            saved = self._svgs[chart] = svg(chart)
        return saved
