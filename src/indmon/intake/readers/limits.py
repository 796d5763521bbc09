"""How much one report file may hold, checked before and while it is read.

A file can be small and still cost gigabytes and minutes to read: an XLSX is a zip whose
parts may inflate a thousandfold (a decompression bomb), a ``.csv.gz`` likewise, a sheet
may put cells in column 16,384 of a million rows. Each reader checks what it can before
parsing (the zip's parts, the inflated size of a gzip stream, Parquet's metadata) and
the rest while it reads (rows, columns, seconds), and refuses the file as a whole with
:class:`FileOverLimit`, naming the file, the limit and its setting: nothing of such a
file is ever stored.

The limits are settings (environment variables, read when a file is read), with
defaults far above any real monthly report (a national month is about 483,000 rows of
a dozen columns):

=============================  ===========================  =========
setting                        limit                        default
=============================  ===========================  =========
INDMON_MAX_INFLATED_MB         bytes once decompressed      1024 MB
INDMON_MAX_COMPRESSION_RATIO   inflated / compressed size   200
INDMON_MAX_ROWS                data rows                    2,000,000
INDMON_MAX_COLUMNS             columns                      200
INDMON_MAX_READ_SECONDS        time to read the file        300 s
=============================  ===========================  =========

The compression ratio is judged only for parts of more than ``RATIO_FLOOR`` bytes
inflated: small parts of any workbook compress very well.

>>> limits = ReadLimits.from_env({"INDMON_MAX_ROWS": "1000"})
>>> limits.max_rows, limits.max_columns
(1000, 200)
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import ClassVar

from indmon.errors import ConfigError, UnreadableFile

MB = 1024 * 1024


class FileOverLimit(UnreadableFile):
    """A file is over one of the read limits: refused whole, nothing of it stored."""

    def __init__(self, message: str, *, file: str, limit: str, value: float,
                 maximum: float, setting: str, tried: list[str] | None = None) -> None:
        super().__init__(message, file=file, tried=tried)
        self.limit = limit
        self.value = value
        self.maximum = maximum
        self.setting = setting


@dataclass(frozen=True)
class ReadLimits:
    """The most one file may hold and cost to read (see the module doc for settings)."""

    max_inflated_bytes: int = 1024 * MB
    max_ratio: float = 200.0
    max_rows: int = 2_000_000
    max_columns: int = 200
    max_seconds: float = 300.0

    #: parts smaller than this once inflated are not judged by their compression ratio
    RATIO_FLOOR: ClassVar[int] = 4 * MB
    #: field -> (environment variable, unit the variable is written in, in field units)
    SETTINGS: ClassVar[dict[str, tuple[str, float]]] = {
        "max_inflated_bytes": ("INDMON_MAX_INFLATED_MB", MB),
        "max_ratio": ("INDMON_MAX_COMPRESSION_RATIO", 1),
        "max_rows": ("INDMON_MAX_ROWS", 1),
        "max_columns": ("INDMON_MAX_COLUMNS", 1),
        "max_seconds": ("INDMON_MAX_READ_SECONDS", 1),
    }

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ReadLimits:
        """The limits the ``INDMON_MAX_*`` variables set; the defaults for the others."""
        environ = os.environ if environ is None else environ
        values: dict[str, float | int] = {}
        for item in fields(cls):
            variable, scale = cls.SETTINGS[item.name]
            text = environ.get(variable, "").strip()
            if not text:
                continue
            try:
                number = float(text)
            except ValueError:
                raise ConfigError(f"{variable}={text!r} is not a number; give e.g. "
                                  f"{variable}={_default_text(item.name)}") from None
            if not number > 0:
                raise ConfigError(f"{variable}={text!r} must be more than 0")
            scaled = number * scale
            values[item.name] = int(scaled) if item.type in ("int", int) else scaled
        return cls(**values)  # type: ignore[arg-type]

    def setting(self, name: str) -> str:
        return self.SETTINGS[name][0]

    # -- the checks every reader makes ---------------------------------------------------
    def check_inflated(self, file: str, what: str, inflated: int, compressed: int,
                       tried: list[str]) -> None:
        """Refuse ``what`` of ``file`` when it inflates far more than data compresses (a
        bomb, said first as the likelier story) or past the size limit."""
        ratio = inflated / max(compressed, 1)
        if inflated > self.RATIO_FLOOR and ratio > self.max_ratio:
            raise FileOverLimit(
                f"{file}: {what} inflates {ratio:,.0f} times ({compressed:,} bytes to "
                f"{inflated:,}), over the limit of {self.max_ratio:,.0f} "
                f"({self.setting('max_ratio')}): such a file is built to exhaust memory, not "
                "to carry reports; nothing of it was stored",
                file=file, limit="compression ratio", value=ratio, maximum=self.max_ratio,
                setting=self.setting("max_ratio"), tried=tried)
        if inflated > self.max_inflated_bytes:
            shown, limit = size_text(inflated), size_text(self.max_inflated_bytes)
            if shown == limit:  # just over: the bytes say it
                shown, limit = f"{inflated:,} bytes", f"{self.max_inflated_bytes:,} bytes"
            raise FileOverLimit(
                f"{file}: {what} inflates to {shown}, over the limit of "
                f"{limit} ({self.setting('max_inflated_bytes')}); "
                "nothing of the file was stored. Split it into smaller files",
                file=file, limit="inflated size", value=inflated,
                maximum=self.max_inflated_bytes, setting=self.setting("max_inflated_bytes"),
                tried=tried)

    def check_rows(self, file: str, rows: int, tried: list[str]) -> None:
        if rows > self.max_rows:
            raise FileOverLimit(
                f"{file}: more than {self.max_rows:,} data rows, the limit "
                f"({self.setting('max_rows')}); nothing of the file was stored. Split it, "
                "e.g. one file per month",
                file=file, limit="rows", value=rows, maximum=self.max_rows,
                setting=self.setting("max_rows"), tried=tried)

    def check_columns(self, file: str, columns: int, tried: list[str]) -> None:
        if columns > self.max_columns:
            raise FileOverLimit(
                f"{file}: {columns:,} columns or more, over the limit of {self.max_columns:,} "
                f"({self.setting('max_columns')}); nothing of the file was stored. Keep the "
                "report's columns (and clear stray cells far to the right)",
                file=file, limit="columns", value=columns, maximum=self.max_columns,
                setting=self.setting("max_columns"), tried=tried)

    def clock(self, file: str, tried: list[str]) -> Clock:
        """A stopwatch for reading ``file``: ``check()`` refuses it once over time."""
        return Clock(self, file, tried)


@dataclass
class Clock:
    """Time spent reading one file, against ``max_seconds``."""

    limits: ReadLimits
    file: str
    tried: list[str]
    started: float = 0.0

    def __post_init__(self) -> None:
        self.started = time.monotonic()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def check(self) -> None:
        if self.elapsed > self.limits.max_seconds:
            raise self.over()

    def over(self) -> FileOverLimit:
        limit = self.limits.max_seconds
        return FileOverLimit(
            f"{self.file}: reading took longer than {limit:,.6g} s, the limit "
            f"({self.limits.setting('max_seconds')}); nothing of the file was stored. Split "
            "it into smaller files",
            file=self.file, limit="reading time", value=self.elapsed, maximum=limit,
            setting=self.limits.setting("max_seconds"), tried=self.tried)


def size_text(size: float) -> str:
    """Bytes as people read them: ``512 KB``, ``3.5 MB``, ``1,024 MB``.

    >>> size_text(64 * 1024), size_text(3.5 * MB), size_text(1024 * MB)
    ('64 KB', '3.5 MB', '1,024 MB')
    """
    if size < MB:
        return f"{size / 1024:,.0f} KB"
    return f"{size / MB:,.1f} MB" if size < 10 * MB else f"{size / MB:,.0f} MB"


def _default_text(name: str) -> str:
    default = getattr(ReadLimits(), name)
    return f"{default / ReadLimits.SETTINGS[name][1]:g}"
