"""Each validation rule, on a small file with one bad row among good ones."""

from __future__ import annotations

import pytest
from tests.intake.conftest import GOOD, WriteCsv

from indmon.errors import IntakeError
from indmon.intake import Rejection, import_reports
from indmon.store import Store

CASES = [
    ("E9,2023-06,36,320000,1000,300,1100,50,", "employees",
     "required value is empty; fill in the average employed persons", None),
    (",2023-06,36,320000,1000,300,1100,50,12", "enterprise_id",
     "required value is empty; fill in the stable identifier of the enterprise", None),
    ("E9,2023-06,36,320000,n/a,300,1100,50,12", "output_value",
     "'n/a' is not a number; write digits with a decimal point and no thousands separators "
     "or units", "n/a"),
    ("E9,2023-06,36,320000,1000,300,1100,50,12.5", "employees",
     "'12.5' is not a whole number; average employed persons is a count", "12.5"),
    ("E9,2023-06,05,320000,1000,300,1100,50,12", "industry",
     "'05' is not an industrial division of GB/T 4754-2017; use a 2-digit code 06 to 46 such "
     "as 36 (automobiles)", "05"),
    ("E9,2023-06,36,990000,1000,300,1100,50,12", "province",
     "'990000' is not a provincial-level code of GB/T 2260; use 6 digits such as 110000 "
     "(Beijing) or 440000 (Guangdong)", "990000"),
    ("E9,2023-13,36,320000,1000,300,1100,50,12", "period",
     "'2023-13' is not a month; write YYYY-MM with a month 01 to 12, e.g. 2023-06", "2023-13"),
    ("E9,2023/06,36,320000,1000,300,1100,50,12", "period",
     "'2023/06' is not a month; write YYYY-MM with a month 01 to 12, e.g. 2023-06", "2023/06"),
    ("E9,2023-06,36,320000,1000,300,-1100,50,12", "revenue",
     "'-1100' is negative; revenue cannot be below 0", "-1100"),
    ("E9,2023-06,36,320000,100,300,1100,50,12", "value_added",
     "value added 300 is above output value 100; value added is part of gross output, check "
     "both columns and their units", "300"),
    ("E9,2023-06,36,320000,inf,300,1100,50,12", "output_value",
     "'inf' is not a finite number", "inf"),
    ("X" * 33 + ",2023-06,36,320000,1000,300,1100,50,12", "enterprise_id",
     f"'{'X' * 33}' is 33 characters long; an enterprise_id has 1 to 32 characters", "X" * 33),
]


@pytest.mark.parametrize(("line", "field", "reason", "value"), CASES,
                         ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_rejects_the_bad_row_and_accepts_the_others(
    store: Store, write_csv: WriteCsv, line: str, field: str, reason: str, value: str | None
) -> None:
    path = write_csv(GOOD.format(n=1), line, GOOD.format(n=2))

    summary = import_reports(store, [path])

    assert summary.rejections == [Rejection(str(path), 2, field, reason, value)]
    assert (summary.accepted, summary.rejected) == (2, 1)
    stored = store.query("SELECT enterprise_id FROM reports ORDER BY enterprise_id")
    assert stored["enterprise_id"].tolist() == ["E1", "E2"]


def test_a_later_duplicate_is_rejected_naming_the_first_row(
    store: Store, write_csv: WriteCsv
) -> None:
    path = write_csv(GOOD.format(n=1), GOOD.format(n=2), GOOD.format(n=1))

    summary = import_reports(store, [path])

    [rejection] = summary.rejections
    assert (rejection.row, rejection.field, rejection.value) == (3, "enterprise_id", "E1")
    assert rejection.reason.startswith("duplicate of row 1: the same enterprise_id and period")


def test_a_row_breaking_several_rules_gets_every_reason(
    store: Store, write_csv: WriteCsv
) -> None:
    path = write_csv("E1,2023-13,05,320000,1000,300,1100,50,12")

    summary = import_reports(store, [path])

    assert sorted(r.field for r in summary.rejections) == ["industry", "period"]
    assert summary.rejected == 1


def test_optional_columns_may_be_empty_but_not_text(store: Store, write_csv: WriteCsv) -> None:
    header = ("enterprise_id,period,industry,province,output_value,value_added,revenue,profit,"
              "employees,electricity_kwh,export_value")
    path = write_csv("E1,2023-06,36,320000,1000,300,1100,-50,12,,",
                     "E2,2023-06,36,320000,1000,300,1100,50,12,lots,0", header=header)

    summary = import_reports(store, [path])

    assert [(r.row, r.field) for r in summary.rejections] == [(2, "electricity_kwh")]
    assert store.query("SELECT profit FROM reports")["profit"].tolist() == [-50.0]


def test_a_missing_required_column_names_it(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv("E1,2023-06,36,320000", header="enterprise_id,period,industry,province")

    with pytest.raises(IntakeError, match="output_value, value_added, revenue, profit, "
                                          "employees missing"):
        import_reports(store, [path])


def test_rejected_rows_are_kept_with_the_raw_row(store: Store, write_csv: WriteCsv) -> None:
    path = write_csv("E1,2023-06,36,320000,1000,300,1100,50,x")

    import_reports(store, [path])

    kept = store.query("SELECT file, row_number, field, value, raw->>'employees' AS raw_e "
                       "FROM rejections")
    assert kept.to_dict("records") == [
        {"file": str(path), "row_number": 1, "field": "employees", "value": "x", "raw_e": "x"}
    ]
