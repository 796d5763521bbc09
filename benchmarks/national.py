"""National scale: 483,000 enterprises, 2021-01..2023-12, the simulated demo panel.

Measures, as medians of ``--repeat`` runs, each run in a fresh process so that its peak
memory (``ru_maxrss``) is its own:

- importing one national month (CSV) with full validation into a fresh store;
- computing every indicator for 24 months (2022-01..2023-12, 2021 as the base) on DuckDB
  through the Ibis engine, and the headline alone (va_yoy and va_ytd_yoy in every cell);
- the same headline as one hand-written DuckDB SQL query, and as a straightforward
  vectorised pandas program, in the same run; the three headline results are checked
  to agree before any time is reported.

Targets (issue 12), each printed beside its figure with met / not met: the engine's
headline within 1.0x of the plain SQL; every indicator within 2x of that SQL's
headline; peak memory of every engine run < 4 GiB; and, from before, import < 10 s and
the engine >= 3x faster than pandas. Ratios compare medians measured in the same run
(the development machine has 2 cores shared with other jobs, so absolute times vary
between runs); targets are judged on wall time, CPU time (all threads) is shown beside
it as the steadier measure of work. The panel and a store holding it are built once
into benchmarks/out/ (gitignored). THE DATA IS SIMULATED.

    python benchmarks/national.py [--enterprises 483000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

OUT = Path(__file__).parent / "out"
FIRST, LAST, BASE = "2022-01", "2023-12", "2021-01"
HEADLINE = ("va_yoy", "va_ytd_yoy")
#: the current vintage of each report, as the engine selects it (and intake's view defines it)
CURRENT = f"""
  SELECT enterprise_id, period, industry, province, value_added FROM (
    SELECT enterprise_id, period, industry, province, value_added,
           row_number() OVER (PARTITION BY enterprise_id, period ORDER BY seq DESC) AS rn
    FROM reports WHERE period BETWEEN '{BASE}' AND '{LAST}') WHERE rn = 1"""
SECTOR_SQL = "CASE WHEN industry < '13' THEN 'B' WHEN industry < '44' THEN 'C' ELSE 'D' END"


# -- building the panel and its store once ----------------------------------------------
def prepared(enterprises: int) -> tuple[Path, Path]:
    """The store holding the whole panel, and one month as CSV (built on first use)."""
    from indmon.demo.panel import generate_panel
    from indmon.intake import import_prices, import_reports
    from indmon.store import Store

    folder = OUT / f"national-{enterprises}"
    store_path, csv_path, done = folder / "store.duckdb", folder / "month.csv", folder / "READY"
    if done.exists():
        return store_path, csv_path
    started = time.perf_counter()
    files = generate_panel(folder / "panel", enterprises=enterprises, start=BASE, end=LAST)
    say(f"panel generated in {time.perf_counter() - started:.0f} s ({files.rows:,} rows)")
    month = next(p for p in files.reports if p.stem == "reports_2023-06")
    pd.read_parquet(month).to_csv(csv_path, index=False)
    started = time.perf_counter()
    store_path.unlink(missing_ok=True)
    with Store.open(store_path) as store:
        import_reports(store, files.reports, simulated=True)
        import_prices(store, [files.prices], simulated=True)
    say(f"panel imported in {time.perf_counter() - started:.0f} s")
    done.write_text("ok\n")
    return store_path, csv_path


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- what one child process measures ------------------------------------------------------
def run_import(csv_path: Path, scratch: Path) -> Any:
    from indmon.intake import import_reports
    from indmon.store import Store

    scratch.unlink(missing_ok=True)
    with Store.open(scratch) as store:
        summary = import_reports(store, [csv_path], simulated=True)
    scratch.unlink(missing_ok=True)
    return summary.accepted


def run_engine(store_path: Path, only: tuple[str, ...] | None) -> pd.DataFrame:
    from indmon.compute import compute_indicators
    from indmon.store import Store

    with Store.open(store_path, read_only=True) as store:
        return compute_indicators(store, start=FIRST, end=LAST, indicators=only)


PLAIN_SQL = f"""
WITH r AS (
  SELECT enterprise_id AS e, industry, province, CAST(substr(period, 1, 4) AS INTEGER) AS y,
         CAST(substr(period, 6, 2) AS INTEGER) AS m, value_added AS va
  FROM ({CURRENT})),
