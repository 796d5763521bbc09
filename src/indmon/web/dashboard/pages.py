"""The dashboard: server-rendered pages over the same store and access rules as the API.

Every page has the language switch (``?lang=zh``, remembered in a cookie), the search
box, and a banner when any figure on it is simulated. Every number links to
``/provenance/{obs_id}``.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Hashable
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from indmon import errors as e
from indmon.catalogue import ALL, Catalogue, Indicator, units
from indmon.report import phrasing
from indmon.report.card import Entry, card_periods, covered, entry_period_words
from indmon.report.words import words_for
from indmon.store import Clearance, Observation, Source
from indmon.store.periods import Period
from indmon.web import auth
from indmon.web import errors as web_errors
from indmon.web.api.alerts import may_change
from indmon.web.app import TOKEN_COOKIE, OptionalUser, Reader, StoreView, backend
from indmon.web.dashboard import charts, data, fonts, i18n, views
from indmon.web.disclosure import clearance_of
from indmon.web.security import CONTENT_SECURITY_POLICY, csp_nonce, document_policy

HERE = resources.files("indmon.web.dashboard")
templates = Jinja2Templates(directory=str(HERE.joinpath("templates")))
router = APIRouter(include_in_schema=False)


def is_http_url(text: object) -> bool:
    """Whether ``text`` is an http(s) address, the only kind a page makes a link of (a
    stored ``javascript:`` address is shown as text).

    >>> is_http_url("https://www.miit.gov.cn/x"), is_http_url(" javascript:alert(1)")
    (True, False)
    """
    if not isinstance(text, str):
        return False
    parsed = urlsplit(text.strip())
    return parsed.scheme.lower() in ("http", "https") and bool(parsed.netloc) and (
        text == text.strip())


def language(request: Request) -> str:
    return i18n.pick(request.query_params.get("lang") or request.cookies.get(i18n.LANG_COOKIE))


def render(request: Request, name: str, user: auth.User | None, status_code: int = 200,
           **context: Any) -> HTMLResponse:
    """A page in the reader's language, remembering an explicit ``?lang=`` in a cookie."""
    lang = language(request)
    catalogue = Catalogue.load()
    response = templates.TemplateResponse(request, name, status_code=status_code, context={
        "lang": lang, "other_lang": "zh" if lang == "en" else "en", "user": user,
        "t": lambda key: i18n.t(key, lang), "num": lambda v, u: i18n.number(v, u, lang),
        "diff": lambda d, u: i18n.difference(d, u, lang),
        "unit_label": lambda u: i18n.unit_label(u, lang), "catalogue": catalogue,
        "period_label": lambda p: i18n.period_label(str(p), lang),
        "industry_label": lambda c: catalogue.industry_label(c, lang),
        "province_label": lambda c: catalogue.province_label(c, lang),
        "simulated": False, "csp_nonce": csp_nonce(request),
        "http_url": is_http_url, **context,
    })
    remember_language(request, response, lang)
    return response


def remember_language(request: Request, response: Response, lang: str) -> None:
    """An explicit ``?lang=`` is remembered in a cookie for the next pages."""
    if request.query_params.get("lang") in i18n.LANGS:
        response.set_cookie(i18n.LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")


#: what the report card is made of: the figures and the alerts (never the enterprise
#: reports), so a report submission keeps the page and a new figure or alert change drops it
HOME_DEPENDS = frozenset({"observations", "alerts"})


@dataclass(frozen=True)
class RenderedPage:
    """A page as sent: kept whole in the app's cache (not a sized result, so kept
    whatever its length)."""

    body: bytes
    status_code: int


def viewer(user: auth.User | None) -> Hashable:
    """Whom a cached page was rendered for: every anonymous reader alike; a signed-in
    user by name (the header names it), role and provinces (what it may see)."""
    if user is None:
        return "public"
    return (user.name, user.role, tuple(sorted(user.provinces)))


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, user: Reader, period: str | None = None) -> Response:
    """The report card of the latest year (``?period=`` picks another): the briefing's
    model, with published, computed and simulated figures in sections of their own. A
    period without figures is a 404 page naming the periods that have some.

    The page is the same for every reader of one scope until the figures or alerts
    change, so it is rendered once per (period, language, viewer) and then sent from
    the app's cache, which such a write empties: a cache hit touches neither the store
    nor a worker thread."""
    lang = language(request)
    site = backend(request)
    key = ("home-page", lang, period or "", viewer(user))
    page = site.peek(key)
    if page is None:
        page = await run_in_threadpool(lambda: site.cached(
            key, lambda: _render_home(request, user, lang, period), depends=HOME_DEPENDS))
    response = HTMLResponse(page.body, status_code=page.status_code)
    remember_language(request, response, lang)
    return response


