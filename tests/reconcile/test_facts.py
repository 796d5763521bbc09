"""The facts table: kept by document and span, searched by document, indicator, period."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.errors import PeriodError, UnknownCode
from indmon.extract.facts import Fact
from indmon.reconcile.facts import FACT_COLUMNS, save_facts, search_facts
from indmon.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.duckdb") as s:
        save_facts(s, [
            Fact("doc-b", 40, 44, "5.0%", 5.0, "percent", "growth_yoy", "manufacturing",
                 "2023", "CN", indicator="va_ytd_yoy", industry="C"),
            Fact("doc-a", 90, 94, "3.6%", 3.6, "percent", "growth_yoy", "value added",
                 "2022", "CN", indicator="va_ytd_yoy"),
            Fact("doc-a", 10, 14, "4.6%", 4.6, "percent", "growth_yoy", "value added",
                 "2023", "CN", indicator="va_ytd_yoy"),
            Fact("doc-a", 50, 57, "6.55 million", 6.55e6, "count", "level",
                 "passengers of a regional jet", "2023-Q1", "CN"),
        ])
        yield s


def test_every_column_ordered_by_document_and_position(store: Store) -> None:
    frame = search_facts(store)
    assert tuple(frame.columns) == FACT_COLUMNS
    assert list(zip(frame["doc"], frame["start"], strict=True)) == [
        ("doc-a", 10), ("doc-a", 50), ("doc-a", 90), ("doc-b", 40)]


def test_filters_combine(store: Store) -> None:
    assert search_facts(store, doc="doc-a", indicator="va_ytd_yoy")["mention"].tolist() == [
        "4.6%", "3.6%"]
    assert search_facts(store, indicator="va_ytd_yoy", period="2023")["doc"].tolist() == [
        "doc-a", "doc-b"]
    assert search_facts(store, period="2023-Q1")["indicator"].isna().all()
    assert search_facts(store, doc="no-such-doc").empty


def test_unmapped_facts_have_no_cell(store: Store) -> None:
    row = search_facts(store, period="2023-Q1").iloc[0]
    assert row["industry"] is None and row["province"] is None


def test_saving_again_replaces_and_adds_nothing(store: Store) -> None:
    before = search_facts(store)
    save_facts(store, [Fact("doc-a", 10, 14, "4.6%", 4.6, "percent", "growth_yoy",
                            "value added", "2023", "CN", indicator="va_ytd_yoy")])
    assert search_facts(store).equals(before)


def test_a_wrong_indicator_or_period_is_named(store: Store) -> None:
    with pytest.raises(UnknownCode, match="unknown indicator 'va_nope'"):
        search_facts(store, indicator="va_nope")
    with pytest.raises(PeriodError, match="2023-13"):
        search_facts(store, period="2023-13")