ey AS (
  SELECT e, y, min(m) AS first_m, sum(1 << (m - 1)) AS mask, max(m) AS last_m,
         arg_max(industry, m) AS ind, arg_max(province, m) AS prov
  FROM r GROUP BY e, y),
cls AS (SELECT e, arg_max(ind, y * 12 + last_m) AS industry,
               arg_max(prov, y * 12 + last_m) AS province FROM ey GROUP BY e),
pair AS (
  SELECT t.e, t.y, c.industry, c.province, t.mask, coalesce(l.mask, 0) AS l_mask,
         CASE WHEN l.first_m IS NOT NULL THEN greatest(t.first_m, l.first_m) END AS entry
  FROM ey t LEFT JOIN ey l ON l.e = t.e AND l.y = t.y - 1 JOIN cls c ON c.e = t.e),
sides AS (SELECT e, y, m, va, true AS this FROM r
          UNION ALL SELECT e, y + 1, m, va, false FROM r),
facts AS (
  SELECT p.industry, p.province, s.y, s.m, s.this, s.va,
         CASE WHEN p.entry IS NOT NULL THEN greatest(s.m, p.entry) END AS g,
         ((CASE WHEN s.this THEN p.l_mask ELSE p.mask END >> (s.m - 1)) & 1) = 1 AS paired
  FROM sides s JOIN pair p ON p.e = s.e AND p.y = s.y),
grouped AS (
  SELECT industry, province, y, m, g, this, paired, sum(va) AS va, count(*) AS n
  FROM facts GROUP BY ALL),
frame AS (SELECT DISTINCT industry, province, y, k FROM pair, range(1, 13) t(k)),
monthly AS (
  SELECT industry, province, y, m AS k,
         sum(va) FILTER (this AND paired) AS va_s, sum(va) FILTER (NOT this AND paired) AS va_s_ly,
         sum(n) FILTER (this AND paired) AS n_s
  FROM grouped GROUP BY ALL),
ytd_inc AS (
  SELECT industry, province, y, g AS k, sum(va) FILTER (this) AS va_inc,
         sum(va) FILTER (NOT this) AS va_ly_inc
  FROM grouped WHERE g IS NOT NULL GROUP BY ALL),
entering AS (SELECT industry, province, y, entry AS k, count(*) AS n_inc
             FROM pair WHERE entry IS NOT NULL GROUP BY ALL),
cells AS (
  SELECT f.industry, f.province, f.y * 12 + f.k - 1 AS idx, m.va_s, m.va_s_ly, m.n_s,
    sum(i.va_inc) OVER w AS va_ytd, sum(i.va_ly_inc) OVER w AS va_ytd_ly,
    sum(e.n_inc) OVER w AS n_ytd
  FROM frame f
  LEFT JOIN monthly m USING (industry, province, y, k)
  LEFT JOIN ytd_inc i USING (industry, province, y, k)
  LEFT JOIN entering e USING (industry, province, y, k)
  WINDOW w AS (PARTITION BY f.industry, f.province, f.y ORDER BY f.k)),
rolled AS (
  SELECT coalesce(CASE WHEN grouping(sector) = 0 THEN sector END, industry, 'ALL') AS industry,
         coalesce(province, 'ALL') AS province, idx,
         sum(va_s) AS va_s, sum(va_s_ly) AS va_s_ly, sum(n_s) AS n_s, sum(va_ytd) AS va_ytd,
         sum(va_ytd_ly) AS va_ytd_ly, sum(n_ytd) AS n_ytd
  FROM (SELECT *, {SECTOR_SQL} AS sector FROM cells
        WHERE idx BETWEEN {int(FIRST[:4]) * 12} AND {int(LAST[:4]) * 12 + 11})
  GROUP BY GROUPING SETS ((industry, province, idx), (industry, idx), (sector, province, idx),
                          (sector, idx), (province, idx), (idx)))
