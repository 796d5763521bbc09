"""The HTTP API and dashboard: ``create_app(db_path)`` and ``serve(db_path, host, port)``.

Imported lazily: the store reads this package's schema.sql on every open, and that must
not pull in FastAPI.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from indmon.web import app

        return getattr(app, name)
    raise AttributeError(f"module 'indmon.web' has no attribute {name!r}")
