"""Which engine runs the computations: the embedded DuckDB, or Spark.

Ibis is the engine abstraction; this module only picks the Ibis backend. DuckDB runs
on the store itself (``Store.ibis()``). Spark uses the active session if there is one
(as under ``spark-submit``), else starts one on ``$SPARK_MASTER`` (default ``local[2]``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import ibis
import ibis.expr.types as ir
from ibis.backends import BaseBackend

from indmon.errors import ComputeError
from indmon.store import Store

ENGINES = ("duckdb", "spark")


def connect(engine: str, store: Store) -> BaseBackend:
    """The Ibis backend for ``engine``: ``duckdb`` (default) or ``spark``."""
    if engine == "duckdb":
        backend: BaseBackend = store.ibis()
        return backend
    if engine == "spark":
        return ibis.pyspark.connect(spark_session())
    raise ComputeError(
        f"engine {engine!r} is not known; use one of {', '.join(ENGINES)} "
        "(e.g. indmon compute --engine spark)"
    )


@cache
def spark_session() -> Any:
    """The Spark session computations run on, started once per process."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ComputeError(
            "the spark engine needs PySpark; install it with pip install 'indmon[spark]' "
            "(and a Java 17 runtime), or use --engine duckdb"
        ) from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = (
        SparkSession.builder.appName("indmon-compute")
        .master(os.environ.get("SPARK_MASTER", "local[2]"))
        .config("spark.sql.shuffle.partitions", os.environ.get("INDMON_SPARK_PARTITIONS", "4"))
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.memory", os.environ.get("INDMON_SPARK_DRIVER_MEMORY", "2g"))
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


#: DuckDB's memory budget while computing; beyond it, intermediate results spill to disk
DEFAULT_DUCKDB_MEMORY = "3GB"


@contextmanager
def memory_budget(backend: BaseBackend) -> Iterator[None]:
    """Bound DuckDB's memory for the run (``$INDMON_DUCKDB_MEMORY``, default 3GB).

    DuckDB would otherwise take up to 80% of the machine; a computation at national
    scale fits in less by spilling a little, which matters on a shared server. The
    connection's own limit is restored afterwards. Spark is sized by its own settings.
    """
    if backend.name != "duckdb":
        yield
        return
    con = backend.con
    previous = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    con.execute("SET memory_limit = ?", [os.environ.get("INDMON_DUCKDB_MEMORY",
                                                        DEFAULT_DUCKDB_MEMORY)])
    try:
        yield
    finally:
        con.execute("SET memory_limit = ?", [previous])


@contextmanager
def materialized(backend: BaseBackend, table: ir.Table) -> Iterator[ir.Table]:
    """``table`` computed once and kept while the block runs, then freed.

    Later steps read it several times; without this each reference would recompute
    everything before it. On DuckDB it is a temporary table (Ibis's own ``cache()``
    cannot release on DuckDB 2.0: its DROP does not parse). On Spark the rows are
    checkpointed, which also cuts the query plan: a cached view keeps its whole
    lineage, and analysing that plan at every reference exhausts the driver.
    """
    name = f"indmon_compute_{uuid.uuid4().hex[:12]}"
    if backend.name == "duckdb":
        kept = backend.create_table(name, table, temp=True)
        try:
            yield kept
        finally:
            backend.con.execute(f'DROP TABLE IF EXISTS "{name}"')
        return
    session = spark_session()
    frame = session.sql(str(backend.compile(table))).localCheckpoint(eager=True)
    frame.createOrReplaceTempView(name)
    try:
        yield backend.table(name)
    finally:
        session.catalog.dropTempView(name)

