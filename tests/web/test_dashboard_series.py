"""The dashboard's charts over a real server: the headline indicator's chart, on a store
with published and simulated figures of several frequencies, draws each line of one
frequency and one origin, in time order, without a January point where January and
February are combined; the January-February note shows only where it applies; value
axes have distinct tick labels; province and industry pages list periods in time order
and never colour published and simulated figures on one map."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from indmon.catalogue import Catalogue
from indmon.store import ALL, NewObservation, Origin, Period, Source, Store
from indmon.web.app import WebConfig

from .servers import Site, start, stop

RELEASE = Source("release-2024", kind="release", publisher="A statistics office",
                 title="Industry in 2023", published="2024-01-17", lang="en")
LATER = Source("release-2024-02", kind="release", publisher="A statistics office",
               title="Industry in January-February 2024", published="2024-03-18", lang="en")
OTHER = Source("institute-2024", kind="release", publisher="A research institute",
               title="Notes on industry in 2023", published="2024-01-22", lang="en")
PANEL = Source("panel", kind="computation", publisher="indmon", title="Computed",
               published="2024-04-01", simulated=True)
HEADLINE = "va_ytd_yoy"


def _published() -> list[NewObservation]:
    """Annual, quarterly and year-to-date figures of the headline, stated out of order."""
    return [
        NewObservation(HEADLINE, "2023", 4.6, "percent"),
        NewObservation(HEADLINE, "2023-01/2023-11", 4.3, "percent"),
        NewObservation(HEADLINE, "2022", 3.6, "percent"),
        NewObservation(HEADLINE, "2023-Q1", 3.0, "percent"),
        NewObservation(HEADLINE, "2023-01/2023-02", 2.4, "percent"),
        NewObservation(HEADLINE, "2023-H1", 3.8, "percent"),
        NewObservation(HEADLINE, "2023", 5.1, "percent", province="320000"),
        NewObservation(HEADLINE, "2023-Q1", 4.0, "percent", province="320000"),
        NewObservation(HEADLINE, "2023-01/2023-11", 4.9, "percent", province="320000"),
        NewObservation("pmi_manufacturing", "2023-01", 50.1, "index"),
        NewObservation("pmi_manufacturing", "2023-02", 52.6, "index"),
        NewObservation("pmi_manufacturing", "2023-03", 51.9, "index"),
    ]


def _simulated() -> list[NewObservation]:
    """Monthly year-to-date growth from January (which the chart must leave out) between
    5.0 and 6.0, where rounding ticks to whole numbers would read 5 5 6 6; profits in
    trillions; a breakdown by industry and by province."""
    months = [f"2023-{m:02d}" for m in range(12, 0, -1)]  # recorded newest first
    figures = [NewObservation(HEADLINE, m, 5.0 + (int(m[5:]) % 6) / 5, "percent")
               for m in months]
    figures += [NewObservation("profit_ytd", m, 6.0e12 + int(m[5:]) * 5e10, "cny")
                for m in months]
    figures += [NewObservation(HEADLINE, "2023-12", 6.5 - j, "percent", industry=code)
                for j, code in enumerate(("13", "26", "36"))]
    figures += [NewObservation(HEADLINE, "2023-12", 4.0 + j, "percent", province=code)
                for j, code in enumerate(("110000", "320000", "440000"))]
    return figures


@dataclass
class Seeded:
    site: Site
    #: obs_id -> (origin, period) of every figure recorded
    figures: dict[int, tuple[str, str]]
    #: (origin, frequency) -> periods of the headline's whole-country ``store.series``
    series: dict[tuple[str, str], list[str]]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    db: Path = tmp_path_factory.mktemp("series") / "series.duckdb"
    with Store.open(db) as store:
        store.record(_published(), RELEASE)
        store.record([NewObservation(HEADLINE, "2024-01/2024-02", 7.0, "percent")], LATER)
        store.record([NewObservation(HEADLINE, "2023", 4.4, "percent")], OTHER)  # a conflict
        store.record(_simulated(), PANEL)
        figures = {o.obs_id: (o.origin.value, o.period.text) for o in store.figures()}
        series = {(s.origin.value, s.frequency): s.periods for s in store.series(
            HEADLINE, industry=ALL, province=ALL, january_combined=True)}
    url, running = start(db, WebConfig(public=True))
    yield Seeded(Site(url, {}, db), figures, series)
    stop(running)


def _get(seeded: Seeded, path: str) -> str:
    response = httpx.get(seeded.site.url + path, timeout=30)
    assert response.status_code == 200, response.text[:500]
    return response.text


@dataclass
class DrawnLine:
    origin: str
    frequency: str
    periods: list[str]
    obs_ids: list[int]


def _lines(html: str) -> list[DrawnLine]:
    """The lines of the page's time-series chart, as drawn."""
    svg = html[html.index('<svg class="chart lines"'):]
    svg = svg[:svg.index("</svg>")]
    found = []
    for match in re.finditer(r'<g class="series" data-origin="([^"]+)" data-frequency="([^"]+)"'
                             r' data-periods="([^"]*)">(.*?)</g>', svg, re.S):
        origin, frequency, periods, body = match.groups()
        ids = [int(i) for i in re.findall(r'href="/provenance/(\d+)"', body)]
        found.append(DrawnLine(origin, frequency, periods.split(), ids))
    return found


