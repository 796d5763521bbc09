"""Writing cards: one card for every format and language, charts drawn once per language,
PDFs printed by a separate process, and the files the same as each format rendered on
its own."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from indmon.errors import ReportError
from indmon.report import build_briefing, charts, render_briefing, write_reports
from indmon.report import card as card_module
from indmon.report.pdf_print import Printer
from indmon.report.write import Target, write_targets
from indmon.store import Store

GENERATED = dt.datetime(2024, 2, 1, 9, 30)


def count_calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    """Patch ``module.name`` to count its calls (a list, one item per call)."""
    original = getattr(module, name)
    calls: list[int] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def chart_count(store: Store, lang: str) -> int:
    return sum(len(s.charts) for s in build_briefing(store, "2023", lang).sections)


@pytest.mark.slow
def test_every_format_and_language_come_from_one_card_with_charts_drawn_once(
    both_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected_drawings = chart_count(both_store, "en") + chart_count(both_store, "zh")
    assert expected_drawings >= 6
    cards = count_calls(monkeypatch, card_module, "build_card")
    drawings = count_calls(monkeypatch, charts, "svg")
    written = write_reports(both_store, "2023", tmp_path)
    assert [p.name for p in written] == [f"report-card-2023-{lang}.{fmt}"
                                         for lang in ("en", "zh") for fmt in ("md", "html", "pdf")]
    assert len(cards) == 1
    # Markdown, HTML and PDF of a language share each chart's drawing
    assert len(drawings) == expected_drawings
    assert all(p.stat().st_size > 1000 for p in written)
    assert (tmp_path / "report-card-2023-zh.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in (tmp_path / "report-card-2023-en_charts").iterdir())


@pytest.mark.slow
def test_written_files_are_each_format_rendered_on_its_own(
    both_store: Store, tmp_path: Path,
) -> None:
    targets = [Target(lang, fmt, tmp_path / f"card-{lang}.{fmt}")
               for lang in ("en", "zh") for fmt in ("md", "html", "pdf")]
    write_targets(both_store, "2023", targets, generated=GENERATED)
    for lang in ("en", "zh"):
        briefing = build_briefing(both_store, "2023", lang, generated=GENERATED)
        markdown = render_briefing(briefing, "md", chart_dir=f"card-{lang}_charts")
        assert (tmp_path / f"card-{lang}.md").read_text("utf-8") == markdown
        assert (tmp_path / f"card-{lang}.html").read_text("utf-8") == render_briefing(
            briefing, "html")
        # the printing process makes the very PDF that rendering in this process makes
        assert (tmp_path / f"card-{lang}.pdf").read_bytes() == render_briefing(briefing, "pdf")
        for chart in (c for s in briefing.sections for c in s.charts):
            drawn = tmp_path / f"card-{lang}_charts" / f"{chart.chart_id}.svg"
            assert drawn.read_text("utf-8") == charts.svg(chart)


def test_a_chart_is_the_same_svg_each_time_it_is_saved(both_store: Store) -> None:
    briefing = build_briefing(both_store, "2023", "zh")
    chart = next(c for s in briefing.sections for c in s.charts)
    drawings = charts.Drawings()
    first = drawings.svg(chart)
    assert drawings.drawn == 1 and first == charts.svg(chart)
    assert "<text" in first and chart.title in first
    assert drawings.svg(chart) is first  # drawn once


def test_progress_names_each_step_in_order(both_store: Store, tmp_path: Path) -> None:
    steps: list[str] = []
    write_reports(both_store, "2023", tmp_path, langs=("en",), formats=("md", "html"),
                  progress=steps.append)
    assert steps == ["building the report card of 2023", "wording the en briefing",
                     "drawing charts and writing the Markdown (en)", "writing the HTML (en)"]


@pytest.mark.slow
def test_progress_says_when_the_pdfs_are_being_printed(both_store: Store,
                                                       tmp_path: Path) -> None:
    steps: list[str] = []
    write_reports(both_store, "2023", tmp_path, formats=("md", "pdf"), progress=steps.append)
    assert steps[2:5] == ["drawing charts and writing the PDF (en)", "wording the zh briefing",
                         "drawing charts and writing the PDF (zh)"]
    assert steps[-1] == "printing the PDFs"


@pytest.mark.slow
def test_a_pdf_that_cannot_be_written_is_an_error_naming_the_path(
    both_store: Store, tmp_path: Path,
) -> None:
    taken = tmp_path / "card.pdf"
    taken.mkdir()  # a directory where the file should go
    with pytest.raises(ReportError, match=r"cannot write the report to .*card\.pdf"):
        write_targets(both_store, "2023", [Target("en", "pdf", taken)])
    assert not (tmp_path / "card.pdf.part").exists()


def test_a_printer_that_died_is_an_error_not_a_hang(tmp_path: Path) -> None:
    printer = Printer()
    try:
        printer._process.kill()
        printer._process.wait()
        printer.submit("<p>x</p>", tmp_path / "x.pdf", "2023")
        with pytest.raises(ReportError, match="2023 briefing could not be rendered: the "
                                              "printing process ended"):
            printer.wait()
    finally:
        printer.close()
    assert not (tmp_path / "x.pdf").exists()


def test_no_card_no_printing_process_left(both_store: Store, tmp_path: Path) -> None:
    from indmon.errors import NotFound

    with pytest.raises(NotFound):
        write_targets(both_store, "2019", [Target("en", "pdf", tmp_path / "x.pdf")])
    assert not (tmp_path / "x.pdf").exists()


def test_the_card_model_loads_no_charting_or_pdf_library() -> None:
    """The dashboard imports the card; charts and PDFs are for briefings only."""
    code = ("import sys, indmon.report.card, indmon.report; "
            "print(sorted(m for m in ('matplotlib', 'weasyprint', 'jinja2') "
            "if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.strip()
    assert found == "[]"
