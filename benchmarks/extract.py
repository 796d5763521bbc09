"""Extraction quality and speed on the shared releases, against quantulum3 in the same run.

    python benchmarks/extract.py [--shared DIR] [--runs N] [--no-baseline] [--annotated DIR]
                                 [--dense-kb KB]

Quality: indmon's facts and quantulum3's quantities (converted to the facts format) for
every release in ``DIR/releases`` are scored against the hand-annotated ``DIR/gold`` with
``DIR/tools/score_facts.py --json``. Speed: kilobytes of release text (UTF-8) extracted
per second on one core (wall clock), the median of ``--runs`` passes over the corpus in
this process, for both extractors. quantulum3 is installed with pip on first use when it
is missing.

Speed on dense releases (issue 12, target 2 MB/s per core): the density of the shared
releases is measured from their gold (facts per KB of UTF-8: the corpus, its densest
release, and the paragraphs that state figures); English and Chinese releases of the
density of those paragraphs are written by ``extract_texts.py`` (our own sentences, about
``--dense-kb`` KB each); extraction is timed on them in this process (CPU time, so
that other jobs on a shared machine do not count; wall time beside it), the median of
``--runs`` passes, against a floor measured in the same run on the same text: one
``re.finditer`` pass for numbers and one for sentence ends. For information, the same on
the shared releases and on the Chinese communiqué samples of the tests (far denser).

Held-out check: the same scorer on texts written and annotated by hand for indmon
(``tests/extract/data/annotated``), reported apart from the shared gold: held-out texts
(annotated first, never used to tune rules) separately from development texts (in-sample).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract_texts import dense_text

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


# ---------------------------------------------------------------- dense releases

#: issue 12: extraction of dense releases, MB of UTF-8 per second on one core
TARGET_MB_PER_CORE = 2.0


@dataclass(frozen=True)
class Density:
    """Gold facts per KB of UTF-8 in the shared releases."""

    corpus: float
    densest: float
    densest_doc: str
    #: in the paragraphs (lines) that state at least one gold fact
    in_figure_paragraphs: float
    figure_share: float


def measure_density(shared: Path) -> Density:
    """Facts per KB of the real releases, read off their hand-annotated gold."""
    facts = kb = figure_facts = figure_kb = 0.0
    densest, densest_doc = 0.0, ""
    for path in sorted((shared / "releases").glob("*.txt")):
        text = read_document(path).text
        gold_file = shared / "gold" / f"{path.stem.split('_')[0]}.jsonl"
        if not gold_file.exists():
            continue
        starts = [json.loads(line)["start"] for line in gold_file.read_text(
            encoding="utf-8").splitlines() if line.strip()]
        size = len(text.encode("utf-8")) / 1000
        facts, kb = facts + len(starts), kb + size
        if len(starts) / size > densest:
            densest, densest_doc = len(starts) / size, path.stem
        for line in re.finditer(r"[^\n]+", text):
            stated = sum(1 for s in starts if line.start() <= s < line.end())
            if stated:
                figure_facts += stated
                figure_kb += len(line.group().encode("utf-8")) / 1000
    return Density(facts / kb, densest, densest_doc, figure_facts / figure_kb, figure_kb / kb)


@dataclass(frozen=True)
class Speed:
    """Median CPU and wall seconds of a pass, and what the pass found."""

    cpu: float
    wall: float
    facts: int


def timed(work: Callable[[], int], runs: int) -> Speed:
    """Medians over ``runs`` passes (after one untimed pass, which loads the catalogue)."""
    facts = work()
    cpu, wall = [], []
    for _ in range(runs):
        began_cpu, began_wall = time.process_time(), time.perf_counter()
        work()
        cpu.append(time.process_time() - began_cpu)
        wall.append(time.perf_counter() - began_wall)
    return Speed(statistics.median(cpu), statistics.median(wall), facts)


_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE_ENDS = re.compile(r"[.!?。！？\n]")


def floor_pass(text: str) -> int:
    """The reference: one regular expression pass for numbers, one for sentence ends."""
    return sum(1 for _ in _NUMBERS.finditer(text)) + sum(1 for _ in _SENTENCE_ENDS.finditer(text))


def extraction_pass(texts: list[tuple[str, str, str]]) -> int:
    """Extract every text and write its records as ``indmon extract`` does (JSON Lines)."""
    found = 0
    for text, doc, lang in texts:
        facts = extract_facts(text, doc, lang=lang)
        "".join(fact.to_json() + "\n" for fact in facts)
        found += len(facts)
    return found


def speed_line(label: str, size_kb: float, speed: Speed, floor: Speed, target: bool) -> str:
    mb_core = size_kb / 1000 / speed.cpu
    verdict = ""
    if target:
        verdict = (f"  (target >= {TARGET_MB_PER_CORE:.1f} MB/s/core: "
                   f"{'met' if mb_core >= TARGET_MB_PER_CORE else 'NOT MET'})")
    return (f"  {label}: {mb_core:.2f} MB/s/core (wall {size_kb / 1000 / speed.wall:.2f} MB/s), "
            f"{speed.facts / speed.cpu:,.0f} facts/s; floor {size_kb / 1000 / floor.cpu:.0f} "
            f"MB/s/core, extraction = {speed.cpu / floor.cpu:.0f}x the floor{verdict}")


def report_dense(shared: Path, documents: list[Any], runs: int, dense_kb: float) -> None:
    density = measure_density(shared)
    print(f"\ndensity of the shared releases (gold facts per KB of UTF-8): corpus "
          f"{density.corpus:.2f}, densest release {density.densest:.2f} ({density.densest_doc}),"
          f" paragraphs stating figures {density.in_figure_paragraphs:.2f} "
          f"({density.figure_share:.0%} of the text)")
    print(f"speed on dense releases written by extract_texts.py at "
          f"{density.in_figure_paragraphs:.2f} facts/KB, one process, CPU time, median of "
          f"{runs}:")
    for lang, name in (("en", "English"), ("zh", "Chinese")):
        dense = dense_text(lang, dense_kb, density.in_figure_paragraphs)
        texts = [(dense.text, f"dense-{lang}", lang)]
        floor = timed(functools.partial(floor_pass, dense.text), runs)
        speed = timed(functools.partial(extraction_pass, texts), runs)
        print(f"  {name}, {dense.kb:,.0f} KB, {dense.planted:,} figures planted "
              f"({dense.density:.2f}/KB), {speed.facts:,} facts found "
              f"({speed.facts / dense.kb:.2f}/KB)")
        print(speed_line(name, dense.kb, speed, floor, target=True))
    real = [(d.text, d.doc, d.lang) for d in documents]
    size = sum(len(d.text.encode("utf-8")) for d in documents) / 1000
    floor = timed(lambda: sum(floor_pass(d.text) for d in documents), runs)
    speed = timed(functools.partial(extraction_pass, real), runs)
    print(f"  for information, the shared releases ({size:.1f} KB, "
          f"{density.corpus:.2f} facts/KB in the gold):")
    print(speed_line("real releases", size, speed, floor, target=False))
    samples = chinese_samples()
    size = len(samples.encode("utf-8")) / 1000
    floor = timed(functools.partial(floor_pass, samples), runs)
    speed = timed(functools.partial(extraction_pass, [(samples, "zh-samples", "zh")]), runs)
    print(f"  for information, the Chinese communiqué samples of the tests repeated to "
          f"{size:.0f} KB ({speed.facts / size:.1f} facts/KB, denser than any shared release):")
    print(speed_line("Chinese samples", size, speed, floor, target=False))


def chinese_samples() -> str:
    """The simulated Chinese samples of the tests, repeated to about 100 KB."""
    samples = sorted((REPO / "tests" / "extract" / "data").glob("zh_*.txt"))
    text = "".join(p.read_text(encoding="utf-8") for p in samples)
    return text * max(1, 100_000 // max(1, len(text.encode("utf-8"))))


def report(name: str, scores: dict[str, Any], kb_per_s: float) -> None:
    print(f"{name}: {scores['predicted']} predicted, {scores['gold']} gold facts")
    for key in ("span", "value", "full"):
        s = scores[key]
        print(f"  {key:5}  P={s['precision']:.3f}  R={s['recall']:.3f}  F1={s['f1']:.3f}")
    print(f"  period agreement {scores['period_agreement']:.3f}, "
          f"region agreement {scores['region_agreement']:.3f}")
    print(f"  throughput {kb_per_s:,.0f} KB/s on one core (wall clock)")


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args.add_argument("--runs", type=int, default=5, help="passes over the corpus for timing")
    args.add_argument("--no-baseline", action="store_true", help="skip quantulum3")
    args.add_argument("--annotated", type=Path,
                      default=REPO / "tests" / "extract" / "data" / "annotated",
                      help="texts annotated by hand for indmon (held-out and development)")
    args.add_argument("--dense-kb", type=float, default=200.0,
                      help="size of each dense release written for the speed measurement")
    options = args.parse_args()
    releases = sorted((options.shared / "releases").glob("*.txt"))
    documents = [read_document(p) for p in releases]
    size = sum(len(d.text.encode("utf-8")) for d in documents) / 1000
    print(f"corpus: {len(documents)} releases, {size:,.1f} KB, gold in {options.shared / 'gold'}")
    ours = write_and_score(options.shared, documents, indmon_facts)
    ours_speed = throughput(documents, indmon_facts, options.runs)
    report("indmon", ours, ours_speed)
    report_dense(options.shared, documents, options.runs, options.dense_kb)
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
