"""Loading published figures into a store: the bundled releases, or figures of that shape.

The figures themselves are catalogue data (:mod:`indmon.catalogue.published`); putting
them in a store is reconciliation: each release is one ``Source``, recorded oldest
first, so that an observation's vintage is the date its figure was first published. A
figure several releases state alike becomes one observation with several provenance
rows; a later release by the same publisher stating another value revises it; two
releases (or two passages of one) that state different values for the same figure at
the same time are both kept and flagged as a conflict, each with the ``note`` of its
row explaining why it differs.

>>> from indmon.store import Store
>>> store = Store.open(":memory:")
>>> load_published(store).added > 100
True
>>> store.value("va_ytd_yoy", "2023", industry="C")
5.0
"""

from __future__ import annotations

from collections.abc import Sequence

from indmon.catalogue import ALL, Catalogue
from indmon.catalogue.published import (
    FIGURES_FILE,
    SOURCES_FILE,
    PublishedFigure,
    published_figures,
    published_sources,
)
from indmon.errors import CatalogueError
from indmon.store import NewObservation, RecordResult, Source, Store


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


def published_observation(fig: PublishedFigure) -> NewObservation:
    """A published figure as a figure to record, with its span, mention and note."""
    return NewObservation(
        indicator=fig.indicator, period=fig.period, value=fig.value, unit=fig.unit,
        industry=fig.industry, province=fig.province, span=(fig.start, fig.end),
        mention=fig.mention, note=fig.note,
    )


def load_published(
    store: Store,
    figures: Sequence[PublishedFigure] | None = None,
    sources: Sequence[Source] | None = None,
) -> RecordResult:
    """Record the bundled figures (or those given) in ``store``, one ``store.record`` call
    per release, after checking them against the catalogue.

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
        total = total + store.record([published_observation(f) for f in stated], source)
    return total


__all__ = ["check_published", "load_published", "published_observation"]
