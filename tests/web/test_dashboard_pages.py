"""Dashboard pages over a real server: the report card is the briefing's (same figures,
periods and sections by origin, tested on real enterprise reports), shorter periods are
labelled latest known, a period without figures is a 404 page, numbers read as people
write them, unknown pages answer with a page in the reader's language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.report.real_store import build_real_store

from indmon.monitor.alerts import Alert, list_alerts, save_alerts, update_alert
from indmon.report import build_briefing, build_card, render_briefing
from indmon.report.model import Briefing
from indmon.store import NewObservation, Origin, Source, Store
from indmon.web.app import WebConfig
from indmon.web.dashboard import fonts, i18n

from .servers import Site, start, stop

PUBLISHED = Source("release-2024", kind="release", publisher="A statistics office",
                   title="Industry in 2023", published="2024-01-17", lang="en")
PANEL = Source("panel", kind="computation", publisher="indmon", title="Computed",
               published="2024-02-01", simulated=True)


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Published 2022, 2023 and 2023-Q1 figures next to simulated monthly ones."""
    db = tmp_path_factory.mktemp("mixed") / "mixed.duckdb"
    with Store.open(db) as store:
        store.record([NewObservation("va_ytd_yoy", "2022", 3.6, "percent"),
                      NewObservation("va_ytd_yoy", "2023", 4.6, "percent"),
                      NewObservation("va_ytd_yoy", "2023-Q1", 3.0, "percent"),
                      NewObservation("pmi_expansion_streak", "2023-03", 3, "month"),
                      NewObservation("three_new_exports", "2023", 1.06e12, "cny"),
                      NewObservation("advanced_mfg_clusters_national", "2022-12-31", 45, "count"),
                      NewObservation("advanced_mfg_clusters_national", "2023-12-31", 45, "count")],
                     PUBLISHED)
        computed = [NewObservation(ind, f"2023-{m:02d}", value + m / 10, "percent")
                    for m in range(2, 13)
                    for ind, value in (("va_ytd_yoy", 1.0), ("va_real_ytd_yoy", 3.4))]
        store.record(computed, PANEL)
    url, running = start(db, WebConfig(public=True))
    yield Site(url, {}, db)
    stop(running)


def _page(site: Site, path: str) -> httpx.Response:
    return httpx.get(site.url + path, timeout=30)


def _section(html: str, origin: str) -> str:
    """One section of the report card page: published, computed or simulated."""
    start = html.find(f'<section class="report origin-{origin}')
    if start < 0:
        return ""
    end = html.find('<section class="report ', start + 1)
    return html[start:end if end > 0 else len(html)]


def test_report_card_leads_with_the_latest_year_compared_with_the_year_before(
        mixed_site: Site) -> None:
    html = _page(mixed_site, "/?lang=en").text
    published = _section(html, "published")
    assert "Published figures · 2023" in published
    assert "4.6%" in published and "compared with 2022" in published and "3.6%" in published
    assert "+1.0 pp" in published
    assert "Simulated data" not in published
    # the first quarter is no figure of the year
    assert "Q1 2023" not in published and "3.0%" not in published


@pytest.mark.parametrize(("lang", "rise", "same"), [("en", "▲ +1.0 pp", "unchanged"),
                                                    ("zh", "▲ +1.0个百分点", "持平")])
def test_changes_read_as_words_not_as_signs(mixed_site: Site, lang: str, rise: str,
                                           same: str) -> None:
    published = _section(_page(mixed_site, f"/?lang={lang}").text, "published")
    deltas = [re.sub(r"\s+", " ", d).strip()
              for d in re.findall(r'<span class="delta[^"]*">(.*?)</span>', published, re.S)]
    assert rise in deltas and same in deltas
    assert not any("=" in d or "＝" in d or "-0" in d for d in deltas)


def test_a_shorter_period_is_shown_only_as_latest_known(mixed_site: Site) -> None:
    published = _section(_page(mixed_site, "/?lang=en").text, "published")
    card = published[published.index('data-indicator="pmi_expansion_streak"'):]
    card = card[:card.index("</article>")]
    assert "3 months" in card
    assert '<span class="when latest-known">latest known: March 2023</span>' in card
    zh = _section(_page(mixed_site, "/?lang=zh").text, "published")
    assert "最新可得：2023年3月" in zh


def test_computed_figures_stand_apart_with_their_price_basis(mixed_site: Site) -> None:
    html = _page(mixed_site, "/?lang=en").text
    assert _section(html, "computed") == ""  # the panel is simulated: no "computed" section
    simulated = _section(html, "simulated")
    assert "Computed from simulated enterprise reports · 2023" in simulated
    assert "Simulated data" in simulated and "Published" not in simulated
    real = simulated[simulated.index('data-indicator="va_real_ytd_yoy"'):]
    assert real.index('data-indicator="va_ytd_yoy"') > 0  # comparable prices first
    nominal = real[real.index('data-indicator="va_ytd_yoy"'):]
    assert "(current prices)" in nominal[:nominal.index("</h4>")]
    # compared with the same period a year earlier, never with the month before
    assert "compared with November 2023" not in simulated


