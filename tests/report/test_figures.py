import pandas as pd

from indmon.report.figures import pick_published, previous_of, whole_periods


def frame(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(i + 1, ind, period, "ALL", "ALL", value, "percent", False, False)
         for i, (ind, period, value) in enumerate(rows)],
        columns=["obs_id", "indicator", "period", "industry", "province", "value", "unit",
                 "simulated", "conflict"])


def test_the_whole_year_is_preferred_to_a_span_that_stops_short() -> None:
    picked = pick_published(frame([("a", "2023-01/2023-11", 4.3), ("a", "2023", 4.6)]), "2023")
    assert [(f.period, f.value) for f in picked] == [("2023", 4.6)]


def test_without_the_whole_year_the_latest_cumulative_span_is_taken() -> None:
    rows = [("a", "2023-01/2023-06", 4.0), ("a", "2023-01/2023-11", 4.3), ("a", "2023-Q3", 5.0)]
    picked = pick_published(frame(rows), "2023")
    assert [f.period for f in picked] == ["2023-01/2023-11"]


def test_figures_of_other_years_are_not_picked() -> None:
    assert pick_published(frame([("a", "2022", 3.6)]), "2023") == []


def test_a_month_takes_the_month_or_the_span_ending_in_it() -> None:
    rows = [("a", "2023-01/2023-06", 4.0), ("b", "2023-06", 4.4), ("c", "2023-05", 1.0)]
    picked = pick_published(frame(rows), "2023-06")
    assert sorted(f.indicator for f in picked) == ["a", "b"]
    assert "2023-01/2023-06" in whole_periods("2023-06")


def test_previous_of_finds_the_same_kind_of_period_a_year_earlier() -> None:
    data = frame([("a", "2023-01/2023-11", 4.3), ("a", "2022-01/2022-11", 3.8),
                  ("a", "2022", 3.6)])
    current = pick_published(data, "2023")[0]
    previous = previous_of(data, current)
    assert previous is not None and previous.period == "2022-01/2022-11"
