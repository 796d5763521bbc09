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
from pathlib import Path

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
    "CONFIRMED",
    "FIGURES_FILE",
    "HISTORY_DIR",
    "QUALIFIERS",
    "SOURCES_FILE",
    "HistoryCopy",
    "HistoryFigure",
    "HistoryRelease",
    "PublishedFigure",
    "coverage_page",
    "history_conflicts",
    "history_copies",
    "history_figures",
    "history_releases",
    "published_figures",
    "published_sources",
    "read_figures",
    "write_coverage_page",
]


# -- the history: ten years of monthly headline figures, from copies of the releases --

#: where the history's files live (written by scripts/history/build.py)
HISTORY_DIR = Path(__file__).parent / "data" / "history"
#: how a shipped history figure is confirmed; unconfirmed ones are in unconfirmed.csv
CONFIRMED = ("confirmed_official", "confirmed_two_copies")


@dataclass(frozen=True)
class HistoryRelease:
    """One monthly release of the history: publisher, our standard title, release date."""

    source_id: str
    family: str
    period: str
    publisher: str
    title: str
    published: str
    #: ``stated`` (a copy states the date), ``copy`` (the earliest copy's date), or
    #: ``schedule`` (the end of the month the publisher's calendar puts the release in)
    date_basis: str
    release_type: str
    url: str

    def source(self) -> Source:
        return Source(
            source_id=self.source_id, kind="release", publisher=self.publisher,
            title=self.title, published=self.published, url=self.url,
            details={"family": self.family, "date_basis": self.date_basis,
                     "history": True},
            release_type=self.release_type, revises=self.release_type == "final",
        )


@dataclass(frozen=True)
class HistoryFigure:
    indicator: str
    period: str
    industry: str
    province: str
    value: float
    unit: str
    source_id: str
    status: str
    copies: int
    sites: str


@dataclass(frozen=True)
class HistoryCopy:
    """A page where a figure was seen: its address, site and the mention it shows."""

    source_id: str
    indicator: str
    period: str
    industry: str
    value: float
    mention: str
    url: str
    site: str
    official: bool


def _history_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("indmon.catalogue").joinpath("data", "history", name).read_text(
        "utf-8")
    return list(csv.DictReader(text.splitlines()))


def history_releases() -> list[HistoryRelease]:
    """The releases of the bundled history, oldest first."""
    rows = [HistoryRelease(**raw) for raw in _history_rows("sources.csv")]
    return sorted(rows, key=lambda r: (r.published, r.source_id))


def _history_figure(raw: dict[str, str]) -> HistoryFigure:
    return HistoryFigure(
        indicator=raw["indicator"], period=raw["period"], industry=raw["industry"],
        province=raw["province"], value=float(raw["value"]), unit=raw["unit"],
        source_id=raw["source_id"], status=raw["status"], copies=int(raw["copies"]),
        sites=raw["sites"],
    )


def history_figures(confirmed: bool = True) -> list[HistoryFigure]:
    """The history's figures: the confirmed ones (the default), or the unconfirmed ones."""
    return [_history_figure(raw)
            for raw in _history_rows("figures.csv" if confirmed else "unconfirmed.csv")]


def history_copies() -> list[HistoryCopy]:
    return [HistoryCopy(raw["source_id"], raw["indicator"], raw["period"], raw["industry"],
                        float(raw["value"]), raw["mention"], raw["url"], raw["site"],
                        raw["official"] == "true")
            for raw in _history_rows("copies.csv")]


def history_conflicts() -> list[dict[str, str]]:
    return _history_rows("conflicts.csv")


# -- the coverage page (docs/published-figures-history section), rebuilt by a test --

COVERAGE_PAGE = Path(__file__).parents[3] / "docs" / "published-figures.md"
_COVERAGE_START = "<!-- history coverage: generated by scripts/history/build.py; do not edit -->"
_COVERAGE_END = "<!-- end of history coverage -->"


