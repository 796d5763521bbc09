"""DuckDB and Spark run the same Ibis definitions and must give the same figures."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from tests.compute.builders import Report, add_prices, add_reports, computed

from indmon.compute.engines import ENGINES
from indmon.store import Store


def _random_panel(seed: int = 7) -> list[Report]:
    """Enterprises entering, leaving and skipping months, some loss-making."""
    rng = random.Random(seed)
    reports = []
    for e in range(30):
        industry = rng.choice(["06", "13", "26", "36", "39", "44"])
        province = rng.choice(["110000", "320000", "440000"])
        for year in (2022, 2023):
            for month in range(1, 13):
                if rng.random() < 0.15:
                    continue
                va = rng.uniform(10, 200)
                reports.append(Report(f"E{e:02d}", f"{year}-{month:02d}", va, industry=industry,
                                      province=province, profit=rng.uniform(-40, 60)))
    return reports


def test_both_engines_are_offered() -> None:
    assert ENGINES == ("duckdb", "spark")


@pytest.mark.spark
def test_spark_gives_the_duckdb_figures(store: Store, spark_ready: None) -> None:
    add_reports(store, _random_panel())
    add_reports(store, [Report("E01", "2023-06", 99.0)], batch="revision")
    add_prices(store, {(ind, f"2023-{m:02d}"): 100 + m for ind in ("13", "36")
                       for m in range(1, 13)})
    on_duckdb = computed(store, "duckdb", start="2023-01", end="2023-12")
    on_spark = computed(store, "spark", start="2023-01", end="2023-12")
    assert len(on_duckdb) > 1000
    pd.testing.assert_frame_equal(on_duckdb, on_spark, check_exact=False, rtol=1e-9)
