"""Statistics the statistics bureau's way, computed from enterprise reports.

One definition of each computation, written once with Ibis and run on the embedded
DuckDB (default) or on Spark. The pipeline:

- ``inputs``: the current vintage of every report, and the price indices;
- ``sample``: the one pass over report rows, a row per enterprise and year (its months,
  its cell, when it enters the comparable samples);
- ``aggregate``: what the requested indicators need (``Needs``), sums over the
  comparable samples per (industry, province, month), roll-ups to sectors, provinces
  and the whole country;
- ``growth``, ``contributions``, ``counts``: the indicators, as long rows;
- ``run``: choose months, run, record with provenance, export.

>>> from indmon.compute import run_compute          # doctest: +SKIP
>>> run_compute(store, start="2023-01", end="2023-12").rows  # doctest: +SKIP

The names below are imported on first use: ``import indmon`` (every ``indmon`` command)
then loads no Ibis.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indmon.compute.engines import ENGINES
    from indmon.compute.run import (
        METHOD_VERSION,
        ComputeSummary,
        compute_indicators,
        export_indicators,
        run_compute,
    )

#: each public name and the module defining it
_HOMES = {
    "ENGINES": "indmon.compute.engines",
    "METHOD_VERSION": "indmon.compute.run", "ComputeSummary": "indmon.compute.run",
    "compute_indicators": "indmon.compute.run", "export_indicators": "indmon.compute.run",
    "run_compute": "indmon.compute.run",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


__all__ = [
    "ENGINES",
    "METHOD_VERSION",
    "ComputeSummary",
    "compute_indicators",
    "export_indicators",
    "run_compute",
]
