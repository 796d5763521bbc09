"""Print report cards to PDF in a separate process, beside the work of building them.

WeasyPrint takes most of a PDF card's time (loading it, laying out a dozen pages); a
:class:`Printer` starts a process that loads it at once, while this one reads the store
and draws the charts, then prints each HTML document it is sent, while this one goes on
with the next format or language. The printed PDF is the same as ``render_pdf`` makes
(the same HTML, the same call), written whole or not at all.

The printing process runs this file as a script (``python -P pdf_print.py``): it imports
WeasyPrint only, not indmon, whose imports it would otherwise wait for. Jobs and replies
are JSON lines on its stdin and stdout.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from indmon.errors import ReportError


class Printer:
    """A process printing HTML to PDF files, one job at a time, in the order sent."""

    def __init__(self) -> None:
        # what the process says on stderr, kept for the message should it fail; closed
        # by close(), as the process is
        self._log: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        # -P: not the package directory on sys.path (its modules would shadow others)
        self._process = subprocess.Popen(
            [sys.executable, "-P", str(Path(__file__).resolve())],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
            text=True, encoding="utf-8")
        #: each document sent and not yet waited for
        self._pending: list[_Job] = []
        self._sent = 0

    @property
    def pid(self) -> int:
        return self._process.pid

    def alive(self) -> bool:
        """Whether the process is still there to print."""
        return self._process.poll() is None

    def submit(self, html: str, out: Path, period: str) -> None:
        """Send one document to print to ``out`` (the card of ``period``)."""
        handle, name = tempfile.mkstemp(prefix="indmon-card-", suffix=".html")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(html)
        job = _Job(Path(name), Path(out), period)
        self._pending.append(job)
        self._sent += 1
        line = json.dumps({"html": str(job.html), "out": str(job.out.resolve())})
        with contextlib.suppress(OSError):  # the process ended: wait() says why
            self._send(line)

    def _send(self, line: str) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        stdin.write(line + "\n")
        stdin.flush()

    def wait(self, count: int | None = None) -> None:
        """Wait until every document sent (or the first ``count`` not yet waited for) is
        printed; raise ``ReportError`` for the first that could not be."""
        from indmon.errors import ReportError

        pending = self._pending[:count]
        self._pending = self._pending[len(pending):]
        stdout = self._process.stdout
        assert stdout is not None
        failure: str | None = None
        try:
            for job in pending:
                line = stdout.readline()
                if not line:
                    failure = failure or (f"the PDF of the {job.period} briefing could not "
                                          f"be rendered: the printing process ended "
                                          f"({self._last_words()})")
                    break
                reply: dict[str, Any] = json.loads(line)
                failure = failure or _failure(reply, job)
        finally:
            for job in pending:
                job.html.unlink(missing_ok=True)
        if failure is not None:
            raise ReportError(failure)

    def _last_words(self) -> str:
        """The last line the process wrote on stderr, else how it ended."""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(timeout=5)
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else f"exit code {self._process.poll()}"

    def close(self) -> None:
        """End the process (at once when it printed nothing or documents are still
        pending: an error elsewhere stopped the work) and remove what is left of the
        jobs."""
        for job in self._pending:
            job.html.unlink(missing_ok=True)
        if self._pending or not self._sent:
            self._process.kill()
        self._pending = []
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):
                self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._log.close()


@dataclass(frozen=True)
class _Job:
    """A document sent to print: its HTML file, the PDF to write, the card's period."""

    html: Path
    out: Path
    period: str


def _failure(reply: dict[str, Any], job: _Job) -> str | None:
    """What to tell the user when a document was not printed, in the words
    ``write_report`` uses for the other formats; None when it was."""
    if reply.get("unwritable"):
        return (f"cannot write the report to {job.out}: {reply['unwritable']}; "
                "choose another --out path")
    if reply.get("error"):
        return (f"the PDF of the {job.period} briefing could not be rendered: "
                f"{reply['error']}")
    return None


