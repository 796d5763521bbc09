"""``indmon extract`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from indmon.cli import app


def test_extract_command(tmp_path: Path) -> None:
    release = tmp_path / "note.txt"
    release.write_text("In 2024, output grew by 3.1% year on year.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(release), "--out", str(tmp_path / "f"),
                                      "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "1 facts from 1 documents" in result.output
    (record,) = [json.loads(x) for x in (tmp_path / "f" / "note.jsonl").read_text().splitlines()]
    assert (record["mention"], record["period"]) == ("3.1%", "2024")


def test_extract_command_reports_bad_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.txt"), "--out",
                                      str(tmp_path / "f")])
    assert result.exit_code == 1
    assert "nope.txt: no such file or folder" in " ".join(result.output.split())