def _y_ticks(html: str) -> list[str]:
    svg = html[html.index('<svg class="chart lines"'):]
    return re.findall(r'<text class="tick y"[^>]*>([^<]*)</text>', svg[:svg.index("</svg>")])


def test_each_line_is_one_frequency_and_one_origin(seeded: Seeded) -> None:
    lines = _lines(_get(seeded, f"/indicators/{HEADLINE}?lang=en"))
    assert {(line.origin, line.frequency) for line in lines} == {
        ("published", "year"), ("published", "half"), ("published", "quarter"),
        ("published", "month"), ("simulated", "month")}
    assert len(lines) == 5  # never two lines of one origin and frequency
    for line in lines:
        assert {Period.parse(p).frequency for p in line.periods} == {line.frequency}
        drawn = [seeded.figures[i] for i in line.obs_ids]
        assert {origin for origin, _ in drawn} == {line.origin}
        assert [period for _, period in drawn] == line.periods


def test_lines_are_in_time_order_not_text_order(seeded: Seeded) -> None:
    lines = _lines(_get(seeded, f"/indicators/{HEADLINE}?lang=en"))
    for line in lines:
        assert line.periods == [p.text for p in sorted(Period.parse(t) for t in line.periods)]
    simulated = next(line for line in lines if line.origin == "simulated")
    assert simulated.periods == [f"2023-{m:02d}" for m in range(2, 13)]
    published = next(line for line in lines if line.frequency == "month")
    assert published.periods == ["2023-01/2023-02", "2023-01/2023-11", "2024-01/2024-02"]


def test_no_january_point_where_january_and_february_are_combined(seeded: Seeded) -> None:
    assert Catalogue.load().indicator(HEADLINE).january_combined
    html = _get(seeded, f"/indicators/{HEADLINE}?lang=en")
    drawn = [p for line in _lines(html) for p in line.periods]
    assert "2023-01" not in drawn
    table = html[html.index('id="series-table"'):]
    assert "January 2023" not in table and "Jan–Feb 2023" in table
    # an indicator released for January on its own keeps its January point
    pmi = _lines(_get(seeded, "/indicators/pmi_manufacturing?lang=en"))
    assert pmi[0].periods == ["2023-01", "2023-02", "2023-03"]


def test_the_january_february_note_shows_only_where_it_applies(seeded: Seeded) -> None:
    note = "January and February are reported together"
    assert note in _get(seeded, f"/indicators/{HEADLINE}?lang=en")
    assert note not in _get(seeded, "/indicators/pmi_manufacturing?lang=en")
    assert "1-2月数据合并发布" in _get(seeded, f"/indicators/{HEADLINE}?lang=zh")
    assert "1-2月数据合并发布" not in _get(seeded, "/indicators/pmi_manufacturing?lang=zh")


def test_lines_are_labelled_by_origin_and_simulated_lines_say_so(seeded: Seeded) -> None:
    html = _get(seeded, f"/indicators/{HEADLINE}?lang=en")
    legend = re.findall(r'<text class="legend-label"[^>]*>([^<]*)</text>', html)
    assert "Published · annual" in legend and "Simulated data · monthly" in legend
    assert re.search(r'class="line simulated ink-[0-9a-f]{6}"', html)
    zh = _get(seeded, f"/indicators/{HEADLINE}?lang=zh")
    assert "模拟数据 · 月度" in re.findall(r'<text class="legend-label"[^>]*>([^<]*)<', zh)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_value_axis_ticks_are_distinct(seeded: Seeded, lang: str) -> None:
    for indicator in (HEADLINE, "profit_ytd", "pmi_manufacturing"):
        ticks = _y_ticks(_get(seeded, f"/indicators/{indicator}?lang={lang}"))
        assert len(ticks) >= 3 and len(set(ticks)) == len(ticks), (indicator, ticks)
        assert not any(re.fullmatch(r"[-−]0(\.0*)?", t) for t in ticks), ticks
        assert "-" not in "".join(ticks)  # negative ticks take the minus sign
    profit = _get(seeded, f"/indicators/profit_ytd?lang={lang}")
    caption = re.search(r'<text class="axis-unit"[^>]*>([^<]*)<', profit)
    assert caption is not None and caption.group(1) == (
        "trillion yuan" if lang == "en" else "万亿元")