def test_period_picks_a_quarter(mixed_site: Site) -> None:
    html = _page(mixed_site, "/?lang=en&period=2023-Q1").text
    published = _section(html, "published")
    assert "Published figures · Q1 2023" in published and "3.0%" in published
    assert "3 months" in published
    assert "January–March 2023" in _section(html, "simulated")
    options = html[html.index("<select"):html.index("</select>")]
    assert options.index(">2023<") < options.index(">2022<") < options.index(">Q1 2023<")
    assert options.index(">December 2023<") < options.index(">February 2023<")
    assert 'value="2023-Q1" selected' in options


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "The store has no figures for 2019."), ("zh", "库中没有2019年的数据。")])
def test_a_period_without_figures_is_a_404_page_saying_so(mixed_site: Site, lang: str,
                                                          said: str) -> None:
    response = _page(mixed_site, f"/?period=2019&lang={lang}")
    assert response.status_code == 404
    assert said in response.text
    assert 'class="cards"' not in response.text  # not an empty card
    assert '<a href="/?period=2023">' in response.text  # the periods that have figures
    assert str(mixed_site.db) not in response.text  # no file path for the public


def test_an_impossible_period_is_an_error_page(mixed_site: Site) -> None:
    response = _page(mixed_site, "/?period=2023-13&lang=en")
    assert response.status_code in (400, 422)
    assert "2023-13" in response.text


def test_unknown_page_is_html_in_the_readers_language(mixed_site: Site) -> None:
    response = _page(mixed_site, "/nope?lang=zh")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "页面不存在" in response.text
    api = _page(mixed_site, "/api/nope")
    assert api.status_code == 404 and api.json()["error"]["type"] == "NotFound"


def test_chinese_interface_font_is_a_small_subset(mixed_site: Site) -> None:
    response = _page(mixed_site, "/fonts/indmon-zh-interface.otf")
    assert response.status_code == 200
    assert 10_000 < len(response.content) < 1_000_000
    assert "中" in fonts.dashboard_characters() and "模" in fonts.dashboard_characters()
    assert 'rel="preload" href="/fonts/indmon-zh-interface.otf"' in _page(mixed_site, "/").text


@pytest.mark.parametrize("value,unit,lang,text", [
    (3, "month", "en", "3 months"), (1, "year", "en", "1 year"), (3, "month", "zh", "3个月"),
    (14, "year", "zh", "14年"), (12000, "count", "en", "12,000"),
    (1.8e12, "cny", "en", "1.8 trillion yuan"), (7.12e11, "cny", "en", "712 billion yuan"),
    (1.8e12, "cny", "zh", "1.8万亿元"), (7.12e11, "cny", "zh", "7120亿元"),
    (1.39e11, "usd", "en", "139 billion US dollars"), (1.0, "percentage_point", "en", "+1.0 pp"),
    (0.52, "percentage_point", "zh", "+0.52个百分点"), (2.2e9, "ton", "en", "2.2 billion tons"),
])
def test_numbers_read_as_people_write_them(value: float, unit: str, lang: str,
                                           text: str) -> None:
    assert i18n.number(value, unit, lang) == text


@pytest.mark.parametrize("period,en,zh", [
    ("2023", "2023", "2023年"), ("2023-Q1", "Q1 2023", "2023年一季度"),
    ("2023-12", "December 2023", "2023年12月"), ("2023-12-31", "end of 2023", "2023年末"),
    ("2023-01/2023-11", "Jan–Nov 2023", "2023年1-11月"),
])
def test_periods_are_named_in_words(period: str, en: str, zh: str) -> None:
    assert i18n.period_label(period, "en") == en
    assert i18n.period_label(period, "zh") == zh


# -- one report card: the dashboard and the briefing on REAL enterprise reports ------------------
HEADLINE = re.compile(r'class="headline" data-entry="(\d+)" data-period="([^"]+)" '
                      r'data-value="([^"]+)"')
CELL = re.compile(r'class="value" data-entry="(\d+)" data-period="([^"]+)" '
                  r'data-value="([^"]+)"')


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """Enterprise reports that are not simulated, imported and computed, next to
    published figures."""
    db = tmp_path_factory.mktemp("real") / "real.duckdb"
    build_real_store(db)
    url, running = start(db, WebConfig(public=True))
    yield Site(url, {}, db)
    stop(running)


def _dashboard_figures(html: str, origin: str) -> tuple[set[tuple[int, str, float]], ...]:
    """(obs id, period, value) of the whole-country figures and of the cells shown."""
    section = _section(html, origin)
    def read(found: list[tuple[str, str, str]]) -> set[tuple[int, str, float]]:
        return {(int(i), p, float(v)) for i, p, v in found}
    return read(HEADLINE.findall(section)), read(CELL.findall(section))


