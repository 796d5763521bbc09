"""How well facts map to the catalogue, measured on the hand-annotated gold facts.

Prints how many gold facts map to an indicator at all, and how often the mapping (the
indicator, and the whole cell: indicator, period, industry, province) is the one the
bundled published dataset (catalogue/data/published/figures.csv) assigns to the same
span of the same release; then the same for the facts the extractor finds in the release
texts. Also times the mapping and an ingest of the releases (medians of several runs).
Last, the mapping benchmark on texts written for indmon with an annotated truth of
indicator, cell and period per fact (``mapping_own.py``): value F1, mapping coverage and
precision by language, and the false conflicts ingesting them raises.

    python benchmarks/mapping.py [GOLD_DIR] [-v] [--skip=PREFIX ...]
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from indmon.catalogue import Catalogue
from indmon.extract.facts import Fact
from indmon.extract.mapping import map_facts

GOLD = Path("/work/shared/gold")
RELEASES = Path("/work/shared/releases")
RUNS = 7


def gold_facts(folder: Path) -> list[Fact]:
    return [
        Fact.from_record(json.loads(line))
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines() if line.strip()
    ]


def published_cells() -> dict[tuple[str, int, int], tuple[str, str, str, str]]:
    """(doc, start, end) -> (indicator, period, industry, province) of the dataset."""
    text = (resources.files("indmon.catalogue") / "data" / "published" / "figures.csv"
            ).read_text("utf-8")
    return {
        (row["doc"], int(row["start"]), int(row["end"])):
            (row["indicator"], row["period"], row["industry"], row["province"])
        for row in csv.DictReader(text.splitlines())
    }


def median_seconds(facts: list[Fact], catalogue: Catalogue) -> float:
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        map_facts(facts, catalogue)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def extracted_facts(folder: Path) -> list[Fact]:
    """What the extractor finds in the release texts next to the gold folder."""
    from indmon.extract import extract_file

    return [fact for path in sorted(folder.glob("*.txt")) for fact in extract_file(path)]


def compare(label: str, facts: list[Fact], catalogue: Catalogue) -> None:
    mapped = map_facts(facts, catalogue)
    expected = published_cells()
    in_dataset = [(f, expected[(f.doc, f.start, f.end)]) for f in mapped
                  if (f.doc, f.start, f.end) in expected]
    same_indicator = sum(1 for f, cell in in_dataset if f.indicator == cell[0])
    same_cell = sum(1 for f, cell in in_dataset
                    if (f.indicator, f.period, f.industry, f.province) == cell)
    count = sum(1 for f in mapped if f.indicator)
    print(f"{label + ' facts:':<36}{len(facts)}")
    print(f"  mapped to an indicator:           {count} ({count / len(facts):.0%})")
    print(f"  at spans the dataset assigns:     {len(in_dataset)}")
    print(f"  same indicator as the dataset:    {same_indicator} "
          f"({same_indicator / max(1, len(in_dataset)):.0%})")
    print(f"  same cell (indicator, period, industry, province): {same_cell} "
          f"({same_cell / max(1, len(in_dataset)):.0%})")
    seconds = median_seconds(facts, catalogue)
    print(f"  mapping time, median of {RUNS} runs: {seconds * 1e3:.1f} ms "
          f"({seconds / len(facts) * 1e6:.0f} us per fact)")
    if "-v" in sys.argv:
        for f, cell in in_dataset:
            if (f.indicator, f.period, f.industry, f.province) != cell:
                print("  differs:", f.doc[:3], f.start, (f.indicator, f.period, f.industry,
                      f.province), "dataset:", cell, "|", f.subject[:70])


def ingest_timings(releases: Path) -> None:
    """Ingest the releases into a fresh store, then again (which must change nothing)."""
    from indmon.reconcile.ingest import ingest_documents
    from indmon.store import Store

    paths = sorted(releases.glob("*.txt"))
    first, again = [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(3):
            with Store.open(Path(folder) / f"run{run}.duckdb") as store:
                began = time.perf_counter()
                summary = ingest_documents(store, paths)
                first.append(time.perf_counter() - began)
                began = time.perf_counter()
                repeat = ingest_documents(store, paths)
                again.append(time.perf_counter() - began)
    total = summary.result
    print(f"ingest of {len(paths)} releases: {summary.facts} facts, {summary.mapped} mapped, "
          f"{total.added} observations added, {total.merged} merged, "
          f"{total.conflicts} conflicts; again: {repeat.result.added} added")
    print(f"  ingest time, median of 3: {statistics.median(first):.2f} s; "
          f"again: {statistics.median(again):.2f} s "
          f"({statistics.median(again) / statistics.median(first):.2f} of the first)")


def main(folder: Path) -> None:
    from mapping_own import report, skipped_prefixes

    catalogue = Catalogue.load()
    if folder.is_dir():
        compare("gold", gold_facts(folder), catalogue)
    releases = folder.parent / "releases"
    if releases.is_dir():
        compare("extracted", extracted_facts(releases), catalogue)
        ingest_timings(releases)
    print()
    report(verbose="-v" in sys.argv, skip=skipped_prefixes(sys.argv[1:]))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(Path(args[0]) if args else GOLD)
