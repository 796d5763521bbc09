"""CSV files: UTF-8, a header row, comma separated (``.csv``, also ``.csv.gz``).

DuckDB's reader parses the file in parallel, which matters for a national month of
half a million rows; ``all_varchar`` keeps codes such as ``06`` and identifiers with
leading zeros exactly as written.

The columns keep the names the header gives them: DuckDB renames a repeated name
(``enterprise_id`` twice becomes ``enterprise_id`` and ``enterprise_id_1``), which would
hide a second column meant to be taken for the first; validation refuses such a header.

Limits (:mod:`indmon.intake.readers.limits`): a ``.csv.gz`` is inflated once, counting,
before it is parsed (its own size field cannot be trusted); the header's width is
checked before the rows are read; at most one row past the limit is ever read; and a
parse running past the time limit is interrupted.
"""

from __future__ import annotations

import csv as csv_text
import gzip
import threading
import zlib
from pathlib import Path

import duckdb
import pyarrow as pa

from indmon.errors import UnreadableFile
from indmon.intake.readers.limits import Clock, ReadLimits

NAME = "csv (.csv, .csv.gz)"
CHUNK = 1024 * 1024


def handles(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(".csv") or name.endswith(".csv.gz")


def read(path: Path, limits: ReadLimits | None = None) -> pa.Table:
    limits = limits or ReadLimits.from_env()
    clock = limits.clock(path.name, [NAME])
    if _gzipped(path):
        _check_inflated(path, limits)
    written = _header(path)
    if written is not None:
        limits.check_columns(path.name, len(written), [NAME])
    table = _read(path, limits, clock)
    if written is None or len(written) != table.num_columns:
        raise UnreadableFile(
            f"{path.name}: the header has {len(written or [])} column(s) but the rows are "
            f"read as {table.num_columns}; check the header line and the delimiters",
            file=str(path), tried=[NAME],
        )
    # a blank header cell keeps the name DuckDB gives it (column3)
    return table.rename_columns([w if w.strip() else d
                                 for w, d in zip(written, table.column_names, strict=True)])


def _gzipped(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def _check_inflated(path: Path, limits: ReadLimits) -> None:
    """Inflate the gzip stream without keeping it, stopping at the size limit."""
    inflater = zlib.decompressobj(wbits=31)  # gzip framing
    inflated = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                data = inflater.decompress(chunk, CHUNK)
                inflated += len(data)
                while inflater.unconsumed_tail:
                    inflated += len(inflater.decompress(inflater.unconsumed_tail, CHUNK))
                    if inflated > limits.max_inflated_bytes:
                        break
                if inflated > limits.max_inflated_bytes:
                    break
    except zlib.error as exc:
        raise UnreadableFile(f"{path.name}: not a readable gzip file ({exc}); compress it "
                             "again or send the CSV as it is", file=str(path),
                             tried=[NAME]) from None
    limits.check_inflated(path.name, "the compressed CSV", inflated, path.stat().st_size,
                          [NAME])


def _header(path: Path) -> list[str] | None:
    """The header row as written."""
    opener = gzip.open if _gzipped(path) else open
    try:
        with opener(path, "rt", encoding="utf-8-sig", newline="") as handle:
            return next(csv_text.reader(handle), None)
    except (OSError, UnicodeDecodeError, csv_text.Error):
        return None


def _read(path: Path, limits: ReadLimits, clock: Clock) -> pa.Table:
    con = duckdb.connect()
    # a parse past the time limit is interrupted (DuckDB raises on its own thread)
    timer = threading.Timer(limits.max_seconds, con.interrupt)
    timer.daemon = True
    timer.start()
    try:
        relation = con.read_csv(
            str(path), header=True, all_varchar=True, delimiter=",", quotechar='"',
            encoding="utf-8",
        )
        # one row more than the limit says the file is over it, without reading it all
        table = relation.limit(limits.max_rows + 1).to_arrow_table()
    except duckdb.InterruptException:
        raise clock.over() from None
    except duckdb.Error as exc:
        if not timer.is_alive():
            raise clock.over() from None
        first_line = str(exc).strip().splitlines()[0]
        raise UnreadableFile(
            f"{path.name}: not a readable CSV file ({first_line}); expected UTF-8 text with a "
            "header row and comma-separated columns",
            file=str(path), tried=[NAME],
        ) from exc
    finally:
        timer.cancel()
        con.close()
    limits.check_rows(path.name, table.num_rows, [NAME])
    return table
