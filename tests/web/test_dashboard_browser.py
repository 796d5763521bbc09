"""The dashboard in headless Chromium: pages render, the language switches and sticks,
numbers lead to their provenance, analysts act on alerts. Screenshots land in
tests/artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .servers import Site

playwright_api = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).parents[1] / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object, public_site: Site) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    opened = context.new_page()
    outside: list[str] = []
    opened.on("request", lambda r: outside.append(r.url)
              if not r.url.startswith(public_site.url) else None)
    # what the Content-Security-Policy refused: the pages must need nothing it forbids
    refused: list[str] = []
    opened.on("console", lambda m: refused.append(m.text)
              if "Content Security Policy" in m.text else None)
    yield opened
    context.close()
    assert outside == [], f"pages loaded from outside the server: {outside}"
    assert refused == [], f"the Content-Security-Policy refused: {refused}"


def shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    # the Chinese font loads on first use; wait so the screenshot shows the glyphs
    page.evaluate("document.fonts.load('16px \"indmon CJK\"', '中文')")  # type: ignore[attr-defined]
    page.evaluate("document.fonts.ready.then(() => true)")  # type: ignore[attr-defined]
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


@pytest.mark.parametrize("path,name,heading", [
    ("/", "report-card", "Report card"),
    ("/indicators/va_ytd_yoy", "indicator", "Value added"),
    ("/provinces", "provinces", "Provinces"),
    ("/industries", "industries", "Industries"),
    ("/alerts", "alerts", "Alerts"),
    ("/docs", "api-docs", "API reference"),
    ("/login", "login", "Sign in"),
    ("/provenance/1", "provenance-computed", "Provenance"),
])
def test_page_renders_without_raw_json(page: object, public_site: Site, path: str, name: str,
                                       heading: str) -> None:
    page.goto(public_site.url + path + "?lang=en")  # type: ignore[attr-defined]
    assert heading in page.locator("h1").inner_text()  # type: ignore[attr-defined]
    body = page.locator("main").inner_text()  # type: ignore[attr-defined]
    assert '{"' not in body
    shot(page, name)


def test_simulated_figures_are_labelled(page: object, public_site: Site) -> None:
    page.goto(public_site.url + "/indicators/va_yoy?lang=en")  # type: ignore[attr-defined]
    assert page.locator(".banner.simulated").is_visible()  # type: ignore[attr-defined]
    notes = page.locator(".notes").inner_text()  # type: ignore[attr-defined]
    assert "January" in notes and "simulated" in notes.lower()


def test_language_switch_is_remembered(page: object, public_site: Site) -> None:
    page.goto(public_site.url + "/?lang=en")  # type: ignore[attr-defined]
    page.click("#lang-switch")  # type: ignore[attr-defined]
    assert "运行概览" in page.locator("h1").inner_text()  # type: ignore[attr-defined]
    shot(page, "report-card-zh")
    page.goto(public_site.url + "/provinces")  # type: ignore[attr-defined]
    assert "地区" in page.locator("h1").inner_text()  # type: ignore[attr-defined]
    shot(page, "provinces-zh")


def test_number_opens_its_provenance(page: object, public_site: Site) -> None:
    page.goto(public_site.url + "/indicators/va_ytd_yoy?lang=en")  # type: ignore[attr-defined]
    page.locator("#series-table a.num", has_text="4.6%").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/provenance/*")  # type: ignore[attr-defined]
    text = page.locator("main").inner_text()  # type: ignore[attr-defined]
    assert "State Council Information Office" in text and "2024-01-19" in text
    assert "grew 4.6% over 2023" in text
    shot(page, "provenance")


def test_search_finds_an_indicator(page: object, public_site: Site) -> None:
    page.goto(public_site.url + "/?lang=en")  # type: ignore[attr-defined]
    page.fill("header .search input", "profit")  # type: ignore[attr-defined]
    page.press("header .search input", "Enter")  # type: ignore[attr-defined]
    page.locator("ul.results a").first.click()  # type: ignore[attr-defined]
    assert "/indicators/profit" in page.url  # type: ignore[attr-defined]


def test_analyst_acknowledges_an_alert(page: object, public_site: Site) -> None:
    page.goto(public_site.url + "/login?lang=en")  # type: ignore[attr-defined]
    page.fill("input[name=token]", public_site.tokens["analyst"])  # type: ignore[attr-defined]
    page.click("form.login button")  # type: ignore[attr-defined]
    # ana is granted Beijing: the Beijing enterprise's alert is hers to act on, the
    # Guangdong one is shown without actions
    page.goto(public_site.url + "/alerts?severity=low")  # type: ignore[attr-defined]
    assert page.locator("tr[data-alert] button.act").count() == 0  # type: ignore[attr-defined]
    page.goto(public_site.url + "/alerts?severity=medium")  # type: ignore[attr-defined]
    row = page.locator("tr[data-alert]").first  # type: ignore[attr-defined]
    row.locator("button[data-status=acknowledged]").click()
    playwright_api.expect(row.locator(".status")).to_contain_text("✓")
    shot(page, "alerts-analyst")


def test_the_province_map_keeps_its_colours_under_the_policy(page: object,
                                                             public_site: Site) -> None:
    page.goto(public_site.url + "/provinces?lang=en")  # type: ignore[attr-defined]
    tile = page.locator("a.tile#tile-110000")  # type: ignore[attr-defined]
    colour = tile.evaluate("t => getComputedStyle(t).backgroundColor")
    column = tile.evaluate("t => getComputedStyle(t).gridColumnStart")
    assert colour not in ("", "rgba(0, 0, 0, 0)") and column not in ("", "auto")


def test_chart_lines_keep_their_colours_under_the_policy(page: object,
                                                          public_site: Site) -> None:
    page.goto(public_site.url + "/indicators/va_ytd_yoy?lang=en")  # type: ignore[attr-defined]
    strokes = page.locator("svg.chart path.line").evaluate_all(  # type: ignore[attr-defined]
        "paths => paths.map(p => getComputedStyle(p).stroke)")
    assert strokes and len(set(strokes)) == len(strokes)  # one colour a line, as drawn


def test_the_report_card_document_renders_under_its_own_policy(page: object,
                                                                public_site: Site) -> None:
    page.goto(public_site.url + "/api/reports/2024-03?lang=en")  # type: ignore[attr-defined]
    assert page.locator("svg").count() > 0  # type: ignore[attr-defined]
    shot(page, "report-card-document")
