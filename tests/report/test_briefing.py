"""The briefing model: which sections appear for which store, and what they say."""

from pathlib import Path

import pytest

from indmon.errors import NotFound
from indmon.monitor.alerts import Alert, save_alerts
from indmon.report import build_briefing
from indmon.report.model import Briefing, Number, Paragraph
from indmon.store import Store


def text_of(paragraph: Paragraph) -> str:
    return "".join(p if isinstance(p, str) else p.text for p in paragraph)


def all_text(briefing: Briefing) -> str:
    return "\n".join(text_of(p) for s in briefing.sections for p in s.paragraphs)


def keys(briefing: Briefing) -> list[str]:
    return [s.key for s in briefing.sections]


def test_headline_states_growth_and_its_comparison_in_english(both_store: Store) -> None:
    briefing = build_briefing(both_store, "2023", "en")
    headline = text_of(briefing.sections[0].paragraphs[0])
    assert headline == ("Value added of industrial enterprises above designated size grew 4.6% "
                        "year on year, 1.0 percentage point above 2022.")


def test_headline_in_chinese(both_store: Store) -> None:
    briefing = build_briefing(both_store, "2023", "zh")
    assert text_of(briefing.sections[0].paragraphs[0]) == (
        "规模以上工业增加值同比增长4.6%，比2022年加快1.0个百分点。")
    assert "（制造业）同比增长5.0%" in all_text(briefing)


def test_a_comparison_cites_both_years(both_store: Store) -> None:
    briefing = build_briefing(both_store, "2023", "en")
    difference = next(p for p in briefing.sections[0].paragraphs[0]
                      if isinstance(p, Number) and "point" in p.text)
    assert len(difference.obs_ids) == 2
    cited = [line for n in briefing.notes_for(difference) for line in briefing.notes[n - 1].lines]
    assert any("2023" in line for line in cited) and any("2022" in line for line in cited)


def test_every_number_has_a_note(both_store: Store) -> None:
    briefing = build_briefing(both_store, "2023", "en")
    numbers = [c for s in briefing.sections for t in s.tables for row in t.rows for c in row
               if isinstance(c, Number)]
    numbers += [p for s in briefing.sections for para in s.paragraphs for p in para
                if isinstance(p, Number)]
    assert numbers and all(briefing.notes_for(n) for n in numbers)


def test_published_only_store_has_no_computed_sections(published_store: Store) -> None:
    briefing = build_briefing(published_store, "2023", "en")
    assert keys(briefing) == ["headline", "theme-industrial_economy"]
    assert not briefing.simulated


def test_computed_only_store_is_labelled_simulated(computed_store: Store) -> None:
    briefing = build_briefing(computed_store, "2023", "en")
    assert keys(briefing) == ["simulated-overview", "simulated-industry",
                              "simulated-province", "simulated-profits"]
    assert {s.origin for s in briefing.sections} == {"simulated"}
    assert all("Simulated data" in s.title for s in briefing.sections)
    assert all(c.simulated and "Simulated" in c.title for s in briefing.sections
               for c in s.charts)
    assert "1 of the 3 provinces grew faster than the national rate of 5.2%" in all_text(briefing)


def test_computed_sections_in_chinese_are_labelled(computed_store: Store) -> None:
    briefing = build_briefing(computed_store, "2023", "zh")
    assert all("模拟数据" in s.title for s in briefing.sections)
    province = next(s for s in briefing.sections if s.key == "simulated-province")
    assert [row[1] for row in province.tables[0].rows] == ["江苏", "广东", "四川"]


def test_a_span_that_is_not_the_whole_year_says_so(tmp_path: Path) -> None:
    from indmon.store import NewObservation, Source

    with Store.open(tmp_path / "s.duckdb") as store:
        store.record([NewObservation("va_ytd_yoy", "2023-01/2023-11", 4.3, "percent")],
                     Source("r", publisher="P", title="T", published="2023-12-15"))
        briefing = build_briefing(store, "2023", "en")
    assert "4.3% year on year (latest known: January–November 2023)" in all_text(briefing)


def test_monthly_period_reads_that_month(computed_store: Store) -> None:
    briefing = build_briefing(computed_store, "2023-06", "en")
    assert keys(briefing) == ["simulated-overview"]
    assert "4.3%" in all_text(briefing)  # va_ytd_yoy for June: 4 + 6/20


@pytest.mark.parametrize("period", ["2019", "2023-07"])
def test_a_period_without_figures_is_an_error_naming_the_periods_with_some(
        published_store: Store, period: str) -> None:
    with pytest.raises(NotFound) as raised:
        build_briefing(published_store, period, "en")
    message = str(raised.value)
    assert f"no figures for period {period!r}" in message
    assert "years 2023, 2022" in message and "months 2023-11" in message


def test_empty_store_says_what_to_load(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.duckdb") as store, pytest.raises(
            NotFound, match="holds no figures at all; load published figures"):
        build_briefing(store, "2023", "en")


def insert_alert(store: Store, period: str, severity: str, fingerprint: str) -> None:
    """An alert as monitoring saves it (``fingerprint`` only tells the test's alerts apart)."""
    save_alerts(store, [Alert(
        rule_id=f"va_drop_{fingerprint}", kind="rule", severity=severity, period=period,
        title_en=f"Output fell ({severity})", title_zh=f"产出下降（{severity}）",
        indicator="va_yoy", industry="36", simulated=True)])


def test_risk_list_orders_alerts_by_severity(computed_store: Store) -> None:
    insert_alert(computed_store, "2023-05", "low", "a")
    insert_alert(computed_store, "2023-07", "high", "b")
    insert_alert(computed_store, "2022-07", "high", "c")
    save_alerts(computed_store, [Alert(
        rule_id="profit_loss", kind="rule", severity="high", period="2023-08",
        title_en="Enterprise E001 reported a loss", title_zh="企业E001出现亏损",
        enterprise_id="E001", province="110000", simulated=True)])
    briefing = build_briefing(computed_store, "2023", "zh")
    risks = next(s for s in briefing.sections if s.key == "risks")
    # alerts on aggregates only: one naming an enterprise is microdata, not for a report
    assert [row[0] for row in risks.tables[0].rows] == ["高", "低"]
    assert risks.tables[0].rows[0][3] == "产出下降（high）（模拟数据）"
    assert "模拟数据" in risks.title


def test_no_alerts_is_said_only_when_monitoring_ran(computed_store: Store) -> None:
    assert "risks" not in keys(build_briefing(computed_store, "2023", "en"))
    insert_alert(computed_store, "2022-03", "high", "old")
    briefing = build_briefing(computed_store, "2023", "en")
    risks = next(s for s in briefing.sections if s.key == "risks")
    assert text_of(risks.paragraphs[0]) == "Monitoring ran and raised no alerts for this period."
