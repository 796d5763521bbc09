"""Counts that briefings quote: industries growing, provinces ahead, streaks."""

from __future__ import annotations

from tests.compute.builders import Report, add_reports, computed, figures, sample_sizes

from indmon.store import Store


def _year_pair(enterprise: str, industry: str, province: str, last: float, this: float,
               months: range = range(1, 4)) -> list[Report]:
    return [Report(enterprise, f"{year}-{m:02d}", value, industry=industry, province=province)
            for year, value in ((2022, last), (2023, this)) for m in months]


def test_industries_growing_and_provinces_ahead(store: Store) -> None:
    add_reports(store, [
        *_year_pair("A", "13", "110000", 100, 120),   # Beijing food: +20%
        *_year_pair("B", "36", "110000", 100, 90),    # Beijing cars: -10%
        *_year_pair("C", "36", "320000", 100, 105),   # Jiangsu cars: +5%
    ])
    frame = computed(store, start="2023-03", end="2023-03")
    # nationally food grows, cars shrink: (90 + 105) / 200 is -2.5%
    assert figures(frame, "industries_growing_ytd") == {"2023-03": 1}
    assert sample_sizes(frame, "industries_growing_ytd") == {"2023-03": 2}
    assert figures(frame, "industries_growing_ytd", province="110000") == {"2023-03": 1}
    assert figures(frame, "industries_growing_ytd", province="320000") == {"2023-03": 1}
    # the country (120 + 90 + 105) / 300 and Beijing (120 + 90) / 200 both grow 5%, as
    # does Jiangsu: equal is not faster
    assert figures(frame, "provinces_faster_ytd") == {"2023-03": 0}
    # cars: country -2.5%, Jiangsu +5% is faster, Beijing -10% is not
    assert figures(frame, "provinces_faster_ytd", industry="36") == {"2023-03": 1}
    assert sample_sizes(frame, "provinces_faster_ytd", industry="36") == {"2023-03": 2}


def _streak_panel() -> list[Report]:
    """One enterprise in Beijing whose monthly growth goes + (Dec), + (Jan-Feb), +, -, 0;
    one in Jiangsu that misses March 2023."""
    beijing = [Report("A", "2021-12", 100)]
    beijing += [Report("A", f"2022-{m:02d}", 100) for m in range(1, 13) if m != 12]
    beijing += [Report("A", "2022-12", 110)]
    beijing += [Report("A", f"2023-{m:02d}", v)
                for m, v in ((1, 120), (2, 120), (3, 120), (4, 90), (5, 100))]
    jiangsu = [Report("J", f"2022-{m:02d}", 100, province="320000") for m in range(1, 6)]
    jiangsu += [Report("J", f"2023-{m:02d}", 110, province="320000") for m in (1, 2, 4)]
    return beijing + jiangsu


def test_streaks_skip_january_and_break_on_gaps(store: Store, engine: str) -> None:
    add_reports(store, _streak_panel())
    frame = computed(store, engine, start="2022-01", end="2023-05")
    assert figures(frame, "va_yoy_streak", province="110000") == {
        "2022-12": 1, "2023-02": 2, "2023-03": 3, "2023-04": -1, "2023-05": 0,
    }
    # no March figure in Jiangsu: April starts a new run
    assert figures(frame, "va_yoy_streak", province="320000") == {"2023-02": 1, "2023-04": 1}
