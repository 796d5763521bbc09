"""Observations, their provenance, conflicting figures and extracted facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from indmon.errors import NotFound, StoreError
from indmon.web.api.paging import (
    clamp,
    csv_response,
    frame_json,
    page,
    page_response,
    records,
    wants_csv,
)
from indmon.web.app import Backend, Reader, StoreView, backend
from indmon.web.errors import FeatureUnavailable

router = APIRouter(tags=["observations"])


@router.get("/observations", summary="Observations, filtered and paged")
async def list_observations(
    request: Request, user: Reader,
    indicator: str | None = None, period: str | None = None, start: str | None = None,
    end: str | None = None, industry: str | None = None, province: str | None = None,
    as_of: str | None = None, limit: int = 100, offset: int = 0, format: str | None = None,
) -> Any:
    """Current figures (or those current on ``as_of``, a date), JSON pages or CSV.

    Comma-separated lists are accepted for indicator, industry and province.
    """
    csv = wants_csv(request, format)
    app = backend(request)
    wanted = Wanted(_listed(indicator), period, start, end, _listed(industry),
                    _listed(province))
    if as_of is not None:
        frame = await run_in_threadpool(_as_of, app, wanted, as_of)
        if csv:
            return csv_response(frame, "observations.csv")
        limit, offset = clamp(limit, offset, app.config.max_page)
        return page_response(request, frame_json(frame.iloc[offset:offset + limit]),
                             len(frame), limit, offset)
    current = app.current_observations_if_built()
    if current is None:  # being built after a write: wait off the event loop
        current = await run_in_threadpool(app.current_observations)
    rows = current.positions(wanted.indicators, period=period, start=start, end=end,
                             industries=wanted.industries, provinces=wanted.provinces)
    if csv:
        return csv_response(current.frame.iloc[rows], "observations.csv")
    limit, offset = clamp(limit, offset, app.config.max_page)
    return page_response(request, current.json(rows[offset:offset + limit]), len(rows),
                         limit, offset)


@dataclass(frozen=True)
class Wanted:
    """The filters of one observations query, lists already split."""

    indicators: tuple[str, ...] | None
    period: str | None
    start: str | None
    end: str | None
    industries: tuple[str, ...] | None
    provinces: tuple[str, ...] | None


def _as_of(app: Backend, wanted: Wanted, as_of: str) -> pd.DataFrame:
    """Figures as they stood on a past date: a store query (cached until the next write)."""
    def query() -> pd.DataFrame:
        view = app.reader()
        try:
            frame: pd.DataFrame = view.observations(
                wanted.indicators, period=wanted.period, start=wanted.start, end=wanted.end,
                industry=wanted.industries, province=wanted.provinces, as_of=as_of)
        finally:
            view.close()
        return frame

    frame: pd.DataFrame = app.cached(("observations", wanted, as_of), query)
    return frame


def _listed(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(part.strip() for part in text.split(",") if part.strip())


@router.get("/observations/{obs_id}/provenance", summary="Where one figure comes from")
def provenance(obs_id: int, store: StoreView, user: Reader) -> dict[str, Any]:
    """The observation, every source stating or producing it, and its vintages."""
    return store.provenance(obs_id)


@router.get("/conflicts", summary="Figures that sources state differently")
def conflicts(store: StoreView, user: Reader) -> list[dict[str, Any]]:
    return records(store.conflicts())


@router.get("/facts", summary="Facts extracted from releases")
def facts(
    request: Request, store: StoreView, user: Reader, doc: str | None = None,
    indicator: str | None = None, period: str | None = None, limit: int = 100,
    offset: int = 0, format: str | None = None,
) -> Any:
    where, params = [], []
    for column, wanted in (("doc", doc), ("indicator", indicator), ("period", period)):
        if wanted is not None:
            where.append(f'"{column}" = ?')
            params.append(wanted)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    frame = _facts(store, f'SELECT * FROM facts {clause} ORDER BY doc, "start"', params)
    if wants_csv(request, format):
        return csv_response(frame, "facts.csv")
    limit, offset = clamp(limit, offset, backend(request).config.max_page)
    return page(request, frame.iloc[offset:offset + limit], len(frame), limit, offset)


def _facts(store: Any, sql: str, params: list[Any]) -> pd.DataFrame:
    exists = store.query(
        "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'facts'"
    )
    if int(exists["n"].iloc[0]) == 0:
        raise FeatureUnavailable("this store has no facts table: extraction is not installed")
    try:
        frame: pd.DataFrame = store.query(sql, params)
    except StoreError as exc:
        raise NotFound(f"facts cannot be read: {exc}") from exc
    return frame

