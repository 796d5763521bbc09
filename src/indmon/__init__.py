"""indmon: monitor a country's industrial and ICT development.

The handful of names a notebook needs:

>>> import indmon
>>> store = indmon.open(":memory:")
>>> store.counts()["observations"]
0
>>> [f.value for f in indmon.extract_facts("Output grew 4.6% in 2023.", "note")]
[4.6]
"""

from __future__ import annotations

from pathlib import Path as _Path

from indmon.catalogue import Catalogue
from indmon.compute import run_compute as compute
from indmon.errors import IndmonError
from indmon.extract import extract_facts
from indmon.store import NewObservation, Source, Store

__version__ = "0.1.0"


def open(path: str | _Path | None = None, *, read_only: bool = False) -> Store:
    """Open the store at ``path`` (default: ``$INDMON_DB`` or the user's data directory)."""
    return Store.open(path, read_only=read_only)


__all__ = [
    "Catalogue",
    "IndmonError",
    "NewObservation",
    "Source",
    "Store",
    "compute",
    "extract_facts",
    "open",
]
