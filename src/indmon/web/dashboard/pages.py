"""The dashboard: server-rendered pages over the same store and access rules as the API.

Every page has the language switch (``?lang=zh``, remembered in a cookie), the search
box, and a banner when any figure on it is simulated. Every number links to
``/provenance/{obs_id}``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Hashable
from dataclasses import dataclass, replace
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlsplit

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
from indmon.store import Clearance, Observation, Series, Source
from indmon.store.periods import Period, month_index
from indmon.web import auth
from indmon.web import errors as web_errors
from indmon.web.api.alerts import may_change
from indmon.web.app import TOKEN_COOKIE, OptionalUser, Reader, StoreView, backend
from indmon.web.dashboard import charts, data, fonts, i18n
from indmon.web.disclosure import clearance_of
from indmon.web.security import csp_nonce

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
                   ) -> HTMLResponse:
    """One indicator over time, for the whole country and all industry: a line for each
    origin and frequency (never joined), its breakdowns for the latest period that has
    them, every figure in a table, and the notes that apply to it."""
    lang = language(request)
    indicator = Catalogue.load().indicator(indicator_id)
    clearance = clearance_of(user)
    lines = series_lines(store, indicator, lang, clearance=clearance)
    chart = charts.line_chart([line for line, _ in lines], unit=indicator.unit, lang=lang,
                              title=indicator.name(lang),
                              value_text=lambda v: i18n.number(v, indicator.unit, lang))
    parts = _breakdowns(store, indicator, lang, clearance)
    simulated = any(line.simulated for line, _ in lines) or any(p["simulated"] for p in parts)
    return render(request, "indicator.html", user, indicator=indicator, lines=lines,
                  chart=chart, parts=parts, sources=_line_sources(store, lines),
                  rows=_series_rows(lines, _disagreeing(store, indicator.id)),
                  simulated=simulated,
                  january_combined=indicator.january_combined)


#: the order lines are listed and drawn in: published first, simulated last
ORIGIN_ORDER = {"published": 0, "computed": 1, "simulated": 2}
FREQUENCY_ORDER = {"year": 0, "half": 1, "quarter": 2, "month": 3, "span": 4, "stock": 5}


def series_lines(store: Any, indicator: Indicator, lang: str, *, industry: str = ALL,
                 province: str = ALL, clearance: Clearance | None = None
                 ) -> list[tuple[charts.Line, Series]]:
    """The lines a chart of one cell draws, from ``store.series``: one per origin and
    frequency (and kind of period, where single months and year-to-date figures of one
    indicator share a frequency), in time order, without January where the indicator's
    January and February are combined."""
    found = store.series(indicator.id, industry=industry, province=province,
                         january_combined=indicator.january_combined,
                         clearance=clearance or Clearance.public())
    found.sort(key=lambda s: (ORIGIN_ORDER.get(s.origin.value, 9),
                              FREQUENCY_ORDER.get(s.frequency, 9)))
    lines = []
    for series in found:
        parts = _one_point_per_month(series)
        for key, points in parts.items():
            label = _line_label(series, key if len(parts) > 1 else None, lang)
            lines.append((charts.Line(label, series.origin.value, series.frequency,
                                      tuple(_chart_point(o, lang) for o in points
                                            if not o.withheld)),
                          replace(series, kind=key[0], points=points)))
    return lines


def _one_point_per_month(series: Series) -> dict[tuple[str, int], tuple[Observation, ...]]:
    """The series as one line, unless two of its figures end in the same month (a single
    month and a year to date of one frequency, or spans of different lengths): then each
    kind of period (and, if need be, each length) is its own line; a January-February
    figure joins the series' main kind."""
    main = "ytd" if series.kind in ("ytd", "janfeb") else series.kind

    def kind(o: Observation) -> str:
        return main if o.period.kind == "janfeb" else o.period.kind

    for key in (lambda o: (series.kind, 0), lambda o: (kind(o), 0),
                lambda o: (kind(o), o.period.months)):
        groups: dict[tuple[str, int], list[Observation]] = {}
        for o in series.points:
            groups.setdefault(key(o), []).append(o)
        if all(len({o.period.end for o in g}) == len(g) for g in groups.values()):
            break
    return {k: tuple(points) for k, points in groups.items()}


def _line_label(series: Series, key: tuple[str, int] | None, lang: str) -> str:
    """``Published · annual``, ``Simulated data · monthly``, ``… · monthly, year to date``;
    a line split off its series says which kind (and length) of period it holds."""
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


def _chart_point(o: Observation, lang: str) -> charts.Point:
    return charts.Point(i18n.period_short(o.period.text, lang), o.value,
                        f"/provenance/{o.obs_id}", o.period.text, month_index(o.period.end))


def _line_sources(store: Any, lines: list[tuple[charts.Line, Series]]
                  ) -> list[tuple[charts.Line, list[Source]]]:
    """The sources of each line's latest point, for the caption under the chart."""
    latest = [series.points[-1].obs_id for _line, series in lines if series.points]
    cited = store.cited(latest) if latest else {}
    out = []
    for line, series in lines:
        provenance = cited.get(series.points[-1].obs_id, []) if series.points else []
        unique = {p.source.source_id: p.source for p in provenance}
        out.append((line, list(unique.values())))
    return out


