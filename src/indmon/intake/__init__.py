"""Enterprise report intake: read files, validate every row, store them durably.

Readers (``intake.readers``) turn CSV, Parquet and XLSX files into text tables;
``intake.validate`` checks a whole file in DuckDB SQL; ``intake.batches`` hands it to
``indmon.store.raw``, the owner of the raw tables, which stores one file as one
transaction. ``import_reports``/``import_prices`` take files, ``submit_records``
takes records sent to the HTTP API.
"""

from __future__ import annotations

from indmon.intake.batches import FileImport
from indmon.intake.imports import ImportSummary, import_prices, import_reports
from indmon.intake.submit import RowResult, SubmitResult, submit_records
from indmon.store.raw import Rejection

__all__ = [
    "FileImport",
    "ImportSummary",
    "Rejection",
    "RowResult",
    "SubmitResult",
    "import_prices",
    "import_reports",
    "submit_records",
]
