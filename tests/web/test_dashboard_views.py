"""What analysts do with an indicator page, in headless Chromium on a real server, in
English and Chinese: pick any province's and industry's series (and land on the
province's and the industry's own trends); download what a chart or table shows and
open the file; look at a figure as it was known on a date and at every vintage of it;
overlay cells, choose a range and a view, and restore all of it from a permalink or an
embedded chart. Screenshots land in tests/artifacts/screenshots/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from indmon.store import NewObservation, Source, Store
from indmon.web.app import WebConfig

from .dashboard_signals import SHOTS, browser, shot
from .servers import Site, add_people, start, stop

__all__ = ["browser"]  # the fixture the tests below use

pytestmark = pytest.mark.browser
LANGS = ("en", "zh")

GUANGDONG = "440000"
SICHUAN = "510000"
FEW = "fewer than 3 enterprises"
AUTOMOBILES = "36"
#: Guangdong's bureau states its growth to December 2023, then revises December
FIRST = Source("gd-2024-01-25", kind="release", publisher="Guangdong Provincial Bureau of "
               "Statistics", title="Guangdong industry, January-December 2023",
               published="2024-01-25", lang="en")
REVISION = Source("gd-2024-04-20", kind="release", publisher="Guangdong Provincial Bureau "
                  "of Statistics", title="Guangdong industry, first quarter of 2024",
                  published="2024-04-20", lang="en", revises=True)
NBS = Source("nbs-2024-04-17", kind="release", publisher="National Bureau of Statistics",
             title="Industrial production by division, March 2024", published="2024-04-17",
             lang="en")
MONTHS_2023 = [f"2023-{m:02d}" for m in range(3, 13)]
#: Guangdong's December 2023 figure: first stated, then revised
DECEMBER_FIRST, DECEMBER_REVISED = 5.9, 6.1
#: the whole words each language names the cells with
WORDS = {
    "en": {"province": "Guangdong", "industry": "Manufacture of automobiles",
           "whole": "China", "trends": "Trends", "vintages": "Vintages",
           "published": "Published", "simulated": "Simulated data"},
    "zh": {"province": "广东", "industry": "汽车制造业", "whole": "全国", "trends": "走势",
           "vintages": "版本", "published": "公开发布", "simulated": "模拟数据"},
}


def _record_views_figures(path: Path) -> None:
    """Published series of one province (with a revised December) and one industry."""
    with Store.open(path) as store:
        store.record([NewObservation("va_ytd_yoy", m, 5.0 + 0.1 * i, "percent",
                                     province=GUANGDONG)
                      for i, m in enumerate(MONTHS_2023)], FIRST)
        store.record([NewObservation("va_ytd_yoy", "2023-12", DECEMBER_REVISED, "percent",
                                     province=GUANGDONG),
                      NewObservation("va_ytd_yoy", "2024-02", 6.3, "percent",
                                     province=GUANGDONG),
                      NewObservation("va_ytd_yoy", "2024-03", 6.4, "percent",
                                     province=GUANGDONG)], REVISION)
        store.record([NewObservation("va_ytd_yoy", m, 10.0 - 0.2 * i, "percent",
                                     industry=AUTOMOBILES)
                      for i, m in enumerate([*MONTHS_2023, "2024-02"])], NBS)
        # Sichuan's computed March is confidential: its downloads leave it empty, and say why
        store.replace_disclosure(pd.DataFrame([
            {"period": "2024-03", "industry": "ALL", "province": SICHUAN,
             "status": "primary", "reason": FEW, "enterprises": 2, "top1_share": 0.7,
             "top2_share": 1.0}]), ["2024-03"], "compute-test")


@pytest.fixture(scope="module")
def views_site(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A public server over the shared test store plus the figures above."""
    db = tmp_path_factory.mktemp("views") / "views.duckdb"
    shutil.copy(seeded, db)
    _record_views_figures(db)
    tokens = add_people(db)
    url, running = start(db, WebConfig(public=True))
    yield Site(url, tokens, db)
    stop(running)


@pytest.fixture
def page(browser: object, views_site: Site) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900},  # type: ignore[attr-defined]
                                  accept_downloads=True)
    opened = context.new_page()
    outside: list[str] = []
    opened.on("request", lambda r: outside.append(r.url)
              if not r.url.startswith(views_site.url) else None)
    refused: list[str] = []
    opened.on("console", lambda m: refused.append(m.text)
              if "Content Security Policy" in m.text else None)
    yield opened
    context.close()
    assert outside == [], f"pages loaded from outside the server: {outside}"
    assert refused == [], f"the Content-Security-Policy refused: {refused}"


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def drawn_periods(page: object, origin: str) -> list[str]:
    """The periods of the chart's lines of ``origin``, as drawn."""
    groups = page.locator(f"#time-series svg g.series[data-origin={origin}]")  # type: ignore[attr-defined]
    return [p for i in range(groups.count())
            for p in groups.nth(i).get_attribute("data-periods").split()]


