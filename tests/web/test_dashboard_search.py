"""Search finds indicators by English and Chinese names, aliases and the words readers
use ("industrial production", 工业增加值, 5G, profits, 利润), ranks them sensibly, shows
each one's latest value and coverage and marks those without figures; the same list
comes as JSON, and the API's own search keeps its behaviour."""

from __future__ import annotations

import re

import httpx
import pytest

from indmon.catalogue import Catalogue
from indmon.web.dashboard import search
from indmon.web.dashboard.data import PREFERRED

from .dashboard_signals import browser, new_page, shot, signals_site
from .servers import Site

__all__ = ["browser", "signals_site"]  # fixtures used by the tests below


def _first(query: str) -> list[str]:
    return [ind.id for ind, _ in search.find_indicators(query, headline=PREFERRED)]


@pytest.mark.parametrize("query", ["industrial production", "工业增加值", "工业生产",
                                   "Industrial Value Added", "IP"])
def test_common_words_find_industrial_value_added_first(query: str) -> None:
    found = _first(query)
    assert found[0] in ("va_real_ytd_yoy", "va_ytd_yoy", "va_real_yoy", "va_yoy"), found[:5]


@pytest.mark.parametrize("query", ["profits", "profit", "利润", "Profit"])
def test_profit_finds_the_headline_profit_first(query: str) -> None:
    assert _first(query)[:2] == ["profit_ytd", "profit_ytd_yoy"]


def test_5g_finds_only_5g_indicators() -> None:
    found = _first("5G")
    assert "g5_base_stations" in found[:3]
    names = Catalogue.load().indicators
    assert all("5G" in names[i].name_en or "5G" in names[i].name_zh
               or any("5G" in a for a in names[i].aliases) for i in found)


def test_an_alias_and_a_plural_find_their_indicator() -> None:
    assert _first("NEV sales")[0] == "nev_sales"
    assert _first("losses")[0] == "loss_ytd"
    assert _first("亏损企业")[:2] in (["loss_making_ytd", "loss_ytd"],
                                     ["loss_ytd", "loss_making_ytd"])
    assert _first("no such thing at all") == []


def test_a_short_word_is_a_word_of_its_own() -> None:
    assert "revenue_ytd_yoy" not in _first("EV")  # the "ev" of revenue is no EV
    assert _first("EV")[0].startswith("nev_")
    assert not any(i.startswith("ipv6") for i in _first("IP"))


@pytest.mark.parametrize(("query", "province"), [("Guangdong", "440000"), ("广东", "440000"),
                                                 ("tokyo", None)])
def test_provinces_and_industries_are_found_by_either_name(query: str,
                                                           province: str | None) -> None:
    catalogue = Catalogue.load()
    found = [p.code for p in search.find_provinces(query, catalogue)]
    assert found == ([province] if province else [])
    assert [i.code for i in search.find_industries("汽车制造", catalogue)] == ["36"]
    assert [i.code for i in search.find_industries("automobiles", catalogue)] == ["36"]


def test_the_api_search_keeps_its_behaviour(signals_site: Site) -> None:
    found = httpx.get(f"{signals_site.url}/api/indicators", params={"q": "profit"},
                      timeout=30).json()
    assert [i["id"] for i in found] == [i.id for i in Catalogue.load().search("profit", 1000)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_search_as_json_gives_coverage_and_latest(signals_site: Site, lang: str) -> None:
    answer = httpx.get(f"{signals_site.url}/search", params={
        "q": "利润" if lang == "zh" else "profits", "format": "json", "lang": lang},
        timeout=30).json()
    first = answer["indicators"][0]
    assert first["id"] == "profit_ytd" and first["has_data"] is True
    assert (first["first"], first["last"], first["periods"]) == ("2022-02", "2023-12", 22)
    assert first["latest"]["period"] == "2023-12" and first["latest"]["origin"] == "published"
    assert first["latest"]["text"] == ("6.6万亿元" if lang == "zh" else "6.6 trillion yuan")
    empty = next(i for i in answer["indicators"] if i["id"] == "profit_ytd_yoy")
    assert empty["has_data"] is False and empty["latest"] is None


@pytest.mark.parametrize(("query", "province", "industry"), [
    ("广东", "440000", None), ("Guangdong", "440000", None), ("汽车制造", None, "36")])
def test_provinces_and_industries_link_to_their_own_pages(signals_site: Site, query: str,
                                                          province: str | None,
                                                          industry: str | None) -> None:
    page = httpx.get(f"{signals_site.url}/search", params={"q": query}, timeout=30).text
    answer = httpx.get(f"{signals_site.url}/search", params={"q": query, "format": "json"},
                       timeout=30).json()
    target = f"/provinces/{province}" if province else f"/industries/{industry}"
    assert f'href="{target}"' in page
    listed = answer["provinces"] if province else answer["industries"]
    assert target in [entry["url"] for entry in listed]
    assert httpx.get(f"{signals_site.url}{target}", timeout=30).status_code == 200


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "query", "latest", "coverage", "no_data"), [
    ("en", "industrial production", "Latest: ", "February 2022 – December 2023 · 22 periods",
     "no data"),
    ("zh", "工业增加值", "最新：", "2022年2月—2023年12月 · 共22期", "暂无数据"),
])
def test_search_box_lists_indicators_with_latest_figure_and_coverage(
        browser: object, signals_site: Site, lang: str, query: str, latest: str,
        coverage: str, no_data: str) -> None:
    page = new_page(browser, signals_site)
    page.goto(f"{signals_site.url}/?lang={lang}")  # type: ignore[attr-defined]
    page.fill("header .search input", query)  # type: ignore[attr-defined]
    page.press("header .search input", "Enter")  # type: ignore[attr-defined]
    page.wait_for_url("**/search?q=*")  # type: ignore[attr-defined]
    hits = page.locator("ul.results li.hit")  # type: ignore[attr-defined]
    first = hits.first
    assert first.get_attribute("data-indicator") == "va_ytd_yoy"  # the one with figures
    text = first.inner_text()
    assert latest in text and coverage in text, text
    assert re.search(r"4\.\d%", text)  # its latest value
    # an indicator the store has nothing of is marked so, after those with figures
    empty = page.locator("li.hit.no-data").first  # type: ignore[attr-defined]
    assert no_data in empty.inner_text()
    ranked = hits.evaluate_all("els => els.map(e => e.dataset.hasData)")
    assert ranked == sorted(ranked, key=lambda v: v != "true")
    shot(page, f"search-{lang}")
    first.locator(".hit-name a").click()
    page.wait_for_url("**/indicators/va_ytd_yoy")  # type: ignore[attr-defined]
    assert page.refused == []  # type: ignore[attr-defined]


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "query"), [("en", "profits"), ("zh", "利润"), ("en", "5G"),
                                             ("zh", "5G")])
def test_search_ranks_sensibly_in_both_languages(browser: object, signals_site: Site,
                                                 lang: str, query: str) -> None:
    page = new_page(browser, signals_site)
    page.goto(f"{signals_site.url}/search?q={query}&lang={lang}")  # type: ignore[attr-defined]
    ids = page.locator("li.hit").evaluate_all(  # type: ignore[attr-defined]
        "els => els.map(e => e.dataset.indicator)")
    if query == "5G":
        assert ids == _first("5G")  # the same list and order as the finder's
        assert page.locator("li.hit.no-data").count() == len(ids)  # type: ignore[attr-defined]
    else:
        assert ids[0] == "profit_ytd"
        name = page.locator("li.hit .hit-name a").first.inner_text()  # type: ignore[attr-defined]
        assert name == Catalogue.load().indicator("profit_ytd").name(lang)
