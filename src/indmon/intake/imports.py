"""Importing enterprise report files and price index files into the store.

>>> summary = import_reports(store, [Path("reports_2023-06.csv")])   # doctest: +SKIP
>>> summary.files[0].accepted, summary.files[0].rejected               # doctest: +SKIP
(48210, 3)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from indmon.errors import UnreadableFile
from indmon.intake.batches import (
    PRICES,
    REPORTS,
    FileImport,
    Incoming,
    Layout,
    file_sha256,
    skipped,
    take_in,
)
from indmon.intake.readers import read_table
from indmon.store import Store
from indmon.store.raw import Advance, Rejection

#: files with more rows than this get a second progress bar over their rows
ROW_BAR_THRESHOLD = 50_000


@dataclass
class ImportSummary:
    """What an import did, file by file."""

    kind: str
    files: list[FileImport] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(f.rows for f in self.files if not f.skipped_as_duplicate_file)

    @property
    def accepted(self) -> int:
        return sum(f.accepted for f in self.files if not f.skipped_as_duplicate_file)

    @property
    def rejected(self) -> int:
        return sum(f.rejected for f in self.files if not f.skipped_as_duplicate_file)

    @property
    def revisions(self) -> int:
        return sum(f.revisions for f in self.files if not f.skipped_as_duplicate_file)

    @property
    def rejections(self) -> list[Rejection]:
        return [r for f in self.files if not f.skipped_as_duplicate_file for r in f.rejections]


def import_reports(store: Store, paths: Sequence[Path], *, submitted_by: str | None = None,
                   simulated: bool = False, progress: bool = False,
                   own_enterprise: str | None = None) -> ImportSummary:
    """Validate and store enterprise monthly report files, one transaction per file.

    Good rows go in even when other rows of the same file are rejected; rejections are
    kept in the ``rejections`` table. A file imported before (same SHA-256) is skipped
    while its rows are still the current versions; after a later correction it is stored
    again, as a correction back to its values. ``simulated=True`` marks every row as
    coming from the simulated demo panel. With ``own_enterprise`` (a reporter's
    enterprise) a file holding any other enterprise's row is refused whole
    (:class:`indmon.errors.AccessDenied`).
    """
    return _import(store, REPORTS, paths, submitted_by, simulated, progress, own_enterprise)


def import_prices(store: Store, paths: Sequence[Path], *, submitted_by: str | None = None,
                  simulated: bool = False, progress: bool = False) -> ImportSummary:
    """Validate and store producer price index files (industry, period, ppi_yoy)."""
    return _import(store, PRICES, paths, submitted_by, simulated, progress)


def _import(store: Store, layout: Layout, paths: Sequence[Path], submitted_by: str | None,
            simulated: bool, progress: bool, own_enterprise: str | None = None
            ) -> ImportSummary:
    summary = ImportSummary(layout.kind)
    files = [Path(p) for p in paths]
    for path in files:
        if not path.is_file():
            raise UnreadableFile(f"{path}: no such file; check the path", file=str(path))
    shas = [file_sha256(path) for path in files]
    with _bars(progress, len(files)) as bars:
        for i, path in enumerate(files):
            bars.file_started(path.name)
            summary.files.append(_import_file(
                store, layout, path, shas[i], submitted_by, simulated, bars, own_enterprise,
                replayed=shas[i + 1:],
            ))
            bars.file_done()
    return summary


def _import_file(store: Store, layout: Layout, path: Path, sha256: str,
                 submitted_by: str | None, simulated: bool, bars: _Bars,
                 own_enterprise: str | None, replayed: Sequence[str]) -> FileImport:
    # content imported before, still current: nothing to read. A reporter's file is read
    # first all the same, so that a copy of another enterprise's file says nothing of it
    checked = own_enterprise is None
    earlier = skipped(store, layout, str(path), sha256, replayed) if checked else None
    if earlier is not None:
        return earlier
    table = read_table(path)
    advance = bars.rows(table.num_rows)
    return take_in(store, layout, Incoming(str(path), sha256, table),
                   submitted_by=submitted_by, simulated=simulated, advance=advance,
                   own_enterprise=own_enterprise, replayed=replayed, known_new=checked)


class _Bars:
    """Rich progress over files, and over rows for a big file; silent when disabled."""

    def __init__(self, progress: Progress | None, files: int) -> None:
        self.progress = progress
        self.files = progress.add_task("files", total=files) if progress else None
        self.row_task: object = None

    def file_started(self, name: str) -> None:
        if self.progress is not None and self.files is not None:
            self.progress.update(self.files, description=name)

    def rows(self, total: int) -> Advance | None:
        if self.progress is None or total < ROW_BAR_THRESHOLD:
            return None
        progress = self.progress
        task = progress.add_task("  rows", total=total)
        self.row_task = task
        return lambda n: progress.advance(task, n)

    def file_done(self) -> None:
        if self.progress is None or self.files is None:
            return
        self.progress.advance(self.files)
        if self.row_task is not None:
            self.progress.remove_task(self.row_task)  # type: ignore[arg-type]
            self.row_task = None


@contextmanager
def _bars(enabled: bool, files: int) -> Iterator[_Bars]:
    if not enabled:
        yield _Bars(None, files)
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield _Bars(progress, files)
