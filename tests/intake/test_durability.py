"""A killed import leaves the store consistent; running it again completes it exactly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl
import pytest

from indmon.intake import import_reports
from indmon.store import Store

FILES = 4
ROWS_PER_FILE = 150_000
CLI = "from indmon.cli import main; main()"


def _write_reports(directory: Path) -> list[Path]:
    rng = np.random.default_rng(7)
    paths = []
    for i in range(FILES):
        output = rng.lognormal(12, 1, ROWS_PER_FILE).round(2)
        frame = pl.DataFrame({
            "enterprise_id": [f"E{n:07d}" for n in range(ROWS_PER_FILE)],
            "period": f"2023-{i + 1:02d}", "industry": "36", "province": "320000",
            "output_value": output, "value_added": (output * 0.3).round(2),
            "revenue": output, "profit": (output * 0.05).round(2), "employees": 10,
        })
        # one bad row per file, so rejections must also come out exactly once
        frame = frame.with_columns(pl.when(pl.int_range(pl.len()) == 5).then(pl.lit("2023-13"))
                                   .otherwise(pl.col("period")).alias("period"))
        path = directory / f"reports_{i}.csv"
        frame.write_csv(path)
        paths.append(path)
    return paths


def _state(path: Path) -> tuple[object, ...]:
    with Store.open(path, read_only=True) as store:
        row = store.query(
            """SELECT (SELECT count(*) FROM reports), (SELECT round(sum(value_added), 2) FROM
               reports), (SELECT count(*) FROM rejections), (SELECT count(*) FROM
               import_batches), (SELECT count(*) FROM import_batches WHERE completed_at IS NULL),
               (SELECT coalesce(sum(accepted), 0) FROM import_batches)"""
        ).iloc[0]
    return tuple(row.tolist())


def _kill_when_writing(command: list[str], db: Path, env: dict[str, str]) -> None:
    """Start the import, wait until it writes to the store, then SIGKILL it."""
    start_size = db.stat().st_size
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    wal = db.with_name(db.name + ".wal")
    while process.poll() is None:
        if db.stat().st_size > start_size + (4 << 20) or wal.exists():
            break
        time.sleep(0.01)
    assert process.poll() is None, "the import finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


@pytest.mark.slow
def test_killed_import_is_consistent_and_rerun_matches_a_clean_import(tmp_path: Path) -> None:
    paths = _write_reports(tmp_path)
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    with Store.open(clean) as store:
        import_reports(store, paths)
    Store.open(killed).close()
    env = {**os.environ, "INDMON_DB": str(killed)}
    command = [sys.executable, "-c", CLI, "import", "reports", "-o", "csv",
               *map(str, paths)]

    _kill_when_writing(command, killed, env)

    reports, _, rejections, batches, open_batches, accepted = _state(killed)
    assert open_batches == 0 and batches < FILES
    assert (reports, rejections) == (accepted, batches)
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    assert _state(killed) == _state(clean)
