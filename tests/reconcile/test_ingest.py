"""Ingesting releases: sources by content, one observation per figure, revisions and
conflicts, refused dates and addresses, idempotence, and the facts table."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from indmon.errors import ConfigError
from indmon.extract.facts import Fact
from indmon.reconcile.facts import search_facts
from indmon.reconcile.ingest import (
    IngestError,
    IngestSummary,
    as_observation,
    first_line,
    ingest_documents,
    ingest_facts,
    release_source,
)
from indmon.store import Source, Store, content_hash, document_id

VA = "value added of industrial enterprises above designated size"
# Texts written for these tests: two different notes that happen to share a file name.
FIRST = """Industry note, 2024-01-19

In 2023, the value added of industrial enterprises above designated size grew by 4.6% year \
on year.
"""
SECOND = """Industry note, 2024-03-01

In 2023, the value added of industrial enterprises above designated size grew by 4.8% year \
on year. China had 3.38 million 5G base stations at the end of 2023.
"""
UNDATED = """Industry note

In 2023, the value added of industrial enterprises above designated size grew by 4.6% year \
on year.
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "store.duckdb") as s:
        yield s


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def source(doc: str, published: str = "2024-01-19", publisher: str = "Test Ministry") -> Source:
    return release_source(doc, f"Briefing {doc}", publisher=publisher, published=published)


def growth(doc: str, value: float, *, start: int = 10, period: str = "2023",
           subject: str = VA) -> Fact:
    mention = f"{value}%"
    return Fact(doc, start, start + len(mention), mention, value, "percent", "growth_yoy",
                subject, period, "CN")


def unmapped(doc: str) -> Fact:
    return Fact(doc, 50, 57, "6.55 million", 6.55e6, "count", "level",
                "passengers carried by a regional jet", "2023-Q1", "CN")


def cited_ids(store: Store, indicator: str, **cell: str) -> list[set[str]]:
    """The source ids behind each current figure of an indicator, in value order."""
    figures = sorted(store.figures(indicator, **cell), key=lambda o: o.value)
    cited = store.cited([o.obs_id for o in figures])
    return [{p.source.source_id for p in cited[o.obs_id]} for o in figures]


# -- facts found some other way ------------------------------------------------------------
def test_the_same_figure_from_three_documents_is_one_observation(store: Store) -> None:
    for doc in ("report-a", "report-b", "transcript"):
        ingest_facts(store, [growth(doc, 4.6)], source(doc))
    frame = store.observations("va_ytd_yoy")
    assert frame["value"].tolist() == [4.6]
    assert frame["sources"].tolist() == ["report-a;report-b;transcript"]
    cited = store.provenance(int(frame["obs_id"].iloc[0])).sources
    assert {(c.source.source_id, c.mention, c.subject) for c in cited} == {
        (doc, "4.6%", VA) for doc in ("report-a", "report-b", "transcript")
    }


def test_two_publishers_that_differ_are_a_conflict(store: Store) -> None:
    ingest_facts(store, [growth("report-a", 4.6)], source("report-a"))
    result = ingest_facts(store, [growth("report-b", 4.7)],
                          source("report-b", "2024-01-20", publisher="A news agency"))
    assert result.conflicts == 1
    conflicts = store.conflicts()
    assert sorted(zip(conflicts["value"], conflicts["source_id"], strict=True)) == [
        (4.6, "report-a"), (4.7, "report-b")]
    assert set(conflicts["title"]) == {"Briefing report-a", "Briefing report-b"}


def test_a_later_release_by_the_same_publisher_is_a_revision(store: Store) -> None:
    ingest_facts(store, [growth("report-a", 4.6)], source("report-a"))
    result = ingest_facts(store, [growth("report-b", 4.7)], source("report-b", "2024-02-20"))
    assert (result.revised, result.conflicts) == (1, 0)
    assert store.conflicts().empty
    assert store.value("va_ytd_yoy", "2023", as_of="2024-02-01") == 4.6
    assert store.value("va_ytd_yoy", "2023") == 4.7
    (current,) = store.figures("va_ytd_yoy")
    assert [v.value for v in store.provenance(current.obs_id).vintages] == [4.6, 4.7]


def test_a_final_release_revises_the_preliminary_figure(store: Store) -> None:
    ingest_facts(store, [growth("flash", 4.6)], source("flash", publisher="Bureau"))
    final = release_source("final", "Final figures", publisher="Another office",
                           published="2024-03-01", release_type="final")
    assert final.revises
    result = ingest_facts(store, [growth("final", 4.5)], final)
    assert (result.revised, result.conflicts) == (1, 0)
    assert store.value("va_ytd_yoy", "2023") == 4.5


def test_ingesting_again_changes_nothing(store: Store) -> None:
    facts = [growth("report-a", 4.6), growth("report-a", 3.6, start=40, period="2022"),
             unmapped("report-a")]
    first = ingest_facts(store, facts, source("report-a"))
    before = (store.counts(), len(search_facts(store)))
    again = ingest_facts(store, facts, source("report-a"))
    after = (store.counts(), len(search_facts(store)))
    assert (first.added, again.added, again.conflicts) == (2, 0, 0)
    assert before == after


def test_facts_without_an_indicator_are_kept_and_searchable(store: Store) -> None:
    ingest_facts(store, [growth("report-a", 4.6), unmapped("report-a")], source("report-a"))
    rows = search_facts(store)[["doc", "start", "end", "mention", "value", "indicator"]]
    assert rows.astype(object).where(rows.notna(), None).values.tolist() == [
        ["report-a", 10, 14, "4.6%", 4.6, "va_ytd_yoy"],
        ["report-a", 50, 57, "6.55 million", 6.55e6, None]]
    assert store.counts()["observations"] == 1


