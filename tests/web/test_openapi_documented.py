"""Every status the API answers with is listed in its OpenAPI description, in the one
error shape: each operation of /openapi.json is called by every kind of caller (no token,
a bad token, each role) with bad input of every kind its parameters and body can take,
and each answer's status must be one the operation documents. (The schemathesis run in
test_openapi_fuzz.py checks the same with generated input, as an admin.)"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from indmon.web.app import WebConfig

from .servers import Site, add_people, start, stop

CALLERS = (None, "bad", "reporter", "analyst", "admin")
#: values that cannot be right for a parameter of this schema type
BAD_VALUES: dict[str, list[Any]] = {
    "integer": ["abc", -1, 10**30, 999_999, "1e3", ""],
    "string": ["nope", "", "9" * 300, "2023-13", "ALL,999999", "%"],
    "boolean": ["maybe"],
}
DEEP = "[" * 10_000 + "]" * 10_000
JSON_BODIES: list[Any] = [{}, [], {"records": "x"}, {"status": "reopened"}, 0, "text"]


@pytest.fixture(scope="module")
def walked(seeded: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("walked") / "walked.duckdb"
    shutil.copy(seeded, db)
    tokens = add_people(db)
    tokens["bad"] = "imt_no-such-token"
    url, running = start(db, WebConfig(public=False, max_records=20))
    yield Site(url, tokens, db)
    stop(running)


def operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(path, method.upper(), op) for path, methods in schema["paths"].items()
            for method, op in methods.items()]


def _type(parameter: dict[str, Any]) -> str:
    schema = parameter.get("schema", {})
    for option in schema.get("anyOf", [schema]):
        if option.get("type") not in (None, "null"):
            return str(option["type"])
    return "string"


def bad_requests(path: str, op: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(url, request options): each parameter bad in turn, then each kind of bad body."""
    parameters = op.get("parameters", [])
    in_path = [p for p in parameters if p["in"] == "path"]
    good_path = {p["name"]: "1" if _type(p) == "integer" else "nope" for p in in_path}
    for p in in_path:
        for value in BAD_VALUES.get(_type(p), BAD_VALUES["string"]):
            if value != "":  # an empty segment is another route (a redirect), not a value
                yield path.format(**{**good_path, p["name"]: value}), {}
    url = path.format(**good_path)
    yield url, {}
    for p in (p for p in parameters if p["in"] == "query"):
        for value in BAD_VALUES.get(_type(p), BAD_VALUES["string"]):
            yield url, {"params": {p["name"]: value}}
    content = op.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        for body in JSON_BODIES:
            yield url, {"json": body}
        yield url, {"content": DEEP, "headers": {"content-type": "application/json"}}
        yield url, {"content": b"{not json", "headers": {"content-type": "application/json"}}
    if "multipart/form-data" in content:
        yield url, {"files": {"file": ("x.exe", b"x")}}
        yield url, {"files": {"files": ("x.txt", b"")}, "data": {"source_title": ""}}
        yield url, {"files": {"file": ("x.parquet", b"PAR1 not parquet")}}


def test_every_answer_is_documented(walked: Site) -> None:
    with httpx.Client(base_url=walked.url, timeout=60) as client:
        schema = client.get("/openapi.json").json()
    undocumented: set[tuple[str, str, int]] = set()
    seen: set[int] = set()
    for (path, method, op), caller in itertools.product(operations(schema), CALLERS):
        documented = {int(status) for status in op["responses"]}
        headers = {"Authorization": f"Bearer {walked.tokens[caller]}"} if caller else {}
        with httpx.Client(base_url=walked.url, headers=headers, timeout=60) as client:
            for url, options in bad_requests(path, op):
                response = client.request(method, url, **options)
                seen.add(response.status_code)
                if response.status_code not in documented:
                    undocumented.add((method, path, response.status_code))
                if response.status_code >= 400:
                    body = response.json()
                    assert set(body) == {"error"}, (method, url, response.text[:200])
                    assert set(body["error"]) == {"type", "message", "detail"}
                assert response.status_code < 500, (method, url, caller, response.text[:300])
    assert not undocumented, "\n".join(map(str, sorted(undocumented)))
    assert {401, 403, 404, 422} <= seen  # the walk reached every kind of refusal


def test_error_answers_document_the_error_shape(walked: Site) -> None:
    with httpx.Client(base_url=walked.url, timeout=60) as client:
        schema = client.get("/openapi.json").json()
    assert "ErrorBody" in schema["components"]["schemas"]
    for path, method, op in operations(schema):
        for status, response in op["responses"].items():
            if int(status) >= 400:
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref.endswith("/ErrorBody"), (method, path, status)
