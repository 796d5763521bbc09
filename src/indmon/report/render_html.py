"""A briefing as one self-contained HTML page (inline CSS and SVG charts).

Each number is a link: to ``<link_base><obs_id>`` (the dashboard's provenance page) when
a link base is given, else to its endnote. The PDF is this page printed by WeasyPrint,
with ``for_pdf`` embedding the Chinese font and charts as images.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from indmon.report import charts
from indmon.report.model import Briefing, Cell, Chart, Note, Number, Paragraph, Table


@cache
def _environment() -> jinja2.Environment:
    loader = jinja2.PackageLoader("indmon.report", "templates")
    return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _css() -> str:
    return resources.files("indmon.report").joinpath("templates", "briefing.css").read_text(
        "utf-8")


def render_html(briefing: Briefing, link_base: str = "", for_pdf: bool = False,
                drawings: charts.Drawings | None = None) -> str:
    """The briefing as an HTML document; charts come from ``drawings`` when the briefing
    is rendered in other formats too."""
    helpers = _Helpers(briefing, link_base, for_pdf, drawings or charts.Drawings())
    font_face = ""
    if for_pdf:
        font_face = ("@font-face { font-family: 'Noto Sans SC'; "
                     f"src: url('{charts.font_path().as_uri()}'); }}")
    return _environment().get_template("briefing.html.j2").render(
        b=briefing, h=helpers, css=Markup(font_face + _css()), for_pdf=for_pdf)


class _Helpers:
    """Markup for numbers, tables and charts, called from the template."""

    def __init__(self, briefing: Briefing, link_base: str, for_pdf: bool,
                 drawings: charts.Drawings) -> None:
        self.b = briefing
        self.link_base = link_base
        self.for_pdf = for_pdf
        self.drawings = drawings
        self._shared: dict[int, tuple[int, ...]] = {}

    def number(self, number: Number, cite: bool = True) -> Markup:
        notes = self.b.notes_for(number)
        css = "num sim" if number.simulated else "num"
        if self.link_base and number.obs_ids:
            href = f"{self.link_base}{number.obs_ids[0]}"
        else:
            href = f"#note-{notes[0]}" if notes else ""
        text = escape(number.text)
        title = escape(self.b.words["link_title"])
        html = (Markup(f'<a class="{css}" href="{escape(href)}" title="{title}">{text}</a>')
                if href else Markup(f'<span class="{css}">{text}</span>'))
        html += self.cites(notes) if cite else Markup("")
        return html + self.differs(number) if number.differs else html

    def differs(self, number: Number) -> Markup:
        """Every value the sources state, each with its source, after a marker."""
        words = self.b.words
        paren = ("（", "）") if self.b.lang == "zh" else (" (", ")")
        stated = [self.number(s.number) + escape(f"{paren[0]}{s.source}{paren[1]}")
                  for s in number.differs]
        sep = Markup("；" if self.b.lang == "zh" else "; ")
        return (Markup(' <span class="differs"><b>⚠ ')
                + escape(words["sources_differ"]) + Markup("</b>")
                + escape(words["colon"]) + sep.join(stated) + Markup("</span>"))

    def cites(self, notes: tuple[int, ...]) -> Markup:
        """Note markers in one superscript, separated by spaces: "1 2", never "12"."""
        if not notes:
            return Markup("")
        links = Markup(" ").join(Markup(f'<a href="#note-{n}">{n}</a>') for n in notes)
        return Markup('<sup class="cite">') + links + Markup("</sup>")

    def note_figures(self, note: Note) -> str:
        """The figures a note's source supports, in one line."""
        return ("；" if self.b.lang == "zh" else "; ").join(note.figures)

    def paragraph(self, paragraph: Paragraph) -> Markup:
        return Markup("").join(
            escape(part) if isinstance(part, str) else self.number(part) for part in paragraph)

    def table_notes(self, table: Table) -> tuple[int, ...]:
        """The notes a table's caption cites for all its numbers (looked up once a table,
        not once a cell)."""
        key = id(table)
        if key not in self._shared:
            self._shared[key] = self.b.shared_notes(table)
        return self._shared[key]

    def columns(self, table: Table) -> Markup:
        """For print, the table's column widths, so that WeasyPrint lays it out at once
        instead of measuring every cell's text twice first (``table-layout: fixed``);
        nothing on the web, or where the widths cannot be told from the text."""
        widths = column_widths(table, self.b) if self.for_pdf else None
        if widths is None:
            return Markup("")
        cols = "".join(f'<col style="width: {w:.1f}%">' for w in widths)
        return Markup(f"<colgroup>{cols}</colgroup>")

    def cell(self, cell: Cell, table: Table) -> Markup:
        if cell is None:
            return Markup("–")
        if isinstance(cell, Number):
            return self.number(cell, cite=not self.table_notes(table))
        return escape(cell)

    def chart(self, chart: Chart) -> Markup:
        """Inline SVG in a web page; an SVG image in a PDF (WeasyPrint draws it as vectors)."""
        drawing = self.drawings.svg(chart)
        if not self.for_pdf:
            return Markup(drawing)
        data = base64.b64encode(drawing.encode("utf-8")).decode("ascii")
        alt = escape(chart.title)
        return Markup(f'<img class="chart" alt="{alt}" src="data:image/svg+xml;base64,{data}">')


