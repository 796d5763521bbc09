"""The catalogue: indicators, industrial divisions and provinces (public to readers).

The handlers are coroutines: the catalogue is loaded once and kept, so answering is a few
microseconds of work, less than the hop to a worker thread a plain function costs.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter

from indmon.catalogue import Catalogue
from indmon.web.app import Reader

router = APIRouter(tags=["catalogue"])


@router.get("/indicators", summary="List indicators")
async def list_indicators(user: Reader, q: str | None = None, theme: str | None = None
                    ) -> list[dict[str, Any]]:
    """Every indicator of the catalogue; ``q`` searches ids, names and aliases."""
    catalogue = Catalogue.load()
    found = catalogue.search(q, limit=1000) if q else list(catalogue.indicators.values())
    return [asdict(i) for i in found if theme is None or i.theme == theme]


@router.get("/indicators/{indicator_id}", summary="One indicator")
async def get_indicator(indicator_id: str, user: Reader) -> dict[str, Any]:
    return asdict(Catalogue.load().indicator(indicator_id))


@router.get("/industries", summary="Industrial divisions (GB/T 4754-2017)")
async def list_industries(user: Reader) -> list[dict[str, Any]]:
    return [asdict(i) for i in Catalogue.load().industries.values()]


@router.get("/provinces", summary="Provinces (GB/T 2260) with their map tile")
async def list_provinces(user: Reader) -> list[dict[str, Any]]:
    out = []
    for province in Catalogue.load().provinces.values():
        row = asdict(province)
        row["tile_x"], row["tile_y"] = row.pop("tile")
        out.append(row)
    return out
