"""Statistical disclosure control: which computed cells must not be published.

A statistics bureau does not publish a cell that would let a reader learn one
enterprise's figures. Following its practice, a cell (industry, province, month) is

- **primary** suppressed when fewer than ``min_enterprises`` (3) enterprises report in
  it, when a figure of it rests on fewer than that many (a comparable sample), or when
  it is dominated: the largest enterprise holds more than ``one_share`` (50%), or the
  two largest more than ``two_share`` (75%), of the cell's revenue, value added or
  (absolute) profit, in the month or the year to date;
- **complementary** suppressed so that no total minus its published parts reveals a
  suppressed cell: in every group of cells that add up to a published total (the
  divisions of a sector in a province, the sectors of a province, the provinces of an
  industry) either none or at least two are suppressed. The published part with the
  smallest revenue is suppressed beside a lone suppressed one (least information lost);
  where there is none, the total itself.

Decisions are taken per month from the current reports (one definition on DuckDB and
Spark: the sums per fine cell are Ibis expressions; the hierarchy is a small table of a
few thousand rows, worked through in Python). The store keeps them
(:meth:`indmon.store.Store.replace_disclosure`) and withholds suppressed values from
readers without clearance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from indmon.catalogue import ALL, Catalogue
from indmon.errors import ConfigError

#: report figures whose concentration makes a cell dominated (absolute values: a large
#: loss dominates a cell's profit as much as a large profit)
MEASURES = ("revenue", "value_added")
#: indicators whose ``n`` counts cells (industries, provinces), not enterprises
COUNTS_OF_CELLS = ("industries_growing_ytd", "provinces_faster_ytd")
REASON_FEW = "fewer than {n} enterprises"
REASON_FEW_SAMPLE = "a figure rests on fewer than {n} enterprises"
REASON_DOMINATED = "dominated by one or two enterprises"
REASON_COMPLEMENTARY = "suppressed so that totals do not reveal a suppressed cell"


@dataclass(frozen=True)
class DisclosureRule:
    """The thresholds of primary suppression (configurable per run)."""

    min_enterprises: int = 3
    one_share: float = 0.5
    two_share: float = 0.75

    def __post_init__(self) -> None:
        if self.min_enterprises < 0:
            raise ConfigError(f"minimum enterprises per cell {self.min_enterprises} is "
                              "negative; give 0 to publish every cell, 3 is the default")
        for name, share in (("one", self.one_share), ("two", self.two_share)):
            if not 0 < share <= 1:
                raise ConfigError(f"dominance share of {name} enterprise(s) {share} is not "
                                  "in (0, 1]; give e.g. 0.5 and 0.75 (1 turns the test off)")

    @property
    def active(self) -> bool:
        return self.min_enterprises > 0 or self.one_share < 1 or self.two_share < 1

    def as_dict(self) -> dict[str, float]:
        return {"min_enterprises": self.min_enterprises, "one_share": self.one_share,
                "two_share": self.two_share}


DEFAULT_RULE = DisclosureRule()
OUTPUT_COLUMNS = ("period", "industry", "province", "status", "reason", "enterprises",
                  "top1_share", "top2_share")


# -- the sums per fine cell (engine expressions) -----------------------------------------
def _magnitudes(reports: ir.Table) -> ir.Table:
    """Each report's month and year-to-date magnitudes (absolute values)."""
    year = reports.period.substr(0, 4)
    ytd = ibis.cumulative_window(group_by=[reports.enterprise_id, year],
                                 order_by=reports.period)
    columns: dict[str, ir.Value] = {}
    for m in MEASURES:
        value = reports[m].fill_null(0.0)
        columns[f"{m}_m"] = value.abs()
        columns[f"{m}_y"] = value.sum().over(ytd).abs()
    return reports.select("industry", "province", "period", **columns)


def _magnitude_names() -> list[str]:
    return [f"{m}_{w}" for m in MEASURES for w in ("m", "y")]


