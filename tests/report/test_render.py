"""Every format, both languages: the named figure, its comparison, charts, labels, notes."""

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from indmon.errors import ConfigError
from indmon.report import build_briefing, render_briefing, render_report, write_report
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
    assert "simulated-industries.svg" in charts
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
    obs_id = both_store.figures("va_ytd_yoy", period="2023", industry="ALL")[0].obs_id
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


# -- footnote markers and grouped endnotes -------------------------------------------------------
def test_several_notes_on_one_number_never_run_together(both_store: Store) -> None:
    markdown = render_report(both_store, "2023", "en", "md")
    html = render_report(both_store, "2023", "en", "html")
    assert isinstance(markdown, str) and isinstance(html, str)
    # the difference of 2023 and 2022 cites both releases: "1 2", never "12"
    assert "1.0 percentage point[^1] [^2] above 2022" in markdown
    assert "][^" not in markdown
    assert '<a href="#note-1">1</a> <a href="#note-2">2</a></sup>' in html
    assert "</sup><sup" not in html and "</a><a href=\"#note" not in html


def test_endnotes_group_repeated_sources(both_store: Store) -> None:
    briefing = build_briefing(both_store, "2023", "en")
    lines = [line for note in briefing.notes for line in note.lines]
    assert len(lines) == len(set(lines)) == len(briefing.notes)  # one note per source
    release = next(n for n in briefing.notes if "Test release on industry in 2023" in n.lines[0])
    # the words of the release only where they are not the value as printed
    assert release.figures == (
        "Value added of industrial enterprises above designated size, growth year on year "
        "(year to date), 2023: 4.6%",
        "Value added of industrial enterprises above designated size, growth year on year "
        "(year to date) (Manufacturing), 2023: 5.0%",
        "Total profit of industrial enterprises (year to date), 2023: 7.7 trillion yuan")
    zh = build_briefing(both_store, "2023", "zh")
    stated = next(n for n in zh.notes if "Test release on industry in 2023" in n.lines[0])
    assert stated.figures[2] == ("2023年规模以上工业企业利润总额（累计）：7.7万亿元"
                                 "（原文“7.7 trillion yuan”）")
    markdown = render_briefing(briefing, "md")
    assert isinstance(markdown, str)
    assert markdown.count("“Test release on industry in 2023”, 2024-01-19.") == 1
    assert f"[^{release.number}]: Test publisher, “Test release on industry in 2023”, " \
           "2024-01-19. Figures: Value added" in markdown
    html = render_briefing(briefing, "html")
    assert isinstance(html, str) and '<div class="supports"><b>Figures</b>: Value added' in html


def test_a_number_stated_by_two_sources_cites_both(tmp_path: Path) -> None:
    from indmon.store import NewObservation, Source

    with Store.open(tmp_path / "two.duckdb") as store:
        for name in ("A office", "B agency"):
            store.record([NewObservation("va_ytd_yoy", "2023", 4.6, "percent")],
                         Source(name, publisher=name, title=f"{name} on 2023",
                                published="2024-01-19"))
        briefing = build_briefing(store, "2023", "en")
    text = render_briefing(briefing, "md")
    assert isinstance(text, str) and "grew 4.6%[^1] [^2] year on year" in text
    assert [n.lines[0] for n in briefing.notes] == ["A office, “A office on 2023”, 2024-01-19",
                                                    "B agency, “B agency on 2023”, 2024-01-19"]


@pytest.mark.parametrize(("lang", "label"), [("en", "latest known: January–November 2023"),
                                              ("zh", "最新可得：2023年1—11月")])
def test_a_shorter_period_is_labelled_latest_known_in_every_format(
        tmp_path: Path, lang: str, label: str) -> None:
    from indmon.store import NewObservation, Source

    with Store.open(tmp_path / "latest.duckdb") as store:
        store.record([NewObservation("telecom_revenue_yoy", "2023-01/2023-11", 6.9, "percent"),
                      NewObservation("g5_base_stations", "2023-12-31", 3.377e6, "count")],
                     Source("r", publisher="P", title="T", published="2023-12-20"))
        markdown = render_report(store, "2023", lang, "md")
        html = render_report(store, "2023", lang, "html")
    assert isinstance(markdown, str) and isinstance(html, str)
    row = next(line for line in markdown.splitlines()
               if line.startswith("| ") and "6.9%" in line)
    assert f"| {label} |" in row
    assert label in html
    # the stock at the year's end is the year's own figure: no label
    stock = next(line for line in markdown.splitlines()
                 if line.startswith("| ") and ("3.377" in line or "337.7" in line))
    assert "latest known" not in stock and "最新可得" not in stock