def _render_home(request: Request, user: auth.User | None, lang: str, period: str | None
                 ) -> RenderedPage:
    from indmon.web.dashboard import wording

    context = {**_card_words(lang), **wording.page_words(lang)}
    site = backend(request)
    with site.reading() as store:
        try:
            # the card is the same for every reader until the next write: build it once
            clearance = clearance_of(user)
            view = site.cached(("home-card", lang, period or "", clearance),
                               lambda: data.report_card(store, lang, period or None,
                                                        clearance),
                               depends=HOME_DEPENDS)
        except e.NotFound as missing:
            response = render(request, "home.html", user, status_code=404, view=None,
                              missing=period, message=str(missing),
                              periods=card_periods(store), **context)
        else:
            response = render(request, "home.html", user, view=view, missing=None,
                              periods=list(view.periods) if view else [],
                              simulated=bool(view and view.simulated),
                              card_alerts=wording.card_alert_groups(store, view.card)
                              if view else [], **context)
    return RenderedPage(bytes(response.body), response.status_code)


def _card_words(lang: str) -> dict[str, Any]:
    """How the report card is worded on the page: the briefing's words and periods."""
    words = words_for(lang)
    catalogue = Catalogue.load()

    def cell_name(entry: Entry) -> str:
        code = entry.province if entry.industry == ALL else entry.industry
        label = catalogue.province_label if entry.industry == ALL else catalogue.industry_label
        try:
            return str(label(code, lang))
        except e.UnknownCode:
            return code

    return {
        "w": lambda key, **values: words[key].format(**values) if values else words[key],
        "card_period": lambda p: phrasing.period_words(str(p), lang),
        "entry_words": lambda entry: entry_period_words(entry, lang),
        "figure_words": lambda obs: phrasing.period_words(covered(obs).text, lang),
        "cell_name": cell_name,
    }


@router.get("/indicators/{indicator_id}", response_class=HTMLResponse)
def indicator_page(indicator_id: str, request: Request, store: StoreView, user: Reader
                   ) -> Response:
    """One indicator over time for any cell (``?province=&industry=``, whole country and
    all industry by default), as known on a date (``as_of``), over a range of months
    (``from``, ``to``), in another view of its family (``view``: level, ytd, yoy,
    ytd_yoy where the catalogue has them) and with further cells overlaid
    (``compare=province:industry``): a line for each cell, origin and frequency (never
    joined), the breakdowns of the latest period that has them, every figure drawn in a
    table, and the notes that apply. The address restores the whole view."""
    view = views.parse_view(indicator_id, request.query_params)
    if any(request.query_params.get(name) is not None
           for name in ("add_province", "add_industry", "add_indicator")):
        # the "add to the comparison" form: send the reader to the view's own address
        return RedirectResponse(view.link(), status_code=303)
    lang = language(request)
    base = str(request.base_url).rstrip("/")
    return render(request, "indicator.html", user, permalink=permalink(request, view),
                  embed_url=base + view.embed_link(),
                  **indicator_context(store, view, lang, clearance_of(user)))


def indicator_context(store: Any, view: views.ChartView, lang: str, clearance: Clearance
                      ) -> dict[str, Any]:
    """What the indicator page (and its embeddable chart) shows of ``view``."""
    indicator = view.indicator
    drawn = views.drawn_lines(store, view, lang, clearance)
    chart = view_chart(view, drawn, lang)
    whole = view.main == views.Cell() and not view.compared
    parts = _breakdowns(store, indicator, lang, clearance, view.as_of) if whole else []
    simulated = any(d.line.simulated for d in drawn) or any(p["simulated"] for p in parts)
    catalogue = Catalogue.load()
    return {
        "indicator": indicator, "view": view, "drawn": drawn, "chart": chart,
        "parts": parts, "simulated": simulated,
        "rows": _series_rows(drawn, _disagreeing(store, indicator.id, view)),
        "source_line": views.source_line(drawn, lang),
        "cell_name": lambda cell: views.cell_name(cell, lang, catalogue),
        "family": views.siblings(view.page, catalogue),
        "all_provinces": list(catalogue.provinces.values()),
        "all_industries": list(catalogue.industries.values()),
        "january_combined": indicator.january_combined,
        "vintage_days": _vintage_days(store, view),
        "overlays": views.same_unit(view.indicator, catalogue),
        "indicator_name": lambda ident: catalogue.indicator(ident).name(lang),
    }


def _vintage_days(store: Any, view: views.ChartView) -> list[str]:
    """The days the main cell's figures became known (its vintages), newest first: the
    as-of dates worth picking."""
    cell = view.main
    frame = store.observations(view.indicator.id, industry=cell.industry,
                               province=cell.province, start=view.start, end=view.end,
                               history=True)
    if frame.empty:
        return []
    return sorted({str(v)[:10] for v in frame["vintage"]}, reverse=True)


