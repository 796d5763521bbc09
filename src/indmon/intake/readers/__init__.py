"""Readers that announce which files they handle.

Each reader module has ``handles(path) -> bool`` and ``read(path) -> pyarrow.Table``.
``read_table`` asks them in turn; when none handles a file the error lists every reader
tried, so the user knows which formats are accepted. Readers return every cell as text
(or null for an empty cell): validation, not the reader, decides what a value means, so
that a rejected cell can be shown exactly as the submitter wrote it.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pyarrow as pa

from indmon.errors import UnreadableFile
from indmon.intake.readers import csv, parquet, xlsx

#: asked in this order; the first whose ``handles`` says yes reads the file
READERS: tuple[ModuleType, ...] = (csv, parquet, xlsx)


def reader_names() -> list[str]:
    return [reader.NAME for reader in READERS]


def read_table(path: Path) -> pa.Table:
    """Read any supported file into a table of text columns, one row per data row."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file; check the path", file=str(path))
    for reader in READERS:
        if reader.handles(path):
            table: pa.Table = reader.read(path)
            return table
    tried = reader_names()
    raise UnreadableFile(
        f"{path.name}: no reader handles this file (tried {', '.join(tried)}); save it as "
        "CSV (.csv), Parquet (.parquet) or Excel (.xlsx)",
        file=str(path), tried=tried,
    )


__all__ = ["READERS", "read_table", "reader_names"]
