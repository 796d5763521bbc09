"""CSV files: UTF-8, a header row, comma separated (``.csv``, also ``.csv.gz``).

DuckDB's reader parses the file in parallel, which matters for a national month of
half a million rows; ``all_varchar`` keeps codes such as ``06`` and identifiers with
leading zeros exactly as written.

The columns keep the names the header gives them: DuckDB renames a repeated name
(``enterprise_id`` twice becomes ``enterprise_id`` and ``enterprise_id_1``), which would
hide a second column meant to be taken for the first; validation refuses such a header.
"""

from __future__ import annotations

import csv as csv_text
import gzip
from pathlib import Path

import duckdb
import pyarrow as pa

from indmon.errors import UnreadableFile

NAME = "csv (.csv, .csv.gz)"


def handles(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".csv") or name.endswith(".csv.gz")


def read(path: Path) -> pa.Table:
    table = _read(path)
    written = _header(path)
    if written is None or len(written) != table.num_columns:
        raise UnreadableFile(
            f"{path.name}: the header has {len(written or [])} column(s) but the rows are "
            f"read as {table.num_columns}; check the header line and the delimiters",
            file=str(path), tried=[NAME],
        )
    # a blank header cell keeps the name DuckDB gives it (column3)
    return table.rename_columns([w if w.strip() else d
                                 for w, d in zip(written, table.column_names, strict=True)])


def _header(path: Path) -> list[str] | None:
    """The header row as written."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
            return next(csv_text.reader(handle), None)
    except (OSError, UnicodeDecodeError, csv_text.Error):
        return None


def _read(path: Path) -> pa.Table:
    con = duckdb.connect()
    try:
        return con.read_csv(
            str(path), header=True, all_varchar=True, delimiter=",", quotechar='"',
            encoding="utf-8",
        ).to_arrow_table()
    except duckdb.Error as exc:
        first_line = str(exc).strip().splitlines()[0]
        raise UnreadableFile(
            f"{path.name}: not a readable CSV file ({first_line}); expected UTF-8 text with a "
            "header row and comma-separated columns",
            file=str(path), tried=[NAME],
        ) from exc
    finally:
        con.close()