def _disagreeing(store: Any, indicator_id: str, view: views.ChartView
                 ) -> dict[tuple[str, str, str, str], list[Observation]]:
    """Figures of the main cell that sources state differently, by cell, origin and
    period, as known on the view's date."""
    out: dict[tuple[str, str, str, str], list[Observation]] = {}
    cell = view.main
    for o in store.figures(indicator_id, industry=cell.industry, province=cell.province,
                           conflict=True, as_of=view.as_of):
        out.setdefault((o.province, o.industry, o.origin.value, o.period.text), []).append(o)
    return out


def _series_rows(drawn: list[views.Drawn],
                 disagreeing: dict[tuple[str, str, str, str], list[Observation]]
                 ) -> list[tuple[views.Drawn, Observation, str, list[Observation]]]:
    """Every figure drawn, line by line, newest first, with a key that sorts periods in
    time order (never as text) and, where sources disagree, the other values stated."""
    rows = []
    for d in drawn:
        for o in reversed(d.series.points):
            end, longer_first, _text = o.period.sort_key()
            key = (o.province, o.industry, o.origin.value, o.period.text)
            others = [x for x in disagreeing.get(key, [])
                      if x.obs_id != o.obs_id and x.value != o.value]
            rows.append((d, o, f"{end}.{50 + max(longer_first, -49):02d}", others))
    return rows


def _latest_breakdown(store: Any, indicator_id: str, dimension: str, clearance: Clearance,
                      as_of: Any = None) -> tuple[str, list[Observation]] | None:
    """The latest period (in time order) with figures by ``dimension`` for the whole of
    the other dimension, and those figures."""
    for period in reversed(store.periods_with(indicator_id, dimension)):
        found = _cells(store, indicator_id, period, dimension, clearance, as_of)
        if found:
            return period, found
    return None


def _cells(store: Any, indicator_id: str, period: str, dimension: str,
           clearance: Clearance, as_of: Any = None) -> list[Observation]:
    """Figures of one period by industry (whole country) or by province (all industry),
    one per cell and origin (the latest stated where sources conflict); suppressed cells
    the reader has no clearance for come withheld."""
    if dimension == "industry":
        found = store.figures(indicator_id, period=period, province=ALL, clearance=clearance,
                              as_of=as_of)
        found = [o for o in found if o.industry != ALL]
    else:
        found = store.figures(indicator_id, period=period, industry=ALL, clearance=clearance,
                              as_of=as_of)
        found = [o for o in found if o.province != ALL]
    best: dict[tuple[str, str, str], Observation] = {}
    for o in found:
        key = (o.industry, o.province, o.origin.value)
        held = best.get(key)
        if held is None or (held.conflict, -held.vintage.timestamp()) > (
                o.conflict, -o.vintage.timestamp()):
            best[key] = o
    return list(best.values())


def _ranked(o: Observation) -> tuple[bool, float]:
    """Largest first; withheld (suppressed) cells after every figure shown."""
    return (o.withheld, -o.value if not o.withheld else 0.0)


def _tile_text(o: Observation | None, unit: str, lang: str) -> str:
    if o is None:
        return "–"
    if o.withheld:
        return i18n.t("suppressed", lang)
    return units.format_number(o.value, unit, lang, short=True)


def _by_origin(found: list[Observation]) -> list[tuple[str, list[Observation]]]:
    groups: dict[str, list[Observation]] = {}
    for o in found:
        groups.setdefault(o.origin.value, []).append(o)
    return sorted(groups.items(), key=lambda item: views.ORIGIN_ORDER.get(item[0], 9))


def _code(o: Observation, dimension: str) -> str:
    return o.industry if dimension == "industry" else o.province


def _breakdowns(store: Any, indicator: Indicator, lang: str, clearance: Clearance,
                as_of: Any = None) -> list[dict[str, Any]]:
    """A bar chart and table per dimension for its latest period: one per origin, so that
    published and simulated figures never share a chart."""
    catalogue = Catalogue.load()
    out = []
    for dimension in ("industry", "province"):
        latest = _latest_breakdown(store, indicator.id, dimension, clearance, as_of)
        if latest is None:
            continue
        period, found = latest
        label = catalogue.industry_label if dimension == "industry" else catalogue.province_label
        for origin, figures in _by_origin(found):
            figures.sort(key=_ranked)
            points = [charts.Point(label(_code(o, dimension), lang), o.value,
                                   f"/provenance/{o.obs_id}") for o in figures
                      if not o.withheld]

            def formatted(v: float) -> str:
                return i18n.number(v, indicator.unit, lang)

            out.append({
                "dimension": dimension, "period": period, "origin": origin,
                "origin_label": i18n.t(f"origin_{origin}", lang),
                "chart": charts.bar_chart(points, unit=i18n.unit_label(indicator.unit, lang),
                                          title=dimension, label=formatted),
                "rows": [(_code(o, dimension), o) for o in figures],
                "simulated": origin == "simulated",
            })
    return out


