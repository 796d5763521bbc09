"""Raw reports and prices: batches round trip on a real DuckDB file, all or nothing; the
current vintage is the latest seq, whichever way it is read."""

from __future__ import annotations

import doctest
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from indmon.errors import ConfigError, StoreError
from indmon.store import Store, raw


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "raw.duckdb") as opened:
        yield opened


def report(enterprise: str, period: str, value_added: float, *, row: int = 1,
           province: str = "320000", industry: str = "36", **more: Any) -> dict[str, Any]:
    return {"row_number": row, "enterprise_id": enterprise, "period": period,
            "industry": industry, "province": province, "output_value": 4 * value_added,
            "value_added": value_added, "revenue": 5 * value_added, "profit": 1.0,
            "employees": 10, **more}


def reports(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


def batch(name: str, kind: raw.Kind = "reports", **more: Any) -> raw.NewBatch:
    return raw.NewBatch(kind, f"{name}.csv", name.ljust(64, "0"), **more)


def prices(*rows: tuple[str, str, float]) -> pd.DataFrame:
    return pd.DataFrame([{"row_number": i + 1, "industry": industry, "period": period,
                          "ppi_yoy": ppi} for i, (industry, period, ppi) in enumerate(rows)])


def test_a_batch_reads_back_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "raw.duckdb"
    refused = pd.DataFrame({"row_number": [2, 2, 3], "field": ["profit", "employees", "period"],
                            "reason": ["not a number", "negative", "not a month"],
                            "value": ["n/a", "-1", "2023-13"],
                            "raw": ['{"profit": "n/a"}', '{"employees": "-1"}', "{}"]})
    with Store.open(path) as store:
        written = raw.write_batch(store, batch("june", rows=3, submitted_by="bureau"),
                                  reports(report("E1", "2023-06", 300.0)), refused)
    with Store.open(path, read_only=True) as store:
        again = raw.batch(store, written.batch_id)
        kept = raw.batch_rejections(store, written.batch_id)
        current = raw.current_reports(store)
    assert again == written and again is not None and again.complete
    assert (again.kind, again.file, again.submitted_by) == ("reports", "june.csv", "bureau")
    assert (again.rows, again.accepted, again.rejected, again.revisions) == (3, 1, 2, 0)
    assert again.batch_id == raw.batch_id_for("reports", "june".ljust(64, "0"))
    assert [(r.row, r.field, r.value) for r in kept] == [
        (2, "employees", "-1"), (2, "profit", "n/a"), (3, "period", "2023-13")]
    assert kept[0].message() == "june.csv row 2, field 'employees': negative"
    assert current[["enterprise_id", "value_added", "simulated"]].values.tolist() == [
        ["E1", 300.0, False]]
    assert current["batch_id"].tolist() == [written.batch_id]


def test_the_current_vintage_is_the_latest_seq(store: Store) -> None:
    raw.write_batch(store, batch("first"), reports(report("E1", "2023-06", 300.0),
                                                   report("E2", "2023-06", 50.0, row=2)))
    later = raw.write_batch(store, batch("later"), reports(report("E1", "2023-06", 350.0)))
    raw.write_batch(store, batch("other-month"), reports(report("E1", "2023-07", 10.0)))

    assert later.revisions == 1
    june = raw.current_reports(store, months=["2023-06"],
                               columns=["enterprise_id", "value_added"])
    assert june.values.tolist() == [["E1", 350.0], ["E2", 50.0]]
    history = store.query("SELECT value_added FROM reports WHERE enterprise_id = 'E1' "
                          "AND period = '2023-06' ORDER BY seq")
    assert history["value_added"].tolist() == [300.0, 350.0]
    view = store.query("SELECT enterprise_id, value_added FROM current_reports "
                       "WHERE period = '2023-06' ORDER BY enterprise_id")
    assert view.values.tolist() == june.values.tolist()


def test_a_revision_that_moves_an_enterprise_leaves_its_old_cell(store: Store) -> None:
    raw.write_batch(store, batch("first"), reports(report("E1", "2023-06", 300.0)))
    raw.write_batch(store, batch("moved"),
                    reports(report("E1", "2023-06", 320.0, province="440000")))

    assert raw.current_reports(store, province="320000").empty
    moved = raw.current_reports(store, province=["440000"], columns=["value_added"])
    assert moved["value_added"].tolist() == [320.0]


def test_filters_by_enterprise_and_months(store: Store) -> None:
    rows = [report(e, f"2023-{m:02d}", 10.0 * m, row=i)
            for i, (e, m) in enumerate(((e, m) for e in ("E1", "E2") for m in (1, 2, 3)), 1)]
    raw.write_batch(store, batch("q1"), reports(*rows))

    frame = raw.current_reports(store, enterprise="E2", first="2023-02", last="2023-03",
                                columns=["period", "value_added"])
    assert frame.values.tolist() == [["2023-02", 20.0], ["2023-03", 30.0]]
    arrow = raw.current_reports(store, months=[], format="arrow")
    assert arrow.num_rows == 0


def test_prices_revise_by_industry_and_month(store: Store) -> None:
    raw.write_batch(store, batch("p1", "prices"),
                    prices(("36", "2023-06", 98.5), ("39", "2023-06", 101.0),
                           ("36", "2023-07", 99.0)))
    revised = raw.write_batch(store, batch("p2", "prices"), prices(("36", "2023-06", 98.7)))

    assert revised.revisions == 1
    current = raw.current_prices(store, columns=["industry", "period", "ppi_yoy"])
    assert current.values.tolist() == [["36", "2023-06", 98.7], ["36", "2023-07", 99.0],
                                       ["39", "2023-06", 101.0]]
    june = raw.current_prices(store, industry="36", first="2023-06", last="2023-06")
    assert june["ppi_yoy"].tolist() == [98.7]
    view = store.query("SELECT industry, period, ppi_yoy FROM current_prices "
                       "ORDER BY industry, period")
    assert view.values.tolist() == current.values.tolist()


def test_the_ibis_tables_select_the_same_vintages(store: Store) -> None:
    raw.write_batch(store, batch("first"), reports(report("E1", "2023-06", 300.0),
                                                   report("E2", "2023-06", 50.0, row=2),
                                                   report("E1", "2022-06", 1.0, row=3)))
    raw.write_batch(store, batch("later"), reports(report("E1", "2023-06", 350.0)))
    raw.write_batch(store, batch("p1", "prices"), prices(("36", "2023-06", 98.5)))
    raw.write_batch(store, batch("p2", "prices"), prices(("36", "2023-06", 98.7)))
    columns = ["enterprise_id", "period", "value_added"]
    backend = store.ibis()

    ours = raw.current_reports_table(backend, "2023-01", "2023-12", columns).to_pandas()
    sql = raw.current_reports(store, first="2023-01", last="2023-12", columns=columns)
    ppi = raw.current_prices_table(backend, ["industry", "ppi_yoy"]).to_pandas()

    ordered = ours.sort_values(["period", "enterprise_id"], ignore_index=True)
    assert ordered.values.tolist() == sql.values.tolist() == [
        ["E1", "2023-06", 350.0], ["E2", "2023-06", 50.0]]
    assert ppi.values.tolist() == [["36", 98.7]]


def test_a_window_of_current_reports_is_kept_for_the_caller(store: Store) -> None:
    raw.write_batch(store, batch("first"), reports(report("E1", "2023-06", 300.0),
                                                   report("E1", "2023-05", 20.0, row=2)))
    raw.write_batch(store, batch("later"), reports(report("E1", "2023-06", 350.0)))

    kept = raw.copy_current_reports(store, "my_window", months=["2023-06"],
                                    columns=["enterprise_id", "value_added"])
    assert kept == 1
    assert store.query("SELECT value_added FROM my_window")["value_added"].tolist() == [350.0]
    assert raw.copy_current_reports(store, "my_window", months=[],
                                    columns=["enterprise_id"]) == 0


def test_a_failing_batch_leaves_nothing(store: Store) -> None:
    broken = reports(report("E1", "2023-06", 300.0), report("E2", "2023-06", 1.0, row=2))
    broken.loc[1, "value_added"] = None  # NOT NULL in the store

    with pytest.raises(StoreError):
        raw.write_batch(store, batch("broken"), broken)

    counts = store.query("SELECT (SELECT count(*) FROM reports) r, "
                         "(SELECT count(*) FROM import_batches) b").iloc[0].tolist()
    assert counts == [0, 0]
    assert raw.completed_batch(store, "reports", "broken".ljust(64, "0")) is None


def test_a_completed_batch_is_never_overwritten(store: Store) -> None:
    first = raw.write_batch(store, batch("june"), reports(report("E1", "2023-06", 300.0)))

    with pytest.raises(StoreError, match=f"batch {first.batch_id} is already stored whole"):
        raw.write_batch(store, batch("june"), reports(report("E1", "2023-06", 999.0)))

    assert raw.current_reports(store)["value_added"].tolist() == [300.0]
    assert raw.completed_batch(store, "reports", "june".ljust(64, "0")) == first
    assert raw.completed_batch(store, "prices", "june".ljust(64, "0")) is None


def test_a_batch_left_open_by_an_older_indmon_is_started_over(store: Store) -> None:
    new = batch("crashed")
    with store.transaction() as con:  # what a crashed import of an older version left
        con.execute("INSERT INTO import_batches (batch_id, kind, file, sha256) "
                    "VALUES (?, 'reports', 'crashed.csv', ?)", [new.batch_id, new.sha256])
        con.execute("INSERT INTO reports (batch_id, row_number, received_at, enterprise_id, "
                    "period, industry, province, output_value, value_added, revenue, profit, "
                    "employees) VALUES (?, 1, now(), 'E9', '2023-06', '36', '320000', 1, 1, "
                    "1, 1, 1)", [new.batch_id])
    assert raw.completed_batch(store, "reports", new.sha256) is None

    done = raw.write_batch(store, new, reports(report("E1", "2023-06", 300.0)))

    assert done.complete and done.accepted == 1
    assert raw.current_reports(store)["enterprise_id"].tolist() == ["E1"]


def test_rows_are_numbered_simulated_and_stamped(store: Store) -> None:
    rows = reports(report("E1", "2023-06", 1.0), report("E2", "2023-06", 2.0))
    rows = rows.drop(columns=["row_number"]).assign(simulated=[True, False])

    raw.write_batch(store, batch("numbered"), rows)
    raw.write_batch(store, batch("demo", simulated=True),
                    reports(report("E3", "2023-06", 3.0)))

    frame = raw.current_reports(store, columns=["enterprise_id", "row_number", "simulated",
                                                "received_at"])
    assert frame[["enterprise_id", "row_number", "simulated"]].values.tolist() == [
        ["E1", 1, True], ["E2", 2, False], ["E3", 1, True]]
    assert frame["received_at"].notna().all()


def test_big_batches_are_stored_in_slices(store: Store, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    monkeypatch.setattr(raw, "CHUNK_ROWS", 2)
    moved: list[int] = []
    rows = reports(*(report(f"E{i}", "2023-06", float(i), row=i) for i in range(1, 6)))

    written = raw.write_batch(store, batch("big"), rows, advance=moved.append)

    assert moved == [2, 2, 1] and written.accepted == 5


def test_rejections_are_listed_by_batch(store: Store) -> None:
    for name in ("a", "b"):
        refused = pd.DataFrame({"row_number": [1, 2], "field": ["period", "period"],
                                "reason": ["not a month", "not a month"],
                                "value": ["x", None]})
        raw.write_batch(store, batch(name), reports(report("E1", "2023-06", 1.0, row=3)),
                        refused)
    a = raw.batch_id_for("reports", "a".ljust(64, "0"))

    every = raw.rejections(store)
    one = raw.rejections(store, a, limit=1)
    assert list(every.columns) == ["batch_id", "file", "row", "field", "reason", "value"]
    assert len(every) == 4 and every["batch_id"].iloc[0] == a
    assert one[["batch_id", "row", "value"]].values.tolist() == [[a, 1, "x"]]
    assert raw.batch(store, a) is not None and raw.batch(store, a).rows == 3  # type: ignore[union-attr]


def test_report_stats_count_every_vintage(store: Store) -> None:
    assert raw.report_stats(store) == raw.ReportStats(0, None, False, None, None)
    raw.write_batch(store, batch("first"), reports(report("E1", "2022-12", 1.0),
                                                   report("E1", "2023-06", 2.0, row=2)))
    raw.write_batch(store, batch("demo", simulated=True),
                    reports(report("E1", "2023-06", 3.0)))

    every = raw.report_stats(store)
    year = raw.report_stats(store, "2023-01", "2023-12")
    assert (every.reports, every.simulated, every.first, every.last) == (
        3, True, "2022-12", "2023-06")
    latest = store.query("SELECT max(seq) AS s FROM reports")["s"].item()
    assert every.latest_seq == latest == year.latest_seq
    assert (year.reports, year.first) == (2, "2023-06")


def test_bad_requests_name_the_value_and_the_choices(store: Store) -> None:
    with pytest.raises(ConfigError, match="raw kind 'facts' is not one of reports, prices"):
        raw.NewBatch("facts", "x.csv", "0" * 64)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="columns colour are not columns of reports"):
        raw.write_batch(store, batch("x"), reports(report("E1", "2023-06", 1.0, colour="red")))
    with pytest.raises(StoreError, match="needs the column"):
        raw.write_batch(store, batch("y"), pd.DataFrame({"enterprise_id": ["E1"]}))
    with pytest.raises(ConfigError, match=r"column\(s\) colour of reports asked for"):
        raw.current_reports(store, columns=["colour"])
    assert store.query("SELECT count(*) AS n FROM import_batches")["n"].item() == 0


def test_the_module_example_runs() -> None:
    result = doctest.testmod(raw, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
