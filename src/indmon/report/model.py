"""The briefing as a document model, independent of the format it is rendered to.

A briefing is built once from a report card (``indmon.report.card``, the model the
dashboard renders too) by ``indmon.report.briefing`` and rendered to Markdown, HTML or
PDF. Every number in it is a ``Number`` that knows the observations it was read or
derived from, so each renderer can link it to its provenance or cite it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stated:
    """What one source states for a figure that sources state differently."""

    number: Number
    #: publisher, title and date of the source, in the briefing's language
    source: str


@dataclass(frozen=True)
class Number:
    """A number as printed, with the observations it states or was derived from."""

    text: str
    #: the observations behind it; the first is the one a link points to
    obs_ids: tuple[int, ...]
    simulated: bool = False
    #: when sources state the figure differently: every stated value with its source, so
    #: that the reader sees the disagreement instead of one value chosen silently
    differs: tuple[Stated, ...] = ()


#: running text: words and numbers in reading order
Paragraph = tuple[str | Number, ...]
Cell = str | Number | None


@dataclass(frozen=True)
class Table:
    """A table of figures; ``columns`` are headings, each row as many cells."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    #: columns holding numbers (right-aligned)
    numeric: tuple[int, ...] = ()


@dataclass(frozen=True)
class Chart:
    """A chart to draw: bars by category or lines over periods.

    ``series`` maps a legend label to one value per category (None where missing).
    """

    chart_id: str
    kind: str  #: bar (horizontal, one series) | line (over periods)
    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    unit_label: str
    source_line: str
    simulated: bool = False
    #: a value to draw as a reference line (e.g. the national rate) and its label
    reference: tuple[float, str] | None = None
    #: the observations drawn, cited under the chart
    obs_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    paragraphs: tuple[Paragraph, ...] = ()
    tables: tuple[Table, ...] = ()
    charts: tuple[Chart, ...] = ()
    simulated: bool = False
    #: a line under the heading: what the section is based on
    lead: str = ""
    #: the origin of every figure in it: published | computed | simulated ("" for risks)
    origin: str = ""
    #: the report card's figures the section shows (observation ids), comparisons aside
    figures: tuple[int, ...] = ()


@dataclass(frozen=True)
class Note:
    """One endnote: one source (publisher, title and date, or a computation) and the
    figures of the briefing it supports."""

    number: int
    lines: tuple[str, ...]
    simulated: bool = False
    #: the figures this source supports, as read: ``name, period: value (stated as …)``
    figures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Briefing:
    """A report card for one period in one language."""

    title: str
    period: str
    period_text: str
    lang: str
    generated: dt.datetime
    sections: tuple[Section, ...]
    notes: tuple[Note, ...]
    #: every source the numbers come from, one line each
    sources: tuple[str, ...]
    #: observation id -> endnote numbers citing it
    note_of: dict[int, tuple[int, ...]] = field(default_factory=dict)
    simulated: bool = False
    #: words the renderers need (headings, labels) in the briefing's language
    words: dict[str, str] = field(default_factory=dict)

    def notes_for(self, number: Number | Chart) -> tuple[int, ...]:
        """The endnotes a number or chart cites, in order, without repeats."""
        seen: list[int] = []
        for obs_id in number.obs_ids:
            for note in self.note_of.get(obs_id, ()):
                if note not in seen:
                    seen.append(note)
        return tuple(seen)

    def table_notes(self, table: Table) -> tuple[int, ...]:
        """Endnotes cited by any number in a table."""
        seen: list[int] = []
        for row in table.rows:
            for cell in row:
                if isinstance(cell, Number):
                    seen.extend(n for n in self.notes_for(cell) if n not in seen)
        return tuple(seen)

    def shared_notes(self, table: Table) -> tuple[int, ...]:
        """The notes every number of a table cites, when they all cite the same ones: the
        caption then cites them once instead of every cell repeating them. A number that
        cites none (a suppressed cell, its value withheld) does not stand in the way."""
        sets = {notes for row in table.rows for c in row
                if isinstance(c, Number) and (notes := self.notes_for(c))}
        return next(iter(sets)) if len(sets) == 1 else ()
