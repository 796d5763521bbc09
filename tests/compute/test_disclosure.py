"""Statistical disclosure control: primary and complementary suppression, and how the
store withholds suppressed values from readers without clearance."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.compute.builders import Report, add_reports

from indmon.catalogue import ALL, Catalogue
from indmon.compute import run_compute
from indmon.compute.disclosure import (
    COUNTS_OF_CELLS,
    REASON_COMPLEMENTARY,
    REASON_DOMINATED,
    DisclosureRule,
    _magnitude_names,
    decide,
    lone_suppressed,
    rolled_up,
)
from indmon.errors import ConfigError
from indmon.store import Clearance, Store

BEIJING, TIANJIN = "110000", "120000"


def firms(prefix: str, count: int, industry: str, province: str, va: float = 100.0,
          months: tuple[str, ...] = ("2022-01", "2022-02", "2023-01", "2023-02"),
          ) -> list[Report]:
    return [Report(f"{prefix}{i}", m, va, industry=industry, province=province)
            for i in range(count) for m in months]


@pytest.fixture
def reported(store: Store) -> Store:
    """Beijing: one enterprise in division 13 and 5 + 4 equal ones in 14 and 15 (all
    manufacturing); Tianjin: 5 in 13, 5 in 14, and in 17 one giant beside three small."""
    reports = [
        *firms("bj13-", 1, "13", BEIJING),
        *firms("bj14-", 5, "14", BEIJING),
        *firms("bj15-", 4, "15", BEIJING, va=90.0),
        *firms("tj13-", 5, "13", TIANJIN),
        *firms("tj14-", 5, "14", TIANJIN),
        *firms("tj17-", 3, "17", TIANJIN, va=10.0),
        *firms("tj17-big", 1, "17", TIANJIN, va=1000.0),
    ]
    add_reports(store, reports)
    run_compute(store, start="2023-01", end="2023-02")
    return store


def decisions(store: Store, period: str = "2023-02") -> dict[tuple[str, str], str]:
    frame = store.disclosure(period)
    return {(r.industry, r.province): r.status for r in frame.itertuples()}


def test_cells_with_few_enterprises_or_one_giant_are_suppressed(reported: Store) -> None:
    decided = decisions(reported)
    assert decided[("13", BEIJING)] == "primary"
    assert decided[("17", TIANJIN)] == "primary"
    frame = reported.disclosure("2023-02").set_index(["industry", "province"])
    assert frame.loc[("17", TIANJIN), "reason"] == REASON_DOMINATED
    assert frame.loc[("13", BEIJING), "reason"] == "fewer than 3 enterprises"
    assert frame.loc[("13", BEIJING), "enterprises"] == 1
    assert ("14", TIANJIN) not in decided and ("14", BEIJING) not in decided


def test_a_total_minus_its_published_parts_reveals_no_suppressed_cell(
        reported: Store) -> None:
    decided = decisions(reported)
    # Beijing's manufacturing minus 14 would give 13: the smaller of 14 and 15 goes too
    assert decided[("15", BEIJING)] == "complementary"
    # division 13 in the country minus Tianjin would give Beijing
    assert decided[("13", TIANJIN)] == "complementary"
    cells = reported.observations("enterprises", period="2023-02")
    present = set(zip(cells.industry, cells.province, strict=True))
    assert lone_suppressed(present, set(decided), Catalogue.load()) == []
    reasons = reported.disclosure("2023-02").set_index(["industry", "province"])["reason"]
    assert reasons[("15", BEIJING)] == REASON_COMPLEMENTARY


def test_the_check_finds_a_lone_suppressed_part() -> None:
    present = {("13", BEIJING), ("14", BEIJING), ("C", BEIJING)}
    assert lone_suppressed(present, {("13", BEIJING)}, Catalogue.load()) == [
        (("C", BEIJING), ("13", BEIJING))]


def test_readers_without_clearance_get_no_value_and_the_reason(reported: Store) -> None:
    public = reported.figures("va_ytd_yoy", period="2023-02", industry="13",
                              province=BEIJING, clearance=Clearance.public())
    assert public and all(o.withheld and math.isnan(o.value) and o.n is None
                          for o in public)
    assert public[0].suppressed == "fewer than 3 enterprises"
    assert public[0].as_dict()["value"] is None
    owner = reported.figures("va_ytd_yoy", period="2023-02", industry="13", province=BEIJING)
    assert owner and not owner[0].withheld and owner[0].confidential
    scoped = reported.figures("va_ytd_yoy", period="2023-02", industry="13",
                              province=BEIJING, clearance=Clearance.of_provinces([BEIJING]))
    assert not scoped[0].withheld
    other = reported.figures("va_ytd_yoy", period="2023-02", industry="13",
                             province=BEIJING, clearance=Clearance.of_provinces([TIANJIN]))
    assert other[0].withheld
    # a national figure is never within a province's clearance
    assert Clearance.of_provinces([BEIJING]).sees(ALL) is False
    shown = reported.figures("va_ytd_yoy", period="2023-02", industry="14", province=TIANJIN,
                             clearance=Clearance.public())
    assert shown and not shown[0].withheld and shown[0].suppressed is None


def test_provenance_of_a_suppressed_cell_withholds_every_vintage(reported: Store) -> None:
    obs = reported.figures("va_ytd_yoy", period="2023-02", industry="13", province=BEIJING)[0]
    record = reported.provenance(obs.obs_id, Clearance.public()).as_dict()
    assert record["value"] is None and record["suppressed"]
    assert all(v["value"] is None for v in record["vintages"])
    assert reported.provenance(obs.obs_id).as_dict()["value"] == obs.value


def test_value_is_none_for_a_reader_without_clearance(reported: Store) -> None:
    assert reported.value("enterprises", "2023-02", "13", BEIJING,
                          clearance=Clearance.public()) is None
    assert reported.value("enterprises", "2023-02", "13", BEIJING) == 1


def test_a_new_run_replaces_the_decisions_of_its_months(reported: Store) -> None:
    add_reports(reported, firms("bj13-more", 4, "13", BEIJING))
    run_compute(reported, start="2023-01", end="2023-02")
    # five enterprises now: no longer primary (it may still cover another cell)
    assert decisions(reported).get(("13", BEIJING)) != "primary"
    assert reported.disclosure("2023-02").set_index(["industry", "province"]).loc[
        ("13", BEIJING), "enterprises"] == 5 or ("13", BEIJING) not in decisions(reported)


def test_thresholds_are_configurable(store: Store) -> None:
    add_reports(store, firms("a", 3, "13", BEIJING) + firms("b", 5, "14", BEIJING))
    run_compute(store, start="2023-02", end="2023-02",
                disclosure=DisclosureRule(min_enterprises=4))
    assert decisions(store)[("13", BEIJING)] == "primary"
    run_compute(store, start="2023-02", end="2023-02",
                disclosure=DisclosureRule(min_enterprises=0, one_share=1, two_share=1))
    assert decisions(store) == {}


def test_bad_thresholds_say_what_to_give() -> None:
    with pytest.raises(ConfigError, match="not in"):
        DisclosureRule(one_share=1.5)
    with pytest.raises(ConfigError, match="negative"):
        DisclosureRule(min_enterprises=-1)


def test_a_division_alone_in_its_sector_takes_the_sector_with_it() -> None:
    # Beijing's mining is division 06 only: suppressing 06 must suppress B too, and so on
    names = ["revenue", "value_added", "profit"]
    rows = []
    for industry, n in (("06", 1), ("13", 5), ("14", 5)):
        row: dict[str, object] = {"industry": industry, "province": BEIJING,
                                  "period": "2023-02", "enterprises": n}
        for m in names:
            for w in ("m", "y"):
                row[f"{m}_{w}_total"] = 100.0 * n
                row[f"{m}_{w}_top1"] = 100.0
                row[f"{m}_{w}_top2"] = 200.0 if n > 1 else 100.0
        rows.append(row)
    decided = decide(pd.DataFrame(rows))
    status = {(r.industry, r.province): r.status for r in decided.itertuples()}
    assert status[("06", BEIJING)] == "primary"
    assert status[("B", BEIJING)] in ("primary", "complementary")
    present = {(str(r["industry"]), BEIJING) for r in rows} | {
        (s, p) for s in ("B", "C", ALL) for p in (BEIJING, ALL)} | {
        (i, ALL) for i in ("06", "13", "14")}
    assert lone_suppressed(present, set(status), Catalogue.load()) == []


def test_no_published_cell_or_margin_difference_reveals_one_enterprise(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    """On a simulated panel (skewed sizes, many small cells), in every computed month:
    every published cell has at least 3 enterprises and no dominant one, and no total
    minus its published parts isolates a suppressed cell."""
    from indmon.demo.panel import generate_panel
    from indmon.intake import import_reports

    panel = generate_panel(tmp_path_factory.mktemp("panel"), enterprises=800,
                           start="2022-01", end="2023-06")
    with Store.open(tmp_path_factory.mktemp("store") / "s.duckdb") as store:
        import_reports(store, panel.reports,
                       simulated=True)
        run_compute(store, start="2023-01", end="2023-06")
        rule = DisclosureRule()
        catalogue = Catalogue.load()
        decided = store.disclosure()
        assert len(decided) > 0
        figures = store.observations(origin="simulated")
        for period, month in figures.groupby("period"):
            present = set(zip(month.industry, month.province, strict=True))
            hidden = {(r.industry, r.province) for r in
                      decided[decided.period == period].itertuples()}
            assert lone_suppressed(present, hidden, catalogue) == [], period
            counts = month[month.indicator == "enterprises"]
            shown = counts[[(i, p) not in hidden for i, p in
                            zip(counts.industry, counts.province, strict=True)]]
            assert (shown["value"] >= rule.min_enterprises).all(), period
            thin = month[(month.n > 0) & (month.n < rule.min_enterprises)
                         & ~month.indicator.isin(COUNTS_OF_CELLS)]
            assert all((i, p) in hidden for i, p in
                       zip(thin.industry, thin.province, strict=True)), period
        public = store.observations(origin="simulated", clearance=Clearance.public())
        withheld = public[public["withheld"]]
        assert withheld["value"].isna().all() and withheld["suppressed"].notna().all()
        cells = set(zip(decided.period, decided.industry, decided.province, strict=True))
        assert len(withheld) == sum((r.period, r.industry, r.province) in cells
                                    for r in figures.itertuples())


def test_both_engines_take_the_same_decisions(store: Store, engine: str) -> None:
    add_reports(store, [*firms("a", 1, "13", BEIJING), *firms("b", 5, "14", BEIJING),
                        *firms("c", 4, "15", BEIJING, va=90.0),
                        *firms("d", 3, "17", TIANJIN, va=10.0),
                        *firms("e", 1, "17", TIANJIN, va=1000.0)])
    run_compute(store, engine=engine, start="2023-01", end="2023-02")
    # Tianjin's 17, its manufacturing and its whole are dominated by the one giant, and
    # so is the country; the national 13 is Beijing's one enterprise and 15 goes with it
    assert decisions(store) == {
        ("13", BEIJING): "primary", ("15", BEIJING): "complementary",
        ("13", ALL): "primary", ("15", ALL): "complementary",
        ("17", TIANJIN): "primary", ("17", ALL): "primary", ("C", TIANJIN): "primary",
        (ALL, TIANJIN): "primary", ("C", ALL): "primary", (ALL, ALL): "primary"}


_SIZES = st.lists(st.sampled_from([0.0, 1.0, 2.5, 7.0, 7.0]), min_size=1, max_size=4)


@settings(max_examples=40, deadline=None)
@given(cells=st.lists(st.tuples(st.sampled_from(["13", "14", "17"]),
                                st.sampled_from([BEIJING, TIANJIN]), _SIZES),
                      min_size=1, max_size=6, unique_by=lambda c: (c[0], c[1])))
def test_a_total_holds_the_two_largest_enterprises_of_its_parts(
        cells: list[tuple[str, str, list[float]]]) -> None:
    # the fine cells as fine_cells gives them, from each cell's enterprises; every rolled
    # up cell must name the largest and the two largest enterprises of all it covers
    names = _magnitude_names()
    fine = pd.DataFrame([
        {"period": "2023-02", "industry": ind, "province": prov, "enterprises": len(sizes),
         **{f"{c}_{k}": v for c in names for k, v in (
             ("total", sum(sizes)), ("top1", max(sizes)),
             ("top2", sum(sorted(sizes, reverse=True)[:2])))}}
        for ind, prov, sizes in cells])
    catalogue = Catalogue.load()
    rolled = rolled_up(fine, catalogue)
    sector_of = {c: i.sector for c, i in catalogue.industries.items()}
    for row in rolled.itertuples():
        covered = sorted((s for ind, prov, sizes in cells for s in sizes
                          if row.industry in (ind, sector_of[ind], ALL)
                          and row.province in (prov, ALL)), reverse=True)
        assert row.revenue_y_top1 == covered[0]
        assert row.revenue_y_top2 == covered[0] + (covered[1] if len(covered) > 1 else 0.0)