# -- 1. series for every cell ---------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_province_picker_shows_the_provinces_series(page: object, views_site: Site,
                                                    lang: str) -> None:
    words = WORDS[lang]
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?lang={lang}")  # type: ignore[attr-defined]
    page.select_option("#pick-province", GUANGDONG)  # type: ignore[attr-defined]
    page.click("#pick-show")  # type: ignore[attr-defined]
    page.wait_for_url("**province=440000**")  # type: ignore[attr-defined]
    assert query_of(page.url)["province"] == [GUANGDONG]  # type: ignore[attr-defined]
    heading = page.locator("#time-series h2").inner_text()  # type: ignore[attr-defined]
    assert words["province"] in heading and words["whole"] not in heading
    # the revised December, not the first statement; every month of the bureau's series
    assert drawn_periods(page, "published") == [*MONTHS_2023, "2024-02", "2024-03"]
    cells = page.locator("#series-table tbody td.n")  # type: ignore[attr-defined]
    assert cells.count() >= len(MONTHS_2023) + 2
    assert {cells.nth(i).get_attribute("data-province") for i in range(cells.count())} == {
        GUANGDONG}
    december = page.locator("#series-table tr[data-origin=published] "  # type: ignore[attr-defined]
                            "td[data-period='2023-12']")
    assert december.count() == 1 and december.inner_text().startswith("6.1%")
    assert page.locator("#pick-province").input_value() == GUANGDONG  # type: ignore[attr-defined]
    shot(page, f"indicator-province-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_industry_by_url_parameter(page: object, views_site: Site, lang: str) -> None:
    words = WORDS[lang]
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?industry={AUTOMOBILES}&lang={lang}")  # type: ignore[attr-defined]
    assert words["industry"] in page.locator("#time-series h2").inner_text()  # type: ignore[attr-defined]
    assert drawn_periods(page, "published") == [*MONTHS_2023, "2024-02"]
    # the simulated panel's March figure of the division is its own, dashed line
    assert drawn_periods(page, "simulated") == ["2024-03"]
    assert page.locator("#pick-industry").input_value() == AUTOMOBILES  # type: ignore[attr-defined]
    shot(page, f"indicator-industry-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_breakdown_rows_open_the_cells_series(page: object, views_site: Site,
                                              lang: str) -> None:
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?lang={lang}")  # type: ignore[attr-defined]
    page.locator("section[data-dimension=province] a.cell-link",  # type: ignore[attr-defined]
                 has_text=WORDS[lang]["province"]).first.click()
    page.wait_for_url("**province=440000**")  # type: ignore[attr-defined]
    assert drawn_periods(page, "published")[-1] == "2024-03"


@pytest.mark.parametrize("lang", LANGS)
def test_province_page_shows_its_own_trends(page: object, views_site: Site,
                                            lang: str) -> None:
    words = WORDS[lang]
    page.goto(f"{views_site.url}/provinces?lang={lang}")  # type: ignore[attr-defined]
    page.locator("a.cell-link", has_text=words["province"]).first.click()  # type: ignore[attr-defined]
    page.wait_for_url(f"**/provinces/{GUANGDONG}**")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == words["province"]  # type: ignore[attr-defined]
    trend = page.locator("#trends article[data-indicator=va_ytd_yoy]")  # type: ignore[attr-defined]
    periods = trend.locator("g.series[data-origin=published]").get_attribute("data-periods")
    assert periods.split() == [*MONTHS_2023, "2024-02", "2024-03"]
    assert trend.locator("g.series[data-origin=simulated]").count() == 1
    assert words["simulated"] in trend.locator("h3").inner_text()
    shot(page, f"province-page-{lang}")
    rows = read_csv(download(page, "#trends article[data-indicator=va_ytd_yoy] "
                                   "a[data-format=csv]"))
    assert [r[HEADINGS[lang][6]] for r in rows if r[HEADINGS[lang][10]] == "published"] == (
        periods.split())
    assert {r[HEADINGS[lang][2]] for r in rows} == {GUANGDONG}
    trend.locator("h3 a").click()
    page.wait_for_url("**/indicators/va_ytd_yoy?province=440000**")  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGS)
