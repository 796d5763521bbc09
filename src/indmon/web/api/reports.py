"""Report cards (briefings) and enterprise report submission.

Submissions go through the same validation and durability as ``indmon import reports``:
``indmon.intake.submit_records`` for a JSON batch and ``indmon.intake.import_reports``
for an uploaded file. The response carries the per-row outcome intake returns. An
enterprise's stored reports are read from :mod:`indmon.store.raw`, their owner.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from indmon.errors import AccessDenied, ConfigError, RejectedRow
from indmon.intake import ImportSummary, SubmitResult, import_reports, submit_records
from indmon.intake.readers import read_ahead
from indmon.report import render_report
from indmon.store import Period, Store, raw
from indmon.web import auth
from indmon.web.api import params
from indmon.web.app import OptionalUser, Reader, StoreView, backend
from indmon.web.errors import ACCESS, PayloadTooLarge, error_responses, parse_json
from indmon.web.security import document_policy

router = APIRouter(tags=["reports"])
UPLOAD_SUFFIXES = (".csv", ".xlsx", ".parquet")

_SUBMISSION_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {
                "type": "object", "required": ["records"],
                "properties": {
                    "records": {"type": "array", "items": {"type": "object"}},
                    "source_name": {"type": "string"},
                },
            }},
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary"}},
            }},
        },
    }
}


class ReportOut(BaseModel):
    """The current vintage of one enterprise's report for one month, as stored."""

    model_config = ConfigDict(frozen=True)

    enterprise_id: str
    period: str = Field(description="the month reported, YYYY-MM")
    industry: str = Field(description="division of GB/T 4754-2017")
    province: str = Field(description="provincial-level region of GB/T 2260")
    output_value: float
    value_added: float
    revenue: float
    profit: float
    employees: int
    electricity_kwh: float | None = None
    export_value: float | None = None
    extra: dict[str, Any] | None = Field(None, description="columns beyond the format, as sent")
    simulated: bool
    seq: int = Field(description="the vintage: a later report of the month has a higher seq")
    batch_id: str = Field(description="the import or submission it came in")
    row_number: int = Field(description="its data row in that batch, from 1")
    received_at: dt.datetime

    @classmethod
    def of(cls, row: dict[str, Any]) -> ReportOut:
        extra = row.get("extra")
        return cls.model_validate({**row, "extra": json.loads(extra) if extra else None})


class EnterpriseReports(BaseModel):
    enterprise_id: str
    total: int
    items: list[ReportOut]


class Submission(BaseModel):
    """What a JSON batch of records did: each record accepted or its rejections."""

    submitted_by: str
    result: SubmitResult


class Upload(BaseModel):
    """What an uploaded file did, as ``indmon import reports`` reports it."""

    submitted_by: str
    file: str
    result: ImportSummary


@router.get("/reports/enterprise/{enterprise_id}", summary="An enterprise's own reports",
            response_model=EnterpriseReports, responses=error_responses(*ACCESS, 422))
def enterprise_reports(enterprise_id: str, store: StoreView, user: OptionalUser,
                       period: str | None = None) -> EnterpriseReports:
    """Current vintage of each monthly report, of the months of ``period`` (a month, a
    quarter, a year ...) or all: the enterprise's reporter, analysts of its province and
    admins."""
    months = Period.parse(params.period(period) or "") if period is not None else None
    rows = raw.current_reports(store, enterprise=enterprise_id,
                               first=months.start if months else None,
                               last=months.end if months else None, format="arrow").to_pylist()
    auth.require_enterprise_access(user, enterprise_id, {str(r["province"]) for r in rows})
    return EnterpriseReports(enterprise_id=enterprise_id, total=len(rows),
                             items=[ReportOut.of(r) for r in rows])


@router.get("/reports/{period}", summary="The report card of a period",
            response_class=Response,
            responses={200: {"content": {"text/html": {}, "application/pdf": {}}},
                       **error_responses(*ACCESS, 404, 422, 500)})
def report_card(period: str, store: StoreView, user: Reader,
                lang: Literal["en", "zh"] = "en",
                format: Literal["html", "pdf"] = "html") -> Response:
    # numbers in the card link to the dashboard's provenance pages of this same server
    rendered = render_report(store, period, lang, format, link_base="/provenance/")
    if format == "pdf":
        body = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
        return Response(body, media_type="application/pdf", headers={
            "Content-Disposition": f'inline; filename="indmon-{period}-{lang}.pdf"'})
    document = rendered.decode("utf-8") if isinstance(rendered, bytes) else rendered
    # a standalone document: no script, and exactly its own styles (its inline SVG charts)
    return HTMLResponse(document, headers={
        "Content-Security-Policy": document_policy(document)})