@dataclass
class _Joined:
    """A document printed in parts (``indmon.report.pdf_parts``), joined into ``out`` a
    part at a time as each is printed; ``first`` is the index of its first part among the
    documents sent to the printers."""

    out: Path
    period: str
    parts: tuple[Path, ...]
    first: int
    joiner: Any = None
    failure: ReportError | None = None

    def add(self, index: int) -> None:
        """Read the part printed as the ``index``-th document sent; write ``out`` after
        the last (``failure`` says why it could not be)."""
        from indmon.errors import ReportError
        from indmon.report.pdf_parts import Joiner

        path = self.parts[index - self.first]
        try:
            try:
                self.joiner = self.joiner or Joiner()
                self.joiner.add(path.read_bytes())
                pdf = self.joiner.finish() if path == self.parts[-1] else None
            finally:
                path.unlink(missing_ok=True)
        except Exception as exc:  # pypdf raises many kinds; the user needs one message
            self.failure = ReportError(f"the PDF of the {self.period} briefing could not "
                                       f"be rendered: {exc}")
            return
        unwritable = _write_whole(self.out, pdf) if pdf is not None else None
        if unwritable is not None:
            self.failure = ReportError(f"cannot write the report to {self.out}: "
                                       f"{unwritable}; choose another --out path")


class Printers:
    """Several printers, each sent every ``count``-th document: with two cores, the two
    parts of a long card (``pdf_parts.split_document``) print at the same time, beside
    this process, which joins them; each printer starts loading WeasyPrint when
    created."""

    def __init__(self, count: int) -> None:
        self._printers: list[Printer] = []
        #: the printer of each document sent and not yet waited for, in the order sent
        self._order: list[Printer] = []
        #: documents printed in parts, joined by wait()
        self._joins: list[_Joined] = []
        self._parts_dir: tempfile.TemporaryDirectory[str] | None = None
        try:
            for _ in range(max(count, 1)):
                self._printers.append(Printer())
        except OSError:
            self.close()
            raise

    def submit(self, html: str, out: Path, period: str) -> None:
        from indmon.report.pdf_parts import split_document

        parts = split_document(html)
        if len(parts) == 1:
            self._next().submit(html, out, period)
            return
        if self._parts_dir is None:
            self._parts_dir = tempfile.TemporaryDirectory(prefix="indmon-parts-")
        folder = Path(self._parts_dir.name)
        paths = tuple(folder / f"{len(self._joins)}-{i}.pdf" for i in range(len(parts)))
        self._joins.append(_Joined(Path(out), period, paths, len(self._order)))
        for part, path in zip(parts, paths, strict=True):
            self._next().submit(part, path, period)

    def _next(self) -> Printer:
        printer = self._printers[len(self._order) % len(self._printers)]
        self._order.append(printer)
        return printer

    def wait(self) -> None:
        """Wait for every document in the order sent, reading each part of a card as
        soon as it is printed and writing the card after its last (while the printers
        go on with the next); raise the first error once all are done."""
        from indmon.errors import ReportError

        if self._joins:
            import pypdf  # noqa: F401  (loaded while the parts print, for joining them)
        order, self._order = self._order, []
        joins, self._joins = self._joins, []
        part_of = {job.first + i: job for job in joins for i in range(len(job.parts))}
        failures: list[ReportError] = []
        for index, printer in enumerate(order):
            try:
                printer.wait(1)
            except ReportError as exc:
                failures.append(exc)
            job = part_of.get(index)
            if job is None:
                continue
            if failures or job.failure is not None:
                job.parts[index - job.first].unlink(missing_ok=True)
                continue
            job.add(index)
            if job.failure is not None:
                failures.append(job.failure)
        if failures:
            raise failures[0]

    def close(self) -> None:
        for printer in self._printers:
            printer.close()
        if self._parts_dir is not None:
            self._parts_dir.cleanup()
            self._parts_dir = None