# -- column widths for print ------------------------------------------------------------------
#: the width a table has on an A4 page (178 mm less the body's 2 x 12 px padding: 486 pt),
#: in ems of its 9 pt text, less half an em of room
PRINT_WIDTH_EM = 53.5
#: a cell's padding (6 px each side) and a little room, in ems
CELL_PADDING_EM = 1.3
#: the first column is at least this wide (the stylesheet's ``td:first-child``)
FIRST_COLUMN_EM = 12.0
#: superscript note markers are set at 6.5 pt on 9 pt text
CITE_SCALE = 6.5 / 9


#: advance widths in thousandths of an em of Noto Sans SC's printable ASCII, space (32) to
#: tilde (126), as its ``hmtx`` table gives them (a test keeps them in step with the font)
ASCII_WIDTHS = (
    224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555,
    555, 555, 555, 555, 555, 555, 555, 555, 555, 278, 278, 555, 555, 555, 474, 946, 608,
    657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742, 633, 742, 635,
    596, 599, 721, 575, 878, 573, 531, 603, 338, 392, 338, 555, 559, 606, 563, 618, 510,
    620, 554, 325, 564, 607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468, 377,
    607, 521, 802, 498, 521, 475, 338, 270, 338, 555)
#: the other characters narrower than a Chinese character in Noto Sans SC, in ems
NARROW = {"–": 0.536, "−": 0.555, "—": 0.894, "\u00a0": 0.224}
#: synthetic bold (the font has one weight) widens each letter a little
BOLD = 1.06


def text_width(text: str, bold: bool = False) -> float:
    """A line's width in ems of Noto Sans SC, from its advance widths: printable ASCII
    as the font has it, a few dashes, and one em for anything else (Chinese characters,
    full-width punctuation and quotes)."""
    width = 0.0
    for char in text:
        code = ord(char)
        width += (ASCII_WIDTHS[code - 32] / 1000 if 32 <= code < 127
                  else NARROW.get(char, 1.0))
    return width * BOLD if bold else width


def column_widths(table: Table, briefing: Briefing) -> tuple[float, ...] | None:
    """Percent widths of a table's columns on the printed page, allotted as a browser's
    automatic layout would from each column's widest line and widest word; None when the
    columns that may not wrap (the numbers) leave too little room for the others, or a
    number's sources disagree (each stated value is shown below it)."""
    if any(isinstance(c, Number) and c.differs for row in table.rows for c in row):
        return None  # what each source states is a block of its own width, left to WeasyPrint
    count = len(table.columns)
    widest = [text_width(c, bold=True) for c in table.columns]
    longest_word = [max((text_width(w, bold=True) for w in _words(c)), default=0.0)
                    for c in table.columns]
    for row in table.rows:
        for i, cell in enumerate(row[:count]):
            line = _cell_width(cell, briefing, table)
            widest[i] = max(widest[i], line)
            longest_word[i] = max(longest_word[i], max(
                (text_width(w) for w in _words(_cell_text(cell))), default=0.0))
    fixed = {i: widest[i] + CELL_PADDING_EM for i in table.numeric if i < count}
    flexible = [i for i in range(count) if i not in fixed]
    low = {i: longest_word[i] + CELL_PADDING_EM + 0.5 for i in flexible}
    high = {i: max(widest[i] + CELL_PADDING_EM, low[i]) for i in flexible}
    if 0 in low:
        low[0] = max(low[0], FIRST_COLUMN_EM)
        high[0] = max(high[0], low[0])
    spare = PRINT_WIDTH_EM - sum(fixed.values()) - sum(low.values())
    if spare < 0 or not flexible:
        return None
    wants = sum(high[i] - low[i] for i in flexible)
    widths = dict(fixed)
    for i in flexible:
        share = (high[i] - low[i]) / wants if wants else 1 / len(flexible)
        widths[i] = low[i] + min(spare * share, high[i] - low[i] if wants > spare else spare)
    total = sum(widths.values())
    return tuple(100 * widths[i] / total for i in range(count))


#: what a line may not be broken inside: a run of letters and digits up to a space, a
#: dash or a Chinese character (each of which may stand at a line's end)
_UNBROKEN = re.compile(r"[^\s\u2e80-\uffef–—-]*[–—-]?|[\u2e80-\uffef]")


def _words(text: str) -> list[str]:
    """The pieces a line of ``text`` can be broken between."""
    return [w for w in _UNBROKEN.findall(text) if w]


def _cell_text(cell: Cell) -> str:
    if cell is None:
        return "–"
    return cell.text if isinstance(cell, Number) else cell


def _cell_width(cell: Cell, briefing: Briefing, table: Table) -> float:
    """The width of a cell's line: a number in bold with its note markers (unless the
    caption carries them); what sources state otherwise wraps below it."""
    if not isinstance(cell, Number):
        return text_width(_cell_text(cell))
    width = text_width(cell.text, bold=True)
    if not briefing.shared_notes(table):
        markers = " ".join(str(n) for n in briefing.notes_for(cell))
        width += text_width(markers) * CITE_SCALE + (0.2 if markers else 0)
    return width
