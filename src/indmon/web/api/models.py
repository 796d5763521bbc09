"""The typed responses of the catalogue and observation routes, as the OpenAPI shows them.

Each model is built from the library's own typed objects (``Observation.as_dict()``,
``ProvenanceRecord.as_dict()``, ``Provenance``, ``Series``, the catalogue's dataclasses),
so the API says what the store says, field for field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from indmon.catalogue import Indicator, Industry, Province
from indmon.store import Observation, Provenance, Series

OriginName = Literal["published", "computed", "simulated"]
PeriodKind = Literal["year", "half", "quarter", "month", "janfeb", "ytd", "span", "date"]
FrequencyName = Literal["year", "half", "quarter", "month", "span", "stock"]
#: the store's timestamps have no time zone, so they are not RFC 3339 ``date-time``s
LocalTime = Annotated[dt.datetime, WithJsonSchema({
    "type": "string", "examples": ["2024-01-19T00:00:00"],
    "description": "ISO 8601 date and time without a time zone"})]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class ObservationOut(_Model):
    """One value of one indicator for one period and cell, as known from ``vintage`` on."""

    obs_id: int
    indicator: str
    period: str = Field(description="as the store writes it: 2023, 2023-H1, 2023-Q1, "
                        "2023-03, 2023-01/2023-11, 2023-03-31")
    period_kind: PeriodKind | None = Field(
        None, description="year, half, quarter, month, janfeb (January-February combined), "
        "ytd (year to date), span or date (a stock)")
    frequency: FrequencyName | None = Field(
        None, description="the line a chart may draw it on: figures of different "
        "frequencies never join")
    industry: str = Field(description="ALL, a sector letter or a GB/T 4754-2017 division")
    province: str = Field(description="ALL or a GB/T 2260 code")
    value: float | None = Field(description="null when ``withheld``: a confidential cell "
                                "the caller has no clearance for")
    unit: str
    vintage: LocalTime = Field(description="when the figure became known")
    origin: OriginName = Field(description="published (an official source), computed (by "
                               "indmon from real reports) or simulated")
    simulated: bool
    n: int | None = Field(None, description="enterprises behind a computed figure")
    conflict: bool = Field(description="sources state a different value for this figure")
    supersedes: int | None = Field(None, description="the observation this one revises")
    suppressed: str | None = Field(None, description="why the cell is confidential "
                                   "(statistical disclosure control), or null: see "
                                   "docs/disclosure.md")
    withheld: bool = Field(False, description="the value and n are kept from this caller "
                           "(no clearance for the suppressed cell)")

    @classmethod
    def of(cls, observation: Observation) -> ObservationOut:
        return cls.model_validate(observation.as_dict())


class ListedObservation(ObservationOut):
    """An observation in a list, with the ids of its sources."""

    sources: str | None = Field(None, description="source ids, separated by ';'")


class ObservationPage(_Model):
    total: int = Field(description="how many observations match, over every page")
    limit: int
    offset: int
    next: str | None = Field(description="the URL of the next page, null on the last")
    items: list[ListedObservation]


class CitedSource(_Model):
    """A source of an observation and where it states it."""

    source_id: str
    kind: str = Field(description="release, dataset or computation")
    publisher: str
    title: str
    published: dt.date | None
    url: str
    lang: str
    simulated: bool
    details: dict[str, object]
    content_hash: str = Field(description="SHA-256 of the document: its identity")
    file: str = Field(description="the file it was read from (display only)")
    release_type: str
    span_start: int | None = Field(description="where in the document the figure is stated")
    span_end: int | None
    mention: str | None
    subject: str | None
    note: str | None = Field(description="why this source's figure may differ from another's")

    @classmethod
    def of(cls, provenance: Provenance) -> CitedSource:
        return cls.model_validate(provenance.as_dict())


class Vintage(_Model):
    obs_id: int
    value: float | None = Field(description="null when the cell's values are withheld")
    vintage: LocalTime
    conflict: bool
    supersedes: int | None


class ProvenanceOut(ObservationOut):
    """An observation with every source behind it and every vintage of its figure."""

    sources: list[CitedSource]
    vintages: list[Vintage] = Field(description="every recorded value of this figure "
                                    "(same origin), oldest first")
    disagreeing: list[ObservationOut] = Field(description="for a conflict, the current "
                                              "figures that state it differently")


class Conflict(ObservationOut):
    """One value a source states for a figure that sources state differently."""

    source_id: str
    title: str
    publisher: str
    published: dt.date | None
    mention: str | None
    note: str | None

    @classmethod
    def stated(cls, observation: Observation, provenance: Provenance) -> Conflict:
        cited = provenance.as_dict()
        return cls.model_validate({**observation.as_dict(), **{
            key: cited[key] for key in ("source_id", "title", "publisher", "published",
                                        "mention", "note")}})


class SeriesOut(_Model):
    """Figures one chart line may join: one cell, origin and frequency, in time order."""

    indicator: str
    industry: str
    province: str
    origin: OriginName
    frequency: FrequencyName
    kind: PeriodKind = Field(description="the kind of most of its periods")
    simulated: bool
    points: list[ObservationOut]

    @classmethod
    def of(cls, series: Series) -> SeriesOut:
        return cls(indicator=series.indicator, industry=series.industry,
                   province=series.province, origin=series.origin.value,
                   frequency=series.frequency,  # type: ignore[arg-type]
                   kind=series.kind,  # type: ignore[arg-type]
                   simulated=series.simulated,
                   points=[ObservationOut.of(p) for p in series.points])


class Fact(_Model):
    """A number a release states, with its mapping to the catalogue where one fits."""

    doc: str = Field(description="the source id of the document")
    start: int
    end: int
    mention: str
    value: float
    unit: str
    measure: str
    subject: str | None
    period: str | None
    region: str | None
    indicator: str | None = Field(description="null: no catalogue indicator fits")
    industry: str | None
    province: str | None


class FactPage(_Model):
    total: int
    limit: int
    offset: int
    next: str | None
    items: list[Fact]


class IndicatorOut(_Model):
    id: str
    theme: str
    name_en: str
    name_zh: str
    unit: str
    measure: str
    frequency: str
    dimensions: list[str] = Field(description="the breakdowns: industry, province")
    derivation: str = Field(description="published, or how indmon computes it")
    description: str
    aliases: list[str] = Field(description="words that name it in releases")
    january_combined: bool = Field(
        False, description="January and February are released together: there is no "
        "January figure, February's covers both months")

    @classmethod
    def of(cls, indicator: Indicator) -> IndicatorOut:
        return cls.model_validate(asdict(indicator))


class IndustryOut(_Model):
    code: str
    sector: str = Field(description="the section of GB/T 4754-2017: B, C or D")
    name_en: str
    name_zh: str

    @classmethod
    def of(cls, industry: Industry) -> IndustryOut:
        return cls.model_validate(asdict(industry))


class ProvinceOut(_Model):
    code: str
    abbrev: str
    name_en: str
    name_zh: str
    region: str
    tile_x: int = Field(description="column of the province on the dashboard's tile map")
    tile_y: int

    @classmethod
    def of(cls, province: Province) -> ProvinceOut:
        return cls(code=province.code, abbrev=province.abbrev, name_en=province.name_en,
                   name_zh=province.name_zh, region=province.region,
                   tile_x=province.tile[0], tile_y=province.tile[1])
