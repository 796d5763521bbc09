"""Releases taken in through the API: extracted, reconciled and recorded with provenance."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile

from indmon.errors import ConfigError
from indmon.web import auth
from indmon.web.api.reports import _function, jsonable
from indmon.web.app import OptionalUser, backend

router = APIRouter(tags=["documents"])
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")


@router.post("/documents", summary="Ingest a release")
async def ingest(
    request: Request, user: OptionalUser,
    files: Annotated[list[UploadFile], File(description="release texts (.txt, .html, .pdf)")],
    source_title: Annotated[str, Form(min_length=1, max_length=500)],
    publisher: Annotated[str, Form(min_length=1, max_length=200)],
    published: Annotated[str, Form(pattern=r"^\d{4}-\d{2}-\d{2}$")],
    url: Annotated[str, Form(max_length=2000)] = "",
) -> dict[str, Any]:
    """Analysts and admins: the figures found are recorded with this source's provenance."""
    actor = auth.require_role(user, "analyst", "admin")
    _check_date(published)
    ingest_documents = _function("indmon.reconcile", "ingest_documents")
    with tempfile.TemporaryDirectory(prefix="indmon-docs-") as folder:
        paths = [await _saved(upload, Path(folder)) for upload in files]
        with backend(request).writer() as store:
            result = ingest_documents(store, paths, source_title=source_title,
                                      publisher=publisher, published=published, url=url)
            with store.transaction():
                auth.audit(store, actor.name, "documents.ingest", source_title,
                           {"files": [p.name for p in paths], "publisher": publisher})
    return {"ingested_by": actor.name, "files": [p.name for p in paths],
            "result": jsonable(result)}


def _check_date(text: str) -> None:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"published {text!r} is not a date like 2024-01-19") from None


async def _saved(upload: UploadFile, folder: Path) -> Path:
    name = Path(upload.filename or "").name
    if not name.lower().endswith(DOCUMENT_SUFFIXES):
        raise ConfigError(f"{name or 'a file'}: upload a {', '.join(DOCUMENT_SUFFIXES)} file")
    path = folder / name
    path.write_bytes(await upload.read())
    return path
