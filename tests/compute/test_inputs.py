"""The compute inputs select the same current vintages as intake's view."""

from __future__ import annotations

from tests.compute.builders import Report, add_reports

from indmon.compute.engines import connect
from indmon.compute.inputs import REPORT_COLUMNS, input_tables
from indmon.store import Store


def test_current_vintages_match_the_intake_view(store: Store) -> None:
    add_reports(store, [Report("A", "2023-01", 1), Report("A", "2023-02", 2),
                        Report("B", "2023-01", 3)])
    add_reports(store, [Report("A", "2023-01", 10), Report("B", "2022-12", 4)], batch="later")
    add_reports(store, [Report("A", "2023-01", 100)], batch="latest")
    reports, _ = input_tables(connect("duckdb", store), store, "2023-01", "2023-12")
    ours = reports.to_pandas().sort_values(["enterprise_id", "period"], ignore_index=True)
    view = store.query(
        f"SELECT {', '.join(REPORT_COLUMNS)} FROM current_reports "
        "WHERE period BETWEEN '2023-01' AND '2023-12' ORDER BY enterprise_id, period"
    )
    assert ours.value_added.tolist() == [100, 2, 3]
    assert ours.astype(str).equals(view.astype(str))
