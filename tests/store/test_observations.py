"""Round trips, merging, conflicts, revisions and as-of queries on a real DuckDB file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indmon.errors import ConfigError, NotFound
from indmon.store import NewObservation, Source, Store


def release(source_id: str, published: str, **kw: object) -> Source:
    return Source(source_id, kind="release", publisher="Test Ministry",
                  title=f"Test release {source_id}", published=published, **kw)  # type: ignore[arg-type]


def growth(value: float, period: str = "2023", **kw: object) -> NewObservation:
    return NewObservation("va_ytd_yoy", period, value, "percent", **kw)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "store.duckdb") as s:
        yield s


def test_a_recorded_figure_reads_back_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store.open(path) as store:
        store.record([growth(4.6, span=(10, 14), mention="4.6%")], release("a", "2024-01-19"))
    with Store.open(path, read_only=True) as store:
        frame = store.observations("va_ytd_yoy")
    assert frame[["period", "industry", "province", "value", "unit"]].values.tolist() == [
        ["2023", "ALL", "ALL", 4.6, "percent"]
    ]
    assert frame["sources"].tolist() == ["a"]


def test_the_same_figure_from_two_releases_is_one_observation_with_two_sources(
    store: Store,
) -> None:
    first = store.record([growth(4.6)], release("a", "2024-01-19"))
    second = store.record([growth(4.6)], release("b", "2024-02-01"))
    assert (first.added, second.merged) == (1, 1)
    frame = store.observations("va_ytd_yoy")
    assert len(frame) == 1
    assert frame["sources"].iloc[0] == "a;b"
    assert not frame["conflict"].iloc[0]


def test_a_disagreement_between_publishers_keeps_both_values_and_their_notes(
    store: Store,
) -> None:
    store.record([growth(4.6)], release("a", "2024-01-19"))
    other = Source("b", publisher="Another Bureau", title="Other", published="2024-01-20")
    result = store.record([growth(4.5, note="a different sample")], other)
    assert result.conflicts == 1
    frame = store.observations("va_ytd_yoy")
    assert sorted(frame["value"]) == [4.5, 4.6]
    assert frame["conflict"].all()
    conflicts = store.conflicts()
    assert set(conflicts["source_id"]) == {"a", "b"}
    assert conflicts.set_index("source_id").loc["b", "note"] == "a different sample"


def test_a_later_release_of_the_same_publisher_is_a_revision_not_a_conflict(
    store: Store,
) -> None:
    store.record([growth(4.6)], release("preliminary", "2024-01-19"))
    result = store.record([growth(4.5)], release("final", "2024-05-20"))
    assert (result.revised, result.conflicts) == (1, 0)
    assert store.conflicts().empty
    assert store.value("va_ytd_yoy", "2023") == 4.5
    assert store.value("va_ytd_yoy", "2023", as_of="2024-02-01") == 4.6
    record = store.provenance(int(store.observations("va_ytd_yoy")["obs_id"].iloc[0]))
    assert [v.value for v in record.vintages] == [4.6, 4.5]


def test_two_passages_of_one_release_that_differ_are_a_conflict(store: Store) -> None:
    store.record([growth(4.6)], release("a", "2024-01-19"))
    assert store.record([growth(4.5)], release("a2", "2024-01-19")).conflicts == 1


def test_published_computed_and_simulated_figures_of_a_cell_never_merge(store: Store) -> None:
    store.record([growth(4.6)], release("a", "2024-01-19"))
    computed = Source("compute:real", kind="computation", published="2024-02-01T00:00:00")
    simulated = Source("compute:sim", kind="computation", simulated=True,
                       published="2024-02-01T00:00:00")
    store.record([growth(4.6)], computed)
    store.record([growth(9.9)], simulated)
    figures = store.figures("va_ytd_yoy")
    assert sorted((f.origin.value, f.value) for f in figures) == [
        ("computed", 4.6), ("published", 4.6), ("simulated", 9.9)]
    assert not any(f.conflict for f in figures)
    assert [f.value for f in store.figures("va_ytd_yoy", origin="published")] == [4.6]
    assert store.value("va_ytd_yoy", "2023") == 4.6  # published stands first


def test_series_are_one_origin_and_frequency_each_in_time_order(store: Store) -> None:
    store.record([growth(5.0, period="2023-03"), growth(4.0, period="2022-12"),
                  growth(3.0, period="2023-01/2023-02"), growth(6.0, period="2023"),
                  growth(2.0, period="2023-01")], release("a", "2024-01-19"))
    sim = Source("compute:sim", kind="computation", simulated=True,
                 published="2024-02-01T00:00:00")
    store.record([growth(1.0, period="2023-04")], sim)
    lines = store.series("va_ytd_yoy", january_combined=True)
    shapes = [(s.origin.value, s.frequency, s.periods) for s in lines]
    assert shapes == [
        ("published", "month", ["2022-12", "2023-01/2023-02", "2023-03"]),
        ("published", "year", ["2023"]),
        ("simulated", "month", ["2023-04"]),
    ]


def test_a_revision_adds_a_vintage_and_keeps_the_old_one(store: Store) -> None:
    store.record([growth(4.6)], release("a", "2024-01-19"))
    result = store.record([growth(4.7)], release("rev", "2024-06-30", revises=True))
    assert result.revised == 1
    assert store.value("va_ytd_yoy", "2023") == 4.7
    history = store.observations("va_ytd_yoy", history=True)
    assert history["value"].tolist() == [4.6, 4.7]


def test_as_of_queries_see_the_store_as_it_stood(store: Store) -> None:
    store.record([growth(4.6)], release("a", "2024-01-19"))
    store.record([growth(4.7)], release("rev", "2024-06-30", revises=True))
    assert store.value("va_ytd_yoy", "2023", as_of="2024-01-18") is None
    assert store.value("va_ytd_yoy", "2023", as_of="2024-01-19") == 4.6
    assert store.value("va_ytd_yoy", "2023", as_of=dt.date(2024, 7, 1)) == 4.7
    assert store.observations("va_ytd_yoy", as_of="2024-03-01")["value"].tolist() == [4.6]


def test_recording_is_all_or_nothing(store: Store) -> None:
    bad = NewObservation("va_ytd_yoy", "2023", None, "percent")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.record([growth(1.0, period="2021"), bad], release("a", "2024-01-19"))
    assert store.counts() == {"sources": 0, "observations": 0, "provenance": 0}


def test_bulk_computed_figures_revise_only_what_changed(store: Store) -> None:
    import pandas as pd

    frame = pd.DataFrame({
        "indicator": ["va_yoy", "va_yoy"], "period": ["2023-02", "2023-03"],
        "industry": ["ALL", "ALL"], "province": ["ALL", "ALL"], "value": [2.4, 3.9],
        "unit": ["percent", "percent"], "n": [10, 10],
    })
    run1 = Source("compute:1", kind="computation", published="2024-01-01T00:00:00")
    assert store.record_frame(frame, run1).added == 2
    changed = frame.assign(value=[2.4, 4.0])
    run2 = Source("compute:2", kind="computation", published="2024-02-01T00:00:00")
    result = store.record_frame(changed, run2)
    assert (result.added, result.revised, result.merged) == (0, 1, 1)
    assert store.value("va_yoy", "2023-03") == 4.0
    assert store.value("va_yoy", "2023-03", as_of="2024-01-15") == 3.9


def test_provenance_lists_sources_spans_and_vintages(store: Store) -> None:
    store.record([growth(4.6, span=(5, 9), mention="4.6%")], release("a", "2024-01-19"))
    obs_id = int(store.observations("va_ytd_yoy")["obs_id"].iloc[0])
    record = store.provenance(obs_id)
    assert record.sources[0].source.title == "Test release a"
    assert (record.sources[0].span, record.sources[0].mention) == ((5, 9), "4.6%")
    assert [v.value for v in record.vintages] == [4.6]
    assert record.as_dict()["sources"][0]["span_start"] == 5
    with pytest.raises(NotFound, match="no observation 999"):
        store.provenance(999)


def test_results_come_as_pandas_polars_or_arrow(store: Store) -> None:
    store.record([growth(4.6)], release("a", "2024-01-19"))
    assert store.observations(format="polars")["value"].to_list() == [4.6]
    assert store.observations(format="arrow").column("value").to_pylist() == [4.6]
    with pytest.raises(ConfigError, match="not one of pandas"):
        store.observations(format="excel")  # type: ignore[arg-type]


def test_period_bounds_include_spans_ending_inside(store: Store) -> None:
    store.record(
        [growth(3.0, period="2023-Q1"), growth(4.0, period="2023-01/2023-11"),
         growth(3.6, period="2022")],
        release("a", "2024-01-19"),
    )
    inside = store.observations(start="2023-01", end="2023-12")["period"].tolist()
    assert sorted(inside) == ["2023-01/2023-11", "2023-Q1"]
    assert store.observations(start="2022-12", end="2022-12")["period"].tolist() == ["2022"]


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
       st.sampled_from(["2023", "2023-Q2", "2023-07", "2023-12-31"]))
def test_any_value_reads_back_unchanged(value: float, period: str) -> None:
    with Store.open(":memory:") as store:
        store.record([NewObservation("x", period, value, "cny")], release("a", "2024-01-19"))
        assert store.value("x", period) == value


def test_a_read_of_a_store_that_does_not_exist_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.duckdb"
    with pytest.raises(NotFound, match=r"no store at .*nowhere\.duckdb"):
        Store.open(missing, read_only=True, must_exist=True)
    assert not missing.exists()


def test_readers_open_a_store_beside_each_other(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store.open(path) as store:
        store.record([growth(4.6)], release("a", "2024-01-19"))
    with Store.open(path, read_only=True) as one, Store.open(path, read_only=True) as two:
        assert one.value("va_ytd_yoy", "2023") == two.value("va_ytd_yoy", "2023") == 4.6


def test_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    from indmon.store.migrations import MIGRATIONS, applied

    path = tmp_path / "store.duckdb"
    with Store.open(path) as store:
        assert store.schema_version == MIGRATIONS[-1].id
    with Store.open(path) as store:
        rows = store.execute("SELECT migration FROM migrations ORDER BY migration")
        assert [r[0] for r in rows] == [m.id for m in MIGRATIONS]
        assert applied(store._con) == {m.id for m in MIGRATIONS}


def test_observations_without_sources_are_the_same_rows_without_that_column(
    store: Store,
) -> None:
    store.record([growth(4.6), growth(5.1, period="2022")], release("a", "2024-01-19"))
    store.record([growth(4.6)], release("b", "2024-02-01"))
    full = store.observations("va_ytd_yoy", format="records")
    lean = store.observations("va_ytd_yoy", format="records", sources=False)
    assert [row.pop("sources") for row in full] == ["a", "a;b"]  # 2022, then 2023
    assert lean == full
