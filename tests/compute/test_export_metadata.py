"""``indmon export indicators``: every figure says whether it is simulated, and a
metadata file beside the export names each indicator in both languages, with its unit,
period kind and the sources of its figures."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from tests.compute.builders import Report, add_reports

from indmon.compute import export_indicators, run_compute
from indmon.compute.run import metadata_path
from indmon.store import Store


def _reports(simulated: bool) -> list[Report]:
    return [Report(e, f"{y}-{m:02d}", base * (1.1 if y == 2023 else 1.0), simulated=simulated)
            for e, base in (("A", 100.0), ("B", 50.0), ("C", 70.0))
            for y in (2022, 2023) for m in (1, 2, 3)]


@pytest.mark.parametrize("simulated", [True, False])
def test_each_row_says_whether_it_is_simulated(store: Store, tmp_path: Path,
                                               simulated: bool) -> None:
    add_reports(store, _reports(simulated))
    run_compute(store, start="2023-01", end="2023-03")
    out = tmp_path / "indicators.csv"
    export_indicators(store, out, clearance=None)
    frame = pd.read_csv(out, dtype={"industry": str, "province": str})
    assert set(frame["simulated"]) == {simulated}
    assert set(frame["origin"]) == {"simulated" if simulated else "computed"}
    assert "sources" not in frame.columns


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_metadata_sidecar_describes_every_indicator(store: Store, tmp_path: Path,
                                                    suffix: str) -> None:
    add_reports(store, _reports(simulated=True))
    summary = run_compute(store, start="2023-01", end="2023-03")
    out = tmp_path / f"indicators{suffix}"
    rows = export_indicators(store, out)
    meta = json.loads(metadata_path(out).read_text(encoding="utf-8"))
    assert metadata_path(out).name == f"indicators{suffix}.meta.json"
    assert meta["file"] == out.name and meta["rows"] == rows and meta["simulated"] is True
    assert meta["confidential"] is False
    frame = pd.read_csv(out) if suffix == ".csv" else pd.read_parquet(out)
    assert list(meta["columns"]) == list(frame.columns)
    described = {i["id"]: i for i in meta["indicators"]}
    assert set(described) == set(frame["indicator"])
    va = described["va_ytd_yoy"]
    assert va["name_en"].startswith("Value added") and "增加值" in va["name_zh"]
    assert (va["unit"], va["unit_en"], va["unit_zh"]) == ("percent", "%", "%")
    assert va["period_kind"] == "ytd" and described["va_yoy"]["period_kind"] == "month"
    assert va["simulated"] is True and va["origins"] == ["simulated"]
    assert va["rows"] == int((frame["indicator"] == "va_ytd_yoy").sum())
    [source] = va["sources"]
    assert source["source_id"] == summary.source_id and source["simulated"] is True
    assert source["publisher"] and source["title"] and source["published"]
    assert described["profit_ytd"]["unit_zh"] == "元"


def test_the_command_writes_the_sidecar_and_says_where(tmp_path: Path) -> None:
    from tests.compute.test_cli import indmon

    db = tmp_path / "cli.duckdb"
    with Store.open(db) as store:
        add_reports(store, _reports(simulated=True))
    assert indmon("compute", "--from", "2023-01", "--to", "2023-03", db=db).returncode == 0
    out = tmp_path / "indicators.parquet"
    run = indmon("export", "indicators", "--out", str(out), db=db)
    assert run.returncode == 0, run.stderr
    sidecar = tmp_path / "indicators.parquet.meta.json"
    assert sidecar.name in run.stdout.replace("\n", "")
    meta = json.loads(sidecar.read_text(encoding="utf-8"))
    frame = pd.read_parquet(out)
    assert meta["rows"] == len(frame) and frame["simulated"].all()
    assert {i["id"] for i in meta["indicators"]} == set(frame["indicator"])
