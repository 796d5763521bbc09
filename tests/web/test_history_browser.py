"""The real history on the dashboard, in headless Chromium: the indicator page of
industrial value added growth draws a multi-year published monthly line whose points lead
to their release and copies. The screenshot lands in tests/artifacts/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.reconcile.published import load_published
from indmon.store import Store
from indmon.web.app import WebConfig

from .servers import start, stop
from .test_dashboard_browser import ARGS, CHROMIUM, shot

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("history-site") / "store.duckdb"
    with Store.open(db) as store:
        load_published(store)
    url, running = start(db, WebConfig(public=True))
    yield url
    stop(running)


@pytest.fixture(scope="module")
def page(history_site: str) -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


def test_value_added_growth_shows_years_of_real_monthly_figures(page: object,
                                                                history_site: str) -> None:
    page.goto(history_site + "/indicators/va_yoy?lang=en")  # type: ignore[attr-defined]
    table = page.locator("#series-table").inner_text()  # type: ignore[attr-defined]
    years = set(re.findall(r"\b(20[12]\d)\b", table))
    assert len(years) >= 5, table
    assert "Published" in page.locator("main").inner_text()  # type: ignore[attr-defined]
    points = page.locator("svg a[href^='/provenance/']")  # type: ignore[attr-defined]
    assert points.count() >= 10
    shot(page, "history-va-yoy")


def test_a_point_leads_to_its_release_and_copies(page: object, history_site: str) -> None:
    page.goto(history_site + "/indicators/va_yoy?lang=en")  # type: ignore[attr-defined]
    href = page.locator("svg a[href^='/provenance/']").first.get_attribute("href")  # type: ignore[attr-defined]
    page.goto(history_site + href + "&lang=en" if "?" in href else history_site + href + "?lang=en")  # type: ignore[attr-defined]
    body = page.locator("main").inner_text()  # type: ignore[attr-defined]
    assert "National Bureau of Statistics of China" in body
    assert "Industrial production in" in body
    assert "confirmed" in body
    shot(page, "history-provenance")
