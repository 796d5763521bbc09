"""Every API error, whatever the route and cause, has the one JSON shape."""

from __future__ import annotations

from typing import Any

import pytest

from indmon import errors as e
from indmon.web.errors import (
    STATUS,
    FeatureUnavailable,
    InvalidParameter,
    PayloadTooLarge,
    status_for,
)

from .servers import Site

FAILURES: list[tuple[str, str, str | None, dict[str, Any], int]] = [
    ("GET", "/api/observations", None, {}, 401),
    ("GET", "/api/users", "reporter", {}, 403),
    ("GET", "/api/indicators/no_such_thing", "analyst", {}, 404),
    ("GET", "/api/observations/123456/provenance", "analyst", {}, 404),
    ("GET", "/api/observations/abc/provenance", "analyst", {}, 422),
    ("GET", "/api/observations", "analyst", {"params": {"as_of": "yesterday"}}, 422),
    ("GET", "/api/observations", "analyst", {"params": {"limit": 0}}, 422),
    ("GET", "/api/observations", "analyst", {"params": {"format": "xml"}}, 422),
    ("GET", "/api/indicators/no_such_thing/series", "analyst", {}, 404),
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


#: (path, parameters) -> the parameter named in ``detail``, the value, a choice listed
BAD_VALUES: list[tuple[str, dict[str, str], str, str, str | None]] = [
    ("/api/observations", {"indicator": "va_yoyy"}, "indicator", "va_yoyy", "va_yoy"),
    ("/api/observations", {"indicator": "va_yoy,nope"}, "indicator", "nope", "va_yoy"),
    ("/api/observations", {"period": "2023-13"}, "period", "2023-13", None),
    ("/api/observations", {"period": "Q1-2023"}, "period", "Q1-2023", None),
    ("/api/observations", {"start": "2023-13"}, "start", "2023-13", None),
    ("/api/observations", {"end": "2023-Q5", "as_of": "2024-01-19"}, "end", "2023-Q5", None),
    ("/api/observations", {"start": "2024-01", "end": "2023-12"}, "start", "2024-01", None),
    ("/api/observations", {"province": "999999"}, "province", "999999", "110000"),
    ("/api/observations", {"industry": "ALL,99"}, "industry", "99", "36"),
    ("/api/observations", {"origin": "official"}, "origin", "official", "published"),
    ("/api/observations", {"as_of": "2024-13-01"}, "as_of", "2024-13-01", None),
    ("/api/observations", {"format": "xlsx"}, "format", "xlsx", "csv"),
    ("/api/facts", {"indicator": "nope"}, "indicator", "nope", "va_yoy"),
    ("/api/facts", {"period": "2023-13"}, "period", "2023-13", None),
    ("/api/facts", {"format": "xml"}, "format", "xml", "json"),
    ("/api/indicators", {"theme": "nope"}, "theme", "nope", "ict"),
    ("/api/indicators/va_yoy/series", {"province": "999999"}, "province", "999999", "110000"),
    ("/api/indicators/va_yoy/series", {"start": "Q1-2023"}, "start", "Q1-2023", None),
]


@pytest.mark.parametrize("path,params,parameter,value,choice", BAD_VALUES,
                         ids=[f"{b[0]}-{b[2]}={b[3]}" for b in BAD_VALUES])
def test_a_bad_parameter_value_is_422_naming_it_and_the_choices(
        site: Site, path: str, params: dict[str, str], parameter: str, value: str,
        choice: str | None) -> None:
    with site.client("analyst") as client:
        response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["type"] == "InvalidParameter"
    assert error["detail"]["parameter"] == parameter and error["detail"]["value"] == value
    assert repr(value) in error["message"] and parameter in error["message"]
    if choice is not None:
        assert choice in error["detail"]["choices"]


def test_an_unknown_observation_or_indicator_is_404_naming_it(site: Site) -> None:
    with site.client("analyst") as client:
        missing = client.get("/api/observations/123456/provenance").json()["error"]
        unknown = client.get("/api/indicators/va_yoyy").json()["error"]
    assert missing["type"] == "NotFound" and "123456" in missing["message"]
    assert unknown["type"] == "UnknownCode" and "'va_yoyy'" in unknown["message"]
    assert unknown["detail"] == {"kind": "indicator", "code": "va_yoyy"}


def test_every_error_class_has_a_status() -> None:
    classes = [c for c in vars(e).values()
               if isinstance(c, type) and issubclass(c, e.IndmonError)]
    for cls in [*classes, PayloadTooLarge, FeatureUnavailable]:
        assert any(issubclass(cls, mapped) for mapped, _ in STATUS) or cls is e.IndmonError
    assert status_for(e.Unauthenticated("x")) == 401
    assert status_for(e.AccessDenied("x")) == 403
    assert status_for(e.RejectedRow(file="f", row=1, field="a", reason="b")) == 422
    assert status_for(e.PeriodError("2023-13", "2023-03")) == 422
    assert status_for(InvalidParameter("format", "xml", ["json"])) == 422
    assert status_for(e.ConfigError("x")) == 400


def test_page_errors_are_pages(site: Site) -> None:
    with site.client("analyst") as client:
        response = client.get("/indicators/no_such_thing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no_such_thing" in response.text
