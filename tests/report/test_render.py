"""Every format, both languages: the named figure, its comparison, charts, labels, notes."""

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from indmon.errors import ConfigError
from indmon.report import render_report, write_report
from indmon.store import Store

COMPARISON = {"en": "1.0 percentage point", "zh": "1.0个百分点"}
SIMULATED = {"en": "Simulated data", "zh": "模拟数据"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_states_figures_with_footnotes(both_store: Store, lang: str) -> None:
    text = render_report(both_store, "2023", lang, "md")
    assert isinstance(text, str)
    assert "4.6%[^1]" in text and COMPARISON[lang] in text
    assert re.search(r"^## .*" + SIMULATED[lang], text, re.MULTILINE)
    assert "[^1]: Test publisher" in text
    assert "Test release on industry in 2023" in text and "2024-01-19" in text


def test_markdown_charts_are_written_beside_the_file(both_store: Store, tmp_path: Path) -> None:
    out = write_report(both_store, "2023", "en", "md", tmp_path / "card.md")
    text = out.read_text("utf-8")
    charts = sorted(p.name for p in (tmp_path / "card_charts").iterdir())
    assert "computed-industries.svg" in charts
    for name in charts:
        assert f"](card_charts/{name})" in text
        assert (tmp_path / "card_charts" / name).read_text("utf-8").startswith("<svg")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_html_has_inline_charts_and_linked_numbers(both_store: Store, lang: str) -> None:
    html = render_report(both_store, "2023", lang, "html")
    assert isinstance(html, str)
    assert html.count("<svg") >= 3
    assert '<a class="num" href="#note-1"' in html
    assert COMPARISON[lang] in html and SIMULATED[lang] in html
    assert 'id="note-1"' in html and "Test release on industry in 2023" in html


def test_link_base_points_numbers_to_their_provenance(both_store: Store) -> None:
    html = render_report(both_store, "2023", "en", "html", link_base="/provenance/")
    obs_id = both_store.query(
        "SELECT obs_id FROM observations WHERE indicator = 'va_ytd_yoy' AND period = '2023'"
        " AND industry = 'ALL'")["obs_id"].iloc[0]
    assert f'href="/provenance/{obs_id}"' in html
    markdown = render_report(both_store, "2023", "en", "md", link_base="/provenance/")
    assert f"[4.6%](/provenance/{obs_id})[^1]" in markdown


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_text_charts_and_notes(both_store: Store, lang: str) -> None:
    pdf = render_report(both_store, "2023", lang, "pdf")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", "", text)
    assert "4.6%" in flat and re.sub(r"\s+", "", COMPARISON[lang]) in flat
    assert SIMULATED[lang].replace(" ", "") in flat
    assert "Testreleaseonindustryin2023" in flat
    # charts are vector drawings whose labels stay text: their titles are in the page text
    chart_titles = {"en": "Valueaddedgrowthbyprovince", "zh": "分地区增加值增速"}
    assert chart_titles[lang] in flat
    assert len(reader.pages) >= 3


def test_unknown_format_is_refused(both_store: Store) -> None:
    with pytest.raises(ConfigError, match="use --format md, html or pdf"):
        render_report(both_store, "2023", "en", "docx")


def test_bad_period_is_refused(both_store: Store) -> None:
    with pytest.raises(ConfigError, match="2023-Q1"):
        render_report(both_store, "last year", "en", "md")
