"""Builders for small report files; each test writes the file it needs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from indmon.store import Store

HEADER = ("enterprise_id,period,industry,province,output_value,value_added,revenue,profit,"
          "employees")
GOOD = "E{n},2023-06,36,320000,1000,300,1100,50,12"

WriteCsv = Callable[..., Path]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.duckdb") as opened:
        yield opened


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    """Write ``reports.csv`` (or ``name``) with the header and the given data lines."""

    def write(*lines: str, name: str = "reports.csv", header: str = HEADER) -> Path:
        path = tmp_path / name
        path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
        return path

    return write
