"""A long card printed in two parts at once, one on each core, joined into one PDF.

WeasyPrint lays out and draws a document on one core, page after page; a card of 27-34
pages takes it about 3 s. Printed as two documents at the same time, the first half of
the sections in one process and the rest in another, then joined, it takes a little more
than half of that. What the reader sees stays the same:

- the second part begins on a new page, at the section nearest the middle (the start
  of the simulated part, where it lies near the middle);
- a link from one part to an anchor of the other (a number to its endnote, the contents
  to a section) is printed as a link to ``indmon-anchor:NAME`` and turned back into a
  link to the named destination when the parts are joined;
- the parts print no page footer; "n / N" is written on every page of the joined PDF,
  where the stylesheet's footer stands (8 pt, centred in the bottom margin).

The joined PDF depends on the HTML alone: it is the same whether its parts were printed
by this process or by printing processes (``pdf_print.Printers``).
"""

from __future__ import annotations

import atexit
import hashlib
import io
import os
import re
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indmon.report.pdf_print import Printer

#: a document shorter than this (characters of HTML) is printed whole: its parts would
#: gain less than joining them costs
SPLIT_FROM = 60_000
#: the scheme a part's links to the other part's anchors are printed with
ANCHOR_SCHEME = "indmon-anchor:"
#: a start of the simulated part this near the middle (a share of the document) is taken
SIMULATED_CUT = (0.35, 0.65)
#: the footers the parts leave out; the joined PDF gets them from ``_number_pages``
_NO_FOOTER = "<style>@page { @bottom-center { content: none; } }</style>"

_SECTION = re.compile(r'<section id="[^"]*" class="([^"]*)"')
_ID = re.compile(r'\bid="([^"]+)"')
_HREF = re.compile(r'href="#([^"]+)"')


# -- splitting ------------------------------------------------------------------------------------
def split_document(html: str) -> list[str]:
    """The HTML documents to print: ``[html]`` itself when it is short or has fewer than
    two sections, else its two parts."""
    body = html.find("<body>")
    end = html.rfind("</body>")
    starts = [(m.start(), m.group(1)) for m in _SECTION.finditer(html)]
    if len(html) < SPLIT_FROM or body < 0 or end < 0 or len(starts) < 2:
        return [html]
    cut = cut_at(len(html), starts[1:])
    head = html[:body + len("<body>")]
    parts = [html[:cut] + html[end:], head + html[cut:]]
    return [_link_across(_without_footer(part)) for part in parts]


def cut_at(length: int, starts: Sequence[tuple[int, str]]) -> int:
    """Where the second part begins: the first simulated section when it lies near the
    middle (the simulated part then starts on a page of its own), else the section start
    nearest the middle. ``starts`` are the sections' offsets and classes, the first
    section left out."""
    low, high = SIMULATED_CUT
    for offset, css in starts:
        if "simulated" in css.split():
            if low * length <= offset <= high * length:
                return offset
            break
    return min((offset for offset, _ in starts), key=lambda o: abs(o - length / 2))


def _without_footer(part: str) -> str:
    head_end = part.find("</head>")
    return part[:head_end] + _NO_FOOTER + part[head_end:] if head_end >= 0 else part


def _link_across(part: str) -> str:
    """Links to anchors the part does not hold, printed with ``ANCHOR_SCHEME`` (WeasyPrint
    would drop them) for ``join_parts`` to turn back into links within the PDF."""
    own = set(_ID.findall(part))
    return _HREF.sub(lambda m: m.group(0) if m.group(1) in own
                     else f'href="{ANCHOR_SCHEME}{m.group(1)}"', part)


# -- joining -------------------------------------------------------------------------------------
#: the page footer: 8 pt, the stylesheet's muted grey, its baseline where WeasyPrint sets
#: it in the 18 mm bottom margin of an A4 page (points from the bottom edge)
FOOTER_SIZE = 8.0
FOOTER_BASELINE = 22.03
FOOTER_GREY = "0.420 0.467 0.522"
#: advance widths (thousandths of an em) of Helvetica's digits, space and slash
_HELVETICA = {**{str(d): 556 for d in range(10)}, " ": 278, "/": 278}
_FONT_NAME = "/IndmonPageNumber"


