"""Intake integrity (issue 14, points 1-4): one column per field, reporters keep to their
own enterprise, a correction back to earlier values becomes current, an XLSX is read
whole whatever its stored dimension says, and implausible numbers are rejected."""

from __future__ import annotations

import math
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from tests.intake.conftest import GOOD, HEADER, WriteCsv
from typer.testing import CliRunner

from indmon.cli import app
from indmon.errors import AccessDenied, IntakeError
from indmon.intake import import_reports, submit_records
from indmon.store import Store, raw

runner = CliRunner()
RECORD = {"enterprise_id": "E1", "period": "2023-06", "industry": "36", "province": "320000",
          "output_value": 1000, "value_added": 300, "revenue": 1100, "profit": 50,
          "employees": 12}


def value_added(store: Store, enterprise: str = "E1") -> list[float]:
    frame = raw.current_reports(store, enterprise=enterprise, columns=["value_added"])
    return [float(v) for v in frame["value_added"]]


# -- 1. reporter spoofing -----------------------------------------------------------------
def test_two_headers_meaning_one_field_are_an_error(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv("E2,E1,2023-06,36,320000,1000,300,1100,50,12",
                     header="ENTERPRISE_ID," + HEADER)

    with pytest.raises(IntakeError) as raised:
        import_reports(store, [path])

    message = str(raised.value)
    assert str(path) in message and "'ENTERPRISE_ID'" in message
    assert "'enterprise_id'" in message
    assert value_added(store, "E1") == value_added(store, "E2") == []


def test_the_cli_names_the_file_and_both_headers(tmp_path: Path, write_csv: WriteCsv) -> None:
    path = write_csv("E1,2023-06,36,320000,1000,300,1100,50,12,12",
                     header=HEADER + ", Employees ")

    result = runner.invoke(app, ["--db", str(tmp_path / "cli.duckdb"), "import", "reports",
                                 str(path)])

    assert result.exit_code == 1
    error = " ".join(result.stderr.split())
    assert path.name in error and "'employees'" in error and "' Employees '" in error


def test_duplicate_keys_in_records_are_an_error(store: Store) -> None:
    with pytest.raises(IntakeError, match=r"'ENTERPRISE_ID'.*'enterprise_id'"):
        submit_records(store, [{**RECORD, "ENTERPRISE_ID": "E2"}], source_name="api",
                       submitted_by="rep")


def test_a_reporter_keeps_to_its_own_enterprise_after_parsing(
        store: Store, write_csv: WriteCsv) -> None:
    path = write_csv(GOOD.format(n=1), " E2 ,2023-06,36,320000,1000,300,1100,50,12",
                     header=HEADER.replace("enterprise_id", "Enterprise_ID"))

    with pytest.raises(AccessDenied, match="E2"):
        import_reports(store, [path], submitted_by="rep", own_enterprise="E1")
    with pytest.raises(AccessDenied, match="E2"):
        submit_records(store, [{**RECORD, "enterprise_id": "E2 "}], source_name="api",
                       submitted_by="rep", own_enterprise="E1")

    assert store.query("SELECT count(*) AS n FROM reports")["n"].item() == 0
    own = import_reports(store, [write_csv(GOOD.format(n=1), name="own.csv")],
                         own_enterprise="E1")
    assert own.accepted == 1


# -- 2. corrections lost ------------------------------------------------------------------
def test_values_sent_again_after_a_correction_become_current(store: Store) -> None:
    corrected = {**RECORD, "value_added": 250}

    results = [submit_records(store, [r], source_name="api", submitted_by=None)
               for r in (RECORD, corrected, RECORD, RECORD)]

    assert [r.already_submitted for r in results] == [False, False, False, True]
    assert len({r.batch_id for r in results[:3]}) == 3
    assert value_added(store) == [300.0]


def test_a_file_imported_again_after_a_correction_is_a_correction(
        store: Store, write_csv: WriteCsv, tmp_path: Path) -> None:
    first = write_csv(GOOD.format(n=1), name="first.csv")
    second = write_csv("E1,2023-06,36,320000,1000,250,1100,50,12", name="second.csv")

    import_reports(store, [first, second])
    again = import_reports(store, [first])
    once_more = import_reports(store, [first])

    assert not again.files[0].skipped_as_duplicate_file and again.files[0].revisions == 1
    assert once_more.files[0].skipped_as_duplicate_file
    assert value_added(store) == [300.0]
    assert store.query("SELECT count(*) AS n FROM reports")["n"].item() == 3


def test_the_same_import_run_again_changes_nothing(store: Store, write_csv: WriteCsv
                                                   ) -> None:
    # June, then a file correcting June: running the whole import again (after a crash,
    # or by mistake) replays both in order and must not store either again
    june = write_csv(GOOD.format(n=1), GOOD.format(n=2), name="june.csv")
    fix = write_csv("E1,2023-06,36,320000,1000,250,1100,50,12", name="fix.csv")
    import_reports(store, [june, fix])

    again = import_reports(store, [june, fix])
    backwards = import_reports(store, [fix, june])

    assert [f.skipped_as_duplicate_file for f in again.files] == [True, True]
    assert [f.skipped_as_duplicate_file for f in backwards.files] == [True, False]
    assert value_added(store) == [300.0]


# -- 3. an XLSX whose stored dimension is wrong ---------------------------------------------
def _with_dimension(path: Path, ref: str) -> None:
    """Rewrite the sheet's stored ``<dimension ref=...>`` the way a careless writer does."""
    copy = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'
                                      .encode(), data)
                assert count == 1
            target.writestr(item, data)
    shutil.move(copy, path)


