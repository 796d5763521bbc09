"""Printed tables get their column widths from their text, measured in Noto Sans SC."""

from __future__ import annotations

import datetime as dt
import re

from fontTools.ttLib import TTFont

from indmon.report.charts import font_path
from indmon.report.model import Briefing, Number, Section, Stated, Table
from indmon.report.render_html import (
    ASCII_WIDTHS,
    CELL_PADDING_EM,
    NARROW,
    PRINT_WIDTH_EM,
    column_widths,
    render_html,
    text_width,
)
from indmon.report.words import words_for


def test_the_widths_are_those_of_the_font() -> None:
    font = TTFont(str(font_path()), lazy=True)
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    em = font["head"].unitsPerEm
    assert tuple(round(1000 * metrics[cmap[c]][0] / em)
                                 for c in range(32, 127)) == ASCII_WIDTHS
    for char, width in NARROW.items():
        assert abs(metrics[cmap[ord(char)]][0] / em - width) < 0.001
    assert metrics[cmap[ord("增")]][0] == em  # a Chinese character is one em


def briefing(table: Table) -> Briefing:
    section = Section("theme-x", "Theme", tables=(table,))
    return Briefing("Card", "2023", "2023", "en", dt.datetime(2024, 1, 1), (section,), (),
                    (), words=words_for("en"))


def table(*rows: tuple[str | Number | None, ...]) -> Table:
    return Table("Theme", ("Indicator", "Value", "Period"), rows, numeric=(1,))


NAME = "Value added of industrial enterprises above designated size, growth year on year"


def test_a_printed_table_is_laid_out_at_widths_its_text_needs() -> None:
    shown = table((NAME, Number("6.982 trillion yuan", (1,)), "latest known: April 2023"),
                  ("Exports", Number("0.7%", (2,)), None))
    widths = column_widths(shown, briefing(shown))
    assert widths is not None and abs(sum(widths) - 100) < 0.01
    # the widest number fits on its line: it may not wrap
    number = (text_width("6.982 trillion yuan", bold=True) + CELL_PADDING_EM) / PRINT_WIDTH_EM
    assert widths[1] >= 100 * number
    assert widths[0] > widths[2] > widths[1] / 2
    html = render_html(briefing(shown), for_pdf=True)
    assert re.search(r'<table class="fixed">\s*<caption>.*?</caption>\s*<colgroup><col '
                     r'style="width: [0-9.]+%">', html, re.S)
    assert "<colgroup>" not in render_html(briefing(shown))  # a browser lays out its own


def test_numbers_too_wide_for_the_page_leave_the_table_to_weasyprint() -> None:
    wide = Table("Theme", ("Indicator", *[f"Value {i}" for i in range(6)]),
                 ((NAME, *[Number("1,234.5 billion yuan", (i,)) for i in range(6)]),),
                 numeric=tuple(range(1, 7)))
    assert column_widths(wide, briefing(wide)) is None
    assert "<colgroup>" not in render_html(briefing(wide), for_pdf=True)


def test_a_number_its_sources_state_differently_leaves_the_table_to_weasyprint() -> None:
    differs = Number("27.7%", (1,), differs=(
        Stated(Number("22.5%", (1,)), "Press conference record, 2023-04-20"),
        Stated(Number("27.7%", (2,)), "Press conference record, 2023-04-20")))
    shown = table((NAME, differs, "latest known: Q1 2023"))
    assert column_widths(shown, briefing(shown)) is None


def test_a_table_whose_numbers_share_a_note_cites_it_once_a_suppressed_cell_aside() -> None:
    from dataclasses import replace

    from indmon.report.render_markdown import render_markdown

    shown = Table("By industry", ("Industry", "Growth"), (
        ("Mining", Number("2.2%", (1,))), ("Tobacco", Number("suppressed", (2,))),
        ("Manufacturing", Number("5.0%", (3,)))), numeric=(1,))
    card = replace(briefing(shown), note_of={1: (7,), 3: (7,)})
    assert card.shared_notes(shown) == (7,)
    html = render_html(card)
    assert html.count('<a href="#note-7">7</a>') == 1  # in the caption
    assert re.search(r"<caption>By industry<sup", html)
    markdown = render_markdown(card, "charts", "", None)[0]
    assert "**By industry**[^7]" in markdown and "| 2.2% |" in markdown
    mixed = replace(card, note_of={1: (7,), 3: (8,)})
    assert mixed.shared_notes(shown) == ()
