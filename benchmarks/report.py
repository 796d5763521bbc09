"""How long a report card takes: building the briefing, then each format, both languages.

The store holds the bundled published figures and a simulated computation for every
industry and province (random figures, labelled simulated). Prints medians of several
runs and each format's time as a multiple of building the briefing alone, measured in
the same run.

    python benchmarks/report.py
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from indmon.catalogue import Catalogue
from indmon.reconcile.published import load_published
from indmon.report import build_briefing, render_briefing
from indmon.store import Source, Store

RUNS = 3


def simulated_computation(store: Store) -> None:
    cat = Catalogue.load()
    rng = random.Random(7)
    rows = []
    for month in [f"2023-{m:02d}" for m in range(2, 13)]:
        rows.append(("va_yoy", month, "ALL", "ALL", rng.uniform(2, 7), "percent"))
        rows.append(("va_ytd_yoy", month, "ALL", "ALL", rng.uniform(3, 6), "percent"))
    for code in (*cat.industries, "B", "C", "D"):
        rows.append(("va_ytd_yoy", "2023-12", code, "ALL", rng.uniform(-5, 15), "percent"))
        rows.append(("va_contribution_pp", "2023-12", code, "ALL", rng.uniform(-0.3, 0.6),
                     "percentage_point"))
        rows.append(("profit_ytd_yoy", "2023-12", code, "ALL", rng.uniform(-30, 40), "percent"))
    rows += [("va_ytd_yoy", "2023-12", "ALL", code, rng.uniform(-2, 10), "percent")
             for code in cat.provinces]
    frame = pd.DataFrame(rows, columns=["indicator", "period", "industry", "province", "value",
                                        "unit"])
    store.record_frame(frame, Source("bench-computation", kind="computation",
                                     publisher="indmon", title="Benchmark computation",
                                     published="2024-01-20", simulated=True))


def median_seconds(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.duckdb")
        load_published(store)
        simulated_computation(store)
        print(f"report card for 2023, median of {RUNS} runs (seconds)")
        for lang in ("en", "zh"):
            build = median_seconds(lambda lang=lang: build_briefing(store, "2023", lang))
            briefing = build_briefing(store, "2023", lang)
            print(f"  {lang} build briefing      {build:7.2f}")
            for fmt in ("md", "html", "pdf"):
                seconds = median_seconds(
                    lambda fmt=fmt, b=briefing: render_briefing(b, fmt))
                print(f"  {lang} render {fmt:<4}         {seconds:7.2f}"
                      f"   ({seconds / build:5.1f} x build)")
        store.close()


if __name__ == "__main__":
    main()
