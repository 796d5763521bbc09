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

import dataclasses
from collections.abc import Sequence

from indmon.catalogue import ALL, Catalogue
from indmon.catalogue.published import (
    CONFIRMED,
    FIGURES_FILE,
    SOURCES_FILE,
    HistoryCopy,
    HistoryFigure,
    PublishedFigure,
    history_copies,
    history_figures,
    history_releases,
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
    history: bool | None = None,
) -> RecordResult:
    """Record the bundled figures (or those given) in ``store``, one ``store.record`` call
    per release, after checking them against the catalogue.

    Releases are recorded oldest first so that each observation's vintage is the date the
    figure was first published. Loading again changes nothing: equal figures from the same
    release only meet their existing provenance. With the bundled releases (no ``figures``
    or ``sources`` given) the bundled history of monthly releases is loaded too, unless
    ``history`` is false (:func:`load_history`).
    """
    if history is None:
        history = figures is None and sources is None
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
    return total + load_history(store) if history else total


def history_observation(fig: HistoryFigure, copies: Sequence[HistoryCopy]) -> NewObservation:
    """A history figure as a figure to record: the mention of its first copy, and a note
    saying how it is confirmed and where it was seen."""
    where = ", ".join(sorted({c.site for c in copies})) or fig.sites
    how = ("stated by an official page" if fig.status == "confirmed_official"
           else f"confirmed by {len({c.site for c in copies})} copies on different sites")
    return NewObservation(
        indicator=fig.indicator, period=fig.period, value=fig.value, unit=fig.unit,
        industry=fig.industry, province=fig.province,
        mention=copies[0].mention if copies else "",
        note=f"{how}; seen at {where}",
    )


def load_history(store: Store) -> RecordResult:
    """Record the confirmed figures of the bundled history (``data/history/``): one source
    per release (publisher, standard title, release date, release type, the address of
    its first official copy or first copy), oldest first, so that a final figure (the
    annual communiqué) becomes a later vintage of the preliminary monthly one.

    Unconfirmed figures (``unconfirmed.csv``) are never loaded.
    """
    catalogue = Catalogue.load()
    figures = history_figures()
    copies: dict[tuple[str, str, str, str], list[HistoryCopy]] = {}
    for copy in history_copies():
        key = (copy.source_id, copy.indicator, copy.period, copy.industry)
        copies.setdefault(key, []).append(copy)
    by_source: dict[str, list[NewObservation]] = {}
    for fig in figures:
        if fig.status not in CONFIRMED:
            raise CatalogueError(f"history figure {fig.indicator} {fig.period}: status "
                                 f"{fig.status!r} is not one of {CONFIRMED}")
        indicator = catalogue.indicator(fig.indicator)
        if fig.unit != indicator.unit:
            raise CatalogueError(f"history figure {fig.indicator} {fig.period}: unit "
                                 f"{fig.unit!r} is not the indicator's {indicator.unit!r}")
        seen = copies.get((fig.source_id, fig.indicator, fig.period, fig.industry), [])
        by_source.setdefault(fig.source_id, []).append(history_observation(fig, seen))
    urls: dict[str, set[str]] = {}
    for (source_id, *_), seen_at in copies.items():
        urls.setdefault(source_id, set()).update(c.url for c in seen_at)
    releases = []
    for release in history_releases():
        stated = by_source.get(release.source_id, [])
        if stated:
            source = release.source()
            details = {**source.details, "copies": sorted(urls.get(release.source_id, ()))}
            releases.append((stated, dataclasses.replace(source, details=details)))
    # one transaction: a history is loaded whole or not at all
    return store.record_releases(releases)


__all__ = ["check_published", "history_observation", "load_history", "load_published",
           "published_observation"]
