"""The bundled history: every shipped figure meets the confirmation rule and is cited, and
the coverage section of docs/published-figures.md is what the data says."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from indmon.catalogue import Catalogue
from indmon.catalogue.published import (
    CONFIRMED,
    COVERAGE_PAGE,
    HistoryCopy,
    coverage_page,
    history_copies,
    history_figures,
    history_releases,
)
from indmon.reconcile.history import CopyFigure, agree, decimals_of, independent_copies, is_official
from indmon.store.periods import Period


def _copies_by_figure() -> dict[tuple[str, str, str, str], list[HistoryCopy]]:
    found: dict[tuple[str, str, str, str], list[HistoryCopy]] = defaultdict(list)
    for copy in history_copies():
        found[(copy.source_id, copy.indicator, copy.period, copy.industry)].append(copy)
    return found


def test_every_shipped_figure_meets_the_confirmation_rule() -> None:
    copies = _copies_by_figure()
    figures = history_figures()
    assert figures, "the history ships no figure"
    for fig in figures:
        seen = copies[(fig.source_id, fig.indicator, fig.period, fig.industry)]
        stated = CopyFigure(fig.indicator, fig.period, fig.industry, fig.value, fig.unit, "",
                            "", seen[0].mention if seen else "", 9)
        agreeing = [c for c in seen if agree(stated, CopyFigure(
            c.indicator, c.period, c.industry, c.value, fig.unit, "", c.url, c.mention,
            decimals_of(c.mention)))]
        where = f"{fig.indicator} {fig.period} {fig.industry}"
        assert fig.status in CONFIRMED, where
        if fig.status == "confirmed_official":
            assert any(is_official(c.url) and c.official for c in agreeing), where
        else:
            assert independent_copies(c.url for c in agreeing) >= 2, where


def test_every_figure_is_cited_to_its_publisher_and_date_with_a_copy_address() -> None:
    releases = {r.source_id: r for r in history_releases()}
    copies = _copies_by_figure()
    for fig in history_figures():
        release = releases[fig.source_id]
        assert release.publisher and release.title
        assert dt.date.fromisoformat(release.published) >= dt.date.fromisoformat(
            f"{release.period}-01"), release.source_id
        assert release.date_basis in ("stated", "copy", "schedule")
        assert release.release_type in ("preliminary", "final")
        urls = [c.url for c in copies[(fig.source_id, fig.indicator, fig.period, fig.industry)]]
        assert urls and all(u.startswith(("http://", "https://")) for u in urls)


def test_figures_fit_the_catalogue_and_ship_no_page_text() -> None:
    catalogue = Catalogue.load()
    for fig in history_figures() + history_figures(confirmed=False):
        assert catalogue.indicator(fig.indicator).unit == fig.unit
        Period.parse(fig.period)
        assert fig.period >= "2014"
    assert max(len(c.mention) for c in history_copies()) <= 30  # mentions, never sentences


def test_a_release_per_family_and_month_and_figures_unique_per_release() -> None:
    keys = [(f.source_id, f.indicator, f.period, f.industry) for f in history_figures()]
    assert len(keys) == len(set(keys))
    assert all(r.source_id.endswith(r.period) for r in history_releases())


def test_the_coverage_page_is_up_to_date() -> None:
    current = COVERAGE_PAGE.read_text(encoding="utf-8")
    assert coverage_page(current) == current, (
        "docs/published-figures.md is stale: run python3 scripts/history/build.py PAGES or "
        "python3 -c 'from indmon.catalogue.published import write_coverage_page as w; w()'")
