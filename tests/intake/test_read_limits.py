"""Files that cost far more to read than they weigh are refused whole, before anything of
them is stored: decompression bombs (XLSX parts, .csv.gz), sheets reaching column 16,384,
more rows or columns than the limits, a read running out of time. Through the library and
through ``indmon import reports``, with the defaults and with limits set in the
environment."""

from __future__ import annotations

import gzip
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl.utils import get_column_letter
from tests.intake.conftest import GOOD, HEADER
from typer.testing import CliRunner

from indmon.cli import app
from indmon.errors import ConfigError, UnreadableFile
from indmon.intake import import_reports
from indmon.intake.readers import FileOverLimit, ReadLimits, read_ahead, read_table
from indmon.store import Store, raw

runner = CliRunner()
SHEET = "xl/worksheets/sheet1.xml"


def workbook(path: Path, rows: int = 3) -> Path:
    """A real workbook: the report header and ``rows`` good rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    for n in range(rows):
        sheet.append(GOOD.format(n=n).split(","))
    book.save(path)
    return path


def with_sheet(path: Path, chunks: Iterator[bytes]) -> Path:
    """The workbook at ``path`` with its first sheet's XML replaced by ``chunks``."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in parts.items():
            if name == SHEET:
                with target.open(name, "w", force_zip64=True) as sheet:
                    for chunk in chunks:
                        sheet.write(chunk)
            else:
                target.writestr(name, data)
    return path


def sheet_xml(rows: list[str], padding: int = 0) -> Iterator[bytes]:
    """Sheet XML of these ``<row>`` elements, then ``padding`` bytes of whitespace (what a
    bomb inflates to: nothing, very large)."""
    yield (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
           b'openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/>'
           b"<sheetData>")
    yield "".join(rows).encode()
    block = b" " * (1024 * 1024)
    for _ in range(padding // len(block)):
        yield block
    yield b"</sheetData></worksheet>"


def cells(row: int, values: list[str], far: bool = False) -> str:
    inline = "".join(f'<c r="{get_column_letter(i + 1)}{row}" t="inlineStr"><is><t>{v}</t>'
                     f"</is></c>" for i, v in enumerate(values))
    stray = f'<c r="XFD{row}"><v>1</v></c>' if far else ""
    return f'<row r="{row}">{inline}{stray}</row>'


def _header_and_rows(n: int, far: bool = False, far_header: bool = False) -> list[str]:
    rows = [cells(1, HEADER.split(","), far=far_header)]
    rows += [cells(i + 2, GOOD.format(n=i).split(","), far=far) for i in range(n)]
    return rows


def _stored(db: Path) -> int:
    """Report rows in the store (none if the store was never created)."""
    if not db.exists():
        return 0
    with Store.open(db, read_only=True) as store:
        return len(raw.current_reports(store))


# -- the library -----------------------------------------------------------------------------
def test_an_xlsx_bomb_is_refused_from_its_zip_directory_before_parsing(tmp_path: Path) -> None:
    bomb = with_sheet(workbook(tmp_path / "bomb.xlsx"),
                      sheet_xml(_header_and_rows(2), padding=64 * 1024 * 1024))
    assert bomb.stat().st_size < 300_000  # a small file that inflates a thousandfold
    began = time.perf_counter()
    with pytest.raises(FileOverLimit) as refused:
        read_table(bomb, ReadLimits())
    assert time.perf_counter() - began < 2  # the directory is read, not the sheet
    error = refused.value
    assert (error.limit, error.setting) == ("compression ratio",
                                            "INDMON_MAX_COMPRESSION_RATIO")
    assert "bomb.xlsx" in str(error) and "nothing of it was stored" in str(error)


def test_an_xlsx_that_inflates_past_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = with_sheet(workbook(tmp_path / "big.xlsx"), sheet_xml(_header_and_rows(2000)))
    limits = ReadLimits(max_inflated_bytes=64 * 1024)
    with pytest.raises(FileOverLimit, match=r"big\.xlsx: .* over the limit of 64 KB "
                                            r"\(INDMON_MAX_INFLATED_MB\)") as refused:
        read_table(big, limits)
    assert refused.value.limit == "inflated size"


def test_a_cell_in_column_16384_costs_nothing_and_is_not_a_column(tmp_path: Path) -> None:
    stray = with_sheet(workbook(tmp_path / "stray.xlsx"),
                       sheet_xml(_header_and_rows(3000, far=True)))
    began = time.perf_counter()
    table = read_table(stray, ReadLimits())
    assert time.perf_counter() - began < 10
    assert table.num_rows == 3000 and table.column_names == HEADER.split(",")


def test_a_header_wider_than_the_column_limit_is_refused(tmp_path: Path) -> None:
    names = HEADER.split(",") + [f"extra{i}" for i in range(192)]  # 201 columns
    wide = with_sheet(workbook(tmp_path / "wide.xlsx"), sheet_xml([cells(1, names)]))
    with pytest.raises(FileOverLimit, match="INDMON_MAX_COLUMNS") as refused:
        read_table(wide, ReadLimits())
    assert refused.value.limit == "columns" and refused.value.maximum == 200
    # a stray cell in the header's row far to the right is no column
    stray = with_sheet(workbook(tmp_path / "stray-header.xlsx"),
                       sheet_xml(_header_and_rows(2, far_header=True)))
    assert read_table(stray, ReadLimits()).column_names == HEADER.split(",")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".csv.gz", ".parquet"])
