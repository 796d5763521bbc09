"""What an indicator page shows, named by its URL: the indicator (or its level, year-to-
date or year-on-year sibling), the cell or cells drawn, the date range and the vintage.

Every chart, table and download of an indicator page is built from one ``ChartView``
read from the query string, so a link holds the whole view (a permalink) and a download
holds exactly what the page draws::

    /indicators/va_ytd_yoy?province=440000&industry=36&as_of=2024-03-31
        &from=2023-01&to=2024-06&view=yoy&compare=310000:ALL&compare=va_yoy@ALL:36

``compare`` names a further cell as ``province:industry``, optionally of another
indicator of the same unit as ``indicator@province:industry``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from indmon import errors as e
from indmon.catalogue import ALL, Catalogue, Indicator
from indmon.store import Clearance, Observation, Series, Source
from indmon.store.periods import month_index
from indmon.web.dashboard import charts, i18n

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: the views of an indicator family, in the order the switch lists them: the level, the
#: level year to date, the growth over a year earlier, and that growth year to date
VIEWS = ("level", "ytd", "yoy", "ytd_yoy")
SUFFIXES = {"level": "", "ytd": "_ytd", "yoy": "_yoy", "ytd_yoy": "_ytd_yoy"}
#: the most cells one chart overlays (the main one included)
MAX_CELLS = 8


def family(indicator_id: str) -> str:
    """The indicator's family stem: its id without the year-to-date and growth endings.

    >>> family("profit_ytd_yoy"), family("va_yoy"), family("gdp")
    ('profit', 'va', 'gdp')
    """
    for suffix in ("_ytd_yoy", "_ytd", "_yoy"):
        if indicator_id.endswith(suffix):
            return indicator_id[: -len(suffix)]
    return indicator_id


def view_of(indicator_id: str) -> str:
    """Which view of its family an indicator is (``level`` for an id without endings)."""
    stem = family(indicator_id)
    suffix = indicator_id[len(stem):]
    return next(view for view, ending in SUFFIXES.items() if ending == suffix)


def siblings(indicator: Indicator, catalogue: Catalogue | None = None) -> dict[str, Indicator]:
    """The views of ``indicator``'s family that the catalogue has, by view name: a
    switch between them only where there is more than one."""
    indicators = (catalogue or Catalogue.load()).indicators
    stem = family(indicator.id)
    found = {view: indicators.get(stem + suffix) for view, suffix in SUFFIXES.items()}
    return {view: ind for view, ind in found.items() if ind is not None}


@dataclass(frozen=True)
class Cell:
    """One line group of a chart: a province and an industry (``ALL`` for the whole),
    and the indicator when it is not the page's own."""

    province: str = ALL
    industry: str = ALL
    indicator: str | None = None

    @property
    def token(self) -> str:
        """How the cell is written in a ``compare=`` parameter."""
        where = f"{self.province}:{self.industry}"
        return f"{self.indicator}@{where}" if self.indicator else where

    @classmethod
    def parse(cls, text: str, catalogue: Catalogue) -> Cell:
        """``440000:36``, ``440000`` (all industry), ``:36`` (whole country) or
        ``va_yoy@440000:36``; codes are checked against the catalogue."""
        indicator, _, where = text.strip().rpartition("@")
        province, _, industry = where.partition(":")
        cell = cls(province or ALL, industry or ALL, indicator or None)
        check_cell(cell.province, cell.industry, catalogue)
        if cell.indicator is not None and cell.indicator not in catalogue.indicators:
            raise e.NotFound(f"compare={text!r}: there is no indicator {cell.indicator!r}; "
                             "write compare=province:industry or indicator@province:industry")
        return cell


def check_cell(province: str, industry: str, catalogue: Catalogue) -> None:
    """Raise ``UnknownCode`` (listing the known codes) for a code the catalogue lacks."""
    if province != ALL:
        catalogue.province(province)
    if industry != ALL:
        catalogue.industry(industry)


