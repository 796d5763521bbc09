"""``indmon extract --published``: periods of undated texts read against the given date."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from indmon.cli import app


def _run(tmp_path: Path, *extra: str) -> tuple[int, str, list[dict[str, object]]]:
    release = tmp_path / "note.txt"
    release.write_text("In March, output of cement grew by 3.1% year on year.\n", encoding="utf-8")
    out = tmp_path / "f"
    result = CliRunner().invoke(app, ["extract", str(release), "--out", str(out),
                                      "--workers", "1", *extra])
    path = out / "note.jsonl"
    records = [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []
    return result.exit_code, result.output, records


def test_published_dates_an_undated_text(tmp_path: Path) -> None:
    code, output, records = _run(tmp_path, "--published", "2024-04-16")
    assert code == 0, output
    assert [r["period"] for r in records] == ["2024-03"]


def test_a_march_stated_in_january_is_last_years(tmp_path: Path) -> None:
    _, _, records = _run(tmp_path, "--published", "2025-01-20")
    assert [r["period"] for r in records] == ["2024-03"]


def test_a_published_date_that_is_no_date_is_refused(tmp_path: Path) -> None:
    code, output, _ = _run(tmp_path, "--published", "16/04/2024")
    assert code == 1
    assert "write it as YYYY-MM-DD" in " ".join(output.split())
