"""Report cards (briefings) and enterprise report submission.

Submissions go through the same validation and durability as ``indmon intake import``:
``indmon.intake.submit_records`` for a JSON batch and ``indmon.intake.import_reports``
for an uploaded file. The response carries the per-row outcome intake returns.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import tempfile
from pathlib import Path
from typing import Any, Literal

import pandas as pd
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from indmon.errors import AccessDenied, ConfigError, IntakeError
from indmon.store import Store
from indmon.web import auth
from indmon.web.api.paging import records
from indmon.web.app import OptionalUser, Reader, StoreView, backend
from indmon.web.errors import FeatureUnavailable, PayloadTooLarge

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


def intake_function(name: str) -> Any:
    """A function of ``indmon.intake``, or 501 naming what is missing."""
    return _function("indmon.intake", name)


def _function(module: str, name: str) -> Any:
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        found = None
    if found is None:
        raise FeatureUnavailable(f"{module}.{name} is not available in this installation")
    return found


def jsonable(result: Any) -> Any:
    """Whatever intake returns (dataclass, dict, frame) as plain JSON values."""
    if isinstance(result, pd.DataFrame):
        return records(result)
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        result = dataclasses.asdict(result)
    elif hasattr(result, "model_dump"):
        result = result.model_dump()
    return json.loads(json.dumps(result, default=_plain, ensure_ascii=False))


def _plain(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        return records(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


@router.get("/reports/enterprise/{enterprise_id}", summary="An enterprise's own reports")
def enterprise_reports(enterprise_id: str, store: StoreView, user: OptionalUser,
                       period: str | None = None) -> dict[str, Any]:
    """Current vintage of each monthly report: the enterprise's reporter, analysts of its
    province and admins."""
    where = "enterprise_id = ?" + (" AND period = ?" if period else "")
    params = [enterprise_id] + ([period] if period else [])
    frame = store.query(f"SELECT * FROM current_reports WHERE {where} ORDER BY period", params)
    auth.require_enterprise_access(user, enterprise_id, set(frame["province"].astype(str)))
    return {"enterprise_id": enterprise_id, "total": len(frame), "items": records(frame)}


@router.get("/reports/{period}", summary="The report card of a period",
            response_class=Response,
            responses={200: {"content": {"text/html": {}, "application/pdf": {}}}})
def report_card(period: str, store: StoreView, user: Reader,
                lang: Literal["en", "zh"] = "en",
                format: Literal["html", "pdf"] = "html") -> Response:
    render = _function("indmon.report", "render_report")
    # numbers in the card link to the dashboard's provenance pages of this same server
    rendered = render(store, period, lang, format, link_base="/provenance/")
    if format == "pdf":
        body = rendered if isinstance(rendered, bytes) else Path(rendered).read_bytes()
        return Response(body, media_type="application/pdf", headers={
            "Content-Disposition": f'inline; filename="indmon-{period}-{lang}.pdf"'})
    text = rendered.decode("utf-8") if isinstance(rendered, bytes) else str(rendered)
    return HTMLResponse(text)


@router.post("/reports", summary="Submit enterprise reports", openapi_extra=_SUBMISSION_BODY)
async def submit_reports(request: Request, user: OptionalUser) -> dict[str, Any]:
    """A JSON batch ``{"records": [...]}`` or a multipart upload of one CSV/XLSX/Parquet file.

    A reporter may submit only rows of its own enterprise.
    """
    submitter = auth.require_role(user, "reporter", "admin")
    kind = request.headers.get("content-type", "")
    if kind.startswith("multipart/form-data"):
        return await _submit_file(request, submitter)
    if kind.startswith("application/json"):
        return await _submit_json(request, submitter)
    raise ConfigError("send application/json {\"records\": [...]} or a multipart/form-data "
                      "upload with a 'file' field")


async def _submit_json(request: Request, user: auth.User) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError as exc:
        raise ConfigError(f"the body is not valid JSON: {exc}") from None
    rows = body.get("records") if isinstance(body, dict) else None
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ConfigError('the body must be {"records": [{...}, ...]}, one object per report')
    limit = backend(request).config.max_records
    if len(rows) > limit:
        raise PayloadTooLarge(f"{len(rows):,} records in one batch; send at most {limit:,}")
    _check_own_enterprise(user, [str(r.get("enterprise_id", "")) for r in rows])
    source = str(body.get("source_name") or f"api:{user.name}")
    submit = intake_function("submit_records")

    def store_batch() -> Any:
        with backend(request).writer(observations=False, users=False) as store:
            result = submit(store, rows, source_name=source, submitted_by=user.name)
            _audit(store, user, "reports.submit", source, {"records": len(rows)})
        return result

    # storing blocks on the database; off the event loop, other requests keep being served
    result = await run_in_threadpool(store_batch)
    return {"submitted_by": user.name, "result": jsonable(result)}


async def _submit_file(request: Request, user: auth.User) -> dict[str, Any]:
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise ConfigError("the multipart upload needs a 'file' field holding the report file")
    name = Path(upload.filename).name
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise ConfigError(f"{name}: upload a {', '.join(UPLOAD_SUFFIXES)} file")
    importer = intake_function("import_reports")
    with tempfile.TemporaryDirectory(prefix="indmon-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(await upload.read())
        if user.role == "reporter":
            _check_own_enterprise(user, _enterprise_ids(path))

        def store_file() -> Any:
            with backend(request).writer(observations=False, users=False) as store:
                imported = importer(store, [path], submitted_by=user.name)
                _audit(store, user, "reports.import", name, {"bytes": path.stat().st_size})
            return imported

        result = await run_in_threadpool(store_file)
    return {"submitted_by": user.name, "file": name, "result": jsonable(result)}


def _enterprise_ids(path: Path) -> list[str]:
    """The enterprise ids a file holds, read before import to keep reporters to their own."""
    try:
        if path.suffix.lower() == ".csv":
            frame = pd.read_csv(path, dtype=str, usecols=["enterprise_id"])
        elif path.suffix.lower() == ".xlsx":
            frame = pd.read_excel(path, dtype=str, usecols=["enterprise_id"])
        else:
            frame = pd.read_parquet(path, columns=["enterprise_id"])
    except (ValueError, KeyError, OSError) as exc:
        raise IntakeError(f"{path.name}: cannot read its enterprise_id column: {exc}") from None
    ids: list[str] = frame["enterprise_id"].astype(str).tolist()
    return ids


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