@dataclass(frozen=True)
class ChartView:
    """One indicator page's view, as its query string names it."""

    #: the indicator of the page's address
    page: Indicator
    #: the indicator drawn: the page's, or the sibling ``view`` names
    indicator: Indicator
    view: str
    #: the main cell first, then the compared ones
    cells: tuple[Cell, ...] = (Cell(),)
    as_of: dt.date | None = None
    start: str | None = None
    end: str | None = None
    #: the sibling views the catalogue has (``view`` among them)
    views: tuple[str, ...] = ()

    @property
    def main(self) -> Cell:
        return self.cells[0]

    @property
    def compared(self) -> tuple[Cell, ...]:
        return self.cells[1:]

    def indicator_of(self, cell: Cell) -> Indicator:
        if cell.indicator is None:
            return self.indicator
        return Catalogue.load().indicator(cell.indicator)

    def params(self, **changes: Any) -> list[tuple[str, str]]:
        """The query string's parameters of this view (with ``changes``: a value of None
        drops one, a list of cells replaces ``compare``)."""
        values: dict[str, Any] = {
            "province": self.main.province if self.main.province != ALL else None,
            "industry": self.main.industry if self.main.industry != ALL else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "from": self.start, "to": self.end,
            "view": self.view if self.indicator.id != self.page.id else None,
            "compare": [c.token for c in self.compared],
        }
        values.update(changes)
        out: list[tuple[str, str]] = []
        for key, value in values.items():
            if isinstance(value, list | tuple):
                out += [(key, str(v)) for v in value]
            elif value is not None and value != "":
                out.append((key, str(value)))
        return out

    def query(self, **changes: Any) -> str:
        """``?province=…&…`` of this view, or empty for the page's plain view."""
        params = self.params(**changes)
        return "?" + urlencode(params) if params else ""

    def link(self, path: str | None = None, **changes: Any) -> str:
        return (path or f"/indicators/{self.page.id}") + self.query(**changes)

    def switch_link(self, view: str) -> str:
        """The address of this view in another view of the family: compared series of
        another indicator stay only where they share the new view's unit."""
        target = siblings(self.page)[view]
        keep = [c.token for c in self.compared if c.indicator is None or
                Catalogue.load().indicator(c.indicator).unit == target.unit]
        return self.link(view=view if target.id != self.page.id else None, compare=keep)

    def without(self, cell: Cell) -> str:
        """The address of this view without the compared ``cell``."""
        return self.link(compare=[c.token for c in self.compared if c != cell])

    def embed_link(self) -> str:
        return self.link(f"/embed/indicators/{self.page.id}")


def parse_view(indicator_id: str, query: Mapping[str, str] | Any,
               catalogue: Catalogue | None = None) -> ChartView:
    """The view an indicator page's query string names; a code, date or view the page
    cannot show raises an error that says what it accepts."""
    cat = catalogue or Catalogue.load()
    page = cat.indicator(indicator_id)
    family_views = siblings(page, cat)
    view = query.get("view") or view_of(page.id)
    if view not in family_views:
        raise e.NotFound(f"view={view!r}: {page.id} has the views "
                         f"{', '.join(family_views)}")
    main = Cell(query.get("province") or ALL, query.get("industry") or ALL)
    check_cell(main.province, main.industry, cat)
    compare = _compared(query, cat)
    cells = tuple(dict.fromkeys([main, *compare]))
    if len(cells) > MAX_CELLS:
        raise e.ConfigError(f"{len(cells)} cells to compare: one chart overlays at most "
                            f"{MAX_CELLS}; remove some compare= parameters")
    drawn = family_views[view]
    for cell in cells:
        other = cat.indicator(cell.indicator) if cell.indicator else drawn
        if other.unit != drawn.unit:
            raise e.ConfigError(f"compare={cell.token}: {other.id} is in {other.unit} and "
                                f"{drawn.id} in {drawn.unit}; only series of one unit share a "
                                "chart")
    start, end = _month(query.get("from"), "from"), _month(query.get("to"), "to")
    if start and end and start > end:
        raise e.ConfigError(f"from={start} is after to={end}; give the earlier month first")
    return ChartView(page, drawn, view, cells, parse_day(query.get("as_of")), start, end,
                     tuple(family_views))


