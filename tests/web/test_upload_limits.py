"""Uploads through a real server: a file is parsed in a worker thread before the store's
write lock is taken, so while one is being read every other request is answered; a
decompression bomb or a file over the read limits is a 413 naming the file and the limit,
and nothing of it is stored."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyarrow as pa
import pytest
from tests.intake.test_read_limits import _header_and_rows, sheet_xml, with_sheet, workbook

from indmon.intake.readers import xlsx
from indmon.intake.readers.limits import ReadLimits
from indmon.web.app import Backend, WebConfig

from .servers import Running, Site, add_people, start, stop


@pytest.fixture(scope="module")
def uploads(seeded: Path, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[Site, Running]]:
    db = tmp_path_factory.mktemp("uploads") / "uploads.duckdb"
    shutil.copy(seeded, db)
    tokens = add_people(db)
    url, running = start(db, WebConfig(public=False, read_limits=ReadLimits(max_rows=100)))
    yield Site(url, tokens, db), running
    stop(running)


def _backend(running: Running) -> Backend:
    found: Backend = running.server.config.app.state.backend
    return found


def _upload(site: Site, path: Path, role: str = "admin") -> httpx.Response:
    with site.client(role) as client:
        return client.post("/api/reports", files={"file": (path.name, path.read_bytes())})


def _stored(site: Site) -> int:
    with site.client("admin") as client:
        return sum(client.get(f"/api/reports/enterprise/E{n}").json()["total"]
                   for n in range(3))


def test_a_bomb_is_413_naming_the_file_and_the_limit(uploads: tuple[Site, Running],
                                                     tmp_path: Path) -> None:
    site, _ = uploads
    bomb = with_sheet(workbook(tmp_path / "bomb.xlsx"),
                      sheet_xml(_header_and_rows(2), padding=64 * 1024 * 1024))
    before = _stored(site)
    response = _upload(site, bomb)
    assert response.status_code == 413, response.text
    error = response.json()["error"]
    assert error["type"] == "FileOverLimit"
    assert "bomb.xlsx" in error["message"]
    assert error["detail"]["limit"] == "compression ratio"
    assert error["detail"]["setting"] == "INDMON_MAX_COMPRESSION_RATIO"
    assert error["detail"]["file"] == "bomb.xlsx"  # not the server's temporary path
    assert _stored(site) == before


def test_a_file_over_the_servers_row_limit_is_refused_whole(uploads: tuple[Site, Running],
                                                            tmp_path: Path) -> None:
    site, _ = uploads
    many = workbook(tmp_path / "many.xlsx", rows=101)  # E0..E100, limit 100
    before = _stored(site)
    response = _upload(site, many)
    assert response.status_code == 413, response.text
    assert "more than 100 data rows" in response.json()["error"]["message"]
    assert _stored(site) == before


def test_an_upload_is_parsed_before_the_write_lock_and_others_are_served(
        uploads: tuple[Site, Running], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site, running = uploads
    backend = _backend(running)
    parsing, release = threading.Event(), threading.Event()
    seen: dict[str, Any] = {}
    original = xlsx.read

    def slow_read(path: Path, limits: ReadLimits | None = None) -> pa.Table:
        # what the lock was doing while the upload was being parsed
        seen["writing"] = backend.lock._writing or bool(backend.lock._writers_waiting)
        parsing.set()
        release.wait(timeout=20)
        return original(path, limits)

    monkeypatch.setattr(xlsx, "read", slow_read)
    result: dict[str, httpx.Response] = {}
    sender = threading.Thread(target=lambda: result.setdefault(
        "upload", _upload(site, workbook(tmp_path / "slow.xlsx", rows=2))))
    sender.start()
    try:
        assert parsing.wait(timeout=20), "the upload was never parsed"
        with site.client("analyst") as client:
            # store reads (a read lease each) while the upload is being parsed
            alerts = client.get("/api/alerts", timeout=5)
            page = client.get("/alerts", timeout=5)
    finally:
        release.set()
        sender.join(timeout=30)
    assert seen["writing"] is False
    assert alerts.status_code == 200 and page.status_code == 200
    assert result["upload"].status_code == 200, result["upload"].text
    assert result["upload"].json()["result"]["files"][0]["accepted"] == 2
