"""Excel workbooks (``.xlsx``): the first sheet, its first row the header.

Excel stores a code such as ``06`` as the number 6 unless the cell is formatted as text,
so a whole number in the ``industry`` column gets its leading zero back; any other
number is written as Python writes it (``12``, ``1234.5``).

Every row of the sheet is read, whatever the sheet's stored dimension (``<dimension
ref="A1:B3">``) says: openpyxl's read-only mode trusts it, and a writer that stores a
wrong one would otherwise lose rows (or columns) without a word. Columns keep the names
the header gives them, a repeated one included, for validation to refuse.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pyarrow as pa
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from indmon.errors import UnreadableFile

NAME = "xlsx (.xlsx, first sheet)"
#: columns whose numeric cells are codes of a fixed width
CODE_WIDTHS = {"industry": 2}


def handles(path: Path) -> bool:
    return path.suffix.lower() == ".xlsx"


def read(path: Path) -> pa.Table:
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise UnreadableFile(
            f"{path.name}: not a readable Excel workbook ({exc}); save it again as .xlsx",
            file=str(path), tried=[NAME],
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        if isinstance(sheet, ReadOnlyWorksheet):
            sheet.reset_dimensions()  # read to the last row, not to the stored dimension
        rows = sheet.iter_rows(values_only=True)
        header = [str(cell).strip() if cell is not None else "" for cell in next(rows, ())]
        data = [row for row in rows if any(cell is not None for cell in row)]
    finally:
        workbook.close()
    while header and not header[-1]:
        header.pop()
    if not header:
        raise UnreadableFile(f"{path.name}: the first sheet is empty; put the header in row 1",
                             file=str(path), tried=[NAME])
    names = [name or f"column{i + 1}" for i, name in enumerate(header)]
    arrays = [
        pa.array([_text(row[i] if i < len(row) else None, CODE_WIDTHS.get(name.lower()))
                  for row in data], pa.string())
        for i, name in enumerate(names)
    ]
    return pa.Table.from_arrays(arrays, names=names)


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
