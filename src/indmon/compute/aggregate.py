"""Sums over comparable samples, per cell: the additive core every indicator divides.

An enterprise sits in exactly one (industry, province) cell, so the sums are taken once
per (industry, province, month) and rolled up to sectors, provinces and the whole
country by adding those few thousand rows, never by going back to the enterprises.

Only the sums the requested indicators divide are computed (:class:`Needs`): the
headline growth rates read value added alone, not output, revenue, profit or prices.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from indmon.catalogue import ALL, Catalogue
from indmon.compute.sample import MONTHS, has_bit, last_year, monthly

#: the additive columns of a cell, by the part of the computation that makes them;
#: every indicator is a function of these
PART_SUMS = {
    "reported": ("n_month",),                            # enterprises reporting in the month
    "monthly": ("n_s", "va_s", "va_s_ly"),               # comparable sample of the month S(t)
    "ytd": ("n_ytd", "va_ytd", "va_ytd_ly"),             # year-to-date sample S_ytd(t)
    "real": ("va_real_s", "unpriced_s", "va_real_ytd", "unpriced_ytd"),
    "output": ("out_ytd", "out_ytd_ly"),
    "revenue": ("rev_ytd", "rev_ytd_ly"),
    "profit_s": ("profit_ytd_s", "profit_ytd_s_ly"),
    #: every enterprise reporting this year up to the month, and the loss-makers
    "year": ("n_year", "profit_ytd", "n_loss", "loss_ytd"),
}
PARTS = tuple(PART_SUMS)
#: deflated sums are built from the monthly and year-to-date sums and report counts
_REQUIRES = {"real": ("reported", "monthly", "ytd")}
KEYS = ("industry", "province", "y")


@dataclass(frozen=True)
class Needs:
    """Which parts of the computation a run needs, and so which report figures it
    reads (this year and last), whether it reads price indices, and how the figures
    reach the cells.

    Two ways, chosen by cost; both give the same sums per cell, year and ``entry``
    (:func:`group_sums`):

    - value added alone (the headline, and every indicator of value added): each
      enterprise-year holds its value added month by month (*pivoted*), and the cells
      add up enterprise-years. The reports are read once, in one aggregation.
    - with output, revenue or profit: twelve columns per figure make that aggregation
      too wide, so the reports are *joined* to their enterprise-years instead and
      summed per cell (:func:`indmon.compute.sample.placed_reports`); only profit is
      also pivoted when loss-makers are counted, as a loss is per enterprise.
    """

    parts: frozenset[str]

    @classmethod
    def of(cls, parts: Iterable[str]) -> Needs:
        wanted = set(parts)
        for part in list(wanted):
            wanted.update(_REQUIRES.get(part, ()))
        unknown = wanted - set(PARTS)
        if unknown:
            raise ValueError(f"unknown parts {sorted(unknown)}")
        return cls(frozenset(wanted))

    def has(self, *parts: str) -> bool:
        return any(p in self.parts for p in parts)

    @property
    def figures(self) -> tuple[str, ...]:
        """Report figures of this year."""
        wanted = {"va": self.has("monthly", "ytd"), "out": self.has("output"),
                  "rev": self.has("revenue"), "profit": self.has("profit_s", "year")}
        return tuple(f for f, needed in wanted.items() if needed)

    @property
    def last_figures(self) -> tuple[str, ...]:
        """Report figures of last year (the base of a growth rate)."""
        wanted = {"va": self.has("monthly", "ytd"), "out": self.has("output"),
                  "rev": self.has("revenue"), "profit": self.has("profit_s")}
        return tuple(f for f, needed in wanted.items() if needed)

    @property
    def joined(self) -> bool:
        """Whether the reports are joined to their enterprise-years (see above)."""
        return not set(self.figures) <= {"va"}

    @property
    def pivoted(self) -> tuple[str, ...]:
        """Figures each enterprise-year holds month by month."""
        if not self.joined:
            return self.figures
        return ("profit",) if self.has("year") else ()

    @property
    def last_pivoted(self) -> tuple[str, ...]:
        return () if self.joined else self.last_figures

    @property
    def prices(self) -> bool:
        return self.has("real")

    @property
    def sums(self) -> tuple[str, ...]:
        return tuple(s for part in PARTS if part in self.parts for s in PART_SUMS[part])


def _count(where: ir.BooleanValue) -> ir.IntegerValue:
    return where.cast("int64").sum()


def _running(row: ir.Table, column: str, k: int) -> ir.Value:
    """``column``'s months 0..k of the row added up (an enterprise's year to date)."""
    total: ir.Value = ibis.literal(0.0)
    for j in range(k + 1):
        total = total + row[monthly(column, j)].fill_null(0.0)
    return total


GROUP = (*KEYS, "entry")


def group_sums(pairs: ir.Table, needs: Needs, placed: ir.Table | None = None) -> ir.Table:
    """Enterprise-years summed per cell, year and ``entry`` (the month an enterprise
    joins the year-to-date sample), with the joined reports' sums (``placed``, when
    ``needs.joined``): the last step that reads a row per enterprise.

    Per month k: ``c_k`` enterprises reporting, ``s_k`` of them also a year ago (the
    monthly sample), ``vs_k`` / ``vsl_k`` their value added this year and last, ``va_k``
    / ``l_va_k`` (and other figures) everyone's, ``ny_k`` enterprises reporting this
    year by then, ``nl_k`` / ``ls_k`` loss-makers and their losses year to date.
    """
    sums: dict[str, ir.Value] = {"n": pairs.count()}
    for k in MONTHS:
        sums.update(_enterprise_sums(pairs, needs, k))
    groups = pairs.group_by(*GROUP).aggregate(**sums)
    if not needs.joined:
        return groups
    if placed is None:
        raise ValueError("joined sums need the placed reports")
    for part in _joined_sums(placed, needs):
        # entry is null for enterprises outside the year-to-date sample: match nulls too
        groups = groups.left_join(part, [groups[c].identical_to(part[f"j_{c}"])
                                         for c in GROUP]).drop(*(f"j_{c}" for c in GROUP))
    return groups


def _enterprise_sums(p: ir.Table, needs: Needs, k: int) -> dict[str, ir.Value]:
    """The sums of month ``k`` that :func:`group_sums` takes from enterprise-years."""
    sums: dict[str, ir.Value] = {}
    if needs.has("reported"):
        sums[monthly("c", k)] = _count(has_bit(p.mask, k))
    if needs.has("monthly"):
        both = has_bit(p.mask, k) & has_bit(p.l_mask, k)
        sums[monthly("s", k)] = _count(both)
        if not needs.joined:
            sums[monthly("vs", k)] = p[monthly("va", k)].sum(where=both)
            sums[monthly("vsl", k)] = p[last_year(monthly("va", k))].sum(where=both)
    if not needs.joined:
        sums.update({monthly(f, k): p[monthly(f, k)].sum() for f in needs.figures})
        sums.update({last_year(monthly(f, k)): p[last_year(monthly(f, k))].sum()
                     for f in needs.last_figures})
    if needs.has("year"):
        # an enterprise's year-to-date profit, counted from its first report on
        profit = _running(p, "profit", k)
        losing = (p.first_moy <= k) & (profit < 0)
        sums[monthly("ny", k)] = _count(p.first_moy <= k)
        sums[monthly("nl", k)] = _count(losing)
        sums[monthly("ls", k)] = (-profit).sum(where=losing)
    return sums


def _joined_sums(placed: ir.Table, needs: Needs) -> tuple[ir.Table, ir.Table]:
    """The placed reports' sums per cell, year and ``entry``, month by month: as
    reports of the year (``va_k``, and ``vs_k`` of the monthly sample) and as the base
    of the next (``l_va_k``, ``vsl_k``)."""
    q = placed
    this: dict[str, ir.Value] = {}
    base: dict[str, ir.Value] = {}
    for k in MONTHS:
        month = q.moy == k
        if needs.has("monthly"):
            this[monthly("vs", k)] = q.va.sum(where=month & q.paired)
            base[monthly("vsl", k)] = q.va.sum(where=month & q.paired_next)
        for f in needs.figures:
            this[monthly(f, k)] = q[f].sum(where=month)
        for f in needs.last_figures:
            base[last_year(monthly(f, k))] = q[f].sum(where=month)
    as_this = q.group_by(j_industry=q.industry, j_province=q.province, j_y=q.y,
                         j_entry=q.entry).aggregate(**this)
    as_base = q.group_by(j_industry=q.industry, j_province=q.province, j_y=q.y + 1,
                         j_entry=q.n_entry).aggregate(**base)
    return as_this, as_base


def _months() -> ir.Table:
    return ibis.range(0, 12).unnest().name("k").as_table()


def _pick(row: ir.Table, column: str) -> ir.Value:
    """``column`` of the row's month ``k``."""
    return row.k.cases(*((k, row[monthly(column, k)]) for k in MONTHS))