def test_industry_page_shows_its_own_trends(page: object, views_site: Site,
                                            lang: str) -> None:
    words = WORDS[lang]
    page.goto(f"{views_site.url}/industries?lang={lang}")  # type: ignore[attr-defined]
    page.locator("tr[data-industry='36'] a.cell-link").click()  # type: ignore[attr-defined]
    page.wait_for_url(f"**/industries/{AUTOMOBILES}**")  # type: ignore[attr-defined]
    assert words["industry"] in page.locator("h1").inner_text()  # type: ignore[attr-defined]
    cards = page.locator("#trends article")  # type: ignore[attr-defined]
    shown = {cards.nth(i).get_attribute("data-indicator") for i in range(cards.count())}
    # the seeded panel has three indicators for the division, the bureau one of them
    assert shown == {"va_ytd_yoy", "va_yoy", "va_contribution_pp"}
    published = page.locator("#trends article[data-indicator=va_ytd_yoy] "  # type: ignore[attr-defined]
                             "g.series[data-origin=published]").get_attribute("data-periods")
    assert published.split() == [*MONTHS_2023, "2024-02"]
    shot(page, f"industry-page-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_cell_says_which_codes_exist(page: object, views_site: Site,
                                             lang: str) -> None:
    response = page.goto(f"{views_site.url}/indicators/va_ytd_yoy?province=999999"  # type: ignore[attr-defined]
                         f"&lang={lang}")
    assert response.status == 404
    assert "999999" in page.locator("main").inner_text()  # type: ignore[attr-defined]
    response = page.goto(f"{views_site.url}/provinces/999999?lang={lang}")  # type: ignore[attr-defined]
    assert response.status == 404


# -- 2. downloads -------------------------------------------------------------------------
#: the column headings of a series download, by language
HEADINGS = {
    "en": ["indicator", "indicator name", "province", "province name", "industry",
           "industry name", "period", "period name", "value", "unit", "origin", "simulated",
           "vintage", "sources", "obs_id", "suppressed"],
    "zh": ["指标代码", "指标名称", "地区代码", "地区名称", "行业代码", "行业名称", "时期",
           "时期名称", "数值", "单位", "数据类型", "模拟数据", "版本时间", "来源", "观测值编号",
           "不公布原因"],
}
TRUE = {"en": "true", "zh": "是"}


def download(page: object, selector: str) -> bytes:
    """Click a download link and read the file the browser saved."""
    with page.expect_download() as info:  # type: ignore[attr-defined]
        page.click(selector)  # type: ignore[attr-defined]
    return Path(info.value.path()).read_bytes()


def read_csv(body: bytes) -> list[dict[str, str]]:
    import csv
    import io

    assert body.startswith("\ufeff".encode())  # spreadsheets need the mark for Chinese
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def table_values(page: object) -> dict[tuple[str, str], str]:
    """(origin, period) -> the value as the page's series table shows it."""
    cells = page.locator("#series-table tbody td.n")  # type: ignore[attr-defined]
    rows = page.locator("#series-table tbody tr")  # type: ignore[attr-defined]
    return {(rows.nth(i).get_attribute("data-origin"), cells.nth(i).get_attribute(
        "data-period")): cells.nth(i).get_attribute("data-sort") for i in range(rows.count())}


@pytest.mark.parametrize("lang", LANGS)
def test_csv_and_json_hold_exactly_what_the_chart_shows(page: object, views_site: Site,
                                                         lang: str) -> None:
    words = WORDS[lang]
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?province={GUANGDONG}&lang={lang}")  # type: ignore[attr-defined]
    shown = table_values(page)
    rows = read_csv(download(page, "#chart-downloads a[data-format=csv]"))
    heading = HEADINGS[lang]
    assert list(rows[0]) == heading
    got = {(r[heading[10]], r[heading[6]]): r[heading[8]] for r in rows}
    assert {k: float(v) for k, v in got.items()} == {k: float(v) for k, v in shown.items()}
    published = [r for r in rows if r[heading[10]] == "published"]
    assert [r[heading[6]] for r in published] == drawn_periods(page, "published")
    assert all(r[heading[3]] == words["province"] and r[heading[5]] != "" and
               r[heading[9]] == "%" for r in rows)
    december = next(r for r in published if r[heading[6]] == "2023-12")
    assert float(december[heading[8]]) == DECEMBER_REVISED
    assert "Guangdong Provincial Bureau of Statistics" in december[heading[13]]
    assert "2024-04-20" in december[heading[13]]
    assert december[heading[11]] != TRUE[lang]
    simulated = [r for r in rows if r[heading[10]] == "simulated"]
    assert simulated and all(r[heading[11]] == TRUE[lang] for r in simulated)
    body = download(page, "#chart-downloads a[data-format=json]")
    import json

    meta = json.loads(body)
    assert meta["simulated"] is True and len(meta["rows"]) == len(rows)
    assert {s["publisher"] for s in meta["sources"]} >= {
        "Guangdong Provincial Bureau of Statistics", "indmon"}
    assert "province=440000" in meta["about"][{"en": "Address", "zh": "地址"}[lang]]