def coverage_section() -> str:
    """The coverage tables of the history, as the docs page shows them."""
    from indmon.catalogue import Catalogue

    catalogue = Catalogue.load()
    figures = history_figures()
    unconfirmed = history_figures(confirmed=False)
    releases = history_releases()
    months = sorted({f.period[:7] for f in figures})
    by_family: dict[str, list[str]] = {}
    confirmed_sources = {f.source_id for f in figures}
    for rel in releases:
        if rel.source_id in confirmed_sources:
            by_family.setdefault(rel.family, []).append(rel.period)
    lines = [
        _COVERAGE_START, "",
        f"{len(confirmed_sources)} releases (one publisher's release for one month) with "
        f"{len(figures)} confirmed figures, {months[0] if months else '-'} to "
        f"{months[-1] if months else '-'}; "
        f"{sum(f.status == 'confirmed_official' for f in figures)} confirmed by an official "
        f"page, {sum(f.status == 'confirmed_two_copies' for f in figures)} by two copies on "
        f"different sites. {len(unconfirmed)} further figures seen on one copy only are kept "
        "in `unconfirmed.csv` and never loaded.", "",
        "### Releases by publisher", "",
        "| release family | releases | first | last | release types |",
        "|---|---|---|---|---|",
    ]
    types = {r.source_id: r.release_type for r in releases}
    for family, periods in sorted(by_family.items()):
        kinds = sorted({types[f"{family}-{p}"] for p in periods})
        lines.append(f"| {family} | {len(periods)} | {min(periods)} | {max(periods)} "
                     f"| {', '.join(kinds)} |")
    lines += ["", "### Series", "",
              "| indicator | name | months | first | last | gaps | figures | two copies "
              "| official |", "|---|---|---|---|---|---|---|---|---|"]
    by_indicator: dict[str, list[HistoryFigure]] = {}
    for fig in figures:
        by_indicator.setdefault(fig.indicator, []).append(fig)
    for indicator, figs in sorted(by_indicator.items()):
        covered = sorted({f.period[:7] for f in figs})
        gaps = _gaps(covered)
        name = catalogue.indicator(indicator).name_en
        lines.append(
            f"| `{indicator}` | {name} | {len(covered)} | {covered[0]} | {covered[-1]} "
            f"| {gaps} | {len(figs)} | {sum(f.status == 'confirmed_two_copies' for f in figs)} "
            f"| {sum(f.status == 'confirmed_official' for f in figs)} |")
    conflicts = history_conflicts()
    lines += ["", "### Conflicts between copies", "",
              f"{len(conflicts)} copies stated another value than the accepted one, or "
              "disagreed with each other where no figure could be accepted:", "",
              "| indicator | period | cell | accepted | stated | site | why |",
              "|---|---|---|---|---|---|---|"]
    for c in conflicts:
        lines.append(f"| `{c['indicator']}` | {c['period']} | {c['industry']} "
                     f"| {c['accepted'] or '-'} | {c['stated']} | {c['site']} | {c['reason']} |")
    lines += ["", _COVERAGE_END]
    return "\n".join(lines)


def _gaps(months: list[str]) -> str:
    """Missing months between the first and the last, as ranges (``2016-02..2016-05``)."""
    if not months:
        return "-"
    present = set(months)
    year, month = int(months[0][:4]), int(months[0][5:])
    missing: list[str] = []
    while f"{year}-{month:02d}" <= months[-1]:
        key = f"{year}-{month:02d}"
        if key not in present:
            missing.append(key)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    runs: list[list[str]] = []
    for key in missing:
        if runs and _next_month(runs[-1][-1]) == key:
            runs[-1].append(key)
        else:
            runs.append([key])
    if not runs:
        return "none"
    text = ", ".join(r[0] if len(r) == 1 else f"{r[0]}..{r[-1]}" for r in runs)
    return f"{len(missing)} months: {text}"


def _next_month(key: str) -> str:
    year, month = int(key[:4]), int(key[5:])
    return f"{year + 1}-01" if month == 12 else f"{year}-{month + 1:02d}"


def coverage_page(current: str) -> str:
    """``current`` (the docs page) with its generated coverage section replaced."""
    start, end = current.find(_COVERAGE_START), current.find(_COVERAGE_END)
    if start < 0 or end < 0:
        return current.rstrip() + "\n\n" + coverage_section() + "\n"
    return current[:start] + coverage_section() + current[end + len(_COVERAGE_END):]


def write_coverage_page(page: Path = COVERAGE_PAGE) -> Path:
    page.write_text(coverage_page(page.read_text(encoding="utf-8")), encoding="utf-8")
    return page