def _compared(query: Any, catalogue: Catalogue) -> list[Cell]:
    values = query.getlist("compare") if hasattr(query, "getlist") else (
        [query["compare"]] if query.get("compare") else [])
    cells = [Cell.parse(v, catalogue) for text in values for v in text.split(",") if v]
    add = (query.get("add_province") or "", query.get("add_industry") or "")
    other = query.get("add_indicator") or ""
    if any(add) or other:
        cells.append(Cell.parse(f"{other}@{add[0]}:{add[1]}" if other else
                                f"{add[0]}:{add[1]}", catalogue))
    return cells


def same_unit(indicator: Indicator, catalogue: Catalogue | None = None) -> list[Indicator]:
    """Indicators a chart of ``indicator`` may overlay: those of its unit and theme."""
    cat = catalogue or Catalogue.load()
    return [i for i in cat.indicators.values()
            if i.unit == indicator.unit and i.theme == indicator.theme and i.id != indicator.id]


def _month(text: str | None, name: str) -> str | None:
    if not text:
        return None
    if not MONTH.match(text):
        raise e.ConfigError(f"{name}={text!r} is not a month like 2023-01")
    return text


def parse_day(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        if not DAY.match(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise e.ConfigError(f"as_of={text!r} is not a date like 2024-03-31") from None


# -- what is drawn ------------------------------------------------------------------------------
#: the order lines are listed and drawn in: published first, simulated last
ORIGIN_ORDER = {"published": 0, "computed": 1, "simulated": 2}
FREQUENCY_ORDER = {"year": 0, "half": 1, "quarter": 2, "month": 3, "span": 4, "stock": 5}


@dataclass(frozen=True)
class Drawn:
    """One line as drawn, with the cell and indicator it is of and the sources of its
    points (by obs id)."""

    line: charts.Line
    series: Series
    cell: Cell
    indicator: Indicator
    sources: dict[int, list[Source]] = field(default_factory=dict)

    def latest_sources(self) -> list[Source]:
        if not self.series.points:
            return []
        return self.sources.get(self.series.points[-1].obs_id, [])


def cell_name(cell: Cell, lang: str, catalogue: Catalogue | None = None) -> str:
    """``Guangdong · Automobiles``, ``Whole country · All industry``."""
    cat = catalogue or Catalogue.load()
    return " · ".join([cat.province_label(cell.province, lang),
                       cat.industry_label(cell.industry, lang)])


def drawn_lines(store: Any, view: ChartView, lang: str, clearance: Clearance | None
                ) -> list[Drawn]:
    """Every line of the view's chart, cell by cell (published before computed before
    simulated within a cell), each with the sources of its points."""
    out: list[tuple[charts.Line, Series, Cell, Indicator]] = []
    several = len(view.cells) > 1
    for cell in view.cells:
        indicator = view.indicator_of(cell)
        prefix = ""
        if several:
            prefix = cell_name(cell, lang)
            if cell.indicator:
                prefix = f"{indicator.name(lang)} · {prefix}"
        for line, series in cell_series(store, indicator, lang, cell, clearance,
                                        view.as_of, view.start, view.end):
            if prefix:
                line = charts.Line(f"{prefix} · {line.label}", line.origin, line.frequency,
                                   line.points)
            out.append((line, series, cell, indicator))
    ids = [o.obs_id for _l, series, _c, _i in out for o in series.points]
    cited = store.cited(ids) if ids else {}
    return [Drawn(line, series, cell, indicator,
                  {o.obs_id: list({p.source.source_id: p.source
                                   for p in cited.get(o.obs_id, [])}.values())
                   for o in series.points})
            for line, series, cell, indicator in out]


def cell_series(store: Any, indicator: Indicator, lang: str, cell: Cell,
                clearance: Clearance | None, as_of: dt.date | None = None,
                start: str | None = None, end: str | None = None
                ) -> list[tuple[charts.Line, Series]]:
    """The lines a chart of one cell draws, from ``store.series``: one per origin and
    frequency (and kind of period, where single months and year-to-date figures of one
    indicator share a frequency), in time order, without January where the indicator's
    January and February are combined."""
    found = store.series(indicator.id, industry=cell.industry, province=cell.province,
                         january_combined=indicator.january_combined, as_of=as_of,
                         start=start, end=end, clearance=clearance or Clearance.public())
    return series_lines(found, lang)


def series_lines(found: list[Series], lang: str) -> list[tuple[charts.Line, Series]]:
    """Store series as chart lines, in the order they are drawn and listed."""
    found.sort(key=lambda s: (ORIGIN_ORDER.get(s.origin.value, 9),
                              FREQUENCY_ORDER.get(s.frequency, 9)))
    lines = []
    for series in found:
        parts = one_point_per_month(series)
        for key, points in parts.items():
            label = line_label(series, key if len(parts) > 1 else None, lang)
            lines.append((charts.Line(label, series.origin.value, series.frequency,
                                      tuple(chart_point(o, lang) for o in points
                                            if not o.withheld)),
                          Series(series.indicator, series.industry, series.province,
                                 series.origin, series.frequency, key[0], points)))
    return lines


def one_point_per_month(series: Series) -> dict[tuple[str, int], tuple[Observation, ...]]:
    """The series as one line, unless two of its figures end in the same month (a single
    month and a year to date of one frequency, or spans of different lengths): then each
    kind of period (and, if need be, each length) is its own line; a January-February
    figure joins the series' main kind."""
    main = "ytd" if series.kind in ("ytd", "janfeb") else series.kind

    def kind(o: Observation) -> str:
        return main if o.period.kind == "janfeb" else o.period.kind

    groups: dict[tuple[str, int], list[Observation]] = {}
    for key in (lambda o: (series.kind, 0), lambda o: (kind(o), 0),
                lambda o: (kind(o), o.period.months)):
        groups = {}
        for o in series.points:
            groups.setdefault(key(o), []).append(o)
        if all(len({o.period.end for o in g}) == len(g) for g in groups.values()):
            break
    return {k: tuple(points) for k, points in groups.items()}


def line_label(series: Series, key: tuple[str, int] | None, lang: str) -> str:
    """``Published · annual``, ``Simulated data · monthly``, ``… · monthly, year to date``;
    a line split off its series says which kind (and length) of period it holds."""
    from indmon.catalogue import units

    label = " · ".join([i18n.t(f"origin_{series.origin.value}", lang),
                        i18n.t(f"freq_{series.frequency}", lang)])
    if key is None:
        return label
    kind, months = key
    words = [i18n.t(f"kind_{kind}", lang)] if kind in ("month", "ytd") else []
    if months:
        words.append(units.format_value(months, "month", lang))
    comma = "，" if lang == "zh" else ", "
    return comma.join([label, *words])


def chart_point(o: Observation, lang: str) -> charts.Point:
    return charts.Point(i18n.period_short(o.period.text, lang), o.value,
                        f"/provenance/{o.obs_id}", o.period.text, month_index(o.period.end))


def source_line(drawn: Sequence[Drawn], lang: str) -> str:
    """``Source: publisher, “title”, date; …`` of every source behind the drawn points,
    with the simulated-data warning where one is simulated: the line under a chart and
    its downloads."""
    seen: dict[str, Source] = {}
    for d in drawn:
        for sources in d.sources.values():
            for s in sources:
                seen.setdefault(s.source_id, s)
    cited = "; ".join(s.citation() for s in seen.values()) or "–"
    text = f"{i18n.t('sources', lang)}: {cited}"
    if any(d.line.simulated for d in drawn):
        text += f" ({i18n.t('simulated_short', lang)})"
    return text