@pytest.mark.parametrize("ref", ["A1:B3", "A1:I3"])
def test_an_xlsx_is_read_whole_whatever_its_dimension_says(
        store: Store, tmp_path: Path, ref: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    for n in range(100):
        sheet.append([f"E{n}", "2023-06", "36", "320000", 1000, 300, 1100, 50, 12])
    path = tmp_path / "reports.xlsx"
    book.save(path)
    _with_dimension(path, ref)

    summary = import_reports(store, [path])

    assert (summary.rows, summary.accepted, summary.rejected) == (100, 100, 0)


# -- 4. out-of-range numbers -------------------------------------------------------------
@pytest.mark.parametrize("field,value,accepted", [
    ("employees", "5000000", True), ("employees", "5000001", False),
    ("employees", "1e20", False), ("output_value", "1e15", True),
    ("output_value", "1.7e308", False), ("profit", "-1e15", True),
    ("profit", "-1.5e15", False), ("revenue", "2e15", False),
    ("electricity_kwh", "1e16", False), ("export_value", "1e16", False),
])
def test_implausible_numbers_are_rejected(store: Store, write_csv: WriteCsv, field: str,
                                          value: str, accepted: bool) -> None:
    row = dict(zip(HEADER.split(","), GOOD.format(n=1).split(","), strict=True))
    row.update({"electricity_kwh": "10", "export_value": "0", field: value})
    if field == "output_value":
        row["revenue"] = value if accepted else row["revenue"]
    path = write_csv(",".join(row.values()), header=",".join(row))

    summary = import_reports(store, [path])

    if accepted:
        assert summary.accepted == 1, summary.rejections
        return
    assert summary.accepted == 0
    [rejection] = summary.rejections
    assert (rejection.file, rejection.row, rejection.field) == (str(path), 1, field)
    assert rejection.value == value and value in rejection.reason
    assert "plausible" in rejection.reason


def test_non_finite_numbers_are_always_rejected(store: Store) -> None:
    records = [{**RECORD, "enterprise_id": f"E{i}", "profit": bad}
               for i, bad in enumerate(["inf", "-inf", "nan", math.inf])]

    result = submit_records(store, records, source_name="api", submitted_by=None)

    assert (result.accepted, result.rejected) == (0, 4)
    assert store.query("SELECT count(*) AS n FROM reports")["n"].item() == 0