@router.get("/provinces", response_class=HTMLResponse)
def provinces_page(request: Request, store: StoreView, user: Reader,
                   indicator: str | None = None, period: str | None = None,
                   origin: str | None = None, as_of: str | None = None) -> HTMLResponse:
    """A tile map and ranking of one indicator's figures by province for one period and
    one origin (published figures are never coloured on the same map as simulated), as
    known on a date (``as_of``) when asked."""
    lang = language(request)
    catalogue = Catalogue.load()
    day = views.parse_day(as_of)
    ranked = _province_ranking(store, indicator, period, origin, clearance_of(user), day)
    if ranked is None:
        return render(request, "provinces.html", user, indicator=None, tiles=[], periods=[])
    chosen, period, periods, origins, picked, values = ranked
    shown = {code: o for code, o in values.items() if not o.withheld}
    limit = max((abs(o.value) for o in shown.values()), default=1.0) or 1.0
    tiles = [{"province": p, "figure": values.get(p.code),
              "text": _tile_text(values.get(p.code), chosen.unit, lang),
              "colour": charts.diverging_colour(shown[p.code].value if p.code in shown
                                                else None, limit)}
             for p in catalogue.provinces.values()]
    ranking = sorted(values.items(), key=lambda item: _ranked(item[1]))
    caption, stops = charts.legend(limit, chosen.unit, lang)
    query = urlencode([(k, v) for k, v in (
        ("indicator", chosen.id), ("period", period), ("origin", picked),
        ("as_of", day.isoformat() if day else None)) if v])
    return render(request, "provinces.html", user, indicator=chosen, period=period,
                  periods=periods, tiles=tiles, ranking=ranking, legend=stops,
                  legend_caption=caption, choices=_choices(store, "province"),
                  origins=origins, origin=picked, simulated=picked == "simulated",
                  download_query=query, as_of=day)


def _province_ranking(store: Any, indicator: str | None, period: str | None,
                      origin: str | None, clearance: Clearance, as_of: Any = None
                      ) -> tuple[Indicator, str | None, list[str], list[str], str | None,
                                 dict[str, Observation]] | None:
    """The figures a province map shows: its indicator, period, the periods and origins
    one may pick, the origin picked and the figure of each province (None without any
    indicator broken down by province)."""
    indicator = indicator or _default_indicator(store, "province")
    if indicator is None:
        return None
    chosen = Catalogue.load().indicator(indicator)
    periods = list(reversed(store.periods_with(indicator, "province")))  # newest first
    period = period or (periods[0] if periods else None)
    if period is not None:
        Period.parse(period)
    groups = _by_origin(_cells(store, indicator, period, "province", clearance, as_of)
                        ) if period else []
    origins = [name for name, _ in groups]
    if origin is not None and origin not in origins:
        raise e.NotFound(f"no {origin!r} figures of {indicator} by province for {period}; "
                         f"origins: {', '.join(origins) or 'none'}")
    picked = origin or (origins[0] if origins else None)
    values = {o.province: o for name, found in groups if name == picked for o in found}
    return chosen, period, periods, origins, picked, values


@router.get("/provinces/download.{fmt}")
def provinces_download(fmt: str, request: Request, store: StoreView, user: Reader,
                       indicator: str | None = None, period: str | None = None,
                       origin: str | None = None, as_of: str | None = None) -> Response:
    """The province ranking as the page shows it (same parameters), as CSV, XLSX or
    JSON: rank, codes and names, value, unit, origin, simulated flag and sources."""
    _table_format(fmt)
    lang = language(request)
    ranked = _province_ranking(store, indicator, period, origin, clearance_of(user),
                               views.parse_day(as_of))
    if ranked is None:
        raise e.NotFound("the store holds no figures by province")
    chosen, period, _periods, _origins, picked, values = ranked
    figures = [o for _code, o in sorted(values.items(), key=lambda item: _ranked(item[1]))]
    about = [(i18n.t("indicator", lang), f"{chosen.name(lang)} ({chosen.id})"),
             (i18n.t("period", lang), i18n.period_label(period or "", lang)),
             (i18n.t("origin", lang), i18n.t(f"origin_{picked}", lang) if picked else "–")]
    title = f"{chosen.name(lang)} · {i18n.t('provinces', lang)}"
    table = _figures_table(store, figures, title, about, lang, request, ranked=True)
    return _download(table, fmt, lang, f"{chosen.id}-provinces-{period}")


