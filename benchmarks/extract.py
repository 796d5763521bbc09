"""Extraction quality and speed on the shared releases, against quantulum3 in the same run.

    python benchmarks/extract.py [--shared DIR] [--runs N] [--no-baseline] [--annotated DIR]

Quality: indmon's facts and quantulum3's quantities (converted to the facts format) for
every release in ``DIR/releases`` are scored against the hand-annotated ``DIR/gold`` with
``DIR/tools/score_facts.py --json``. Speed: kilobytes of release text (UTF-8) extracted
per second on one core, the median of ``--runs`` passes over the corpus in this process,
for both extractors. quantulum3 is installed with pip on first use when it is missing.

Held-out check: the same scorer on texts written and annotated by hand for indmon
(``tests/extract/data/annotated``), reported apart from the shared gold: held-out texts
(annotated first, never used to tune rules) separately from development texts (in-sample).
"""

from __future__ import annotations

import argparse
import importlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from indmon.extract import extract_facts
from indmon.extract.documents import read_document
from indmon.extract.periods import document_time

REPO = Path(__file__).resolve().parents[1]

#: quantulum3 unit names to facts-format units; anything else keeps its own name
QUANTULUM_UNITS = {
    "percentage": "percent",
    "dimensionless": "count",
    "chinese yuan": "cny",
    "renminbi": "cny",
    "dollar": "usd",
    "united states dollar": "usd",
    "ton": "ton",
    "tonne": "ton",
    "metric ton": "ton",
    "twenty-foot equivalent unit": "teu",
    "year": "year",
    "month": "month",
}
#: quantulum3 finds quantities, not what they measure: the genre's commonest reading
QUANTULUM_MEASURES = {"percent": "growth_yoy", "count": "count", "year": "streak",
                      "month": "streak"}


