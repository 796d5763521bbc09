"""Excel workbooks (``.xlsx``): the first sheet, its first row the header.

Excel stores a code such as ``06`` as the number 6 unless the cell is formatted as text,
so a whole number in the ``industry`` column gets its leading zero back; any other
number is written as Python writes it (``12``, ``1234.5``).

Every row of the sheet is read, whatever the sheet's stored dimension (``<dimension
ref="A1:B3">``) says: openpyxl's read-only mode trusts it, and a writer that stores a
wrong one would otherwise lose rows (or columns) without a word. Columns keep the names
the header gives them, a repeated one included, for validation to refuse.

An XLSX is a zip of XML parts. Before anything is parsed, the zip's directory is read:
a workbook whose parts inflate past the size limit, or far more than XML compresses (a
decompression bomb), is refused (:mod:`indmon.intake.readers.limits`). Python's zip
reader never inflates a part past the size its directory declares, so the check holds
while reading too. Rows are then read at most ``max_columns + 1`` cells wide (a cell in
column 16,384 costs nothing), counted against the row limit, and timed.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pyarrow as pa

from indmon.errors import UnreadableFile
from indmon.intake.readers.limits import Clock, FileOverLimit, ReadLimits

NAME = "xlsx (.xlsx, first sheet)"
#: columns whose numeric cells are codes of a fixed width
CODE_WIDTHS = {"industry": 2}
#: rows read between two looks at the clock
ROWS_PER_CHECK = 512


def handles(path: Path) -> bool:
    return path.suffix.lower() == ".xlsx"


def read(path: Path, limits: ReadLimits | None = None) -> pa.Table:
    limits = limits or ReadLimits.from_env()
    clock = limits.clock(path.name, [NAME])
    _check_parts(path, limits)
    # imported here: a tenth of a second that every import of CSV or Parquet was paying
    import openpyxl
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise _unreadable(path, exc) from exc
    try:
        sheet = workbook.worksheets[0]
        if isinstance(sheet, ReadOnlyWorksheet):
            sheet.reset_dimensions()  # read to the last row, not to the stored dimension
        header, columns = _columns(path, sheet, limits, clock)
    except FileOverLimit:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise _unreadable(path, exc) from exc
    finally:
        workbook.close()
    if not header:
        raise UnreadableFile(f"{path.name}: the first sheet is empty; put the header in row 1",
                             file=str(path), tried=[NAME])
    names = [name or f"column{i + 1}" for i, name in enumerate(header)]
    return pa.Table.from_arrays([pa.array(c, pa.string()) for c in columns], names=names)


def _unreadable(path: Path, exc: Exception) -> UnreadableFile:
    return UnreadableFile(
        f"{path.name}: not a readable Excel workbook ({exc}); save it again as .xlsx",
        file=str(path), tried=[NAME])


def _check_parts(path: Path, limits: ReadLimits) -> None:
    """The zip's declared sizes, before any part is inflated: in total, and each part's
    compression ratio."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise _unreadable(path, exc) from exc
    for part in parts:
        limits.check_inflated(path.name, f"its part {part.filename}", part.file_size,
                              part.compress_size, [NAME])
    limits.check_inflated(path.name, "the workbook", sum(p.file_size for p in parts),
                          sum(p.compress_size for p in parts), [NAME])


def _columns(path: Path, sheet: Any, limits: ReadLimits, clock: Clock
             ) -> tuple[list[str], list[list[str | None]]]:
    """The header and each of its columns as text, one entry per non-empty data row
    (cells right of the header are not columns of the report, and are not kept)."""
    widest = limits.max_columns + 1  # one past the limit shows a sheet is over it
    rows = sheet.iter_rows(values_only=True, max_col=widest)
    first = next(rows, ())
    header = [str(cell).strip() if cell is not None else "" for cell in first]
    while header and not header[-1]:
        header.pop()
    limits.check_columns(path.name, len(header), [NAME])
    widths = [CODE_WIDTHS.get(name.lower()) for name in header]
    columns: list[list[str | None]] = [[] for _ in header]
    kept = 0
    for number, row in enumerate(rows, start=1):
        if number % ROWS_PER_CHECK == 0:
            clock.check()
        if row.count(None) == len(row):
            continue
        kept += 1
        if kept > limits.max_rows:
            limits.check_rows(path.name, kept, [NAME])
        for i, width in enumerate(widths):
            columns[i].append(_text(row[i] if i < len(row) else None, width))
    clock.check()
    return header, columns


def _text(cell: Any, width: int | None) -> str | None:
    if cell is None:
        return None
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int) and width:
        return f"{cell:0{width}d}"
    if isinstance(cell, dt.datetime | dt.date):
        return cell.strftime("%Y-%m")
    return str(cell)
