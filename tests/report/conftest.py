"""A small store for report tests: a few published figures from made-up releases and a
simulated computation covering three industries and three provinces."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from indmon.store import NewObservation, Source, Store

RELEASE_2023 = Source("test-release-2023", kind="release", publisher="Test publisher",
                      title="Test release on industry in 2023", published="2024-01-19",
                      lang="en")
RELEASE_2022 = Source("test-release-2022", kind="release", publisher="Test publisher",
                      title="Test release on industry in 2022", published="2023-01-18",
                      lang="en")
COMPUTATION = Source("test-computation", kind="computation", publisher="indmon",
                     title="Test computation", published="2024-01-20", simulated=True,
                     details={"method_version": "1", "engine": "duckdb"})

DIVISIONS = {"13": 3.0, "26": 6.5, "36": 11.2}
PROVINCES = {"320000": 7.1, "440000": 4.4, "510000": -1.2}


def add_published(store: Store) -> None:
    store.record([
        NewObservation("va_ytd_yoy", "2023", 4.6, "percent", mention="4.6%"),
        NewObservation("va_ytd_yoy", "2023", 5.0, "percent", industry="C", mention="5.0%"),
        NewObservation("va_ytd_yoy", "2023-01/2023-11", 4.3, "percent", mention="4.3%"),
        NewObservation("profit_ytd", "2023", 7.7e12, "cny", mention="7.7 trillion yuan"),
    ], RELEASE_2023)
    store.record([
        NewObservation("va_ytd_yoy", "2022", 3.6, "percent", mention="3.6%"),
        NewObservation("va_ytd_yoy", "2022", 3.0, "percent", industry="C", mention="3.0%"),
        NewObservation("profit_ytd", "2022", 8.4e12, "cny", mention="8.4 trillion yuan"),
    ], RELEASE_2022)


def computed_rows(month: str = "2023-12") -> pd.DataFrame:
    rows = [("va_ytd_yoy", month, "ALL", "ALL", 5.2, "percent"),
            ("profit_ytd", month, "ALL", "ALL", 2.5e11, "cny"),
            ("profit_ytd_yoy", month, "ALL", "ALL", -3.1, "percent"),
            ("loss_making_ytd", month, "ALL", "ALL", 1234, "count"),
            ("enterprises", month, "ALL", "ALL", 3377, "count")]
    for code, growth in DIVISIONS.items():
        rows += [("va_ytd_yoy", month, code, "ALL", growth, "percent"),
                 ("va_contribution_pp", month, code, "ALL", growth / 3, "percentage_point"),
                 ("profit_ytd_yoy", month, code, "ALL", growth - 4, "percent")]
    rows += [("va_ytd_yoy", month, "ALL", code, growth, "percent")
             for code, growth in PROVINCES.items()]
    rows += [("va_yoy", f"2023-{m:02d}", "ALL", "ALL", 4 + m / 10, "percent")
             for m in range(2, 13)]
    rows += [("va_ytd_yoy", f"2023-{m:02d}", "ALL", "ALL", 4 + m / 20, "percent")
             for m in range(2, 12)]
    return pd.DataFrame(rows, columns=["indicator", "period", "industry", "province", "value",
                                       "unit"])


def add_computed(store: Store) -> None:
    store.record_frame(computed_rows(), COMPUTATION)


@pytest.fixture
def both_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "both.duckdb") as store:
        add_published(store)
        add_computed(store)
        yield store


@pytest.fixture
def published_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "published.duckdb") as store:
        add_published(store)
        yield store


@pytest.fixture
def computed_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "computed.duckdb") as store:
        add_computed(store)
        yield store
