"""A store with REAL (not simulated) enterprise reports next to published figures.

Six made-up enterprises in three industries and two provinces report every month of
2022 and 2023 as CSV files; they go in through the importer and the computation like
any reporting enterprise's files, so every computed figure has the origin ``computed``.
The published figures come from a made-up release. The report card of such a store
must call the computed figures computed, never published.
"""

from __future__ import annotations

import csv
from pathlib import Path

from indmon.compute import run_compute
from indmon.compute.disclosure import DisclosureRule
from indmon.intake import import_reports
from indmon.store import NewObservation, Source, Store

#: (enterprise, industry, province, value added in January 2022, in yuan)
ENTERPRISES = (("E01", "13", "320000", 100.0), ("E02", "13", "440000", 80.0),
               ("E03", "26", "320000", 150.0), ("E04", "26", "440000", 60.0),
               ("E05", "36", "320000", 200.0), ("E06", "36", "440000", 120.0))
#: value added in 2023 against 2022, by industry
GROWTH = {"13": 1.03, "26": 1.06, "36": 1.10}
RELEASE = Source("real-release-2024", kind="release", publisher="A statistics office",
                 title="Industry in 2023 (test release)", published="2024-01-17", lang="en")
RELEASE_2023 = Source("real-release-2023", kind="release", publisher="A statistics office",
                      title="Industry in 2022 (test release)", published="2023-01-17",
                      lang="en")
HEADER = ("enterprise_id", "period", "industry", "province", "output_value", "value_added",
          "revenue", "profit", "employees")


def write_reports(folder: Path) -> list[Path]:
    """One CSV file per month of 2022 and 2023."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for year in (2022, 2023):
        for month in range(1, 13):
            period = f"{year}-{month:02d}"
            path = folder / f"reports_{period}.csv"
            with path.open("w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out)
                writer.writerow(HEADER)
                for enterprise, industry, province, base in ENTERPRISES:
                    va = base * (GROWTH[industry] if year == 2023 else 1.0) * (1 + month / 100)
                    loss = 20.0 if enterprise == "E04" else 0.0
                    writer.writerow([enterprise, period, industry, province, round(3 * va, 2),
                                     round(va, 2), round(4 * va, 2), round(va / 10 - loss, 2),
                                     50])
            paths.append(path)
    return paths


def build_real_store(path: Path) -> None:
    """Import and compute the reports, then record the published figures."""
    with Store.open(path) as store:
        summary = import_reports(store, write_reports(path.parent / "reports"))
        assert summary.rejected == 0, summary.rejections
        # six enterprises: the default rule would suppress every computed cell, and these
        # tests are about what a card shows (tests/report/test_card_clearance.py and
        # tests/web/test_disclosure.py are about what it withholds)
        computed = run_compute(store, disclosure=DisclosureRule(0, 1.0, 1.0))
        assert not computed.simulated
        store.record([
            NewObservation("va_ytd_yoy", "2023", 4.6, "percent", mention="4.6%"),
            NewObservation("va_ytd_yoy", "2023", 5.0, "percent", industry="C", mention="5.0%"),
            NewObservation("g5_base_stations", "2023-12-31", 3.377e6, "count"),
            NewObservation("telecom_revenue_yoy", "2023-01/2023-11", 6.9, "percent"),
        ], RELEASE)
        store.record([
            NewObservation("va_ytd_yoy", "2022", 3.6, "percent", mention="3.6%"),
            NewObservation("g5_base_stations", "2022-12-31", 2.312e6, "count"),
            NewObservation("telecom_revenue_yoy", "2022-01/2022-11", 8.3, "percent"),
        ], RELEASE_2023)
