"""A figure one source rounds ("1.42 trillion") and another states in full (14237亿元)
is one figure, not a conflict: the finer value stays current and both sources cite it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.store import NewObservation, Source, Store
from indmon.store.observations import rounds_to, stated_step

BUREAU = Source("bureau", kind="release", publisher="Statistics bureau",
                title="Industrial production, October", published="2027-11-15")
WIRE = Source("wire", kind="release", publisher="A news wire",
              title="Output story", published="2027-11-16")
ASSOCIATION = Source("assoc", kind="release", publisher="An association",
                     title="Members' report", published="2027-11-17")


def delivery(value: float, mention: str, *, note: str = "", span: int = 0) -> NewObservation:
    return NewObservation("export_delivery_value", "2027-10", value, "yuan",
                          span=(span, span + len(mention)), mention=mention, note=note)


ROUNDED = delivery(1.42e12, "1.42 trillion yuan")
FULL = delivery(1.4237e12, "14237亿元")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.duckdb") as s:
        yield s


def _current(store: Store) -> list[tuple[float, bool, set[str]]]:
    figures = store.figures("export_delivery_value", period="2027-10")
    cited = store.cited([f.obs_id for f in figures])
    return sorted((f.value, f.conflict, {p.source.source_id for p in cited[f.obs_id]})
                  for f in figures)


@pytest.mark.parametrize(("value", "mention", "step"), [
    (1.42e12, "1.42 trillion yuan", 1e10), (1.4237e12, "14237亿元", 1e8),
    (4.6, "4.6%", 0.1), (-1.4, "1.4%", 0.1), (14600, "1.46万", 100), (24188, "24,188", 1),
    (4.6, "百分之四点六", 0.1), (4_200_000, "5G base stations: 4.2 million", 0.0),
])
def test_the_step_of_a_mention_is_what_its_last_digit_is_worth(
        value: float, mention: str, step: float) -> None:
    assert stated_step(value, mention) == pytest.approx(step)


def test_rounding_joins_only_figures_within_half_the_coarser_step() -> None:
    assert rounds_to(1.42e12, 1e10, 1.4237e12, 1e8)
    assert not rounds_to(1.40e12, 1e10, 1.4237e12, 1e8)
    assert not rounds_to(5.0, 0.0, 5.04, 0.0)  # precision unknown on both sides: exact


@pytest.mark.parametrize("order", ["rounded first", "full first"])
def test_a_rounded_and_a_full_statement_are_one_figure_cited_by_both(
        store: Store, order: str) -> None:
    pairs = [(ROUNDED, WIRE), (FULL, BUREAU)]
    if order == "full first":
        pairs.reverse()
    results = [store.record([obs], source) for obs, source in pairs]
    assert [(r.added, r.merged, r.conflicts) for r in results] == [(1, 0, 0), (0, 1, 0)]
    assert _current(store) == [(1.4237e12, False, {"bureau", "wire"})]
    assert store.conflicts().empty


def test_the_finer_figure_replaces_the_rounder_one_as_a_new_vintage(store: Store) -> None:
    flash = Source("flash", kind="release", publisher="A news wire", title="Early story",
                   published="2027-11-14")
    store.record([ROUNDED], flash)
    store.record([FULL], BUREAU)
    assert store.value("export_delivery_value", "2027-10", as_of="2027-11-14T12:00") == 1.42e12
    assert store.value("export_delivery_value", "2027-10") == 1.4237e12


def test_figures_apart_by_more_than_the_rounding_still_conflict(store: Store) -> None:
    store.record([delivery(1.40e12, "1.40 trillion yuan")], WIRE)
    result = store.record([FULL], BUREAU)
    assert result.conflicts == 1
    assert [(v, c) for v, c, _ in _current(store)] == [(1.40e12, True), (1.4237e12, True)]


def test_a_source_that_notes_another_definition_is_never_merely_rounded(
        store: Store) -> None:
    store.record([FULL], BUREAU)
    result = store.record([delivery(1.42e12, "1.42 trillion yuan",
                                    note="members' deliveries, at current prices")], ASSOCIATION)
    assert result.conflicts == 1


def test_a_refined_figure_still_conflicts_with_a_third_that_disagrees(store: Store) -> None:
    store.record([ROUNDED], WIRE)
    store.record([delivery(1.5e12, "1.5 trillion yuan")], ASSOCIATION)
    store.record([FULL], BUREAU)
    assert [(v, c) for v, c, _ in _current(store)] == [(1.4237e12, True), (1.5e12, True)]


def test_a_batch_refines_as_the_figures_one_by_one_would(tmp_path: Path) -> None:
    sources = [(WIRE, [ROUNDED]), (BUREAU, [FULL, delivery(1.424e12, "1.424 trillion",
                                                            span=40)])]
    with Store.open(tmp_path / "one.duckdb") as one, \
            Store.open(tmp_path / "batch.duckdb") as batch:
        for source, figures in sources:
            for obs in figures:
                one.record([obs], source)
        batch.record_releases([(figures, source) for source, figures in sources])
        assert _current(one) == _current(batch) == [(1.4237e12, False, {"bureau", "wire"})]
