"""Import one national month of enterprise reports (483,000 rows, CSV) with full validation.

Target: under 10 s on a 2-core machine. Prints medians of several runs and the ratio to a
reference measured in the same run: DuckDB reading the same CSV and inserting it into a
table with no validation at all (the floor any importer stands on).
Also times the simulated demo panel (6,000 enterprises, 36 months).

    python benchmarks/intake.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from indmon.demo.panel import DEMO_ENTERPRISES, NATIONAL_ENTERPRISES, generate_panel
from indmon.intake import import_reports
from indmon.store import Store


def median_seconds(action: Callable[[int], object], runs: int) -> float:
    times = []
    for run in range(runs):
        started = time.perf_counter()
        action(run)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        month = generate_panel(work / "national", enterprises=NATIONAL_ENTERPRISES,
                               start="2023-06", end="2023-06", fmt="csv").reports[0]

        def validated(run: int) -> None:
            with Store.open(work / f"store{run}.duckdb") as store:
                summary = import_reports(store, [month])
            assert summary.rejected == 0

        def reference(run: int) -> None:
            con = duckdb.connect(str(work / f"plain{run}.duckdb"))
            con.execute(f"CREATE TABLE reports AS SELECT * FROM read_csv('{month}')")
            con.close()

        rows = sum(1 for _ in month.open(encoding="utf-8")) - 1
        megabytes = month.stat().st_size / 1e6
        ours = median_seconds(validated, runs)
        floor = median_seconds(reference, runs)
        panel = median_seconds(lambda run: generate_panel(
            work / f"demo{run}", enterprises=DEMO_ENTERPRISES), runs)
    print(f"national month: {rows:,} rows, {megabytes:.0f} MB CSV")
    print(f"import with validation:      median {ours:.2f} s over {runs} runs "
          f"({rows / ours:,.0f} rows/s; target < 10 s)")
    print(f"plain DuckDB CSV -> table:   median {floor:.2f} s")
    print(f"ratio validated / plain:     {ours / floor:.2f}")
    print(f"demo panel ({DEMO_ENTERPRISES:,} enterprises, 36 months): median {panel:.2f} s")


if __name__ == "__main__":
    main()
