"""Rules on enterprise reports, each pinned on a small report set built to trigger it."""

from __future__ import annotations

from indmon.monitor.enterprises import (
    comparison_months,
    electricity_vs_output,
    key_enterprise_drop,
    load_window,
    months_needed,
    sample_change,
    stopped_reporting,
)
from indmon.store import Store

from .builders import AUTO, ELEC, JS, ZJ, add_reports, make_rule, report


def _run(store: Store, check, rule, period: str) -> list:  # type: ignore[no-untyped-def]
    load_window(store, months_needed(period, [rule]))
    return check(store, rule, period)


def test_january_is_not_compared_and_february_is_compared_with_january() -> None:
    assert comparison_months("2024-01") == []
    assert comparison_months("2024-02") == ["2024-01", "2024-02"]
    assert comparison_months("2024-07") == ["2024-07"]


def test_electricity_falling_against_output(store: Store) -> None:
    rows = []
    for industry, kwh_now in ((AUTO, 80.0), (ELEC, 90.0)):  # ELEC: a 20 pp gap, a near miss
        for k in range(3):
            firm = f"{industry}-{k}"
            rows += [report(firm, "2023-03", 25, industry=industry, output_value=100,
                            electricity_kwh=100),
                     report(firm, "2024-03", 27.5, industry=industry, output_value=110,
                            electricity_kwh=kwh_now)]
    add_reports(store, rows)
    rule = make_rule("electricity_vs_output", gap_pp=25.0, min_enterprises=3)
    alerts = _run(store, electricity_vs_output, rule, "2024-03")
    assert [(a.industry, a.province) for a in alerts] == [(AUTO, JS)]
    evidence = alerts[0].evidence
    assert round(evidence["gap_pp"], 6) == -30.0 and evidence["n"] == 3


def _key_firms(store: Store, now: dict[str, float]) -> None:
    before = {"big-js": 1000.0, "small-js": 100.0, "big-zj": 1000.0}
    rows = [report(f, "2023-05", v, province=ZJ if f.endswith("zj") else JS)
            for f, v in before.items()]
    rows += [report(f"other-{k}", "2023-05", 50) for k in range(3)]
    rows += [report(f, "2024-05", v, province=ZJ if f.endswith("zj") else JS)
             for f, v in now.items()]
    add_reports(store, rows)


def test_key_enterprise_collapse_fires_for_key_firms_only(store: Store) -> None:
    # big-js falls 40 %; small-js falls 50 % but is not key; big-zj falls 29 %: near miss
    _key_firms(store, {"big-js": 600.0, "small-js": 50.0, "big-zj": 710.0})
    rule = make_rule("key_enterprise_drop", drop_pct=30.0, top_n=1)
    alerts = _run(store, key_enterprise_drop, rule, "2024-05")
    assert [a.enterprise_id for a in alerts] == ["big-js"]
    assert round(alerts[0].evidence["change_pct"], 6) == -40.0
    assert alerts[0].evidence["rank_in_province_year_ago"] == 1


def test_a_size_threshold_also_makes_a_firm_key(store: Store) -> None:
    _key_firms(store, {"big-js": 1000.0, "small-js": 50.0, "big-zj": 1000.0})
    rule = make_rule("key_enterprise_drop", drop_pct=30.0, top_n=0, min_value_added=100.0)
    assert [a.enterprise_id for a in _run(store, key_enterprise_drop, rule, "2024-05")] == [
        "small-js"]


def test_february_compares_january_and_february_together(store: Store) -> None:
    # the Spring Festival moved output from January to February: no fall over the two months
    add_reports(store, [report("big", "2023-01", 500), report("big", "2023-02", 500),
                        report("big", "2024-01", 300), report("big", "2024-02", 700)])
    rule = make_rule("key_enterprise_drop", drop_pct=30.0, top_n=1)
    assert _run(store, key_enterprise_drop, rule, "2024-02") == []
    assert _run(store, key_enterprise_drop, rule, "2024-01") == []


def test_enterprises_that_stopped_reporting_are_grouped_by_cell(store: Store) -> None:
    rows = []
    for province, silent in ((JS, 3), (ZJ, 2)):  # ZJ: two silent firms, a near miss
        for k in range(10):
            firm = f"{province}-{k}"
            months = ["2024-01"] if k < silent else ["2024-01", "2024-02", "2024-03"]
            rows += [report(firm, m, 100, province=province) for m in months]
    rows.append(report("gone-earlier", "2023-12", 100))  # counted when it first went silent
    add_reports(store, rows)
    rule = make_rule("stopped_reporting", months=2, min_enterprises=3, min_share_pct=5.0)
    alerts = _run(store, stopped_reporting, rule, "2024-03")
    assert [(a.industry, a.province) for a in alerts] == [(AUTO, JS)]
    evidence = alerts[0].evidence
    assert evidence["silent"] == 3 and evidence["enterprises"] == 10
    assert evidence["share_pct"] == 30.0 and evidence["last_report"] == "2024-01"
    assert sorted(evidence["enterprise_ids"]) == [f"{JS}-{k}" for k in range(3)]


def test_sample_change_flags_entries_that_fake_growth(store: Store) -> None:
    rows = []
    for industry, entrants in ((AUTO, 5), (ELEC, 1)):  # ELEC: one entrant, a near miss
        for k in range(20):
            rows += [report(f"{industry}-{k}", m, 100, industry=industry)
                     for m in ("2023-03", "2024-03")]
        rows += [report(f"{industry}-new-{k}", "2024-03", 200, industry=industry)
                 for k in range(entrants)]
    add_reports(store, rows)
    alerts = _run(store, sample_change, make_rule("sample_change"), "2024-03")
    assert [(a.industry, a.province) for a in alerts] == [(AUTO, JS)]
    evidence = alerts[0].evidence
    assert round(evidence["comparable_share"], 4) == round(2000 / 3000, 4)
    assert evidence["growth_all_reporters"] == 50.0 and evidence["growth_comparable"] == 0.0


def test_a_revised_report_replaces_the_first(store: Store) -> None:
    add_reports(store, [report("big", "2023-05", 1000), report("big", "2024-05", 500)])
    add_reports(store, [report("big", "2024-05", 950)])  # the revision comes later
    rule = make_rule("key_enterprise_drop", drop_pct=30.0, top_n=1)
    assert _run(store, key_enterprise_drop, rule, "2024-05") == []