SELECT 'va_ytd_yoy' AS indicator, idx, industry, province,
       100 * (va_ytd / va_ytd_ly - 1) AS value, n_ytd AS n
FROM rolled WHERE n_ytd > 0 AND va_ytd_ly > 0
UNION ALL
SELECT 'va_yoy', idx, industry, province,
       CASE WHEN idx % 12 = 1 THEN 100 * (va_ytd / va_ytd_ly - 1)
            ELSE 100 * (va_s / va_s_ly - 1) END,
       CASE WHEN idx % 12 = 1 THEN n_ytd ELSE n_s END
FROM rolled
WHERE (idx % 12 = 1 AND n_ytd > 0 AND va_ytd_ly > 0) OR (idx % 12 > 1 AND n_s > 0 AND va_s_ly > 0)
"""


def run_sql(store_path: Path) -> pd.DataFrame:
    import duckdb

    con = duckdb.connect(str(store_path), read_only=True)
    frame = con.execute(PLAIN_SQL).df()
    con.close()
    return frame


def run_pandas(store_path: Path) -> pd.DataFrame:
    """The headline the way a pandas user writes it: a dense enterprise-month grid,
    grouped running sums, a merge for last year, one groupby per kind of cell."""
    import duckdb

    con = duckdb.connect(str(store_path), read_only=True)
    df = con.execute(
        f"SELECT enterprise_id AS e, industry, province, period, value_added AS va FROM ({CURRENT})"
    ).df()
    con.close()
    df["idx"] = df.period.str[:4].astype(int) * 12 + df.period.str[5:7].astype(int) - 1
    latest = df.sort_values("idx").groupby("e")[["industry", "province"]].last()
    months = np.arange(df.idx.min(), df.idx.max() + 1)
    grid = pd.MultiIndex.from_product([latest.index, months], names=["e", "idx"])
    panel = df.set_index(["e", "idx"])[["va"]].reindex(grid).reset_index()
    panel["has"] = panel.va.notna().astype(int)
    panel["y"] = panel.idx // 12
    by_year = panel.groupby(["e", "y"])
    panel["ytd_va"] = panel.va.fillna(0).groupby([panel.e, panel.y]).cumsum()
    panel["ytd_n"] = by_year.has.cumsum()
    last = panel[["e", "idx", "va", "has", "ytd_va", "ytd_n"]].assign(idx=panel.idx + 12)
    both = panel.merge(last, on=["e", "idx"], how="inner", suffixes=("", "_ly"))
    both = both[both.idx >= int(FIRST[:4]) * 12].join(latest, on="e")
    in_s = (both.has == 1) & (both.has_ly == 1)
    in_ytd = (both.ytd_n > 0) & (both.ytd_n_ly > 0)
    both = both.assign(
        va_s=both.va.where(in_s, 0), va_s_ly=both.va_ly.where(in_s, 0), n_s=in_s.astype(int),
        va_ytd=both.ytd_va.where(in_ytd, 0), va_ytd_ly=both.ytd_va_ly.where(in_ytd, 0),
        n_ytd=in_ytd.astype(int),
    )
    both["sector"] = np.select([both.industry < "13", both.industry < "44"], ["B", "C"], "D")
    return _pandas_headline(both)


def _pandas_headline(both: pd.DataFrame) -> pd.DataFrame:
    sums = ["va_s", "va_s_ly", "n_s", "va_ytd", "va_ytd_ly", "n_ytd"]
    levels = [("industry", "province"), ("industry", None), ("sector", "province"),
              ("sector", None), (None, "province"), (None, None)]
    parts = []
    for ind, prov in levels:
        keys = [k for k in (ind, prov) if k] + ["idx"]
        cell = both.groupby(keys)[sums].sum().reset_index()
        cell["industry"] = cell[ind] if ind else "ALL"
        cell["province"] = cell[prov] if prov else "ALL"
        parts.append(cell[["industry", "province", "idx", *sums]])
    cells = pd.concat(parts, ignore_index=True)
    ytd = cells[(cells.n_ytd > 0) & (cells.va_ytd_ly > 0)]
    ytd = ytd.assign(value=100 * (ytd.va_ytd / ytd.va_ytd_ly - 1), n=ytd.n_ytd)
    monthly = cells[(cells.idx % 12 > 1) & (cells.n_s > 0) & (cells.va_s_ly > 0)]
    monthly = monthly.assign(value=100 * (monthly.va_s / monthly.va_s_ly - 1), n=monthly.n_s)
    return pd.concat([
        ytd.assign(indicator="va_ytd_yoy"),
        ytd[ytd.idx % 12 == 1].assign(indicator="va_yoy"),  # February: Jan-Feb combined
        monthly.assign(indicator="va_yoy"),
    ])[["indicator", "idx", "industry", "province", "value", "n"]]


def child(kind: str, store_path: Path, csv_path: Path, check: Path | None) -> None:
    """Run one measurement and print {seconds, peak_rss, rows} as JSON."""
    import duckdb  # noqa: F401  (imports are not what is measured)
    import ibis

    import indmon.compute
    import indmon.intake  # noqa: F401

    if kind.startswith("engine"):
        # imports, as the SQL child's duckdb: the engine's modules load on first use
        from indmon.compute import compute_indicators  # noqa: F401

        ibis.duckdb  # noqa: B018

    started, cpu_started = time.perf_counter(), _cpu_seconds()
    if kind == "import":
        result: Any = run_import(csv_path, store_path.parent / "import-scratch.duckdb")
    elif kind == "engine":
        result = run_engine(store_path, None)
    elif kind == "engine-headline":
        result = run_engine(store_path, HEADLINE)
    elif kind == "sql":
        result = run_sql(store_path)
    else:
        result = run_pandas(store_path)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
    rows = result if isinstance(result, int) else len(result)
    if check is not None and isinstance(result, pd.DataFrame):
        _normalised(result).to_parquet(check)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print("\n" + json.dumps({"seconds": seconds, "cpu": cpu, "peak_rss": peak, "rows": rows}))


def _cpu_seconds() -> float:
    """CPU time of this process, all threads: steadier than wall time on a shared
    machine, where other jobs' load stretches wall time but not the work done."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _normalised(frame: pd.DataFrame) -> pd.DataFrame:
    if "period" in frame.columns:
        frame = frame[frame.indicator.isin(HEADLINE)].assign(
            idx=frame.period.str[:4].astype(int) * 12 + frame.period.str[5:7].astype(int) - 1)
    keys = ["indicator", "idx", "industry", "province"]
    out = frame[[*keys, "value", "n"]].astype({"idx": int, "n": int, "value": float})
    return out.sort_values(keys, ignore_index=True)


