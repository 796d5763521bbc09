"""What a number in the store *is*: its source, its provenance, its origin and its period.

Every surface (dashboard, briefing, API, exports, checks, monitoring) reads these types
from the store's query functions instead of re-deriving them from table columns.

- :class:`Source` -- a document, a bundled dataset or a computation. A document's
  identity is its content hash with its publisher, title and date, never its file name.
- :class:`Origin` -- ``published`` (stated by an official release or dataset),
  ``computed`` (by indmon from real enterprise reports) or ``simulated`` (from simulated
  data). Stored with each observation, never inferred afterwards.
- :class:`Observation` -- one value of one indicator, period and cell, as known from its
  vintage on.
- :class:`Provenance` -- where a source states (or produced) an observation.

>>> Origin.of(Source("x", kind="computation", simulated=True))
<Origin.SIMULATED: 'simulated'>
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from indmon.errors import ConfigError
from indmon.store.periods import Period

#: the cell of a figure for the whole country or all industry
ALL = "ALL"


class Origin(StrEnum):
    """Where a figure comes from; the three are never mixed in one series."""

    PUBLISHED = "published"
    COMPUTED = "computed"
    SIMULATED = "simulated"

    @classmethod
    def of(cls, source: Source) -> Origin:
        if source.simulated:
            return cls.SIMULATED
        return cls.COMPUTED if source.kind == "computation" else cls.PUBLISHED

    @classmethod
    def parse(cls, text: str | Origin) -> Origin:
        try:
            return cls(str(text))
        except ValueError:
            raise ConfigError(
                f"origin {text!r} is not one of {', '.join(o.value for o in cls)}"
            ) from None


def content_hash(text: str | bytes) -> str:
    """The SHA-256 of a document's content: its identity, whatever its file is called."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def document_id(name: str, text: str | bytes) -> str:
    """A readable, content-addressed source id: the file's stem and 16 hex digits of the
    content hash. Two different files of the same name get different ids; the same
    content under another name keeps its own id too, but :func:`content_hash` joins them."""
    return f"{name}@{content_hash(text)[:16]}"


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.datetime.fromisoformat(str(value)).date()
    except ValueError:
        raise ConfigError(f"publication date {value!r} is not a date like 2024-01-19") from None


@dataclass(frozen=True)
class Source:
    """A document, a bundled dataset or a computation that numbers come from."""

    source_id: str
    kind: str = "release"  #: release | dataset | computation
    publisher: str = ""
    title: str = ""
    published: str | dt.date | None = None  #: publication date, the vintage of its figures
    url: str = ""
    lang: str = ""
    simulated: bool = False
    details: dict[str, Any] = field(default_factory=dict)
    #: a release that corrects earlier figures: differing values revise instead of conflict
    revises: bool = False
    #: SHA-256 of the document's text (empty for computations and datasets)
    content_hash: str = ""
    #: the file the document was read from, for display only (never its identity)
    file: str = ""
    #: preliminary | final | "" -- a final figure is a new vintage of a preliminary one
    release_type: str = ""

    @property
    def origin(self) -> Origin:
        return Origin.of(self)

    @property
    def published_date(self) -> dt.date | None:
        return _date(self.published)

    def vintage(self) -> dt.datetime:
        """When the source's figures became known: its publication date, or (for a
        computation) the moment it ran. A release without a date is refused earlier."""
        published = self.published
        if isinstance(published, dt.datetime):
            return published.replace(microsecond=0)
        date = self.published_date
        if date is None:
            return dt.datetime.now().replace(microsecond=0)
        return dt.datetime.combine(date, dt.time())

    def citation(self) -> str:
        """Publisher, title and date, as a reader cites it."""
        date = self.published_date
        parts = [p for p in (self.publisher, self.title, date.isoformat() if date else "") if p]
        return ", ".join(parts)


@dataclass(frozen=True)
class NewObservation:
    """A figure about to be recorded, with where in the source it was stated."""

    indicator: str
    period: str
    value: float
    unit: str
    industry: str = ALL
    province: str = ALL
    n: int | None = None
    span: tuple[int, int] | None = None
    mention: str = ""
    subject: str = ""
    #: why this figure may differ from another source's (kept with a conflict)
    note: str = ""


@dataclass(frozen=True)
class RecordResult:
    added: int = 0
    merged: int = 0
    revised: int = 0
    conflicts: int = 0

    def __add__(self, other: RecordResult) -> RecordResult:
        return RecordResult(
            self.added + other.added, self.merged + other.merged,
            self.revised + other.revised, self.conflicts + other.conflicts,
        )


