"""Small hand-made report sets, written straight into a store's ``reports`` table,
and readers for the computed figures.

Tests build exactly the rows a definition needs; going through the importer would
test the importer too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from indmon.compute import compute_indicators
from indmon.store import Store


@dataclass(frozen=True)
class Report:
    """One enterprise's month; output and revenue default to multiples of value added."""

    enterprise: str
    period: str
    va: float
    industry: str = "13"
    province: str = "110000"
    profit: float = 10.0
    output: float | None = None
    revenue: float | None = None
    simulated: bool = False


def add_reports(store: Store, reports: Sequence[Report], batch: str = "test") -> None:
    rows = [
        (batch, i + 1, r.enterprise, r.period, r.industry, r.province,
         r.output if r.output is not None else 3 * r.va, r.va,
         r.revenue if r.revenue is not None else 4 * r.va, r.profit, r.simulated)
        for i, r in enumerate(reports)
    ]
    store.con.executemany(
        """INSERT INTO reports (batch_id, row_number, received_at, enterprise_id, period,
               industry, province, output_value, value_added, revenue, profit, employees,
               simulated)
           VALUES (?, ?, now(), ?, ?, ?, ?, ?, ?, ?, ?, 10, ?)""",
        rows,
    )


def add_prices(store: Store, prices: dict[tuple[str, str], float]) -> None:
    store.con.executemany(
        "INSERT INTO prices (batch_id, industry, period, ppi_yoy, received_at)"
        " VALUES ('test', ?, ?, ?, now())",
        [(industry, period, ppi) for (industry, period), ppi in prices.items()],
    )


def figures(frame: pd.DataFrame, indicator: str, industry: str = "ALL",
            province: str = "ALL") -> dict[str, float]:
    """period -> value of one indicator in one cell."""
    rows = frame[(frame.indicator == indicator) & (frame.industry == industry)
                 & (frame.province == province)]
    return dict(zip(rows.period, rows.value, strict=True))


def sample_sizes(frame: pd.DataFrame, indicator: str, industry: str = "ALL",
                 province: str = "ALL") -> dict[str, int]:
    rows = frame[(frame.indicator == indicator) & (frame.industry == industry)
                 & (frame.province == province)]
    return dict(zip(rows.period, rows.n, strict=True))


def computed(store: Store, engine: str = "duckdb", **kwargs: Any) -> pd.DataFrame:
    return compute_indicators(store, engine=engine, **kwargs)
