"""Running monitoring for a month: alerts stored once, status kept, lifecycle enforced."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from indmon.errors import ConfigError, IndmonError, NotFound, PeriodError, RuleError
from indmon.monitor import get_alert, list_alerts, monitoring_ran, run_monitoring, update_alert
from indmon.monitor.alerts import Alert, cell_label, monitor_runs, save_alerts
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


# -- list_alerts: filters, orders, scope, and the runs log ------------------------------
def _alert(rule: str, severity: str, period: str, province: str = JS, *,
           indicator: str | None = "va_yoy", enterprise: str | None = None) -> Alert:
    return Alert(rule_id=rule, kind="rule", severity=severity, period=period,
                 title_en=f"{rule} {period}", title_zh=f"{rule}{period}", indicator=indicator,
                 province=province, enterprise_id=enterprise)


@pytest.fixture
def stored(store: Store) -> Store:
    """Five alerts over two months and two provinces, one naming an enterprise."""
    save_alerts(store, [
        _alert("falling", "high", "2024-04"),
        _alert("behind", "medium", "2024-05", ZJ, indicator="va_ytd_yoy"),
        _alert("falling", "high", "2024-05"),
        _alert("key-firm", "medium", "2024-05", indicator=None, enterprise="big"),
        _alert("odd", "low", "2024-05", "ALL"),
    ])
    return store


def _ids(frame: pd.DataFrame) -> list[tuple[str, str]]:
    return list(zip(frame["rule_id"], frame["period"], strict=True))


def test_the_default_order_is_latest_month_then_most_severe(stored: Store) -> None:
    assert _ids(list_alerts(stored)) == [
        ("falling", "2024-05"), ("behind", "2024-05"), ("key-firm", "2024-05"),
        ("odd", "2024-05"), ("falling", "2024-04")]


def test_status_order_puts_open_work_first(stored: Store) -> None:
    first = list_alerts(stored, period="2024-05", severity="high")["alert_id"].iloc[0]
    update_alert(stored, int(first), "resolved", by="wang")
    odd = list_alerts(stored, severity="low")["alert_id"].iloc[0]
    update_alert(stored, int(odd), "acknowledged", by="wang")
    # new (most severe, then the latest raised), acknowledged, resolved
    assert _ids(list_alerts(stored, order="status")) == [
        ("falling", "2024-04"), ("key-firm", "2024-05"), ("behind", "2024-05"),
        ("odd", "2024-05"), ("falling", "2024-05")]
    assert _ids(list_alerts(stored, order="status", limit=2)) == [
        ("falling", "2024-04"), ("key-firm", "2024-05")]


def test_filters_narrow_together(stored: Store) -> None:
    assert len(list_alerts(stored, periods=["2024-04", "2024-05"])) == 5
    assert _ids(list_alerts(stored, periods=["2024-04"])) == [("falling", "2024-04")]
    assert list_alerts(stored, periods=[]).empty
    assert _ids(list_alerts(stored, period="2024-05", periods=["2024-04"])) == []
    assert _ids(list_alerts(stored, provinces=[ZJ, "ALL"])) == [
        ("behind", "2024-05"), ("odd", "2024-05")]
    assert _ids(list_alerts(stored, indicator="va_ytd_yoy")) == [("behind", "2024-05")]
    assert _ids(list_alerts(stored, severity="high", period="2024-04")) == [
        ("falling", "2024-04")]


def test_enterprise_alerts_only_in_granted_provinces(stored: Store) -> None:
    def firms(**scope: object) -> list[str | None]:
        return list(list_alerts(stored, **scope)["enterprise_id"].dropna())  # type: ignore[arg-type]

    assert firms() == ["big"]
    assert firms(enterprise_provinces=[JS]) == ["big"]
    assert firms(enterprise_provinces=[ZJ]) == []
    assert firms(enterprise_provinces=[]) == []
    assert len(list_alerts(stored, enterprise_provinces=[])) == 4  # aggregates stay


def test_an_indicator_filter_takes_the_report_measures_alerts_name(stored: Store) -> None:
    save_alerts(stored, [_alert("key-firm", "high", "2024-05", indicator="value_added",
                                enterprise="big")])
    assert _ids(list_alerts(stored, indicator="value_added")) == [("key-firm", "2024-05")]
    assert list_alerts(stored, indicator="loss_making_ytd").empty  # in the catalogue
    with pytest.raises(IndmonError, match="unknown indicator 'output_value'"):
        list_alerts(stored, indicator="output_value")  # no alert names it (yet)


@pytest.mark.parametrize(("filters", "message"), [
    ({"status": "open"}, "status 'open' is not one of new, acknowledged, resolved"),
    ({"severity": "urgent"}, "severity 'urgent' is not one of high, medium, low"),
    ({"order": "newest"}, "order 'newest' is not one of severity, status, recent"),
    ({"period": "2024-13"}, "period '2024-13'"),
    ({"periods": ["2024-05", "Q1-2024"]}, "period 'Q1-2024'"),
    ({"provinces": ["999999"]}, "unknown province '999999'"),
    ({"indicator": "va_growth"}, "unknown indicator 'va_growth'"),
    ({"limit": -1}, "limit -1"),
])
def test_bad_filters_name_the_value_and_the_choices(store: Store, filters: dict[str, Any],
                                                    message: str) -> None:
    with pytest.raises(IndmonError, match=re.escape(message)):
        list_alerts(store, **filters)


def test_monitoring_ran_for_a_month_or_raised_anything(store: Store) -> None:
    assert not monitoring_ran(store, ["2024-05"])
    run_monitoring(store, period="2024-05")  # nothing to find, but it looked
    assert monitoring_ran(store, ["2024-04", "2024-05"])
    assert not monitoring_ran(store, ["2024-06"])
    runs = monitor_runs(store)
    assert runs[["period", "alerts", "new_alerts"]].values.tolist() == [["2024-05", 0, 0]]
    save_alerts(store, [_alert("falling", "high", "2023-01")])
    assert monitoring_ran(store, ["2024-06"])  # alerts exist, so an empty month means calm
    with pytest.raises(PeriodError):
        monitoring_ran(store, ["2024"])


def test_what_goes_with_a_change_lands_with_it_or_not_at_all(stored: Store) -> None:
    alert_id = int(list_alerts(stored)["alert_id"].iloc[0])

    def failing_audit() -> None:
        raise RuntimeError("audit log unavailable")

    with pytest.raises(RuntimeError):
        update_alert(stored, alert_id, "acknowledged", by="wang", within=failing_audit)
    kept = get_alert(stored, alert_id)
    assert (kept["status"], kept["history"], kept["updated_at"]) == ("new", [], None)