def printers_for(documents: int) -> int:
    """How many printers to start for ``documents`` PDFs: two for each (a long card
    prints in two parts at once), up to the cores (at least one)."""
    cores = os.cpu_count() or 1
    return max(1, min(2 * documents, cores))


# -- printing HTML ---------------------------------------------------------------------------
def print_html(html: str) -> bytes:
    """The PDF of one HTML document, as this process and ``render_pdf`` print it.

    Three things make it faster than a bare ``weasyprint.HTML(string=html).write_pdf()``
    and change nothing printed: the fonts the page embeds reach WeasyPrint cut down to
    the characters the document uses (:class:`_SubsetFonts`: without HarfBuzz-Subset,
    WeasyPrint's own cutting of the 65,000-glyph Noto Sans SC took two thirds of a
    card's time); the cyclic garbage collector is paused while WeasyPrint builds its
    hundreds of thousands of boxes (it would walk them all, again and again: a tenth to
    a quarter of the time); and chart labels are laid out a line at a time
    (:func:`_fast_svg_text`). Raises whatever WeasyPrint raises.
    """
    import gc

    import weasyprint

    _quiet_weasyprint()
    _fast_svg_text()
    fetcher = _font_fetcher(html)
    paused = gc.isenabled()
    gc.disable()
    try:
        with _fixed_font_dates():
            pdf = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
    finally:
        if paused:
            gc.enable()
    if pdf is None:
        raise RuntimeError("WeasyPrint returned no PDF")
    return bytes(pdf)


def _quiet_weasyprint() -> None:
    """WeasyPrint logs every CSS property it skips; a card needs none of that noise."""
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


#: the date fontTools stamps on the fonts it writes for a PDF (2021-04-29, Noto Sans SC's
#: own), instead of the time of printing
_FONT_DATE = "1619714516"


@contextlib.contextmanager
def _fixed_font_dates() -> Iterator[None]:
    """Print the same page to the same bytes: fontTools stamps each font it subsets with
    the time (``head.modified``) unless ``SOURCE_DATE_EPOCH`` names one; a caller's own
    setting is kept."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = _FONT_DATE
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


# -- fonts cut down to the document ------------------------------------------------------------
#: font files a page may embed, cut down before WeasyPrint reads them
_FONT_SUFFIXES = (".otf", ".ttf")
#: characters WeasyPrint may draw that the document's text does not hold: the page
#: numbers' counters, list bullets and markers, and every printable ASCII character
_GENERATED = frozenset(chr(code) for code in range(0x20, 0x7F)) | frozenset("•◦▪–—…\u00a0")
_SVG_DATA = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")


def document_characters(html: str) -> frozenset[str]:
    """Every character the printed page can show: the HTML's text (entities read),
    the text of the SVG charts it holds as data URLs, and what WeasyPrint generates."""
    import base64
    from html import unescape

    texts = [html] + [base64.b64decode(data).decode("utf-8", "replace")
                      for data in _SVG_DATA.findall(html)]
    found: set[str] = set(_GENERATED)
    for text in texts:
        found.update(unescape(text))
    return frozenset(found)


def subset_font(path: Path, characters: frozenset[str]) -> bytes:
    """The font at ``path`` with only the glyphs of ``characters`` (and those its layout
    features reach from them: ligatures, localised forms), shaped and drawn as the
    whole font would draw them."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    # hints are kept (WeasyPrint drops them itself, quicker on a small font); bounding
    # boxes are not recomputed, the whole font's are still true of its part
    options = subset.Options(hinting=True, notdef_outline=True, ignore_missing_glyphs=True,
                             ignore_missing_unicodes=True)
    font = TTFont(str(path), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in characters))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _font_fetcher(html: str) -> Any:
    """WeasyPrint's URL fetcher, handing it each local font cut down to the document's
    characters; None (WeasyPrint's own) where WeasyPrint cuts fonts with HarfBuzz, which
    is fast on a whole font, or has no fetcher class to extend."""
    import weasyprint
    from weasyprint.text import ffi

    if getattr(ffi, "harfbuzz_subset", None) is not None or not hasattr(
            weasyprint, "URLFetcher"):
        return None
    return _subset_fetcher(weasyprint.URLFetcher, document_characters(html))


