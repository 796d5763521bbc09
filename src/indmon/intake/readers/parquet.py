"""Parquet files (``.parquet``, ``.pq``): typed columns, turned into text for validation.

The footer says, before any data is read, how many rows and columns the file holds and
how large its column chunks are compressed and inflated: a file over the limits is
refused from that alone. Columns of nested types (lists, structs, maps) hold no value a
report field could take, and are refused naming the column.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from indmon.errors import UnreadableFile
from indmon.intake.readers.limits import ReadLimits

NAME = "parquet (.parquet, .pq)"


def handles(path: Path) -> bool:
    return path.suffix.lower() in {".parquet", ".pq"}


def read(path: Path, limits: ReadLimits | None = None) -> pa.Table:
    limits = limits or ReadLimits.from_env()
    try:
        meta = pq.ParquetFile(path)
        _check(path, meta, limits)
        table = meta.read()
    except (pa.ArrowException, OSError) as exc:
        raise UnreadableFile(
            f"{path.name}: not a readable Parquet file ({exc}); re-export it, or save it as CSV",
            file=str(path), tried=[NAME],
        ) from exc
    return as_text(table, path)


def _check(path: Path, meta: pq.ParquetFile, limits: ReadLimits) -> None:
    """Rows, columns, sizes and column types, from the footer alone."""
    schema = meta.schema_arrow
    limits.check_columns(path.name, len(schema), [NAME])
    limits.check_rows(path.name, meta.metadata.num_rows, [NAME])
    inflated = compressed = 0
    for group in range(meta.metadata.num_row_groups):
        row_group = meta.metadata.row_group(group)
        inflated += row_group.total_byte_size
        compressed += sum(row_group.column(c).total_compressed_size
                          for c in range(row_group.num_columns))
    limits.check_inflated(path.name, "its data", inflated, compressed, [NAME])
    nested = [f"{f.name} ({f.type})" for f in schema if pa.types.is_nested(f.type)]
    if nested:
        raise UnreadableFile(
            f"{path.name}: column(s) {', '.join(nested)} hold lists or records, not single "
            "values; write each report field as a column of numbers or text",
            file=str(path), tried=[NAME])


def as_text(table: pa.Table, path: Path | None = None) -> pa.Table:
    """Every column as text; integers stay integers (``12``, not ``12.0``)."""
    columns = []
    for field, column in zip(table.schema, table.columns, strict=True):
        if pa.types.is_string(column.type):
            columns.append(column)
            continue
        try:
            columns.append(pc.cast(column, pa.string()))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
            name = path.name if path else "the table"
            raise UnreadableFile(
                f"{name}: column {field.name!r} ({field.type}) cannot be read as text ({exc}); "
                "write it as numbers or UTF-8 text", file=str(path or name),
                tried=[NAME]) from None
    return pa.table(columns, names=table.column_names)
