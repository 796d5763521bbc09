"""A briefing as Markdown: numbers carry footnotes ``[^n]``, charts are SVG files in a
folder next to the document, referenced relatively so the folder can be moved whole.

Several footnotes on one number are separated by a space (``4.6%[^1] [^2]``), so that
rendered superscripts read "1 2", never "12"."""

from __future__ import annotations

from indmon.report import charts
from indmon.report.model import Briefing, Cell, Note, Number, Paragraph, Section, Table


def render_markdown(briefing: Briefing, chart_dir: str = "charts", link_base: str = "",
                    drawings: charts.Drawings | None = None) -> tuple[str, dict[str, bytes]]:
    """The Markdown text and the chart files it references (path under ``chart_dir``);
    charts come from ``drawings`` when the briefing is rendered in other formats too."""
    files: dict[str, bytes] = {}
    drawings = drawings or charts.Drawings()
    lines = _front(briefing)
    for section in briefing.sections:
        lines += _section(briefing, section, chart_dir, files, link_base, drawings)
    lines += _notes(briefing)
    return "\n".join(lines).rstrip() + "\n", files


def _front(b: Briefing) -> list[str]:
    w = b.words
    lines = [f"# {b.title}", "", f"**{w['period']}**{w['colon']}{b.period_text}  ",
             f"**{w['generated']}**{w['colon']}{b.generated:%Y-%m-%d %H:%M}  ",
             f"{w['publisher_line']}", ""]
    if b.simulated:
        lines += [f"> **{w['simulated']}**{w['colon']}{w['simulated_banner']}", ""]
    return lines


def _number(b: Briefing, number: Number, cite: bool, link_base: str) -> str:
    text = number.text.replace("|", "\\|")
    if link_base and number.obs_ids:
        text = f"[{text}]({link_base}{number.obs_ids[0]})"
    if cite:
        text += cites(b.notes_for(number))
    if number.differs:
        text += _differs(b, number, link_base)
    return text


def _differs(b: Briefing, number: Number, link_base: str) -> str:
    """`` ⚠ sources differ: 22.5% (Publisher, “Title”, date); 27.7% (…)``."""
    paren = ("（", "）") if b.lang == "zh" else (" (", ")")
    stated = [_number(b, s.number, True, link_base) + f"{paren[0]}{s.source}{paren[1]}"
              for s in number.differs]
    sep = "；" if b.lang == "zh" else "; "
    return f" **⚠ {b.words['sources_differ']}**{b.words['colon']}" + sep.join(stated)


def _paragraph(b: Briefing, paragraph: Paragraph, link_base: str) -> str:
    return "".join(part if isinstance(part, str) else _number(b, part, True, link_base)
                   for part in paragraph)


def _section(b: Briefing, section: Section, chart_dir: str, files: dict[str, bytes],
             link_base: str, drawings: charts.Drawings) -> list[str]:
    lines = [f"## {section.title}", ""]
    if section.lead:
        lines += [f"*{section.lead}*", ""]
    for paragraph in section.paragraphs:
        lines += [_paragraph(b, paragraph, link_base), ""]
    for table in section.tables:
        lines += _table(b, table, link_base)
    for chart in section.charts:
        name = f"{chart.chart_id}.svg"
        files[name] = drawings.svg(chart).encode("utf-8")
        lines += [f"![{chart.title}]({chart_dir}/{name})", "",
                  f"*{chart.source_line}*{cites(b.notes_for(chart))}", ""]
    return lines


def _table(b: Briefing, table: Table, link_base: str) -> list[str]:
    shared = b.shared_notes(table)
    caption = f"**{table.caption}**" + cites(shared)
    head = "| " + " | ".join(table.columns) + " |"
    rule = "|" + "|".join("---:" if i in table.numeric else "---"
                          for i in range(len(table.columns))) + "|"
    body = ["| " + " | ".join(_cell(b, c, not shared, link_base) for c in row) + " |"
            for row in table.rows]
    return [caption, "", head, rule, *body, ""]


def _cell(b: Briefing, cell: Cell, cite: bool, link_base: str) -> str:
    if cell is None:
        return "–"
    if isinstance(cell, Number):
        return _number(b, cell, cite, link_base)
    return cell.replace("|", "\\|")


def cites(notes: tuple[int, ...]) -> str:
    """Footnote markers, separated so that they never run together."""
    return " ".join(f"[^{n}]" for n in notes)


def _notes(b: Briefing) -> list[str]:
    lines = [f"## {b.words['sources']}", ""]
    lines += [f"- {source}" for source in b.sources] or ["–"]
    lines.append("")
    for note in b.notes:
        lines.append(f"[^{note.number}]: " + note_text(b, note))
    return lines


def note_text(b: Briefing, note: Note) -> str:
    """``Source. Figures: a; b.`` (the figures the source supports)."""
    text = "; ".join(note.lines)
    if not note.figures:
        return text
    sep = "；" if b.lang == "zh" else "; "
    stop = "。" if b.lang == "zh" else ". "
    end = "。" if b.lang == "zh" else "."
    return f"{text}{stop}{b.words['note_figures']}{b.words['colon']}{sep.join(note.figures)}{end}"