def _subset_fetcher(base: type, characters: frozenset[str]) -> Any:
    from urllib.parse import unquote, urlparse

    from weasyprint.urls import URLFetcherResponse

    class _SubsetFonts(base):  # type: ignore[misc]
        """Fetches local font files cut down to ``characters``, anything else as usual."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parsed = urlparse(url)
            path = Path(unquote(parsed.path))
            if parsed.scheme != "file" or path.suffix.lower() not in _FONT_SUFFIXES:
                return super().fetch(url, headers)
            try:
                cut = subset_font(path, characters)
            except Exception:  # a font fontTools cannot cut is printed whole
                return super().fetch(url, headers)
            return URLFetcherResponse(url, cut)

    return _SubsetFonts()


#: attributes of an SVG ``<text>`` that place or stretch its letters one by one
_PER_LETTER = ("dx", "dy", "rotate", "textLength", "lengthAdjust", "letter-spacing")


def _fast_svg_text() -> None:
    """Lay out a chart label as one line instead of letter by letter.

    WeasyPrint draws SVG ``<text>`` one letter at a time (a Pango layout per letter, so
    that each may have its own position or rotation): for a card's 370 labels, 6,700
    layouts, a sixth of a PDF's time. The labels ``indmon.report.charts`` writes have one
    position each and none of the per-letter attributes, so their line is laid out once
    (kerned, as the browser draws it) and drawn at the same place, with the same font,
    size, fill and anchor. Any other ``<text>`` is left to WeasyPrint; so is everything
    when WeasyPrint's SVG text module is not the one this was written against.
    """
    import weasyprint.svg

    text_module = sys.modules.get("weasyprint.svg.text")
    if weasyprint.svg.TAGS.get("text") is not getattr(text_module, "text", None):
        return  # already replaced, or not the layout this was written for
    if not all(hasattr(text_module, name) for name in ("Style", "TextBox")):
        return
    original = weasyprint.svg.TAGS["text"]

    def text(svg: Any, node: Any, font_size: float) -> None:
        if not _one_line(node):
            original(svg, node, font_size)
            return
        _draw_line(text_module, svg, node, font_size)

    # <text>, <tspan>, <textPath> and <a> share the one function, and draw_node compares
    # TAGS[tag] with the module's name ``text`` to anchor text and merge its runs
    for tag, draw in list(weasyprint.svg.TAGS.items()):
        if draw is original:
            weasyprint.svg.TAGS[tag] = text
    weasyprint.svg.text = text


def _one_line(node: Any) -> bool:
    """Whether a ``<text>`` has its letters placed as one run: some text, at most one x
    and one y, no per-letter attribute."""
    attrib = node.attrib
    return bool(node.text) and not any(name in attrib for name in _PER_LETTER) and all(
        len(str(attrib.get(axis, "")).replace(",", " ").split()) <= 1 for axis in "xy")


def _draw_line(text_module: Any, svg: Any, node: Any, font_size: float) -> None:
    """WeasyPrint's ``svg.text.text`` for a ``<text>`` of one run, with one layout."""
    from math import inf

    from weasyprint.css.properties import INITIAL_VALUES
    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.matrix import Matrix
    from weasyprint.svg.bounding_box import extend_bounding_box
    from weasyprint.svg.utils import size
    from weasyprint.text.line_break import split_first_line

    style = text_module.Style()
    style.update(INITIAL_VALUES)
    style.font_config = svg.font_config
    style["font_family"] = [font.strip("\"'") for font in
                            node.get("font-family", "sans-serif").split(",")]
    style["font_style"] = node.get("font-style", "normal")
    style["font_weight"] = _font_weight(node.get("font-weight", 400))
    style["font_size"] = font_size
    if node.get("direction") in ("ltr", "rtl"):
        style["direction"] = node.get("direction")
    layout, _, _, width, height, baseline = split_first_line(
        node.text, style, svg.context, inf, 0)

    x, y = svg.cursor_position
    if "x" in node.attrib:
        x = size(node.attrib["x"], font_size, svg.inner_width)
        svg.cursor_d_position[0] = 0
    if "y" in node.attrib:
        y = size(node.attrib["y"], font_size, svg.inner_height)
        svg.cursor_d_position[1] = 0
    svg.cursor_position = x + width, y
    x_position = x + svg.cursor_d_position[0]
    y_position = y + svg.cursor_d_position[1] + _y_align(node, font_size, height)
    node.text_bounding_box = extend_bounding_box(node.text_bounding_box, (
        (x_position, y_position - baseline),
        (x_position + width, y_position - baseline + height)))

    svg.stream.push_state()
    fill, stroke = svg.set_graphical_state(node, font_size)
    svg.stream.begin_text()
    layout.reactivate(style)
    svg.fill_stroke(fill, stroke, text=True)
    text_box = text_module.TextBox(layout, style)
    text_box.baseline = baseline
    emojis = draw_first_line(svg.stream, text_box, "none", "none",
                             Matrix(a=1, d=-1, e=x_position, f=y_position))
    svg.stream.end_text()
    svg.stream.pop_state()
    draw_emojis(svg.stream, style, x, y, emojis)