def test_facts_are_kept_under_the_source_id(store: Store) -> None:
    ingest_facts(store, [growth("whatever-the-fact-said", 4.6)], source("report-a"))
    assert search_facts(store)["doc"].tolist() == ["report-a"]


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
        "doc", "file", "published", "facts", "mapped", "added", "merged", "revised",
        "conflicts"]
    assert first_line("\n\n  Industry in 2023  \nbody") == "Industry in 2023"


# -- documents: sources by content --------------------------------------------------------
def test_a_document_is_cited_by_its_content(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "note.txt", FIRST)
    (done,) = ingest_documents(store, [path], publisher="Test Ministry").documents
    assert done.doc == document_id("note", FIRST) == f"note@{content_hash(FIRST)[:16]}"
    stored = store.source(done.doc)
    assert (stored.content_hash, stored.file, stored.publisher) == (
        content_hash(FIRST), "note.txt", "Test Ministry")
    assert stored.published_date is not None and stored.published_date.isoformat() == (
        "2024-01-19")
    assert set(search_facts(store)["doc"]) == {done.doc}
    assert cited_ids(store, "va_ytd_yoy") == [{done.doc}]


def test_two_different_files_with_one_name_keep_their_own_citations(
    store: Store, tmp_path: Path,
) -> None:
    first = ingest_documents(store, [write(tmp_path / "a", "note.txt", FIRST)],
                             publisher="Test Ministry").documents[0]
    second = ingest_documents(store, [write(tmp_path / "b", "note.txt", SECOND)],
                              publisher="A news agency").documents[0]
    assert first.doc != second.doc and second.doc.startswith("note@")
    assert second.result.conflicts == 1
    assert cited_ids(store, "va_ytd_yoy") == [{first.doc}, {second.doc}]
    assert cited_ids(store, "g5_base_stations") == [{second.doc}]
    facts = search_facts(store)
    assert set(facts[facts["doc"] == first.doc]["mention"]) == {"4.6%"}
    assert "3.38 million" in set(facts[facts["doc"] == second.doc]["mention"])
    assert {s.file for s in (store.source(first.doc), store.source(second.doc))} == {
        "note.txt"}


def test_the_same_content_under_another_name_changes_nothing(
    store: Store, tmp_path: Path,
) -> None:
    ingest_documents(store, [write(tmp_path, "note.txt", FIRST)], publisher="Test Ministry")
    before = (store.counts(), search_facts(store))
    (again,) = ingest_documents(store, [write(tmp_path, "copy-of-note.txt", FIRST)]).documents
    assert again.known and again.doc.startswith("note@")
    assert (again.result.added, again.result.conflicts) == (0, 0)
    after = (store.counts(), search_facts(store))
    assert after[0] == before[0] and after[1].equals(before[1])


def test_the_same_text_from_another_publisher_is_another_source(
    store: Store, tmp_path: Path,
) -> None:
    path = write(tmp_path, "note.txt", FIRST)
    first = ingest_documents(store, [path], publisher="Test Ministry").documents[0]
    reprint = ingest_documents(store, [path], publisher="A news agency").documents[0]
    assert reprint.doc != first.doc and not reprint.known
    assert (reprint.result.merged, reprint.result.conflicts) == (1, 0)
    assert cited_ids(store, "va_ytd_yoy") == [{first.doc, reprint.doc}]
    assert store.source(reprint.doc).publisher == "A news agency"


# -- documents: dates, addresses, release types -------------------------------------------
def test_a_text_without_a_readable_date_is_refused(store: Store, tmp_path: Path) -> None:
    dated = write(tmp_path, "a-dated.txt", FIRST)
    undated = write(tmp_path, "b-undated.txt", UNDATED)
    with pytest.raises(IngestError, match=r"b-undated\.txt.*--published") as caught:
        ingest_documents(store, [dated, undated])
    assert caught.value.field == "published"
    assert [Path(d.file).name for d in caught.value.ingested.documents] == ["a-dated.txt"]
    assert "a-dated.txt" in str(caught.value)
    assert {s.file for s in (store.source(i) for i in store.sources()["source_id"])} == {
        "a-dated.txt"}
    assert set(search_facts(store)["doc"]) == {caught.value.ingested.documents[0].doc}


def test_a_given_date_lets_an_undated_text_in(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "undated.txt", UNDATED)
    (done,) = ingest_documents(store, [path], published="2024-01-22").documents
    assert done.published == "2024-01-22"
    assert store.value("va_ytd_yoy", "2023", as_of="2024-01-21") is None
    assert store.value("va_ytd_yoy", "2023", as_of="2024-01-22") == 4.6


@pytest.mark.parametrize(("option", "value", "message"), [
    ("url", "ftp://example.org/note.txt", "not an http"),
    ("url", "javascript:alert(1)", "not an http"),
    ("url", "www.miit.gov.cn/note", "not an http"),
    ("published", "19/01/2024", "not a date like 2024-01-19"),
    ("release_type", "draft", "not one of preliminary, final"),
])
def test_bad_options_are_refused_before_anything_is_ingested(
    store: Store, tmp_path: Path, option: str, value: str, message: str,
) -> None:
    path = write(tmp_path, "note.txt", FIRST)
    with pytest.raises(ConfigError, match=message):
        ingest_documents(store, [path], **{option: value})
    assert store.counts()["sources"] == 0


def test_an_http_address_and_a_release_type_are_kept(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "note.txt", FIRST)
    (done,) = ingest_documents(store, [path], url="https://www.example.org/note",
                               release_type="preliminary").documents
    stored = store.source(done.doc)
    assert (stored.url, stored.release_type) == ("https://www.example.org/note",
                                                 "preliminary")