@router.get("/industries/download.{fmt}")
def industries_download(fmt: str, request: Request, store: StoreView, user: Reader,
                        period: str | None = None, indicator: str | None = None,
                        as_of: str | None = None) -> Response:
    """The industry table as the page shows it (or one indicator's column, as an
    indicator page's breakdown shows it), one row per figure, as CSV, XLSX or JSON."""
    _table_format(fmt)
    lang = language(request)
    columns, period, _periods = _industry_columns(store, period)
    if indicator is not None:
        Catalogue.load().indicator(indicator)
        columns = [indicator]
        if period is None or period not in store.periods_with(indicator, "industry"):
            period = next(reversed(store.periods_with(indicator, "industry")), None)
    day = views.parse_day(as_of)
    figures = [o for ident in columns for o in sorted(
        _cells(store, ident, period, "industry", clearance_of(user), day),
        key=lambda o: (o.industry, views.ORIGIN_ORDER.get(o.origin.value, 9)))] if (
        period) else []
    about = [(i18n.t("period", lang), i18n.period_label(period or "", lang))]
    table = _figures_table(store, figures, i18n.t("industries", lang), about, lang, request)
    return _download(table, fmt, lang, f"industries-{period}")


def _table_format(fmt: str) -> None:
    from indmon.web.dashboard import downloads

    if fmt not in downloads.TABLE_FORMATS:
        raise e.NotFound(f"no download as {fmt!r}; tables download as "
                         f"{', '.join(downloads.TABLE_FORMATS)}")


def _figures_table(store: Any, figures: list[Observation], title: str,
                   about: list[tuple[str, str]], lang: str, request: Request,
                   ranked: bool = False) -> Any:
    """A table page's figures as a download, each with its cited sources."""
    from indmon.web.dashboard import downloads

    catalogue = Catalogue.load()
    cited = store.cited([o.obs_id for o in figures]) if figures else {}
    keys = (("rank",) if ranked else ()) + downloads.SERIES_KEYS
    rows = []
    sources: dict[str, Source] = {}
    for rank, o in enumerate(figures, start=1):
        cites = list({p.source.source_id: p.source for p in cited.get(o.obs_id, [])}.values())
        for source in cites:
            sources.setdefault(source.source_id, source)
        row = downloads.figure_row(o, catalogue.indicator(o.indicator), cites, lang,
                                   catalogue) | {"rank": rank}
        rows.append([row[k] for k in keys])
    page = str(request.url.path).rsplit("/download.", 1)[0]
    address = str(request.base_url).rstrip("/") + page + (
        f"?{request.url.query}" if request.url.query else "")
    about = [*about, (i18n.t("address", lang), address)]
    return downloads.Table(title, keys, downloads.headings(keys, lang), rows, about,
                           list(sources.values()), any(o.simulated for o in figures))


