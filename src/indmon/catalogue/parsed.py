"""The shipped TOML files, parsed once per content and kept as JSON.

Python's TOML parser is written in Python: the catalogue's indicator files and
``units.toml`` (120 KB) take it about 30 ms, in every process that loads the catalogue
(each ``indmon report``, ``indmon query``, the web app). JSON of the same document loads
in under 2 ms. So the first process to parse a file writes what it parsed, as JSON, to
``<cache>/toml/<SHA-256 of the text>.json``, and later processes read that instead.

The name is the hash of the text itself, so an edited file is a new name and is parsed
again; a document JSON cannot hold exactly (TOML dates, say) is not kept; a cache entry
that cannot be read, or does not parse, is parsed from the text again and rewritten; a
cache directory that cannot be written is no error, only slower. The directory is
``$INDMON_CACHE_DIR`` when set, else the user's cache directory for indmon.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

#: bump when the JSON kept for a document changes shape
FORMAT = 1


def cache_dir() -> Path:
    """Where parsed documents are kept."""
    chosen = os.environ.get("INDMON_CACHE_DIR")
    if chosen:
        return Path(chosen) / "toml"
    import platformdirs

    return Path(platformdirs.user_cache_dir("indmon")) / "toml"


def load_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, from the cache when this text was parsed before."""
    entry = cache_dir() / f"{_key(text)}.json"
    with contextlib.suppress(OSError, ValueError):
        document = json.loads(entry.read_text("utf-8"))
        if isinstance(document, dict):
            return document
    document = tomllib.loads(text)
    _keep(entry, document)
    return document


def _key(text: str) -> str:
    return hashlib.sha256(f"{FORMAT}\n{text}".encode()).hexdigest()


def _keep(entry: Path, document: dict[str, Any]) -> None:
    """Write the document as JSON, whole or not at all, if JSON holds it exactly."""
    try:
        text = json.dumps(document, ensure_ascii=False)
    except (TypeError, ValueError):  # a TOML date or time: not JSON
        return
    if json.loads(text) != document:
        return
    with contextlib.suppress(OSError):
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=entry.parent, prefix=".part-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(text)
            os.replace(name, entry)
        except OSError:
            Path(name).unlink(missing_ok=True)
            raise
