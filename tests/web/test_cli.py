"""``indmon users ...`` and ``indmon serve`` as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from indmon.cli import app

from .servers import free_port

runner = CliRunner()


def run(db: Path, *args: str) -> str:
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_user_and_token_lifecycle(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    run(db, "users", "add", "li", "--role", "analyst", "--province", "110000")
    secret = run(db, "users", "token", "li", "--label", "laptop").strip().splitlines()[-1]
    assert secret.startswith("imt_")
    listed = run(db, "users", "list", "-o", "json")
    assert '"li"' in listed and "110000" in listed
    assert secret not in run(db, "users", "tokens", "-o", "csv")
    run(db, "users", "revoke", "1")
    run(db, "users", "remove", "li")
    assert "user.remove" in run(db, "users", "audit", "-o", "csv")


def test_bad_user_is_a_clean_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), "users", "add", "r",
                                 "--role", "reporter"])
    assert result.exit_code == 1
    assert "--enterprise" in result.output


def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "INDMON_DB": str(tmp_path / "served.duckdb")}
    process = subprocess.Popen(
        [sys.executable, "-c", "from indmon.cli import main; main()", "serve", "--port",
         str(port), "--public"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        status = _first_answer(f"http://127.0.0.1:{port}/api/indicators")
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert status == 200


def _first_answer(url: str) -> int:
    for _ in range(150):
        try:
            return httpx.get(url, timeout=5).status_code
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"nothing answered at {url}")