@router.post("/reports", summary="Submit enterprise reports", openapi_extra=_SUBMISSION_BODY,
             response_model=Submission | Upload,
             responses=error_responses(400, *ACCESS, 413, 422, 503))
async def submit_reports(request: Request, user: OptionalUser) -> Submission | Upload:
    """A JSON batch ``{"records": [...]}`` or a multipart upload of one CSV/XLSX/Parquet file.

    A reporter may submit only rows of its own enterprise (checked on the rows as intake
    parses them: 403 otherwise). A batch of which no row is accepted is a 422 naming the
    first rejection (its rejections are kept); a partly accepted one is a 200 with the
    outcome of every row.
    """
    submitter = auth.require_role(user, "reporter", "admin")
    kind = request.headers.get("content-type", "")
    if kind.startswith("multipart/form-data"):
        return await _submit_file(request, submitter)
    if kind.startswith("application/json"):
        return await _submit_json(request, submitter)
    raise ConfigError("send application/json {\"records\": [...]} or a multipart/form-data "
                      "upload with a 'file' field")


async def _submit_json(request: Request, user: auth.User) -> Submission:
    # parsed off the event loop: a large batch must not hold up other requests
    body = await run_in_threadpool(parse_json, await request.body())
    rows = body.get("records") if isinstance(body, dict) else None
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ConfigError('the body must be {"records": [{...}, ...]}, one object per report')
    limit = backend(request).config.max_records
    if len(rows) > limit:
        raise PayloadTooLarge(f"{len(rows):,} records in one batch; send at most {limit:,}")
    _check_own_enterprise(user, [str(r.get("enterprise_id", "")) for r in rows])
    source = str(body.get("source_name") or f"api:{user.name}")

    def store_batch() -> SubmitResult:
        with backend(request).writer(observations=False, users=False, alerts=False) as store:
            result = submit_records(store, rows, source_name=source, submitted_by=user.name,
                                    own_enterprise=_own(user))
            _audit(store, user, "reports.submit", source, {"records": len(rows)})
        return result

    # storing blocks on the database; off the event loop, other requests keep being served
    result = await run_in_threadpool(store_batch)
    if not result.accepted:
        _nothing_accepted([r for row in result.rows for r in row.rejections], len(rows))
    return Submission(submitted_by=user.name, result=result)


async def _submit_file(request: Request, user: auth.User) -> Upload:
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise ConfigError("the multipart upload needs a 'file' field holding the report file")
    name = Path(upload.filename).name
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise ConfigError(f"{name}: upload a {', '.join(UPLOAD_SUFFIXES)} file")
    site = backend(request)
    with tempfile.TemporaryDirectory(prefix="indmon-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(await upload.read())

        # parsed in a worker thread, within the read limits, before the write lock is
        # taken: a slow or hostile file (a decompression bomb) holds up no other request,
        # and one over a limit is refused before the store is touched. A reporter's file
        # is checked by intake on the rows it parsed, the very values it would store.
        def store_file() -> ImportSummary:
            with read_ahead(path, site.config.read_limits), \
                    site.writer(observations=False, users=False, alerts=False) as store:
                imported = import_reports(store, [path], submitted_by=user.name,
                                          own_enterprise=_own(user))
                _audit(store, user, "reports.import", name, {"bytes": path.stat().st_size})
            return imported

        result = await run_in_threadpool(store_file)
    if not any(f.accepted for f in result.files):
        _nothing_accepted([r for f in result.files for r in f.rejections],
                          sum(f.rows for f in result.files))
    return Upload(submitted_by=user.name, file=name, result=result)


def _own(user: auth.User) -> str | None:
    """The one enterprise a reporter may send reports of; None for an admin."""
    if user.role != "reporter":
        return None
    return user.enterprise_id or ""


def _nothing_accepted(rejections: list[raw.Rejection], rows: int) -> None:
    """A 422 for a batch of which no row was taken in, naming its first rejection."""
    if not rejections:
        return
    first = rejections[0]
    error = RejectedRow(file=first.file, row=first.row, field=first.field,
                        reason=first.reason, value=first.value)
    others = len(rejections) - 1
    more = f"; {others} more reason(s) in the batch's rejections" if others else ""
    error.args = (f"{error} (no row of the {rows} sent was accepted, so nothing of them "
                  f"was stored{more})",)
    raise error


def _check_own_enterprise(user: auth.User, enterprise_ids: list[str]) -> None:
    if user.role != "reporter":
        return
    others = sorted({e for e in enterprise_ids if e != user.enterprise_id})
    if others:
        raise AccessDenied(
            f"{user.name} reports for enterprise {user.enterprise_id} only; the batch also "
            f"holds {', '.join(others[:5])}"
        )


def _audit(store: Store, user: auth.User, action: str, target: str, detail: dict[str, Any]
           ) -> None:
    with store.transaction():
        auth.audit(store, user.name, action, target, detail)