def fine_cells(reports: ir.Table, first: str) -> ir.Table:
    """Per (industry, province, month >= ``first``): enterprises, and for every
    magnitude its total, largest and two largest values."""
    rows = _magnitudes(reports)
    rows = rows.filter(rows.period >= first)
    keys = ["industry", "province", "period"]
    names = _magnitude_names()
    first_pass = rows.group_by(keys).aggregate(
        enterprises=rows.count(),
        **{f"{c}_total": rows[c].sum() for c in names},
        **{f"{c}_top1": rows[c].max() for c in names},
    )
    joined = rows.inner_join(first_pass, keys)
    second = joined.group_by(keys).aggregate(
        **{f"{c}_below": joined[c].max(where=joined[c] < joined[f"{c}_top1"])
           for c in names},
        **{f"{c}_ties": (joined[c] == joined[f"{c}_top1"]).cast("int64").sum()
           for c in names},
    )
    both = first_pass.inner_join(second, keys)
    out: dict[str, ir.Value] = {"enterprises": both.enterprises}
    for c in names:
        top1 = both[f"{c}_top1"]
        runner_up = ibis.ifelse(both[f"{c}_ties"] >= 2, top1, both[f"{c}_below"].fill_null(0.0))
        out[f"{c}_total"] = both[f"{c}_total"]
        out[f"{c}_top1"] = top1
        out[f"{c}_top2"] = top1 + runner_up
    return both.select(*keys, **out)


