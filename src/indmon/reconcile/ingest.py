"""Releases into the store: extract facts, map them, record them with provenance.

Each document is one source (kind ``release``) known by its **content**: its id is the
file's stem and the start of the SHA-256 of its text (``indmon.store.document_id``), and
the source keeps the full hash, the file name (for display), publisher, title, date and
release type. So:

- a second, different file with the same name is a source of its own, with its own
  citations;
- the same text ingested again, under any name, is the source already stored: nothing
  changes. Options left out (publisher, title, date) match whatever that source has;
  options given must match it, else the text is a separate source (a reprint by
  another publisher, say).

The publication date is the vintage of what a document states: ``published`` if given,
else the date line near the top of the text. A text with neither is refused, never
given today's date.

A figure several documents state alike becomes one observation with several sources; a
later release by the same publisher that states another value revises it (a new
vintage), and two publishers that disagree are both kept and flagged as a conflict
(``Store.record`` decides). Every fact, mapped or not, also goes to the ``facts`` table
(:mod:`indmon.reconcile.facts`), so that numbers the catalogue has no indicator for can
still be searched.

>>> from indmon.store import Store
>>> store = Store.open(":memory:")
>>> fact = Fact("note", 0, 4, "4.6%", 4.6, "percent", "growth_yoy",
...             "value added of industrial enterprises above designated size", "2023")
>>> source = release_source("note", "Industry in 2023", published="2024-01-19")
>>> ingest_facts(store, [fact], source).added
1
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from indmon.catalogue import Catalogue
from indmon.errors import ConfigError, ExtractError
from indmon.extract import extract_facts
from indmon.extract.documents import Document, find_documents, read_document
from indmon.extract.facts import Fact
from indmon.extract.language import detect_language
from indmon.extract.mapping import map_facts
from indmon.extract.periods import document_time
from indmon.reconcile.facts import save_facts
from indmon.store import NewObservation, RecordResult, Source, Store, document_id

#: what a release may say it is: a final release revises the preliminary figures
RELEASE_TYPES = ("preliminary", "final")
SUMMARY_COLUMNS = ("doc", "file", "published", "facts", "mapped", "added", "merged",
                   "revised", "conflicts")


@dataclass(frozen=True)
class DocumentIngest:
    """What one document added to the store."""

    #: the source id the document is cited by (``facts.doc`` too)
    doc: str
    #: the file it was read from
    file: str
    #: the vintage its figures were recorded with (YYYY-MM-DD)
    published: str
    facts: int
    mapped: int
    result: RecordResult
    #: the same content was already a source: it was only met again
    known: bool = False


@dataclass(frozen=True)
class IngestSummary:
    """What ``ingest_documents`` did, document by document."""

    documents: tuple[DocumentIngest, ...]

    @property
    def facts(self) -> int:
        return sum(d.facts for d in self.documents)

    @property
    def mapped(self) -> int:
        return sum(d.mapped for d in self.documents)

    @property
    def result(self) -> RecordResult:
        total = RecordResult()
        for d in self.documents:
            total = total + d.result
        return total

    def frame(self) -> pd.DataFrame:
        """One row per document: facts found, mapped, and how they were recorded."""
        return pd.DataFrame(
            [
                {"doc": d.doc, "file": d.file, "published": d.published, "facts": d.facts,
                 "mapped": d.mapped, "added": d.result.added, "merged": d.result.merged,
                 "revised": d.result.revised, "conflicts": d.result.conflicts}
                for d in self.documents
            ],
            columns=list(SUMMARY_COLUMNS),
        )


class IngestError(ExtractError):
    """One file could not be ingested. Nothing of it is in the store; the files before
    it in the same call are (``ingested``)."""

    def __init__(self, message: str, *, file: str, ingested: IngestSummary,
                 field: str = "") -> None:
        super().__init__(message)
        #: the file that stopped the ingest
        self.file = file
        #: what was ingested before it
        self.ingested = ingested
        #: the option that would fix it, where one would (``published``)
        self.field = field


def ingest_documents(
    store: Store,
    paths: Sequence[str | Path],
    *,
    source_title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
    release_type: str | None = None,
) -> IngestSummary:
    """Extract, map and record the facts of each release file, in order.

    ``paths`` may name folders (their release files are read). ``published``
    (YYYY-MM-DD) is the vintage; without it, the date near the top of each document.
    ``source_title`` defaults to the document's first line. ``release_type`` is
    ``preliminary`` or ``final`` (a final release revises the figures it restates).

    A file that cannot be read, or whose date is neither given nor written in it,
    raises :class:`IngestError`; the files before it stay ingested.
    """
    check_options(published=published, url=url, release_type=release_type)
    done: list[DocumentIngest] = []
    for path in find_documents([Path(p) for p in paths]):
        try:
            done.append(ingest_document(
                store, read_document(path), source_title=source_title, publisher=publisher,
                published=published, url=url, release_type=release_type,
            ))
        except IngestError as exc:
            raise IngestError(_stopped(str(exc), done), file=exc.file,
                              ingested=IngestSummary(tuple(done)), field=exc.field) from None
        except ExtractError as exc:
            raise IngestError(_stopped(str(exc), done), file=str(path),
                              ingested=IngestSummary(tuple(done))) from None
    return IngestSummary(tuple(done))


def ingest_document(
    store: Store, document: Document, *, source_title: str | None = None,
    publisher: str | None = None, published: str | None = None, url: str | None = None,
    release_type: str | None = None,
) -> DocumentIngest:
    """Extract, map and record the facts of one document read with ``read_document``."""
    source, known = document_source(
        store, document, title=source_title, publisher=publisher, published=published,
        url=url, release_type=release_type,
    )
    date = source.vintage().date().isoformat()
    facts = extract_facts(document.text, source.source_id, published=date, lang=document.lang)
    mapped = map_facts(facts)
    result = _record_mapped(store, mapped, source)
    count = sum(1 for f in mapped if f.indicator)
    file = str(document.path) if document.path else document.doc
    return DocumentIngest(source.source_id, file, date, len(mapped), count, result, known)


def document_source(
    store: Store, document: Document, *, title: str | None = None,
    publisher: str | None = None, published: str | None = None, url: str | None = None,
    release_type: str | None = None,
) -> tuple[Source, bool]:
    """The source a document is cited by, and whether the store already had it.

    The store's source of the same content is reused when every option given matches
    it; otherwise this is a new source, with a content-addressed id that no other
    source holds. Raises :class:`IngestError` when the date is neither given nor
    written in the text.
    """
    digest = document.content_hash
    same_content = store.sources_with_hash(digest)
    for known in same_content:
        if _same_release(known, title=title, publisher=publisher, published=published,
                         release_type=release_type):
            return replace(known, revises=known.release_type == "final"), True
    date = published or document_date(document.text, document.lang)
    file = document.path.name if document.path else document.doc
    if date is None:
        raise IngestError(
            f"{document.path or document.doc}: cannot read its publication date (no date "
            "line such as 2024-01-19 or 2024年1月19日 near the top of the text); give it "
            "with --published YYYY-MM-DD, which dates every file of one command, so ingest "
            "this file on its own (published= from Python or the API). Nothing was ingested "
            "from this file",
            file=str(document.path or document.doc), ingested=IngestSummary(()),
            field="published",
        )
    source_title = title or first_line(document.text)
    source_id = document.source_id
    if source_id in {s.source_id for s in same_content}:
        # the same text under the same name, but another publisher, title or date
        identity = "\n".join((digest, publisher or "", source_title, date, release_type or ""))
        source_id = document_id(document.doc, identity)
    return release_source(
        source_id, source_title, publisher=publisher or "", published=date, url=url or "",
        lang=document.lang, content_hash=digest, file=file, release_type=release_type or "",
    ), False


def ingest_facts(
    store: Store, facts: Iterable[Fact], source: Source, catalogue: Catalogue | None = None
) -> RecordResult:
    """Map facts, keep every one in ``facts``, record the mapped ones as observations.

    The facts are kept under the source's id, whatever ``doc`` they carry."""
    return _record_mapped(store, map_facts(facts, catalogue), source)


