"""Observations, their provenance, conflicting figures and extracted facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from indmon.catalogue import ALL, Catalogue
from indmon.errors import UnknownCode
from indmon.reconcile.facts import search_facts
from indmon.store import Clearance, Period, Store
from indmon.web.api import params
from indmon.web.api.current import CurrentObservations, with_period_kinds
from indmon.web.api.models import (
    Conflict,
    FactPage,
    ObservationPage,
    ProvenanceOut,
    SeriesOut,
)
from indmon.web.api.paging import (
    CSV_RESPONSE,
    Limit,
    Offset,
    RowId,
    clamp,
    csv_response,
    frame_json,
    page,
    page_response,
    wants_csv,
)
from indmon.web.app import Backend, Reader, StoreView, backend
from indmon.web.disclosure import clearance_of
from indmon.web.errors import ACCESS, InvalidParameter, error_responses

router = APIRouter(tags=["observations"])

Listed = Annotated[str | None, Query(description="one value or a comma-separated list")]
Format = Annotated[str | None, Query(description="json (the default) or csv; or send "
                                     "Accept: text/csv")]


@router.get("/observations", summary="Observations, filtered and paged",
            response_model=ObservationPage,
            responses={**CSV_RESPONSE, **error_responses(*ACCESS, 422)})
async def list_observations(
    request: Request, user: Reader,
    indicator: Listed = None,
    period: Annotated[str | None, Query(description="exactly this period, e.g. 2023, "
                                        "2023-Q1, 2023-03")] = None,
    start: Annotated[str | None, Query(description="figures whose last month is this "
                                       "period's first month or later, e.g. 2023-01")] = None,
    end: Annotated[str | None, Query(description="figures whose last month is this "
                                     "period's last month or earlier, e.g. 2023-12")] = None,
    industry: Listed = None, province: Listed = None,
    origin: Annotated[str | None, Query(description="published, computed or simulated; "
                                        "or a comma-separated list")] = None,
    as_of: Annotated[str | None, Query(description="a date: the figures as known at the "
                                       "end of that day")] = None,
    limit: Limit = 100, offset: Offset = 0, format: Format = None,
) -> Any:
    """Current figures (or those current on ``as_of``, a date), JSON pages or CSV.

    Every filter value is checked: an unknown indicator, industry, province or origin,
    or a period that is not one, is a 422 naming the value and the choices.
    """
    csv = wants_csv(request, format)
    app = backend(request)
    clearance = clearance_of(user)
    limit, offset = clamp(limit, offset, app.config.max_page)
    if as_of is not None:
        wanted = await run_in_threadpool(_wanted, app, indicator, period, start, end,
                                         industry, province, origin)
        frame = await run_in_threadpool(_as_of, app, wanted, params.as_of(as_of), clearance)
        if csv:
            return csv_response(frame, "observations.csv")
        return page_response(request, frame_json(frame.iloc[offset:offset + limit]),
                             len(frame), limit, offset)
    current = app.current_observations_if_built()
    if current is None:  # being built after a write: wait off the event loop
        current = await run_in_threadpool(app.current_observations)
    wanted = _checked(current, indicator, period, start, end, industry, province, origin)
    rows = current.positions(wanted.indicators, period=wanted.period, start=wanted.start,
                             end=wanted.end, industries=wanted.industries,
                             provinces=wanted.provinces, origins=wanted.origins)
    if csv:
        return csv_response(current.rows(rows, clearance), "observations.csv")
    return page_response(request, current.json(rows[offset:offset + limit], clearance),
                         len(rows), limit, offset)


@dataclass(frozen=True)
class Wanted:
    """The filters of one observations query, checked, lists already split."""

    indicators: tuple[str, ...] | None
    period: str | None
    start: str | None
    end: str | None
    industries: tuple[str, ...] | None
    provinces: tuple[str, ...] | None
    origins: tuple[str, ...] | None = None


def _checked(current: CurrentObservations, indicator: str | None, period: str | None,
             start: str | None, end: str | None, industry: str | None, province: str | None,
             origin: str | None) -> Wanted:
    """The filters, each checked (an indicator outside the catalogue is accepted when the
    store holds figures of it)."""
    first, last = params.month_bounds(start, end)
    return Wanted(params.indicators(indicator, current.has_indicator), params.period(period),
                  first, last, params.industries(industry), params.provinces(province),
                  params.origins(origin))


def _wanted(app: Backend, *filters: str | None) -> Wanted:
    return _checked(app.current_observations(), *filters)


def _as_of(app: Backend, wanted: Wanted, as_of: str | None, clearance: Clearance
           ) -> pd.DataFrame:
    """Figures as they stood on a past date: a store query (cached until the next write)."""
    def query() -> pd.DataFrame:
        with app.reading() as view:
            frame: pd.DataFrame = view.observations(
                wanted.indicators, period=wanted.period, start=wanted.start, end=wanted.end,
                industry=wanted.industries, province=wanted.provinces, origin=wanted.origins,
                as_of=as_of, clearance=clearance)
        return with_period_kinds(frame.drop(columns=["recorded_at"], errors="ignore"))

    frame: pd.DataFrame = app.cached(("observations", wanted, as_of, clearance), query)
    return frame


@router.get("/indicators/{indicator_id}/series", summary="The lines a chart of one cell draws",
            response_model=list[SeriesOut], responses=error_responses(*ACCESS, 404, 422))
def series(
    indicator_id: str, store: StoreView, user: Reader,
    industry: Annotated[str, Query(description="ALL, a sector or a division")] = ALL,
    province: Annotated[str, Query(description="ALL or a GB/T 2260 code")] = ALL,
    origin: Annotated[str | None, Query(description="published, computed or simulated; "
                                        "or a comma-separated list")] = None,
    start: Annotated[str | None, Query(description="first period, e.g. 2023-01")] = None,
    end: Annotated[str | None, Query(description="last period, e.g. 2023-12")] = None,
    as_of: Annotated[str | None, Query(description="a date: as known then")] = None,
) -> list[SeriesOut]:
    """The figures of one indicator and cell as lines: each of one origin and one
    frequency, in time order, one point per period. Where January and February are
    released combined there is no January point. An indicator neither in the catalogue
    nor in the store is a 404."""
    january_combined = _indicator(store, indicator_id)
    first, last = params.month_bounds(start, end)
    found = store.series(
        indicator_id, industry=_one(params.industries(industry), "industry"),
        province=_one(params.provinces(province), "province"),
        origin=params.origins(origin), start=first, end=last, as_of=params.as_of(as_of),
        january_combined=january_combined, clearance=clearance_of(user))
    return [SeriesOut.of(s) for s in found]


def _indicator(store: Store, indicator_id: str) -> bool:
    """Whether the indicator's January is combined with February; raises the catalogue's
    404 for an indicator the store holds no figure of either."""
    try:
        return Catalogue.load().indicator(indicator_id).january_combined
    except UnknownCode:
        if store.figures(indicator_id):
            return False
        raise


def _one(codes: tuple[str, ...] | None, name: str) -> str:
    if not codes or len(codes) > 1:
        raise InvalidParameter(name, ",".join(codes or ()), message=(
            f"a series is of one cell: give one {name} code"))
    return codes[0]


@router.get("/observations/{obs_id}/provenance", summary="Where one figure comes from",
            response_model=ProvenanceOut, responses=error_responses(*ACCESS, 404, 422))
def provenance(obs_id: Annotated[int, RowId], store: StoreView, user: Reader) -> ProvenanceOut:
    """The observation, every source stating or producing it, its vintages and, for a
    conflict, the figures that disagree with it. An unknown ``obs_id`` is a 404."""
    return ProvenanceOut.model_validate(store.provenance(obs_id, clearance_of(user)).as_dict())


@router.get("/conflicts", summary="Figures that sources state differently",
            response_model=list[Conflict], responses=error_responses(*ACCESS))
def conflicts(store: StoreView, user: Reader) -> list[Conflict]:
    """Every current figure sources disagree on, one row per source and value, with the
    note that explains it."""
    figures = store.figures(conflict=True)
    cited = store.cited([f.obs_id for f in figures])
    rows = [Conflict.stated(f, p) for f in figures for p in cited.get(f.obs_id, [])]
    return sorted(rows, key=lambda r: (r.indicator, Period.parse(r.period).sort_key(),
                                       r.value, r.source_id))


@router.get("/facts", summary="Facts extracted from releases", response_model=FactPage,
            responses={**CSV_RESPONSE, **error_responses(*ACCESS, 404, 422)})
def facts(
    request: Request, store: StoreView, user: Reader,
    doc: Annotated[str | None, Query(description="a source id (GET /api/observations "
                                     "lists them in sources)")] = None,
    indicator: Annotated[str | None, Query(description="a catalogue indicator id")] = None,
    period: Annotated[str | None, Query(description="a period, e.g. 2023")] = None,
    limit: Limit = 100, offset: Offset = 0, format: Format = None,
) -> Any:
    """Every number the ingested releases state, mapped to the catalogue or not."""
    csv = wants_csv(request, format)
    limit, offset = clamp(limit, offset, backend(request).config.max_page)
    params.indicators(indicator)
    frame = search_facts(store, doc=doc, indicator=indicator, period=params.period(period))
    if csv:
        return csv_response(frame, "facts.csv")
    return FactPage.model_validate(page(request, frame.iloc[offset:offset + limit],
                                        len(frame), limit, offset))
