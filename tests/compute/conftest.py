"""Fixtures of the compute tests: a fresh store, and the engines to run on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "compute.duckdb") as opened:
        yield opened


@pytest.fixture(scope="session")
def spark_ready() -> Iterator[None]:
    """One local Spark session for the whole run: it takes seconds to start."""
    from indmon.compute.engines import spark_session

    # tiny inputs: one shuffle partition avoids hundreds of empty tasks per query
    with pytest.MonkeyPatch.context() as env:
        env.setenv("INDMON_SPARK_PARTITIONS", "1")
        session = spark_session()
    yield
    session.stop()
    spark_session.cache_clear()


@pytest.fixture(params=["duckdb", pytest.param("spark", marks=pytest.mark.spark)])
def engine(request: pytest.FixtureRequest) -> str:
    """Each engine test runs on DuckDB and on Spark; both must give the same figures."""
    if request.param == "spark":
        request.getfixturevalue("spark_ready")
    return str(request.param)
