"""`indmon demo` end to end, as a new user runs it (smaller panel, no server)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from indmon.store import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    root = tmp_path_factory.mktemp("demo")
    db, out = root / "store.duckdb", root / "out"
    run = subprocess.run(
        ["indmon", "--db", str(db), "demo", "--no-serve", "--out", str(out),
         "--enterprises", "1500"],
        capture_output=True, text=True, timeout=900, check=False,
    )
    assert run.returncode == 0, run.stderr
    return db, out, run.stdout


def test_demo_writes_report_cards_in_both_languages_and_formats(
    demo: tuple[Path, Path, str],
) -> None:
    _, out, _ = demo
    for lang in ("en", "zh"):
        for fmt in ("md", "html", "pdf"):
            assert (out / f"report-card-2023-{lang}.{fmt}").stat().st_size > 1000


def test_demo_report_cards_carry_the_published_headline_and_label_simulation(
    demo: tuple[Path, Path, str],
) -> None:
    _, out, _ = demo
    english = (out / "report-card-2023-en.md").read_text(encoding="utf-8")
    chinese = (out / "report-card-2023-zh.md").read_text(encoding="utf-8")
    assert "4.6%" in english and "1.0 percentage point" in english
    assert "4.6%" in chinese and "1.0个百分点" in chinese
    assert "Simulated" in english and "模拟" in chinese
    pdf_text = "".join(p.extract_text() for p in PdfReader(out / "report-card-2023-zh.pdf").pages)
    assert "模拟" in pdf_text


def test_demo_store_holds_published_computed_and_monitored_figures(
    demo: tuple[Path, Path, str],
) -> None:
    db, _, stdout = demo
    assert "SIMULATED" in stdout
    with Store.open(db, read_only=True) as store:
        published = store.value("va_ytd_yoy", "2023")
        computed = store.observations("va_real_ytd_yoy", period="2023-12", industry="ALL",
                                      province="ALL")
        alerts = store.query("SELECT count(*) AS n, bool_and(simulated) AS s FROM alerts")
    assert published == 4.6
    assert len(computed) == 1 and bool(computed["simulated"].iloc[0])
    # monitoring ran on the simulated panel, and says so on every alert it raised
    assert alerts["n"].iloc[0] > 0 and bool(alerts["s"].iloc[0])


def test_running_the_demo_again_adds_nothing(demo: tuple[Path, Path, str]) -> None:
    db, out, _ = demo
    with Store.open(db, read_only=True) as store:
        before = store.counts()
    run = subprocess.run(
        ["indmon", "--db", str(db), "demo", "--no-serve", "--out", str(out),
         "--enterprises", "1500"],
        capture_output=True, text=True, timeout=900, check=False,
    )
    assert run.returncode == 0, run.stderr
    with Store.open(db, read_only=True) as store:
        after = store.counts()
    assert after["observations"] == before["observations"]
