"""Small SVG charts drawn on the server, so pages load nothing from the internet and
read without JavaScript: a line chart over time with axes, units and a legend, a
sparkline, horizontal bars, and the diverging colour scale of the province map.

A line chart draws ``Line``s, each the figures of one origin and one frequency in time
order (a store ``Series``), so points of different frequencies or origins are never
joined; the value axis is labelled by :func:`indmon.catalogue.units.axis`, whose tick
labels are always distinct.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from html import escape

from indmon.catalogue import units

#: diverging scale: contraction in red, growth in blue, as statistical bulletins colour it
NEGATIVE = (200, 70, 60)
NEUTRAL = (243, 241, 236)
POSITIVE = (34, 94, 168)


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    href: str = ""
    #: the period the point is for (its text), on line charts
    period: str = ""
    #: where the point sits on a time axis: the month index of the period's last month
    at: int | None = None


@dataclass(frozen=True)
class Line:
    """One line of a line chart: figures of one origin and one frequency, in time order
    (a ``Series`` of the store). A chart never joins points of two lines."""

    label: str
    origin: str
    frequency: str
    points: tuple[Point, ...]

    @property
    def simulated(self) -> bool:
        return self.origin == "simulated"


#: line colours by origin: published in the dashboard's blue, computed in green, simulated
#: in the ochre of the simulated-data badge (and dashed)
LINE_COLOURS = {
    "published": ("#1d5fa8", "#12304f", "#5b8fc9"),
    "computed": ("#1f7a4d", "#5aa37a", "#0f4d2f"),
    "simulated": ("#8a5a00", "#c98a1c", "#5a3d00"),
}
#: line colours of a comparison, one per line in order (simulated lines stay dashed)
CELL_COLOURS = ("#1d5fa8", "#b8412c", "#1f7a4d", "#7b3fa0", "#8a5a00", "#0f7c8c",
                "#c2185b", "#4d4d4d")


def value_range(values: Sequence[float]) -> tuple[float, float]:
    """The span a value axis covers: levels far from zero keep a tight axis, growth rates
    and anything near zero show where zero is."""
    low, high = min(values), max(values)
    if not (low > 0 and low / high > 0.5):
        low, high = min(low, 0.0), max(high, 0.0)
    return low, high


def value_axis(values: Sequence[float], unit: str, lang: str) -> units.Axis:
    """Round ticks over the values, labelled with distinct numbers at one scale."""
    low, high = value_range(values)
    return units.axis(units.nice_ticks(low, high), unit, lang)


def line_chart(lines: Sequence[Line], *, unit: str, lang: str, title: str,
               value_text: Callable[[float], str] | None = None, width: int = 720,
               height: int = 300, palette: Sequence[str] | None = None) -> str:
    """A line chart over time: each ``Line`` drawn on its own (never joined to another),
    placed by the months its periods end in, with a legend naming each line's origin and
    frequency. Every point links to its provenance. Lines carry their origin, frequency
    and periods as data attributes, so what is drawn can be checked. A ``palette``
    (a comparison's) colours the lines in order instead of by origin."""
    drawn = [line for line in lines if line.points]
    if not drawn:
        return ""
    for line in drawn:
        _check_time_order(line)
    left, right, bottom = 64, 40, 44
    # legend labels cut to the chart's width (each series' title keeps its whole label)
    named = [replace(line, label=_fit(line.label, width - right - 8)) for line in drawn]
    top = 28 + 16 * (len(_legend_layout(named, width - right)) - 1)
    axis = value_axis([p.value for line in drawn for p in line.points], unit, lang)
    low, high = axis.ticks[0], axis.ticks[-1]
    first = min(p.at for line in drawn for p in line.points if p.at is not None)
    last = max(p.at for line in drawn for p in line.points if p.at is not None)
    plot_w, plot_h = width - left - right, height - top - bottom
    text = value_text or axis.text

    def x(at: int | None) -> float:
        if last == first or at is None:
            return left + plot_w / 2
        return left + plot_w * (at - first) / (last - first)

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - low) / (high - low))

    parts = [f'<svg class="chart lines" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f'<text class="axis-unit" x="{left}" y="16">{escape(axis.caption)}</text>']
    colours = [palette[i % len(palette)] if palette else _colour(drawn, i)
               for i in range(len(drawn))]
    parts += _legend(named, width - right, 16, colours)
    for tick, label in zip(axis.ticks, axis.labels, strict=True):
        zero = " zero" if tick == 0 else ""
        parts.append(f'<line class="grid{zero}" x1="{left}" x2="{width - right}" '
                     f'y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>')
        parts.append(f'<text class="tick y" x="{left - 8}" y="{y(tick) + 4:.1f}" '
                     f'text-anchor="end">{escape(label)}</text>')
    parts += _time_ticks(drawn, x, height - bottom + 18)
    for index, line in enumerate(drawn):
        parts += _line(line, colours[index], x, y, text)
    parts.append("</svg>")
    return "".join(parts)


def _check_time_order(line: Line) -> None:
    positions = [p.at for p in line.points]
    if any(at is None for at in positions) or positions != sorted(set(positions)):  # type: ignore[type-var]
        raise ValueError(f"line {line.label!r} is not one point per period in time order: "
                         f"{[p.period for p in line.points]}")


def _colour(lines: Sequence[Line], index: int) -> str:
    palette = LINE_COLOURS.get(lines[index].origin, LINE_COLOURS["published"])
    same = [i for i, line in enumerate(lines) if line.origin == lines[index].origin]
    return palette[same.index(index) % len(palette)]


def ink(colour: str) -> str:
    """The class that strokes a line in ``colour`` (one of ``LINE_COLOURS``): the colours
    are rules of style.css, since the page's Content-Security-Policy allows no inline
    style attribute.

    >>> ink("#1d5fa8")
    'ink-1d5fa8'
    """
    return "ink-" + colour.removeprefix("#")


def _line(line: Line, colour: str, x: Callable[[int | None], float],
          y: Callable[[float], float], text: Callable[[float], str]) -> list[str]:
    kind = " simulated" if line.simulated else ""
    periods = " ".join(p.period for p in line.points)
    path = " ".join(f"{'M' if i == 0 else 'L'}{x(p.at):.1f},{y(p.value):.1f}"
                    for i, p in enumerate(line.points))
    parts = [f'<g class="series" data-origin="{escape(line.origin)}" '
             f'data-frequency="{escape(line.frequency)}" data-periods="{escape(periods)}">',
             f'<title>{escape(line.label)}</title>']
    if len(line.points) > 1:
        parts.append(f'<path class="line{kind} {ink(colour)}" d="{path}"/>')
    for p in line.points:
        dot = (f'<circle class="dot{kind} {ink(colour)}" data-period='
               f'"{escape(p.period)}" cx="{x(p.at):.1f}" cy="{y(p.value):.1f}" r="3.5">'
               f'<title>{escape(line.label)} · {escape(p.label)}: {escape(text(p.value))}'
               f'</title></circle>')
        parts.append(f'<a href="{escape(p.href)}">{dot}</a>' if p.href else dot)
    parts.append("</g>")
    return parts


#: about how wide a legend entry is: swatch, gap and 6.5 px a Latin character, 11 px a
#: Chinese one
def _entry_width(line: Line) -> float:
    return 28 + _text_width(line.label)


def _fit(label: str, room: float) -> str:
    """``label`` cut (with an ellipsis) to what ``room`` pixels of legend hold; the
    series' own title keeps the whole label."""
    if 28 + _text_width(label) <= room:
        return label
    while label and 28 + _text_width(label + "…") > room:
        label = label[:-1]
    return label + "…"


def _text_width(text: str) -> float:
    return sum(11.0 if ord(ch) >= 0x2E80 else 6.5 for ch in text)


def _legend_layout(lines: Sequence[Line], right: float) -> list[list[int]]:
    """Which lines' entries go on which legend row: the first row starts after the axis
    caption, further rows span the chart."""
    rows: list[list[int]] = [[]]
    used = 160.0
    for index, line in enumerate(lines):
        if used + _entry_width(line) > right and rows[-1]:
            rows.append([])
            used = 0.0
        rows[-1].append(index)
        used += _entry_width(line)
    return rows


def _legend(lines: Sequence[Line], right: float, top: float, colours: Sequence[str]
            ) -> list[str]:
    """Swatch and label of every line, right-aligned, wrapping onto further rows."""
    parts = ['<g class="legend">']
    for row_number, row in enumerate(_legend_layout(lines, right)):
        cy = top + 16 * row_number
        cx = right - sum(_entry_width(lines[i]) for i in row)
        for index in row:
            line = lines[index]
            kind = " simulated" if line.simulated else ""
            colour = colours[index]
            parts.append(f'<line class="swatch{kind} {ink(colour)}" x1="{cx:.1f}" '
                         f'x2="{cx + 18:.1f}" y1="{cy - 4:.1f}" y2="{cy - 4:.1f}"/>'
                         f'<text class="legend-label" x="{cx + 22:.1f}" y="{cy:.1f}">'
                         f'{escape(line.label)}</text>')
            cx += _entry_width(line)
    parts.append("</g>")
    return parts


def _time_ticks(lines: Sequence[Line], x: Callable[[int | None], float], baseline: float
                ) -> list[str]:
    """Labels under the time axis, left to right wherever one fits beside the previous
    (about 6.5 px a character), the latest period always."""
    labels: dict[int, str] = {}
    for line in lines:
        for p in line.points:
            if p.at is not None:
                labels.setdefault(p.at, p.label)
    positions = sorted(labels)

    def clear(a: int, b: int) -> bool:
        return abs(x(b) - x(a)) >= 3.4 * (len(labels[a]) + len(labels[b])) + 10

    shown = [positions[-1]]
    for at in reversed(positions[:-1]):
        if clear(at, shown[-1]):
            shown.append(at)
    return [f'<text class="tick x" x="{x(at):.1f}" y="{baseline}" text-anchor="middle">'
            f'{escape(labels[at])}</text>' for at in reversed(shown)]


def sparkline(values: Sequence[float], width: int = 120, height: int = 32) -> str:
    """A trend without axes for headline cards; the last point is marked."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    coords = [(2 + (width - 4) * i / (len(values) - 1),
               2 + (height - 4) * (1 - (v - low) / span)) for i, v in enumerate(values)]
    path = " ".join(f"{'M' if i == 0 else 'L'}{cx:.1f},{cy:.1f}" for i, (cx, cy) in
                    enumerate(coords))
    last_x, last_y = coords[-1]
    return (f'<svg class="spark" viewBox="0 0 {width} {height}" aria-hidden="true" '
            f'preserveAspectRatio="none" '
            f'xmlns="http://www.w3.org/2000/svg"><path d="{path}"/>'
            f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="2.5"/></svg>')


def bar_chart(points: Sequence[Point], *, unit: str, title: str, width: int = 520,
              label: Callable[[float], str] = units.plain_number) -> str:
    """Horizontal bars, one per category, sorted as given; labels on the left."""
    if not points:
        return ""
    row, left, right, top = 22, 200, 50, 24
    height = top + row * len(points) + 8
    low = min(0.0, *(p.value for p in points))
    high = max(0.0, *(p.value for p in points))
    span = (high - low) or 1.0
    plot_w = width - left - right

    def x(v: float) -> float:
        return left + plot_w * (v - low) / span

    parts = [f'<svg class="chart bars" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f'<text class="axis-unit" x="{left}" y="14">{escape(unit)}</text>',
             f'<line class="grid zero" x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{top - 4}" '
             f'y2="{height - 4}"/>']
    for i, p in enumerate(points):
        cy = top + i * row
        start, end = sorted((x(0), x(p.value)))
        kind = "neg" if p.value < 0 else "pos"
        bar = (f'<rect class="bar {kind}" x="{start:.1f}" y="{cy + 3}" '
               f'width="{max(end - start, 1):.1f}" height="{row - 8}"/>'
               f'<text class="tick" x="{end + 4:.1f}" y="{cy + row - 8}">'
               f'{escape(label(p.value))}</text>')
        parts.append(f'<text class="cat" x="{left - 8}" y="{cy + row - 8}" '
                     f'text-anchor="end">{escape(_clip(p.label, 30))}</text>')
        parts.append(f'<a href="{escape(p.href)}">{bar}</a>' if p.href else bar)
    parts.append("</svg>")
    return "".join(parts)


def _clip(label: str, size: int) -> str:
    return label if len(label) <= size else label[: size - 1] + "…"


def diverging_colour(value: float | None, limit: float) -> str:
    """The map colour of a growth rate: white at zero, saturating at +-limit."""
    if value is None or math.isnan(value):
        return "#d9d9d9"
    share = max(-1.0, min(1.0, value / limit)) if limit > 0 else 0.0
    far = POSITIVE if share >= 0 else NEGATIVE
    mix = [round(n + (f - n) * abs(share)) for n, f in zip(NEUTRAL, far, strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*mix)


def legend(limit: float, unit: str, lang: str, steps: int = 5
           ) -> tuple[str, list[tuple[str, str]]]:
    """The map legend: its caption (the unit at the labels' scale) and (colour, label)
    pairs from -limit to +limit, labels signed, distinct and never ``-0``."""
    values = [-limit + 2 * limit * i / (steps - 1) for i in range(steps)]
    axis = units.axis(values, unit, lang)
    signed = [("+" + label if v > 0 else label) for v, label in zip(values, axis.labels,
                                                                     strict=True)]
    return axis.caption, [(diverging_colour(v, limit), text)
                          for v, text in zip(values, signed, strict=True)]


def legend_stops(limit: float, steps: int = 5) -> list[tuple[str, str]]:
    """(colour, label) pairs of a legend in percentage points (see :func:`legend`)."""
    return legend(limit, "percentage_point", "en", steps)[1]