@pytest.mark.parametrize("lang", LANGS)
def test_xlsx_opens_with_data_and_metadata(page: object, views_site: Site, lang: str) -> None:
    import io

    from openpyxl import load_workbook

    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?industry={AUTOMOBILES}&lang={lang}")  # type: ignore[attr-defined]
    shown = table_values(page)
    book = load_workbook(io.BytesIO(download(page, "#chart-downloads a[data-format=xlsx]")))
    data, about = book.worksheets
    rows = list(data.iter_rows(values_only=True))
    assert list(rows[0]) == HEADINGS[lang]
    assert {(r[10], r[6]): float(r[8]) for r in rows[1:]} == {
        k: float(v) for k, v in shown.items()}
    assert all(r[4] == AUTOMOBILES and r[5] == WORDS[lang]["industry"] for r in rows[1:])
    lines = [" ".join(str(c) for c in r if c is not None)
             for r in about.iter_rows(values_only=True)]
    text = "\n".join(lines)
    assert lines[0].startswith({"en": "Value added", "zh": "规模以上工业增加值"}[lang])
    assert "National Bureau of Statistics Industrial production by division, March 2024 " \
        "2024-04-17" in text
    assert f"industry={AUTOMOBILES}" in text
    assert {"en": "not from official statistics", "zh": "并非官方统计数据"}[lang] in text


@pytest.mark.parametrize("lang", LANGS)
def test_svg_and_png_carry_title_unit_and_source_line(page: object, views_site: Site,
                                                       lang: str, tmp_path: Path) -> None:
    import struct
    import xml.etree.ElementTree as ET

    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?province={GUANGDONG}&lang={lang}")  # type: ignore[attr-defined]
    body = download(page, "#chart-downloads a[data-format=svg]")
    root = ET.fromstring(body)
    ns = "{http://www.w3.org/2000/svg}"
    texts = {t.get("class"): " ".join(t.itertext()) for t in root.iter(f"{ns}text")}
    title = page.locator("h1").inner_text()  # type: ignore[attr-defined]
    assert texts["title"] == title
    assert texts["subtitle"].startswith({"en": "Unit: %", "zh": "单位: %"}[lang])
    assert WORDS[lang]["province"] in texts["subtitle"]
    assert "Guangdong Provincial Bureau of Statistics" in texts["source-line"]
    assert texts["source-line"].startswith({"en": "Sources:", "zh": "来源:"}[lang])
    drawn = [g.get("data-periods") for g in root.iter(f"{ns}g")
             if g.get("data-origin") == "published"]
    assert drawn[0].split() == drawn_periods(page, "published")
    style = root.find(f"{ns}style")
    assert style is not None  # styled without the dashboard's CSS, with its own glyphs
    assert ("@font-face" in style.text) is (lang == "zh")
    svg_file = tmp_path / "chart.svg"
    svg_file.write_bytes(body)
    viewer = page.context.new_page()  # type: ignore[attr-defined]
    viewer.goto(svg_file.as_uri())
    viewer.evaluate("document.fonts.ready.then(() => true)")
    viewer.screenshot(path=str(SHOTS / f"download-chart-svg-{lang}.png"))
    viewer.close()
    png = download(page, "#chart-downloads a[data-format=png]")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (960, 528)
    (SHOTS / f"download-chart-png-{lang}.png").write_bytes(png)
    from matplotlib import image

    pixels = image.imread(str(SHOTS / f"download-chart-png-{lang}.png"))
    assert len({tuple(p) for p in pixels.reshape(-1, pixels.shape[-1])[::97]}) > 20


@pytest.mark.parametrize("lang", LANGS)
def test_province_ranking_and_industry_table_download(page: object, views_site: Site,
                                                      lang: str) -> None:
    import io

    from openpyxl import load_workbook

    page.goto(f"{views_site.url}/provinces?lang={lang}")  # type: ignore[attr-defined]
    ranking = page.locator("table.data tbody tr")  # type: ignore[attr-defined]
    names = [ranking.nth(i).locator("td").nth(1).inner_text() for i in range(ranking.count())]
    rows = read_csv(download(page, "#ranking-downloads a[data-format=csv]"))
    rank, name = {"en": ("rank", "province name"), "zh": ("排名", "地区名称")}[lang]
    assert [r[name] for r in rows] == names
    assert [int(r[rank]) for r in rows] == list(range(1, len(names) + 1))
    shot(page, f"provinces-downloads-{lang}")
    page.goto(f"{views_site.url}/industries?lang={lang}")  # type: ignore[attr-defined]
    book = load_workbook(io.BytesIO(download(page, "#table-downloads a[data-format=xlsx]")))
    data = list(book.worksheets[0].iter_rows(values_only=True))
    shown = page.locator("#industries-table tbody a.num")  # type: ignore[attr-defined]
    ids = {int(shown.nth(i).get_attribute("data-obs")) for i in range(shown.count())}
    assert {int(r[14]) for r in data[1:]} == ids
    shot(page, f"industries-downloads-{lang}")


