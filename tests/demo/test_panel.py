"""The simulated demo panel: deterministic, marked simulated, calibrated to releases."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from indmon.demo.panel import PanelFiles, generate_panel
from indmon.demo.panel_check import comparable_growth
from indmon.errors import ConfigError
from indmon.intake import import_prices, import_reports
from indmon.store import Store

ENTERPRISES = 4000


@pytest.fixture(scope="module")
def panel(tmp_path_factory: pytest.TempPathFactory) -> PanelFiles:
    return generate_panel(tmp_path_factory.mktemp("panel"), enterprises=ENTERPRISES)


def _growth(panel: PanelFiles, year: int, by: str = "all", month: int = 12) -> dict[str, float]:
    frame = comparable_growth(panel.directory, year, by, month)
    return dict(zip(frame["cell"], frame["growth"], strict=True))


def test_national_and_manufacturing_growth_match_the_releases(panel: PanelFiles) -> None:
    assert _growth(panel, 2022)["ALL"] == pytest.approx(3.6, abs=0.3)
    assert _growth(panel, 2023)["ALL"] == pytest.approx(4.6, abs=0.3)
    assert _growth(panel, 2022, "sector")["C"] == pytest.approx(3.0, abs=0.3)
    assert _growth(panel, 2023, "sector")["C"] == pytest.approx(5.0, abs=0.3)


def test_automobiles_electronics_and_the_count_of_growing_industries(panel: PanelFiles) -> None:
    industries = _growth(panel, 2023, "industry")

    assert industries["36"] == pytest.approx(13.0, abs=0.5)
    assert industries["39"] == pytest.approx(3.4, abs=0.5)
    assert 27 <= sum(g > 0 for g in industries.values()) <= 33


def test_the_first_quarter_and_the_provinces_named_in_the_releases(panel: PanelFiles) -> None:
    national = _growth(panel, 2023, month=3)["ALL"]
    provinces = _growth(panel, 2023, "province", month=3)

    assert national == pytest.approx(3.0, abs=0.6)
    # Hebei, Shandong and Jiangsu grew clearly faster than the nation in the first quarter
    assert all(provinces[code] > national for code in ("130000", "370000", "320000"))


def test_the_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    one = generate_panel(tmp_path / "one", enterprises=200, fmt="csv")
    two = generate_panel(tmp_path / "two", enterprises=200, fmt="csv")
    other = generate_panel(tmp_path / "other", enterprises=200, fmt="csv", seed=1)

    assert [p.read_bytes() for p in one.reports] == [p.read_bytes() for p in two.reports]
    assert one.reports[0].read_bytes() != other.reports[0].read_bytes()


def test_every_file_says_it_is_simulated(panel: PanelFiles) -> None:
    assert "SIMULATED" in panel.readme.read_text(encoding="utf-8")
    for path in panel.reports:
        assert pl.read_parquet(path, columns=["is_simulated"])["is_simulated"].all()
    assert pl.read_csv(panel.prices)["is_simulated"].all()


def test_the_panel_has_the_texture_of_real_reports(panel: PanelFiles) -> None:
    con = duckdb.connect()
    reports = f"read_parquet('{panel.directory}/reports_20??-??.parquet', filename = true)"
    by_month = dict(con.execute(
        f"SELECT period, sum(value_added) FROM {reports} GROUP BY period").fetchall())
    losses = con.execute(f"SELECT avg((profit < 0)::INT) FROM {reports}").fetchone()
    ids = con.execute(f"SELECT count(DISTINCT enterprise_id) FILTER (period = '2021-01'), "
                      f"count(DISTINCT enterprise_id) FILTER (period = '2023-12') FROM {reports}"
                      ).fetchone()

    assert by_month["2023-01"] + by_month["2023-02"] < 1.8 * by_month["2023-03"]
    assert losses is not None and 0.1 < losses[0] < 0.35
    assert ids is not None and ids[0] != ids[1]
    assert [p.name for p in panel.reports].count("reports_2023-06_revised.parquet") == 1


def test_the_panel_imports_as_simulated(panel: PanelFiles, tmp_path: Path) -> None:
    june = [p for p in panel.reports if p.name.startswith("reports_2023-06")]
    with Store.open(tmp_path / "store.duckdb") as store:
        reports = import_reports(store, june, simulated=True)
        prices = import_prices(store, [panel.prices], simulated=True)
        flags = store.query("SELECT bool_and(simulated) AS s FROM reports")["s"].item()

    assert [p.name for p in june] == ["reports_2023-06.parquet", "reports_2023-06_revised.parquet"]
    assert reports.rejected == 0 and prices.rejected == 0
    # every row of the restating file revises a row of the original month
    assert 0 < reports.revisions == reports.files[1].accepted
    assert flags


def test_bad_arguments_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="panel format 'xls'"):
        generate_panel(tmp_path, enterprises=10, fmt="xls")
    with pytest.raises(ConfigError, match="the first not after the second"):
        generate_panel(tmp_path, enterprises=10, start="2023-12", end="2023-01")
