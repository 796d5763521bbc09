"""Layout in Chromium: badges stay inside their cards, the industries table is readable
(fixed column widths, a heading row that stays in view, numbers aligned right), and on a
390-pixel phone the header is compact and the province map fits the screen. Every
dashboard page is saved as a screenshot in both languages, on a desktop and on a phone,
to tests/artifacts/screenshots/."""

from __future__ import annotations

import pytest

from .dashboard_signals import DESKTOP, PHONE, browser, new_page, shot, signals_site
from .servers import Site

__all__ = ["browser", "signals_site"]  # fixtures used by the tests below

pytestmark = pytest.mark.browser
LANGS = ["en", "zh"]
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}

#: every page of the dashboard, by the name its screenshots carry
PAGES = {
    "report-card": "/",
    "report-card-month": "/?period=2023-11",
    "indicator": "/indicators/va_ytd_yoy",
    "provinces": "/provinces",
    "industries": "/industries",
    "alerts": "/alerts",
    "search": "/search?q=profits",
    "provenance": "/provenance/1",
    "api-docs": "/docs",
    "login": "/login",
    "not-found": "/nope",
}

#: a box that leaves another (left, top, right, bottom), beyond rounding
OUTSIDE = """([inner, outer]) => {
  const a = inner.getBoundingClientRect(), b = outer.getBoundingClientRect();
  return a.left < b.left - 0.5 || a.right > b.right + 0.5 || a.top < b.top - 0.5
         || a.bottom > b.bottom + 0.5;
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_badges_stay_inside_their_cards(browser: object, signals_site: Site, lang: str,
                                        size: str) -> None:
    page = new_page(browser, signals_site, VIEWPORTS[size])
    page.goto(f"{signals_site.url}/?lang={lang}")  # type: ignore[attr-defined]
    escaped = page.evaluate("""() => {
      const out = [];
      document.querySelectorAll('.card').forEach((card) => {
        const box = card.getBoundingClientRect();
        card.querySelectorAll('.badge, .delta, a.num, .differs').forEach((el) => {
          const r = el.getBoundingClientRect();
          if (r.width && (r.left < box.left - 0.5 || r.right > box.right + 0.5))
            out.push(card.dataset.indicator + ': ' + el.textContent.trim());
        });
      });
      return out;
    }""")  # type: ignore[attr-defined]
    assert page.locator(".card .badge").count() >= 3  # type: ignore[attr-defined]
    assert escaped == []
    # an arrow stays with its change and a number on one line
    broken = page.locator(".card .delta, .card a.num").evaluate_all(  # type: ignore[attr-defined]
        "els => els.filter(e => e.getClientRects().length > 1).map(e => e.textContent)")
    assert broken == []
    width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= VIEWPORTS[size]["width"]  # nothing pushes the page sideways


@pytest.mark.parametrize("lang", LANGS)
def test_industries_table_is_readable(browser: object, signals_site: Site, lang: str) -> None:
    page = new_page(browser, signals_site)
    page.goto(f"{signals_site.url}/industries?lang={lang}")  # type: ignore[attr-defined]
    table = page.locator("#industries-table")  # type: ignore[attr-defined]
    assert table.locator("tbody tr").count() == 41
    heading = table.locator("thead th").first
    assert heading.evaluate("th => getComputedStyle(th).position") == "sticky"
    # the heading row stays in view while the rows scroll under it
    box = page.locator(".industries-scroll")  # type: ignore[attr-defined]
    box.evaluate("el => { el.scrollTop = 600; }")
    top = box.evaluate("el => el.getBoundingClientRect().top")
    assert abs(heading.evaluate("th => th.getBoundingClientRect().top") - top) < 2
    numbers = table.locator("tbody td.n")
    assert numbers.count() > 41
    aligned = numbers.evaluate_all("tds => tds.map(td => getComputedStyle(td).textAlign)")
    assert set(aligned) == {"right"}
    widths = table.locator("thead th").evaluate_all(
        "ths => ths.map(th => th.getBoundingClientRect().width)")
    assert widths[0] >= 250 and min(widths) >= 60, widths
    # a number never breaks over two lines
    heights = numbers.evaluate_all("tds => tds.map(td => td.querySelector('a.num')"
                                   " ? td.querySelector('a.num').getClientRects().length : 1)")
    assert set(heights) == {1}
    # a fall in output is red, a rise green: the colour follows meaning
    falling = table.locator("td.n.bad a.num").first
    rising = table.locator("td.n.good a.num").first
    colour = "el => getComputedStyle(el).color"
    assert falling.evaluate(colour) == "rgb(184, 50, 42)"
    assert rising.evaluate(colour) == "rgb(31, 122, 77)"
    shot(page, f"layout-industries-scrolled-{lang}")


@pytest.mark.parametrize("lang", LANGS)
def test_phone_header_is_compact_and_the_map_fits(browser: object, signals_site: Site,
                                                   lang: str) -> None:
    page = new_page(browser, signals_site, PHONE)
    page.goto(f"{signals_site.url}/provinces?lang={lang}")  # type: ignore[attr-defined]
    header = page.locator("header.top")  # type: ignore[attr-defined]
    height = header.evaluate("h => h.getBoundingClientRect().height")
    assert height <= 120, height  # brand and language, the menu, the search: three lines
    brand_top = page.locator("header .brand").evaluate(  # type: ignore[attr-defined]
        "b => b.getBoundingClientRect().top")
    switch_top = page.locator("#lang-switch").evaluate(  # type: ignore[attr-defined]
        "b => b.getBoundingClientRect().top")
    assert abs(brand_top - switch_top) < 12  # one line
    width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert width <= PHONE["width"]
    tiles = page.locator("a.tile")  # type: ignore[attr-defined]
    assert tiles.count() == 31
    right = max(tiles.evaluate_all("ts => ts.map(t => t.getBoundingClientRect().right)"))
    assert right <= PHONE["width"]
    overflowing = tiles.evaluate_all(
        "ts => ts.filter(t => t.scrollWidth > t.clientWidth + 1).map(t => t.id)")
    assert overflowing == []
    shot(page, f"layout-provinces-phone-{lang}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_every_page_is_saved_as_a_screenshot(browser: object, signals_site: Site, lang: str,
                                              size: str) -> None:
    page = new_page(browser, signals_site, VIEWPORTS[size])
    for name, path in PAGES.items():
        joiner = "&" if "?" in path else "?"
        page.goto(f"{signals_site.url}{path}{joiner}lang={lang}")  # type: ignore[attr-defined]
        assert page.locator("h1").count() >= 1  # type: ignore[attr-defined]
        width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
        # wide tables scroll inside their box; the page itself never scrolls sideways
        assert width <= VIEWPORTS[size]["width"], (name, width)
        saved = shot(page, f"page-{name}-{lang}-{size}")
        assert saved.stat().st_size > 5000
    assert page.refused == []  # type: ignore[attr-defined]
