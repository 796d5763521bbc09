"""Releases taken in through the API: extracted, reconciled and recorded with provenance.

The same rules as ``indmon ingest``: each text is a source known by its content, a text
whose publication date cannot be read needs the ``published`` field, and ``url`` must be
an http(s) address. Unlike the command line, an upload is checked whole before anything
is recorded: when one file is refused, nothing of the upload is ingested.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from indmon.errors import ConfigError
from indmon.extract.documents import TEXT_SUFFIXES, Document, read_document
from indmon.reconcile.ingest import (
    RELEASE_TYPES,
    DocumentIngest,
    IngestError,
    check_date,
    check_url,
    document_source,
    ingest_document,
)
from indmon.store import Store
from indmon.web import auth
from indmon.web.app import Backend, OptionalUser, backend
from indmon.web.errors import ACCESS, error_responses

router = APIRouter(tags=["documents"])
#: what an upload may be: plain-text releases (UTF-8, UTF-8 with BOM or GB18030)
DOCUMENT_SUFFIXES = TEXT_SUFFIXES


class IngestedDocument(BaseModel):
    """What one uploaded text added to the store."""

    #: the source id the text is cited by
    doc: str
    file: str
    #: the vintage of its figures (YYYY-MM-DD)
    published: str
    facts: int
    mapped: int
    added: int
    merged: int
    revised: int
    conflicts: int
    #: the same text was already a source: nothing new was recorded
    known: bool

    @classmethod
    def of(cls, done: DocumentIngest) -> IngestedDocument:
        r = done.result
        return cls(doc=done.doc, file=Path(done.file).name, published=done.published,
                   facts=done.facts, mapped=done.mapped, added=r.added, merged=r.merged,
                   revised=r.revised, conflicts=r.conflicts, known=done.known)


class IngestResponse(BaseModel):
    ingested_by: str
    files: list[str]
    documents: list[IngestedDocument]


@dataclass(frozen=True)
class ReleaseForm:
    """The form fields that describe the uploaded release."""

    source_title: str
    publisher: str
    published: str | None
    url: str
    release_type: str | None


@router.post("/documents", summary="Ingest a release", response_model=IngestResponse,
             responses=error_responses(400, *ACCESS, 413, 422, 503))
async def ingest(
    request: Request, user: OptionalUser,
    files: Annotated[list[UploadFile], File(
        description=f"release texts ({', '.join(DOCUMENT_SUFFIXES)}; UTF-8 or GB18030)")],
    source_title: Annotated[str, Form(min_length=1, max_length=500)],
    publisher: Annotated[str, Form(min_length=1, max_length=200)],
    published: Annotated[str | None, Form(
        description="publication date YYYY-MM-DD; needed when a text has no date line")
    ] = None,
    url: Annotated[str, Form(max_length=2000, description="http(s) address of the release")
                   ] = "",
    release_type: Annotated[str | None, Form(
        description="preliminary or final: a final release revises the figures it restates")
    ] = None,
) -> IngestResponse:
    """Analysts and admins: the figures found are recorded with this source's provenance."""
    actor = auth.require_role(user, "analyst", "admin")
    form = ReleaseForm(source_title, publisher, published or None, url,
                       release_type or None)
    _check_form(form)
    with tempfile.TemporaryDirectory(prefix="indmon-docs-") as folder:
        paths = [await _saved(upload, Path(folder)) for upload in files]
        done = await run_in_threadpool(_ingest, backend(request), paths, form, actor.name)
    return IngestResponse(ingested_by=actor.name, files=[p.name for p in paths],
                          documents=[IngestedDocument.of(d) for d in done])


def _ingest(site: Backend, paths: list[Path], form: ReleaseForm,
            actor: str) -> list[DocumentIngest]:
    """Check every file, then ingest them all, under the app's write lock."""
    options = {"source_title": form.source_title, "publisher": form.publisher,
               "published": form.published, "url": form.url or None,
               "release_type": form.release_type}
    with site.writer() as store:
        documents = [read_document(p) for p in paths]
        for document in documents:
            _check_dated(store, document, form)
        done = [ingest_document(store, d, **options) for d in documents]
        with store.transaction():
            auth.audit(store, actor, "documents.ingest", form.source_title,
                       {"files": [p.name for p in paths], "publisher": form.publisher,
                        "sources": [d.doc for d in done]})
    return done


def _check_dated(store: Store, document: Document, form: ReleaseForm) -> None:
    """A 422 naming the ``published`` field when a text's date is neither given nor read."""
    try:
        document_source(store, document, title=form.source_title, publisher=form.publisher,
                        published=form.published, release_type=form.release_type)
    except IngestError as exc:
        name = document.path.name if document.path else document.doc
        raise _invalid("published", f"{name}: the publication date cannot be read from the "
                                    "text; give it as published=YYYY-MM-DD") from exc


def _check_form(form: ReleaseForm) -> None:
    """Refuse a malformed date, address or release type, naming the field (422)."""
    for name, check in (("published", check_date), ("url", check_url)):
        value = getattr(form, name)
        if value:
            try:
                check(value)
            except ConfigError as exc:
                raise _invalid(name, str(exc)) from None
    if form.release_type and form.release_type not in RELEASE_TYPES:
        raise _invalid("release_type", f"{form.release_type!r} is not one of "
                                       f"{', '.join(RELEASE_TYPES)}")


def _invalid(field: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("body", field), "msg": message,
                                    "type": "value_error"}])


async def _saved(upload: UploadFile, folder: Path) -> Path:
    name = Path(upload.filename or "").name
    if not name.lower().endswith(DOCUMENT_SUFFIXES):
        raise ConfigError(f"{name or 'a file'}: upload a {', '.join(DOCUMENT_SUFFIXES)} file "
                          "(plain text of the release)")
    path = folder / name
    if path.exists():
        raise ConfigError(f"{name}: two uploaded files have this name; upload them separately")
    path.write_bytes(await upload.read())
    return path
