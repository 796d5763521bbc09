"""Web hardening, through a real server: addresses that are not http(s) never become
links, every response carries the browser's security headers, input that once ended in a
500 (a huge offset, JSON nested thousands of levels deep, Parquet list columns) is a 4xx
in the one error shape, and tokens may expire."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from indmon.store import NewObservation, Source, Store
from indmon.web import auth
from indmon.web.app import WebConfig

from .servers import Site, add_people, start, stop

SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options",
                    "referrer-policy")
HOSTILE = Source("hostile-note", kind="release", publisher="Someone",
                 title="A release with a hostile address", published="2024-01-21", lang="en",
                 url="javascript:alert(document.cookie)")
SAFE = Source("safe-note", kind="release", publisher="A ministry", title="A release",
              published="2024-01-22", lang="en", url="https://www.example.org/note")


@pytest.fixture(scope="module")
def hardened(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("hardening") / "hard.duckdb"
    shutil.copy(seeded, db)
    with Store.open(db) as store:
        # stored before addresses were checked (or by a script writing the store itself)
        store.record([NewObservation("va_ytd_yoy", "2022", 3.6, "percent",
                                     mention="value added grew 3.6% in 2022")], HOSTILE)
        store.record([NewObservation("va_ytd_yoy", "2021", 9.6, "percent",
                                     mention="value added grew 9.6% in 2021")], SAFE)
    tokens = add_people(db)
    with Store.open(db) as store:
        auth.add_user(store, "old", "analyst")
        _, tokens["expired"] = auth.issue_token(
            store, "old", expires=dt.datetime.now() - dt.timedelta(minutes=1))
        _, tokens["fresh"] = auth.issue_token(store, "old", expires=dt.timedelta(days=30))
    url, running = start(db, WebConfig(public=True, max_records=50))
    yield Site(url, tokens, db)
    stop(running)


def _error(response: httpx.Response, status: int | tuple[int, ...]) -> dict[str, object]:
    statuses = status if isinstance(status, tuple) else (status,)
    assert response.status_code in statuses, (response.status_code, response.text[:300])
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"type", "message", "detail"}
    error: dict[str, object] = body["error"]
    return error


# -- addresses ---------------------------------------------------------------------------
def _obs_id(site: Site, period: str) -> int:
    with site.client("admin") as client:
        items = client.get("/api/observations", params={
            "indicator": "va_ytd_yoy", "period": period, "origin": "published"}).json()["items"]
    return int(items[0]["obs_id"])


def _hostile_obs_id(site: Site) -> int:
    return _obs_id(site, "2022")


def test_a_stored_javascript_address_is_shown_as_text_not_a_link(hardened: Site) -> None:
    obs_id = _hostile_obs_id(hardened)
    with hardened.client() as client:
        page = client.get(f"/provenance/{obs_id}").text
    assert "javascript:alert(document.cookie)" in page  # shown, as what it is
    assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", page, re.IGNORECASE)


def test_an_http_address_stays_a_link(hardened: Site) -> None:
    with hardened.client() as client:
        page = client.get(f"/provenance/{_obs_id(hardened, '2021')}").text
    assert 'href="https://www.example.org/note"' in page


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "//evil.example/x",
                                 "vbscript:msgbox(1)"])
def test_a_document_address_that_is_not_http_is_422_naming_the_field(hardened: Site,
                                                                     url: str) -> None:
    with hardened.client("analyst") as client:
        sent = client.post("/api/documents", data={
            "source_title": "Note", "publisher": "Ministry", "published": "2024-01-25",
            "url": url}, files={"files": ("note.txt", b"Value added grew 4.6% in 2023.")})
    error = _error(sent, 422)
    assert [p["where"] for p in error["detail"]] == ["body.url"]  # type: ignore[union-attr]


# -- headers -----------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/alerts", "/provinces", "/docs", "/login",
                                  "/static/app.js", "/api/observations", "/api/indicators",
                                  "/no/such/page", "/api/no/such/route", "/openapi.json",
                                  "/api/reports/2024-03"])
def test_every_response_carries_the_security_headers(hardened: Site, path: str) -> None:
    with hardened.client() as client:
        response = client.get(path)
    for header in SECURITY_HEADERS:
        assert header in response.headers, (path, header)
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy or "default-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_only_the_embeddable_chart_may_be_framed_and_says_so_once(hardened: Site) -> None:
    with hardened.client() as client:
        embed = client.get("/embed/indicators/va_yoy")
        page = client.get("/indicators/va_yoy")
    assert embed.status_code == 200, embed.text
    assert "frame-ancestors *" in embed.headers["content-security-policy"]
    assert "x-frame-options" not in embed.headers  # DENY would contradict the policy
    assert page.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]


def test_pages_have_no_inline_script_or_style_attribute(hardened: Site) -> None:
    with hardened.client() as client:
        pages = [client.get(path).text for path in
                 ("/", "/provinces", "/industries", "/alerts", "/indicators/va_ytd_yoy",
                  "/docs", "/login", f"/provenance/{_hostile_obs_id(hardened)}")]
    for html in pages:
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
        assert not re.search(r"\son[a-z]+\s*=", html), "inline event handler"
        assert " style=" not in html, "inline style attribute"
        for tag in re.findall(r"<style[^>]*>", html):
            assert "nonce=" in tag, "a style block without the page's nonce"


# -- input that used to be a 500 -----------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/observations", "/api/facts", "/api/alerts"])
def test_a_huge_offset_is_422(hardened: Site, path: str) -> None:
    with hardened.client("admin") as client:
        response = client.get(path, params={"offset": 10**30})
    error = _error(response, 422)
    assert "offset" in str(error["message"])


@pytest.mark.parametrize("path", ["/api/observations/{n}/provenance", "/api/alerts/{n}"])
def test_a_huge_id_is_422(hardened: Site, path: str) -> None:
    with hardened.client("admin") as client:
        response = client.get(path.format(n=10**30))
    _error(response, 422)


@pytest.mark.parametrize("method,path", [("POST", "/api/reports"), ("POST", "/api/users"),
                                         ("PATCH", "/api/alerts/1"), ("POST", "/api/tokens")])
def test_deeply_nested_json_is_400(hardened: Site, method: str, path: str) -> None:
    body = "[" * 10_000 + "]" * 10_000
    with hardened.client("admin") as client:
        response = client.request(method, path, content=body,
                                  headers={"content-type": "application/json"})
    error = _error(response, (400, 422))
    assert "nested" in str(error["message"]) or "JSON" in str(error["message"])


def test_a_parquet_upload_with_a_list_column_is_422_naming_it(hardened: Site) -> None:
    buffer = io.BytesIO()
    pq.write_table(pa.table({"enterprise_id": ["E001"], "period": ["2024-05"],
                             "tags": pa.array([[1, 2]]),
                             "owner": pa.array([{"name": "x"}])}), buffer)
    with hardened.client("admin") as client:
        response = client.post("/api/reports", files={"file": ("nested.parquet",
                                                               buffer.getvalue())})
    error = _error(response, 422)
    assert "nested.parquet" in str(error["message"]) and "tags" in str(error["message"])


# -- tokens that expire --------------------------------------------------------------------
def test_an_expired_token_is_401_saying_it_expired(hardened: Site) -> None:
    with hardened.client("expired") as client:
        response = client.get("/api/alerts")
    error = _error(response, 401)
    assert "expired" in str(error["message"])
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_token_before_its_expiry_works(hardened: Site) -> None:
    with hardened.client("fresh") as client:
        assert client.get("/api/alerts").status_code == 200


def test_an_admin_issues_a_token_that_expires(hardened: Site) -> None:
    with hardened.client("admin") as client:
        issued = client.post("/api/tokens", json={"user": "old", "expires": "12h"})
        bad = client.post("/api/tokens", json={"user": "old", "expires": "soon"})
        listed = client.get("/api/tokens").json()
    assert issued.status_code == 201, issued.text
    expires = dt.datetime.fromisoformat(issued.json()["expires_at"])
    assert dt.timedelta(hours=11) < expires - dt.datetime.now() <= dt.timedelta(hours=12)
    row = next(t for t in listed if t["token_id"] == issued.json()["token_id"])
    assert row["expires_at"] is not None
    error = _error(bad, 422)
    assert "expires" in str(error["message"]) and "'soon'" in str(error["message"])


def test_a_token_that_expires_while_cached_stops_working(hardened: Site) -> None:
    with hardened.client("admin") as client:
        issued = client.post("/api/tokens", json={"user": "old", "expires": "2s"}).json()
    headers = {"Authorization": f"Bearer {issued['token']}"}
    with httpx.Client(base_url=hardened.url, headers=headers, timeout=30) as client:
        assert client.get("/api/alerts").status_code == 200
        left = dt.datetime.fromisoformat(issued["expires_at"]) - dt.datetime.now()
        time.sleep(max(0.0, left.total_seconds()) + 0.2)
        later = client.get("/api/alerts")
    assert later.status_code == 401 and "expired" in later.json()["error"]["message"]


def test_every_chart_colour_has_its_rule_in_the_stylesheet() -> None:
    from indmon.web.dashboard import charts

    css = (Path(charts.__file__).parent / "static" / "style.css").read_text()
    for palette in charts.LINE_COLOURS.values():
        for colour in palette:
            assert f".{charts.ink(colour)} {{ stroke: {colour}; }}" in css
