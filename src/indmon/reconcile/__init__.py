"""Releases against the store: ingest their facts, load published figures, check claims.

``ingest_documents(store, paths)`` extracts, maps and records the facts of release texts
with provenance (each text a source known by its content); ``load_published(store)``
records the bundled published figures; ``search_facts(store, ...)`` reads every stated
number, mapped or not; ``check_text(store, text, published=...)`` judges the figures of
a text against the published figures in the store as it stood that day. Reconcile owns
the ``facts`` table. See ``docs/reconcile.md``.
"""

from __future__ import annotations

from indmon.reconcile.check import Verdict, check_facts, check_text, verdict_frame
from indmon.reconcile.facts import save_facts, search_facts
from indmon.reconcile.ingest import IngestError, IngestSummary, ingest_documents, ingest_facts
from indmon.reconcile.published import load_published

__all__ = [
    "IngestError",
    "IngestSummary",
    "Verdict",
    "check_facts",
    "check_text",
    "ingest_documents",
    "ingest_facts",
    "load_published",
    "save_facts",
    "search_facts",
    "verdict_frame",
]