def _to_date(row: ir.Table, values: Sequence[ir.Value]) -> ir.Value:
    """Per-month ``values`` (months 0..11) added up over the row's months 0..k."""
    total: ir.Value = ibis.literal(0.0)
    for j, value in enumerate(values):
        total = total + ibis.ifelse(row.k >= j, value.fill_null(0.0), 0.0)
    return total


def _ytd(row: ir.Table, column: str) -> ir.Value:
    """A per-month column's year to date at the row's month ``k``."""
    return _to_date(row, [row[monthly(column, j)] for j in MONTHS])


def cell_sums(groups: ir.Table, prices: ir.Table | None, needs: Needs, start: int,
              end: int) -> ir.Table:
    """The sums of every (industry, province, month ``start..end``) with enterprises,
    from the :func:`group_sums` of the enterprise-years (and ``prices`` when
    ``needs.prices``).

    The groups are spread over the twelve months; a group counts towards the
    year-to-date sums of month k when its ``entry`` <= k, with its months 0..k. Every
    month of a cell-year with enterprises gets a row.
    """
    if needs.prices:
        if prices is None:
            raise ValueError("deflated sums need the price indices")
        groups = groups.left_join(prices, [groups.industry == prices.p_industry,
                                           groups.y == prices.p_y])
    g = groups.cross_join(_months())
    summed = g.group_by(*KEYS, "k").aggregate(**_month_sums(g, needs))
    summed = summed.mutate(idx=summed.y * 12 + summed.k)
    return summed.filter(summed.idx.between(start, end)).select(
        "industry", "province", "idx", *needs.sums
    )


