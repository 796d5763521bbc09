"""Monitoring benchmark: does early warning find planted troubles, and how fast is a month?

Everything here runs on the SIMULATED demo panel (indmon.demo.panel); no figure is an
official statistic. Two parts:

1. Quality (``--quality-enterprises``, default 20,000): generate a panel 2021-01..2023-10,
   plant four troubles in its files, import (indmon.intake), compute (indmon.compute, or
   the few figures monitoring reads, computed here if the engine cannot run), run
   monitoring for 2023-10 with the shipped rules, and print
   - recall: planted troubles that an alert points at, out of four;
   - precision: alerts that point at a planted trouble or at a real feature of the
     simulated data, out of all alerts. "Real feature" is defined strictly in
     ``explained_by_data`` below: a cell alert counts only if the cell's year-to-date
     growth is below zero too (a fall that lasts, not a noisy month); a key enterprise
     only if its year-to-date value added also fell by more than half the threshold;
     silent enterprises and sample churn count because the simulation really closes and
     opens enterprises; anomalies, electricity and loss-share alerts elsewhere count as
     spurious. The strict figure (planted troubles only) is printed too.
2. Speed (``--enterprises``, default 483,000, the national count): a panel 2022-08..2023-10
   is loaded into the store (straight from Parquet into ``reports``: the intake benchmark
   measures import), computed, and monitoring of 2023-10 is timed ``--runs`` times; the
   median is printed with the reference time of one full scan of the month's reports.

Run: ``python benchmarks/monitor.py`` (about 10 minutes on 2 cores at the national size),
``python benchmarks/monitor.py --enterprises 50000 --runs 3`` for a quick look.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl

from indmon.demo.panel import generate_panel
from indmon.monitor import list_alerts, run_monitoring
from indmon.periods import month_add
from indmon.store import Source, Store

PERIOD = "2023-10"
MONEY = ["output_value", "value_added", "revenue", "profit", "export_value"]


@dataclass
class Plants:
    """Where the troubles were planted."""

    declining_cell: tuple[str, str]
    key_enterprise: str
    silent_cell: tuple[str, str]
    sample_cell: tuple[str, str]

    def cells(self) -> set[tuple[str, str]]:
        return {self.declining_cell, self.silent_cell, self.sample_cell}


# -- planting ------------------------------------------------------------------------------
def _read(panel: Path, month: str) -> pl.DataFrame:
    return pl.read_parquet(panel / f"reports_{month}.parquet")


def _write(frame: pl.DataFrame, panel: Path, month: str) -> None:
    frame.write_parquet(panel / f"reports_{month}.parquet")


def choose_cells(panel: Path) -> list[tuple[str, str]]:
    """Four of the largest industry-province cells, no industry or province twice."""
    counts = (_read(panel, PERIOD).group_by("industry", "province").len()
              .sort("len", descending=True))
    chosen: list[tuple[str, str]] = []
    for industry, province, _ in counts.iter_rows():
        if all(industry != i and province != p for i, p in chosen):
            chosen.append((industry, province))
        if len(chosen) == 4:
            return chosen
    raise SystemExit("the panel is too small to plant four troubles; use more enterprises")


def _in_cell(cell: tuple[str, str]) -> pl.Expr:
    return (pl.col("industry") == cell[0]) & (pl.col("province") == cell[1])


def plant(panel: Path) -> Plants:
    decline, key_cell, silent, sample = choose_cells(panel)
    # 1. an industry in one province falls by a quarter for four months
    for k in range(4):
        month = month_add(PERIOD, -k)
        frame = _read(panel, month)
        _write(frame.with_columns([pl.when(_in_cell(decline)).then(pl.col(c) * 0.75)
                                   .otherwise(pl.col(c)).alias(c) for c in MONEY]), panel, month)
    # 2. the largest enterprise of a province (a year earlier) loses 60 % this month
    before = _read(panel, month_add(PERIOD, -12))
    now_ids = set(_read(panel, PERIOD)["enterprise_id"].to_list())
    ranked = before.filter(pl.col("province") == key_cell[1]).sort("value_added", descending=True)
    key = next(e for e in ranked["enterprise_id"].to_list() if e in now_ids)
    frame = _read(panel, PERIOD)
    _write(frame.with_columns([pl.when(pl.col("enterprise_id") == key).then(pl.col(c) * 0.4)
                               .otherwise(pl.col(c)).alias(c) for c in MONEY]), panel, PERIOD)
    # 3. two in five enterprises of a cell stop reporting for the last two months
    members = _read(panel, month_add(PERIOD, -2)).filter(_in_cell(silent))["enterprise_id"]
    gone = set(members.sort().to_list()[:: 5]) | set(members.sort().to_list()[1:: 5])
    for month in (month_add(PERIOD, -1), PERIOD):
        _write(_read(panel, month).filter(~pl.col("enterprise_id").is_in(list(gone))), panel,
               month)
    # 4. new enterprises enter a cell with half its value added: all-reporter growth jumps
    frame = _read(panel, PERIOD)
    members = frame.filter(_in_cell(sample))
    entrants = members.head(max(3, members.height // 2))
    entrants = entrants.with_columns(("PLANTED-NEW-" + pl.col("enterprise_id")).alias(
        "enterprise_id"))
    _write(pl.concat([frame, entrants]), panel, PERIOD)
    return Plants(decline, key, silent, sample)


# -- loading and computing -----------------------------------------------------------------
def compute(store: Store) -> str:
    """Run the compute engine; if it cannot run yet, compute what monitoring reads here."""
    try:
        from indmon.compute import run_compute

        run_compute(store)
        return "indmon.compute.run_compute"
    except Exception as exc:  # the engine is another part; the benchmark must still run
        print(f"  compute engine unavailable ({type(exc).__name__}: {exc}); "
              "computing va_yoy, va_ytd_yoy, enterprises and loss_making_ytd here")
        store.record_frame(minimal_figures(store), Source(
            "benchmark-minimal-compute", kind="computation", publisher="indmon benchmark",
            title="Minimal figures for the monitoring benchmark (simulated)", simulated=True))
        return "benchmarks/monitor.py minimal_figures"


def minimal_figures(store: Store) -> pd.DataFrame:
    """va_yoy, va_ytd_yoy (comparable samples), enterprises and loss_making_ytd per cell."""
    grouping = """GROUP BY GROUPING SETS ((industry, province), (industry), (province), (),
                                         (sector))"""
    cell = "coalesce(sector, industry, 'ALL') AS industry, coalesce(province, 'ALL') AS province"
    base = """SELECT *, CASE WHEN industry <= '12' THEN 'B' WHEN industry <= '43' THEN 'C'
                             ELSE 'D' END AS sector, CAST(left(period, 4) AS INT) AS yr,
                     CAST(right(period, 2) AS INT) AS mo FROM current_reports"""
    sql = f"""
    WITH r AS ({base}),
    pairs AS (SELECT c.industry, c.province, c.sector, c.period, c.value_added AS v1,
                     p.value_added AS v0
              FROM r c JOIN r p ON p.enterprise_id = c.enterprise_id AND p.yr = c.yr - 1
                               AND p.mo = c.mo),
    ytd AS (SELECT c.industry, c.province, c.sector, m.period, sum(c.v1) AS v1,
                   sum(c.v0) AS v0
            FROM pairs c JOIN (SELECT DISTINCT period FROM r) m
              ON left(m.period, 4) = left(c.period, 4) AND c.period <= m.period
            GROUP BY ALL)
    SELECT 'va_yoy' AS indicator, period, {cell}, 100 * (sum(v1) / sum(v0) - 1) AS value,
           count(*) AS n FROM pairs WHERE right(period, 2) NOT IN ('01', '02')
    {grouping}, period
    UNION ALL
    SELECT 'va_ytd_yoy', period, {cell}, 100 * (sum(v1) / sum(v0) - 1), count(*)
    FROM ytd {grouping}, period
    UNION ALL
    SELECT 'enterprises', period, {cell}, count(*), count(*) FROM r {grouping}, period
    """
    frame = store.query(sql)
    feb = frame[(frame["indicator"] == "va_ytd_yoy") & frame["period"].str.endswith("-02")]
    frame = pd.concat([frame, feb.assign(indicator="va_yoy")], ignore_index=True)
    return frame.dropna(subset=["value"]).assign(unit="percent")


def load_reports(store: Store, panel: Path) -> None:
    """Straight from Parquet into ``reports`` (the speed part measures monitoring only)."""
    store.execute(
        f"""INSERT INTO reports (batch_id, row_number, received_at, enterprise_id, period,
                industry, province, output_value, value_added, revenue, profit, employees,
                electricity_kwh, export_value, simulated)
            SELECT 'benchmark', 0, now(), enterprise_id, period, industry, province,
                   output_value, value_added, revenue, profit, employees, electricity_kwh,
                   export_value, true
            FROM read_parquet('{panel}/reports_20*.parquet')""")


# -- judging -------------------------------------------------------------------------------
def points_at_plant(alert: pd.Series, plants: Plants) -> bool:
    if alert["enterprise_id"] == plants.key_enterprise:
        return True
    return (alert["industry"], alert["province"]) in plants.cells()


def found(alerts: pd.DataFrame, plants: Plants) -> dict[str, bool]:
    def at(cell: tuple[str, str], rules: tuple[str, ...] | None = None) -> bool:
        hit = (alerts["industry"] == cell[0]) & (alerts["province"] == cell[1])
        if rules is not None:
            hit &= alerts["rule_id"].isin(rules)
        return bool(hit.any())

    return {
        "declining industry in a province": at(plants.declining_cell),
        "key enterprise collapsing": bool((alerts["enterprise_id"] == plants.key_enterprise).any()),
        "cluster of enterprises going silent": at(plants.silent_cell,
                                                  ("enterprises-stopped-reporting",)),
        "sample change faking growth": at(plants.sample_cell, ("sample-change",)),
    }


def explained_by_data(store: Store, alert: pd.Series) -> bool:
    """Whether an alert away from the plants reports a lasting feature of the simulation."""
    rule = alert["rule_id"]
    if rule in ("enterprises-stopped-reporting", "sample-change", "province-behind-country"):
        return True  # simulated closures and entries; year-to-date gaps by construction
    if rule == "key-enterprise-collapse":
        return _enterprise_ytd_change(store, alert["enterprise_id"]) < -15.0
    if rule in ("industry-growth-negative", "province-growth-negative",
                "cell-ytd-growth-deep-fall", "cell-decline-streak"):
        ytd = store.value("va_ytd_yoy", PERIOD, alert["industry"], alert["province"])
        return ytd is not None and ytd < 0
    return False


def _enterprise_ytd_change(store: Store, enterprise: str) -> float:
    year = PERIOD[:4]
    rows = store.execute(
        """SELECT sum(value_added) FILTER (left(period, 4) = ?),
                  sum(value_added) FILTER (left(period, 4) = ?)
           FROM current_reports WHERE enterprise_id = ? AND right(period, 2) <= ?""",
        [year, str(int(year) - 1), enterprise, PERIOD[5:]],
    )
    row = rows[0] if rows else None
    return 100 * (row[0] / row[1] - 1) if row and row[0] and row[1] else 0.0


# -- the two parts -------------------------------------------------------------------------
def quality(workdir: Path, enterprises: int, seed: int) -> None:
    print(f"\n== Quality: {enterprises:,} simulated enterprises, 2021-01..{PERIOD}, seed {seed}")
    started = time.perf_counter()
    files = generate_panel(workdir / "quality", enterprises=enterprises, start="2021-01",
                           end=PERIOD, seed=seed)
    plants = plant(files.directory)
    print(f"  planted: {json.dumps(plants.__dict__)}")
    from indmon.intake import import_reports

    with Store.open(workdir / "quality.duckdb") as store:
        import_reports(store, [p for p in files.reports if p.exists()], simulated=True)
        how = compute(store)
        print(f"  panel, import and compute ({how}): {time.perf_counter() - started:.0f} s")
        summary = run_monitoring(store, period=PERIOD)
        alerts = list_alerts(store, period=PERIOD)
        _judge(store, alerts, plants)
        print(f"  monitoring {PERIOD}: {summary.seconds:.2f} s")


def _judge(store: Store, alerts: pd.DataFrame, plants: Plants) -> None:
    hits = found(alerts, plants)
    planted = alerts.apply(points_at_plant, axis=1, plants=plants) if len(alerts) else []
    alerts = alerts.assign(planted=planted)
    alerts["feature"] = [not p and explained_by_data(store, a)
                         for p, (_, a) in zip(alerts["planted"], alerts.iterrows(), strict=True)]
    alerts["spurious"] = ~(alerts["planted"] | alerts["feature"])
    for name, ok in hits.items():
        print(f"  {'FOUND ' if ok else 'MISSED'} {name}")
    total = max(len(alerts), 1)
    print(f"  recall: {sum(hits.values())}/{len(hits)} planted troubles found")
    print(f"  alerts: {len(alerts)}; at planted troubles {int(alerts['planted'].sum())}, "
          f"real features {int(alerts['feature'].sum())}, spurious {int(alerts['spurious'].sum())}")
    print(f"  precision (planted or real feature): {1 - alerts['spurious'].sum() / total:.2f}; "
          f"strict (planted only): {alerts['planted'].sum() / total:.2f}")
    table = alerts.groupby("rule_id")[["planted", "feature", "spurious"]].sum()
    print("  per rule:\n" + "\n".join("    " + line for line in table.to_string().splitlines()))


def speed(workdir: Path, enterprises: int, runs: int, seed: int) -> None:
    print(f"\n== Speed: {enterprises:,} simulated enterprises, monitoring {PERIOD}")
    started = time.perf_counter()
    files = generate_panel(workdir / "speed", enterprises=enterprises, start="2022-08",
                           end=PERIOD, seed=seed)
    with Store.open(workdir / "speed.duckdb") as store:
        load_reports(store, files.directory)
        how = compute(store)
        rows = store.execute("SELECT count(*) FROM reports")[0][0]
        print(f"  {rows:,} report rows; panel, load and compute ({how}): "
              f"{time.perf_counter() - started:.0f} s")
        scan = _median(runs, lambda: store.execute(
            "SELECT industry, province, sum(value_added) FROM current_reports WHERE period = ? "
            "GROUP BY ALL", [PERIOD]))
        times = []
        for _ in range(runs):
            summary = run_monitoring(store, period=PERIOD)
            times.append(summary.seconds)
        median = statistics.median(times)
        print(f"  monitoring one month: median {median:.2f} s over {runs} runs "
              f"({', '.join(f'{t:.2f}' for t in times)}); {summary.raised} alerts")
        print(f"  reference, one grouped scan of the month's current reports: {scan:.2f} s; "
              f"monitoring / scan = {median / scan:.1f}x")
        print(f"  target under 10 s: {'met' if median < 10 else 'NOT met'}")


def _median(runs: int, work: Any) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=483_000,
                        help="enterprises in the speed part (national: 483,000)")
    parser.add_argument("--quality-enterprises", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    print("indmon monitoring benchmark. ALL DATA SIMULATED (indmon.demo.panel).")
    workdir = Path(tempfile.mkdtemp(prefix="indmon-monitor-bench-"))
    try:
        if not args.skip_quality:
            quality(workdir, args.quality_enterprises, args.seed)
        if not args.skip_speed:
            speed(workdir, args.enterprises, args.runs, args.seed)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
