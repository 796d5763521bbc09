"""Signals worded as a ministry would print them: alerts as sentences in the page's
language (no ids, no English on Chinese pages), one row per cell and cause, colours that
follow meaning (a rise in losses is red), "unchanged" rather than "= 0", never "-0.0",
and year-to-date figures compared with the same period a year earlier."""

from __future__ import annotations

import re

import httpx
import pytest

from indmon.monitor.alerts import _row
from indmon.web.dashboard import wording

from .dashboard_signals import browser, monitor_alerts, new_page, shot, signals_site
from .servers import Site

__all__ = ["browser", "signals_site"]  # fixtures used by the tests below

RAW_ID = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
RAW_MONTH = re.compile(r"\b20\d\d-\d\d\b")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
RED, GREEN = "rgb(184, 50, 42)", "rgb(31, 122, 77)"


def _rows() -> list[dict[str, object]]:
    return [dict(_row(a), alert_id=i + 1, status="new")
            for i, a in enumerate(monitor_alerts())]


# -- the words, without a browser ------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_alert_reads_as_a_sentence_without_ids(lang: str) -> None:
    for row in _rows():
        said = wording.alert_sentence(row, lang)
        assert said.endswith("。" if lang == "zh" else ".")
        assert not RAW_ID.search(said), said
        assert not RAW_MONTH.search(said), said
        month = r"(October|November|December) 2023" if lang == "en" else r"2023年1[0-2]月"
        assert re.search(month, said), said
        if lang == "zh":
            assert not LATIN_WORD.search(said), said
            assert not LATIN_WORD.search(wording.evidence_words(row, lang)), row


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Sichuan: loss-making enterprises were 30.0% of reporters in December 2023, up "
           "10.0 pp on the same period last year (20.0%)."),
    ("zh", "2023年12月，四川亏损企业占比30.0%，比上年同期（20.0%）上升10.0个百分点。"),
])
def test_a_rising_loss_share_is_said_against_the_same_period_last_year(
        lang: str, expected: str) -> None:
    row = next(r for r in _rows() if r["rule_id"] == "loss-share-rising")
    assert wording.alert_sentence(row, lang) == expected


def test_an_alert_of_unknown_shape_keeps_its_title_with_ids_in_words() -> None:
    row = {"rule_id": "my-rule", "period": "2024-03", "industry": "ALL", "province": "ALL",
           "indicator": "va_yoy", "evidence": "{}",
           "title_en": "va_yoy low in 2024-03", "title_zh": "2024-03增速偏低"}
    assert wording.alert_sentence(row, "en") == "value added growth year on year low in March 2024"
    assert wording.alert_sentence(row, "zh") == "2024年3月增速偏低"


def test_alerts_of_one_rule_on_one_cell_become_one_group_led_by_the_latest_month() -> None:
    groups = wording.grouped(_rows())
    drops = [g for g in groups if g.head["rule_id"] == "industry-growth-negative"]
    assert len(drops) == 1
    assert drops[0].head["period"] == "2023-12"
    assert drops[0].periods == ["2023-11", "2023-10"]
    assert len(groups) == 4  # one row per cell and cause
    assert wording.also_words(drops[0].periods, "zh") == "2023年11月、2023年10月也曾预警。"


def test_colours_follow_meaning() -> None:
    assert wording.tone("va_ytd_yoy", 0.9) == "good"
    assert wording.tone("profit_ytd", -1e11) == "bad"
    assert wording.tone("loss_making_ytd", 5110) == "bad"
    assert wording.tone("loss_ytd", -1.0) == "good"
    assert wording.tone("mfg_world_rank", -1) == "good"  # from second to first
    assert wording.tone("pmi_input_prices", 2.0) == "neutral"
    assert wording.tone("va_ytd_yoy", 0.0) == ""


