"""Statistics the statistics bureau's way, computed from enterprise reports.

One definition of each computation, written once with Ibis and run on the embedded
DuckDB (default) or on Spark. The pipeline:

- ``sample``: each enterprise's monthly and year-to-date figures and the same a year
  earlier, on a dense enterprise-by-month grid (the one expensive step);
- ``aggregate``: sums over the comparable samples per (industry, province, month),
  rolled up to sectors, provinces and the whole country;
- ``growth``, ``contributions``, ``counts``: the indicators, as long rows;
- ``run``: choose months, run, record with provenance, export.

>>> from indmon.compute import run_compute          # doctest: +SKIP
>>> run_compute(store, start="2023-01", end="2023-12").rows  # doctest: +SKIP
"""

from indmon.compute.engines import ENGINES
from indmon.compute.run import (
    METHOD_VERSION,
    ComputeSummary,
    compute_indicators,
    export_indicators,
    run_compute,
)

__all__ = [
    "ENGINES",
    "METHOD_VERSION",
    "ComputeSummary",
    "compute_indicators",
    "export_indicators",
    "run_compute",
]
