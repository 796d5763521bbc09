"""indmon: monitor a country's industrial and ICT development.

The handful of names a notebook needs:

>>> import indmon
>>> store = indmon.open(":memory:")
>>> store.counts()["observations"]
0
>>> [f.value for f in indmon.extract_facts("Output grew 4.6% in 2023.", "note")]
[4.6]

The names are imported on first use, so that ``import indmon`` (and with it every
``indmon`` command, ``indmon --help`` included) loads neither DuckDB, pandas nor Ibis
until a name that needs them is used.
"""

from __future__ import annotations

import typing as _typing
from importlib import import_module as _import_module
from pathlib import Path as _Path

from indmon.errors import IndmonError

if _typing.TYPE_CHECKING:
    from indmon.catalogue import Catalogue
    from indmon.compute import run_compute as compute
    from indmon.extract import extract_facts
    from indmon.store import NewObservation, Source, Store

__version__ = "0.1.0"

#: each public name imported on first use: (the module defining it, its name there)
_HOMES = {
    "Catalogue": ("indmon.catalogue", "Catalogue"),
    "compute": ("indmon.compute", "run_compute"),
    "extract_facts": ("indmon.extract", "extract_facts"),
    "NewObservation": ("indmon.store", "NewObservation"),
    "Source": ("indmon.store", "Source"),
    "Store": ("indmon.store", "Store"),
}

# ``indmon.compute`` is the function ``run_compute``, although a subpackage has that name
# too. Importing a subpackage binds it as an attribute of its package, which would hide
# the function; so the subpackage (whose own names load on first use) is imported now and
# that binding dropped, leaving ``compute`` to ``__getattr__``.
_import_module("indmon.compute")
del globals()["compute"]


def __getattr__(name: str) -> _typing.Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = home
    value = getattr(_import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


def open(path: str | _Path | None = None, *, read_only: bool = False) -> Store:
    """Open the store at ``path`` (default: ``$INDMON_DB`` or the user's data directory)."""
    from indmon.store import Store

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