def _download(table: Any, fmt: str, lang: str, stem: str) -> Response:
    from indmon.web.dashboard import downloads

    return Response(downloads.write_table(table, fmt, lang),
                    media_type=downloads.MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'})


@router.get("/indicators/{indicator_id}/download.{fmt}")
def indicator_download(indicator_id: str, fmt: str, request: Request, store: StoreView,
                       user: Reader) -> Response:
    """Exactly what the indicator page of the same parameters draws: its figures as CSV,
    XLSX or JSON (names, codes, units, periods, origin, simulated flag, sources, the
    view's metadata), or its chart as SVG or PNG with title, unit and source line."""
    from indmon.web.dashboard import downloads

    formats = downloads.TABLE_FORMATS + downloads.CHART_FORMATS
    if fmt not in formats:
        raise e.NotFound(f"no download as {fmt!r}; an indicator page downloads as "
                         f"{', '.join(formats)}")
    view = views.parse_view(indicator_id, request.query_params)
    lang = language(request)
    drawn = views.drawn_lines(store, view, lang, clearance_of(user))
    headers = {"Content-Disposition":
               f'attachment; filename="{downloads.filename(view, fmt)}"'}
    if fmt in downloads.TABLE_FORMATS:
        table = downloads.series_table(view, drawn, lang, permalink(request, view))
        return Response(downloads.write_table(table, fmt, lang),
                        media_type=downloads.MEDIA_TYPES[fmt], headers=headers)
    title, subtitle = chart_titles(view, lang)
    source = views.source_line(drawn, lang)
    if fmt == "png":
        body = downloads.chart_png(drawn, title, subtitle, source, view.indicator.unit, lang,
                                   len(view.cells) > 1)
        return Response(body, media_type=downloads.MEDIA_TYPES[fmt], headers=headers)
    svg = downloads.chart_svg(view_chart(view, drawn, lang), title, subtitle, source)
    headers["Content-Security-Policy"] = document_policy(svg)
    return Response(svg, media_type=downloads.MEDIA_TYPES[fmt], headers=headers)


def permalink(request: Request, view: views.ChartView) -> str:
    """The full address that restores ``view``."""
    return str(request.base_url).rstrip("/") + view.link()


def chart_titles(view: views.ChartView, lang: str) -> tuple[str, str]:
    """A chart's title (the indicator) and subtitle (unit, cells, as-of) where it stands
    on its own: a downloaded file, an embedded chart."""
    cells = i18n.t("comparison", lang) if view.compared else views.cell_name(view.main, lang)
    subtitle = f"{i18n.t('unit', lang)}: {i18n.unit_label(view.indicator.unit, lang)} · {cells}"
    if view.as_of:
        subtitle += f" · {i18n.t('as_of', lang)} {view.as_of.isoformat()}"
    return view.indicator.name(lang), subtitle


def view_chart(view: views.ChartView, drawn: list[views.Drawn], lang: str) -> str:
    """The view's line chart: coloured by origin, or line by line in a comparison."""
    indicator = view.indicator
    return charts.line_chart([d.line for d in drawn], unit=indicator.unit, lang=lang,
                             title=indicator.name(lang),
                             value_text=lambda v: i18n.number(v, indicator.unit, lang),
                             palette=charts.CELL_COLOURS if len(view.cells) > 1 else None)


def _choices(store: Any, dimension: str) -> list[Indicator]:
    """Catalogue indicators the store breaks down by ``dimension``, in catalogue order."""
    present = store.indicators_with(dimension)
    return [i for i in Catalogue.load().indicators.values() if i.id in present]


def _default_indicator(store: Any, dimension: str) -> str | None:
    """The first preferred indicator with a breakdown by ``dimension``."""
    present = store.indicators_with(dimension)
    return next((i for i in data.PREFERRED if i in present), min(present, default=None))


@router.get("/industries", response_class=HTMLResponse)
def industries_page(request: Request, store: StoreView, user: Reader,
                    period: str | None = None) -> HTMLResponse:
    """The preferred indicators by industrial division for one period (newest first in
    the period list, in time order)."""
    columns, period, periods = _industry_columns(store, period)
    frame = data.industry_table(store, period, columns, clearance_of(user)) \
        if period and columns else None
    cells: dict[str, dict[str, data.Figure]] = {}
    if frame is not None:
        for r in frame.itertuples():
            cells.setdefault(str(r.industry), {})[str(r.indicator)] = data.figure(r)
    catalogue = Catalogue.load()
    rows = [(code, catalogue.industry_label(code, language(request)), cells[code])
            for code in sorted(cells)]
    from indmon.web.dashboard import wording

    return render(request, "industries.html", user, period=period, periods=periods,
                  columns=[catalogue.indicator(c) for c in columns], rows=rows,
                  simulated=frame is not None and bool(frame["simulated"].any()),
                  download_query=urlencode({"period": period} if period else {}),
                  **wording.page_words(language(request)))


def _industry_columns(store: Any, period: str | None
                      ) -> tuple[list[str], str | None, list[str]]:
    """The industry table's indicators, its period and the periods one may pick."""
    main = _default_indicator(store, "industry")
    columns = [c for c in data.PREFERRED if c in {i.id for i in _choices(store, "industry")}]
    periods = list(reversed(store.periods_with(main, "industry"))) if main else []
    period = period or (periods[0] if periods else None)
    if period is not None:
        Period.parse(period)
    return columns, period, periods


@router.get("/embed/indicators/{indicator_id}", response_class=HTMLResponse)
def embedded_chart(indicator_id: str, request: Request, store: StoreView, user: Reader
                   ) -> HTMLResponse:
    """The indicator page's chart alone (same parameters), for an ``<iframe>`` on another
    site: title, unit, cells, the chart, the source line, the simulated-data warning and
    a link to the full view. The only page other sites may frame; its policy is the
    dashboard's otherwise (no inline script, styles by nonce only)."""
    view = views.parse_view(indicator_id, request.query_params)
    lang = language(request)
    drawn = views.drawn_lines(store, view, lang, clearance_of(user))
    title, subtitle = chart_titles(view, lang)
    response = render(request, "embed.html", user, view=view, indicator=view.indicator,
                      chart=view_chart(view, drawn, lang), title=title, subtitle=subtitle,
                      source_line=views.source_line(drawn, lang), drawn=drawn,
                      full_link=permalink(request, view),
                      simulated=any(d.line.simulated for d in drawn))
    response.headers["content-security-policy"] = EMBED_POLICY.format(
        nonce=csp_nonce(request))
    return response


#: the embedded chart's policy: the dashboard's own, but framed by any site
EMBED_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors *")


@router.get("/provinces/{code}", response_class=HTMLResponse)
def province_page(code: str, request: Request, store: StoreView, user: Reader
                  ) -> HTMLResponse:
    """One province's own trends: every indicator the store has for it (all industry)."""
    Catalogue.load().province(code)
    return _cell_page(request, store, user, views.Cell(province=code), "province")


@router.get("/industries/{code}", response_class=HTMLResponse)
def industry_page(code: str, request: Request, store: StoreView, user: Reader
                  ) -> HTMLResponse:
    """One industrial division's own trends: every indicator the store has for it
    (whole country)."""
    Catalogue.load().industry(code)
    return _cell_page(request, store, user, views.Cell(industry=code), "industry")


def _cell_page(request: Request, store: Any, user: auth.User | None, cell: views.Cell,
               dimension: str) -> HTMLResponse:
    from indmon.web.dashboard import cells

    lang = language(request)
    trends = cells.cell_trends(store, cell, lang, clearance_of(user))
    return render(request, "cell.html", user, cell=cell, dimension=dimension,
                  trends=trends, cell_title=views.cell_name(cell, lang).split(" · ")[
                      0 if dimension == "province" else 1],
                  simulated=any(trend.simulated for trend in trends))


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, store: StoreView, user: Reader, status: str = "",
                severity: str = "", period: str = "") -> HTMLResponse:
    frame = data.alerts(store, user, status=status or None, severity=severity or None,
                        period=period or None)
    from indmon.web.dashboard import wording

    rows = frame.to_dict("records")
    for row in rows:
        row["evidence_text"] = _evidence(row.get("evidence"))
        row["can_act"] = may_change(user, row)  # the API's rule: buttons only where it allows
    return render(request, "alerts.html", user, rows=rows, groups=wording.grouped(rows),
                  status=status, severity=severity,
                  period=period, can_act=any(row["can_act"] for row in rows),
                  simulated=bool(not frame.empty and frame["simulated"].any()),
                  **wording.page_words(language(request)))