def test_more_rows_than_the_limit_is_refused_in_every_format(tmp_path: Path,
                                                            suffix: str) -> None:
    lines = [HEADER] + [GOOD.format(n=n) for n in range(50)]
    path = tmp_path / f"rows{suffix}"
    if suffix == ".xlsx":
        workbook(path, rows=50)
    elif suffix == ".csv":
        path.write_text("\n".join(lines) + "\n")
    elif suffix == ".csv.gz":
        path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    else:
        names = HEADER.split(",")
        rows = [line.split(",") for line in lines[1:]]
        pq.write_table(pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)}), path)
    assert read_table(path, ReadLimits(max_rows=50)).num_rows == 50
    with pytest.raises(FileOverLimit, match="more than 49 data rows") as refused:
        read_table(path, ReadLimits(max_rows=49))
    assert refused.value.setting == "INDMON_MAX_ROWS"


def test_a_gzip_bomb_is_refused_without_keeping_what_it_inflates_to(tmp_path: Path) -> None:
    path = tmp_path / "bomb.csv.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write((HEADER + "\n").encode())
        block = b"\n" * (1024 * 1024)
        for _ in range(64):
            out.write(block)
    with pytest.raises(FileOverLimit, match="inflates") as refused:
        read_table(path, ReadLimits())
    assert refused.value.limit == "compression ratio"


def test_a_parquet_file_over_the_limits_is_refused_from_its_footer(tmp_path: Path) -> None:
    path = tmp_path / "wide.parquet"
    pq.write_table(pa.table({f"c{i}": ["x"] for i in range(201)}), path)
    with pytest.raises(FileOverLimit, match="201 columns"):
        read_table(path, ReadLimits())


def test_a_parquet_list_or_struct_column_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "nested.parquet"
    pq.write_table(pa.table({"enterprise_id": ["E1"], "tags": pa.array([[1, 2]]),
                             "owner": pa.array([{"name": "x"}])}), path)
    with pytest.raises(UnreadableFile, match=r"nested\.parquet: column\(s\) tags .*owner"):
        read_table(path, ReadLimits())


def test_a_read_over_time_is_refused(tmp_path: Path) -> None:
    path = with_sheet(workbook(tmp_path / "slow.xlsx"), sheet_xml(_header_and_rows(2000)))
    with pytest.raises(FileOverLimit, match="reading took longer than") as refused:
        read_table(path, ReadLimits(max_seconds=0.001))
    assert refused.value.setting == "INDMON_MAX_READ_SECONDS"


def test_limits_come_from_the_environment_and_are_checked() -> None:
    limits = ReadLimits.from_env({"INDMON_MAX_INFLATED_MB": "2", "INDMON_MAX_ROWS": "10",
                                  "INDMON_MAX_COLUMNS": "12",
                                  "INDMON_MAX_COMPRESSION_RATIO": "50",
                                  "INDMON_MAX_READ_SECONDS": "1.5"})
    assert limits == ReadLimits(max_inflated_bytes=2 * 1024 * 1024, max_rows=10,
                                max_columns=12, max_ratio=50.0, max_seconds=1.5)
    assert isinstance(limits.max_rows, int)
    with pytest.raises(ConfigError, match="INDMON_MAX_ROWS='many'"):
        ReadLimits.from_env({"INDMON_MAX_ROWS": "many"})


def test_a_table_read_ahead_is_not_read_again(tmp_path: Path) -> None:
    path = workbook(tmp_path / "ahead.xlsx", rows=2)
    with read_ahead(path, ReadLimits()) as table:
        assert read_table(path) is table
        path.write_bytes(path.read_bytes())  # touched: read again
        assert read_table(path) is not table
    assert read_table(path) is not table


def test_an_import_of_a_bomb_stores_nothing(tmp_path: Path) -> None:
    good = workbook(tmp_path / "good.xlsx", rows=2)
    bomb = with_sheet(workbook(tmp_path / "bomb.xlsx"),
                      sheet_xml(_header_and_rows(2), padding=64 * 1024 * 1024))
    with Store.open(tmp_path / "store.duckdb") as store:
        with pytest.raises(FileOverLimit):
            import_reports(store, [bomb])
        assert len(raw.current_reports(store)) == 0
        assert import_reports(store, [good]).accepted == 2


# -- the command line ------------------------------------------------------------------------
def test_the_cli_refuses_a_bomb_naming_file_and_limit(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    bomb = with_sheet(workbook(tmp_path / "bomb.xlsx"),
                      sheet_xml(_header_and_rows(2), padding=64 * 1024 * 1024))
    result = runner.invoke(app, ["--db", str(db), "import", "reports", str(bomb)])
    assert result.exit_code == 1
    assert "bomb.xlsx" in result.stderr and "INDMON_MAX_COMPRESSION_RATIO" in result.stderr
    assert _stored(db) == 0


def test_the_cli_keeps_to_limits_set_in_the_environment(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "cli.duckdb"
    path = tmp_path / "month.csv"
    path.write_text("\n".join([HEADER] + [GOOD.format(n=n) for n in range(20)]) + "\n")
    monkeypatch.setenv("INDMON_MAX_ROWS", "10")
    refused = runner.invoke(app, ["--db", str(db), "import", "reports", str(path)])
    assert refused.exit_code == 1
    assert "month.csv: more than 10 data rows" in refused.stderr
    assert "INDMON_MAX_ROWS" in refused.stderr and _stored(db) == 0
    monkeypatch.setenv("INDMON_MAX_ROWS", "20")
    taken = runner.invoke(app, ["--db", str(db), "import", "reports", str(path)])
    assert taken.exit_code == 0, taken.output
    assert _stored(db) == 20
