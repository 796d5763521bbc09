"""A briefing as one self-contained HTML page (inline CSS and SVG charts).

Each number is a link: to ``<link_base><obs_id>`` (the dashboard's provenance page) when
a link base is given, else to its endnote. The PDF is this page printed by WeasyPrint,
with ``for_pdf`` embedding the Chinese font and charts as images.
"""

from __future__ import annotations

import base64
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
        return self.b.shared_notes(table)

    def cell(self, cell: Cell, table: Table) -> Markup:
        if cell is None:
            return Markup("–")
        if isinstance(cell, Number):
            return self.number(cell, cite=not self.b.shared_notes(table))
        return escape(cell)

    def chart(self, chart: Chart) -> Markup:
        """Inline SVG in a web page; an SVG image in a PDF (WeasyPrint draws it as vectors)."""
        drawing = self.drawings.svg(chart)
        if not self.for_pdf:
            return Markup(drawing)
        data = base64.b64encode(drawing.encode("utf-8")).decode("ascii")
        alt = escape(chart.title)
        return Markup(f'<img class="chart" alt="{alt}" src="data:image/svg+xml;base64,{data}">')
