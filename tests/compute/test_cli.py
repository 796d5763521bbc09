"""``indmon compute`` and ``indmon export indicators`` as a user runs them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd
from tests.compute.builders import Report, add_reports

from indmon.store import Store


def indmon(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["indmon", "--db", str(db), *args], capture_output=True, text=True,
                          check=False, timeout=300)


def test_compute_then_export(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    with Store.open(db) as store:
        add_reports(store, [Report("A", f"{y}-0{m}", 100 if y == 2022 else 104, simulated=True)
                            for y in (2022, 2023) for m in (1, 2)])
    run = indmon("compute", "--from", "2023-01", "--to", "2023-02", db=db)
    assert run.returncode == 0, run.stderr
    assert "SIMULATED" in run.stdout and "2023-01..2023-02" in run.stdout
    out = tmp_path / "indicators.csv"
    export = indmon("export", "indicators", "--out", str(out), "--confidential", db=db)
    assert export.returncode == 0, export.stderr
    assert "not for publication" in export.stdout
    frame = pd.read_csv(out, dtype={"industry": str, "province": str})
    ytd = frame[(frame.indicator == "va_ytd_yoy") & (frame.industry == "ALL")
                & (frame.province == "ALL")]
    assert ytd.value.round(6).tolist() == [4.0, 4.0]
    # one enterprise: for publication, every cell is suppressed and says why
    public = tmp_path / "public.csv"
    assert indmon("export", "indicators", "--out", str(public), db=db).returncode == 0
    published = pd.read_csv(public, dtype={"industry": str, "province": str})
    assert published.value.isna().all()
    assert set(published.suppressed) == {"fewer than 3 enterprises"}
    listed = indmon("suppressed", "--period", "2023-02", "-o", "csv", db=db)
    assert listed.returncode == 0, listed.stderr
    assert "fewer than 3 enterprises" in listed.stdout and "primary" in listed.stdout


def test_suppression_thresholds_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    with Store.open(db) as store:
        add_reports(store, [Report("A", f"{y}-0{m}", 100 if y == 2022 else 104)
                            for y in (2022, 2023) for m in (1, 2)])
    run = indmon("compute", "--from", "2023-02", "--to", "2023-02", "--min-enterprises", "0",
                 "--max-share-one", "1", "--max-share-two", "1", db=db)
    assert run.returncode == 0, run.stderr
    with Store.open(db, read_only=True) as store:
        assert store.disclosure().empty
    bad = indmon("compute", "--max-share-one", "2", db=db)
    assert bad.returncode == 1 and "not in (0, 1]" in bad.stderr


def test_errors_are_one_line_with_the_fix(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    Store.open(db).close()
    run = indmon("compute", db=db)
    assert run.returncode == 1
    assert "no enterprise reports" in run.stderr and "indmon import reports" in run.stderr
    wrong = indmon("compute", "--engine", "polars", db=db)
    assert wrong.returncode == 1 and "duckdb, spark" in wrong.stderr


def test_monitor_runs_for_each_computed_month(tmp_path: Path) -> None:
    db = tmp_path / "monitor.duckdb"
    with Store.open(db) as store:
        add_reports(store, [Report("A", f"{y}-0{m}", 100 if y == 2022 else 90)
                            for y in (2022, 2023) for m in (1, 2, 3)])
    run = indmon("compute", "--from", "2023-02", "--to", "2023-03", "--monitor", db=db)
    assert run.returncode == 0, run.stderr
    assert "monitoring 2023-02:" in run.stdout and "monitoring 2023-03:" in run.stdout
