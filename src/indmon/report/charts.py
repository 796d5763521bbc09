"""Draw a briefing's charts with matplotlib, as SVG (HTML, PDF) or PNG.

Labels may be Chinese, so the Noto Sans SC font shipped by ``pylopdf_fonts_zh_cn`` is
registered with matplotlib and used for every chart; text is drawn as outlines so the
SVG looks the same wherever it is opened. Simulated data is written on the chart itself,
because charts get copied out of reports on their own.

Line charts are built from the store's series by :func:`series_chart`: every line is one
``Series`` (one origin, one frequency), labelled by its origin where that is not plain,
its points in time order, without a January point where the indicator's January and
February are combined. Value axes are labelled by the catalogue's formatter
(:func:`indmon.catalogue.units.axis`), so tick labels are always distinct and no label
reads ``-0.0``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from indmon.catalogue import Catalogue, units
from indmon.errors import ReportError, UnknownCode
from indmon.report.model import Chart
from indmon.store import Observation, Origin, Series

INK = "#1f2d3d"
ACCENT = "#a61b29"  # the red of official briefings, for the current series
MUTED = "#8a96a3"
NEGATIVE = "#4f6d8f"
SIMULATED = "#b35900"


@cache
def font_path() -> Path:
    """NotoSansSC-Regular.otf from ``pylopdf_fonts_zh_cn``: Latin and Chinese glyphs."""
    return Path(str(resources.files("pylopdf_fonts_zh_cn").joinpath("NotoSansSC-Regular.otf")))


@cache
def _font_family() -> str:
    path = font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def _style() -> dict[str, Any]:
    return {
        "font.family": _font_family(), "font.size": 9, "axes.edgecolor": MUTED,
        "axes.labelcolor": INK, "xtick.color": INK, "ytick.color": INK,
        "axes.spines.top": False, "axes.spines.right": False, "svg.fonttype": "path",
        "axes.unicode_minus": False, "svg.hashsalt": "indmon",
    }


def draw(chart: Chart, text_as_text: bool = False) -> Figure:
    """A matplotlib figure for the chart."""
    style = _style() | ({"svg.fonttype": "none"} if text_as_text else {})
    with matplotlib.rc_context(style):  # type: ignore[arg-type]
        height = 1.2 + 0.2 * len(chart.categories) if chart.kind == "bar" else 3.2
        # a bare Figure (no pyplot): no global state, safe in the web server's threads
        fig = Figure(figsize=(7.0, min(max(height, 2.6), 9.5)))
        ax = fig.add_subplot()
        (_bars if chart.kind == "bar" else _lines)(ax, chart)
        _frame(fig, ax, chart)
    return fig


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


# -- drawing ------------------------------------------------------------------------------------
def _lang_of(chart: Chart) -> str:
    """The language a chart is written in (its title): it picks the scale words."""
    return "zh" if re.search(r"[\u4e00-\u9fff]", chart.title + chart.unit_label) else "en"


def _value_axis(values: Sequence[float], ax_ticks: Sequence[float], chart: Chart
                ) -> tuple[list[float], list[str], float, str]:
    """Ticks (within the drawn range), their distinct labels, the scale factor and the
    caption with its scale word (``trillion yuan``) for raw large values."""
    lang = _lang_of(chart)
    largest = max((abs(v) for v in values), default=0.0)
    scale = next((sc for sc in units.shipped().scales[lang] if largest >= sc.factor), None)
    factor = scale.factor if scale else 1.0
    caption = chart.unit_label
    if scale is not None:
        caption = (scale.word + caption) if lang == "zh" else (
            f"{scale.word} {caption}".strip())
    ticks = [float(t) for t in ax_ticks]
    decimals = units.tick_decimals([t / factor for t in ticks])
    labels = [_fixed(t / factor, decimals, lang) for t in ticks]
    return ticks, labels, factor, caption


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


def _label_axis(ax: Axes, chart: Chart, values: Sequence[float], axis: str) -> float:
    """Set distinct tick labels and the caption on the value axis; returns its factor."""
    locator = ax.yaxis if axis == "y" else ax.xaxis
    low, high = (ax.get_ylim() if axis == "y" else ax.get_xlim())
    ticks = [t for t in locator.get_major_locator()() if low - 1e-9 <= t <= high + 1e-9]
    ticks, labels, factor, caption = _value_axis(values, ticks, chart)
    if axis == "y":
        ax.set_yticks(ticks, labels=labels)
        ax.set_ylim(low, high)
        ax.set_ylabel(caption)
    else:
        ax.set_xticks(ticks, labels=labels)
        ax.set_xlim(low, high)
        ax.set_xlabel(caption)
    return factor


def _bars(ax: Axes, chart: Chart) -> None:
    values = [v if v is not None else 0.0 for v in chart.series[0][1]]
    colors = [ACCENT if v >= 0 else NEGATIVE for v in values]
    ax.barh(range(len(values)), values, color=colors, height=0.7)
    ax.set_yticks(range(len(values)), labels=list(chart.categories), fontsize=7.5)
    ax.set_ylim(-0.6, len(values) - 0.4)
    ax.axvline(0, color=MUTED, linewidth=0.8)
    ax.margins(x=0.12)
    drawn = values + ([chart.reference[0]] if chart.reference is not None else [])
    factor = _label_axis(ax, chart, drawn, "x")
    lang, whole = _lang_of(chart), _whole(drawn, factor)
    if chart.reference is not None:
        value, label = chart.reference
        ax.axvline(value, color=INK, linewidth=1, linestyle="--")
        ax.annotate(f"{label} {_point_text(value, factor, lang, whole)}",
                    (value, len(values) - 0.5),
                    fontsize=8, xytext=(3, 0), textcoords="offset points", color=INK)
    for i, v in enumerate(values):
        ax.annotate(_point_text(v, factor, lang, whole), (v, i),
                    xytext=(3 if v >= 0 else -3, 0),
                    textcoords="offset points", va="center",
                    ha="left" if v >= 0 else "right", fontsize=6.5, color=INK)


def _lines(ax: Axes, chart: Chart) -> None:
    """Each series its own line; a missing value leaves a gap rather than a join across
    another line's category."""
    colors = (ACCENT, INK, MUTED, NEGATIVE)
    positions = range(len(chart.categories))
    drawn: list[tuple[list[tuple[int, float]], str]] = []
    for (label, values), color in zip(chart.series, colors * 3, strict=False):
        points = [(x, v) for x, v in zip(positions, values, strict=True) if v is not None]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        ax.plot(xs, ys, marker="o", markersize=3.5, color=color, label=label or None)
        drawn.append((points, color))
    ax.set_xticks(list(positions), labels=list(chart.categories), fontsize=7.5,
                  rotation=45 if len(chart.categories) > 8 else 0)
    ax.grid(axis="y", color="#e3e7eb", linewidth=0.6)
    plotted = [v for points, _ in drawn for _, v in points]
    factor = _label_axis(ax, chart, plotted, "y")
    lang, whole = _lang_of(chart), _whole(plotted, factor)
    for points, color in drawn:
        for x, y in points:
            ax.annotate(_point_text(y, factor, lang, whole), (x, y), xytext=(0, 5),
                        textcoords="offset points", ha="center", fontsize=6.5, color=color)
    if any(label for label, _ in chart.series):
        ax.legend(frameon=False, fontsize=8)


