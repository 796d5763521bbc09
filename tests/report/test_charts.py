"""The briefing's charts: lines built from the store's series never join points of two
frequencies or origins, run in time order, leave out January where January and February
are combined, say which lines are simulated, and label their value axis distinctly."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.errors import ReportError
from indmon.report import charts
from indmon.report.briefing import build_briefing
from indmon.report.model import Chart
from indmon.store import NewObservation, Origin, Source, Store

from .conftest import add_computed, add_published

RELEASE = Source("charts-release", kind="release", publisher="A statistics office",
                 title="Industry, monthly", published="2024-01-17", lang="en")
PANEL = Source("charts-panel", kind="computation", publisher="indmon", title="Computed",
               published="2024-02-01", simulated=True)


@pytest.fixture
def mixed(tmp_path: Path) -> Iterator[Store]:
    """Published annual and year-to-date figures next to simulated months from January,
    recorded out of time order, with values between 5 and 6."""
    with Store.open(tmp_path / "charts.duckdb") as store:
        store.record([NewObservation("va_ytd_yoy", "2023", 5.3, "percent"),
                      NewObservation("va_ytd_yoy", "2023-01/2023-11", 5.25, "percent"),
                      NewObservation("va_ytd_yoy", "2022", 5.1, "percent"),
                      NewObservation("va_ytd_yoy", "2023-01/2023-02", 5.05, "percent"),
                      NewObservation("va_ytd_yoy", "2023-01/2023-05", 5.5, "percent")],
                     RELEASE)
        store.record([NewObservation("va_ytd_yoy", f"2023-{m:02d}", 5.0 + m / 12, "percent")
                      for m in (12, 3, 1, 7, 2, 5, 11, 4, 6, 8, 10, 9)], PANEL)
        store.record([NewObservation("pmi_manufacturing", f"2023-{m:02d}", 49.5 + m / 4,
                                     "index") for m in (3, 1, 2)], RELEASE)
        yield store


def _monthly_chart(store: Store, indicator: str = "va_ytd_yoy", lang: str = "en") -> Chart:
    lines = [(("Year to date" if lang == "en" else "累计"), s)
             for s in store.series(indicator) if s.frequency == "month"]
    chart = charts.series_chart("monthly", "Value added", lines, unit="percent", lang=lang,
                                source_line="Sources")
    assert chart is not None
    return chart


def test_each_series_is_its_own_labelled_line(mixed: Store) -> None:
    chart = _monthly_chart(mixed)
    assert [label for label, _ in chart.series] == ["Year to date (published)",
                                                   "Year to date (simulated)"]
    assert chart.simulated
    published = dict(chart.series)["Year to date (published)"]
    assert [v for v in published if v is not None] == [5.05, 5.5, 5.25]
    zh = _monthly_chart(mixed, lang="zh")
    assert [label for label, _ in zh.series] == ["累计（公开发布）", "累计（模拟数据）"]


def test_categories_are_in_time_order_without_january(mixed: Store) -> None:
    chart = _monthly_chart(mixed)
    assert chart.categories == ("Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                "Nov", "Dec")
    simulated = dict(chart.series)["Year to date (simulated)"]
    assert simulated == pytest.approx([5.0 + m / 12 for m in range(2, 13)])


def test_january_stays_where_it_is_released_on_its_own(mixed: Store) -> None:
    chart = charts.series_chart("pmi", "PMI", [("", s) for s in mixed.series("pmi_manufacturing")],
                                unit="index", lang="en", source_line="")
    assert chart is not None and chart.categories == ("Jan", "Feb", "Mar")
    assert [label for label, _ in chart.series] == [""]  # published only: no origin words


def test_a_chart_never_mixes_frequencies(mixed: Store) -> None:
    lines = [("", s) for s in mixed.series("va_ytd_yoy", origin=Origin.PUBLISHED)]
    assert {s.frequency for _, s in lines} == {"year", "month"}
    with pytest.raises(ReportError, match="mixes frequencies"):
        charts.series_chart("x", "x", lines, unit="percent", lang="en", source_line="")


def _tick_labels(chart: Chart) -> list[str]:
    labels = charts.tick_labels(chart)
    drawn = re.findall(r">([^<>]+)</text>", charts.svg(chart))
    assert all(label in drawn for label in labels), (labels, drawn)
    return labels


def test_value_axis_ticks_are_distinct(mixed: Store) -> None:
    ticks = _tick_labels(_monthly_chart(mixed))
    assert len(ticks) >= 3 and len(set(ticks)) == len(ticks), ticks
    narrow = Chart("n", "line", "Narrow", ("Feb", "Mar", "Apr"),
                   (("", (5.01, 5.02, 5.03)),), "%", "")
    ticks = _tick_labels(narrow)
    assert len(set(ticks)) == len(ticks), ticks


def test_large_values_take_a_scale_word_on_the_axis(tmp_path: Path) -> None:
    with Store.open(tmp_path / "profit.duckdb") as store:
        store.record([NewObservation("profit_ytd", f"2023-{m:02d}", 6.0e12 + m * 4e10, "cny")
                      for m in range(2, 13)], PANEL)
        lines = [("", s) for s in store.series("profit_ytd")]
    chart = charts.series_chart("p", "Profits", lines, unit="cny", lang="en", source_line="")
    assert chart is not None and chart.unit_label == "trillion yuan"
    ticks = _tick_labels(chart)
    assert len(set(ticks)) == len(ticks) and all(len(t) <= 5 for t in ticks), ticks


def test_no_minus_zero_on_a_chart() -> None:
    bars = Chart("b", "bar", "By province", ("a", "b", "c"), (("", (-0.04, -0.001, 2.0)),),
                 "%", "", reference=(-0.0, "national"))
    text = charts.svg(bars)
    shown = re.findall(r">([^<>]+)</text>", text)
    assert shown and not any(re.fullmatch(r"[-−]0(\.0+)?", t.strip()) for t in shown), shown
    assert not any("-0.0" in t or "−0.0 " in t for t in shown)


def test_the_briefing_charts_follow_the_rules(tmp_path: Path) -> None:
    """The briefing's own line charts: time order, no January where combined, distinct
    ticks (January ytd is computed, yet the chart leaves it out)."""
    with Store.open(tmp_path / "briefing.duckdb") as store:
        add_published(store)
        add_computed(store)
        store.record([NewObservation("va_ytd_yoy", "2023-01", 3.9, "percent")], PANEL)
        briefing = build_briefing(store, "2023", "en")
    lines = [c for s in briefing.sections for c in s.charts if c.kind == "line"]
    assert lines
    for chart in lines:
        assert "Jan" not in chart.categories, chart.categories
        months = list(chart.categories)
        order = ["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        assert months == sorted(months, key=order.index)
        ticks = _tick_labels(chart)
        assert len(set(ticks)) == len(ticks)


def test_a_family_of_indices_shares_one_chart_with_a_wrapping_legend(tmp_path: Path) -> None:
    """The PMI by size of enterprise is one chart of four labelled lines, not four charts."""
    with Store.open(tmp_path / "pmi.duckdb") as store:
        for indicator, base in (("pmi_manufacturing", 49.5), ("pmi_large", 50.5),
                                ("pmi_medium", 48.9), ("pmi_small", 47.8)):
            store.record([NewObservation(indicator, f"2023-{m:02d}", base + m / 10, "index")
                          for m in (3, 6, 9, 12)], RELEASE)
        en = build_briefing(store, "2023", "en")
        zh = build_briefing(store, "2023", "zh")
    (size,) = [c for s in en.sections for c in s.charts if c.chart_id == "pmi-by-size"]
    assert [label for label, _ in size.series] == ["All", "Large", "Medium", "Small"]
    assert not [c for s in en.sections for c in s.charts if c.chart_id.startswith("pmi_")]
    (size_zh,) = [c for s in zh.sections for c in s.charts if c.chart_id == "pmi-by-size"]
    assert [label for label, _ in size_zh.series] == ["全部", "大型企业", "中型企业", "小型企业"]
    drawn = charts.svg(size)
    assert all(f">{label}</text>" in drawn for label in ("All", "Large", "Medium", "Small"))
    assert charts._legend_rows(["a" * 60, "b" * 60, "c"]) == {0: (0, 8.0), 1: (1, 8.0),
                                                               2: (1, 8.0 + 40 + 60 * 5.25)}
