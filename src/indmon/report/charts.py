"""Draw a briefing's charts with matplotlib, as SVG (HTML, PDF) or PNG.

Labels may be Chinese, so the Noto Sans SC font shipped by ``pylopdf_fonts_zh_cn`` is
registered with matplotlib and used for every chart; text is drawn as outlines so the
SVG looks the same wherever it is opened. Simulated data is written on the chart itself,
because charts get copied out of reports on their own.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from indmon.report.model import Chart

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


def _bars(ax: Axes, chart: Chart) -> None:
    values = [v if v is not None else 0.0 for v in chart.series[0][1]]
    colors = [ACCENT if v >= 0 else NEGATIVE for v in values]
    ax.barh(range(len(values)), values, color=colors, height=0.7)
    ax.set_yticks(range(len(values)), labels=list(chart.categories), fontsize=7.5)
    ax.set_ylim(-0.6, len(values) - 0.4)
    ax.axvline(0, color=MUTED, linewidth=0.8)
    if chart.reference is not None:
        value, label = chart.reference
        ax.axvline(value, color=INK, linewidth=1, linestyle="--")
        ax.annotate(f"{label} {value:.1f}", (value, len(values) - 0.5), fontsize=8,
                    xytext=(3, 0), textcoords="offset points", color=INK)
    for i, v in enumerate(values):
        ax.annotate(f"{v:.1f}".replace("-0.0", "0.0"), (v, i), xytext=(3 if v >= 0 else -3, 0),
                    textcoords="offset points", va="center",
                    ha="left" if v >= 0 else "right", fontsize=6.5, color=INK)
    ax.set_xlabel(chart.unit_label)
    ax.margins(x=0.12)


def _lines(ax: Axes, chart: Chart) -> None:
    colors = (ACCENT, INK, MUTED, NEGATIVE)
    positions = range(len(chart.categories))
    for (label, values), color in zip(chart.series, colors * 3, strict=False):
        points = [(x, v) for x, v in zip(positions, values, strict=True) if v is not None]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        ax.plot(xs, ys, marker="o", markersize=3.5, color=color, label=label or None)
        for x, y in points:
            ax.annotate(f"{y:.1f}", (x, y), xytext=(0, 5), textcoords="offset points",
                        ha="center", fontsize=6.5, color=color)
    ax.set_xticks(list(positions), labels=list(chart.categories), fontsize=7.5,
                  rotation=45 if len(chart.categories) > 8 else 0)
    ax.set_ylabel(chart.unit_label)
    ax.grid(axis="y", color="#e3e7eb", linewidth=0.6)
    if any(label for label, _ in chart.series):
        ax.legend(frameon=False, fontsize=8)


def _frame(fig: Figure, ax: Axes, chart: Chart) -> None:
    """Title on top, source line (and the simulated-data label) at the bottom."""
    # a figure title, not an axes title: long category labels must not push it off the page
    fig.suptitle(chart.title, x=0.01, ha="left", fontsize=10.5, color=INK)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    fig.text(0.01, 0.012, chart.source_line, fontsize=7, color=MUTED, ha="left")
    if chart.simulated:
        label = "模拟数据 Simulated data"
        fig.text(0.99, 0.012, label, fontsize=8, color=SIMULATED, ha="right")


def svg(chart: Chart, text_as_text: bool = False) -> str:
    """The chart as an SVG document (without the XML prolog, ready to inline in HTML).

    Text is drawn as outlines so any browser shows it alike; ``text_as_text`` keeps it as
    text instead, for the PDF, whose renderer has the font and makes it searchable.
    """
    fig = draw(chart, text_as_text)
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none" if text_as_text else "path"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def png(chart: Chart, dpi: int = 160) -> bytes:
    fig = draw(chart)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
