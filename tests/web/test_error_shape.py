"""Every API error, whatever the route and cause, has the one JSON shape."""

from __future__ import annotations

from typing import Any

import pytest

from indmon import errors as e
from indmon.web.errors import STATUS, FeatureUnavailable, PayloadTooLarge, status_for

from .servers import Site

FAILURES: list[tuple[str, str, str | None, dict[str, Any], int]] = [
    ("GET", "/api/observations", None, {}, 401),
    ("GET", "/api/users", "reporter", {}, 403),
    ("GET", "/api/indicators/no_such_thing", "analyst", {}, 404),
    ("GET", "/api/observations/123456/provenance", "analyst", {}, 404),
    ("GET", "/api/observations/abc/provenance", "analyst", {}, 422),
    ("GET", "/api/observations", "analyst", {"params": {"as_of": "yesterday"}}, 400),
    ("GET", "/api/observations", "analyst", {"params": {"limit": 0}}, 400),
    ("GET", "/api/observations", "analyst", {"params": {"format": "xml"}}, 400),
    ("GET", "/api/alerts", "analyst", {"params": {"severity": "extreme"}}, 422),
    ("PATCH", "/api/alerts/999", "analyst", {"json": {"status": "resolved"}}, 404),
    ("POST", "/api/reports", "admin", {"content": b"{not json",
                                       "headers": {"content-type": "application/json"}}, 400),
    ("POST", "/api/reports", "admin", {"json": {"records": []}}, 422),
    ("POST", "/api/reports", "admin", {"content": b"x", "headers": {"content-type":
                                                                    "text/plain"}}, 400),
    ("POST", "/api/users", "admin", {"json": {"name": "q", "role": "king"}}, 422),
    ("DELETE", "/api/tokens/424242", "admin", {}, 404),
    ("GET", "/api/no/such/route", "admin", {}, 404),
    ("PUT", "/api/observations", "admin", {}, 405),
]


@pytest.mark.parametrize("method,path,role,kwargs,status", FAILURES,
                         ids=[f"{f[0]}-{f[1]}-{f[4]}" for f in FAILURES])
def test_error_shape(site: Site, method: str, path: str, role: str | None,
                     kwargs: dict[str, Any], status: int) -> None:
    with site.client(role) as client:
        response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"type", "message", "detail"}
    assert isinstance(body["error"]["type"], str) and body["error"]["type"]
    assert isinstance(body["error"]["message"], str) and len(body["error"]["message"]) > 10


def test_every_error_class_has_a_status() -> None:
    classes = [c for c in vars(e).values()
               if isinstance(c, type) and issubclass(c, e.IndmonError)]
    for cls in [*classes, PayloadTooLarge, FeatureUnavailable]:
        assert any(issubclass(cls, mapped) for mapped, _ in STATUS) or cls is e.IndmonError
    assert status_for(e.Unauthenticated("x")) == 401
    assert status_for(e.AccessDenied("x")) == 403
    assert status_for(e.RejectedRow(file="f", row=1, field="a", reason="b")) == 422


def test_page_errors_are_pages(site: Site) -> None:
    with site.client("analyst") as client:
        response = client.get("/indicators/no_such_thing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no_such_thing" in response.text
