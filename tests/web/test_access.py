"""Who may do what: every role against every endpoint, on a private and a public server.

401 means "say who you are" (no or bad token), 403 "you may not" (a known user without
the right). Writes that would change the shared store use requests the server refuses
for a reason other than access (an empty batch, a missing alert), so the matrix checks
the access decision without depending on test order.
"""

from __future__ import annotations

from typing import Any

import pytest

from .servers import Site

ANON, REPORTER, ANALYST, ADMIN = "anonymous", "reporter", "analyst", "admin"
ROLES = (ANON, REPORTER, ANALYST, ADMIN)
OK = "ok"  # allowed: any status other than 401 and 403

#: (method, path, request kwargs) -> expected result for each role on a private server
MATRIX: list[tuple[str, str, dict[str, Any], dict[str, int | str]]] = [
    ("GET", "/api/indicators", {}, {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("GET", "/api/industries", {}, {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("GET", "/api/provinces", {}, {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("GET", "/api/observations", {}, {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("GET", "/api/observations/1/provenance", {},
     {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("GET", "/api/conflicts", {}, {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("GET", "/api/facts", {}, {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("GET", "/api/alerts", {}, {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("PATCH", "/api/alerts/999", {"json": {"status": "resolved"}},
     {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("POST", "/api/reports", {"json": {"records": []}},
     {ANON: 401, REPORTER: OK, ANALYST: 403, ADMIN: OK}),
    ("GET", "/api/reports/enterprise/E001", {},
     {ANON: 401, REPORTER: OK, ANALYST: OK, ADMIN: OK}),
    ("GET", "/api/reports/enterprise/E002", {},
     {ANON: 401, REPORTER: 403, ANALYST: 403, ADMIN: OK}),
    ("POST", "/api/documents", {"data": {"source_title": "t", "publisher": "p",
                                         "published": "2024-01-19"},
                                "files": {"files": ("a.exe", b"x")}},
     {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("GET", "/api/users", {}, {ANON: 401, REPORTER: 403, ANALYST: 403, ADMIN: OK}),
    ("POST", "/api/users", {"json": {"name": "root", "role": "admin"}},
     {ANON: 401, REPORTER: 403, ANALYST: 403, ADMIN: OK}),
    ("DELETE", "/api/users/nobody", {}, {ANON: 401, REPORTER: 403, ANALYST: 403, ADMIN: OK}),
    ("GET", "/api/tokens", {}, {ANON: 401, REPORTER: 403, ANALYST: 403, ADMIN: OK}),
    ("POST", "/api/tokens", {"json": {"user": "nobody"}},
     {ANON: 401, REPORTER: 403, ANALYST: 403, ADMIN: OK}),
    ("DELETE", "/api/tokens/999", {}, {ANON: 401, REPORTER: 403, ANALYST: 403, ADMIN: OK}),
    ("GET", "/api/audit", {}, {ANON: 401, REPORTER: 403, ANALYST: 403, ADMIN: OK}),
    ("GET", "/", {}, {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
    ("GET", "/provinces", {}, {ANON: 401, REPORTER: 403, ANALYST: OK, ADMIN: OK}),
]
CASES = [(method, path, kwargs, role, expected[role])
         for method, path, kwargs, expected in MATRIX for role in ROLES]


def check(status: int, expected: int | str) -> None:
    if expected == OK:
        assert status not in (401, 403), f"allowed, but got {status}"
    else:
        assert status == expected


@pytest.mark.parametrize("method,path,kwargs,role,expected", CASES,
                         ids=[f"{c[3]}-{c[0]}-{c[1]}" for c in CASES])
def test_private_server(site: Site, method: str, path: str, kwargs: dict[str, Any], role: str,
                        expected: int | str) -> None:
    with site.client(None if role == ANON else role) as client:
        response = client.request(method, path, **kwargs)
    check(response.status_code, expected)


#: on a public server anonymous readers see aggregates, never microdata or admin
PUBLIC_ANONYMOUS = [
    ("GET", "/api/observations", OK), ("GET", "/api/indicators", OK),
    ("GET", "/api/alerts", OK), ("GET", "/", OK), ("GET", "/provinces", OK),
    ("GET", "/api/reports/enterprise/E001", 401), ("GET", "/api/users", 401),
    ("PATCH", "/api/alerts/1", 401), ("POST", "/api/reports", 401),
]


@pytest.mark.parametrize("method,path,expected", PUBLIC_ANONYMOUS)
def test_public_server_anonymous(public_site: Site, method: str, path: str,
                                 expected: int | str) -> None:
    with public_site.client() as client:
        response = client.request(method, path, json={"status": "resolved"}
                                  if method == "PATCH" else None)
    check(response.status_code, expected)


def test_public_alerts_hide_enterprises(public_site: Site) -> None:
    with public_site.client() as client:
        items = client.get("/api/alerts").json()["items"]
    assert items and all(a["enterprise_id"] is None for a in items)


@pytest.mark.parametrize("header", ["Bearer nonsense", "Basic abc", "Token"])
def test_bad_credentials_are_401(public_site: Site, header: str) -> None:
    with public_site.client() as client:
        response = client.get("/api/observations", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