def _evidence(raw: Any) -> str:
    """Evidence as a readable line instead of JSON: key: value, key: value."""
    try:
        parsed = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return str(raw)
    if isinstance(parsed, dict):
        return "; ".join(f"{k.replace('_', ' ')}: {_short(v)}" for k, v in parsed.items())
    return str(parsed)


def _short(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.4g}"
    if isinstance(value, list | dict):
        return ", ".join(_short(v) for v in (value.values() if isinstance(value, dict)
                                              else value))
    return str(value)


@router.get("/provenance/{obs_id}", response_class=HTMLResponse)
def provenance_page(obs_id: int, request: Request, store: StoreView, user: Reader
                    ) -> HTMLResponse:
    record = store.provenance(obs_id, clearance_of(user)).as_dict()
    catalogue = Catalogue.load()
    indicator = catalogue.indicators.get(record["indicator"])
    for source in record["sources"]:
        source["details_items"] = _details(source.get("details"))
    return render(request, "provenance.html", user, obs=record, indicator=indicator,
                  vintage_rows=_vintage_rows(store, record, indicator),
                  simulated=bool(record["simulated"]))


@router.get("/provenance/{obs_id}/vintages.{fmt}")
def vintages_download(obs_id: int, fmt: str, request: Request, store: StoreView,
                      user: Reader) -> Response:
    """Every vintage of the figure as the provenance page lists them (CSV, XLSX, JSON):
    the day it became known, value, change, the sources that stated it."""
    from indmon.web.dashboard import downloads

    _table_format(fmt)
    lang = language(request)
    record = store.provenance(obs_id, clearance_of(user)).as_dict()
    catalogue = Catalogue.load()
    indicator = catalogue.indicator(record["indicator"])
    rows = _vintage_rows(store, record, indicator)
    keys = ("indicator", "province", "industry", "period", "vintage", "value", "change",
            "unit", "origin", "simulated", "sources", "obs_id")
    unit = i18n.unit_label(indicator.unit, lang) or indicator.unit
    table_rows = [[indicator.id, record["province"], record["industry"], record["period"],
                   v["day"], v["value"], v["change"], unit, record["origin"],
                   bool(record["simulated"]), "; ".join(s.citation() for s in v["sources"]),
                   v["obs_id"]] for v in rows]
    sources = {s.source_id: s for v in rows for s in v["sources"]}
    about = [(i18n.t("indicator", lang), f"{indicator.name(lang)} ({indicator.id})"),
             (i18n.t("cell", lang), views.cell_name(
                 views.Cell(record["province"], record["industry"]), lang)),
             (i18n.t("period", lang), i18n.period_label(record["period"], lang)),
             (i18n.t("address", lang),
              str(request.base_url).rstrip("/") + f"/provenance/{obs_id}")]
    table = downloads.Table(f"{indicator.name(lang)} · {i18n.t('vintages', lang)}", keys,
                            downloads.headings(keys, lang), table_rows, about,
                            list(sources.values()), bool(record["simulated"]))
    return _download(table, fmt, lang, f"{indicator.id}-{record['period']}-vintages")


