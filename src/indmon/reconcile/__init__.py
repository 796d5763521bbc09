"""Releases against the store: ingest their facts, flag conflicts, check claims.

``ingest_documents(store, paths)`` extracts, maps and records the facts of release texts
with provenance; ``check_text(store, text, published=...)`` judges the figures of a text
against the store as it stood that day. See ``docs/reconcile.md``.
"""

from __future__ import annotations

from indmon.reconcile.check import Verdict, check_facts, check_text, verdict_frame
from indmon.reconcile.ingest import IngestSummary, ingest_documents, ingest_facts

__all__ = [
    "IngestSummary",
    "Verdict",
    "check_facts",
    "check_text",
    "ingest_documents",
    "ingest_facts",
    "verdict_frame",
]
