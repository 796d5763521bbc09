"""The computation reads and sums only what the indicators asked for need, and the two
ways figures reach the cells (pivoted enterprise-years, joined reports) agree."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from tests.compute.builders import Report, add_prices, add_reports, computed, figures

from indmon.compute.run import INDICATORS, needs_of
from indmon.errors import ConfigError
from indmon.store import Store

HEADLINE = ["va_yoy", "va_ytd_yoy"]


def test_the_headline_reads_value_added_alone() -> None:
    headline = needs_of(HEADLINE)
    assert headline.figures == ("va",) and not headline.joined and not headline.prices
    assert headline.sums == ("n_s", "va_s", "va_s_ly", "n_ytd", "va_ytd", "va_ytd_ly")
    everything = needs_of(list(INDICATORS))
    assert everything.figures == ("va", "out", "rev", "profit")
    assert everything.joined and everything.pivoted == ("profit",) and everything.prices
    # value added at comparable prices needs the price indices but no other figure
    assert not needs_of(["va_real_yoy"]).joined and needs_of(["va_real_yoy"]).prices


def test_an_unknown_indicator_is_refused_with_the_choices(store: Store) -> None:
    add_reports(store, [Report("A", "2023-01", 1.0)])
    with pytest.raises(ConfigError, match=r"no computed indicator.*choose from.*va_yoy"):
        computed(store, indicators=["va_yo"])


def _moving_panel() -> list[Report]:
    """M moves from industry 13 to 36 in March 2023; S stays in 13 throughout."""
    rows = [Report("M", f"2022-0{m}", 100.0, industry="13") for m in (1, 2, 3)]
    rows += [Report("M", "2023-01", 120.0, industry="13"),
             Report("M", "2023-02", 120.0, industry="13"),
             Report("M", "2023-03", 120.0, industry="36")]
    rows += [Report("S", f"{y}-0{m}", 50.0 if y == 2022 else 55.0, industry="13")
             for y in (2022, 2023) for m in (1, 2, 3)]
    return rows


@pytest.mark.parametrize("only", [HEADLINE, None], ids=["pivoted", "joined"])
def test_an_enterprise_that_moves_counts_in_its_latest_cell(
    store: Store, engine: str, only: list[str] | None
) -> None:
    add_reports(store, _moving_panel())
    frame = computed(store, engine, start="2023-01", end="2023-03", indicators=only)
    # every month of M, this year and last, counts in 36, where it reported last
    assert figures(frame, "va_ytd_yoy", industry="36") == pytest.approx(
        {"2023-01": 20.0, "2023-02": 20.0, "2023-03": 20.0})
    assert figures(frame, "va_ytd_yoy", industry="13") == pytest.approx(
        {"2023-01": 10.0, "2023-02": 10.0, "2023-03": 10.0})
    assert figures(frame, "va_yoy", industry="36") == pytest.approx(
        {"2023-02": 20.0, "2023-03": 20.0})
    assert figures(frame, "va_ytd_yoy")["2023-03"] == pytest.approx(
        100 * (3 * 175 / (3 * 150) - 1))


def _random_panel(seed: int = 3) -> list[Report]:
    """Enterprises entering, leaving, skipping months, moving cells, losing money."""
    rng = random.Random(seed)
    reports = []
    for e in range(40):
        industry = rng.choice(["06", "13", "26", "36", "44"])
        province = rng.choice(["110000", "320000", "440000"])
        for year in (2022, 2023):
            if rng.random() < 0.1:
                continue
            for month in range(1, 13):
                if rng.random() < 0.05:
                    industry = rng.choice(["13", "36"])
                if rng.random() < 0.2:
                    continue
                reports.append(Report(f"E{e:02d}", f"{year}-{month:02d}", rng.uniform(10, 200),
                                      industry=industry, province=province,
                                      profit=rng.uniform(-60, 40)))
    return reports


def test_each_indicator_alone_is_as_in_the_full_run(store: Store) -> None:
    add_reports(store, _random_panel())
    add_reports(store, [Report("E03", "2023-05", 77.0, industry="36")], batch="revision")
    add_prices(store, {(ind, f"2023-{m:02d}"): 100 + m for ind in ("13", "36")
                       for m in range(1, 13) if m != 7})
    full = computed(store, start="2023-02", end="2023-11")
    assert set(full.indicator) == set(INDICATORS)
    for only in [[name] for name in INDICATORS] + [HEADLINE]:
        alone = computed(store, start="2023-02", end="2023-11", indicators=only)
        expected = full[full.indicator.isin(only)].reset_index(drop=True)
        assert len(alone) > 0, only
        pd.testing.assert_frame_equal(alone, expected, check_exact=False, rtol=1e-9,
                                      obj=str(only))
