"""Rules on computed figures: each fires on a case built for it and keeps quiet on a near miss."""

from __future__ import annotations

from indmon.monitor.cells import (
    below_country,
    consecutive_decline,
    growth_below,
    loss_share_rising,
    streak_months,
)

from .builders import AUTO, ELEC, JS, ZJ, figures, make_rule


def _cells(alerts: list) -> set[tuple[str, str]]:
    return {(a.industry, a.province) for a in alerts}


def test_growth_below_fires_on_falling_cells_with_enough_enterprises() -> None:
    frame = figures([
        ("va_yoy", "2024-03", "ALL", JS, -0.5, 50),
        ("va_yoy", "2024-03", "ALL", ZJ, 0.2, 50),      # near miss: still growing
        ("va_yoy", "2024-03", "ALL", "110000", -8.0, 4),  # too few enterprises to judge
        ("va_yoy", "2024-03", AUTO, "ALL", -1.0, 300),
        ("va_yoy", "2024-03", AUTO, JS, -9.0, 40),       # level not watched by this rule
    ])
    alerts = growth_below(frame, make_rule("growth_below"), "2024-03")
    assert _cells(alerts) == {("ALL", JS), (AUTO, "ALL")}
    jiangsu = next(a for a in alerts if a.province == JS)
    assert jiangsu.evidence["value"] == -0.5 and jiangsu.evidence["threshold"] == 0.0
    assert "Jiangsu" in jiangsu.title_en and "江苏" in jiangsu.title_zh
    assert jiangsu.simulated and jiangsu.severity == "high"


def test_a_streak_steps_over_january() -> None:
    assert streak_months("2024-03", 3) == ["2023-12", "2024-02", "2024-03"]


def test_consecutive_decline_needs_every_month_below() -> None:
    rows = []
    for province, december in ((JS, -1.0), (ZJ, 0.1)):
        rows += [("va_yoy", "2023-12", AUTO, province, december, 30),
                 ("va_yoy", "2024-02", AUTO, province, -2.0, 30),
                 ("va_yoy", "2024-03", AUTO, province, -0.5, 30)]
    alerts = consecutive_decline(figures(rows), make_rule("consecutive_decline"), "2024-03")
    assert _cells(alerts) == {(AUTO, JS)}
    assert alerts[0].evidence["values"] == [-1.0, -2.0, -0.5]
    assert alerts[0].evidence["months"] == ["2023-12", "2024-02", "2024-03"]


def test_consecutive_decline_is_silent_when_a_month_is_missing() -> None:
    rows = [("va_yoy", m, AUTO, JS, -2.0, 30) for m in ("2024-02", "2024-03")]
    assert consecutive_decline(figures(rows), make_rule("consecutive_decline"), "2024-03") == []


def test_below_country_compares_provinces_with_the_whole() -> None:
    frame = figures([
        ("va_ytd_yoy", "2024-03", "ALL", "ALL", 5.0, 1000),
        ("va_ytd_yoy", "2024-03", "ALL", JS, 0.5, 100),   # 4.5 pp behind
        ("va_ytd_yoy", "2024-03", "ALL", ZJ, 1.5, 100),   # 3.5 pp behind: near miss
    ])
    alerts = below_country(frame, make_rule("below_country", gap_pp=4.0), "2024-03")
    assert _cells(alerts) == {("ALL", JS)}
    assert alerts[0].evidence["gap_pp"] == 4.5 and alerts[0].evidence["country"] == 5.0
    assert "全国" in alerts[0].title_zh


def test_loss_share_rising_against_a_year_earlier() -> None:
    rows = []
    for industry, losers_now in ((AUTO, 30), (ELEC, 27)):
        rows += [("loss_making_ytd", "2024-03", industry, "ALL", losers_now, None),
                 ("enterprises", "2024-03", industry, "ALL", 100, None),
                 ("loss_making_ytd", "2023-03", industry, "ALL", 20, None),
                 ("enterprises", "2023-03", industry, "ALL", 100, None)]
    rule = make_rule("loss_share_rising", rise_pp=8.0, min_enterprises=50)
    alerts = loss_share_rising(figures(rows), rule, "2024-03")
    assert _cells(alerts) == {(AUTO, "ALL")}
    assert alerts[0].evidence["rise_pp"] == 10.0
    assert alerts[0].evidence["share_year_ago_pct"] == 20.0


def test_loss_share_needs_the_year_earlier_figures() -> None:
    rows = [("loss_making_ytd", "2024-03", AUTO, "ALL", 90, None),
            ("enterprises", "2024-03", AUTO, "ALL", 100, None)]
    assert loss_share_rising(figures(rows), make_rule("loss_share_rising"), "2024-03") == []


def test_an_index_turning_below_50_fires_once_at_the_turn() -> None:
    from indmon.monitor.cells import index_turns_below

    rows = [("pmi_manufacturing", m, "ALL", "ALL", v, 0)
            for m, v in (("2024-01", 50.8), ("2024-02", 49.1), ("2024-03", 48.7))]
    frame = figures(rows)
    rule = make_rule("index_turns_below")
    (turn,) = index_turns_below(frame, rule, "2024-02")
    assert (turn.evidence["value"], turn.evidence["previous"]) == (49.1, 50.8)
    assert "49.1" in turn.title_en and "降至49.1" in turn.title_zh
    # a second month of contraction is no new turn, and nothing fires without last month
    assert index_turns_below(frame, rule, "2024-03") == []
    assert index_turns_below(figures(rows[1:]), rule, "2024-02") == []


def test_an_index_exactly_at_the_line_is_not_below_it() -> None:
    from indmon.monitor.cells import index_turns_below

    rows = [("pmi_manufacturing", "2024-04", "ALL", "ALL", 50.0, 0),
            ("pmi_manufacturing", "2024-05", "ALL", "ALL", 50.0, 0)]
    assert index_turns_below(figures(rows), make_rule("index_turns_below"), "2024-05") == []