def join_parts(parts: Sequence[bytes]) -> bytes:
    """One PDF of the printed parts, in order: their pages, outlines and named
    destinations, the links between parts restored, every page numbered "n / N"."""
    if len(parts) == 1:
        return parts[0]
    joiner = Joiner()
    for part in parts:
        joiner.add(part)
    return joiner.finish()


class Joiner:
    """``join_parts`` a part at a time: each part is read as soon as it is printed
    (while the next may still be printing), the PDF written once all are there."""

    def __init__(self) -> None:
        from pypdf import PdfWriter

        self._writer = PdfWriter()
        self._first: Any = None
        self._digest = hashlib.md5(usedforsecurity=False)

    def add(self, part: bytes) -> None:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(part))
        self._digest.update(part)
        writer = self._writer
        if self._first is None:
            self._first = reader
            writer.append(reader)
            return
        offset = len(writer.pages)
        writer.append(reader, import_outline=False)
        _nest_outline(writer, reader, reader.outline, _last_top_item(writer), offset)

    def finish(self) -> bytes:
        from pypdf.generic import ArrayObject, ByteStringObject

        writer, first = self._writer, self._first
        if first is not None and first.metadata:
            writer.add_metadata(dict(first.metadata))
        if first is not None:
            _keep_catalog(writer, first)
        _restore_links(writer)
        _number_pages(writer)
        digest = ByteStringObject(self._digest.digest())
        writer._ID = ArrayObject([digest, digest])  # the same bytes for the same parts
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()


def _keep_catalog(writer: Any, reader: Any) -> None:
    """What else the first part's catalog says of the document (its language, /Lang)."""
    from pypdf.generic import NameObject

    root = writer._root_object
    for key, value in reader.trailer["/Root"].items():
        if key not in root and key not in ("/Pages", "/Outlines", "/Names"):
            root[NameObject(key)] = value.clone(writer)


def _last_top_item(writer: Any) -> Any:
    """The outline item the next part's headings go under: the card's title (its h1),
    the first part's last top-level item; None when it has no outline."""
    from pypdf.generic import NameObject

    outlines = writer._root_object.get(NameObject("/Outlines"))
    if outlines is None:
        return None
    last = outlines.get_object().get("/Last")
    return last.indirect_reference if last is not None else None


def _nest_outline(writer: Any, reader: Any, items: list[Any], parent: Any,
                  offset: int) -> None:
    """A later part's outline (its h2 headings are top-level there, the h1 being in the
    first part) added under ``parent``, pointing at the same places in the joined PDF."""
    from pypdf.generic import Fit

    last = parent
    for item in items:
        if isinstance(item, list):
            _nest_outline(writer, reader, item, last, offset)
            continue
        page = offset + reader.get_destination_page_number(item)
        fit = Fit.xyz(item.left, item.top, item.zoom) if item.typ == "/XYZ" else Fit.fit()
        last = writer.add_outline_item(item.title, page, parent=parent, fit=fit)


def _restore_links(writer: Any) -> None:
    from pypdf.generic import NameObject, TextStringObject

    for page in writer.pages:
        for ref in page.get("/Annots", ()):
            annotation = ref.get_object()
            action = annotation.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(ANCHOR_SCHEME):
                del annotation[NameObject("/A")]
                annotation[NameObject("/Dest")] = TextStringObject(uri[len(ANCHOR_SCHEME):])


