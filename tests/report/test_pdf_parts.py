"""A long card printed in two parts at once and joined: the same pages, links, outline
and page numbers as one document would have, the same bytes however it was printed."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from indmon.report import pdf_parts
from indmon.report.pdf_parts import (
    ANCHOR_SCHEME,
    SPLIT_FROM,
    cut_at,
    join_parts,
    print_document,
    split_document,
)
from indmon.report.pdf_print import Printers, print_html

STYLE = ('@page { size: A4; margin: 18mm 16mm; @bottom-center { content: counter(page) '
         '" / " counter(pages); font-size: 8pt; } }')


def document(sections: list[tuple[str, str]], words: int = 2200) -> str:
    """A card-like page: a title, sections (id, class) of text whose first paragraph
    links to the last note, and the notes."""
    text = " ".join(f"word{i}" for i in range(words))
    body = "".join(
        f'<section id="{key}" class="{css}"><h2>Section {key}</h2>'
        f'<p>See <a href="#note-2">the note</a> and <a href="#{key}">here</a>. {text}</p>'
        f"</section>" for key, css in sections)
    notes = ('<section id="sources" class="sources"><h2>Sources</h2><h3>Notes</h3><ol>'
             '<li id="note-1">first</li><li id="note-2">second</li></ol></section>')
    return (f'<!DOCTYPE html><html lang="en"><head>'
            f"<title>Card</title><style>{STYLE}</style></head>"
            f'<body><h1>Card</h1><nav><a href="#sources">Sources</a></nav>{body}{notes}'
            "</body></html>")


SECTIONS = [("one", ""), ("two", ""), ("three", "simulated"), ("four", "simulated")]


def text_of(page: object) -> str:
    return re.sub(r"\s+", " ", page.extract_text())  # type: ignore[attr-defined]


# -- splitting ----------------------------------------------------------------------------------
def test_a_short_document_is_printed_whole() -> None:
    html = document(SECTIONS, words=10)
    assert len(html) < SPLIT_FROM
    assert split_document(html) == [html]


def test_a_long_document_splits_at_the_start_of_the_simulated_part() -> None:
    html = document(SECTIONS)
    first, second = split_document(html)
    assert 'id="two"' in first and 'id="three"' not in first
    assert second.index("<body>") < second.index('<section id="three"')
    assert 'id="two"' not in second and 'id="sources"' in second
    for part in (first, second):  # the joined PDF numbers the pages
        assert "@bottom-center { content: none; }" in part


def test_links_to_the_other_part_keep_their_anchor_in_another_scheme() -> None:
    first, second = split_document(document(SECTIONS))
    assert f'href="{ANCHOR_SCHEME}note-2"' in first and 'href="#note-2"' not in first
    assert 'href="#one"' in first and f'href="{ANCHOR_SCHEME}sources"' in first
    assert 'href="#note-2"' in second and 'href="#three"' in second


def test_without_a_simulated_part_near_the_middle_the_cut_is_the_nearest_section() -> None:
    assert cut_at(1000, [(100, ""), (480, ""), (900, "simulated")]) == 480
    assert cut_at(1000, [(100, ""), (400, "simulated"), (520, "")]) == 400
    assert cut_at(1000, [(200, "simulated"), (450, ""), (700, "")]) == 450


# -- joining --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def printed() -> tuple[str, bytes, bytes]:
    """The long document, printed whole and printed in parts, here."""
    html = document(SECTIONS)
    parts = [print_html(part) for part in split_document(html)]
    assert len(parts) == 2
    return html, print_html(html), join_parts(parts)


def test_the_joined_pdf_has_every_page_numbered_of_all(printed: tuple[str, bytes, bytes]
                                                       ) -> None:
    _, whole, joined = printed
    reader = PdfReader(io.BytesIO(joined))
    assert reader.trailer["/Root"]["/Lang"] == "en" and reader.metadata.title == "Card"
    pages = reader.pages
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        assert text_of(page).count(f"{number} / {len(pages)}") == 1
    assert "word2199" in text_of(pages[-2]) + text_of(pages[-1])
    # the whole document has as many pages, give or take the one the second part starts
    assert abs(len(PdfReader(io.BytesIO(whole)).pages) - len(pages)) <= 1


def test_links_across_parts_lead_to_their_anchor_in_the_joined_pdf(
        printed: tuple[str, bytes, bytes]) -> None:
    reader = PdfReader(io.BytesIO(printed[2]))
    destinations = reader.named_destinations
    assert {"one", "three", "note-2", "sources"} <= set(destinations)
    note_page = reader.get_destination_page_number(destinations["note-2"])
    links = [a.get_object() for a in reader.pages[0].get("/Annots", ())]
    assert not [a for a in links if "/A" in a]  # none left pointing outside the PDF
    targets = {str(a["/Dest"]) for a in links}
    assert {"note-2", "sources", "one"} <= targets
    assert note_page == len(reader.pages) - 1


def test_the_second_parts_headings_sit_under_the_cards_title(
        printed: tuple[str, bytes, bytes]) -> None:
    reader = PdfReader(io.BytesIO(printed[2]))
    top = [item for item in reader.outline if not isinstance(item, list)]
    assert [item.title for item in top] == ["Card"]
    children = [item.title for item in reader.outline[1] if not isinstance(item, list)]
    assert children == ["Section one", "Section two", "Section three", "Section four",
                        "Sources"]
    three = next(i for i in reader.outline[1] if getattr(i, "title", "") == "Section three")
    assert reader.get_destination_page_number(three) == reader.get_destination_page_number(
        reader.named_destinations["three"])


def test_a_document_in_parts_prints_to_the_same_bytes_here_and_by_printers(
        printed: tuple[str, bytes, bytes], tmp_path: Path) -> None:
    html, _, joined = printed
    assert print_document(html) == joined  # a second part printed beside this process
    printers = Printers(2)
    try:
        printers.submit(html, tmp_path / "card.pdf", "2023")
        printers.wait()
    finally:
        printers.close()
    assert (tmp_path / "card.pdf").read_bytes() == joined
    assert not list(tmp_path.glob("*.part"))


def test_a_dead_helper_leaves_the_second_part_printed_here(
        printed: tuple[str, bytes, bytes]) -> None:
    html, _, joined = printed
    helper = pdf_parts._helper()
    assert helper is not None
    helper._process.kill()
    helper._process.wait()
    assert print_document(html) == joined


def test_footer_numbers_are_centred_on_the_page() -> None:
    operators = pdf_parts.footer_operators("12 / 34", 600.0).decode()
    width = (4 * 556 + 3 * 278) * 8 / 1000  # 1, 2, 3, 4; two spaces and a slash
    x = float(re.search(r"Tf ([0-9.]+) ", operators).group(1))  # type: ignore[union-attr]
    assert x == pytest.approx((600 - width) / 2, abs=0.01)
    assert "(12 / 34) Tj" in operators


def test_while_another_thread_uses_the_helper_a_document_prints_here(
        printed: tuple[str, bytes, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    html, _, joined = printed

    def no_helper() -> None:
        raise AssertionError("the helper is another thread's")

    monkeypatch.setattr(pdf_parts, "_helper", no_helper)
    assert pdf_parts._helper_lock.acquire(blocking=False)
    try:
        assert print_document(html) == joined
    finally:
        pdf_parts._helper_lock.release()


def footer_place(page: object, text: str) -> tuple[float, float]:
    """Where ``text`` starts on the page, in points from its bottom-left corner."""
    found: list[tuple[float, float]] = []

    def visit(shown: str, cm: list[float], tm: list[float], *_: object) -> None:
        if shown.strip() == text:
            e, f = tm[4], tm[5]
            found.append((cm[0] * e + cm[2] * f + cm[4], cm[1] * e + cm[3] * f + cm[5]))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    assert found, f"no {text!r} on the page"
    return found[0]


def test_the_joined_footer_stands_where_the_stylesheets_footer_does() -> None:
    from indmon.report.charts import font_path
    from indmon.report.render_html import _css

    # the card's stylesheet and font, as render_html prints them
    font = f"@font-face {{ font-family: 'Noto Sans SC'; src: url('{font_path().as_uri()}'); }}"
    html = document(SECTIONS).replace(STYLE, font + _css())
    whole = PdfReader(io.BytesIO(print_html(html)))
    joined = PdfReader(io.BytesIO(join_parts([print_html(p) for p in split_document(html)])))
    x_whole, y_whole = footer_place(whole.pages[0], f"1 / {len(whole.pages)}")
    x_joined, y_joined = footer_place(joined.pages[0], f"1 / {len(joined.pages)}")
    assert y_joined == pytest.approx(y_whole, abs=0.5)
    # centred both: Helvetica's "1 / N" is a little wider than Noto Sans SC's
    assert x_joined == pytest.approx(x_whole, abs=1.5)


def test_a_forked_child_starts_a_helper_of_its_own(printed: tuple[str, bytes, bytes]) -> None:
    import os

    html, _, joined = printed
    assert print_document(html) == joined
    parent_helper = pdf_parts._helper()
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child prints its own card and says whether it used its own helper
        same = False
        try:
            same = print_document(html) == joined and pdf_parts._helpers[0] is not parent_helper
        finally:
            os.write(write, b"1" if same else b"0")
            os._exit(0)
    os.waitpid(child, 0)
    assert os.read(read, 1) == b"1"
    assert parent_helper is not None and parent_helper.alive()
    assert print_document(html) == joined  # the parent's helper still answers it
