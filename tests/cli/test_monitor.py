"""``indmon monitor`` and ``indmon alerts`` over a small store the test builds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from indmon.cli import app
from indmon.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with a key enterprise losing 60 % of its value added in 2024-05."""
    path = tmp_path / "cli.duckdb"
    rows = [("big", "2023-05", 1000.0), ("big", "2024-05", 400.0)]
    frame = pd.DataFrame({
        "batch_id": "t", "row_number": 1, "received_at": dt.datetime(2024, 6, 1),
        "enterprise_id": [r[0] for r in rows], "period": [r[1] for r in rows],
        "industry": "36", "province": "320000", "output_value": [4 * r[2] for r in rows],
        "value_added": [r[2] for r in rows], "revenue": 0.0, "profit": 0.0, "employees": 5,
        "simulated": True,
    })
    with (Store.open(path) as store, store.transaction() as con,
          store.registered("incoming", frame)):
        con.execute(f"INSERT INTO reports ({', '.join(frame.columns)}) SELECT * FROM incoming")
    return path


def _run(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.output


def test_monitor_then_list_ack_and_resolve(db: Path) -> None:
    code, out = _run(db, "monitor", "--period", "2024-05")
    assert code == 0 and "key-enterprise-collapse" in out and "SIMULATED" in out
    code, out = _run(db, "alerts", "--status", "new", "-o", "json")
    alerts = json.loads(out)
    assert code == 0 and [a["enterprise_id"] for a in alerts] == ["big"]
    alert_id = str(alerts[0]["alert_id"])
    assert _run(db, "alerts", "ack", alert_id, "--by", "wang")[0] == 0
    code, out = _run(db, "alerts", "resolve", alert_id, "--by", "li", "--note", "seasonal")
    assert code == 0 and "resolved" in out
    code, out = _run(db, "alerts", "show", alert_id)
    assert [h["changed_by"] for h in json.loads(out)["history"]] == ["wang", "li"]


def test_a_refused_transition_is_a_clean_error(db: Path) -> None:
    _run(db, "monitor", "--period", "2024-05")
    alert_id = str(json.loads(_run(db, "alerts", "-o", "json")[1])[0]["alert_id"])
    _run(db, "alerts", "resolve", alert_id, "--by", "li")
    code, out = _run(db, "alerts", "ack", alert_id, "--by", "wang")
    assert code == 1 and "cannot become acknowledged" in out


def test_a_bad_rule_file_names_the_rule(db: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - {id: x, name_en: a, name_zh: b, severity: urgent, "
                     "type: growth_below}\n", "utf-8")
    code, out = _run(db, "monitor", "--period", "2024-05", "--rules", str(rules))
    assert code == 1 and "rule 'x'" in out and "severity" in out


def test_show_rules_prints_the_shipped_file(db: Path) -> None:
    code, out = _run(db, "monitor", "--show-rules")
    assert code == 0 and "key_enterprise_drop" in out


@pytest.mark.parametrize(("args", "message"), [
    (["alerts", "--period", "2024-13"], "period '2024-13' is not understood"),
    (["alerts", "--status", "open"], "status 'open' is not one of new, acknowledged, resolved"),
    (["alerts", "--severity", "urgent"], "severity 'urgent' is not one of high, medium, low"),
    (["monitor", "--period", "Q1-2024"], "period 'Q1-2024'"),
])
def test_bad_filters_are_clean_errors(db: Path, args: list[str], message: str) -> None:
    code, out = _run(db, *args)
    assert code == 1 and message in " ".join(out.split())


def test_alerts_show_prints_missing_times_as_null(db: Path) -> None:
    _run(db, "monitor", "--period", "2024-05")
    alert_id = str(json.loads(_run(db, "alerts", "-o", "json")[1])[0]["alert_id"])
    shown = json.loads(_run(db, "alerts", "show", alert_id)[1])
    assert shown["updated_at"] is None and shown["history"] == []
    assert shown["evidence"]["year_ago"] == 1000