def _disagreeing(store: Any, indicator_id: str) -> dict[tuple[str, str], list[Observation]]:
    """Whole-country figures that sources state differently, by origin and period."""
    out: dict[tuple[str, str], list[Observation]] = {}
    for o in store.figures(indicator_id, industry=ALL, province=ALL, conflict=True):
        out.setdefault((o.origin.value, o.period.text), []).append(o)
    return out


def _series_rows(lines: list[tuple[charts.Line, Series]],
                 disagreeing: dict[tuple[str, str], list[Observation]]
                 ) -> list[tuple[charts.Line, Observation, str, list[Observation]]]:
    """Every figure drawn, line by line, newest first, with a key that sorts periods in
    time order (never as text) and, where sources disagree, the other values stated."""
    rows = []
    for line, series in lines:
        for o in reversed(series.points):
            end, longer_first, _text = o.period.sort_key()
            others = [d for d in disagreeing.get((o.origin.value, o.period.text), [])
                      if d.obs_id != o.obs_id and d.value != o.value]
            rows.append((line, o, f"{end}.{50 + max(longer_first, -49):02d}", others))
    return rows


def _latest_breakdown(store: Any, indicator_id: str, dimension: str, clearance: Clearance
                      ) -> tuple[str, list[Observation]] | None:
    """The latest period (in time order) with figures by ``dimension`` for the whole of
    the other dimension, and those figures."""
    for period in reversed(store.periods_with(indicator_id, dimension)):
        found = _cells(store, indicator_id, period, dimension, clearance)
        if found:
            return period, found
    return None


def _cells(store: Any, indicator_id: str, period: str, dimension: str,
           clearance: Clearance) -> list[Observation]:
    """Figures of one period by industry (whole country) or by province (all industry),
    one per cell and origin (the latest stated where sources conflict); suppressed cells
    the reader has no clearance for come withheld."""
    if dimension == "industry":
        found = store.figures(indicator_id, period=period, province=ALL, clearance=clearance)
        found = [o for o in found if o.industry != ALL]
    else:
        found = store.figures(indicator_id, period=period, industry=ALL, clearance=clearance)
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
    return sorted(groups.items(), key=lambda item: ORIGIN_ORDER.get(item[0], 9))


def _code(o: Observation, dimension: str) -> str:
    return o.industry if dimension == "industry" else o.province


def _breakdowns(store: Any, indicator: Indicator, lang: str, clearance: Clearance
                ) -> list[dict[str, Any]]:
    """A bar chart and table per dimension for its latest period: one per origin, so that
    published and simulated figures never share a chart."""
    catalogue = Catalogue.load()
    out = []
    for dimension in ("industry", "province"):
        latest = _latest_breakdown(store, indicator.id, dimension, clearance)
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
                   origin: str | None = None) -> HTMLResponse:
    """A tile map and ranking of one indicator's figures by province for one period and
    one origin (published figures are never coloured on the same map as simulated)."""
    lang = language(request)
    catalogue = Catalogue.load()
    indicator = indicator or _default_indicator(store, "province")
    if indicator is None:
        return render(request, "provinces.html", user, indicator=None, tiles=[], periods=[])
    chosen = catalogue.indicator(indicator)
    periods = list(reversed(store.periods_with(indicator, "province")))  # newest first
    period = period or (periods[0] if periods else None)
    if period is not None:
        Period.parse(period)
    groups = _by_origin(_cells(store, indicator, period, "province", clearance_of(user))
                        ) if period else []
    origins = [name for name, _ in groups]
    if origin is not None and origin not in origins:
        raise e.NotFound(f"no {origin!r} figures of {indicator} by province for {period}; "
                         f"origins: {', '.join(origins) or 'none'}")
    picked = origin or (origins[0] if origins else None)
    values = {o.province: o for name, found in groups if name == picked for o in found}
    shown = {code: o for code, o in values.items() if not o.withheld}
    limit = max((abs(o.value) for o in shown.values()), default=1.0) or 1.0
    tiles = [{"province": p, "figure": values.get(p.code),
              "text": _tile_text(values.get(p.code), chosen.unit, lang),
              "colour": charts.diverging_colour(shown[p.code].value if p.code in shown
                                                else None, limit)}
             for p in catalogue.provinces.values()]
    ranking = sorted(values.items(), key=lambda item: _ranked(item[1]))
    caption, stops = charts.legend(limit, chosen.unit, lang)
    return render(request, "provinces.html", user, indicator=chosen, period=period,
                  periods=periods, tiles=tiles, ranking=ranking, legend=stops,
                  legend_caption=caption, choices=_choices(store, "province"),
                  origins=origins, origin=picked, simulated=picked == "simulated")


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
    main = _default_indicator(store, "industry")
    columns = [c for c in data.PREFERRED if c in {i.id for i in _choices(store, "industry")}]
    periods = list(reversed(store.periods_with(main, "industry"))) if main else []
    period = period or (periods[0] if periods else None)
    if period is not None:
        Period.parse(period)
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
                  **wording.page_words(language(request)))


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
                  simulated=bool(record["simulated"]))


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