def _number_pages(writer: Any) -> None:
    """Write "n / N" at the foot of each page, after its own content (kept in a saved
    graphics state, so that its transformations do not reach the number)."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
    save = DecodedStreamObject()
    save.set_data(b"q\n")
    save_ref = writer._add_object(save)
    total = len(writer.pages)
    for number, page in enumerate(writer.pages, start=1):
        resources = page["/Resources"].get_object()
        if "/Font" not in resources:
            resources[NameObject("/Font")] = DictionaryObject()
        resources["/Font"].get_object()[NameObject(_FONT_NAME)] = font
        stamp = DecodedStreamObject()
        stamp.set_data(footer_operators(f"{number} / {total}", float(page.mediabox.width)))
        contents = page.get("/Contents")
        kept = list(contents.get_object()) if isinstance(contents.get_object(), list) else (
            [contents] if contents is not None else [])
        page[NameObject("/Contents")] = ArrayObject(
            [save_ref, *kept, writer._add_object(stamp)])


def footer_operators(text: str, page_width: float) -> bytes:
    """PDF operators drawing ``text`` (digits, spaces, slashes) centred on the page."""
    width = sum(_HELVETICA.get(c, 556) for c in text) * FOOTER_SIZE / 1000
    x = (page_width - width) / 2
    return (f"Q q {FOOTER_GREY} rg BT {_FONT_NAME} {FOOTER_SIZE:g} Tf "
            f"{x:.2f} {FOOTER_BASELINE:.2f} Td ({text}) Tj ET Q\n").encode("ascii")


# -- printing, here and beside ---------------------------------------------------------------
def print_document(html: str) -> bytes:
    """The PDF of ``html``: a long document's second part printed by a process beside
    this one (started once, kept for the next documents), its first part here."""
    from indmon.report.pdf_print import print_html

    parts = split_document(html)
    if len(parts) == 1:
        return print_html(html)
    # one document at a time through the helper (a web server prints in threads); another
    # thread's document meanwhile prints its parts here
    if not _helper_lock.acquire(blocking=False):
        return join_parts([print_html(part) for part in parts])
    try:
        return _print_beside(parts)
    finally:
        _helper_lock.release()


def _print_beside(parts: list[str]) -> bytes:
    from indmon.errors import ReportError
    from indmon.report.pdf_print import print_html

    helper = _helper()
    if helper is None:
        return join_parts([print_html(part) for part in parts])
    with tempfile.TemporaryDirectory(prefix="indmon-part-") as tmp:
        second = Path(tmp) / "second.pdf"
        helper.submit(parts[1], second, "second part of the")
        try:
            first = print_html(parts[0])
            import pypdf  # noqa: F401  (loaded while the second part may still print)
        finally:
            try:
                helper.wait()
            except ReportError:  # the process ended or failed: print the part here
                _close_helpers()
                second.write_bytes(print_html(parts[1]))
        return join_parts([first, second.read_bytes()])


_helpers: list[Printer] = []
#: the process that started the helper (a child forked from it must not use it)
_helper_owner = [0]
_helper_lock = threading.Lock()


def _helper() -> Printer | None:
    """The printing process beside this one, started at the first long document and
    ended when this process ends; None where it cannot be started or has ended."""
    from indmon.report.pdf_print import Printer

    if _helpers and _helper_owner[0] != os.getpid():
        _helpers.clear()  # a forked child's copy of its parent's helper: not its own
    if _helpers and _helpers[0].alive():
        return _helpers[0]
    _close_helpers()
    try:
        _helpers.append(Printer())
    except OSError:
        return None
    _helper_owner[0] = os.getpid()
    return _helpers[0]


def helper_pid() -> int | None:
    """The process id of the printing process beside this one, if started (for the
    benchmark to count its CPU time)."""
    return _helpers[0].pid if _helpers else None


def _close_helpers() -> None:
    if _helper_owner[0] != os.getpid():
        _helpers.clear()
    while _helpers:
        _helpers.pop().close()


atexit.register(_close_helpers)


__all__ = ["ANCHOR_SCHEME", "SPLIT_FROM", "Joiner", "cut_at", "footer_operators",
           "helper_pid", "join_parts", "print_document", "split_document"]