def test_series_table_lists_each_line_newest_first(seeded: Seeded) -> None:
    html = _get(seeded, f"/indicators/{HEADLINE}?lang=en")
    table = html[html.index('id="series-table"'):html.index("</table>", html.index(
        'id="series-table"'))]
    rows = re.findall(r'<tr data-origin="([^"]+)" data-frequency="([^"]+)"><td>[^<]*</td>'
                      r'<td data-sort="([\d.]+)">', table)
    by_line: dict[tuple[str, str], list[float]] = {}
    for origin, frequency, order in rows:
        by_line.setdefault((origin, frequency), []).append(float(order))
    assert len(by_line) == 5
    for orders in by_line.values():
        assert orders == sorted(orders, reverse=True)


def test_breakdowns_are_charted_per_origin(seeded: Seeded) -> None:
    html = _get(seeded, f"/indicators/{HEADLINE}?lang=en")
    parts = re.findall(r'<section data-dimension="(\w+)" data-origin="(\w+)">\s*<h2>([^<]*)</h2>',
                       html)
    assert ("industry", "simulated") in {(d, o) for d, o, _ in parts}
    province = [(o, h) for d, o, h in parts if d == "province"]
    # the latest period by time: the simulated December, not the published annual figure
    assert province == [("simulated", "By province · December 2023 · Simulated data")]


def test_province_page_orders_periods_in_time_and_keeps_origins_apart(seeded: Seeded) -> None:
    html = _get(seeded, f"/provinces?indicator={HEADLINE}&lang=en")
    select = html[html.index('name="period"'):]
    periods = re.findall(r'<option value="([^"]+)"', select[:select.index("</select>")])
    assert periods == ["2023-12", "2023", "2023-01/2023-11", "2023-Q1"]
    assert periods == [p.text for p in sorted((Period.parse(t) for t in periods),
                                              reverse=True)]
    # 2023-12 has simulated figures only; 2023 published only: one origin per map
    assert "Simulated data" in html
    published = _get(seeded, f"/provinces?indicator={HEADLINE}&period=2023&lang=en")
    assert "5.1%" in published and 'class="badge sim' not in published.split("<main>")[-1]


def test_province_page_refuses_an_origin_it_does_not_have(seeded: Seeded) -> None:
    response = httpx.get(seeded.site.url + f"/provinces?indicator={HEADLINE}&period=2023"
                         "&origin=simulated", timeout=30)
    assert response.status_code == 404
    assert "published" in response.text


def test_industry_page_periods_in_time_order(seeded: Seeded) -> None:
    html = _get(seeded, "/industries?lang=en")
    select = html[html.index('name="period"'):]
    periods = re.findall(r'<option value="([^"]+)"', select[:select.index("</select>")])
    assert periods == ["2023-12"]
    assert "Manufacture of automobiles" in html


def test_whole_country_series_is_what_the_store_gives(seeded: Seeded) -> None:
    """The page draws ``store.series`` (one cell, January dropped), nothing else."""
    expected = seeded.series
    assert expected[(Origin.SIMULATED.value, "month")][0] == "2023-02"
    lines = _lines(_get(seeded, f"/indicators/{HEADLINE}?lang=en"))
    assert {(line.origin, line.frequency): line.periods for line in lines} == expected


def test_a_conflicting_figure_is_one_point_and_shows_every_stated_value(seeded: Seeded) -> None:
    html = _get(seeded, f"/indicators/{HEADLINE}?lang=en")
    annual = next(line for line in _lines(html) if line.frequency == "year")
    assert annual.periods == ["2022", "2023"]  # one point per period
    table = html[html.index('id="series-table"'):]
    row = next(r for r in table.split("<tr ")[1:] if ">2023</td>" in r)
    assert "4.6%" in row and "4.4%" in row and "conflicting sources" in row


def test_figures_ending_in_the_same_month_are_never_one_line(tmp_path: Path) -> None:
    """A single month beside a year to date, or spans of two lengths, ending in the same
    month: each kind (and length) is its own line, so no line has two points at one time."""
    db = tmp_path / "kinds.duckdb"
    with Store.open(db) as store:
        store.record([NewObservation(HEADLINE, "2023-01/2023-03", 3.0, "percent"),
                      NewObservation(HEADLINE, "2023-03", 3.1, "percent"),
                      NewObservation(HEADLINE, "2023-01/2023-06", 3.5, "percent"),
                      NewObservation(HEADLINE, "2023-04/2023-06", 3.3, "percent"),
                      NewObservation(HEADLINE, "2023-05/2023-06", 3.4, "percent")], RELEASE)
    url, running = start(db, WebConfig(public=True))
    try:
        html = httpx.get(f"{url}/indicators/{HEADLINE}?lang=en", timeout=30).text
    finally:
        stop(running)
    lines = [(line.frequency, line.periods) for line in _lines(html)]
    assert lines == [("month", ["2023-01/2023-03", "2023-01/2023-06"]), ("month", ["2023-03"]),
                     ("span", ["2023-04/2023-06"]), ("span", ["2023-05/2023-06"])]
    assert "Published · monthly, year to date" in html and "3 months" in html
