"""Small hand-made report sets, stored as batches straight through ``indmon.store.raw``,
and readers for the computed figures.

Tests build exactly the rows a definition needs; going through the importer would
test the importer too.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from indmon.compute import compute_indicators
from indmon.store import Store, raw


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


def add_reports(store: Store, reports: Sequence[Report], batch: str | None = None) -> None:
    """Store ``reports`` as one batch (a later batch revises an earlier one's reports)."""
    frame = pd.DataFrame([
        {"row_number": i + 1, "enterprise_id": r.enterprise, "period": r.period,
         "industry": r.industry, "province": r.province,
         "output_value": r.output if r.output is not None else 3 * r.va, "value_added": r.va,
         "revenue": r.revenue if r.revenue is not None else 4 * r.va, "profit": r.profit,
         "employees": 10, "simulated": r.simulated}
        for i, r in enumerate(reports)
    ])
    _write(store, "reports", frame, batch)


def add_prices(store: Store, prices: dict[tuple[str, str], float]) -> None:
    frame = pd.DataFrame([{"industry": industry, "period": period, "ppi_yoy": ppi}
                          for (industry, period), ppi in prices.items()])
    _write(store, "prices", frame, None)


def _write(store: Store, kind: raw.Kind, frame: pd.DataFrame, batch: str | None) -> None:
    name = batch or f"test-{uuid.uuid4().hex[:8]}"
    raw.write_batch(store, raw.NewBatch(kind, f"{name}.csv", name, batch_id=name), frame)


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
