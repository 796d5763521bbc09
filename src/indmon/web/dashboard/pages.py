"""The dashboard: server-rendered pages over the same store and access rules as the API.

Every page has the language switch (``?lang=zh``, remembered in a cookie), the search
box, and a banner when any figure on it is simulated. Every number links to
``/provenance/{obs_id}``.
"""

from __future__ import annotations

import json
import threading
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from indmon import errors as e
from indmon.catalogue import Catalogue
from indmon.web import auth
from indmon.web import errors as web_errors
from indmon.web.api.alerts import alert_filters
from indmon.web.app import TOKEN_COOKIE, OptionalUser, Reader, StoreView, backend
from indmon.web.dashboard import charts, data, fonts, i18n

HERE = resources.files("indmon.web.dashboard")
templates = Jinja2Templates(directory=str(HERE.joinpath("templates")))
router = APIRouter(include_in_schema=False)


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
        "unit_label": lambda u: i18n.unit_label(u, lang), "catalogue": catalogue,
        "period_label": lambda p: i18n.period_label(str(p), lang),
        "industry_label": lambda c: catalogue.industry_label(c, lang),
        "province_label": lambda c: catalogue.province_label(c, lang),
        "simulated": False, **context,
    })
    if request.query_params.get("lang") in i18n.LANGS:
        response.set_cookie(i18n.LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")
    return response


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreView, user: Reader, period: str | None = None
         ) -> HTMLResponse:
    """The latest annual published report card and, apart and labelled, the figures
    computed from the (simulated) enterprise panel; ``?period=`` picks another period."""
    card = data.report_card(store, language(request), period or None)
    sections = [s for s in (card.published, card.computed) if s is not None]
    sparks = {(section.simulated, c.indicator.id): charts.sparkline(c.trend)
              for section in sections for theme in section.themes for c in theme.cards}
    return render(request, "home.html", user, card=card, sparks=sparks,
                  simulated=card.simulated)


@router.get("/indicators/{indicator_id}", response_class=HTMLResponse)
def indicator_page(indicator_id: str, request: Request, store: StoreView, user: Reader
                   ) -> HTMLResponse:
    lang = language(request)
    indicator = Catalogue.load().indicator(indicator_id)
    rows = data.whole(store, indicator_id)
    figures = [data.figure(r) for r in rows.itertuples()]
    unit = i18n.unit_label(indicator.unit, lang)
    chart = charts.line_chart(
        [charts.Point(f.period, f.value, f"/provenance/{f.obs_id}") for f in figures],
        unit=unit, title=indicator.name(lang))
    period = figures[-1].period if figures else data.latest_period(
        store.observations(indicator_id))
    parts = _breakdowns(store, indicator_id, period, unit, lang) if period else {}
    source = store.provenance(figures[-1].obs_id)["sources"] if figures else []
    simulated = any(f.simulated for f in figures) or any(
        b["simulated"] for b in parts.values())
    return render(request, "indicator.html", user, indicator=indicator, figures=figures,
                  chart=chart, period=period, parts=parts, source=source, simulated=simulated,
                  monthly=indicator.frequency == "month")


def _breakdowns(store: Any, indicator_id: str, period: str, unit: str, lang: str
                ) -> dict[str, dict[str, Any]]:
    catalogue = Catalogue.load()
    out = {}
    for dimension in ("industry", "province"):
        frame = data.breakdown(store, indicator_id, period, dimension)
        if frame.empty:
            continue
        frame = frame.sort_values("value", ascending=False)
        label = catalogue.industry_label if dimension == "industry" else catalogue.province_label
        points = [charts.Point(label(str(getattr(r, dimension)), lang), float(r.value),
                               f"/provenance/{r.obs_id}") for r in frame.itertuples()]
        value_unit = str(frame["unit"].iloc[0])

        def formatted(v: float, u: str = value_unit) -> str:
            return i18n.number(v, u, lang)

        out[dimension] = {
            "chart": charts.bar_chart(points, unit=unit, title=dimension, label=formatted),
            "rows": [(str(getattr(r, dimension)), data.figure(r)) for r in frame.itertuples()],
            "simulated": bool(frame["simulated"].any()),
        }
    return out