def _record_mapped(store: Store, mapped: Sequence[Fact], source: Source) -> RecordResult:
    cited = [f if f.doc == source.source_id else replace(f, doc=source.source_id)
             for f in mapped]
    result = store.record([as_observation(f) for f in cited if f.indicator], source)
    save_facts(store, cited)
    return result


def release_source(
    doc: str, title: str, *, publisher: str = "", published: str | None = None,
    url: str = "", lang: str = "", content_hash: str = "", file: str = "",
    release_type: str = "",
) -> Source:
    """The store source for a release document; ``doc`` is its source id. A final
    release revises the figures it restates instead of conflicting with them."""
    return Source(doc, kind="release", publisher=publisher, title=title, published=published,
                  url=url, lang=lang, content_hash=content_hash, file=file,
                  release_type=release_type, revises=release_type == "final")


def as_observation(fact: Fact) -> NewObservation:
    """A mapped fact as a figure to record, with its span, mention and subject."""
    if fact.indicator is None:
        raise ValueError(f"fact {fact.mention!r} of {fact.doc} is not mapped to an indicator")
    return NewObservation(
        fact.indicator, fact.period, fact.value, fact.unit, industry=fact.industry,
        province=fact.province, span=(fact.start, fact.end), mention=fact.mention,
        subject=fact.subject,
    )


