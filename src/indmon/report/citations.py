"""Endnotes and the sources list: where every number in a briefing comes from.

One endnote per source: a document is one source whatever number of figures it states
(identified by publisher, title and date), a computation is one source for all the
figures it produced. Each note lists the figures of the briefing it supports, so a
reader sees in one place what a release said, and a number derived from two figures
(a change on the year before) cites both notes.

The sources behind each figure come from the store (``Store.cited``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from indmon.catalogue import ALL
from indmon.report.model import Note
from indmon.store import Observation, Provenance, Source, Store

if TYPE_CHECKING:
    from indmon.report.context import Context

#: more figures than this of one indicator in one note are summarised as a count
LISTED_PER_GROUP = 3


@dataclass
class _Draft:
    """An endnote being collected: its source and the figures cited from it."""

    number: int
    line: str
    simulated: bool
    computation: bool
    figures: list[tuple[Observation, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Citations:
    notes: tuple[Note, ...]
    note_of: dict[int, tuple[int, ...]]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Worded:
    """A figure in words, for the note that cites it."""

    name: str
    #: the industry or province, empty for the whole
    cell: str
    period: str
    value: str

    def line(self, lang: str) -> str:
        if lang == "zh":
            cell = f"（{self.cell}）" if self.cell else ""
            return f"{self.period}{self.name}{cell}：{self.value}"
        cell = f" ({self.cell})" if self.cell else ""
        return f"{self.name}{cell}, {self.period}: {self.value}"


Describe = Callable[[Observation], Worded]


def cite(store: Store, cited: Sequence[Observation], lang: str,
         describe: Describe) -> Citations:
    """Number the endnotes in order of first citation, one per source, each listing the
    figures it supports (``describe`` words a figure), and list the sources used."""
    ordered = list({obs.obs_id: obs for obs in cited}.values())
    if not ordered:
        return Citations((), {}, ())
    provenance = store.cited([obs.obs_id for obs in ordered])
    drafts: dict[str, _Draft] = {}
    note_of: dict[int, tuple[int, ...]] = {}
    for obs in ordered:
        numbers: list[int] = []
        for prov in provenance.get(obs.obs_id, []):
            line = describe_source(prov.source, lang)
            draft = drafts.get(line)
            if draft is None:
                draft = drafts[line] = _Draft(len(drafts) + 1, line, prov.source.simulated,
                                              prov.source.kind == "computation")
            if draft.number not in numbers:
                draft.figures.append((obs, prov.mention))
                numbers.append(draft.number)
        if numbers:
            note_of[obs.obs_id] = tuple(numbers)
    notes = tuple(Note(d.number, (d.line,), d.simulated, _figure_lines(d, lang, describe))
                  for d in drafts.values())
    return Citations(notes, note_of, _source_lines(provenance, lang))


def _figure_lines(draft: _Draft, lang: str, describe: Describe) -> tuple[str, ...]:
    """One line per figure, with the words the source stated it in when they differ from
    the value as printed ("No. 2 (stated as “second”)", never "4.6% (stated as “4.6%”)");
    many figures of one indicator (a computation's 41 industries, a chart's months) as
    one line with their count and periods."""
    groups: dict[str, list[tuple[Observation, str]]] = {}
    for obs, mention in draft.figures:
        groups.setdefault(obs.indicator, []).append((obs, mention))
    lines: list[str] = []
    for group in groups.values():
        if len(group) > LISTED_PER_GROUP:
            lines.append(_counted(group, lang, describe))
            continue
        for obs, mention in group:
            worded = describe(obs)
            line = worded.line(lang)
            # the words a source used, where they are not the value as printed
            if mention and mention != worded.value:
                line += f"（原文“{mention}”）" if lang == "zh" else f" (stated as “{mention}”)"
            lines.append(line)
    return tuple(lines)


def _counted(group: list[tuple[Observation, str]], lang: str, describe: Describe) -> str:
    """``Value added …, 2023: 44 figures (the whole, by industry, by province)``; over
    several periods ``…, February 2023 to December 2023: 11 figures (the whole)``."""
    figures = [obs for obs, _ in group]
    first = min(figures, key=lambda o: o.period.sort_key())
    last = max(figures, key=lambda o: o.period.sort_key())
    name = describe(first).name
    period = describe(first).period
    if first.period != last.period:
        joint = "至" if lang == "zh" else " to "
        period = f"{period}{joint}{describe(last).period}"
    parts = []
    if any(o.industry == ALL and o.province == ALL for o in figures):
        parts.append("全国" if lang == "zh" else "the whole")
    if any(o.industry != ALL for o in figures):
        parts.append("分行业" if lang == "zh" else "by industry")
    if any(o.province != ALL for o in figures):
        parts.append("分地区" if lang == "zh" else "by province")
    if lang == "zh":
        return f"{period}{name}：{len(figures)}项数据（{'、'.join(parts)}）"
    return f"{name}, {period}: {len(figures)} figures ({', '.join(parts)})"


def chart_source(ctx: Context, obs_ids: list[int]) -> str:
    """The source line printed on a chart: who published the figures drawn, or that
    indmon computed them (and whether from simulated reports).

    A publisher's single release is named by its title; several (a monthly line drawn
    from each month's release) are counted, with the span of their dates, since the
    chart's note markers cite each of them by title and date: a dozen titles would make
    the line longer than the chart."""
    names: list[str] = []
    releases: dict[str, list[Source]] = {}
    for provs in ctx.store.cited(list(dict.fromkeys(obs_ids))).values():
        for prov in provs:
            source = prov.source
            if source.kind == "computation":
                name = ctx.word("computation")
                if source.simulated:
                    name += (f"（{ctx.word('simulated')}）" if ctx.lang == "zh"
                             else f" ({ctx.word('simulated').lower()})")
            else:
                name = source.publisher or source.title
                found = releases.setdefault(name, [])
                if all(s.source_id != source.source_id for s in found):
                    found.append(source)
            if name and name not in names:
                names.append(name)
    named = [_releases_named(name, releases[name], ctx.lang) if name in releases else name
             for name in names]
    return ctx.word("chart_source", sources=("；" if ctx.lang == "zh" else "; ").join(named))


def _releases_named(publisher: str, sources: list[Source], lang: str) -> str:
    """``Publisher, Title`` for one release; ``Publisher, 12 releases, 2023-01-31 to
    2023-12-31`` for several."""
    if len(sources) == 1:
        return ("，" if lang == "zh" else ", ").join(
            p for p in (publisher, sources[0].title) if p)
    dates = sorted(d.isoformat() for s in sources if (d := s.published_date) is not None)
    span = ""
    if dates:
        span = dates[0] if dates[0] == dates[-1] else (
            f"{dates[0]}至{dates[-1]}" if lang == "zh" else f"{dates[0]} to {dates[-1]}")
    if lang == "zh":
        return f"{publisher}，{len(sources)}期发布" + (f"（{span}）" if span else "")
    return f"{publisher}, {len(sources)} releases" + (f", {span}" if span else "")


def source_labels(store: Store, obs_ids: list[int], lang: str,
                  first_only: bool = False) -> dict[int, str]:
    """Publisher, title and date of the source(s) stating each observation, and the words
    it was stated in (one document may state a figure twice, differently); the earliest
    source only with ``first_only``."""
    labels: dict[int, list[str]] = {}
    for obs_id, provs in store.cited(obs_ids).items():
        lines = labels.setdefault(obs_id, [])
        for prov in provs:
            line = (describe_source(prov.source, lang) if first_only
                    else _stated_line(prov, lang))
            if line not in lines:
                lines.append(line)
            if first_only:
                break
    return {obs_id: "; ".join(lines) for obs_id, lines in labels.items()}


def describe_source(source: Source, lang: str) -> str:
    """Publisher, title and date of a document or dataset; for a computation its method
    version, engine, date and whether its inputs were simulated."""
    if source.kind == "computation":
        return _describe_computation(source, lang)
    date = source.published_date.isoformat() if source.published_date else ""
    title = source.title
    if lang == "zh":
        parts = [p for p in (source.publisher, f"《{title}》" if title else "", date) if p]
        text = "，".join(parts)
    else:
        parts = [p for p in (source.publisher, f"“{title}”" if title else "", date) if p]
        text = ", ".join(parts)
    return text or source.source_id


def _describe_computation(source: Source, lang: str) -> str:
    details = source.details or {}
    when = source.published_date.isoformat() if source.published_date else ""
    facts = [f"{key.replace('_', ' ')} {details[key]}"
             for key in ("method_version", "engine", "input_vintage") if details.get(key)]
    if lang == "zh":
        text = "indmon根据企业月报计算" + (f"（{'，'.join(facts)}）" if facts else "")
        text += f"，{when}" if when else ""
        return text + ("；模拟数据" if source.simulated else "")
    text = "Computed by indmon from enterprise reports"
    text += f" ({', '.join(facts)})" if facts else ""
    text += f", {when}" if when else ""
    return text + ("; simulated data" if source.simulated else "")


def _stated_line(prov: Provenance, lang: str) -> str:
    text = describe_source(prov.source, lang)
    if prov.source.kind != "computation" and prov.mention:
        text += f"；原文“{prov.mention}”" if lang == "zh" else f"; stated as “{prov.mention}”"
    return text


def _source_lines(provenance: dict[int, list[Provenance]], lang: str) -> tuple[str, ...]:
    """Every source once, oldest publication first; documents with their address."""
    sources: dict[str, Source] = {}
    for provs in provenance.values():
        for prov in provs:
            sources.setdefault(prov.source.source_id, prov.source)
    ordered = sorted(sources.values(), key=lambda s: (
        s.published_date is None, s.published_date or s.vintage().date(), s.source_id))
    lines: list[str] = []
    for source in ordered:
        line = describe_source(source, lang)
        if source.kind != "computation" and source.url:
            line += f" {source.url}"
        if line not in lines:
            lines.append(line)
    return tuple(lines)
