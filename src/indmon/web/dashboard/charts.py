"""Small SVG charts drawn on the server, so pages load nothing from the internet and
read without JavaScript: a line chart with axes and units, a sparkline, horizontal
bars, and the diverging colour scale of the province map.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

#: diverging scale: contraction in red, growth in blue, as statistical bulletins colour it
NEGATIVE = (200, 70, 60)
NEUTRAL = (243, 241, 236)
POSITIVE = (34, 94, 168)


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    href: str = ""


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / max(ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _axis(values: Sequence[float]) -> tuple[float, float, float]:
    low, high = min(values), max(values)
    # levels far from zero keep a tight axis; growth rates show where zero is
    if not (low > 0 and low / high > 0.5):
        low, high = min(low, 0.0), max(high, 0.0)
    if math.isclose(low, high):
        low, high = low - 1, high + 1
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _tick(value: float, step: float) -> str:
    if abs(value) >= 1e12:
        return f"{value / 1e12:g}T"
    if abs(value) >= 1e9:
        return f"{value / 1e9:g}B"
    if abs(value) >= 1e6:
        return f"{value / 1e6:g}M"
    return f"{value:.{max(0, -math.floor(math.log10(step)))}f}" if step < 1 else f"{value:,.0f}"


def line_chart(points: Sequence[Point], *, unit: str, title: str, width: int = 720,
               height: int = 280) -> str:
    """A labelled line chart; each point is a link to its provenance."""
    if not points:
        return ""
    left, right, top, bottom = 64, 36, 28, 44
    low, high, step = _axis([p.value for p in points])
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i: int) -> float:
        return left + (plot_w * i / max(len(points) - 1, 1))

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - low) / (high - low))

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f'<text class="axis-unit" x="{left}" y="16">{escape(unit)}</text>']
    tick = low
    while tick <= high + step / 2:
        parts.append(f'<line class="grid{" zero" if abs(tick) < step / 1e6 else ""}" '
                     f'x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>')
        parts.append(f'<text class="tick" x="{left - 8}" y="{y(tick) + 4:.1f}" '
                     f'text-anchor="end">{_tick(tick, step)}</text>')
        tick += step
    path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(p.value):.1f}"
                    for i, p in enumerate(points))
    parts.append(f'<path class="line" d="{path}"/>')
    every = max(1, math.ceil(len(points) / 8))
    for i, p in enumerate(points):
        dot = (f'<circle class="dot" cx="{x(i):.1f}" cy="{y(p.value):.1f}" r="3.5">'
               f'<title>{escape(p.label)}: {p.value:,.4g}</title></circle>')
        parts.append(f'<a href="{escape(p.href)}">{dot}</a>' if p.href else dot)
        if i % every == 0 or i == len(points) - 1:
            parts.append(f'<text class="tick" x="{x(i):.1f}" y="{height - bottom + 18}" '
                         f'text-anchor="middle">{escape(p.label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


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
              label: Callable[[float], str] = lambda v: f"{v:,.4g}") -> str:
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


def legend_stops(limit: float, steps: int = 5) -> list[tuple[str, str]]:
    """(colour, label) pairs from -limit to +limit for the map legend."""
    values = [-limit + 2 * limit * i / (steps - 1) for i in range(steps)]
    return [(diverging_colour(v, limit), f"{v:+.1f}") for v in values]
