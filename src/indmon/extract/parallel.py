"""Extraction over a corpus: one JSON Lines file per release, on all cores or on Spark.

Documents are independent, so the work is an embarrassingly parallel map. Locally a
process pool takes the files (extraction is pure Python, so threads would share one core);
on Spark an RDD of paths is mapped on the executors and the records are written by the
driver, so the output folder need not be shared storage in local mode tests.

>>> summary = extract_many([Path("releases")], Path("facts"), workers=2)  # doctest: +SKIP
>>> summary.documents, summary.facts                                       # doctest: +SKIP
(4, 200)
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from indmon.errors import ExtractError
from indmon.extract.documents import find_documents
from indmon.extract.release import extract_file

ENGINES = ("local", "spark")


@dataclass(frozen=True)
class DocumentResult:
    """What one release gave: its identifier, JSON Lines text, fact count and size."""

    doc: str
    jsonl: str
    facts: int
    chars: int


@dataclass
class ExtractSummary:
    """Totals of a corpus run, and where each document's facts went."""

    documents: int = 0
    facts: int = 0
    chars: int = 0
    engine: str = "local"
    workers: int = 1
    outputs: list[Path] = field(default_factory=list)


def extract_document(path: str, published: str | None = None) -> DocumentResult:
    """Extract one file into its JSON Lines text (runs in a worker process or executor)."""
    facts = extract_file(Path(path), published)
    jsonl = "".join(fact.to_json() + "\n" for fact in facts)
    return DocumentResult(Path(path).stem, jsonl, len(facts), Path(path).stat().st_size)


def _write(result: DocumentResult, out_dir: Path, summary: ExtractSummary) -> None:
    target = out_dir / f"{result.doc}.jsonl"
    target.write_text(result.jsonl, encoding="utf-8")
    summary.documents += 1
    summary.facts += result.facts
    summary.chars += result.chars
    summary.outputs.append(target)


Extractor = Callable[[str], DocumentResult]


def _run_local(paths: list[str], workers: int, one: Extractor) -> Iterator[DocumentResult]:
    if workers == 1 or len(paths) == 1:
        yield from map(one, paths)
        return
    chunk = max(1, len(paths) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(one, paths, chunksize=chunk)


def _run_spark(paths: list[str], workers: int, one: Extractor) -> Iterator[DocumentResult]:
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ExtractError(
            "engine 'spark' needs PySpark; install it with: pip install 'indmon[spark]'"
        ) from None
    spark = (
        SparkSession.builder.master(os.environ.get("INDMON_SPARK_MASTER", f"local[{workers}]"))
        .appName("indmon-extract")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    rdd = spark.sparkContext.parallelize(paths, numSlices=max(1, min(len(paths), workers * 2)))
    yield from rdd.map(one).toLocalIterator()


def _check_published(published: str | None) -> None:
    if published is None:
        return
    try:
        dt.date.fromisoformat(published)
    except ValueError:
        raise ExtractError(
            f"published date {published!r} is not a date; write it as YYYY-MM-DD, "
            "e.g. --published 2024-01-19"
        ) from None
    if len(published) != 10:
        raise ExtractError(f"published date {published!r}: write it as YYYY-MM-DD")


def _check_unique_docs(files: list[str]) -> None:
    """Two files with one stem would write one ``<doc>.jsonl``: refuse rather than overwrite."""
    seen: dict[str, str] = {}
    for file in files:
        stem = Path(file).stem
        if stem in seen:
            raise ExtractError(
                f"{seen[stem]} and {file} are both document {stem!r}; their facts would share "
                f"{stem}.jsonl, so rename one of them"
            )
        seen[stem] = file


def extract_many(
    paths: Iterable[Path | str],
    out_dir: Path | str,
    *,
    workers: int | None = None,
    progress: bool = False,
    engine: str = "local",
    published: str | None = None,
) -> ExtractSummary:
    """Extract every release in ``paths`` (files or folders) into ``out_dir/<doc>.jsonl``.

    ``workers`` defaults to every core; ``engine`` is ``local`` (process pool) or ``spark``
    (PySpark, local mode unless ``INDMON_SPARK_MASTER`` names a cluster). ``published``
    (YYYY-MM-DD) dates the releases whose text does not say when they appeared: periods
    such as "in March" or "前三季度" are read against it.
    """
    if engine not in ENGINES:
        raise ExtractError(f"engine {engine!r} is not known; use one of {', '.join(ENGINES)}")
    _check_published(published)
    files = [str(p) for p in find_documents([Path(p) for p in paths])]
    if not files:
        raise ExtractError("no release files found; give .txt files or folders holding them")
    _check_unique_docs(files)
    workers = workers or os.cpu_count() or 1
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    summary = ExtractSummary(engine=engine, workers=workers)
    one = functools.partial(extract_document, published=published)
    run = _run_spark if engine == "spark" else _run_local
    results = run(files, workers, one)
    with Progress(
        "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), disable=not progress, transient=False,
    ) as bar:
        task = bar.add_task("extracting", total=len(files))
        for result in results:
            _write(result, out, summary)
            bar.advance(task)
    return summary
