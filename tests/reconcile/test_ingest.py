"""Ingesting facts: one observation per figure, several sources, conflicts, idempotence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from indmon.extract.facts import Fact
from indmon.reconcile.ingest import (
    IngestSummary,
    as_observation,
    first_line,
    ingest_facts,
    release_source,
)
from indmon.store import Source, Store

VA = "value added of industrial enterprises above designated size"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.duckdb") as s:
        yield s


def source(doc: str, published: str = "2024-01-19") -> Source:
    return release_source(doc, f"Briefing {doc}", publisher="Test Ministry", published=published)


def growth(doc: str, value: float, *, start: int = 10, period: str = "2023",
           subject: str = VA) -> Fact:
    mention = f"{value}%"
    return Fact(doc, start, start + len(mention), mention, value, "percent", "growth_yoy",
                subject, period, "CN")


def unmapped(doc: str) -> Fact:
    return Fact(doc, 50, 57, "6.55 million", 6.55e6, "count", "level",
                "passengers carried by a regional jet", "2023-Q1", "CN")


def test_the_same_figure_from_three_documents_is_one_observation(store: Store) -> None:
    for doc in ("report-a", "report-b", "transcript"):
        ingest_facts(store, [growth(doc, 4.6)], source(doc))
    frame = store.observations("va_ytd_yoy")
    assert frame["value"].tolist() == [4.6]
    assert frame["sources"].tolist() == ["report-a;report-b;transcript"]
    cited = store.provenance(int(frame["obs_id"].iloc[0]))["sources"]
    assert {(c["source_id"], c["mention"], c["subject"]) for c in cited} == {
        (doc, "4.6%", VA) for doc in ("report-a", "report-b", "transcript")
    }


def test_a_differing_figure_is_flagged_as_a_conflict(store: Store) -> None:
    ingest_facts(store, [growth("report-a", 4.6)], source("report-a"))
    result = ingest_facts(store, [growth("report-b", 4.7)], source("report-b", "2024-01-20"))
    assert result.conflicts == 1
    conflicts = store.conflicts()
    assert sorted(zip(conflicts["value"], conflicts["source_id"], strict=True)) == [
        (4.6, "report-a"), (4.7, "report-b")]
    assert set(conflicts["title"]) == {"Briefing report-a", "Briefing report-b"}


def test_ingesting_again_changes_nothing(store: Store) -> None:
    facts = [growth("report-a", 4.6), growth("report-a", 3.6, start=40, period="2022"),
             unmapped("report-a")]
    first = ingest_facts(store, facts, source("report-a"))
    before = (store.counts(), store.query("SELECT count(*) AS n FROM facts")["n"].item())
    again = ingest_facts(store, facts, source("report-a"))
    after = (store.counts(), store.query("SELECT count(*) AS n FROM facts")["n"].item())
    assert (first.added, again.added, again.conflicts) == (2, 0, 0)
    assert before == after


def test_facts_without_an_indicator_are_kept_and_searchable(store: Store) -> None:
    ingest_facts(store, [growth("report-a", 4.6), unmapped("report-a")], source("report-a"))
    rows = store.con.execute(
        'SELECT doc, "start", "end", mention, value, indicator FROM facts ORDER BY "start"'
    ).fetchall()
    assert rows == [("report-a", 10, 14, "4.6%", 4.6, "va_ytd_yoy"),
                    ("report-a", 50, 57, "6.55 million", 6.55e6, None)]
    assert store.counts()["observations"] == 1


def test_a_mapped_fact_keeps_its_span_as_provenance() -> None:
    obs = as_observation(replace(growth("report-a", 4.6), indicator="va_ytd_yoy"))
    assert (obs.span, obs.mention, obs.subject) == ((10, 14), "4.6%", VA)
    with pytest.raises(ValueError, match="not mapped"):
        as_observation(unmapped("report-a"))


def test_the_vintage_is_the_publication_date(store: Store) -> None:
    ingest_facts(store, [growth("report-a", 4.6)], source("report-a", "2024-01-19"))
    assert store.value("va_ytd_yoy", "2023", as_of="2024-01-18") is None
    assert store.value("va_ytd_yoy", "2023", as_of="2024-01-19") == 4.6


def test_summary_totals_and_title_defaults() -> None:
    assert IngestSummary(()).frame().columns.tolist() == [
        "doc", "published", "facts", "mapped", "added", "merged", "conflicts"]
    assert first_line("\n\n  Industry in 2023  \nbody") == "Industry in 2023"
