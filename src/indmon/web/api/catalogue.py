"""The catalogue: indicators, industrial divisions and provinces (public to readers).

The handlers are coroutines: the catalogue is loaded once and kept, so answering is a few
microseconds of work, less than the hop to a worker thread a plain function costs.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from indmon.catalogue import Catalogue
from indmon.web.api import params
from indmon.web.api.models import IndicatorOut, IndustryOut, ProvinceOut
from indmon.web.app import Reader
from indmon.web.errors import ACCESS, error_responses

router = APIRouter(tags=["catalogue"])


@router.get("/indicators", summary="List indicators", response_model=list[IndicatorOut],
            responses=error_responses(*ACCESS, 422))
async def list_indicators(
    user: Reader,
    q: Annotated[str | None, Query(description="words to find in ids, names and "
                                   "aliases")] = None,
    theme: Annotated[str | None, Query(description="only this theme, e.g. ict")] = None,
) -> list[IndicatorOut]:
    """Every indicator of the catalogue; ``q`` searches ids, names and aliases. An
    unknown ``theme`` is a 422 listing the themes."""
    catalogue = Catalogue.load()
    params.theme(theme)
    found = catalogue.search(q, limit=1000) if q else list(catalogue.indicators.values())
    return [IndicatorOut.of(i) for i in found if theme is None or i.theme == theme]


@router.get("/indicators/{indicator_id}", summary="One indicator",
            response_model=IndicatorOut, responses=error_responses(*ACCESS, 404, 422))
async def get_indicator(indicator_id: str, user: Reader) -> IndicatorOut:
    """An indicator the catalogue does not know is a 404 naming the known ones."""
    return IndicatorOut.of(Catalogue.load().indicator(indicator_id))


@router.get("/industries", summary="Industrial divisions (GB/T 4754-2017)",
            response_model=list[IndustryOut], responses=error_responses(*ACCESS))
async def list_industries(user: Reader) -> list[IndustryOut]:
    return [IndustryOut.of(i) for i in Catalogue.load().industries.values()]


@router.get("/provinces", summary="Provinces (GB/T 2260) with their map tile",
            response_model=list[ProvinceOut], responses=error_responses(*ACCESS))
async def list_provinces(user: Reader) -> list[ProvinceOut]:
    return [ProvinceOut.of(p) for p in Catalogue.load().provinces.values()]
