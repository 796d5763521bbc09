"""Pages of rows: limit and offset in, total and a link to the next page out."""

from __future__ import annotations

import io
import json
from typing import Annotated, Any

import orjson
import pandas as pd
from fastapi import Path, Query, Request
from fastapi.responses import Response

from indmon.web.errors import InvalidParameter

#: the OpenAPI entry of a route that also answers in CSV (``format=csv``)
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}},
          "description": "JSON, or every matching row as CSV with format=csv"},
}
FORMATS = ("json", "csv")
#: the largest offset accepted: far beyond any store, and within what an index can hold
#: (10**30 once reached numpy as an index and failed as a server error)
MAX_OFFSET = 10**12
#: the largest id a row of the store can have (BIGINT)
MAX_ID = 2**63 - 1

Limit = Annotated[int, Query(ge=1, description="rows per page; capped at the server's "
                             "page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
#: a row id in a path (an observation, alert or token): a BIGINT of the store
RowId = Path(ge=0, le=MAX_ID)


def clamp(limit: int, offset: int, cap: int) -> tuple[int, int]:
    """Refuse a negative or impossible page and cap its size, so one request cannot pull a
    whole store."""
    if limit < 1:
        raise InvalidParameter("limit", str(limit), message=(
            f"limit {limit} must be at least 1 (pages hold at most {cap:,} rows)"))
    if offset < 0:
        raise InvalidParameter("offset", str(offset), message=(
            f"offset {offset} must be 0 or more"))
    if offset > MAX_OFFSET:
        raise InvalidParameter("offset", str(offset), message=(
            f"offset {offset} is beyond any page; give at most {MAX_OFFSET:,}"))
    return min(limit, cap), offset


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: NaN becomes null and timestamps ISO text."""
    if frame.empty:
        return []
    parsed: list[dict[str, Any]] = json.loads(
        frame.to_json(orient="records", date_format="iso", force_ascii=False)
    )
    return parsed


def page(request: Request, frame: pd.DataFrame, total: int, limit: int, offset: int
         ) -> dict[str, Any]:
    following = offset + limit
    next_url = (
        str(request.url.include_query_params(offset=following, limit=limit))
        if following < total else None
    )
    return {"total": total, "limit": limit, "offset": offset, "next": next_url,
            "items": records(frame)}


def page_response(request: Request, items: str, total: int, limit: int, offset: int
                  ) -> Response:
    """The same document as ``page``, from the page's rows already written as a JSON array
    (``frame_json``): rows go to JSON text once, not through dicts and FastAPI's encoder."""
    following = offset + limit
    next_url = (
        str(request.url.include_query_params(offset=following, limit=limit))
        if following < total else None
    )
    head = orjson.dumps({"total": total, "limit": limit, "offset": offset, "next": next_url})
    return Response(head[:-1] + b',"items":' + items.encode() + b"}",
                    media_type="application/json")


def frame_json(frame: pd.DataFrame) -> str:
    """Rows as a JSON array, written as ``records`` writes them before parsing."""
    if frame.empty:
        return "[]"
    text: str = frame.to_json(orient="records", date_format="iso", force_ascii=False)
    return text


def wants_csv(request: Request, format: str | None) -> bool:
    if format is not None:
        if format not in FORMATS:
            raise InvalidParameter("format", format, FORMATS)
        return format == "csv"
    return "text/csv" in request.headers.get("accept", "")


def csv_response(frame: pd.DataFrame, filename: str) -> Response:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    return Response(
        buffer.getvalue(), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