def _frame(fig: Figure, ax: Axes, chart: Chart) -> None:
    """Title on top, source line (and the simulated-data label) at the bottom."""
    # a figure title, not an axes title: long category labels must not push it off the page
    fig.suptitle(chart.title, x=0.01, ha="left", fontsize=10.5, color=INK)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    # the layout is done once, here: without this, tight_layout leaves a placeholder
    # engine behind, for which every save first lays the figure out again, to no effect
    fig.set_layout_engine(None)
    fig.text(0.01, 0.012, chart.source_line, fontsize=7, color=MUTED, ha="left")
    if chart.simulated:
        label = "模拟数据 Simulated data"
        fig.text(0.99, 0.012, label, fontsize=8, color=SIMULATED, ha="right")


def svg(chart: Chart, text_as_text: bool = False) -> str:
    """The chart as an SVG document (without the XML prolog, ready to inline in HTML).

    Text is drawn as outlines so any browser shows it alike; ``text_as_text`` keeps it as
    text instead, for the PDF, whose renderer has the font and makes it searchable.
    To render a briefing in several formats, draw its charts once with :class:`Drawings`.
    """
    return Drawings().svg(chart, text_as_text)


class Drawings:
    """The charts of one briefing, each drawn once and saved in every form asked for.

    Drawing (the figure and its layout) is a third of a chart's cost and the same for
    both SVG forms, and Markdown and HTML inline the same form: rendering a briefing in
    all three formats from one ``Drawings`` draws each chart once and saves it at most
    twice (outlines, text), instead of three drawings and three saves.
    """

    def __init__(self) -> None:
        self._figures: dict[Chart, Figure] = {}
        self._svgs: dict[tuple[Chart, bool], str] = {}

    @property
    def drawn(self) -> int:
        """How many charts were drawn (each once, whatever the forms saved)."""
        return len(self._figures)

    def svg(self, chart: Chart, text_as_text: bool = False) -> str:
        """The chart as SVG, as :func:`svg` gives it."""
        key = (chart, text_as_text)
        saved = self._svgs.get(key)
        if saved is None:
            figure = self._figures.get(chart)
            if figure is None:
                figure = self._figures[chart] = draw(chart)
            saved = self._svgs[key] = _save_svg(figure, text_as_text)
        return saved


def _save_svg(fig: Figure, text_as_text: bool) -> str:
    buffer = io.StringIO()
    # in the chart's style, so that its ids are salted alike: the same chart gives the
    # same SVG, byte for byte, wherever and however often it is saved
    style = _style() | {"svg.fonttype": "none" if text_as_text else "path"}
    with matplotlib.rc_context(style):  # type: ignore[arg-type]
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def png(chart: Chart, dpi: int = 160) -> bytes:
    fig = draw(chart)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