# -- the parent: repeat, take medians, compare ------------------------------------------
KINDS = ("import", "engine", "engine-headline", "sql", "pandas")


def measure_once(kind: str, store_path: Path, csv_path: Path, check: Path | None) -> Any:
    args = [sys.executable, __file__, "--child", kind, "--store", str(store_path),
            "--csv", str(csv_path)]
    if check is not None:
        args += ["--check", str(check)]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr}")
    # the last JSON line: DuckDB may draw a progress bar on the same output before it
    result = json.loads(next(line for line in reversed(done.stdout.splitlines())
                             if line.startswith("{")))
    say(f"{kind}: {result['seconds']:.1f} s (CPU {result['cpu']:.1f} s), "
        f"peak {result['peak_rss'] / 2**30:.2f} GiB")
    return result


def measure(store_path: Path, csv_path: Path, repeat: int) -> dict[str, dict[str, float]]:
    """Each round runs every kind once, so that a machine whose load drifts (it is
    shared) weighs on all of them alike; the figures are medians over rounds."""
    runs: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    for round_ in range(repeat):
        for kind in KINDS:
            check = (store_path.parent / f"{kind}.parquet"
                     if round_ == 0 and kind not in ("import", "engine") else None)
            runs[kind].append(measure_once(kind, store_path, csv_path, check))
    return {kind: {"seconds": statistics.median(r["seconds"] for r in results),
                   "cpu": statistics.median(r["cpu"] for r in results),
                   "peak_gib": max(r["peak_rss"] for r in results) / 2**30,
                   "rows": results[0]["rows"]}
            for kind, results in runs.items()}


