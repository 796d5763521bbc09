"""Growth rates over comparable samples, pinned by cases small enough to check by hand."""

from __future__ import annotations

import pytest
from tests.compute.builders import Report, add_prices, add_reports, computed, figures, sample_sizes

from indmon.store import Store


def _panel() -> list[Report]:
    """E1 reports every month; E2 enters in 2023, E3 leaves after 2022; E4 misses months."""
    rows = [Report("E1", f"2022-0{m}", 100.0) for m in (1, 2, 3)]
    rows += [Report("E1", f"2023-0{m}", 110.0) for m in (1, 2, 3)]
    rows += [Report("E2", f"2023-0{m}", 50.0) for m in (1, 2, 3)]
    rows += [Report("E3", f"2022-0{m}", 70.0) for m in (1, 2, 3)]
    rows += [Report("E4", "2022-03", 40.0), Report("E4", "2023-02", 60.0),
             Report("E4", "2023-03", 60.0)]
    return rows


def test_comparable_samples_january_and_february(store: Store, engine: str) -> None:
    add_reports(store, _panel())
    frame = computed(store, engine, start="2023-01", end="2023-03")
    # Jan: only E1 reported in both Januaries. Feb: E4 has no Jan-Feb 2022 report.
    # Mar: E1 and E4, (330 + 120) / (300 + 40).
    assert figures(frame, "va_ytd_yoy") == pytest.approx(
        {"2023-01": 10.0, "2023-02": 10.0, "2023-03": 100 * (450 / 340 - 1)}
    )
    assert sample_sizes(frame, "va_ytd_yoy") == {"2023-01": 1, "2023-02": 1, "2023-03": 2}
    # no January row; February is the Jan-Feb combined figure; March (110+60)/(100+40)
    assert figures(frame, "va_yoy") == pytest.approx(
        {"2023-02": 10.0, "2023-03": 100 * (170 / 140 - 1)}
    )
    assert figures(frame, "enterprises") == {"2023-01": 2, "2023-02": 3, "2023-03": 3}


def test_february_equals_the_january_february_figure_in_every_cell(store: Store) -> None:
    rows = _panel() + [Report("E5", p, v, industry="36", province="320000")
                       for p, v in (("2022-01", 10), ("2022-02", 30), ("2023-01", 25),
                                    ("2023-02", 20))]
    add_reports(store, rows)
    frame = computed(store, start="2023-02", end="2023-02")
    monthly = frame[frame.indicator == "va_yoy"].set_index(["industry", "province"]).value
    ytd = frame[frame.indicator == "va_ytd_yoy"].set_index(["industry", "province"]).value
    assert monthly.sort_index().tolist() == pytest.approx(ytd.sort_index().tolist())
    assert len(monthly) == len(ytd) > 5


def test_only_the_current_vintage_counts(store: Store) -> None:
    add_reports(store, _panel())
    add_reports(store, [Report("E1", "2023-03", 130.0)], batch="revision")
    frame = computed(store, start="2023-03", end="2023-03")
    assert figures(frame, "va_yoy") == pytest.approx({"2023-03": 100 * (190 / 140 - 1)})
    assert figures(frame, "enterprises") == {"2023-03": 3}


def test_deflation_only_where_prices_are_loaded(store: Store) -> None:
    add_reports(store, _panel())
    add_prices(store, {("13", "2023-01"): 110.0, ("13", "2023-02"): 110.0})
    frame = computed(store, start="2023-01", end="2023-03")
    # E1's 110 at prices 10% higher is 100 in last year's prices: no real growth
    assert figures(frame, "va_real_ytd_yoy") == pytest.approx({"2023-01": 0.0, "2023-02": 0.0})
    assert figures(frame, "va_real_yoy") == pytest.approx({"2023-02": 0.0})


def test_output_and_revenue_follow_value_added(store: Store) -> None:
    add_reports(store, _panel())
    frame = computed(store, start="2023-03", end="2023-03")
    # output is 3x and revenue 4x value added in these reports: same growth
    expected = {"2023-03": 100 * (450 / 340 - 1)}
    assert figures(frame, "output_ytd_yoy") == pytest.approx(expected)
    assert figures(frame, "revenue_ytd_yoy") == pytest.approx(expected)


def test_profit_growth_needs_a_positive_base(store: Store) -> None:
    add_reports(store, [
        Report("E1", "2022-01", 100, profit=10), Report("E1", "2022-02", 100, profit=-30),
        Report("E1", "2023-01", 100, profit=5), Report("E1", "2023-02", 100, profit=5),
        Report("E2", "2023-01", 100, profit=-5), Report("E2", "2023-02", 100, profit=3),
        Report("E2", "2023-03", 100, profit=12),
    ])
    frame = computed(store, start="2023-01", end="2023-03")
    # Jan: 5 against 10. Feb: last year's Jan-Feb profit is -20, so no figure.
    assert figures(frame, "profit_ytd_yoy") == pytest.approx({"2023-01": -50.0})
    # profit_ytd counts every enterprise reporting this year, in or out of the sample
    assert figures(frame, "profit_ytd") == pytest.approx(
        {"2023-01": 0.0, "2023-02": 8.0, "2023-03": 20.0}
    )
    # E2 is loss-making year to date in Jan (-5) and Feb (-2), not in Mar (+10)
    assert figures(frame, "loss_making_ytd") == {"2023-01": 1, "2023-02": 1, "2023-03": 0}
    assert figures(frame, "loss_ytd") == pytest.approx(
        {"2023-01": 5.0, "2023-02": 2.0, "2023-03": 0.0}
    )


def test_a_month_without_a_report_keeps_the_year_to_date(store: Store) -> None:
    add_reports(store, [
        Report("E1", "2022-01", 100, profit=-10), Report("E1", "2022-03", 100),
        Report("E1", "2023-01", 120, profit=-10), Report("E1", "2023-03", 120),
    ])
    frame = computed(store, start="2023-01", end="2023-03")
    assert figures(frame, "va_ytd_yoy") == pytest.approx(
        {"2023-01": 20.0, "2023-02": 20.0, "2023-03": 20.0}
    )
    assert figures(frame, "enterprises") == {"2023-01": 1, "2023-03": 1}
    assert figures(frame, "loss_making_ytd") == {"2023-01": 1, "2023-02": 1, "2023-03": 0}
