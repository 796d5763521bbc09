"""Records sent to the HTTP API: same rules, per-row answers, idempotent."""

from __future__ import annotations

import pytest

from indmon.errors import IntakeError
from indmon.intake import submit_records
from indmon.store import Store

GOOD = {"enterprise_id": "E1", "period": "2023-06", "industry": "36", "province": "320000",
        "output_value": 1000, "value_added": 300, "revenue": 1100, "profit": -5,
        "employees": 12}


def test_each_record_gets_accepted_or_its_reasons(store: Store) -> None:
    bad = {**GOOD, "enterprise_id": "E2", "employees": 1.5, "province": "1"}

    result = submit_records(store, [GOOD, bad], source_name="api", submitted_by="alice")

    assert (result.accepted, result.rejected, result.already_submitted) == (1, 1, False)
    assert result.rows[0].accepted and not result.rows[0].rejections
    assert sorted(r.field for r in result.rows[1].rejections) == ["employees", "province"]
    assert store.query("SELECT count(*) AS n FROM current_reports")["n"].item() == 1


def test_the_same_records_twice_are_stored_once(store: Store) -> None:
    submit_records(store, [GOOD], source_name="api", submitted_by=None)

    again = submit_records(store, [GOOD], source_name="api", submitted_by=None)

    assert again.already_submitted and again.rows[0].accepted
    assert store.query("SELECT count(*) AS n FROM reports")["n"].item() == 1


def test_nothing_submitted_is_an_error(store: Store) -> None:
    with pytest.raises(IntakeError, match="no records submitted"):
        submit_records(store, [], source_name="api", submitted_by=None)
