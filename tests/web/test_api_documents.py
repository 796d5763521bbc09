"""POST /api/documents: releases known by their content, refused dates and addresses
as 422 naming the field, and an upload checked whole before anything is recorded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from indmon.store import Store, content_hash
from indmon.web import auth
from indmon.web.app import WebConfig

from .servers import start, stop

# Texts written for these tests.
DATED = """Industry note, 2024-01-19

In 2023, the value added of industrial enterprises above designated size grew by 4.6% year \
on year.
"""
OTHER = """Industry note, 2024-01-20

In 2023, the value added of industrial enterprises above designated size grew by 4.8% year \
on year.
"""
UNDATED = """Industry note

In 2023 China had 3.377 million 5G base stations.
"""
FORM = {"source_title": "Industry note", "publisher": "Test Ministry"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[httpx.Client, Path]]:
    db = tmp_path_factory.mktemp("documents") / "web.duckdb"
    with Store.open(db) as store:
        auth.add_user(store, "ana", "analyst")
        token = auth.issue_token(store, "ana")[1]
    url, running = start(db, WebConfig())
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"},
                      timeout=30) as client:
        yield client, db
    stop(running)


def post(client: httpx.Client, files: list[tuple[str, str]], **form: str) -> httpx.Response:
    return client.post("/api/documents", data={**FORM, **form},
                       files=[("files", (name, text.encode("utf-8"))) for name, text in files])


def invalid_field(response: httpx.Response) -> tuple[str, Any]:
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    return error["message"], [p["where"] for p in error["detail"]]


def test_a_release_is_recorded_under_its_content_id(site: tuple[httpx.Client, Path]) -> None:
    client, _ = site
    response = post(client, [("note.txt", DATED)])
    assert response.status_code == 200, response.text
    (done,) = response.json()["documents"]
    assert done["doc"] == f"note@{content_hash(DATED)[:16]}"
    assert (done["published"], done["added"], done["known"]) == ("2024-01-19", 1, False)
    again = post(client, [("renamed.txt", DATED)]).json()["documents"][0]
    assert (again["doc"], again["added"], again["known"]) == (done["doc"], 0, True)


def test_another_file_of_the_same_name_is_its_own_source(
    site: tuple[httpx.Client, Path],
) -> None:
    client, _ = site
    first = post(client, [("same.txt", DATED)]).json()["documents"][0]["doc"]
    second = post(client, [("same.txt", OTHER)], publisher="A news agency").json()
    assert second["documents"][0]["doc"] not in (first, f"note@{content_hash(DATED)[:16]}")
    assert second["documents"][0]["conflicts"] == 1


def test_an_undated_text_needs_the_published_field(site: tuple[httpx.Client, Path]) -> None:
    client, db = site
    message, where = invalid_field(post(client, [("fresh.txt", DATED.replace("4.6", "4.4")),
                                                 ("undated.txt", UNDATED)]))
    assert where == ["body.published"] and "undated.txt" in message
    response = post(client, [("undated.txt", UNDATED)], published="2024-01-22")
    assert response.status_code == 200, response.text
    assert response.json()["documents"][0]["published"] == "2024-01-22"
    with Store.open(db, read_only=True) as store:
        files = set(store.sources()["file"])
    assert "fresh.txt" not in files  # the refused upload recorded nothing


@pytest.mark.parametrize(("field", "value"), [
    ("url", "ftp://example.org/note.txt"), ("url", "javascript:alert(1)"),
    ("published", "19/01/2024"), ("release_type", "draft"),
])
def test_bad_fields_are_422_naming_the_field(site: tuple[httpx.Client, Path], field: str,
                                             value: str) -> None:
    client, _ = site
    _, where = invalid_field(post(client, [("note.txt", DATED)], **{field: value}))
    assert where == [f"body.{field}"]