def _briefing_figures(store: Store, briefing: Briefing, origin: str
                      ) -> tuple[set[tuple[int, str, float]], ...]:
    shown = {i for s in briefing.sections if s.origin == origin for i in s.figures}
    figures = {f.obs_id: f for f in store.figures(origin=origin)}
    found = [figures[i] for i in shown]
    whole = {(f.obs_id, f.period.text, f.value) for f in found
             if f.industry == "ALL" and f.province == "ALL"}
    cells = {(f.obs_id, f.period.text, f.value) for f in found
             if not (f.industry == "ALL" and f.province == "ALL")}
    return whole, cells


@pytest.mark.parametrize("period", ["2023", "2023-06"])
def test_dashboard_and_briefing_show_the_same_figures_on_real_reports(
        real_site: Site, period: str) -> None:
    html = _page(real_site, f"/?period={period}&lang=en").text
    with Store.open(real_site.db, read_only=True) as store:
        briefing = build_briefing(store, period, "en")
        markdown = render_briefing(briefing, "md")
        for origin in ("published", "computed"):
            dash_whole, dash_cells = _dashboard_figures(html, origin)
            brief_whole, brief_cells = _briefing_figures(store, briefing, origin)
            if period == "2023" or origin == "computed":
                assert dash_whole, f"no {origin} figures on the dashboard for {period}"
            assert dash_whole == brief_whole, origin
            if origin == "published":
                assert dash_cells == brief_cells
            else:  # the dashboard lists a few cells per card; each is in the briefing's card
                card = build_card(store, period).section(Origin.COMPUTED)
                assert card is not None
                assert dash_cells <= {(e.obs_id, e.figure.period.text, e.value)
                                      for e in card.entries}
    assert isinstance(markdown, str)
    # real reports are computed, never published and never simulated
    assert _section(html, "simulated") == "" and "Simulated data" not in html
    computed = _section(html, "computed")
    assert "Computed from enterprise reports · " in computed and "Published" not in computed
    titles = [s.title for s in briefing.sections if s.origin == "computed"]
    assert titles and all(t.endswith("— Computed from enterprise reports") for t in titles)
    assert not briefing.simulated and "Simulated" not in markdown


def test_real_reports_latest_known_and_comparisons_agree(real_site: Site) -> None:
    html = _page(real_site, "/?period=2023&lang=en").text
    with Store.open(real_site.db, read_only=True) as store:
        card = build_card(store, "2023")
        markdown = render_briefing(build_briefing(store, "2023", "en"), "md")
    published = card.published
    assert published is not None
    telecom = published.get("telecom_revenue_yoy")
    assert telecom is not None and telecom.latest_known
    assert "latest known: January–November 2023" in _section(html, "published")
    assert "(latest known: January–November 2023)" in markdown
    computed = card.section(Origin.COMPUTED)
    assert computed is not None
    profit = computed.get("profit_ytd")
    assert profit is not None and profit.previous is not None
    assert profit.previous.period.text == "2022-12"  # the same kind of period a year earlier
    shown = _section(html, "computed")
    card_html = shown[shown.index('data-indicator="profit_ytd"'):]
    card_html = card_html[:card_html.index("</article>")]
    assert f'href="/provenance/{profit.previous.obs_id}"' in card_html
    assert "compared with 2022" in card_html


# -- alerts page ---------------------------------------------------------------------------------
def test_alerts_page_lists_open_work_first_and_hides_enterprises_from_the_public(
        tmp_path: Path) -> None:
    db = tmp_path / "alerts.duckdb"
    with Store.open(db) as store:
        save_alerts(store, [
            Alert("r1", "rule", "high", "2024-03", "Old high alert", "旧的高级预警"),
            Alert("r2", "rule", "low", "2024-02", "New low alert", "新的低级预警"),
            Alert("r3", "rule", "medium", "2024-03", "Enterprise E001 reported a loss",
                  "企业E001出现亏损", enterprise_id="E001", province="110000"),
        ])
        first = int(list_alerts(store, severity="high")["alert_id"].iloc[0])
        update_alert(store, first, "resolved", by="test")
    url, running = start(db, WebConfig(public=True))
    try:
        html = httpx.get(url + "/alerts?lang=en", timeout=30).text
    finally:
        stop(running)
    assert html.index("New low alert") < html.index("Old high alert")  # new before resolved
    assert "E001" not in html


def test_conflicting_sources_show_every_stated_value(tmp_path: Path) -> None:
    db = tmp_path / "conflict.duckdb"
    with Store.open(db) as store:
        store.record([NewObservation("va_ytd_yoy", "2023", 4.6, "percent")], PUBLISHED)
        store.record([NewObservation("va_ytd_yoy", "2023", 4.4, "percent")],
                     Source("other", publisher="A news agency", title="Industry in 2023",
                            published="2024-01-20"))
    url, running = start(db, WebConfig(public=True))
    try:
        html = httpx.get(url + "/?lang=en", timeout=30).text
    finally:
        stop(running)
    differs = html[html.index('<span class="differs">'):]
    differs = differs[:differs.index("</div>")]
    assert "sources differ" in differs and "4.6%" in differs and "4.4%" in differs