def ensure_quantulum() -> Any:
    """Import quantulum3's parser, installing the package with pip when it is missing."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns that its optional classifier is absent
        try:
            return importlib.import_module("quantulum3.parser")
        except ImportError:
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "quantulum3"],
                           check=True)
            return importlib.import_module("quantulum3.parser")


def quantulum_facts(parser: Any, text: str, doc: str, lang: str) -> list[dict[str, Any]]:
    """quantulum3's quantities as facts: its span, value and unit; measure by unit; the
    document's topic period (from indmon's reading of the head) and region CN."""
    topic = document_time(text, lang).topic
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantities = parser.parse(text)
    facts = []
    for q in quantities:
        unit = QUANTULUM_UNITS.get(q.unit.name, q.unit.name.replace(" ", "_"))
        start, end = q.span
        facts.append({
            "doc": doc, "start": start, "end": end, "mention": text[start:end],
            "value": q.value, "unit": unit, "measure": QUANTULUM_MEASURES.get(unit, "level"),
            "subject": "", "period": topic, "region": "CN",
        })
    return facts


def indmon_facts(text: str, doc: str, lang: str) -> list[dict[str, Any]]:
    return [f.to_record() for f in extract_facts(text, doc, lang=lang)]


Extractor = Callable[[str, str, str], list[dict[str, Any]]]


def write_and_score(
    shared: Path, documents: list[Any], extractor: Extractor, gold: Path | None = None
) -> dict[str, Any]:
    """Extract every document into a temporary folder and score it against ``gold``
    (default: the shared gold) with the shared scorer."""
    with tempfile.TemporaryDirectory(prefix="indmon-bench-") as tmp:
        for document in documents:
            records = extractor(document.text, document.doc, document.lang)
            lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
            (Path(tmp) / f"{document.doc}.jsonl").write_text(lines, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(shared / "tools" / "score_facts.py"),
             str(gold or shared / "gold"), tmp, "--json"],
            check=True, capture_output=True, text=True,
        )
    scores: dict[str, Any] = json.loads(result.stdout)
    return scores


#: hand-annotated texts of tests/extract/data/annotated that were annotated and first run
#: before any rule was changed for the other texts, and never used to tune the rules
HELD_OUT = ("en_ict_bulletin", "zh_sector_report")


def score_annotated(shared: Path, folder: Path, names: list[str]) -> dict[str, Any]:
    """indmon on texts written and annotated by hand for indmon, same scorer as the gold."""
    documents = [read_document(folder / f"{name}.txt") for name in names]
    with tempfile.TemporaryDirectory(prefix="indmon-gold-") as gold:
        for name in names:
            shutil.copy(folder / f"{name}.jsonl", Path(gold) / f"{name}.jsonl")
        return write_and_score(shared, documents, indmon_facts, Path(gold))


def report_annotated(shared: Path, folder: Path) -> None:
    names = sorted(p.stem for p in folder.glob("*.txt"))
    held_out = [n for n in names if n in HELD_OUT]
    development = [n for n in names if n not in HELD_OUT]
    print(f"\nindmon on texts written for indmon ({folder}); all were written and annotated "
          "by hand before the rule changes of this round:")
    groups = (("held-out", held_out, "annotated, then run once; rules never tuned on them"),
              ("development", development, "in-sample: the rules were fixed on them"))
    for label, group, note in groups:
        if not group:
            continue
        scores = score_annotated(shared, folder, group)
        print(f"  {label} ({note}): {', '.join(group)}")
        print(f"    {scores['predicted']} predicted, {scores['gold']} gold facts; "
              + ", ".join(f"{k} F1={scores[k]['f1']:.3f}" for k in ("span", "value", "full"))
              + f"; period agreement {scores['period_agreement']:.3f}, "
              f"region agreement {scores['region_agreement']:.3f}")


def throughput(documents: list[Any], extractor: Extractor, runs: int) -> float:
    """Median KB of UTF-8 text per second, one process, over the whole corpus."""
    size_kb = sum(len(d.text.encode("utf-8")) for d in documents) / 1000
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        for document in documents:
            extractor(document.text, document.doc, document.lang)
        timings.append(time.perf_counter() - began)
    return size_kb / statistics.median(timings)


def chinese_throughput(runs: int) -> tuple[float, float]:
    """(KB/s, characters/s) on the simulated Chinese samples of the tests, repeated to about
    100 KB: the shared gold is English, so Chinese speed is measured on text we wrote."""
    samples = sorted((REPO / "tests" / "extract" / "data").glob("zh_*.txt"))
    text = "".join(p.read_text(encoding="utf-8") for p in samples)
    text *= max(1, 100_000 // max(1, len(text.encode("utf-8"))))
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        extract_facts(text, "zh-sample", lang="zh")
        timings.append(time.perf_counter() - began)
    seconds = statistics.median(timings)
    return len(text.encode("utf-8")) / 1000 / seconds, len(text) / seconds


def report(name: str, scores: dict[str, Any], kb_per_s: float) -> None:
    print(f"{name}: {scores['predicted']} predicted, {scores['gold']} gold facts")
    for key in ("span", "value", "full"):
        s = scores[key]
        print(f"  {key:5}  P={s['precision']:.3f}  R={s['recall']:.3f}  F1={s['f1']:.3f}")
    print(f"  period agreement {scores['period_agreement']:.3f}, "
          f"region agreement {scores['region_agreement']:.3f}")
    print(f"  throughput {kb_per_s:,.0f} KB/s on one core")


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args.add_argument("--runs", type=int, default=5, help="passes over the corpus for timing")
    args.add_argument("--no-baseline", action="store_true", help="skip quantulum3")
    args.add_argument("--annotated", type=Path,
                      default=REPO / "tests" / "extract" / "data" / "annotated",
                      help="texts annotated by hand for indmon (held-out and development)")
    options = args.parse_args()
    releases = sorted((options.shared / "releases").glob("*.txt"))
    documents = [read_document(p) for p in releases]
    size = sum(len(d.text.encode("utf-8")) for d in documents) / 1000
    print(f"corpus: {len(documents)} releases, {size:,.1f} KB, gold in {options.shared / 'gold'}")
    ours = write_and_score(options.shared, documents, indmon_facts)
    ours_speed = throughput(documents, indmon_facts, options.runs)
    report("indmon", ours, ours_speed)
    zh_kb, zh_chars = chinese_throughput(options.runs)
    print(f"  Chinese (simulated samples): {zh_kb:,.0f} KB/s, {zh_chars:,.0f} characters/s "
          "on one core")
    report_annotated(options.shared, options.annotated)
    if options.no_baseline:
        return
    parser = ensure_quantulum()
    def baseline(text: str, doc: str, lang: str) -> list[dict[str, Any]]:
        return quantulum_facts(parser, text, doc, lang)
    theirs = write_and_score(options.shared, documents, baseline)
    theirs_speed = throughput(documents, baseline, max(1, options.runs // 2))
    report("quantulum3", theirs, theirs_speed)
    print(f"ratios indmon/quantulum3: value F1 {ours['value']['f1'] / max(theirs['value']['f1'], 1e-9):.2f}x, "  # noqa: E501
          f"full F1 {ours['full']['f1'] / max(theirs['full']['f1'], 1e-9):.2f}x, "
          f"speed {ours_speed / theirs_speed:.1f}x")


if __name__ == "__main__":
    main()
