"""The home page (the report card) is rendered once per period, language and viewer and
sent from the app's cache until the next write; readers of different scopes never get one
another's page. Through a real public server."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from indmon.web.app import Backend, WebConfig
from indmon.web.dashboard import i18n, pages

from .servers import Site, add_people, start, stop


@pytest.fixture(scope="module")
def cached_site(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("home") / "home.duckdb"
    shutil.copy(seeded, db)
    tokens = add_people(db)
    url, running = start(db, WebConfig(public=True))
    yield Site(url, tokens, db)
    stop(running)


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Every rendering of the home page: (language, period, user name)."""
    seen: list[tuple[Any, ...]] = []
    original = pages._render_home

    def counted(request: Any, user: Any, lang: str, period: str | None) -> pages.RenderedPage:
        seen.append((lang, period, user.name if user else None))
        return original(request, user, lang, period)

    monkeypatch.setattr(pages, "_render_home", counted)
    return seen


def test_the_page_is_rendered_once_until_a_write(cached_site: Site,
                                                 renders: list[tuple[Any, ...]]) -> None:
    with cached_site.client() as client:
        first = client.get("/", params={"lang": "en"})
        again = [client.get("/", params={"lang": "en"}) for _ in range(5)]
        assert first.status_code == 200 and all(r.text == first.text for r in again)
        assert len(renders) == 1
        assert first.cookies.get(i18n.LANG_COOKIE) == "en"  # remembered, cache or not
        client.get("/", params={"lang": "zh"})
        client.get("/", params={"lang": "en", "period": "2024-03"})
        assert len(renders) == 3
    with cached_site.client("reporter") as reporter:
        sent = reporter.post("/api/reports", json={"records": [{
            "enterprise_id": "E001", "period": "2024-05", "industry": "36",
            "province": "110000", "output_value": 1000, "value_added": 300, "revenue": 1100,
            "profit": 50, "employees": 40}]})
        assert sent.status_code == 200, sent.text
    with cached_site.client() as client:
        client.get("/", params={"lang": "en"})
    assert len(renders) == 3  # a report submission changes no figure or alert
    with cached_site.client("analyst") as analyst:
        changed = analyst.patch("/api/alerts/1", json={"status": "acknowledged"})
        assert changed.status_code == 200, changed.text
    with cached_site.client() as client:
        client.get("/", params={"lang": "en"})
    assert len(renders) == 4  # the alert change emptied the cache


def test_each_viewer_gets_its_own_page(cached_site: Site,
                                       renders: list[tuple[Any, ...]]) -> None:
    with cached_site.client("analyst") as analyst:
        own = analyst.get("/", params={"lang": "en"}).text
    with cached_site.client() as anonymous:
        public = anonymous.get("/", params={"lang": "en"}).text
    assert "ana · analyst" in own and "ana · analyst" not in public
    assert ("en", None, "ana") in renders


def test_a_period_without_figures_is_a_cached_404(cached_site: Site,
                                                  renders: list[tuple[Any, ...]]) -> None:
    with cached_site.client() as client:
        missing = [client.get("/", params={"period": "1999", "lang": "en"}) for _ in range(3)]
    assert [r.status_code for r in missing] == [404, 404, 404]
    assert len(renders) == 1


def test_a_result_missed_by_many_at_once_is_computed_once() -> None:
    """The stampede that made the home page slow: 50 readers of a cold cache each built
    the report card; now they wait for the one computation under way."""
    backend = Backend(":memory:", WebConfig())
    calls: list[int] = []
    started = threading.Event()

    def slow() -> list[int]:
        calls.append(1)
        started.set()
        time.sleep(0.3)
        return [1, 2, 3]

    results: list[Any] = []
    threads = [threading.Thread(target=lambda: results.append(backend.cached("k", slow)))
               for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(calls) == 1 and results == [[1, 2, 3]] * 20
    backend.forget()
    assert backend.peek("k") is None


def test_a_failed_computation_is_not_kept_and_is_tried_again() -> None:
    backend = Backend(":memory:", WebConfig())
    attempts: list[int] = []

    def failing() -> int:
        attempts.append(1)
        raise ValueError("no")

    for _ in range(2):
        with pytest.raises(ValueError):
            backend.cached("k", failing)
    assert len(attempts) == 2 and backend.peek("k") is None