@router.get("/provinces", response_class=HTMLResponse)
def provinces_page(request: Request, store: StoreView, user: Reader,
                   indicator: str | None = None, period: str | None = None) -> HTMLResponse:
    catalogue = Catalogue.load()
    indicator = indicator or data.default_indicator(store, "province")
    if indicator is None:
        return render(request, "provinces.html", user, indicator=None, tiles=[], periods=[])
    chosen = catalogue.indicator(indicator)
    periods = data.breakdown_periods(store, indicator, "province")
    period = period or (periods[0] if periods else None)
    frame = data.breakdown(store, indicator, period, "province") if period else None
    values = {} if frame is None else {str(r.province): data.figure(r)
                                       for r in frame.itertuples()}
    limit = max((abs(f.value) for f in values.values()), default=1.0) or 1.0
    tiles = [{"province": p, "figure": values.get(p.code),
              "colour": charts.diverging_colour(values[p.code].value if p.code in values
                                                else None, limit)}
             for p in catalogue.provinces.values()]
    ranking = sorted(values.items(), key=lambda item: item[1].value, reverse=True)
    return render(request, "provinces.html", user, indicator=chosen, period=period,
                  periods=periods, tiles=tiles, ranking=ranking,
                  legend=charts.legend_stops(limit), choices=_choices(store, "province"),
                  simulated=any(f.simulated for f in values.values()))


def _choices(store: Any, dimension: str) -> list[Any]:
    column = "province" if dimension == "province" else "industry"
    present = set(store.query(
        f"SELECT DISTINCT indicator FROM observations WHERE {column} <> 'ALL'")["indicator"])
    return [i for i in Catalogue.load().indicators.values() if i.id in present]


@router.get("/industries", response_class=HTMLResponse)
def industries_page(request: Request, store: StoreView, user: Reader,
                    period: str | None = None) -> HTMLResponse:
    main = data.default_indicator(store, "industry")
    columns = [c for c in data.PREFERRED if c in {i.id for i in _choices(store, "industry")}]
    periods = data.breakdown_periods(store, main, "industry") if main else []
    period = period or (periods[0] if periods else None)
    frame = data.industry_table(store, period, columns) if period and columns else None
    cells: dict[str, dict[str, data.Figure]] = {}
    if frame is not None:
        for r in frame.itertuples():
            cells.setdefault(str(r.industry), {})[str(r.indicator)] = data.figure(r)
    catalogue = Catalogue.load()
    rows = [(code, catalogue.industry_label(code, language(request)), cells[code])
            for code in sorted(cells)]
    return render(request, "industries.html", user, period=period, periods=periods,
                  columns=[catalogue.indicator(c) for c in columns], rows=rows,
                  simulated=frame is not None and bool(frame["simulated"].any()))


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, store: StoreView, user: Reader, status: str = "",
                severity: str = "", period: str = "") -> HTMLResponse:
    where, params = alert_filters(user, status or None, severity or None, period or None,
                                   None, None)
    frame = data.alerts(store, where, params)
    rows = frame.to_dict("records")
    for row in rows:
        row["evidence_text"] = _evidence(row.get("evidence"))
    return render(request, "alerts.html", user, rows=rows, status=status, severity=severity,
                  period=period, can_act=user is not None and user.role in ("analyst", "admin"),
                  simulated=bool(not frame.empty and frame["simulated"].any()))


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
    record = store.provenance(obs_id)
    catalogue = Catalogue.load()
    indicator = catalogue.indicators.get(record["indicator"])
    for source in record["sources"]:
        source["details_items"] = _details(source.get("details"))
    return render(request, "provenance.html", user, obs=record, indicator=indicator,
                  simulated=bool(record.get("simulated")))


def _details(raw: Any) -> list[tuple[str, str]]:
    try:
        parsed = json.loads(raw) if isinstance(raw, str) else (raw or {})
    except ValueError:
        return [("details", str(raw))]
    if not isinstance(parsed, dict):
        return [("details", str(parsed))]
    return [(str(k).replace("_", " "), _short(v)) for k, v in parsed.items()]


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, user: Reader, q: str = "") -> HTMLResponse:
    catalogue = Catalogue.load()
    words = q.strip().lower()
    indicators = catalogue.search(q, limit=50) if words else []
    industries = [i for i in catalogue.industries.values()
                  if words and (words in i.name_en.lower() or words in i.name_zh
                                or words == i.code)]
    provinces = [p for p in catalogue.provinces.values()
                 if words and (words in p.name_en.lower() or words in p.name_zh
                               or words == p.code)]
    return render(request, "search.html", user, q=q, indicators=indicators,
                  industries=industries, provinces=provinces)


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