# -- 3. vintages ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_as_of_picker_shows_the_figures_known_then(page: object, views_site: Site,
                                                   lang: str) -> None:
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?province={GUANGDONG}&lang={lang}")  # type: ignore[attr-defined]
    days = page.locator("#vintage-days a")  # type: ignore[attr-defined]
    listed = [days.nth(i).get_attribute("data-as-of") for i in range(days.count())]
    # the two releases and the simulated panel's computation, newest first
    assert listed == ["2024-04-20", "2024-04-16", "2024-01-25"]
    page.fill("#pick-as-of", "2024-02-01")  # type: ignore[attr-defined]
    page.click("#pick-show")  # type: ignore[attr-defined]
    page.wait_for_url("**as_of=2024-02-01**")  # type: ignore[attr-defined]
    assert query_of(page.url)["province"] == [GUANGDONG]  # type: ignore[attr-defined]
    assert "2024-02-01" in page.locator("#as-of-note").inner_text()  # type: ignore[attr-defined]
    # known then: the first statement of December, no 2024 figures, no computation yet
    assert drawn_periods(page, "published") == MONTHS_2023
    assert drawn_periods(page, "simulated") == []
    assert float(table_values(page)[("published", "2023-12")]) == DECEMBER_FIRST
    rows = read_csv(download(page, "#chart-downloads a[data-format=csv]"))
    period, value = HEADINGS[lang][6], HEADINGS[lang][8]
    assert {r[period]: float(r[value]) for r in rows}["2023-12"] == DECEMBER_FIRST
    assert [r[period] for r in rows] == MONTHS_2023
    shot(page, f"indicator-as-of-{lang}")
    page.locator("#as-of-note a").click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert "as_of" not in query_of(page.url)  # type: ignore[attr-defined]
    assert float(table_values(page)[("published", "2023-12")]) == DECEMBER_REVISED


@pytest.mark.parametrize("lang", LANGS)
def test_the_province_map_shows_the_figures_known_on_a_date(page: object, views_site: Site,
                                                            lang: str) -> None:
    base = (f"{views_site.url}/provinces?indicator=va_ytd_yoy&period=2023-12"
            f"&origin=published&lang={lang}")
    page.goto(base)  # type: ignore[attr-defined]
    link = f"table.data tr[data-province='{GUANGDONG}'] td[data-value]"
    assert float(page.locator(link).get_attribute("data-value")) == DECEMBER_REVISED  # type: ignore[attr-defined]
    page.fill("#pick-as-of", "2024-02-01")  # type: ignore[attr-defined]
    page.locator("form.filters button").click()  # type: ignore[attr-defined]
    page.wait_for_url("**as_of=2024-02-01**")  # type: ignore[attr-defined]
    assert "2024-02-01" in page.locator("#as-of-note").inner_text()  # type: ignore[attr-defined]
    assert float(page.locator(link).get_attribute("data-value")) == DECEMBER_FIRST  # type: ignore[attr-defined]
    rows = read_csv(download(page, "#ranking-downloads a[data-format=csv]"))
    assert DECEMBER_FIRST in [float(v) for r in rows for v in r.values()
                              if v.replace(".", "", 1).isdigit()]
    shot(page, f"provinces-as-of-{lang}")
    page.locator("#as-of-note a").click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert "as_of" not in query_of(page.url)  # type: ignore[attr-defined]
    assert float(page.locator(link).get_attribute("data-value")) == DECEMBER_REVISED  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGS)