@dataclass(frozen=True)
class Observation:
    """One value of one indicator for one period and cell, as known from ``vintage`` on."""

    obs_id: int
    indicator: str
    period: Period
    industry: str
    province: str
    value: float
    unit: str
    vintage: dt.datetime
    origin: Origin
    n: int | None = None
    #: sources state a different value for the same figure at the same time
    conflict: bool = False
    supersedes: int | None = None
    #: why the cell is confidential (statistical disclosure control), or None
    suppressed: str | None = None
    #: the value is kept from this reader (``value`` is then NaN): a suppressed cell read
    #: without clearance for it
    withheld: bool = False

    @property
    def simulated(self) -> bool:
        return self.origin is Origin.SIMULATED

    @property
    def published(self) -> bool:
        return self.origin is Origin.PUBLISHED

    @property
    def confidential(self) -> bool:
        """A suppressed cell shown to a reader cleared for it: not for publication."""
        return self.suppressed is not None and not self.withheld

    @property
    def cell(self) -> tuple[str, str]:
        return (self.industry, self.province)

    def seen_by(self, clearance: Clearance | None) -> Observation:
        """This figure as ``clearance`` may read it: a suppressed cell's value and n are
        withheld from a reader whose clearance does not reach its province (``None`` is
        the store's owner, who sees everything)."""
        if self.suppressed is None or self.withheld or clearance is None or (
                clearance.sees(self.province)):
            return self
        return dataclasses.replace(self, value=math.nan, n=None, withheld=True)

    def as_dict(self) -> dict[str, Any]:
        return {
            "obs_id": self.obs_id, "indicator": self.indicator, "period": self.period.text,
            "period_kind": self.period.kind, "frequency": self.period.frequency,
            "industry": self.industry, "province": self.province,
            "value": None if self.withheld else self.value,
            "unit": self.unit, "vintage": self.vintage.isoformat(), "origin": self.origin.value,
            "simulated": self.simulated, "n": None if self.withheld else self.n,
            "conflict": self.conflict, "supersedes": self.supersedes,
            "suppressed": self.suppressed, "withheld": self.withheld,
        }


@dataclass(frozen=True)
class Clearance:
    """Which confidential (suppressed) cells a reader may see the values of.

    Computed cells resting on too few enterprises, or dominated by one or two, are
    suppressed (see :mod:`indmon.compute.disclosure`). A reader without clearance gets
    them withheld: no value, and the reason. ``Clearance.full()`` is the store's owner,
    an admin, or an analyst of the whole country; ``Clearance.of_provinces`` an analyst
    of some provinces, who sees the cells of those provinces (never a national cell:
    it may rest on enterprises elsewhere); ``Clearance.public()`` sees none.
    """

    full: bool = False
    provinces: frozenset[str] = frozenset()

    @classmethod
    def public(cls) -> Clearance:
        return cls()

    @classmethod
    def everything(cls) -> Clearance:
        return cls(full=True)

    @classmethod
    def of_provinces(cls, provinces: Iterable[str]) -> Clearance:
        return cls(provinces=frozenset(str(p) for p in provinces))

    def sees(self, province: str) -> bool:
        return self.full or (province != ALL and province in self.provinces)

    @property
    def label(self) -> str:
        if self.full:
            return "full"
        return "provinces " + ",".join(sorted(self.provinces)) if self.provinces else "public"


@dataclass(frozen=True)
class Series:
    """Figures of one indicator and cell that one line may join: one origin, one
    frequency and one kind of period, in time order."""

    indicator: str
    industry: str
    province: str
    origin: Origin
    frequency: str
    kind: str
    points: tuple[Observation, ...]

    @property
    def periods(self) -> list[str]:
        return [p.period.text for p in self.points]

    @property
    def values(self) -> list[float]:
        return [p.value for p in self.points]

    @property
    def simulated(self) -> bool:
        return self.origin is Origin.SIMULATED


@dataclass(frozen=True)
class Provenance:
    """Where a source states or produced an observation."""

    source: Source
    span: tuple[int, int] | None = None
    mention: str = ""
    subject: str = ""
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        s = self.source
        return {
            "source_id": s.source_id, "kind": s.kind, "publisher": s.publisher,
            "title": s.title, "published": s.published_date.isoformat()
            if s.published_date else None, "url": s.url, "lang": s.lang,
            "simulated": s.simulated, "details": s.details, "content_hash": s.content_hash,
            "file": s.file, "release_type": s.release_type,
            "span_start": self.span[0] if self.span else None,
            "span_end": self.span[1] if self.span else None,
            "mention": self.mention or None, "subject": self.subject or None,
            "note": self.note or None,
        }


@dataclass(frozen=True)
class ProvenanceRecord:
    """An observation with every source behind it and every vintage of its figure."""

    observation: Observation
    sources: tuple[Provenance, ...]
    #: every recorded value of the same figure (same origin), oldest first
    vintages: tuple[Observation, ...]
    #: current figures of the same cell that disagree with this one (a conflict)
    disagreeing: tuple[Observation, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out = self.observation.as_dict()
        out["sources"] = [p.as_dict() for p in self.sources]
        out["vintages"] = [
            {"obs_id": v.obs_id, "value": None if v.withheld else v.value,
             "vintage": v.vintage.isoformat(),
             "conflict": v.conflict, "supersedes": v.supersedes} for v in self.vintages
        ]
        out["disagreeing"] = [d.as_dict() for d in self.disagreeing]
        return out


__all__ = [
    "ALL",
    "Clearance",
    "NewObservation",
    "Observation",
    "Origin",
    "Provenance",
    "ProvenanceRecord",
    "RecordResult",
    "Series",
    "Source",
    "content_hash",
    "document_id",
]
