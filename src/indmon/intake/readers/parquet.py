"""Parquet files (``.parquet``, ``.pq``): typed columns, turned into text for validation."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from indmon.errors import UnreadableFile

NAME = "parquet (.parquet, .pq)"


def handles(path: Path) -> bool:
    return path.suffix.lower() in {".parquet", ".pq"}


def read(path: Path) -> pa.Table:
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as exc:
        raise UnreadableFile(
            f"{path.name}: not a readable Parquet file ({exc}); re-export it, or save it as CSV",
            file=str(path), tried=[NAME],
        ) from exc
    return as_text(table)


def as_text(table: pa.Table) -> pa.Table:
    """Every column as text; integers stay integers (``12``, not ``12.0``)."""
    columns = [
        column if pa.types.is_string(column.type) else pc.cast(column, pa.string())
        for column in table.columns
    ]
    return pa.table(columns, names=table.column_names)