# -- the hierarchy (a small table, in Python) --------------------------------------------
def rolled_up(fine: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """Every cell the engine publishes (division, sector and ALL, each by province and
    ALL) with its enterprises, totals and largest values: an enterprise sits in one fine
    cell, so a total's two largest enterprises are the two largest of its parts'."""
    sector = fine["industry"].map({c: i.sector for c, i in catalogue.industries.items()})
    fine = fine.assign(sector=sector.fillna(ALL))
    names = _magnitude_names()
    parts = []
    for ind, prov in (("industry", "province"), ("industry", None), ("sector", "province"),
                      ("sector", None), (None, "province"), (None, None)):
        level = fine.assign(
            cell_industry=fine[ind] if ind else ALL,
            cell_province=fine[prov] if prov else ALL,
        )
        parts.append(_level(level, names))
    return pd.concat(parts, ignore_index=True)


def _level(level: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    keys = ["period", "cell_industry", "cell_province"]
    grouped = level.groupby(keys, sort=False)
    group = grouped.ngroup().to_numpy()
    out = grouped.agg(
        enterprises=("enterprises", "sum"),
        **{f"{c}_total": (f"{c}_total", "sum") for c in names},
        **{f"{c}_top1": (f"{c}_top1", "max") for c in names},
    ).reset_index()
    # a part's largest value (a) and the step to its second largest (b): the total's
    # largest is the largest a, its second largest the larger of the largest b and the
    # second largest a (the largest again when two parts share it)
    columns: dict[str, np.ndarray] = {}
    for c in names:
        a = level[f"{c}_top1"].to_numpy(dtype="float64")
        largest = out[f"{c}_top1"].to_numpy(dtype="float64")[group]
        columns[f"{c}_b"] = level[f"{c}_top2"].to_numpy(dtype="float64") - a
        columns[f"{c}_ties"] = (a == largest).astype("int64")
        columns[f"{c}_below"] = np.where(a < largest, a, -np.inf)
    steps = pd.DataFrame(columns).groupby(group, sort=True).agg(
        {name: ("sum" if name.endswith("_ties") else "max") for name in columns})
    for c in names:
        top1 = out[f"{c}_top1"].to_numpy(dtype="float64")
        below = steps[f"{c}_below"].to_numpy()
        second_a = np.where(steps[f"{c}_ties"].to_numpy() >= 2, top1, below)
        out[f"{c}_top2"] = top1 + np.maximum(second_a, steps[f"{c}_b"].to_numpy())
    return out.rename(columns={"cell_industry": "industry", "cell_province": "province"})


# -- decisions ----------------------------------------------------------------------------
def primary(cells: pd.DataFrame, rule: DisclosureRule,
            thin_figures: Iterable[tuple[str, str, str]] = ()) -> pd.DataFrame:
    """``cells`` with ``status`` ('primary' or None), ``reason`` and the largest shares.

    ``thin_figures`` are (period, industry, province) cells with a figure resting on
    fewer than ``rule.min_enterprises`` enterprises (a small comparable sample)."""
    cells = cells.copy()
    names = _magnitude_names()
    one = np.zeros(len(cells))
    two = np.zeros(len(cells))
    for c in names:
        total = cells[f"{c}_total"].where(cells[f"{c}_total"] > 0)
        one = np.maximum(one, (cells[f"{c}_top1"] / total).fillna(0.0).to_numpy())
        two = np.maximum(two, (cells[f"{c}_top2"] / total).fillna(0.0).to_numpy())
    cells["top1_share"] = np.minimum(one, 1.0)
    cells["top2_share"] = np.minimum(two, 1.0)
    few = cells["enterprises"] < rule.min_enterprises
    dominated = (cells["top1_share"] > rule.one_share) | (cells["top2_share"] > rule.two_share)
    thin_set = set(thin_figures)
    thin = pd.Series([key in thin_set for key in _keys(cells, "period", "industry", "province")],
                     index=cells.index, dtype=bool)
    cells["status"] = None
    cells["reason"] = None
    for mask, reason in ((dominated, REASON_DOMINATED),
                         (thin & ~few, REASON_FEW_SAMPLE.format(n=rule.min_enterprises)),
                         (few, REASON_FEW.format(n=rule.min_enterprises))):
        cells.loc[mask, "status"] = "primary"
        cells.loc[mask, "reason"] = reason
    return cells


def groups(cells: Iterable[tuple[str, str]], catalogue: Catalogue
           ) -> list[tuple[tuple[str, str], list[tuple[str, str]]]]:
    """Every (total, parts) of one month's cells that add up: the divisions of a sector
    and the sectors of ALL within each province (and ALL), the provinces of each
    industry cell."""
    present = set(cells)
    sector_of = {c: i.sector for c, i in catalogue.industries.items()}
    provinces = {p for _, p in present}
    industries = {i for i, _ in present}
    out: list[tuple[tuple[str, str], list[tuple[str, str]]]] = []
    for prov in provinces:
        for sector in catalogue.sectors:
            parts = [(d, prov) for d in industries if sector_of.get(d) == sector
                     and (d, prov) in present]
            if (sector, prov) in present and parts:
                out.append(((sector, prov), parts))
        sectors = [(s, prov) for s in catalogue.sectors if (s, prov) in present]
        if (ALL, prov) in present and sectors:
            out.append(((ALL, prov), sectors))
    for ind in industries:
        parts = [(ind, p) for p in provinces if p != ALL and (ind, p) in present]
        if (ind, ALL) in present and parts:
            out.append(((ind, ALL), parts))
    return sorted(out)


def complementary(month: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """One month's cells with complementary suppressions added until no published total
    minus its published parts isolates a single suppressed part."""
    key = _keys(month, "industry", "province")
    position = {k: i for i, k in enumerate(key)}
    status = month["status"].tolist()
    reason = month["reason"].tolist()
    suppressed = {k for k, s in zip(key, status, strict=True) if s is not None}
    size = dict(zip(key, month["revenue_y_total"].tolist(), strict=True))
    cell_groups = groups(key, catalogue)
    changed = True
    while changed:
        changed = False
        for total, parts in cell_groups:
            if total in suppressed:
                continue
            hidden = [p for p in parts if p in suppressed]
            if len(hidden) != 1:
                continue
            shown = [p for p in parts if p not in suppressed]
            chosen = min(shown, key=lambda p: (size[p], p)) if shown else total
            suppressed.add(chosen)
            status[position[chosen]] = "complementary"
            reason[position[chosen]] = REASON_COMPLEMENTARY
            changed = True
    # set once at the end: a cell at a time through .loc took a third of a second
    return month.assign(status=pd.Series(status, index=month.index, dtype=object),
                        reason=pd.Series(reason, index=month.index, dtype=object))


def _keys(frame: pd.DataFrame, *columns: str) -> list[tuple[Any, ...]]:
    """The rows' values of ``columns`` as tuples (iterating Arrow-backed text columns
    one element at a time costs a microsecond per value)."""
    return list(zip(*(frame[c].to_numpy(dtype=object) for c in columns), strict=True))


def _with_cells(cells: pd.DataFrame, wanted: Iterable[tuple[str, str, str]]) -> pd.DataFrame:
    """``cells`` and a row of zeros for each wanted (period, industry, province) it lacks:
    a year-to-date figure has a cell in months when none of its enterprises reported."""
    have = set(_keys(cells, "period", "industry", "province"))
    missing = sorted(set(wanted) - have)
    if not missing:
        return cells
    extra = pd.DataFrame(missing, columns=["period", "industry", "province"])
    for column in cells.columns:
        if column not in extra:
            extra[column] = 0.0
    return pd.concat([cells, extra.astype({"enterprises": "int64"})], ignore_index=True)


def decide(fine: pd.DataFrame, rule: DisclosureRule = DEFAULT_RULE,
           thin_figures: Iterable[tuple[str, str, str]] = (),
           catalogue: Catalogue | None = None,
           published_cells: Iterable[tuple[str, str, str]] = ()) -> pd.DataFrame:
    """The suppressed cells of every month of ``fine`` (from :func:`fine_cells`), with
    the columns the store keeps (:data:`OUTPUT_COLUMNS`). ``published_cells`` are the
    (period, industry, province) cells with computed figures: every one is judged, also
    where nobody reported in the month."""
    if not rule.active or fine.empty:
        return pd.DataFrame(columns=list(OUTPUT_COLUMNS))
    cat = catalogue or Catalogue.load()
    cells = primary(_with_cells(rolled_up(fine, cat), published_cells), rule, thin_figures)
    months = [complementary(part, cat) for _, part in cells.groupby("period", sort=True)]
    decided = pd.concat(months, ignore_index=True)
    decided = decided[decided["status"].notna()]
    return decided[list(OUTPUT_COLUMNS)].astype(
        {"enterprises": "int64", "top1_share": "float64", "top2_share": "float64"}
    ).sort_values(["period", "industry", "province"], ignore_index=True)


def thin_cells(frame: pd.DataFrame, rule: DisclosureRule) -> set[tuple[str, str, str]]:
    """Cells with a computed figure whose enterprise count ``n`` (its comparable sample)
    is positive but below the minimum."""
    if "n" not in frame or rule.min_enterprises <= 0:
        return set()
    of_enterprises = ~frame["indicator"].isin(COUNTS_OF_CELLS)
    thin = frame[of_enterprises & (frame["n"] > 0) & (frame["n"] < rule.min_enterprises)]
    return cells_of(thin)


def disclosure_decisions(reports: ir.Table, first: str, frame: pd.DataFrame,
                         rule: DisclosureRule = DEFAULT_RULE) -> pd.DataFrame:
    """The suppressed cells of the months ``first..`` that ``reports`` (current reports
    from January of ``first``'s year on) cover, given the computed ``frame``."""
    if not rule.active:
        return pd.DataFrame(columns=list(OUTPUT_COLUMNS))
    fine = fine_cells(reports, first).to_pandas()
    return decide(fine, rule, thin_cells(frame, rule), published_cells=cells_of(frame))


def cells_of(frame: pd.DataFrame) -> set[tuple[str, str, str]]:
    """The distinct (period, industry, province) of a frame of figures.

    Made distinct before leaving pandas: iterating the Arrow-backed columns of every
    figure (hundreds of thousands) one element at a time took over a second."""
    unique = frame[["period", "industry", "province"]].drop_duplicates()
    return set(zip(*(unique[c].to_numpy(dtype=object) for c in unique.columns), strict=True))


def lone_suppressed(present: Iterable[tuple[str, str]], suppressed: Iterable[tuple[str, str]],
                    catalogue: Catalogue | None = None
                    ) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(total, part) pairs where a published total and its published parts would reveal
    the one suppressed part: empty when the month's decisions protect every cell."""
    hidden = set(suppressed)
    found = []
    for total, parts in groups(present, catalogue or Catalogue.load()):
        alone = [p for p in parts if p in hidden]
        if total not in hidden and len(alone) == 1:
            found.append((total, alone[0]))
    return found
