"""Mapping on releases the project writes itself, against an annotated truth (issue 10).

    python benchmarks/mapping_own.py [-v] [--skip=PREFIX ...]

``benchmarks/mapping_texts/`` holds releases written for indmon in the style of the
statistics bureau's and the ministry's (our own sentences; figures invented), each with
``<name>.truth.jsonl``: one line per fact the text states, with the words that locate it
(``at``, a unique phrase holding the ``mention``), its value, and the catalogue cell it
belongs to (``indicator``, ``period``, ``industry``, ``province``; ``indicator`` null when
the catalogue has none). Texts whose first line says "held-out" were annotated before
they were first run and are reported apart from the others (development texts, written
while the rules were fixed: in-sample).

Printed, per group and language:

- **value F1**: extracted facts against the truth by span overlap, equal value;
- **mapping coverage**: of the truth facts that have a catalogue indicator, the share
  whose extracted fact the mapper maps to any indicator;
- **mapping precision**: of the extracted facts the mapper maps, the share mapped to the
  truth's cell (indicator, period, industry, province); a mapped fact the truth does
  not hold counts as wrong;
- **false conflicts**: each pair (the English and Chinese texts of one name, which state
  the same figures) is ingested into a fresh store, so every conflict ingesting it raises
  is false; the count is summed over the pairs. (Different pairs are invented apart and
  may state one cell differently, as two releases do: those are true conflicts.)

A text that states no year of its own has its publication date beside it in
``NAME.published``, read as ``indmon ingest --published`` would be given it.

With ``-v`` every miss is listed, and every unmapped fact with the reason the mapper gives.
``--skip=PREFIX`` leaves out the texts whose name starts with PREFIX (repeatable), so that
who tunes rules can run the benchmark without seeing texts still to be held out.
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from indmon.catalogue import Catalogue
from indmon.extract import extract_file
from indmon.extract.documents import read_document
from indmon.extract.facts import Fact
from indmon.extract.mapping import indicator_period, map_facts, store_period, unmapped_reason

TEXTS = Path(__file__).resolve().parent / "mapping_texts"
#: the same tolerance as the shared scorer
_RELATIVE = 1e-6


@dataclass(frozen=True)
class Truth:
    start: int
    end: int
    value: float
    cell: tuple[str | None, str, str, str]


@dataclass
class Score:
    truths: int = 0
    predicted: int = 0
    value_matched: int = 0
    with_indicator: int = 0
    covered: int = 0
    mapped: int = 0
    correct: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def value_f1(self) -> float:
        p = self.value_matched / max(1, self.predicted)
        r = self.value_matched / max(1, self.truths)
        return 2 * p * r / (p + r) if p + r else 0.0


def read_truth(path: Path, text: str) -> list[Truth]:
    """The annotated facts of a text, located by their unique ``at`` phrase."""
    truths = []
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        at, mention = row["at"], row["mention"]
        if text.count(at) != 1 or mention not in at:
            raise SystemExit(f"{path.name}: {at!r} must occur once and hold {mention!r}")
        start = text.index(at) + at.index(mention)
        truths.append(Truth(start, start + len(mention), float(row["value"]),
                            (row["indicator"], row["period"], row["industry"], row["province"])))
    return truths


def as_stored(truth: Truth, catalogue: Catalogue) -> Truth:
    """The truth's cell with its period as the store keeps it: an annotator may write the
    first half as ``2027-01/2027-06``, which the store keeps (and the catalogue documents)
    as ``2027-H1``, the first quarter as ``2027-Q1``, the whole year as ``2027``."""
    indicator, period, industry, province = truth.cell
    if not indicator or indicator not in catalogue.indicators or store_period(period) is None:
        return truth
    stored = indicator_period(period, catalogue.indicator(indicator))
    return replace(truth, cell=(indicator, stored, industry, province))


def score_text(path: Path, catalogue: Catalogue, verbose: bool) -> Score:
    text = read_document(path).text
    truths = [as_stored(t, catalogue) for t in read_truth(path.with_suffix(".truth.jsonl"), text)]
    facts = map_facts(extract_file(path, published_of(path)), catalogue)
    score = Score(truths=len(truths), predicted=len(facts),
                  with_indicator=sum(1 for t in truths if t.cell[0]))
    for fact in facts:
        truth = next((t for t in truths if t.start < fact.end and fact.start < t.end), None)
        cell = (fact.indicator, fact.period, fact.industry, fact.province)
        if truth and abs(fact.value - truth.value) <= _RELATIVE * max(1.0, abs(truth.value)):
            score.value_matched += 1
        elif verbose:
            print(f"    value: {path.stem} {fact.mention!r} = {fact.value} "
                  f"(truth: {truth.value if truth else 'no fact'})")
        if truth and truth.cell[0] and fact.indicator:
            score.covered += 1
        if fact.indicator:
            score.mapped += 1
            score.correct += bool(truth and cell == truth.cell)
            if verbose and not (truth and cell == truth.cell):
                print(f"    wrong cell: {path.stem} {fact.mention!r} {cell} "
                      f"truth {truth.cell if truth else None} | {fact.subject}")
        elif verbose and truth and truth.cell[0]:
            print(f"    unmapped: {path.stem} {fact.mention!r} ({truth.cell[0]}): "
                  f"{unmapped_reason(fact, catalogue)}")
    if verbose:
        print_missed(path.stem, text, truths, facts)
    return score


def print_missed(name: str, text: str, truths: list[Truth], facts: list[Fact]) -> None:
    """The annotated facts no extracted fact overlaps."""
    for truth in truths:
        if not any(truth.start < f.end and f.start < truth.end for f in facts):
            print(f"    missed: {name} {text[truth.start:truth.end]!r} {truth.cell}")


def false_conflicts(paths: list[Path], verbose: bool = False) -> tuple[int, int]:
    """(conflicts, observations added) when each pair of texts is ingested into a fresh
    store, summed over the pairs; ``verbose`` prints the figures of each conflict."""
    from indmon.reconcile.ingest import ingest_documents
    from indmon.store import Store

    pairs: dict[str, list[Path]] = {}
    for path in paths:
        pairs.setdefault(path.stem.split("_", 1)[-1], []).append(path)
    conflicts = added = 0
    for name, pair in pairs.items():
        with (tempfile.TemporaryDirectory() as folder,
              Store.open(Path(folder) / "b.duckdb") as store):
            for path in pair:  # one at a time: each text may have its own date
                summary = ingest_documents(store, [path], published=published_of(path))
                conflicts += summary.result.conflicts
                added += summary.result.added
            if verbose:
                print_conflicts(name, store.conflicts(format="records"))
    return conflicts, added


def published_of(path: Path) -> str | None:
    """The publication date given beside a text that states no year (``NAME.published``),
    as its reader would give ``indmon ingest --published``; None when the text dates itself."""
    given = path.with_suffix(".published")
    return given.read_text(encoding="utf-8").strip() if given.exists() else None


def print_conflicts(pair: str, rows: list[dict[str, object]]) -> None:
    """One line per conflicting cell: the values each source states and their mentions."""
    cells: dict[tuple[object, ...], list[str]] = {}
    for row in rows:
        cell = (row["indicator"], row["period"], row["industry"], row["province"])
        cells.setdefault(cell, []).append(f"{row['value']} ({row['mention']!r})")
    for cell, stated in cells.items():
        print(f"    conflict ({pair}): {' '.join(map(str, cell))}: " + " | ".join(stated))


def skipped_prefixes(argv: list[str]) -> tuple[str, ...]:
    """The PREFIX of every ``--skip=PREFIX`` argument."""
    return tuple(a.split("=", 1)[1] for a in argv if a.startswith("--skip=") and "=" in a)


def groups(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {"held-out": [], "development": []}
    for path in sorted(folder.glob("*.txt")):
        if skip and path.name.startswith(skip):
            continue
        first = path.read_text("utf-8").split("\n", 1)[0]
        # a text fixed on says so: "... so now a development text)"; a title may speak of
        # development ("the development of SMEs") and still be held out
        held_out = ("held-out text" in first or "留出集）" in first) and (
            "development text" not in first)
        found["held-out" if held_out else "development"].append(path)
    return found


def report(folder: Path = TEXTS, verbose: bool = False, skip: tuple[str, ...] = ()) -> None:
    catalogue = Catalogue.load()
    print(f"Mapping on texts written for indmon ({folder.name}/; truth annotated by hand):")
    print(f"  {'group':<12}{'lang':<6}{'texts':>6}{'facts':>7}{'value F1':>10}"
          f"{'coverage':>10}{'precision':>11}")
    if skip:
        print(f"  (texts whose name starts with {', '.join(skip)} left out)")
    for label, paths in groups(folder, skip).items():
        if not paths:
            print(f"  {label:<12}no texts")
            continue
        total = Score()
        for lang in ("en", "zh"):
            chosen = [p for p in paths if p.stem.startswith(lang)]
            if not chosen:
                continue
            score = Score()
            for path in chosen:
                score.add(score_text(path, catalogue, verbose))
            total.add(score)
            print(f"  {label:<12}{lang:<6}{len(chosen):>6}{score.truths:>7}"
                  f"{score.value_f1():>10.3f}{score.covered / max(1, score.with_indicator):>10.3f}"
                  f"{score.correct / max(1, score.mapped):>11.3f}")
        conflicts, added = false_conflicts(paths, verbose)
        print(f"  {label:<12}{'all':<6}{len(paths):>6}{total.truths:>7}{total.value_f1():>10.3f}"
              f"{total.covered / max(1, total.with_indicator):>10.3f}"
              f"{total.correct / max(1, total.mapped):>11.3f}"
              f"   false conflicts: {conflicts} ({added} observations added)")
    print("  targets: precision >= 0.95 at coverage >= 0.80, no false conflicts, "
          "value F1 >= 0.97 in each language on held-out texts")


def main() -> None:
    report(TEXTS, "-v" in sys.argv, skipped_prefixes(sys.argv[1:]))


if __name__ == "__main__":
    main()
