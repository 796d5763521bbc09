"""Running monitoring for a month: alerts stored once, status kept, lifecycle enforced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indmon.errors import ConfigError, NotFound, RuleError
from indmon.monitor import list_alerts, run_monitoring, update_alert
from indmon.monitor.alerts import cell_label
from indmon.store import Store

from .builders import AUTO, JS, ZJ, add_reports, figures, record_figures, report

RULES = """
rules:
  - id: province-falling
    name_en: Province falling
    name_zh: 地区下降
    severity: high
    type: growth_below
    params: {indicator: va_yoy, cells: [province], min_enterprises: 10}
  - id: key-firm
    name_en: Key firm collapsing
    name_zh: 重点企业下滑
    severity: medium
    type: key_enterprise_drop
    params: {top_n: 1, drop_pct: 30}
anomalies: {enabled: false}
"""


@pytest.fixture
def rules_file(tmp_path: Path) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES, "utf-8")
    return path


def _troubled_month(store: Store) -> None:
    record_figures(store, figures([("va_yoy", "2024-05", "ALL", JS, -2.0, 40),
                                   ("va_yoy", "2024-05", "ALL", ZJ, 3.0, 40)]))
    add_reports(store, [report("big", "2023-05", 1000), report("big", "2024-05", 400)])


def test_monitoring_stores_alerts_with_evidence(store: Store, rules_file: Path) -> None:
    _troubled_month(store)
    summary = run_monitoring(store, period="2024-05", rules_path=rules_file)
    assert (summary.raised, summary.new, summary.simulated) == (2, 2, True)
    assert summary.by_rule()["rule_id"].tolist() == ["key-firm", "province-falling"]
    alerts = list_alerts(store, period="2024-05")
    assert alerts["severity"].tolist() == ["high", "medium"]  # most severe first
    firm = alerts[alerts["rule_id"] == "key-firm"].iloc[0]
    assert firm["enterprise_id"] == "big" and bool(firm["simulated"])
    evidence = json.loads(firm["evidence"])
    assert evidence["now"] == 400 and evidence["year_ago"] == 1000
    assert "江苏" in firm["title_zh"]


def test_running_again_duplicates_nothing_and_keeps_status(store: Store, rules_file: Path) -> None:
    _troubled_month(store)
    run_monitoring(store, period="2024-05", rules_path=rules_file)
    first = list_alerts(store)
    alert_id = int(first["alert_id"].iloc[0])
    update_alert(store, alert_id, "acknowledged", by="analyst")
    again = run_monitoring(store, period="2024-05", rules_path=rules_file)
    assert (again.raised, again.new, again.refreshed) == (2, 0, 2)
    after = list_alerts(store)
    assert sorted(after["alert_id"]) == sorted(first["alert_id"])
    assert after.set_index("alert_id").loc[alert_id, "status"] == "acknowledged"


def test_lifecycle_records_who_and_when(store: Store, rules_file: Path) -> None:
    _troubled_month(store)
    run_monitoring(store, period="2024-05", rules_path=rules_file)
    alert_id = int(list_alerts(store)["alert_id"].iloc[0])
    acked = update_alert(store, alert_id, "acknowledged", by="wang", note="calling the bureau")
    assert (acked["status"], acked["updated_by"], acked["note"]) == (
        "acknowledged", "wang", "calling the bureau")
    done = update_alert(store, alert_id, "resolved", by="li")
    assert [h["status"] for h in done["history"]] == ["acknowledged", "resolved"]
    assert [h["changed_by"] for h in done["history"]] == ["wang", "li"]
    assert list_alerts(store, status="resolved")["alert_id"].tolist() == [alert_id]


@pytest.mark.parametrize(("first", "then", "message"), [
    ("resolved", "acknowledged", "it cannot become acknowledged"),
    ("acknowledged", "acknowledged", "From acknowledged it can become: resolved"),
    (None, "new", "it cannot become new"),
    (None, "closed", "not one of new, acknowledged, resolved"),
])
def test_invalid_transitions_are_refused(store: Store, rules_file: Path, first: str | None,
                                         then: str, message: str) -> None:
    _troubled_month(store)
    run_monitoring(store, period="2024-05", rules_path=rules_file)
    alert_id = int(list_alerts(store)["alert_id"].iloc[0])
    if first:
        update_alert(store, alert_id, first, by="wang")
    with pytest.raises(ConfigError, match=message):
        update_alert(store, alert_id, then, by="wang")


def test_unknown_alert_and_bad_filters(store: Store) -> None:
    with pytest.raises(NotFound, match="no alert 99"):
        update_alert(store, 99, "resolved", by="wang")
    with pytest.raises(ConfigError, match="severity 'urgent'"):
        list_alerts(store, severity="urgent")


def test_a_bad_rule_file_stops_before_anything_is_stored(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(RULES.replace("drop_pct: 30", "drop_pct: 130"), "utf-8")
    with pytest.raises(RuleError, match="rule 'key-firm', parameter 'drop_pct'"):
        run_monitoring(store, period="2024-05", rules_path=path)
    assert list_alerts(store).empty


def test_shipped_rules_run_on_an_empty_month(store: Store) -> None:
    summary = run_monitoring(store, period="2024-05")
    assert summary.raised == 0 and "indmon compute" in summary.notes[0]


def test_cell_labels_read_naturally() -> None:
    assert cell_label(AUTO, JS) == "Manufacture of automobiles, Jiangsu"
    assert cell_label(AUTO, JS, "zh") == "江苏汽车制造业"
    assert cell_label("ALL", "ALL", "zh") == "全国工业"
    assert cell_label("C", "ALL") == "Manufacturing"