def _vintage_rows(store: Any, record: dict[str, Any], indicator: Indicator | None
                  ) -> list[dict[str, Any]]:
    """Every vintage of the figure, oldest first, as ALFRED lists them: when it became
    known, its value, the change from the vintage before, the sources that stated it,
    and the indicator page of the cell as known on that day."""
    vintages = record["vintages"]
    cited = store.cited([v["obs_id"] for v in vintages]) if vintages else {}
    rows, before = [], None
    for v in vintages:
        day = v["vintage"][:10]
        link = ""
        if indicator is not None:
            cell = views.Cell(record["province"], record["industry"])
            link = views.ChartView(indicator, indicator, views.view_of(indicator.id),
                                   (cell,), dt.date.fromisoformat(day)).link()
        value = v["value"]
        rows.append({**v, "day": day, "link": link,
                     "sources": list({p.source.source_id: p.source
                                      for p in cited.get(v["obs_id"], [])}.values()),
                     "change": None if value is None or before is None else value - before,
                     "current": v["obs_id"] == record["obs_id"]})
        before = value if value is not None else before
    return rows


def _details(raw: Any) -> list[tuple[str, str]]:
    try:
        parsed = json.loads(raw) if isinstance(raw, str) else (raw or {})
    except ValueError:
        return [("details", str(raw))]
    if not isinstance(parsed, dict):
        return [("details", str(parsed))]
    return [(str(k).replace("_", " "), _short(v)) for k, v in parsed.items()]


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreView, user: Reader, q: str = "",
                format: str = "html") -> Response:
    """Indicators by names, aliases and common words, ranked, with their latest figure
    and coverage (``indmon.web.dashboard.search``); ``format=json`` gives the same list
    as JSON."""
    from fastapi.responses import JSONResponse

    from indmon.web.dashboard import search as finder

    results = finder.search(store, q[:200], clearance=clearance_of(user),
                            headline=data.PREFERRED)
    if format == "json":
        return JSONResponse(finder.as_json(results, language(request)))
    return render(request, "search.html", user, q=q, results=results,
                  coverage_words=lambda c: finder.coverage_words(c, language(request)))


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    return render(request, "login.html", None)


@router.post("/login")
def login(request: Request, token: Annotated[str, Form(max_length=200)]) -> Response:
    """Check the token and keep it in an HTTP-only, same-site cookie for the pages."""
    view = backend(request).reader()
    try:
        auth.authenticate(view, token.strip())
    finally:
        view.close()
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(TOKEN_COOKIE, token.strip(), httponly=True, samesite="strict",
                        max_age=8 * 3600)
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(TOKEN_COOKIE)
    return response


@router.get("/fonts/NotoSansSC-Regular.otf")
def chinese_font() -> Response:
    """The full Chinese font, for characters outside the interface subset."""
    return FileResponse(fonts.full_font(), media_type="font/otf",
                        headers={"Cache-Control": "public, max-age=604800"})


@router.get("/fonts/indmon-zh-interface.otf")
def chinese_interface_font() -> Response:
    """The Chinese glyphs of the dashboard's own words (~120 KB instead of 8 MB), so
    Chinese text shows at once instead of boxes while the full font loads."""
    return Response(fonts.interface_font(), media_type="font/otf",
                    headers={"Cache-Control": "public, max-age=86400"})


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request, user: OptionalUser) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI document (no CDN assets)."""
    schema = request.app.openapi()
    operations = []
    for path, methods in schema["paths"].items():
        for method, op in methods.items():
            operations.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""), "tag": (op.get("tags") or [""])[0],
                "parameters": [
                    {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                     "type": _type_name(p.get("schema", {}))}
                    for p in op.get("parameters", [])
                ],
                "has_body": "requestBody" in op,
            })
    return render(request, "apidocs.html", user, operations=operations)


def _type_name(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_type_name(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    return str(schema.get("type", "string"))


def _html_errors(request: Request) -> bool:
    return not request.url.path.startswith("/api") and request.url.path != "/openapi.json"


def install(app: FastAPI) -> None:
    """Mount the pages and static files; page errors render as pages, API errors as JSON."""
    app.include_router(router)
    # cutting the Chinese interface font takes about a second: do it now, not while the
    # first reader waits (a page shown before the font arrives shows boxes)
    threading.Thread(target=fonts.interface_font, name="indmon-font", daemon=True).start()
    app.mount("/static", StaticFiles(directory=str(HERE.joinpath("static"))), name="static")

    async def page_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, e.IndmonError)
        if not _html_errors(request):
            return web_errors.error_response(exc)
        status = web_errors.status_for(exc)
        name = "login.html" if status == 401 else "error.html"
        return render(request, name, None, status_code=status, message=str(exc),
                      kind=type(exc).__name__, status=status, path=request.url.path)

    async def missing_page(request: Request, exc: Exception) -> Response:
        # unknown pages get a page in the reader's language; the API keeps its JSON shape
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code != 404 or not _html_errors(request):
            return await web_errors.http_error_handler(request, exc)
        return render(request, "error.html", None, status_code=404, message="",
                      status=404, path=request.url.path)

    app.add_exception_handler(e.IndmonError, page_error)
    app.add_exception_handler(StarletteHTTPException, missing_page)

