"""Printing HTML to PDF: chart labels laid out once, the garbage collector given back."""

import base64
import gc
import io
import os
import re

import pytest
from pypdf import PdfReader

from indmon.report.charts import font_path
from indmon.report.pdf_print import _font_fetcher, _subset_fetcher, document_characters, print_html


def page(svg: str) -> str:
    """A page holding the chart as the cards do: an image, Noto Sans SC embedded."""
    data = base64.b64encode(svg.encode()).decode()
    font = font_path().as_uri()
    return (f"<html><head><style>@font-face {{ font-family: 'Noto Sans SC'; "
            f"src: url('{font}'); }}</style></head><body><p>Chart below</p>"
            f'<img style="width: 100%" src="data:image/svg+xml;base64,{data}"></body></html>')


def chart(*labels: str) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" '
            'viewBox="0 0 400 200" font-family="\'Noto Sans SC\', sans-serif">'
            + "".join(labels) + "</svg>")


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def layouts_while_printing(html: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many Pango layouts WeasyPrint makes for ``html``, beyond those of the page."""
    import weasyprint.text.line_break as line_break

    calls = 0
    split = line_break.split_first_line

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return split(*args, **kwargs)

    monkeypatch.setattr(line_break, "split_first_line", counting)
    print_html(html)
    return calls


def test_a_label_is_laid_out_once_and_stays_text(monkeypatch: pytest.MonkeyPatch) -> None:
    label = "Value added growth by province, 2023 (Simulated data)"
    plain = layouts_while_printing(page(chart()), monkeypatch)
    labelled = page(chart(f'<text x="200" y="40" font-size="12" fill="#1f2d3d" '
                          f'text-anchor="middle">{label}</text>'))
    # WeasyPrint alone lays out the line, then each of its 53 letters
    assert layouts_while_printing(labelled, monkeypatch) - plain <= 2
    assert label.replace(" ", "") in text_of(print_html(labelled))


def test_chinese_and_anchored_labels_print() -> None:
    svg = chart('<text x="10" y="30" font-size="12" text-anchor="start">分地区增加值增速</text>',
                '<text x="390" y="60" font-size="9" text-anchor="end">−2.4%</text>',
                ('<text x="200" y="90" font-size="10" text-anchor="middle">'
                 '模拟数据 Simulated</text>'))
    flat = text_of(print_html(page(svg)))
    assert "分地区增加值增速" in flat and "−2.4%" in flat and "模拟数据Simulated" in flat


def test_letters_placed_one_by_one_are_left_to_weasyprint(
        monkeypatch: pytest.MonkeyPatch) -> None:
    plain = layouts_while_printing(page(chart()), monkeypatch)
    spaced = page(chart('<text x="10 30 50 70" y="40" font-size="12">ABCD</text>'))
    assert layouts_while_printing(spaced, monkeypatch) - plain >= 5  # the line, each letter
    assert "ABCD" in text_of(print_html(spaced))


def test_the_garbage_collector_is_given_back() -> None:
    assert gc.isenabled()
    print_html(page(chart()))
    assert gc.isenabled()
    gc.disable()
    try:
        print_html(page(chart()))
        assert not gc.isenabled()  # as the caller had it
    finally:
        gc.enable()


def test_the_garbage_collector_is_given_back_when_printing_fails(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint

    def broken(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("no printer")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", broken)
    with pytest.raises(ValueError, match="no printer"):
        print_html(page(chart()))
    assert gc.isenabled()


def test_runs_of_one_label_print_together() -> None:
    svg = chart('<text x="200" y="40" font-size="12" text-anchor="middle">Value '
                '<tspan font-weight="bold">added</tspan> growth</text>')
    assert "Valueaddedgrowth" in text_of(print_html(page(svg)))


# -- the embedded font, cut down to the page -------------------------------------------------------
def test_the_characters_of_a_page_include_its_charts_entities_and_generated_text() -> None:
    html = page(chart('<text x="10" y="30">分地区 &amp; 增速</text>')).replace(
        "Chart below", "Chart &#x2212;1.2% below")
    found = document_characters(html)
    assert {"分", "地", "区", "增", "速", "&", "−"} <= found  # chart, entity, number
    assert {"•", "/", "0", "9"} <= found  # bullets and page counters WeasyPrint generates


def test_a_local_font_reaches_weasyprint_cut_down_to_the_page() -> None:
    import weasyprint
    from fontTools.ttLib import TTFont

    characters = document_characters(page(chart('<text x="10" y="30">分地区增加值</text>')))
    response = _subset_fetcher(weasyprint.URLFetcher, characters).fetch(font_path().as_uri())
    cut = TTFont(io.BytesIO(response.read()))
    whole = TTFont(str(font_path()), lazy=True)
    mapped = set(cut.getBestCmap())
    assert {ord(c) for c in "分地区增加值Chart"} <= mapped
    assert mapped <= {ord(c) for c in characters}
    assert len(cut.getGlyphOrder()) < len(whole.getGlyphOrder()) / 20


def test_a_font_that_cannot_be_cut_is_fetched_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint

    import indmon.report.pdf_print as pdf_print

    def broken(*args: object) -> bytes:
        raise ValueError("not a font fontTools can cut")

    monkeypatch.setattr(pdf_print, "subset_font", broken)
    response = _subset_fetcher(weasyprint.URLFetcher, frozenset("abc")).fetch(
        font_path().as_uri())
    assert len(response.read()) == font_path().stat().st_size
    svg = chart('<text x="10" y="30" font-size="12">分地区增加值增速</text>')
    assert "分地区增加值增速" in text_of(print_html(page(svg)))


def test_weasyprint_cutting_fonts_with_harfbuzz_gets_them_whole(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from weasyprint.text import ffi

    monkeypatch.setattr(ffi, "harfbuzz_subset", object(), raising=False)
    assert _font_fetcher(page(chart())) is None


def embedded_glyphs(pdf: bytes) -> list[int]:
    """How many glyphs each font embedded in ``pdf`` holds."""
    from fontTools.ttLib import TTFont

    counts = []
    for pdf_page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = pdf_page["/Resources"].get("/Font")
        for font in (fonts.get_object().values() if fonts else ()):
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                stream = next(descriptor[key] for key in ("/FontFile3", "/FontFile2")
                              if key in descriptor)
                program = TTFont(io.BytesIO(stream.get_object().get_data()), lazy=True)
                counts.append(len(program.getGlyphOrder()))
    return counts


def test_the_printed_pdf_embeds_the_glyphs_of_the_page_not_the_whole_font(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import weasyprint.pdf.fonts
    from weasyprint.text import ffi

    # the path taken where HarfBuzz-Subset is not installed, as on this project's machines
    monkeypatch.setattr(ffi, "harfbuzz_subset", None, raising=False)
    monkeypatch.setattr(weasyprint.pdf.fonts, "harfbuzz_subset", None)
    pdf = print_html(page(chart('<text x="10" y="30" font-size="12">分地区增加值增速</text>')))
    counts = embedded_glyphs(pdf)
    assert counts and max(counts) < 1000  # the whole Noto Sans SC holds 65,000


def test_a_page_prints_to_the_same_bytes_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import fontTools.misc.timeTools as time_tools

    html = page(chart('<text x="10" y="30" font-size="12">分地区增加值增速</text>'))
    first = print_html(html)
    # a second later, as far as fontTools' clock tells
    clock = time_tools.time.time
    monkeypatch.setattr(time_tools.time, "time", lambda: clock() + 5)
    assert print_html(html) == first
    assert "SOURCE_DATE_EPOCH" not in os.environ