def agree(folder: Path) -> str:
    engine, sql, pandas_ = (pd.read_parquet(folder / f"{k}.parquet")
                            for k in ("engine-headline", "sql", "pandas"))
    for name, other in (("SQL", sql), ("pandas", pandas_)):
        pd.testing.assert_frame_equal(engine, other, check_exact=False, rtol=1e-9,
                                      check_dtype=False, obj=f"engine vs {name}")
    return f"{len(engine):,} headline figures identical on all three"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--enterprises", type=int, default=483_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--check", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.store, args.csv, args.check)
        return
    store_path, csv_path = prepared(args.enterprises)
    results = measure(store_path, csv_path, args.repeat)
    report(args.enterprises, results, agree(store_path.parent))


def verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def report(enterprises: int, r: dict[str, dict[str, float]], agreement: str) -> None:
    sec = {k: v["seconds"] for k, v in r.items()}
    cpu = {k: v["cpu"] for k, v in r.items()}
    head, sql = sec["engine-headline"], sec["sql"]
    print(f"National benchmark, SIMULATED panel: {enterprises:,} enterprises, {BASE}..{LAST}, "
          f"computing {FIRST}..{LAST}; medians of rounds, each run in a fresh process; "
          "ratios from the same run")
    print(f"  import one month CSV ({int(r['import']['rows']):,} rows, full validation): "
          f"{sec['import']:.2f} s   target < 10 s: {verdict(sec['import'] < 10)}")
    print(f"  headline (va_yoy, va_ytd_yoy; {agreement}):")
    for label, t in (("wall", sec), ("CPU", cpu)):
        print(f"    {label:4}: engine {t['engine-headline']:.2f} s | plain DuckDB SQL "
              f"{t['sql']:.2f} s | pandas {t['pandas']:.2f} s")
    print(f"    engine / SQL = {head / sql:.2f}x (CPU {cpu['engine-headline'] / cpu['sql']:.2f}x)"
          f"   target <= 1.0x: {verdict(head / sql <= 1.0)}")
    print(f"    pandas / engine = {sec['pandas'] / head:.2f}x "
          f"(CPU {cpu['pandas'] / cpu['engine-headline']:.2f}x)"
          f"   target >= 3x: {verdict(sec['pandas'] / head >= 3)}")
    print(f"  engine, every indicator ({int(r['engine']['rows']):,} figures): "
          f"{sec['engine']:.2f} s (CPU {cpu['engine']:.1f} s) = {sec['engine'] / sql:.2f}x the "
          f"headline SQL (CPU {cpu['engine'] / cpu['sql']:.2f}x)"
          f"   target <= 2x: {verdict(sec['engine'] / sql <= 2.0)}")
    peak = max(r[k]["peak_gib"] for k in ("engine", "engine-headline"))
    print(f"  peak RSS of the engine: {peak:.2f} GiB   target < 4 GiB: {verdict(peak < 4)}")
    print("  peak RSS of each: " + ", ".join(f"{k} {v['peak_gib']:.2f} GiB"
                                            for k, v in r.items()))


if __name__ == "__main__":
    main()
