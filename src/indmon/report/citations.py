"""Endnotes and the sources list: where every number in a briefing comes from.

Numbers that share the same provenance (all cells of one computation, say) share one
endnote, so a table of 41 industries cites one note instead of 82.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from indmon.report.model import Note

if TYPE_CHECKING:
    from indmon.report.context import Context
from indmon.store import Store


@dataclass(frozen=True)
class Citations:
    notes: tuple[Note, ...]
    note_of: dict[int, tuple[int, ...]]
    sources: tuple[str, ...]


def cite(store: Store, obs_ids: Iterable[int], lang: str) -> Citations:
    """Number the endnotes in order of first citation and list the sources used."""
    ordered = list(dict.fromkeys(obs_ids))
    if not ordered:
        return Citations((), {}, ())
    rows = _provenance_rows(store, ordered)
    by_obs: dict[int, list[tuple[str, bool]]] = {}
    for row in rows.itertuples(index=False):
        by_obs.setdefault(int(row.obs_id), []).append((_note_line(row, lang), bool(row.simulated)))
    numbers: dict[tuple[str, ...], int] = {}
    notes: list[Note] = []
    note_of: dict[int, tuple[int, ...]] = {}
    for obs_id in ordered:
        lines = tuple(sorted({line for line, _ in by_obs.get(obs_id, [])}))
        if not lines:
            continue
        if lines not in numbers:
            numbers[lines] = len(notes) + 1
            simulated = any(sim for _, sim in by_obs[obs_id])
            notes.append(Note(numbers[lines], lines, simulated))
        note_of[obs_id] = (numbers[lines],)
    return Citations(tuple(notes), note_of, _source_lines(rows, lang))


def chart_source(ctx: Context, obs_ids: list[int]) -> str:
    """The source line printed on a chart: who published the figures drawn, or that
    indmon computed them (and whether from simulated reports)."""
    rows = _provenance_rows(ctx.store, list(dict.fromkeys(obs_ids)))
    names: list[str] = []
    for row in rows.drop_duplicates("source_id").itertuples(index=False):
        if row.kind == "computation":
            name = ctx.word("computation")
            name += f"（{ctx.word('simulated')}）" if ctx.lang == "zh" and row.simulated else (
                f" ({ctx.word('simulated').lower()})" if row.simulated else "")
        else:
            name = ", ".join(p for p in (_text(row.publisher), _text(row.title)) if p)
        if name and name not in names:
            names.append(name)
    return ctx.word("chart_source", sources=("；" if ctx.lang == "zh" else "; ").join(names))


def source_labels(store: Store, obs_ids: list[int], lang: str,
                  first_only: bool = False) -> dict[int, str]:
    """Publisher, title and date of the source(s) stating each observation, and the words
    it was stated in (one document may state a figure twice, differently); the earliest
    source only with ``first_only``."""
    labels: dict[int, list[str]] = {}
    for row in _provenance_rows(store, obs_ids).itertuples(index=False):
        line = (_describe_source(row, lang) if first_only and row.kind != "computation"
                else _note_line(row, lang))
        labels.setdefault(int(row.obs_id), [])
        if first_only and labels[int(row.obs_id)]:
            continue
        if line not in labels[int(row.obs_id)]:
            labels[int(row.obs_id)].append(line)
    return {obs_id: "; ".join(lines) for obs_id, lines in labels.items()}


def _provenance_rows(store: Store, obs_ids: list[int]) -> pd.DataFrame:
    rows: pd.DataFrame = store.query(
        """SELECT p.obs_id, p.mention, s.source_id, s.kind, s.publisher, s.title,
                  s.published, s.url, s.simulated, s.details,
                  CAST(s.added_at AS DATE) AS added
           FROM provenance p JOIN sources s USING (source_id)
           WHERE p.obs_id IN (SELECT unnest(CAST(? AS BIGINT[])))
           ORDER BY s.published, s.source_id""",
        [obs_ids],
    )
    return rows


def _text(value: object) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if hasattr(value, "date") and callable(value.date):
        return str(value.date())
    return str(value)


def _describe_source(row: object, lang: str) -> str:
    """Publisher, title and date of a document or dataset."""
    publisher, title = _text(row.publisher), _text(row.title)  # type: ignore[attr-defined]
    date = _text(row.published)  # type: ignore[attr-defined]
    if lang == "zh":
        parts = [p for p in (publisher, f"《{title}》" if title else "", date) if p]
        text = "，".join(parts)
    else:
        parts = [p for p in (publisher, f"“{title}”" if title else "", date) if p]
        text = ", ".join(parts)
    return text or _text(row.source_id)  # type: ignore[attr-defined]


def _describe_computation(row: object, lang: str) -> str:
    """Method version, engine and date of a computation, and whether it is simulated."""
    details = _details(row.details)  # type: ignore[attr-defined]
    when = _text(row.published) or _text(row.added)  # type: ignore[attr-defined]
    facts = [f"{key.replace('_', ' ')} {details[key]}"
             for key in ("method_version", "engine", "input_vintage") if details.get(key)]
    simulated = bool(row.simulated)  # type: ignore[attr-defined]
    if lang == "zh":
        text = "indmon根据企业月报计算" + (f"（{'，'.join(facts)}）" if facts else "")
        text += f"，{when}" if when else ""
        return text + ("；模拟数据" if simulated else "")
    text = "Computed by indmon from enterprise reports"
    text += f" ({', '.join(facts)})" if facts else ""
    text += f", {when}" if when else ""
    return text + ("; simulated data" if simulated else "")


def _details(raw: object) -> dict[str, object]:
    if isinstance(raw, dict):
        return raw
    try:
        loaded = json.loads(str(raw)) if raw else {}
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _note_line(row: object, lang: str) -> str:
    if row.kind == "computation":  # type: ignore[attr-defined]
        return _describe_computation(row, lang)
    text = _describe_source(row, lang)
    mention = _text(row.mention)  # type: ignore[attr-defined]
    if mention:
        text += f"；原文“{mention}”" if lang == "zh" else f"; stated as “{mention}”"
    return text


def _source_lines(rows: pd.DataFrame, lang: str) -> tuple[str, ...]:
    lines: list[str] = []
    for row in rows.drop_duplicates("source_id").itertuples(index=False):
        if row.kind == "computation":
            line = _describe_computation(row, lang)
        else:
            line = _describe_source(row, lang)
            url = _text(row.url)
            line += f" {url}" if url else ""
        if line not in lines:
            lines.append(line)
    return tuple(lines)
