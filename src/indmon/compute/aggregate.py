"""Sums over comparable samples, per cell: the additive core every indicator divides.

An enterprise sits in exactly one (industry, province) cell, so the sums are taken once
per (industry, province, month) and rolled up to sectors, provinces and the whole
country by adding those few thousand rows, never by going back to the enterprises.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
from ibis import _

from indmon.catalogue import ALL, Catalogue
from indmon.compute.sample import FIGURES, MONTHS

#: the additive columns of a cell; every indicator is a function of these
SUMS = (
    "n_month",          # enterprises reporting in the month
    "n_s",              # comparable sample of the month S(t)
    "va_s", "va_s_ly", "va_real_s", "unpriced_s",
    "n_ytd",            # comparable year-to-date sample S_ytd(t)
    "va_ytd", "va_ytd_ly", "va_real_ytd", "unpriced_ytd",
    "out_ytd", "out_ytd_ly", "rev_ytd", "rev_ytd_ly", "profit_ytd_s", "profit_ytd_s_ly",
    "n_year",           # enterprises reporting this year up to the month
    "profit_ytd", "n_loss", "loss_ytd",
)


KEYS = ("industry", "province", "y")


def _sum(value: ir.Value, where: ir.BooleanValue) -> ir.Value:
    return value.sum(where=where)


def _count(where: ir.BooleanValue) -> ir.Value:
    return where.cast("int64").sum()


def side_sums(sides: ir.Table, prices: ir.Table) -> ir.Table:
    """Report sides summed per cell, year, month, effective month and sample flags: the
    one pass over report rows; everything after reads this small table.

    Value added is deflated here, on the sums: every report in a row of this table is of
    the same industry and month, so dividing the sum by the index is dividing each
    report. ``va_real`` is null and ``unpriced`` 1 where no index is loaded.
    """
    figures = {c: sides[c].sum() for c in FIGURES}
    sums = sides.group_by(*KEYS, "moy", "g", "this", "paired").aggregate(
        reports=sides.count(), **figures
    )
    joined = sums.left_join(prices, [sums.industry == prices.p_industry, sums.y == prices.p_y,
                                     sums.moy == prices.p_moy])
    return joined.select(
        *sums.columns, va_real=joined.va / (joined.ppi / 100.0),
        unpriced=joined.ppi.isnull().cast("int64"),
    )


def by_month(sums: ir.Table) -> ir.Table:
    """Sums keyed by the month itself: reports of the month and the monthly sample."""
    s = sums
    in_s = s.this & s.paired
    return s.group_by(*KEYS, k=s.moy).aggregate(
        n_month=_sum(s.reports, s.this), n_s=_sum(s.reports, in_s),
        va_s=_sum(s.va, in_s), va_s_ly=_sum(s.va, ~s.this & s.paired),
        va_real_s=_sum(s.va_real, in_s), unpriced_s=_sum(s.unpriced * s.reports, in_s),
        profit_inc=_sum(s.profit, s.this),
    )


def by_effective_month(sums: ir.Table) -> ir.Table:
    """Increments of year-to-date sums over S_ytd, keyed by effective month."""
    s = sums.filter(sums.g.notnull())
    last = ~s.this
    return s.group_by(*KEYS, k=s.g).aggregate(
        va_ytd_inc=_sum(s.va, s.this), va_ytd_ly_inc=_sum(s.va, last),
        va_real_ytd_inc=_sum(s.va_real, s.this),
        unpriced_ytd_inc=_sum(s.unpriced * s.reports, s.this),
        out_ytd_inc=_sum(s.out, s.this), out_ytd_ly_inc=_sum(s.out, last),
        rev_ytd_inc=_sum(s.rev, s.this), rev_ytd_ly_inc=_sum(s.rev, last),
        profit_ytd_s_inc=_sum(s.profit, s.this), profit_ytd_s_ly_inc=_sum(s.profit, last),
    )


def sample_entries(pairs: ir.Table) -> ir.Table:
    """Enterprises entering S_ytd, and starting to report this year, by month."""
    entering = pairs.filter(pairs.entry.notnull()).group_by(*KEYS, k=_.entry).aggregate(
        n_ytd_inc=_.count()
    )
    starting = pairs.group_by(*KEYS, k=_.first_moy).aggregate(n_year_inc=_.count())
    return entering.outer_join(starting, [*KEYS, "k"]).select(
        **{c: ibis.coalesce(entering[c], starting[c]) for c in (*KEYS, "k")},
        n_ytd_inc=entering.n_ytd_inc, n_year_inc=starting.n_year_inc,
    )


def losses(pairs: ir.Table) -> ir.Table:
    """Loss-making enterprises and their losses, per cell and month of the year.

    Year-to-date profit is per enterprise, so it is added up from the monthly profits of
    the enterprise-year row; an enterprise counts from its first report of the year on.
    """
    running = ibis.literal(0.0)
    aggregates: dict[str, ir.Value] = {}
    for k in MONTHS:
        running = running + pairs[f"profit_{k}"].fill_null(0.0)
        losing = (pairs.first_moy <= k) & (running < 0)
        aggregates[f"n_loss_{k}"] = _count(losing)
        aggregates[f"loss_{k}"] = _sum(-running, losing)
    wide = pairs.group_by(*KEYS).aggregate(**aggregates)
    return ibis.union(*(
        wide.select(*KEYS, k=ibis.literal(k, "int64"), n_loss=wide[f"n_loss_{k}"],
                    loss_ytd=wide[f"loss_{k}"])
        for k in MONTHS
    ))


def month_frame(pairs: ir.Table) -> ir.Table:
    """Every month of every cell-year that has an enterprise: running sums need a row
    for each month even where nothing changed."""
    cells = pairs.select(*KEYS).distinct()
    months = ibis.range(0, 12).unnest().name("k").as_table()
    return cells.cross_join(months)


RUNNING = ("va_ytd", "va_ytd_ly", "va_real_ytd", "unpriced_ytd", "out_ytd", "out_ytd_ly",
           "rev_ytd", "rev_ytd_ly", "profit_ytd_s", "profit_ytd_s_ly", "n_ytd", "n_year")


def cell_sums(sums: ir.Table, pairs: ir.Table, start: int, end: int) -> ir.Table:
    """The sums of every (industry, province, month ``start..end``) with enterprises,
    from the :func:`side_sums` of the reports and the enterprise-year ``pairs``."""
    frame = month_frame(pairs)
    for part in (by_month(sums), by_effective_month(sums), sample_entries(pairs),
                 losses(pairs)):
        frame = frame.left_join(part, [*KEYS, "k"]).select(
            frame, *(c for c in part.columns if c not in (*KEYS, "k"))
        )
    year = ibis.cumulative_window(group_by=list(KEYS), order_by="k")
    running = {c: frame[f"{c}_inc"].sum().over(year) for c in RUNNING}
    running["profit_ytd"] = frame.profit_inc.sum().over(year)
    summed = frame.mutate(idx=frame.y * 12 + frame.k, **running)
    return summed.filter(summed.idx.between(start, end)).select(
        "industry", "province", "idx", *SUMS
    )


def sector_of(industry: ir.StringValue, catalogue: Catalogue | None = None) -> ir.StringValue:
    """Industry code -> sector letter (B, C, D), from the shipped classification.

    Written as an expression rather than a joined lookup table: Ibis's Spark backend
    does not register in-memory tables inside cached expressions.
    """
    cat = catalogue or Catalogue.load()
    return industry.substitute({code: ind.sector for code, ind in cat.industries.items()})


def rollup(fine: ir.Table) -> ir.Table:
    """Every cell: industry, sector and ALL, each with every province and with ALL."""
    with_sector = fine.mutate(sector=sector_of(fine.industry))
    levels = (
        ("industry", "province"), ("industry", None), ("sector", "province"),
        ("sector", None), (None, "province"), (None, None),
    )
    return ibis.union(*(_level(with_sector, ind, prov) for ind, prov in levels))


def _level(table: ir.Table, industry: str | None, province: str | None) -> ir.Table:
    keys = {
        "industry": table[industry] if industry else ibis.literal(ALL),
        "province": table[province] if province else ibis.literal(ALL),
    }
    grouped = table.mutate(**keys)
    return grouped.group_by("industry", "province", "idx").aggregate(
        **{c: grouped[c].sum() for c in SUMS}
    )
