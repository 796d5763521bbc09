"""Fixtures for monitoring tests: a fresh store file per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "monitor.duckdb") as opened:
        yield opened


