"""Figures that official releases state, shipped with the package and loadable into a store.

The four bundled releases (``data/published/sources.csv``) review industry and ICT in
2022, the first quarter of 2023 and 2023. Every figure they state that has an indicator
in the catalogue is one row of ``data/published/figures.csv``, mapped by hand to an
indicator and a cell, with the character span of its mention in the release text so that
anyone can check it against the document.

Loading records each release as one ``Source``: a figure that several releases state
becomes one observation with several provenance rows, and two releases (or two passages)
that state different values for the same cell are both kept and flagged as a conflict.

>>> store = Store.open(":memory:")
>>> load_published(store).added > 100
True
>>> store.value("va_ytd_yoy", "2023", industry="C")
5.0
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from indmon.catalogue import ALL, Catalogue
from indmon.errors import CatalogueError, ConfigError
from indmon.periods import Period
from indmon.store import NewObservation, RecordResult, Source, Store

FIGURES_FILE = "figures.csv"
SOURCES_FILE = "sources.csv"
#: how a release words a figure: as stated, a lower bound ("more than"), an approximation
#: ("about", "nearly") or a forecast ("expected to")
QUALIFIERS = ("", "at_least", "about", "expected")


@dataclass(frozen=True)
class PublishedFigure:
    """One figure as a release states it, mapped to an indicator and a cell."""

    indicator: str
    period: str
    industry: str
    province: str
    value: float
    unit: str
    #: the release it comes from: its file name without extension (a ``source_id``)
    doc: str
    #: character offsets of the mention in the release text: ``text[start:end] == mention``
    start: int
    end: int
    mention: str
    qualifier: str = ""
    note: str = ""

    def observation(self) -> NewObservation:
        return NewObservation(
            indicator=self.indicator, period=self.period, value=self.value, unit=self.unit,
            industry=self.industry, province=self.province, span=(self.start, self.end),
            mention=self.mention,
        )


def _bundled(name: str) -> str:
    return resources.files("indmon.catalogue").joinpath("data", "published", name).read_text(
        "utf-8"
    )


def _number(raw: dict[str, str], field: str, row: int, kind: type[float] | type[int]) -> float:
    try:
        return kind(raw[field])
    except (TypeError, ValueError):
        raise CatalogueError(
            f"{FIGURES_FILE} row {row}, field {field!r}: {raw.get(field)!r} is not "
            f"{'an integer' if kind is int else 'a number'}; write it in base units "
            "without separators, e.g. 1800000000000 for 1.8 trillion yuan"
        ) from None


def _figure(raw: dict[str, str], row: int) -> PublishedFigure:
    """Build one figure from a CSV row, naming the row and field of anything malformed."""
    if raw.get("qualifier", "") not in QUALIFIERS:
        raise CatalogueError(
            f"{FIGURES_FILE} row {row}, field 'qualifier': {raw['qualifier']!r} is not one of "
            f"{QUALIFIERS}"
        )
    try:
        Period.parse(raw["period"])
    except (ConfigError, ValueError) as exc:
        raise CatalogueError(f"{FIGURES_FILE} row {row}, field 'period': {exc}") from None
    return PublishedFigure(
        indicator=raw["indicator"], period=raw["period"], industry=raw["industry"] or ALL,
        province=raw["province"] or ALL, value=_number(raw, "value", row, float),
        unit=raw["unit"], doc=raw["doc"], start=int(_number(raw, "start", row, int)),
        end=int(_number(raw, "end", row, int)), mention=raw["mention"],
        qualifier=raw.get("qualifier", ""), note=raw.get("note", ""),
    )


def read_figures(text: str) -> list[PublishedFigure]:
    """Parse figures in the shape of ``figures.csv``; errors name the row and field."""
    rows = csv.DictReader(text.splitlines())
    missing = set(PublishedFigure.__dataclass_fields__) - {"qualifier", "note"} - set(
        rows.fieldnames or ()
    )
    if missing:
        raise CatalogueError(f"{FIGURES_FILE}: the header lacks the columns {sorted(missing)}")
    # row 1 of the file is its header, so the first figure is on row 2
    return [_figure(raw, row) for row, raw in enumerate(rows, start=2)]


def published_figures() -> list[PublishedFigure]:
    """Every bundled figure, in the order of the releases and of their text."""
    return read_figures(_bundled(FIGURES_FILE))


def published_sources() -> list[Source]:
    """The bundled releases, oldest first, as store sources (kind ``release``)."""
    sources = [
        Source(
            source_id=raw["source_id"], kind="release", publisher=raw["publisher"],
            title=raw["title"], published=raw["published"], url=raw["url"],
            lang=raw["lang"], details={"note": raw["details"]} if raw["details"] else {},
        )
        for raw in csv.DictReader(_bundled(SOURCES_FILE).splitlines())
    ]
    return sorted(sources, key=lambda s: (str(s.published), s.source_id))


def check_published(
    figures: Sequence[PublishedFigure], sources: Sequence[Source], catalogue: Catalogue
) -> None:
    """Raise ``CatalogueError`` at the first figure the catalogue or the sources contradict."""
    known_sources = {s.source_id for s in sources}
    for row, fig in enumerate(figures, start=2):
        where = f"{FIGURES_FILE} row {row}"
        indicator = catalogue.indicator(fig.indicator)
        if fig.unit != indicator.unit:
            raise CatalogueError(
                f"{where}, field 'unit': {fig.unit!r} differs from the unit of indicator "
                f"{fig.indicator!r} ({indicator.unit!r}); convert the value to that unit"
            )
        if fig.doc not in known_sources:
            raise CatalogueError(
                f"{where}, field 'doc': {fig.doc!r} is not in {SOURCES_FILE}; add the release there"
            )
        _check_cell(fig, where, catalogue)


def _check_cell(fig: PublishedFigure, where: str, catalogue: Catalogue) -> None:
    if fig.industry != ALL and fig.industry not in catalogue.sectors:
        catalogue.industry(fig.industry)
    if fig.province != ALL:
        catalogue.province(fig.province)
    if fig.end <= fig.start:
        raise CatalogueError(f"{where}, field 'end': {fig.end} is not after start {fig.start}")


def load_published(
    store: Store,
    figures: Sequence[PublishedFigure] | None = None,
    sources: Sequence[Source] | None = None,
) -> RecordResult:
    """Record the bundled figures (or those given) in ``store``, one ``store.record`` call
    per release.

    Releases are recorded oldest first so that each observation's vintage is the date the
    figure was first published. Loading again changes nothing: equal figures from the same
    release only meet their existing provenance.
    """
    figures = published_figures() if figures is None else list(figures)
    sources = published_sources() if sources is None else sorted(
        sources, key=lambda s: (str(s.published), s.source_id)
    )
    check_published(figures, sources, Catalogue.load())
    by_doc: dict[str, list[PublishedFigure]] = {}
    for fig in figures:
        by_doc.setdefault(fig.doc, []).append(fig)
    total = RecordResult()
    for source in sources:
        stated = by_doc.get(source.source_id, [])
        total = total + store.record([f.observation() for f in stated], source)
    return total


__all__ = [
    "PublishedFigure",
    "check_published",
    "load_published",
    "published_figures",
    "published_sources",
    "read_figures",
]