def test_provenance_lists_each_vintage_with_its_source(page: object, views_site: Site,
                                                       lang: str) -> None:
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?province={GUANGDONG}&lang={lang}")  # type: ignore[attr-defined]
    page.locator("#series-table tr[data-origin=published] td[data-period='2023-12'] "  # type: ignore[attr-defined]
                 "a.num").click()
    page.wait_for_url("**/provenance/*")  # type: ignore[attr-defined]
    assert WORDS[lang]["vintages"] in page.locator("#vintages h2").inner_text()  # type: ignore[attr-defined]
    rows = page.locator("#vintage-table tbody tr")  # type: ignore[attr-defined]
    assert rows.count() == 2
    first, second = rows.nth(0), rows.nth(1)
    assert first.get_attribute("data-vintage") == "2024-01-25"
    assert second.get_attribute("data-vintage") == "2024-04-20"
    assert "5.9%" in first.inner_text() and "6.1%" in second.inner_text()
    assert "Guangdong industry, January-December 2023" in first.locator(
        ".vintage-sources").inner_text()
    assert "first quarter of 2024" in second.locator(".vintage-sources").inner_text()
    assert "+0.2" in second.locator("td").nth(2).inner_text()
    assert second.get_attribute("class") == "current-vintage"
    shot(page, f"provenance-vintages-{lang}")
    listed = read_csv(download(page, "#vintage-downloads a[data-format=csv]"))
    vintage, value, sources = ({"en": "vintage", "zh": "版本时间"}[lang],
                               HEADINGS[lang][8], HEADINGS[lang][13])
    assert [(r[vintage], float(r[value])) for r in listed] == [
        ("2024-01-25", DECEMBER_FIRST), ("2024-04-20", DECEMBER_REVISED)]
    assert "January-December 2023" in listed[0][sources]
    assert "first quarter of 2024, 2024-04-20" in listed[1][sources]
    first.locator("a.as-of-link").click()
    page.wait_for_url("**as_of=2024-01-25**")  # type: ignore[attr-defined]
    assert query_of(page.url)["province"] == [GUANGDONG]  # type: ignore[attr-defined]
    assert float(table_values(page)[("published", "2023-12")]) == DECEMBER_FIRST


# -- 4. comparisons, ranges, views, permalinks, embedding -----------------------------------
def legend_labels(page: object) -> list[str]:
    """The whole label of each line (its title; the legend may cut a long one)."""
    labels = page.locator("#time-series svg g.series > title")  # type: ignore[attr-defined]
    return [labels.nth(i).text_content() for i in range(labels.count())]


@pytest.mark.parametrize("lang", LANGS)
def test_compare_overlays_cells_and_removes_them(page: object, views_site: Site,
                                                 lang: str) -> None:
    words = WORDS[lang]
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?province={GUANGDONG}&lang={lang}")  # type: ignore[attr-defined]
    page.select_option("#add-industry", AUTOMOBILES)  # type: ignore[attr-defined]
    page.click("#compare-add")  # type: ignore[attr-defined]
    page.wait_for_url("**compare=**")  # type: ignore[attr-defined]
    query = query_of(page.url)  # type: ignore[attr-defined]
    assert query["province"] == [GUANGDONG] and query["compare"] == [f"ALL:{AUTOMOBILES}"]
    published = page.locator("#time-series svg g.series[data-origin=published]")  # type: ignore[attr-defined]
    assert [published.nth(i).get_attribute("data-periods").split()
            for i in range(published.count())] == [
        [*MONTHS_2023, "2024-02", "2024-03"], [*MONTHS_2023, "2024-02"]]
    labels = legend_labels(page)
    assert any(label.startswith(words["province"]) for label in labels)
    assert any(words["industry"] in label and label.startswith(words["whole"])
               for label in labels)
    # each line its own colour
    inks = page.locator("#time-series svg path.line")  # type: ignore[attr-defined]
    classes = [inks.nth(i).get_attribute("class").split()[-1] for i in range(inks.count())]
    assert len(set(classes)) == len(classes)
    # the comparison's download holds both cells
    rows = read_csv(download(page, "#chart-downloads a[data-format=csv]"))
    cells = {(r[HEADINGS[lang][2]], r[HEADINGS[lang][4]]) for r in rows}
    assert cells == {(GUANGDONG, "ALL"), ("ALL", AUTOMOBILES)}
    shot(page, f"indicator-compare-{lang}")
    page.locator("#compare-list .chip[data-cell='ALL:36'] a.remove").click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert "compare" not in query_of(page.url)  # type: ignore[attr-defined]
    assert query_of(page.url)["province"] == [GUANGDONG]  # type: ignore[attr-defined]
    assert page.locator("#compare-list").count() == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGS)
def test_compare_another_indicator_of_the_same_unit(page: object, views_site: Site,
                                                    lang: str) -> None:
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?lang={lang}")  # type: ignore[attr-defined]
    page.select_option("#add-indicator", "va_yoy")  # type: ignore[attr-defined]
    page.click("#compare-add")  # type: ignore[attr-defined]
    page.wait_for_url("**compare=**")  # type: ignore[attr-defined]
    assert query_of(page.url)["compare"] == ["va_yoy@ALL:ALL"]  # type: ignore[attr-defined]
    name = {"en": "Value added of industrial enterprises above designated size, growth year "
                  "on year (month)", "zh": "规模以上工业增加值同比增速（当月）"}[lang]
    assert any(label.startswith(name + " · ") for label in legend_labels(page))
    assert name in page.locator("#compare-list").inner_text()  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGS)
