"""CSV files: UTF-8, a header row, comma separated (``.csv``, also ``.csv.gz``).

DuckDB's reader parses the file in parallel, which matters for a national month of
half a million rows; ``all_varchar`` keeps codes such as ``06`` and identifiers with
leading zeros exactly as written.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from indmon.errors import UnreadableFile

NAME = "csv (.csv, .csv.gz)"


def handles(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".csv") or name.endswith(".csv.gz")


def read(path: Path) -> pa.Table:
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
