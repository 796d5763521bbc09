"""Whole files in: formats, revisions, idempotence, extras, prices."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import polars as pl
import pytest
from tests.intake.conftest import GOOD, WriteCsv

from indmon.errors import UnreadableFile
from indmon.intake import import_prices, import_reports
from indmon.store import Store

ROWS = [
    {"enterprise_id": "E1", "period": "2023-06", "industry": "06", "province": "140000",
     "output_value": 1000.0, "value_added": 400.0, "revenue": 1100.0, "profit": -20.0,
     "employees": 30},
    {"enterprise_id": "E2", "period": "2023-06", "industry": "36", "province": "320000",
     "output_value": 500.0, "value_added": 900.0, "revenue": 600.0, "profit": 10.0,
     "employees": 12},
]


def _write_xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(ROWS[0]))
    for row in ROWS:
        # Excel keeps codes as numbers: 06 becomes 6 unless the cell is text
        sheet.append([int(v) if k == "industry" else v for k, v in row.items()])
    book.save(path)


@pytest.mark.parametrize("suffix", ["parquet", "xlsx"])
def test_parquet_and_xlsx_files_are_validated_like_csv(
    store: Store, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"reports.{suffix}"
    if suffix == "parquet":
        pl.DataFrame(ROWS).write_parquet(path)
    else:
        _write_xlsx(path)

    summary = import_reports(store, [path])

    assert [(r.row, r.field) for r in summary.rejections] == [(2, "value_added")]
    stored = store.query("SELECT industry, employees, profit FROM reports")
    assert stored.to_dict("records") == [{"industry": "06", "employees": 30, "profit": -20.0}]


def test_an_unknown_format_lists_the_readers_tried(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "reports.json"
    path.write_text("[]")

    with pytest.raises(UnreadableFile, match=r"tried csv .*parquet .*xlsx") as caught:
        import_reports(store, [path])

    assert len(caught.value.tried) == 3


def test_a_broken_parquet_file_is_unreadable(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "reports.parquet"
    path.write_text("not parquet")

    with pytest.raises(UnreadableFile, match="not a readable Parquet file"):
        import_reports(store, [path])


def test_a_later_file_revises_and_current_reports_shows_the_latest(
    store: Store, write_csv: WriteCsv
) -> None:
    first = write_csv(GOOD.format(n=1), GOOD.format(n=2), name="june.csv")
    later = write_csv("E1,2023-06,36,320000,1000,350,1100,50,12", name="june_revised.csv")

    import_reports(store, [first])
    summary = import_reports(store, [later])

    assert summary.revisions == 1
    history = store.query("SELECT value_added FROM reports WHERE enterprise_id = 'E1' "
                          "ORDER BY seq")
    assert history["value_added"].tolist() == [300.0, 350.0]
    current = store.query("SELECT enterprise_id, value_added FROM current_reports "
                          "ORDER BY enterprise_id")
    assert current.values.tolist() == [["E1", 350.0], ["E2", 300.0]]


def test_importing_the_same_file_twice_changes_nothing(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv(GOOD.format(n=1), "E2,2023-13,36,320000,1000,300,1100,50,12")
    first = import_reports(store, [path])
    counts = _counts(store)

    again = import_reports(store, [path])

    assert again.files[0].skipped_as_duplicate_file
    assert again.files[0].batch_id == first.files[0].batch_id
    assert again.files[0].rejections == first.files[0].rejections
    assert _counts(store) == counts == (1, 1, 1)


def _counts(store: Store) -> tuple[int, ...]:
    row = store.query("SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM "
                      "rejections), (SELECT count(*) FROM import_batches)").iloc[0]
    return tuple(int(v) for v in row)


def test_unknown_columns_go_to_extra_and_simulated_rows_are_marked(
    store: Store, write_csv: WriteCsv
) -> None:
    header = ("enterprise_id,period,industry,province,output_value,value_added,revenue,profit,"
              "employees,note,is_simulated")
    path = write_csv(GOOD.format(n=1) + ",hello,true", header=header)

    import_reports(store, [path])

    row = store.query("SELECT extra->>'note' AS note, simulated FROM reports").iloc[0]
    assert (row["note"], bool(row["simulated"])) == ("hello", True)


def test_the_simulated_flag_marks_every_row(store: Store, write_csv: WriteCsv) -> None:
    import_reports(store, [write_csv(GOOD.format(n=1))], simulated=True, submitted_by="demo")

    assert store.query("SELECT bool_and(simulated) AS s FROM reports")["s"].item()
    assert store.query("SELECT submitted_by FROM import_batches")["submitted_by"].item() == "demo"


def test_prices_are_validated_and_revised(store: Store, write_csv: WriteCsv) -> None:
    header = "industry,period,ppi_yoy"
    first = write_csv("36,2023-06,98.5", "39,2023-06,0", "36,2023-06,99", name="p1.csv",
                      header=header)
    later = write_csv("36,2023-06,98.7", name="p2.csv", header=header)

    summary = import_prices(store, [first, later])

    assert [(r.row, r.field) for r in summary.rejections] == [(2, "ppi_yoy"), (3, "industry")]
    assert summary.revisions == 1
    current = store.query("SELECT industry, ppi_yoy FROM current_prices")
    assert current.values.tolist() == [["36", 98.7]]


def test_a_missing_file_is_named(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"nope\.csv: no such file"):
        import_reports(store, [tmp_path / "nope.csv"])
