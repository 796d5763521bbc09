"""Excel workbooks (``.xlsx``): the first sheet, its first row the header.

Excel stores a code such as ``06`` as the number 6 unless the cell is formatted as text,
so a whole number in the ``industry`` column gets its leading zero back; any other
number is written as Python writes it (``12``, ``1234.5``).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pyarrow as pa

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
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = [str(cell).strip() if cell is not None else "" for cell in next(rows, ())]
        data = [row for row in rows if any(cell is not None for cell in row)]
    finally:
        workbook.close()
    if not header:
        raise UnreadableFile(f"{path.name}: the first sheet is empty; put the header in row 1",
                             file=str(path), tried=[NAME])
    columns = {
        name: [_text(row[i] if i < len(row) else None, CODE_WIDTHS.get(name)) for row in data]
        for i, name in enumerate(header)
    }
    return pa.table({name: pa.array(values, pa.string()) for name, values in columns.items()})


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
