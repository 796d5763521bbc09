"""Observations, their provenance, conflicting figures and extracted facts."""

from __future__ import annotations

from typing import Any

import pandas as pd
from fastapi import APIRouter, Request

from indmon.errors import NotFound, StoreError
from indmon.web.api.paging import clamp, csv_response, page, records, wants_csv
from indmon.web.app import Reader, StoreView, backend
from indmon.web.errors import FeatureUnavailable

router = APIRouter(tags=["observations"])


@router.get("/observations", summary="Observations, filtered and paged")
def list_observations(
    request: Request, store: StoreView, user: Reader,
    indicator: str | None = None, period: str | None = None, start: str | None = None,
    end: str | None = None, industry: str | None = None, province: str | None = None,
    as_of: str | None = None, limit: int = 100, offset: int = 0, format: str | None = None,
) -> Any:
    """Current figures (or those current on ``as_of``, a date), JSON pages or CSV.

    Comma-separated lists are accepted for indicator, industry and province.
    """
    csv = wants_csv(request, format)
    filters = {"period": period, "start": start, "end": end, "industry": _listed(industry),
               "province": _listed(province), "as_of": as_of}
    key = ("observations", indicator, period, start, end, industry, province, as_of)
    frame = backend(request).cached(
        key, lambda: store.observations(_listed(indicator), **filters))  # type: ignore[arg-type]
    if csv:
        return csv_response(frame, "observations.csv")
    limit, offset = clamp(limit, offset, backend(request).config.max_page)
    return page(request, frame.iloc[offset:offset + limit], len(frame), limit, offset)


def _listed(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [part.strip() for part in text.split(",") if part.strip()]


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

