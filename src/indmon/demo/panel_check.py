"""Growth computed straight from a panel's files, to check the simulation's calibration.

This is the statistics bureau's method in one query, independent of ``indmon.compute``:
the comparable sample is the enterprises that report in both years; value added of the
year (January to the last month) is deflated by the division's ``ppi_yoy / 100`` and set
against the same enterprises' value added of the previous year. A revised file's rows
replace the original rows of the same enterprise and month.

It reads the panel's files into a DuckDB database of its own (tables ``panel_reports``,
``panel_prices``), never the store, so it checks the simulation and not indmon's
intake or compute.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from indmon.catalogue import Catalogue

GROUPINGS = ("all", "sector", "industry", "province")


def comparable_growth(panel_dir: Path, year: int, by: str = "all",
                      through_month: int = 12) -> pd.DataFrame:
    """Deflated year-to-date growth, % (columns ``cell``, ``growth``, ``enterprises``)."""
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    con = duckdb.connect()
    try:
        _load(con, panel_dir)
        return con.execute(_growth_sql(by), [year, through_month, year - 1]).df()
    finally:
        con.close()


def _load(con: duckdb.DuckDBPyConnection, panel_dir: Path) -> None:
    pattern = str(panel_dir / "reports_*")
    con.execute(
        f"""CREATE TABLE panel_reports AS SELECT * EXCLUDE (rn) FROM (
              SELECT *, row_number() OVER (PARTITION BY enterprise_id, period
                                           ORDER BY filename LIKE '%_revised%' DESC) AS rn
              FROM read_{_format(panel_dir)}('{pattern}', filename = true,
                                              union_by_name = true)) WHERE rn = 1"""
    )
    prices = panel_dir / "prices.csv"
    con.execute(f"CREATE TABLE panel_prices AS SELECT * FROM read_csv('{prices}', "
                "types = {'industry': 'VARCHAR', 'period': 'VARCHAR'})")
    sectors = pd.DataFrame([(i.code, i.sector) for i in Catalogue.load().industries.values()],
                           columns=["industry", "sector"])
    con.register("sectors", sectors)


def _format(panel_dir: Path) -> str:
    return "csv" if any(panel_dir.glob("reports_*.csv")) else "parquet"


def _growth_sql(by: str) -> str:
    cell = {"all": "'ALL'", "sector": "s.sector", "industry": "r.industry",
            "province": "r.province"}[by]
    return f"""
        WITH monthly AS (
            SELECT r.enterprise_id, {cell} AS cell, CAST(r.period[1:4] AS INT) AS year,
                   CAST(r.value_added AS DOUBLE) / (p.ppi_yoy / 100) AS va_real,
                   CAST(r.value_added AS DOUBLE) AS va
            FROM panel_reports r
            JOIN panel_prices p ON p.industry = r.industry AND p.period = r.period
            JOIN sectors s ON s.industry = r.industry
            WHERE CAST(r.period[6:7] AS INT) <= ?2
        ),
        this AS (SELECT enterprise_id, cell, sum(va_real) AS va FROM monthly
                 WHERE year = ?1 GROUP BY ALL),
        last AS (SELECT enterprise_id, sum(va) AS va FROM monthly WHERE year = ?3 GROUP BY ALL)
        SELECT cell, round(100 * (sum(this.va) / sum(last.va) - 1), 2) AS growth,
               count(*) AS enterprises
        FROM this JOIN last USING (enterprise_id) GROUP BY cell ORDER BY cell"""
