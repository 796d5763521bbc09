"""The inputs of a computation, as Ibis tables on the chosen engine.

On DuckDB these are the store's views ``current_reports`` and ``current_prices``
themselves. Spark gets the same rows shipped from the store through Arrow.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
from ibis.backends import BaseBackend

from indmon.compute.engines import spark_session
from indmon.store import Store

REPORT_COLUMNS = ("enterprise_id", "period", "industry", "province", "output_value",
                  "value_added", "revenue", "profit")
_REPORT_SCHEMA = ("enterprise_id string, period string, industry string, province string, "
                  "output_value double, value_added double, revenue double, profit double")
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


def input_stats(store: Store, first: str = "0000-00", last: str = "9999-99") -> InputStats:
    """Read from the raw ``reports``: a revision changes neither which months have
    reports nor the latest ``seq``, and this avoids working out current vintages."""
    row = store.con.execute(
        """SELECT count(*), max(seq), coalesce(bool_or(simulated), false), min(period),
                  max(period)
           FROM reports WHERE period BETWEEN ? AND ?""",
        [first, last],
    ).fetchone()
    assert row is not None
    return InputStats(int(row[0]), row[1], bool(row[2]), row[3], row[4])


def input_tables(
    backend: BaseBackend, store: Store, first: str, last: str
) -> tuple[ir.Table, ir.Table]:
    """Current reports of months ``first..last`` and all current price indices."""
    if backend.name == "duckdb":
        return current_reports(backend.table("reports"), first, last), \
            backend.table("current_prices")
    return _shipped_reports(backend, store, first, last), _shipped_prices(backend, store)


def current_reports(reports: ir.Table, first: str, last: str) -> ir.Table:
    """The current vintage of each enterprise's report for each month: the one with the
    highest ``seq``, the rule of intake's ``current_reports`` view.

    Selected here from the raw table, on the few columns computations use: the view
    sorts whole rows (JSON extras included), which at national scale costs seconds and
    a gigabyte more. ``tests/compute/test_inputs.py`` keeps the two in step.
    """
    latest = ibis.window(group_by=["enterprise_id", "period"], order_by=ibis.desc("seq"))
    narrow = reports.filter(reports.period.between(first, last)).select(*REPORT_COLUMNS, "seq")
    ranked = narrow.mutate(rank=ibis.row_number().over(latest))
    return ranked.filter(ranked["rank"] == 0).select(*REPORT_COLUMNS)


def _shipped_reports(backend: BaseBackend, store: Store, first: str, last: str) -> ir.Table:
    frame = store.con.execute(
        f"SELECT {', '.join(REPORT_COLUMNS)} FROM current_reports WHERE period BETWEEN ? AND ?",
        [first, last],
    ).df()
    spark_session().createDataFrame(frame, schema=_REPORT_SCHEMA).createOrReplaceTempView(
        "indmon_current_reports"
    )
    return backend.table("indmon_current_reports")


def _shipped_prices(backend: BaseBackend, store: Store) -> ir.Table:
    frame = store.con.execute("SELECT industry, period, ppi_yoy FROM current_prices").df()
    spark_session().createDataFrame(frame, schema=_PRICE_SCHEMA).createOrReplaceTempView(
        "indmon_current_prices"
    )
    return backend.table("indmon_current_prices")
