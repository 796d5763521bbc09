"""Running a computation: what is stored, with which provenance, and the export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from tests.compute.builders import Report, add_reports

from indmon.compute import export_indicators, run_compute
from indmon.errors import ComputeError, ConfigError
from indmon.store import NewObservation, Origin, Source, Store


def _two_years(simulated: bool = False) -> list[Report]:
    return [Report(e, f"{y}-{m:02d}", base * (1.1 if y == 2023 else 1.0), simulated=simulated)
            for e, base in (("A", 100.0), ("B", 50.0)) for y in (2022, 2023) for m in (1, 2, 3)]


def test_figures_are_stored_with_their_computation(store: Store) -> None:
    add_reports(store, _two_years(simulated=True))
    summary = run_compute(store, start="2023-01", end="2023-03")
    assert summary.months == ("2023-01", "2023-02", "2023-03")
    assert summary.recorded.added == summary.rows > 0
    assert store.value("va_ytd_yoy", "2023-03") == pytest.approx(10.0)
    source = store.source(summary.source_id)
    assert source.kind == "computation" and source.simulated is True
    assert source.origin is Origin.SIMULATED
    details = source.details
    assert details["engine"] == "duckdb" and details["from"] == "2023-01"
    assert details["input_vintage"] == store.query("SELECT max(seq) m FROM reports").m[0]
    stored = store.observations("va_ytd_yoy", period="2023-03")
    assert (stored.origin == "simulated").all() and stored.sources[0] == summary.source_id


def test_a_rerun_merges_and_a_revision_revises(store: Store) -> None:
    add_reports(store, _two_years())
    run_compute(store, start="2023-03", end="2023-03")
    again = run_compute(store, start="2023-03", end="2023-03")
    assert again.recorded.added == again.recorded.revised == 0
    add_reports(store, [Report("A", "2023-03", 121.0)], batch="revision")
    revised = run_compute(store, start="2023-03", end="2023-03")
    assert revised.recorded.revised > 0
    assert store.value("va_yoy", "2023-03") == pytest.approx(100 * (176 / 150 - 1))  # 121 + 55


def test_default_months_are_those_with_reports(store: Store) -> None:
    add_reports(store, _two_years())
    summary = run_compute(store)
    assert (summary.start, summary.end) == ("2022-01", "2023-03")


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_export_follows_the_results_format(store: Store, tmp_path: Path, suffix: str) -> None:
    add_reports(store, _two_years())
    summary = run_compute(store, start="2023-01", end="2023-03")
    out = tmp_path / f"indicators{suffix}"
    assert export_indicators(store, out, clearance=None) == summary.rows
    frame = pd.read_csv(out, dtype={"industry": str, "province": str}) if suffix == ".csv" \
        else pd.read_parquet(out)
    assert list(frame.columns) == ["indicator", "period", "industry", "province", "value",
                                   "unit", "n", "origin", "simulated", "suppressed"]
    row = frame[(frame.indicator == "va_ytd_yoy") & (frame.period == "2023-02")
                & (frame.industry == "ALL") & (frame.province == "ALL")]
    assert row.value.tolist() == pytest.approx([10.0]) and row.n.tolist() == [2]
    assert set(frame.unit) <= {"percent", "percentage_point", "cny", "count", "month"}
    assert set(frame.origin) == {"computed"}


def test_export_leaves_out_published_figures_and_says_simulated(
    store: Store, tmp_path: Path
) -> None:
    add_reports(store, _two_years(simulated=True))
    run_compute(store, start="2023-01", end="2023-03")
    release = Source("release-2023", publisher="NBS", title="A release", published="2023-04-17")
    store.record([NewObservation("va_ytd_yoy", "2023-03", 3.0, "percent"),
                  NewObservation("va_ytd_yoy", "2023-Q1", 3.0, "percent")], release)
    out = tmp_path / "indicators.csv"
    export_indicators(store, out, clearance=None)
    frame = pd.read_csv(out, dtype={"industry": str, "province": str})
    march = frame[(frame.indicator == "va_ytd_yoy") & (frame.period == "2023-03")
                  & (frame.industry == "ALL") & (frame.province == "ALL")]
    assert march.value.tolist() == pytest.approx([10.0])
    assert set(frame.origin) == {"simulated"} and "2023-Q1" not in set(frame.period)


def test_an_export_for_publication_leaves_suppressed_cells_empty_and_says_why(
    store: Store, tmp_path: Path
) -> None:
    add_reports(store, _two_years())  # two enterprises: every cell is confidential
    run_compute(store, start="2023-01", end="2023-03")
    out = tmp_path / "indicators.csv"
    export_indicators(store, out)
    frame = pd.read_csv(out, dtype={"industry": str, "province": str})
    assert len(frame) > 0 and frame["value"].isna().all() and frame["n"].isna().all()
    assert set(frame["suppressed"]) == {"fewer than 3 enterprises"}


def test_bad_requests_say_what_to_do(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ComputeError, match="no enterprise reports"):
        run_compute(store)
    add_reports(store, _two_years())
    with pytest.raises(ConfigError, match="YYYY-MM"):
        run_compute(store, start="2023-1")
    with pytest.raises(ConfigError, match="after"):
        run_compute(store, start="2023-03", end="2023-01")
    with pytest.raises(ComputeError, match="engine 'polars'"):
        run_compute(store, engine="polars")
    with pytest.raises(ConfigError, match=r"\.csv or \.parquet"):
        export_indicators(store, tmp_path / "out.xlsx")


def test_a_non_finite_figure_is_refused_not_silently_dropped(store: Store) -> None:
    # stored straight through the raw tables, as reports taken in before intake checked
    # plausible bounds were: 1.7e308 sums to infinity
    add_reports(store, _two_years())
    first = run_compute(store, start="2023-03", end="2023-03")
    before = store.observations(origin=[Origin.COMPUTED])
    huge = 1.7e308
    add_reports(store, [Report("A", "2023-03", huge, output=huge, revenue=huge),
                        Report("B", "2023-03", huge, output=huge, revenue=huge)],
                batch="overflow")

    with pytest.raises(ComputeError) as raised:
        run_compute(store, start="2023-03", end="2023-03")

    message = str(raised.value)
    assert "non-finite" in message and "nothing was recorded" in message
    assert "_yoy 2023-03 industry 13 province 110000 = " in message
    after = store.observations(origin=[Origin.COMPUTED])
    assert first.recorded.added > 0 and len(after) == len(before)