def _month_sums(g: ir.Table, needs: Needs) -> dict[str, ir.Value]:
    """The cell sums of month ``k`` from the groups ``g`` of the cell-year.

    Value added is deflated on these sums: every enterprise of a group is of the same
    industry, so dividing a month's sum by its index is dividing each report;
    ``unpriced`` counts the reports of the sample with no index.
    """
    in_ytd = g.entry.notnull() & (g.entry <= g.k)
    sums: dict[str, ir.Value] = {}
    if needs.has("reported"):
        sums["n_month"] = _pick(g, "c").sum()
    if needs.has("monthly"):
        sums.update(n_s=_pick(g, "s").sum(), va_s=_pick(g, "vs").sum(),
                    va_s_ly=_pick(g, "vsl").sum())
    if needs.has("ytd"):
        sums.update(n_ytd=g.n.sum(where=in_ytd), va_ytd=_ytd(g, "va").sum(where=in_ytd),
                    va_ytd_ly=_ytd(g, last_year("va")).sum(where=in_ytd))
    if needs.has("real"):
        ppi = _pick(g, "ppi")
        deflated = [g[monthly("va", j)] / (g[monthly("ppi", j)] / 100.0) for j in MONTHS]
        unpriced = [g[monthly("c", j)] * g[monthly("ppi", j)].isnull().cast("int64")
                    for j in MONTHS]
        sums.update(
            va_real_s=(_pick(g, "vs") / (ppi / 100.0)).sum(),
            unpriced_s=(_pick(g, "s") * ppi.isnull().cast("int64")).sum(),
            va_real_ytd=_to_date(g, deflated).sum(where=in_ytd),
            unpriced_ytd=_to_date(g, unpriced).sum(where=in_ytd).cast("int64"),
        )
    for part, figure in (("output", "out"), ("revenue", "rev"), ("profit_s", "profit")):
        if needs.has(part):
            this, last = PART_SUMS[part]
            sums[this] = _ytd(g, figure).sum(where=in_ytd)
            sums[last] = _ytd(g, last_year(figure)).sum(where=in_ytd)
    if needs.has("year"):
        sums.update(n_year=_pick(g, "ny").sum(), profit_ytd=_ytd(g, "profit").sum(),
                    n_loss=_pick(g, "nl").sum(), loss_ytd=_pick(g, "ls").sum())
    return sums


def sector_of(industry: ir.StringValue, catalogue: Catalogue | None = None) -> ir.StringValue:
    """Industry code -> sector letter (B, C, D), from the shipped classification.

    Written as an expression rather than a joined lookup table: Ibis's Spark backend
    does not register in-memory tables inside cached expressions.
    """
    cat = catalogue or Catalogue.load()
    return industry.substitute({code: ind.sector for code, ind in cat.industries.items()})


#: the roll-up levels: (industry, sector or ALL) x (province or ALL)
LEVELS = (
    ("industry", "province"), ("industry", None), ("sector", "province"),
    ("sector", None), (None, "province"), (None, None),
)


def rollup(fine: ir.Table, sums: Collection[str]) -> ir.Table:
    """Every cell: industry, sector and ALL, each with every province and with ALL.

    Each fine cell is repeated once per level with the keys of that level and all are
    added up in one aggregation (what GROUPING SETS does), so ``fine`` is read once.
    """
    levels = ibis.range(0, len(LEVELS)).unnest().name("level").as_table()
    spread = fine.mutate(sector=sector_of(fine.industry)).cross_join(levels)

    def key(position: int) -> ir.Value:
        return spread.level.cases(*(
            (i, spread[names[position]] if names[position] else ibis.literal(ALL))
            for i, names in enumerate(LEVELS)
        ))

    keyed = spread.mutate(industry=key(0), province=key(1))
    return keyed.group_by("industry", "province", "idx").aggregate(
        **{c: keyed[c].sum() for c in sums}
    )
