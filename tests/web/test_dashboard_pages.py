"""Dashboard pages over a real server: the report card keeps published and computed
figures apart and orders periods by the months they cover, numbers read as people
write them, unknown pages answer with a page in the reader's language."""

from __future__ import annotations

import httpx
import pytest

from indmon.store import NewObservation, Source, Store
from indmon.web.app import WebConfig
from indmon.web.dashboard import fonts, i18n

from .servers import Site, start, stop

PUBLISHED = Source("release-2024", kind="release", publisher="A statistics office",
                   title="Industry in 2023", published="2024-01-17", lang="en")
PANEL = Source("panel", kind="computation", publisher="indmon", title="Computed",
               published="2024-02-01", simulated=True)


@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Published 2022, 2023 and 2023-Q1 figures next to simulated monthly ones."""
    db = tmp_path_factory.mktemp("mixed") / "mixed.duckdb"
    with Store.open(db) as store:
        store.record([NewObservation("va_ytd_yoy", "2022", 3.6, "percent"),
                      NewObservation("va_ytd_yoy", "2023", 4.6, "percent"),
                      NewObservation("va_ytd_yoy", "2023-Q1", 3.0, "percent"),
                      NewObservation("pmi_expansion_streak", "2023-03", 3, "month"),
                      NewObservation("three_new_exports", "2023", 1.06e12, "cny")], PUBLISHED)
        computed = [NewObservation(ind, f"2023-{m:02d}", value + m / 10, "percent")
                    for m in range(2, 13)
                    for ind, value in (("va_ytd_yoy", 1.0), ("va_real_ytd_yoy", 3.4))]
        store.record(computed, PANEL)
    url, running = start(db, WebConfig(public=True))
    yield Site(url, {}, db)
    stop(running)


def _page(site: Site, path: str) -> httpx.Response:
    return httpx.get(site.url + path, timeout=30)


def _section(html: str, name: str) -> str:
    """The published or the computed part of the report card page."""
    published, _, computed = html.partition('<section class="report computed"')
    return published[published.find('<section class="report published"'):] if (
        name == "published") else computed


def test_report_card_leads_with_the_latest_year_compared_with_the_year_before(
        mixed_site: Site) -> None:
    html = _page(mixed_site, "/?lang=en").text
    published = _section(html, "published")
    assert "Published figures · 2023" in published
    assert "4.6%" in published and "compared with 2022" in published and "3.6%" in published
    assert "+1.0 pp" in published
    assert "Simulated data" not in published
    assert "Q1 2023" not in published and "3.0%" not in published


def test_computed_figures_stand_apart_at_comparable_prices(mixed_site: Site) -> None:
    html = _page(mixed_site, "/?lang=en").text
    computed = _section(html, "computed")
    assert "Computed from enterprise reports (simulated) · December 2023" in computed
    assert 'data-indicator="va_real_ytd_yoy"' in computed
    assert 'data-indicator="va_ytd_yoy"' not in computed  # the nominal twin gives way
    assert "compared with November 2023" in computed


def test_period_picks_a_quarter_ordered_by_its_last_month(mixed_site: Site) -> None:
    html = _page(mixed_site, "/?lang=en&period=2023-Q1").text
    published = _section(html, "published")
    assert "Published figures · Q1 2023" in published and "3.0%" in published
    assert "3 months" in published
    assert "March 2023" in _section(html, "computed")
    options = html[html.index("<select"):html.index("</select>")]
    assert options.index(">2023<") < options.index(">Q1 2023<") < options.index(">2022<")


def test_unknown_period_is_a_page_not_a_crash(mixed_site: Site) -> None:
    response = _page(mixed_site, "/?period=2019&lang=en")
    assert response.status_code == 404
    assert "no figures for period &#39;2019&#39;" in response.text


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
    (1.8e12, "cny", "en", "1.8 tn yuan"), (7.12e11, "cny", "en", "712 bn yuan"),
    (1.8e12, "cny", "zh", "1.8万亿元"), (7.12e11, "cny", "zh", "7,120亿元"),
    (1.39e11, "usd", "en", "US$139 bn"), (1.0, "percentage_point", "en", "+1.0 pp"),
    (0.52, "percentage_point", "zh", "+0.52个百分点"), (2.2e9, "ton", "en", "2.2 bn tons"),
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
