"""Downloads of exactly what a chart or table shows: CSV, XLSX and JSON of its figures
(names in the reader's language, codes, units, periods, origin, the simulated flag and
the sources of each figure), and the chart as SVG or PNG with its title, unit and
source line.

A table is a list of ``Column``s and rows of plain values; every page's table (an
indicator's series, a province ranking, the industry table) is written by the same
writers, so their files agree in shape. CSV files start with a UTF-8 byte order mark,
which spreadsheet programs need to read Chinese names.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import functools
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from indmon.catalogue import Catalogue, Indicator, units
from indmon.store import Observation, Source
from indmon.web.dashboard import charts, i18n, views

#: what each download format is sent as
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "svg": "image/svg+xml",
    "png": "image/png",
}
TABLE_FORMATS = ("csv", "xlsx", "json")
CHART_FORMATS = ("svg", "png")


@dataclass(frozen=True)
class Table:
    """What a download holds: its title and metadata, the column keys and their
    headings in the reader's language, and the rows."""

    title: str
    keys: tuple[str, ...]
    headings: tuple[str, ...]
    rows: list[list[Any]]
    #: (label, value) lines of the "about" sheet and the JSON metadata
    about: list[tuple[str, str]] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    simulated: bool = False


#: the columns of a series download: one row per figure drawn, the last saying why a
#: confidential cell's value is empty
SERIES_KEYS = ("indicator", "indicator_name", "province", "province_name", "industry",
               "industry_name", "period", "period_name", "value", "unit", "origin",
               "simulated", "vintage", "sources", "obs_id", "suppressed")


def headings(keys: Sequence[str], lang: str) -> tuple[str, ...]:
    return tuple(i18n.t(f"col_{key}", lang) for key in keys)


def figure_row(o: Observation, indicator: Indicator, sources: Sequence[Source], lang: str,
               catalogue: Catalogue) -> dict[str, Any]:
    """One figure as a download row: codes and names, the value (empty where withheld),
    the unit as a reader writes it, origin, simulated flag and cited sources."""
    return {
        "indicator": indicator.id, "indicator_name": indicator.name(lang),
        "province": o.province, "province_name": catalogue.province_label(o.province, lang),
        "industry": o.industry, "industry_name": catalogue.industry_label(o.industry, lang),
        "period": o.period.text, "period_name": i18n.period_label(o.period.text, lang),
        "value": None if o.withheld else o.value,
        "unit": units.unit_label(indicator.unit, lang) or indicator.unit,
        "origin": o.origin.value, "simulated": o.simulated,
        "vintage": o.vintage.date().isoformat(),
        "sources": "; ".join(s.citation() for s in sources), "obs_id": o.obs_id,
        # why a value is left empty (or, for a reader cleared to see it, confidential)
        "suppressed": o.suppressed or "",
    }


def series_table(view: views.ChartView, drawn: Sequence[views.Drawn], lang: str,
                 permalink: str) -> Table:
    """Every figure an indicator page's chart and table show, line by line in time
    order, with the view's metadata."""
    catalogue = Catalogue.load()
    rows = [figure_row(o, d.indicator, d.sources.get(o.obs_id, []), lang, catalogue)
            for d in drawn for o in d.series.points]
    sources = unique_sources(drawn)
    about = view_about(view, lang, permalink)
    return Table(view.indicator.name(lang), SERIES_KEYS, headings(SERIES_KEYS, lang),
                 [[row[k] for k in SERIES_KEYS] for row in rows], about, sources,
                 any(d.line.simulated for d in drawn))


def view_about(view: views.ChartView, lang: str, permalink: str) -> list[tuple[str, str]]:
    """The view's metadata lines: indicator, unit, cells, range, as-of, address."""
    about = [(i18n.t("indicator", lang), f"{view.indicator.name(lang)} ({view.indicator.id})"),
             (i18n.t("unit", lang), units.unit_label(view.indicator.unit, lang)
              or view.indicator.unit),
             (i18n.t("view", lang), i18n.t(f"view_{view.view}", lang))]
    for cell in view.cells:
        name = views.cell_name(cell, lang)
        if cell.indicator:
            name = f"{view.indicator_of(cell).name(lang)} · {name}"
        about.append((i18n.t("cell", lang), name))
    if view.start or view.end:
        about.append((f"{i18n.t('from', lang)} / {i18n.t('to', lang)}",
                      f"{view.start or '…'} / {view.end or '…'}"))
    if view.as_of:
        about.append((i18n.t("as_of", lang), view.as_of.isoformat()))
    about.append((i18n.t("address", lang), permalink))
    about.append((i18n.t("generated", lang),
                  dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()))
    return about


def unique_sources(drawn: Sequence[views.Drawn]) -> list[Source]:
    seen: dict[str, Source] = {}
    for d in drawn:
        for sources in d.sources.values():
            for s in sources:
                seen.setdefault(s.source_id, s)
    return list(seen.values())