def test_range_and_view_switch_keep_the_cells(page: object, views_site: Site,
                                              lang: str) -> None:
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?province={GUANGDONG}&lang={lang}")  # type: ignore[attr-defined]
    page.fill("#pick-from", "2023-06")  # type: ignore[attr-defined]
    page.fill("#pick-to", "2023-12")  # type: ignore[attr-defined]
    page.click("#pick-show")  # type: ignore[attr-defined]
    page.wait_for_url("**from=2023-06**")  # type: ignore[attr-defined]
    query = query_of(page.url)  # type: ignore[attr-defined]
    assert (query["from"], query["to"], query["province"]) == (["2023-06"], ["2023-12"],
                                                               [GUANGDONG])
    assert drawn_periods(page, "published") == MONTHS_2023[3:]
    # the family's views the catalogue has: growth of the month and year to date
    switch = page.locator("#view-switch a")  # type: ignore[attr-defined]
    assert [switch.nth(i).get_attribute("data-view") for i in range(switch.count())] == [
        "yoy", "ytd_yoy"]
    assert page.locator("#view-switch a.current").get_attribute("data-view") == "ytd_yoy"  # type: ignore[attr-defined]
    page.click("#view-switch a[data-view=yoy]")  # type: ignore[attr-defined]
    page.wait_for_url("**view=yoy**")  # type: ignore[attr-defined]
    query = query_of(page.url)  # type: ignore[attr-defined]
    assert (query["from"], query["province"]) == (["2023-06"], [GUANGDONG])
    heading = page.locator("h1").inner_text()  # type: ignore[attr-defined]
    assert heading == {"en": "Value added of industrial enterprises above designated size, "
                             "growth year on year (month)",
                       "zh": "规模以上工业增加值同比增速（当月）"}[lang]
    # the panel has no Guangdong month-on-year figure in the range: nothing is made up
    assert page.locator("#no-figures").is_visible()  # type: ignore[attr-defined]
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?view=yoy&from=2023-06&to=2023-12"  # type: ignore[attr-defined]
              f"&lang={lang}")
    assert drawn_periods(page, "simulated") == MONTHS_2023[3:]
    shot(page, f"indicator-view-yoy-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_permalink_restores_the_whole_view(page: object, views_site: Site,
                                           lang: str) -> None:
    view = (f"/indicators/va_ytd_yoy?province={GUANGDONG}&from=2023-06&to=2024-03"
            f"&as_of=2024-04-30&compare=ALL:{AUTOMOBILES}&lang={lang}")
    page.goto(views_site.url + view)  # type: ignore[attr-defined]
    before = (legend_labels(page), drawn_periods(page, "published"))
    link = page.locator("#permalink").input_value()  # type: ignore[attr-defined]
    assert link.startswith(views_site.url) and "lang=" not in link
    fresh = page.context.new_page()  # type: ignore[attr-defined]
    fresh.goto(link + f"&lang={lang}")
    assert (legend_labels(fresh), drawn_periods(fresh, "published")) == before
    assert fresh.locator("#pick-province").input_value() == GUANGDONG
    assert fresh.locator("#pick-from").input_value() == "2023-06"
    assert fresh.locator("#pick-to").input_value() == "2024-03"
    assert fresh.locator("#pick-as-of").input_value() == "2024-04-30"
    assert fresh.locator("#compare-list .chip[data-cell='ALL:36']").count() == 1
    fresh.close()