# -- options -----------------------------------------------------------------------------
def check_options(*, published: str | None = None, url: str | None = None,
                  release_type: str | None = None) -> None:
    """Refuse a date, address or release type before anything is ingested."""
    if published:
        check_date(published)
    if url:
        check_url(url)
    if release_type and release_type not in RELEASE_TYPES:
        raise ConfigError(
            f"release type {release_type!r} is not one of {', '.join(RELEASE_TYPES)}; "
            "leave it out when the release does not say"
        )


def check_date(text: str, name: str = "published") -> str:
    """``text`` when it is a date like 2024-01-19, else ``ConfigError`` naming it."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"{name} {text!r} is not a date like 2024-01-19") from None
    if len(text) != 10:
        raise ConfigError(f"{name} {text!r} is not a date like 2024-01-19")
    return text


def check_url(url: str) -> str:
    """``url`` when it is an http(s) address, else ``ConfigError`` naming it."""
    parsed = urlparse(url)
    if parsed.scheme.lower() not in ("http", "https") or not parsed.netloc:
        raise ConfigError(
            f"url {url!r} is not an http(s) address; give the page the release was "
            "published at, like https://www.miit.gov.cn/..."
        )
    return url


def _same_release(
    known: Source, *, title: str | None, publisher: str | None, published: str | None,
    release_type: str | None,
) -> bool:
    """Whether every option given matches the stored source (left out: matches)."""
    if publisher and publisher != known.publisher:
        return False
    if title and title != known.title:
        return False
    if release_type and release_type != known.release_type:
        return False
    return not (published and dt.date.fromisoformat(published) != known.published_date)


def _stopped(message: str, done: Sequence[DocumentIngest]) -> str:
    if not done:
        return message
    files = ", ".join(Path(d.file).name for d in done)
    return f"{message}; the {len(done)} file(s) before it were ingested ({files})"


# -- reading documents -----------------------------------------------------------------
def document_date(text: str, lang: str | None = None) -> str | None:
    """The date a release states near its top (its date line), as YYYY-MM-DD."""
    published = document_time(text, lang or detect_language(text)).published
    return published.isoformat() if published else None


def first_line(text: str, limit: int = 100) -> str:
    """The first non-empty line, cut at a word within ``limit`` characters: a usable
    title when none is given."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] if " " in line[:limit] else line[:limit]
    return cut.rstrip(" ,.;:") + "…"


__all__ = [
    "RELEASE_TYPES",
    "DocumentIngest",
    "IngestError",
    "IngestSummary",
    "as_observation",
    "check_date",
    "check_options",
    "check_url",
    "document_date",
    "document_source",
    "first_line",
    "ingest_document",
    "ingest_documents",
    "ingest_facts",
    "release_source",
    "save_facts",
]
