"""Releases into the store: extract facts, map them, record them with provenance.

Each document is one source (kind ``release``) whose publication date is the vintage of
what it states. A figure several documents state alike (three reports of one press
conference) becomes one observation with several sources; a differing figure is kept
beside it and both are flagged as a conflict (``Store.record`` decides). Every fact,
mapped or not, also goes to the ``facts`` table, so that numbers the catalogue has no
indicator for can still be searched. Ingesting a document again changes nothing.

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
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from indmon.catalogue import Catalogue
from indmon.extract import extract_facts
from indmon.extract.documents import find_documents, read_document
from indmon.extract.facts import Fact
from indmon.extract.language import detect_language
from indmon.extract.mapping import map_facts
from indmon.extract.periods import document_time
from indmon.store import NewObservation, RecordResult, Source, Store


@dataclass(frozen=True)
class DocumentIngest:
    """What one document added to the store."""

    doc: str
    path: str
    #: the vintage its figures were recorded with
    published: str
    facts: int
    mapped: int
    result: RecordResult


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
                {"doc": d.doc, "published": d.published, "facts": d.facts, "mapped": d.mapped,
                 "added": d.result.added, "merged": d.result.merged,
                 "conflicts": d.result.conflicts}
                for d in self.documents
            ],
            columns=["doc", "published", "facts", "mapped", "added", "merged", "conflicts"],
        )


def ingest_documents(
    store: Store,
    paths: Sequence[str | Path],
    *,
    source_title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> IngestSummary:
    """Extract, map and record the facts of each release file (UTF-8 text).

    ``paths`` may name folders (their release files are read). ``published``
    (YYYY-MM-DD) is the vintage; without it, the date found near the top of each
    document, else today. ``source_title`` defaults to the document's first line.
    """
    done = []
    for path in find_documents([Path(p) for p in paths]):
        document = read_document(path)
        date = (published or document_date(document.text, document.lang)
                or dt.date.today().isoformat())
        source = release_source(
            document.doc, source_title or first_line(document.text),
            publisher=publisher or "", published=date, url=url or "", lang=document.lang,
        )
        facts = extract_facts(document.text, document.doc, published=date, lang=document.lang)
        mapped = map_facts(facts)
        result = _record_mapped(store, mapped, source)
        count = sum(1 for f in mapped if f.indicator)
        done.append(DocumentIngest(document.doc, str(path), date, len(mapped), count, result))
    return IngestSummary(tuple(done))


def ingest_facts(
    store: Store, facts: Iterable[Fact], source: Source, catalogue: Catalogue | None = None
) -> RecordResult:
    """Map facts, keep every one in ``facts``, record the mapped ones as observations."""
    return _record_mapped(store, map_facts(facts, catalogue), source)


def _record_mapped(store: Store, mapped: Sequence[Fact], source: Source) -> RecordResult:
    save_facts(store, mapped)
    return store.record([as_observation(f) for f in mapped if f.indicator], source)


def release_source(
    doc: str, title: str, *, publisher: str = "", published: str | None = None,
    url: str = "", lang: str = "",
) -> Source:
    """The store source for a release document; its id is the document id."""
    return Source(doc, kind="release", publisher=publisher, title=title, published=published,
                  url=url, lang=lang)


def as_observation(fact: Fact) -> NewObservation:
    """A mapped fact as a figure to record, with its span, mention and subject."""
    if fact.indicator is None:
        raise ValueError(f"fact {fact.mention!r} of {fact.doc} is not mapped to an indicator")
    return NewObservation(
        fact.indicator, fact.period, fact.value, fact.unit, industry=fact.industry,
        province=fact.province, span=(fact.start, fact.end), mention=fact.mention,
        subject=fact.subject,
    )


def save_facts(store: Store, facts: Sequence[Fact]) -> None:
    """Keep facts in the ``facts`` table; a fact already there (same span) is replaced."""
    if not facts:
        return
    frame = pd.DataFrame([_fact_row(f) for f in facts])
    with store.transaction() as con:
        con.register("incoming_facts", frame)
        try:
            con.execute(
                """INSERT OR REPLACE INTO facts
                   SELECT doc, "start", "end", mention, value, unit, measure, subject, period,
                          region, indicator, industry, province FROM incoming_facts"""
            )
        finally:
            con.unregister("incoming_facts")


def _fact_row(fact: Fact) -> dict[str, object]:
    mapped = fact.indicator is not None
    return {
        "doc": fact.doc, "start": fact.start, "end": fact.end, "mention": fact.mention,
        "value": float(fact.value), "unit": fact.unit, "measure": fact.measure,
        "subject": fact.subject, "period": fact.period, "region": fact.region,
        "indicator": fact.indicator, "industry": fact.industry if mapped else None,
        "province": fact.province if mapped else None,
    }


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
    "DocumentIngest",
    "IngestSummary",
    "as_observation",
    "document_date",
    "first_line",
    "ingest_documents",
    "ingest_facts",
    "release_source",
    "save_facts",
]
