"""The one place that writes SQL against ``disclosure``: which computed cells are
confidential, decided by :mod:`indmon.compute.disclosure` for each computed period.

Reading observations joins this table (see :func:`indmon.store.observations.observations_sql`)
so that every surface gets the decision with the figure, and withholds the value from a
reader without clearance for the cell.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import duckdb

from indmon.store.model import Clearance, Observation, ProvenanceRecord

if TYPE_CHECKING:
    import pandas as pd

#: the columns a decision frame carries (see sql/0007_disclosure.sql)
COLUMNS = ("period", "industry", "province", "status", "reason", "enterprises",
           "top1_share", "top2_share")


def replace(con: duckdb.DuckDBPyConnection, periods: Sequence[str], source_id: str) -> int:
    """The suppressed cells of ``periods`` become exactly those of the decisions the
    caller registered as ``incoming_disclosure``; returns how many."""
    periods = list(periods)
    if periods:
        con.execute("DELETE FROM disclosure WHERE period IN (SELECT unnest(CAST(? AS VARCHAR[])))",
                    [periods]).fetchall()
    cols = ", ".join(COLUMNS)
    con.execute(
        f"INSERT INTO disclosure ({cols}, source_id) SELECT {cols}, ? FROM incoming_disclosure",
        [source_id]).fetchall()
    row = con.execute("SELECT count(*) FROM incoming_disclosure").fetchall()[0]
    return int(row[0]) if row else 0


def decisions(con: duckdb.DuckDBPyConnection, period: str | Sequence[str] | None = None
              ) -> pd.DataFrame:
    """The suppressed cells (of ``period``), one row each."""
    cols = ", ".join((*COLUMNS, "source_id", "decided_at"))
    if period is None:
        return con.execute(f"SELECT {cols} FROM disclosure ORDER BY period, industry, province"
                           ).df()
    periods = [period] if isinstance(period, str) else list(period)
    return con.execute(
        f"""SELECT {cols} FROM disclosure WHERE period IN (SELECT unnest(CAST(? AS VARCHAR[])))
            ORDER BY period, industry, province""", [periods]).df()


def suppressed_cells(con: duckdb.DuckDBPyConnection, periods: Sequence[str]
                     ) -> set[tuple[str, str, str]]:
    """The (period, industry, province) of each suppressed cell of ``periods``."""
    rows = con.execute(
        """SELECT period, industry, province FROM disclosure
           WHERE period IN (SELECT unnest(CAST(? AS VARCHAR[])))""", [list(periods)]).fetchall()
    return {(str(p), str(i), str(v)) for p, i, v in rows}


def reason(con: duckdb.DuckDBPyConnection, period: str, industry: str, province: str
           ) -> str | None:
    """Why one cell is suppressed, or None when it is publishable."""
    row = con.execute(
        "SELECT reason FROM disclosure WHERE period = ? AND industry = ? AND province = ?",
        [period, industry, province]).fetchall()
    return str(row[0][0]) if row else None


def withheld_from(clearance: Clearance | None, province: str, suppressed: str | None) -> bool:
    """A suppressed cell's value is kept from a reader whose clearance does not reach it."""
    if suppressed is None or clearance is None:
        return False
    return not clearance.sees(province)


def marked(record: ProvenanceRecord, reason: str | None, withheld: bool) -> ProvenanceRecord:
    """A provenance record with its cell's decision on every figure in it: every vintage
    and disagreeing value of a withheld cell is withheld too (they are the same cell)."""
    if reason is None:
        return record

    def mark(obs: Observation) -> Observation:
        if withheld:
            return dataclasses.replace(obs, suppressed=reason, withheld=True, value=math.nan,
                                       n=None)
        return dataclasses.replace(obs, suppressed=reason)

    return dataclasses.replace(
        record, observation=mark(record.observation),
        vintages=tuple(mark(v) for v in record.vintages),
        disagreeing=tuple(mark(d) for d in record.disagreeing),
    )
