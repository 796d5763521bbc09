"""Source lines of charts: a publisher's releases counted, each cited by its note."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indmon.catalogue import Catalogue
from indmon.report.briefing import build_briefing
from indmon.report.card import build_card
from indmon.report.citations import chart_source
from indmon.report.context import Context
from indmon.report.words import words_for
from indmon.store import NewObservation, Source, Store


def monthly_release(month: int) -> Source:
    return Source(f"pmi-2023-{month:02d}", kind="release", publisher="Test bureau",
                  title=f"Purchasing managers' index, month {month} of 2023",
                  published=f"2023-{month:02d}-28", lang="en")


@pytest.fixture
def monthly_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "monthly.duckdb") as store:
        yield _with_releases(store)


def _with_releases(store: Store) -> Store:
    for month in range(1, 13):
        store.record([NewObservation("pmi_manufacturing", f"2023-{month:02d}",
                                     49 + month / 10, "index", mention=f"{49 + month / 10}%")],
                     monthly_release(month))
    store.record([NewObservation("va_ytd_yoy", "2023", 4.6, "percent", mention="4.6%")],
                 Source("annual", kind="release", publisher="Other office",
                        title="Industry in 2023", published="2024-01-19", lang="en"))
    return store


def source_line(store: Store, lang: str, indicators: tuple[str, ...]) -> str:
    card = build_card(store, "2023")
    ctx = Context(store, Catalogue.load(), card, lang, words_for(lang))
    ids = [f.obs_id for f in store.figures(list(indicators))]
    return chart_source(ctx, ids)


def test_a_publishers_releases_are_counted_with_their_dates(monthly_store: Store) -> None:
    line = source_line(monthly_store, "en", ("pmi_manufacturing", "va_ytd_yoy"))
    assert line == ("Source: Test bureau, 12 releases, 2023-01-28 to 2023-12-28; "
                    "Other office, Industry in 2023")
    zh = source_line(monthly_store, "zh", ("pmi_manufacturing",))
    assert zh == "资料来源：Test bureau，12期发布（2023-01-28至2023-12-28）"


def test_one_release_is_named_by_its_title(monthly_store: Store) -> None:
    assert source_line(monthly_store, "en", ("va_ytd_yoy",)) == (
        "Source: Other office, Industry in 2023")


def test_each_counted_release_keeps_its_note(monthly_store: Store) -> None:
    briefing = build_briefing(monthly_store, "2023", "en")
    chart = next(c for s in briefing.sections for c in s.charts
                 if "12 releases" in c.source_line)
    cited = {briefing.notes[n - 1].lines[0] for n in briefing.notes_for(chart)}
    assert len(cited) == 12
    assert all("Test bureau" in line and "2023-" in line for line in cited)
