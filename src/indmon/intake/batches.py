"""One imported file (or API submission) = one batch = one transaction.

Intake validates the whole file in temporary tables of its own, then hands the accepted
rows and the rejections to :func:`indmon.store.raw.write_batch`, which stores the batch
row (with the file's SHA-256), the rows, the rejections and finally ``completed_at`` in
one transaction. A process killed half-way therefore leaves nothing behind (DuckDB rolls
the open transaction back when the store is next opened), and running the same import
again does the whole file.

Content whose SHA-256 already has a completed batch of the same kind is skipped when
every row of that batch still equals the current version of its enterprise-month (or
industry-month): importing twice changes nothing. When a later batch has changed some of
them, the same content is a correction back to the earlier values and is stored again,
as a new batch (``reports-<sha>-2``, ``-3`` ...), so that its rows become current.

A reporter may send only its own enterprise's rows: with ``own_enterprise``, every
enterprise id of the table, as it would be stored, must be that one, or nothing of the
table is stored (:class:`indmon.errors.AccessDenied`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from indmon.errors import AccessDenied
from indmon.intake import validate
from indmon.intake.fields import PRICE_FIELDS, REPORT_FIELDS, Field
from indmon.intake.validate import REJECTED, ROW, STAGED
from indmon.store import Store, raw
from indmon.store.raw import Advance, Rejection

ACCEPTED = "intake_accepted"
#: the rejected rows with the whole row as written, as the store keeps them
REJECTED_ROWS = "intake_rejected_rows"
SCRATCH = (STAGED, REJECTED, ACCEPTED, REJECTED_ROWS)


@dataclass(frozen=True)
class Layout:
    """Where one exchange format goes in the store."""

    kind: raw.Kind
    fields: tuple[Field, ...]
    #: the raw table; its key identifies a row, a second row with the same key is a duplicate
    table: raw.RawTable
    #: columns of the raw table and the matching expressions over ``intake_staged``
    columns: tuple[tuple[str, str], ...]

    @property
    def key(self) -> tuple[str, ...]:
        return self.table.key


def _number(name: str) -> tuple[str, str]:
    return name, f"{name}__num"


REPORTS = Layout(
    "reports", REPORT_FIELDS, raw.REPORTS,
    (("enterprise_id", "enterprise_id"), ("period", "period"), ("industry", "industry"),
     ("province", "province"), _number("output_value"), _number("value_added"),
     _number("revenue"), _number("profit"), ("employees", "CAST(employees__num AS BIGINT)"),
     _number("electricity_kwh"), _number("export_value"), ("extra", "extra")),
)
PRICES = Layout(
    "prices", PRICE_FIELDS, raw.PRICES,
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


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def skipped(store: Store, layout: Layout, label: str, sha256: str,
            replayed: Sequence[str] = ()) -> FileImport | None:
    """The result for content already imported whose rows are all still current, or None
    when it is new or would bring back values a later batch changed (a correction).
    ``replayed``: the SHA-256s of the files after this one in the same import, see
    :func:`indmon.store.raw.batch_is_current`."""
    earlier = raw.completed_batch(store, layout.kind, sha256)
    if earlier is None or not raw.batch_is_current(store, earlier.batch_id,
                                                   replayed=replayed):
        return None
    return FileImport(label, earlier.batch_id, earlier.rows, earlier.accepted,
                      earlier.rejected, earlier.revisions, skipped_as_duplicate_file=True,
                      rejections=raw.batch_rejections(store, earlier.batch_id))


def take_in(store: Store, layout: Layout, incoming: Incoming, *, submitted_by: str | None,
            simulated: bool, advance: Advance | None = None,
            own_enterprise: str | None = None, replayed: Sequence[str] = (),
            known_new: bool = False) -> FileImport:
    """Validate ``incoming``, then store it as one batch in one transaction.

    With ``own_enterprise`` (a reporter's), every row must carry that enterprise id.
    ``known_new``: the caller has just found (:func:`skipped`) that this content is not
    stored and current already, so it is not asked again.
    """
    names = validate.header(incoming.table, incoming.label)
    numbered = incoming.table.append_column(
        validate.RAW_ROW, pa.array(range(1, incoming.table.num_rows + 1), pa.int64())
    )
    with store.registered(validate.RAW, numbered):
        if own_enterprise is not None:
            _check_own_enterprise(store, names, own_enterprise, incoming.label)
        columns = validate.column_map(incoming.table, layout.fields, incoming.label, names)
        earlier = None if known_new else skipped(store, layout, incoming.label,
                                                 incoming.sha256, replayed)
        if earlier is not None:
            return earlier
        extra = [c for c in incoming.table.column_names if validate.normalised(c) not in columns]
        batch = raw.NewBatch(layout.kind, incoming.label, incoming.sha256,
                             rows=numbered.num_rows, submitted_by=submitted_by,
                             simulated=simulated,
                             batch_id=raw.next_batch_id(store, layout.kind, incoming.sha256))
        try:
            # only intake's own temporary tables: nothing of the store changes here
            with store.transaction() as con:
                validate.stage(con, layout.fields, columns, extra)
                validate.find_rejections(con, layout.fields, layout.key)
                _accepted(con, layout)
                _rejected_rows(con)
            stored = raw.write_batch(store, batch, ACCEPTED, REJECTED_ROWS, advance=advance)
        finally:
            with store.transaction() as con:  # one commit, not one per table
                for table in SCRATCH:
                    con.execute(f"DROP TABLE IF EXISTS {table}")
    return FileImport(incoming.label, stored.batch_id, stored.rows, stored.accepted,
                      stored.rejected, stored.revisions,
                      rejections=raw.batch_rejections(store, stored.batch_id))


def _check_own_enterprise(store: Store, names: dict[str, str], own: str, label: str) -> None:
    with store.transaction() as con:
        others = validate.foreign_enterprises(con, names, own)
    if others:
        raise AccessDenied(
            f"{label}: a reporter for enterprise {own} may send only its own reports, and "
            f"this holds rows of {', '.join(others)}; nothing of it was stored"
        )


def _accepted(con: duckdb.DuckDBPyConnection, layout: Layout) -> None:
    """The rows without rejections, in the raw table's columns."""
    values = ", ".join(f"{expr} AS {name}" for name, expr in layout.columns)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {ACCEPTED} AS "
        f"SELECT {ROW} AS row_number, {values}, simulated_row AS simulated FROM {STAGED} "
        f"WHERE {ROW} NOT IN (SELECT {ROW} FROM {REJECTED}) ORDER BY {ROW}"
    )


def _rejected_rows(con: duckdb.DuckDBPyConnection) -> None:
    """Every rejection with the whole row as written (JSON), for the submitter to fix."""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {REJECTED_ROWS} AS
            SELECT j.{ROW} AS row_number, j.field, j.reason, j.value, to_json(x)::JSON AS raw
            FROM {REJECTED} j JOIN (SELECT * EXCLUDE ({validate.RAW_ROW}),
                                           {validate.RAW_ROW} AS {ROW}
                                    FROM {validate.RAW}) x USING ({ROW})
            ORDER BY j.{ROW}, j.field"""
    )
