"""Figures that official releases state, shipped with the package as catalogue data.

The four bundled releases (``data/published/sources.csv``) review industry and ICT in
2022, the first quarter of 2023 and 2023. Every figure they state that has an indicator
in the catalogue is one row of ``data/published/figures.csv``, mapped by hand to an
indicator and a cell, with the character span of its mention in the release text so that
anyone can check it against the document. Each release also carries the SHA-256 of its
text, so that ingesting the same text later finds it is the same document.

This module only reads the data; loading it into a store (with its checks against the
catalogue) is reconcile's job: :func:`indmon.reconcile.published.load_published`.

>>> [f.value for f in published_figures() if (f.indicator, f.period, f.industry)
...  == ("va_ytd_yoy", "2023", "C")][:1]
[5.0]
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

from indmon.catalogue import ALL
from indmon.errors import CatalogueError, ConfigError
from indmon.store.model import Source
from indmon.store.periods import Period

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
    #: why the figure needs a remark (the body behind it, why it differs from another
    #: statement); kept as the provenance note, so a conflict keeps its explanation
    note: str = ""


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
            content_hash=raw.get("content_hash") or "", file=raw.get("file") or "",
        )
        for raw in csv.DictReader(_bundled(SOURCES_FILE).splitlines())
    ]
    return sorted(sources, key=lambda s: (str(s.published), s.source_id))


__all__ = [
    "FIGURES_FILE",
    "QUALIFIERS",
    "SOURCES_FILE",
    "PublishedFigure",
    "published_figures",
    "published_sources",
    "read_figures",
]