@pytest.fixture(scope="module")
def other_site(views_site: Site) -> Iterator[str]:
    """Another site (another origin) whose page frames the embeddable chart."""
    import http.server
    import threading

    from .servers import free_port

    class Framing(http.server.BaseHTTPRequestHandler):
        """Serves a page holding the embed code it is given, as a reader pastes it."""

        def do_GET(self) -> None:  # the standard library's name
            from urllib.parse import unquote

            code = unquote(self.path.removeprefix("/frame?code="))
            body = (f'<!doctype html><title>another site</title><h1>another site</h1>'
                    f'{code}').encode()
            self.send_response(200)
            self.send_header("content-type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Framing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


@pytest.mark.parametrize("lang", LANGS)
def test_embedded_chart_shows_in_another_site(browser: object, views_site: Site,
                                               other_site: str, lang: str) -> None:
    from urllib.parse import quote

    context = browser.new_context(viewport={"width": 900, "height": 760})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?province={GUANGDONG}"
              f"&compare=ALL:{AUTOMOBILES}&lang={lang}")
    code = page.locator("#embed-code").input_value()
    src = code.split('src="', 1)[1].split('"', 1)[0]
    assert src.startswith(f"{views_site.url}/embed/indicators/va_ytd_yoy?")
    pasted = code.replace(src, src + f"&lang={lang}")
    page.goto(f"{other_site}/frame?code={quote(pasted, safe='')}")
    frame = page.frame_locator("iframe")
    title = {"en": "Value added of industrial enterprises above designated size, growth year "
                   "on year (year to date)", "zh": "规模以上工业增加值同比增速（累计）"}[lang]
    assert frame.locator("h1").inner_text() == title
    assert frame.locator("#embed-subtitle").inner_text().startswith(
        {"en": "Unit: %", "zh": "单位: %"}[lang])
    assert "Guangdong Provincial Bureau of Statistics" in frame.locator(
        "#embed-source").inner_text()
    assert frame.locator("svg g.series[data-origin=published]").count() == 2
    assert frame.locator(".banner.simulated").count() == 1
    assert frame.locator("#embed-open").get_attribute("href").startswith(
        f"{views_site.url}/indicators/va_ytd_yoy?province={GUANGDONG}")
    # the pasted frame is tall enough for the whole chart, its source and its link
    inside = frame.locator("#embed-open").evaluate(
        "a => a.getBoundingClientRect().bottom <= window.innerHeight")
    assert inside
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / f"embed-in-another-site-{lang}.png"), full_page=True)
    context.close()
    import httpx

    headers = httpx.get(src).headers
    assert "frame-ancestors *" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    # every other page stays unframeable
    page_headers = httpx.get(f"{views_site.url}/indicators/va_ytd_yoy").headers
    assert "frame-ancestors 'none'" in page_headers["content-security-policy"]


@pytest.mark.parametrize("lang", LANGS)
def test_breakdown_tables_download_as_shown(page: object, views_site: Site,
                                            lang: str) -> None:
    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?lang={lang}")  # type: ignore[attr-defined]
    for dimension, column in (("province", 3), ("industry", 5)):
        part = page.locator(f"section[data-dimension={dimension}]").first  # type: ignore[attr-defined]
        links = part.locator("table a.num")
        shown = {int(links.nth(i).get_attribute("data-obs")) for i in range(links.count())}
        rows = read_csv(download(page, f"section[data-dimension={dimension}] "
                                       ".part-downloads a[data-format=csv]"))
        assert {int(r[HEADINGS[lang][14]]) for r in rows} == shown
        names = part.locator("table a.cell-link")
        assert {r[HEADINGS[lang][column]] for r in rows} == {
            names.nth(i).inner_text() for i in range(names.count())}


@pytest.mark.parametrize("lang", LANGS)
def test_views_the_page_cannot_draw_say_why(page: object, views_site: Site,
                                            lang: str) -> None:
    response = page.goto(f"{views_site.url}/indicators/va_ytd_yoy?view=level&lang={lang}")  # type: ignore[attr-defined]
    assert response.status == 404
    assert "yoy, ytd_yoy" in page.locator("main").inner_text()  # type: ignore[attr-defined]
    response = page.goto(f"{views_site.url}/indicators/va_ytd_yoy?compare=profit_ytd@ALL:ALL"  # type: ignore[attr-defined]
                         f"&lang={lang}")
    assert response.status == 400
    assert "one unit" in page.locator("main").inner_text()  # type: ignore[attr-defined]
    response = page.goto(f"{views_site.url}/indicators/va_ytd_yoy?from=2024-03&to=2023-01"  # type: ignore[attr-defined]
                         f"&lang={lang}")
    assert response.status == 400
    assert "earlier month first" in page.locator("main").inner_text()  # type: ignore[attr-defined]
    response = page.goto(f"{views_site.url}/indicators/va_ytd_yoy/download.pdf?lang={lang}")  # type: ignore[attr-defined]
    assert response.status == 404
    assert "csv, xlsx, json, svg, png" in page.locator("main").inner_text()  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGS)
def test_a_confidential_cell_downloads_empty_and_says_why(page: object, views_site: Site,
                                                          lang: str) -> None:
    import io

    from openpyxl import load_workbook

    page.goto(f"{views_site.url}/indicators/va_ytd_yoy?province={SICHUAN}&lang={lang}")  # type: ignore[attr-defined]
    rows = read_csv(download(page, "#chart-downloads a[data-format=csv]"))
    heading = HEADINGS[lang]
    march = [r for r in rows if r[heading[6]] == "2024-03"]
    assert len(march) == 1 and march[0][heading[8]] == "" and march[0][heading[15]] == FEW
    book = load_workbook(io.BytesIO(download(page, "#chart-downloads a[data-format=xlsx]")))
    [row] = [r for r in book.worksheets[0].iter_rows(values_only=True) if r[6] == "2024-03"]
    assert row[8] in (None, "") and row[15] == FEW
