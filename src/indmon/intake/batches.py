"""One imported file (or API submission) = one batch = one transaction.

The batch row (with the file's SHA-256), the accepted rows, the rejections and finally
``completed_at`` are written inside one ``store.transaction()``. A process killed half-way
therefore leaves nothing behind (DuckDB rolls the open transaction back when the store is
next opened), and running the same import again does the whole file. A file whose SHA-256
already has a completed batch of the same kind is skipped: importing twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from indmon.intake import validate
from indmon.intake.fields import PRICE_FIELDS, REPORT_FIELDS, Field
from indmon.intake.validate import REJECTED, ROW, STAGED, Rejection
from indmon.store import Store

#: accepted rows are inserted in slices of this many, so a progress bar can move
CHUNK_ROWS = 100_000
ACCEPTED = "intake_accepted"


@dataclass(frozen=True)
class Layout:
    """Where one exchange format goes in the store."""

    kind: str
    fields: tuple[Field, ...]
    #: the columns that identify a row; a second row with the same key is a duplicate
    key: tuple[str, ...]
    table: str
    #: column list of ``table`` and the matching expressions over ``intake_accepted``
    columns: tuple[tuple[str, str], ...]


def _number(name: str) -> tuple[str, str]:
    return name, f"{name}__num"


REPORTS = Layout(
    "reports", REPORT_FIELDS, ("enterprise_id", "period"), "reports",
    (("enterprise_id", "enterprise_id"), ("period", "period"), ("industry", "industry"),
     ("province", "province"), _number("output_value"), _number("value_added"),
     _number("revenue"), _number("profit"), ("employees", "CAST(employees__num AS BIGINT)"),
     _number("electricity_kwh"), _number("export_value"), ("extra", "extra")),
)
PRICES = Layout(
    "prices", PRICE_FIELDS, ("industry", "period"), "prices",
    (("industry", "industry"), ("period", "period"), _number("ppi_yoy"), ("extra", "extra")),
)


@dataclass
class FileImport:
    """What happened to one file (or one API submission)."""

    file: str
    batch_id: str
    rows: int = 0
    accepted: int = 0
    rejected: int = 0
    #: accepted rows that restate an enterprise-month (or industry-month) already stored
    revisions: int = 0
    #: True when a file with the same SHA-256 was imported before; nothing was changed
    skipped_as_duplicate_file: bool = False
    rejections: list[Rejection] = field(default_factory=list)


@dataclass(frozen=True)
class Incoming:
    """A table read from a file or built from submitted records, ready to validate."""

    label: str
    sha256: str
    table: pa.Table


#: called with the number of rows just inserted
Advance = Callable[[int], None]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def batch_id_for(layout: Layout, sha256: str) -> str:
    return f"{layout.kind}-{sha256[:16]}"


def completed_batch(store: Store, layout: Layout, sha256: str) -> tuple[str, str] | None:
    """(batch_id, file) of an earlier completed import of the same content, if any."""
    row = store.con.execute(
        """SELECT batch_id, file FROM import_batches
           WHERE kind = ? AND sha256 = ? AND completed_at IS NOT NULL LIMIT 1""",
        [layout.kind, sha256],
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def skipped(store: Store, layout: Layout, label: str, sha256: str) -> FileImport | None:
    """The result for content already imported, or None when it is new."""
    earlier = completed_batch(store, layout, sha256)
    if earlier is None:
        return None
    batch_id, _ = earlier
    counts = store.con.execute(
        "SELECT rows, accepted, rejected, revisions FROM import_batches WHERE batch_id = ?",
        [batch_id],
    ).fetchone()
    assert counts is not None
    rows, accepted, rejected, revisions = (int(c or 0) for c in counts)
    return FileImport(label, batch_id, rows, accepted, rejected, revisions,
                      skipped_as_duplicate_file=True,
                      rejections=stored_rejections(store, batch_id))


def stored_rejections(store: Store, batch_id: str) -> list[Rejection]:
    rows = store.con.execute(
        """SELECT file, row_number, field, reason, value FROM rejections
           WHERE batch_id = ? ORDER BY row_number, field""",
        [batch_id],
    ).fetchall()
    return [Rejection(str(f), int(r), str(fd), str(rs), v) for f, r, fd, rs, v in rows]


def take_in(store: Store, layout: Layout, incoming: Incoming, *, submitted_by: str | None,
            simulated: bool, advance: Advance | None = None) -> FileImport:
    """Validate ``incoming`` and store it as one batch, all inside one transaction."""
    columns = validate.column_map(incoming.table, layout.fields, incoming.label)
    extra = [c for c in incoming.table.column_names if c.strip().lower() not in columns]
    numbered = incoming.table.append_column(
        validate.RAW_ROW, pa.array(range(1, incoming.table.num_rows + 1), pa.int64())
    )
    result = FileImport(incoming.label, batch_id_for(layout, incoming.sha256),
                        rows=numbered.num_rows)
    with store.transaction() as con:
        con.register(validate.RAW, numbered)
        try:
            _open_batch(con, layout, incoming, result.batch_id, submitted_by)
            validate.stage(con, layout.fields, columns, extra)
            validate.find_rejections(con, layout.fields, layout.key)
            _count(con, layout, result)
            _insert_accepted(con, layout, result.batch_id, simulated, advance)
            _keep_rejections(con, result.batch_id, incoming.label)
            _close_batch(con, result)
        finally:
            con.unregister(validate.RAW)
            for table in (STAGED, REJECTED, ACCEPTED):
                con.execute(f"DROP TABLE IF EXISTS {table}")
    result.rejections = stored_rejections(store, result.batch_id)
    return result


def _open_batch(con: duckdb.DuckDBPyConnection, layout: Layout, incoming: Incoming,
                batch_id: str, submitted_by: str | None) -> None:
    # a batch left open by an older process can only be a crashed one: start it over
    for table in (layout.table, "rejections"):
        con.execute(f"DELETE FROM {table} WHERE batch_id = ?", [batch_id])
    con.execute("DELETE FROM import_batches WHERE batch_id = ?", [batch_id])
    con.execute(
        """INSERT INTO import_batches (batch_id, kind, file, sha256, submitted_by)
           VALUES (?, ?, ?, ?, ?)""",
        [batch_id, layout.kind, incoming.label, incoming.sha256, submitted_by],
    )


def _count(con: duckdb.DuckDBPyConnection, layout: Layout, result: FileImport) -> None:
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {ACCEPTED} AS SELECT * FROM {STAGED} "
        f"WHERE {ROW} NOT IN (SELECT {ROW} FROM {REJECTED}) ORDER BY {ROW}"
    )
    key = ", ".join(layout.key)
    counts = con.execute(
        f"""SELECT (SELECT count(*) FROM {ACCEPTED}),
                   (SELECT count(*) FROM {ACCEPTED} SEMI JOIN {layout.table} USING ({key}))"""
    ).fetchone()
    assert counts is not None
    result.accepted, result.revisions = int(counts[0]), int(counts[1])
    result.rejected = result.rows - result.accepted


def _insert_accepted(con: duckdb.DuckDBPyConnection, layout: Layout, batch_id: str,
                     simulated: bool, advance: Advance | None) -> None:
    names = ", ".join(name for name, _ in layout.columns)
    values = ", ".join(expr for _, expr in layout.columns)
    received = dt.datetime.now().replace(microsecond=0)
    total = con.execute(f"SELECT count(*), max({ROW}) FROM {ACCEPTED}").fetchone()
    assert total is not None
    last = int(total[1] or 0)
    for start in range(1, last + 1, CHUNK_ROWS):
        stop = start + CHUNK_ROWS - 1
        inserted = con.execute(
            f"""INSERT INTO {layout.table} (batch_id, row_number, received_at, simulated, {names})
                SELECT ?, {ROW}, ?, ? OR simulated_row, {values} FROM {ACCEPTED}
                WHERE {ROW} BETWEEN ? AND ? ORDER BY {ROW}""",
            [batch_id, received, simulated, start, stop],
        ).fetchone()
        if advance is not None and inserted is not None:
            advance(int(inserted[0]))


def _keep_rejections(con: duckdb.DuckDBPyConnection, batch_id: str, label: str) -> None:
    con.execute(
        f"""INSERT INTO rejections (batch_id, file, row_number, field, reason, value, raw)
            SELECT ?, ?, j.{ROW}, j.field, j.reason, j.value,
                   to_json(x)::JSON
            FROM {REJECTED} j JOIN (SELECT * EXCLUDE ({validate.RAW_ROW}),
                                           {validate.RAW_ROW} AS {ROW}
                                    FROM {validate.RAW}) x USING ({ROW})
            ORDER BY j.{ROW}, j.field""",
        [batch_id, label],
    )


def _close_batch(con: duckdb.DuckDBPyConnection, result: FileImport) -> None:
    con.execute(
        """UPDATE import_batches SET rows = ?, accepted = ?, rejected = ?, revisions = ?,
                  completed_at = current_timestamp WHERE batch_id = ?""",
        [result.rows, result.accepted, result.rejected, result.revisions, result.batch_id],
    )

