"""The inputs of a computation, as Ibis tables on the chosen engine.

The reports and price indices are owned by :mod:`indmon.store.raw`, which selects their
current vintages. On DuckDB the engine reads them where they are, on the store's own
connection; Spark gets the same rows shipped from the store through Arrow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis.expr.types as ir
from ibis.backends import BaseBackend

from indmon.compute.engines import spark_session
from indmon.store import Store, raw

REPORT_COLUMNS = ("enterprise_id", "period", "industry", "province", "output_value",
                  "value_added", "revenue", "profit")
PRICE_COLUMNS = ("industry", "period", "ppi_yoy")
_REPORT_TYPES = {"enterprise_id": "string", "period": "string", "industry": "string",
                 "province": "string", "output_value": "double", "value_added": "double",
                 "revenue": "double", "profit": "double"}
_PRICE_SCHEMA = "industry string, period string, ppi_yoy double"


@dataclass(frozen=True)
class InputStats:
    """What the reports of a run are: how many, their latest vintage, and whether any
    is simulated (which makes every computed figure simulated)."""

    reports: int  #: report rows, revisions included
    input_vintage: int | None
    simulated: bool
    first: str | None
    last: str | None


def input_stats(store: Store, first: str | None = None, last: str | None = None
                ) -> InputStats:
    """The reports of months ``first..last`` (default: all); ``input_vintage`` is the
    latest report ``seq`` among them."""
    stats = raw.report_stats(store, first, last)
    return InputStats(stats.reports, stats.latest_seq, stats.simulated, stats.first,
                      stats.last)


def input_tables(
    backend: BaseBackend, store: Store, first: str, last: str,
    columns: Sequence[str] = REPORT_COLUMNS,
) -> tuple[ir.Table, ir.Table]:
    """Current reports of months ``first..last`` on ``columns`` (reading fewer columns
    is less work: the headline needs value added alone) and all current price indices.
    """
    unknown = [c for c in columns if c not in _REPORT_TYPES]
    if unknown:
        raise ValueError(f"no report column {unknown}; choose from {list(REPORT_COLUMNS)}")
    if backend.name == "duckdb":
        return (raw.current_reports_table(backend, first, last, columns),
                raw.current_prices_table(backend, PRICE_COLUMNS))
    return (_shipped_reports(backend, store, first, last, columns),
            _shipped_prices(backend, store))


def _shipped_reports(backend: BaseBackend, store: Store, first: str, last: str,
                     columns: Sequence[str]) -> ir.Table:
    frame = raw.current_reports(store, first=first, last=last, columns=list(columns),
                                ordered=False)
    schema = ", ".join(f"{c} {_REPORT_TYPES[c]}" for c in columns)
    spark_session().createDataFrame(frame, schema=schema).createOrReplaceTempView(
        "indmon_current_reports"
    )
    return backend.table("indmon_current_reports")


def _shipped_prices(backend: BaseBackend, store: Store) -> ir.Table:
    frame = raw.current_prices(store, columns=PRICE_COLUMNS, ordered=False)
    spark_session().createDataFrame(frame, schema=_PRICE_SCHEMA).createOrReplaceTempView(
        "indmon_current_prices"
    )
    return backend.table("indmon_current_prices")
