"""Reports submitted as records (the HTTP API), with the same rules as a file.

A submission is validated and stored exactly like an imported file: one batch, one
transaction, the same rejections. Its identity is the SHA-256 of the records written as
canonical JSON, so sending the same records twice stores them once (unless a later
submission changed them meanwhile: then the same records again are a correction back).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from indmon.errors import IntakeError
from indmon.intake.batches import REPORTS, FileImport, Incoming, skipped, take_in
from indmon.store import Store
from indmon.store.raw import Rejection


@dataclass(frozen=True)
class RowResult:
    """The outcome for one submitted record (``row`` counts records from 1)."""

    row: int
    accepted: bool
    rejections: tuple[Rejection, ...] = ()


@dataclass
class SubmitResult:
    batch_id: str
    accepted: int
    rejected: int
    revisions: int
    #: True when the same records were submitted before; nothing was changed
    already_submitted: bool
    rows: list[RowResult] = field(default_factory=list)


def submit_records(store: Store, records: list[dict[str, Any]], *, source_name: str,
                   submitted_by: str | None, own_enterprise: str | None = None
                   ) -> SubmitResult:
    """Validate and store report records; each gets accepted or its rejections.

    With ``own_enterprise`` (a reporter's enterprise) records of any other enterprise
    refuse the whole submission (:class:`indmon.errors.AccessDenied`).
    """
    if not records:
        raise IntakeError(f"{source_name}: no records submitted; send at least one report")
    sha256 = _content_hash(records)
    outcome = skipped(store, REPORTS, source_name, sha256) if own_enterprise is None else None
    if outcome is None:
        outcome = take_in(store, REPORTS, Incoming(source_name, sha256, _as_table(records)),
                          submitted_by=submitted_by, simulated=False,
                          own_enterprise=own_enterprise)
    return _result(outcome, len(records))


def _content_hash(records: list[dict[str, Any]]) -> str:
    text = json.dumps(records, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _as_table(records: list[dict[str, Any]]) -> pa.Table:
    """Records as a table of text columns, the union of their keys in first-seen order."""
    names = list(dict.fromkeys(key for record in records for key in record))
    return pa.table({
        name: pa.array([_text(record.get(name)) for record in records], pa.string())
        for name in names
    })


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _result(outcome: FileImport, count: int) -> SubmitResult:
    by_row: dict[int, list[Rejection]] = {}
    for rejection in outcome.rejections:
        by_row.setdefault(rejection.row, []).append(rejection)
    rows = [RowResult(i, i not in by_row, tuple(by_row.get(i, ()))) for i in range(1, count + 1)]
    return SubmitResult(outcome.batch_id, outcome.accepted, outcome.rejected, outcome.revisions,
                        outcome.skipped_as_duplicate_file, rows)