def _font_weight(value: Any) -> int:
    if value == "normal":
        return 400
    if value == "bold":
        return 700
    try:
        return int(value)
    except ValueError:
        return 400


def _y_align(node: Any, font_size: float, height: float) -> float:
    """WeasyPrint's vertical alignment of SVG text (its ascent and descent guesses)."""
    ascent, descent = font_size * .8, font_size * .2
    display_anchor = node.get("display-anchor")
    baseline = node.get("dominant-baseline", node.get("alignment-baseline"))
    if display_anchor == "middle":
        return -height / 2
    if display_anchor == "top":
        return 0
    if display_anchor == "bottom":
        return -height
    if baseline in ("central", "middle"):
        return (ascent + descent) / 2 - descent
    if baseline in ("text-before-edge", "before_edge", "top", "hanging", "text-top"):
        return ascent
    if baseline in ("text-after-edge", "after_edge", "bottom", "text-bottom"):
        return -descent
    return 0


# -- the printing process ------------------------------------------------------------------
#: documents whose garbage a printing process keeps before collecting it
UNCOLLECTED = 3


def _serve() -> None:
    """Print each job read from stdin; reply with the file written or the error.

    The cyclic garbage collector stays off: a document leaves hundreds of thousands of
    boxes behind (35-70 MB), and collecting them (0.1-0.25 s a document, in proportion to
    what there is to walk) is done before a document once ``UNCOLLECTED`` documents are
    left, never between a document and its reply. The printers of a command or of the
    demo print one or two documents each, and end at once, without collecting at all
    (nor the collection that Python's own exit would make the parent wait for)."""
    import gc

    import weasyprint  # noqa: F401  (loaded before the first job arrives)

    gc.disable()
    for count, line in enumerate(sys.stdin):
        if count and count % UNCOLLECTED == 0:
            gc.collect()
        job = json.loads(line)
        out = Path(job["out"])
        reply: dict[str, Any] = {"out": str(out)}
        try:
            pdf = print_html(Path(job["html"]).read_text("utf-8"))
        except Exception as exc:  # reported to the parent, which raises ReportError
            reply["error"] = str(exc) or type(exc).__name__
        else:
            reply["unwritable"] = _write_whole(out, pdf)
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


def _write_whole(out: Path, pdf: bytes) -> str | None:
    """Write ``out`` whole or not at all; why it could not be, or None."""
    partial = out.with_name(out.name + ".part")
    try:
        partial.write_bytes(pdf)
        partial.replace(out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        return exc.strerror or str(exc)
    return None


if __name__ == "__main__":
    _serve()
    sys.stdout.flush()
    os._exit(0)
