"""Readers that announce which files they handle.

Each reader module has ``handles(path) -> bool`` and ``read(path, limits) ->
pyarrow.Table``. ``read_table`` asks them in turn; when none handles a file the error
lists every reader tried, so the user knows which formats are accepted. Readers return
every cell as text (or null for an empty cell): validation, not the reader, decides what
a value means, so that a rejected cell can be shown exactly as the submitter wrote it.

Every reader keeps to :class:`~indmon.intake.readers.limits.ReadLimits` (inflated size,
compression ratio, rows, columns, seconds) and refuses a file over one of them whole
(``FileOverLimit``), before anything of it reaches the store.

The web app reads an upload with ``read_ahead`` in a worker thread before it takes the
store's write lock, so that a slow or hostile file holds up no other request; the import
that follows, under the lock, gets the table already read instead of parsing the file a
second time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pyarrow as pa

from indmon.errors import UnreadableFile
from indmon.intake.readers import csv, parquet, xlsx
from indmon.intake.readers.limits import FileOverLimit, ReadLimits

#: asked in this order; the first whose ``handles`` says yes reads the file
READERS: tuple[ModuleType, ...] = (csv, parquet, xlsx)

#: tables read ahead (``read_ahead``), by resolved path, with the file's size and mtime
_AHEAD: dict[str, tuple[tuple[int, int], pa.Table]] = {}
_AHEAD_LOCK = threading.Lock()


def reader_names() -> list[str]:
    return [reader.NAME for reader in READERS]


def read_table(path: Path, limits: ReadLimits | None = None) -> pa.Table:
    """Read any supported file into a table of text columns, one row per data row,
    within ``limits`` (default: the ``INDMON_MAX_*`` settings)."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file; check the path", file=str(path))
    ahead = _read_before(path)
    if ahead is not None:
        return ahead
    limits = limits or ReadLimits.from_env()
    for reader in READERS:
        if reader.handles(path):
            table: pa.Table = reader.read(path, limits)
            return table
    tried = reader_names()
    raise UnreadableFile(
        f"{path.name}: no reader handles this file (tried {', '.join(tried)}); save it as "
        "CSV (.csv), Parquet (.parquet) or Excel (.xlsx)",
        file=str(path), tried=tried,
    )


@contextmanager
def read_ahead(path: Path, limits: ReadLimits | None = None) -> Iterator[pa.Table]:
    """Read ``path`` now (within ``limits``); while the block runs, ``read_table(path)``
    returns this table as long as the file is unchanged."""
    table = read_table(path, limits)
    key = str(path.resolve())
    with _AHEAD_LOCK:
        _AHEAD[key] = (_stamp(path), table)
    try:
        yield table
    finally:
        with _AHEAD_LOCK:
            _AHEAD.pop(key, None)


def _read_before(path: Path) -> pa.Table | None:
    with _AHEAD_LOCK:
        found = _AHEAD.get(str(path.resolve()))
    if found is None or found[0] != _stamp(path):
        return None
    return found[1]


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


__all__ = ["READERS", "FileOverLimit", "ReadLimits", "read_ahead", "read_table",
           "reader_names"]