# -- the pages ------------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_alerts_page_says_each_alert_once_in_the_pages_language(
        browser: object, signals_site: Site, lang: str) -> None:
    page = new_page(browser, signals_site)
    page.goto(f"{signals_site.url}/alerts?lang={lang}")  # type: ignore[attr-defined]
    rows = page.locator("table.alerts tbody tr")  # type: ignore[attr-defined]
    assert rows.count() == 4  # five stored alerts on the automobile division become one row
    table = page.locator("table.alerts").inner_text()  # type: ignore[attr-defined]
    assert not RAW_ID.search(table) and not RAW_MONTH.search(table)
    drop = page.locator("tr[data-rule=industry-growth-negative]")  # type: ignore[attr-defined]
    assert drop.get_attribute("data-alerts").count(" ") == 2  # three alerts, one row
    if lang == "zh":
        assert not LATIN_WORD.search(table), table
        assert "2023年11月、2023年10月也曾预警" in drop.inner_text()
        assert "低于0.0%的预警线" in drop.inner_text()
    else:
        assert "Also raised for November 2023 and October 2023." in drop.inner_text()
        assert "below the alert line of 0.0%" in drop.inner_text()
    shot(page, f"signals-alerts-{lang}")
    assert page.refused == []  # type: ignore[attr-defined]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_report_card_colours_changes_by_meaning_and_words_them(
        browser: object, signals_site: Site, lang: str) -> None:
    page = new_page(browser, signals_site)
    page.goto(f"{signals_site.url}/?lang={lang}")  # type: ignore[attr-defined]
    published = page.locator("section.origin-published")  # type: ignore[attr-defined]

    def delta(indicator: str) -> object:
        return published.locator(f"article[data-indicator={indicator}] .headline + .meta .delta")

    colour = "el => getComputedStyle(el).color"
    assert delta("va_ytd_yoy").evaluate(colour) == GREEN          # growth up: good
    assert delta("loss_making_ytd").evaluate(colour) == RED        # more loss-makers: bad
    assert delta("loss_ytd").evaluate(colour) == RED               # losses up: bad
    assert delta("profit_ytd").evaluate(colour) == RED             # profit down: bad
    assert "▲" in delta("loss_making_ytd").inner_text()            # the arrow keeps the sign
    same = delta("revenue_ytd_yoy").inner_text().strip()
    assert same == ("持平" if lang == "zh" else "unchanged")
    text = page.locator("main").inner_text()  # type: ignore[attr-defined]
    assert not re.search(r"[-−]0\.0(?!\d)", text) and "= 0" not in text
    risks = page.locator("#risks").inner_text()  # type: ignore[attr-defined]
    assert not RAW_ID.search(risks) and not RAW_MONTH.search(risks)
    assert page.locator("#risks li").count() == 4  # one line per cell and cause
    if lang == "zh":
        assert not LATIN_WORD.search(risks), risks
    shot(page, f"signals-report-card-{lang}")


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "compared", "not_compared"), [
    ("en", "compared with January–November 2022", "October 2023"),
    ("zh", "对比2022年1—11月", "2023年10月"),
])
def test_year_to_date_is_compared_with_the_same_months_a_year_earlier(
        browser: object, signals_site: Site, lang: str, compared: str, not_compared: str
        ) -> None:
    page = new_page(browser, signals_site)
    page.goto(f"{signals_site.url}/?period=2023-11&lang={lang}")  # type: ignore[attr-defined]
    card = page.locator(  # type: ignore[attr-defined]
        "section.origin-published article[data-indicator=profit_ytd]")
    meta = card.locator(".headline + .meta").inner_text()
    assert compared in meta, meta
    assert not_compared not in meta


def test_the_pages_say_no_raw_rule_text_in_chinese(signals_site: Site) -> None:
    html = httpx.get(f"{signals_site.url}/alerts?lang=zh", timeout=30).text
    table = html[html.index("<table"):html.index("</table>")]
    for english in ("Industry value added falling", "comparison", "threshold", "va_yoy"):
        assert english not in table


@pytest.mark.browser
def test_acknowledging_a_row_acknowledges_every_alert_it_stands_for(
        browser: object, signals_site: Site) -> None:
    page = new_page(browser, signals_site)
    page.goto(f"{signals_site.url}/login?lang=zh")  # type: ignore[attr-defined]
    page.fill("input[name=token]", signals_site.tokens["analyst"])  # type: ignore[attr-defined]
    page.click("form.login button")  # type: ignore[attr-defined]
    page.goto(f"{signals_site.url}/alerts?lang=zh")  # type: ignore[attr-defined]
    row = page.locator("tr[data-rule=industry-growth-negative]")  # type: ignore[attr-defined]
    ids = [int(m.split(":")[0]) for m in row.get_attribute("data-alerts").split()]
    assert len(ids) == 3
    row.locator("button[data-status=acknowledged]").click()
    api = pytest.importorskip("playwright.sync_api")
    api.expect(row.locator(".status")).to_contain_text("已确认 ✓")
    with signals_site.client("analyst") as client:
        statuses = {client.get(f"/api/alerts/{i}").json()["status"] for i in ids}
    assert statuses == {"acknowledged"}
    page.reload()  # type: ignore[attr-defined]
    assert row.locator(".status").inner_text().strip() == "已确认"
    shot(page, "signals-alerts-acknowledged-zh")


def test_a_pmi_turn_is_worded_as_an_index_not_a_rate() -> None:
    from indmon.web.dashboard.wording import alert_sentence, evidence_words

    row = {"rule_id": "published-pmi-turns-contraction", "indicator": "pmi_manufacturing",
           "industry": "ALL", "province": "ALL", "period": "2022-10",
           "evidence": '{"rule": "r", "value": 49.2, "previous": 50.1, "threshold": 50.0, '
                       '"comparison": "pmi_manufacturing < 50 after >= 50"}'}
    en, zh = alert_sentence(row, "en"), alert_sentence(row, "zh")
    assert "fell to 49.2 in October 2022 from 50.1, below 50.0" in en
    assert "由50.1降至49.2" in zh and "%" not in en + zh
    assert "%" not in evidence_words(row, "en") + evidence_words(row, "zh")