# -- writers -----------------------------------------------------------------------------------
def _cell(value: Any, lang: str) -> Any:
    if isinstance(value, bool):
        return i18n.t("yes" if value else "no", lang) if lang == "zh" else str(value).lower()
    return "" if value is None else value


def to_csv(table: Table, lang: str) -> bytes:
    """The rows under one heading line, with a byte order mark for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.headings)
    for row in table.rows:
        writer.writerow([_cell(v, lang) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(table: Table, lang: str) -> bytes:
    """A workbook with the rows on a sheet of their own and an "about" sheet: the view,
    the sources (publisher, title, date, address) and the simulated-data warning."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "data" if lang == "en" else "数据"
    sheet.append(list(table.headings))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_cell(v, lang) for v in row])
    sheet.freeze_panes = "A2"
    about = book.create_sheet("about" if lang == "en" else "说明")
    about.append([table.title])
    about["A1"].font = Font(bold=True, size=13)
    for label, value in table.about:
        about.append([label, value])
    if table.simulated:
        about.append([i18n.t("simulated", lang), i18n.t("simulated_banner", lang)])
    about.append([])
    about.append([i18n.t("sources", lang)])
    about.append([i18n.t("publisher", lang), i18n.t("title", lang), i18n.t("published", lang),
                  "URL", i18n.t("simulated", lang)])
    for s in table.sources:
        date = s.published_date
        about.append([s.publisher, s.title, date.isoformat() if date else "", s.url,
                      _cell(s.simulated, lang)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def metadata(table: Table) -> dict[str, Any]:
    """The table's metadata as JSON: title, about lines, sources, the simulated flag."""
    return {
        "title": table.title, "about": dict(table.about), "simulated": table.simulated,
        "sources": [{"source_id": s.source_id, "publisher": s.publisher, "title": s.title,
                     "published": s.published_date.isoformat() if s.published_date else None,
                     "url": s.url or None, "simulated": s.simulated} for s in table.sources],
    }


def to_json(table: Table) -> bytes:
    """The rows as objects keyed by column, under the table's metadata."""
    body = metadata(table) | {"columns": list(table.keys),
                              "rows": [dict(zip(table.keys, row, strict=True))
                                       for row in table.rows]}
    return json.dumps(body, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def write_table(table: Table, fmt: str, lang: str) -> bytes:
    writers: dict[str, Callable[[], bytes]] = {
        "csv": lambda: to_csv(table, lang), "xlsx": lambda: to_xlsx(table, lang),
        "json": lambda: to_json(table)}
    return writers[fmt]()


# -- charts ------------------------------------------------------------------------------------
#: the dashboard's chart styles (style.css), inside the file, which is read without it
SVG_STYLE = (
    "text{font-family:'Noto Sans SC','Noto Sans CJK SC',sans-serif;font-size:11px;fill:#5d6b7a}"
    ".title{font-size:15px;font-weight:700;fill:#1f2d3d}.subtitle{font-size:12px}"
    ".source-line{font-size:10px}.legend-label{fill:#1f2d3d}.axis-unit{font-weight:600}"
    ".grid{stroke:#eceff2}.grid.zero{stroke:#9aa5b1}"
    ".line{fill:none;stroke-width:2.2}.dot{fill:#fff;stroke-width:2}"
    ".line.simulated,.swatch.simulated{stroke-dasharray:6 4}.dot.simulated{fill:#fff3d6}"
    ".swatch{stroke-width:2.6}"
    + "".join(f".{charts.ink(c)}{{stroke:{c}}}" for palette in charts.LINE_COLOURS.values()
              for c in palette)
    + "".join(f".{charts.ink(c)}{{stroke:{c}}}" for c in charts.CELL_COLOURS)
)


def chart_svg(chart: str, title: str, subtitle: str, source: str, width: int = 720,
              height: int = 300) -> str:
    """The page's chart as a file of its own: the title and unit above it, the source
    line (wrapped) under it, the styles inside it, and, where it holds Chinese, the
    glyphs it uses as an embedded font, so that it reads the same without one."""
    top = 48
    lines = wrap(source, width - 24)
    bottom = 12 + 14 * len(lines)
    inner = chart.replace('class="chart lines"', 'class="chart lines" x="0" '
                          f'y="{top}" width="{width}" height="{height}"', 1)
    sources = "".join(f'<tspan x="12" dy="{0 if n == 0 else 14}">{escape(line)}</tspan>'
                      for n, line in enumerate(lines))
    body = (f'<rect width="100%" height="100%" fill="#fff"/>'
            f'<text class="title" x="12" y="20">{escape(title)}</text>'
            f'<text class="subtitle" x="12" y="38">{escape(subtitle)}</text>'
            f'{inner}'
            f'<text class="source-line" x="12" y="{height + top + 16}">{sources}</text>')
    # the font rules last: they name the family every text is set in
    style = SVG_STYLE + embedded_font(title + subtitle + source + chart)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} '
            f'{height + top + bottom}" width="{width}" height="{height + top + bottom}">'
            f'<style>{style}</style>{body}</svg>')


def wrap(text: str, width: float, size: float = 10.0) -> list[str]:
    """``text`` in lines of at most ``width`` pixels at ``size``: a Chinese character
    about a full em, a Latin one about half; broken at spaces where there are some."""
    def measure(part: str) -> float:
        return sum(size if ord(ch) >= 0x2E80 else size * 0.55 for ch in part)

    lines, current = [], ""
    for word in _words(text):
        if current and measure(current + word) > width:
            lines.append(current.rstrip())
            current = ""
        while measure(word) > width:  # a run without spaces: cut it
            cut = len(word)
            while measure(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current += word
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]


def _words(text: str) -> list[str]:
    """Words with the space after each kept, so the joined lines read as written."""
    out, word = [], ""
    for ch in text:
        word += ch
        if ch == " ":
            out.append(word)
            word = ""
    return [*out, word] if word else out


FONT_FAMILY = "indmon embedded"


def embedded_font(text: str) -> str:
    """An ``@font-face`` rule carrying the glyphs of the Chinese characters in ``text``
    (none where there are none), and the rule that uses it first."""
    chinese = "".join(sorted({ch for ch in text if ord(ch) >= 0x2E80}))
    if not chinese:
        return ""
    data = base64.b64encode(_subset(chinese)).decode("ascii")
    return (f"@font-face{{font-family:'{FONT_FAMILY}';"
            f"src:url(data:font/otf;base64,{data}) format('opentype')}}"
            f"text{{font-family:'{FONT_FAMILY}','Noto Sans SC',sans-serif}}")


@functools.lru_cache(maxsize=64)
def _subset(characters: str) -> bytes:
    """The full Chinese font cut to ``characters`` and the Latin letters and digits."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from indmon.web.dashboard import fonts

    options = subset.Options()
    font = TTFont(str(fonts.full_font()))
    subsetter = subset.Subsetter(options)
    latin = "".join(chr(c) for c in range(0x20, 0x7F)) + "–—·…“”’%‰"
    subsetter.populate(text=characters + latin)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def chart_png(drawn: Sequence[views.Drawn], title: str, subtitle: str, source: str,
              unit: str, lang: str, compared: bool) -> bytes:
    """The chart drawn by matplotlib (no pyplot: safe in the server's threads), with the
    same lines, colours and dashes, the title, the unit and the source line."""
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    from indmon.web.dashboard import fonts

    path = str(fonts.full_font())
    font_manager.fontManager.addfont(path)
    family = font_manager.FontProperties(fname=path).get_name()
    with matplotlib.rc_context({"font.family": family, "font.size": 9,
                                "axes.unicode_minus": False,
                                "axes.spines.top": False, "axes.spines.right": False}):
        fig = Figure(figsize=(8.0, 4.4), dpi=120)
        ax = fig.add_axes((0.08, 0.2, 0.9, 0.62))
        lines = [d for d in drawn if d.line.points]
        for index, d in enumerate(lines):
            colour = (charts.CELL_COLOURS[index % len(charts.CELL_COLOURS)] if compared
                      else charts.LINE_COLOURS.get(d.line.origin, charts.LINE_COLOURS[
                          "published"])[0])
            xs = [dt.date(p.at // 12, p.at % 12 + 1, 15) for p in d.line.points
                  if p.at is not None]
            ys = [p.value for p in d.line.points if p.at is not None]
            ax.plot(xs, ys, marker="o", markersize=3, linewidth=1.8, color=colour,  # type: ignore[arg-type]
                    linestyle="--" if d.line.simulated else "-", label=d.line.label)
        values = [p.value for d in lines for p in d.line.points]
        if values:
            axis = charts.value_axis(values, unit, lang)
            ax.set_yticks(list(axis.ticks), list(axis.labels))
            ax.set_ylabel(axis.caption)
        ax.grid(axis="y", color="#eceff2")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=8,
                  frameon=False)
        fig.text(0.01, 0.95, title, fontsize=12, color="#1f2d3d")
        fig.text(0.01, 0.9, subtitle, fontsize=9, color="#5d6b7a")
        fig.text(0.01, 0.015, _clip(source, 160), fontsize=7, color="#5d6b7a")
        out = io.BytesIO()
        fig.savefig(out, format="png")
    return out.getvalue()


def filename(view: views.ChartView, fmt: str) -> str:
    """``va_ytd_yoy-440000-36.csv``: the indicator and the cells drawn."""
    cells = "-".join(f"{c.province}-{c.industry}" if not c.indicator else
                     f"{c.indicator}-{c.province}-{c.industry}" for c in view.cells)
    stem = view.indicator.id + ("" if cells == "ALL-ALL" else "-" + cells)
    if view.as_of:
        stem += f"-as-of-{view.as_of.isoformat()}"
    return f"{stem}.{fmt}"
