"""Recording a batch of figures at once decides each exactly as recording them one by one
would: merges, revisions and conflicts within the batch included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from indmon.store import NewObservation, RecordResult, Source, Store

OFFICE = Source("office-1", kind="release", publisher="Statistics office",
                title="Monthly release", published="2024-02-15")
OFFICE_LATER = Source("office-2", kind="release", publisher="Statistics office",
                      title="Monthly release, revised", published="2024-03-15")
WIRE = Source("wire-1", kind="release", publisher="A news wire", title="Copy",
              published="2024-02-16")


def _figure(value: float, period: str = "2024-01", span: int = 0,
            province: str = "ALL") -> NewObservation:
    return NewObservation("va_yoy", period, value, "percent", province=province,
                          span=(span, span + 3), mention=f"{value}%")


BATCHES = [
    (OFFICE, [_figure(5.0), _figure(5.0, span=40), _figure(6.1, "2024-02"),
              _figure(4.0, province="440000")]),
    # the wire repeats one figure, disagrees on another twice, and states a new one
    (WIRE, [_figure(5.0, span=7), _figure(6.3, "2024-02"), _figure(6.4, "2024-02", 20),
            _figure(6.3, "2024-02", 30), _figure(3.0, "2024-03")]),
    # the office revises its own figures, one of them twice in the same release
    (OFFICE_LATER, [_figure(5.2), _figure(5.3, span=9), _figure(4.0, province="440000"),
                    _figure(6.1, "2024-02", span=11)]),
]

TABLES = {
    "observations": "SELECT obs_id, indicator, period, industry, province, value, origin, "
                    "conflict, supersedes FROM observations ORDER BY obs_id",
    "provenance": "SELECT obs_id, source_id, span_start, span_end, mention FROM provenance "
                  "ORDER BY obs_id, source_id, span_start",
}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_a_batch_is_recorded_as_its_figures_one_by_one(tmp_path: Path, table: str) -> None:
    with Store.open(tmp_path / "batch.duckdb") as batched, \
            Store.open(tmp_path / "single.duckdb") as single:
        batch_results, single_results = [], []
        for source, figures in BATCHES:
            batch_results.append(batched.record(figures, source))
            for figure in figures:
                single_results.append(single.record([figure], source))
        assert batched.query(TABLES[table], format="records") == single.query(
            TABLES[table], format="records")
    totals = [sum(getattr(r, k) for r in single_results) for k in
              ("added", "merged", "revised", "conflicts")]
    assert [sum(getattr(r, k) for r in batch_results) for k in
            ("added", "merged", "revised", "conflicts")] == totals
    assert all(totals), totals  # the batches exercise every kind of outcome


def test_figures_disagreeing_within_one_batch_are_both_kept_as_a_conflict(
        tmp_path: Path) -> None:
    with Store.open(tmp_path / "conflict.duckdb") as store:
        result = store.record([_figure(6.3, "2024-02"), _figure(6.4, "2024-02", 20)], WIRE)
        rows = store.query("SELECT value, conflict FROM observations ORDER BY value",
                           format="records")
    assert (result.added, result.conflicts) == (1, 1)
    assert rows == [{"value": 6.3, "conflict": True}, {"value": 6.4, "conflict": True}]


def test_several_releases_record_as_one_by_one(tmp_path: Path) -> None:
    one_by_one = Store.open(tmp_path / "one.duckdb")
    for source, figures in BATCHES:
        one_by_one.record(figures, source)
    together = Store.open(tmp_path / "together.duckdb")
    together.record_releases([(figures, source) for source, figures in BATCHES])
    for sql in TABLES.values():
        assert together.execute(sql) == one_by_one.execute(sql)


def test_a_failing_release_leaves_none_of_them_recorded(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "store.duckdb")

    def releases() -> Iterator[tuple[list[NewObservation], Source]]:
        yield BATCHES[0][1], BATCHES[0][0]
        raise OSError("the second release could not be read")

    with pytest.raises(OSError, match="second release"):
        store.record_releases(releases())
    assert store.execute("SELECT count(*) FROM observations") == [(0,)]
    assert store.execute("SELECT count(*) FROM sources") == [(0,)]


# -- any releases: recorded together, as one by one ------------------------------------------
_PUBLISHERS = st.sampled_from(["Statistics office", "Statistics office", "A news wire", ""])
_SOURCES = st.builds(
    Source,
    source_id=st.sampled_from(["r1", "r2", "r3", "r4"]),
    kind=st.sampled_from(["release", "release", "release", "computation"]),
    publisher=_PUBLISHERS,
    title=st.just("Release"),
    published=st.sampled_from(["2024-02-15", "2024-03-15", "2024-04-15"]),
    simulated=st.sampled_from([False, False, False, True]),
    revises=st.sampled_from([False, False, False, True]),
)
_FIGURES = st.builds(
    NewObservation,
    indicator=st.just("va_yoy"),
    period=st.just("2024-01"),
    value=st.sampled_from([5.0, 5.2, 6.1]),
    unit=st.just("percent"),
    province=st.sampled_from(["ALL", "440000"]),
    span=st.sampled_from([None, (0, 3), (7, 10)]),
    note=st.sampled_from(["", "a different sample"]),
)
_RELEASES = st.lists(st.tuples(st.lists(_FIGURES, max_size=4), _SOURCES), max_size=8)
_EVERY_COLUMN = {
    "observations": "SELECT obs_id, indicator, period, industry, province, value, unit, "
                    "vintage, n, simulated, conflict, supersedes, origin FROM observations "
                    "ORDER BY obs_id",
    "provenance": "SELECT * FROM provenance ORDER BY ALL",
    "sources": "SELECT * EXCLUDE (added_at) FROM sources ORDER BY source_id",
}


def _office(source_id: str, published: str, publisher: str = "Statistics office",
            **kw: object) -> Source:
    return Source(source_id, publisher=publisher, title="Release", published=published,
                  **kw)  # type: ignore[arg-type]


# a publisher revises its own figure of an earlier release of the batch
@example(earlier=[], releases=[([_figure(5.0)], _office("r1", "2024-02-15")),
                               ([_figure(5.2)], _office("r2", "2024-03-15"))])
# a revising release replaces the newest figure, one the batch added beside an older one
@example(earlier=[([_figure(6.1, province="440000"), _figure(5.0)],
                   _office("r1", "2024-02-15"))],
         releases=[([_figure(5.2)], _office("r2", "2024-02-15", "A news wire")),
                   ([_figure(6.1)], _office("r3", "2024-03-15", revises=True))])
@settings(max_examples=50, deadline=None)
@given(earlier=_RELEASES, releases=_RELEASES)
def test_any_releases_record_together_as_one_by_one(
        earlier: list[tuple[list[NewObservation], Source]],
        releases: list[tuple[list[NewObservation], Source]]) -> None:
    # ids repeat (a source registered again, maybe under another publisher), publishers
    # and origins mix, some releases revise: the batch must carry each release's outcome
    # to the next exactly as the store does when it re-reads between releases
    with Store.open(":memory:") as together, Store.open(":memory:") as one_by_one:
        for store in (together, one_by_one):
            store.record_releases(earlier)  # what the store held before
        result = together.record_releases(releases)
        results = [one_by_one.record(figures, source) for figures, source in releases]
        assert result == sum(results, RecordResult())
        for sql in _EVERY_COLUMN.values():
            assert together.execute(sql) == one_by_one.execute(sql)
