"""Comparable samples, worked out once per enterprise and year.

Every indicator is a ratio or count of sums over a comparable sample. Which months of
an enterprise count is decided here, with no per-enterprise running sums (window
functions over millions of rows are the slow part of a naive implementation):

- an enterprise enters the year-to-date sample S_ytd(Y, k) from month
  ``entry = max(first month reported in Y, first month reported in Y-1)`` on, so a
  report of month m counts towards every k >= ``max(m, entry)``: its *effective month*;
- it is in the monthly sample S(t) when it reported both t and t-12, read from a bit
  mask of the months it reported each year.

Summing by effective month per cell and then taking running sums over the few thousand
cell rows (``aggregate``) gives exactly the year-to-date sums over S_ytd.

Months are integers inside the engine (``month_index``: year * 12 + month - 1; ``y``
the year, ``moy`` the month of the year counted from 0), the same on DuckDB and Spark.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
from ibis import _

#: the figures of a report that indicators are built from
FIGURES = ("va", "out", "rev", "profit")
MONTHS = range(12)


def month_index(period: ir.StringValue) -> ir.IntegerValue:
    """``'2023-03'`` -> 2023 * 12 + 2, as an engine expression."""
    year = period.substr(0, 4).cast("int64")
    month = period.substr(5, 2).cast("int64")
    return year * 12 + month - 1


def month_text(index: ir.IntegerValue) -> ir.StringValue:
    """The inverse of :func:`month_index`: ``2023 * 12 + 2`` -> ``'2023-03'``."""
    year = (index // 12).cast("int64").cast("string")
    month = (index % 12 + 1).cast("int64").cast("string").lpad(2, "0")
    return year + "-" + month


def _bit(moy: ir.IntegerValue) -> ir.IntegerValue:
    return ibis.literal(1, "int64") << moy


def _has_bit(mask: ir.IntegerValue, moy: ir.IntegerValue) -> ir.BooleanValue:
    return ((mask >> moy) & 1) == 1


def _both_greatest(a: ir.IntegerValue, b: ir.IntegerValue) -> ir.IntegerValue:
    """max(a, b), null when either is null (engines' GREATEST skips nulls)."""
    return ibis.ifelse(a.notnull() & b.notnull(), ibis.greatest(a, b), ibis.null("int64"))


def monthly_reports(reports: ir.Table, first: int, last: int) -> ir.Table:
    """Current reports of months ``first..last``, with months as numbers.

    Kept narrow: this is the one table as long as the reports; the year (``idx // 12``)
    and month of the year (``idx % 12``) are derived where needed.
    """
    r = reports.select(
        "enterprise_id", "industry", "province",
        idx=month_index(reports.period),
        va=reports.value_added.cast("float64"),
        out=reports.output_value.cast("float64"),
        rev=reports.revenue.cast("float64"),
        profit=reports.profit.cast("float64"),
    ).filter(_.idx.between(first, last))
    return r


def price_indices(prices: ir.Table) -> ir.Table:
    """Producer price indices keyed like the sums they deflate: industry, year, month."""
    idx = month_index(prices.period)
    return prices.select(p_industry=prices.industry, p_y=idx // 12, p_moy=idx % 12,
                         ppi=prices.ppi_yoy.cast("float64"))


def enterprise_years(monthly: ir.Table) -> ir.Table:
    """One row per enterprise and year: first month reported, the months reported (a
    bit mask), the latest classification that year, and the profit of each month."""
    m = monthly.mutate(y=monthly.idx // 12, moy=monthly.idx % 12)
    profits = {f"profit_{k}": m.profit.sum(where=m.moy == k) for k in MONTHS}
    return m.group_by("enterprise_id", "y").aggregate(
        first_moy=m.moy.min(), mask=_bit(m.moy).sum(), last_idx=m.idx.max(),
        y_industry=m.industry.argmax(m.idx), y_province=m.province.argmax(m.idx), **profits,
    )


def classification(years: ir.Table) -> ir.Table:
    """Each enterprise's industry and province: those of its latest report in the run.

    One classification for all months keeps this year and last year comparing the same
    enterprise in the same cell, as the comparable sample intends.
    """
    return years.group_by("enterprise_id").aggregate(
        industry=years.y_industry.argmax(years.last_idx),
        province=years.y_province.argmax(years.last_idx),
    ).rename(c_enterprise="enterprise_id")


def year_pairs(years: ir.Table) -> ir.Table:
    """Each enterprise-year with the same enterprise's previous year, its cell, and
    ``entry``: the month from which it is in the year-to-date comparable sample."""
    last = years.select(l_enterprise="enterprise_id", l_y=_.y + 1, l_first="first_moy",
                        l_mask="mask")
    paired = years.left_join(
        last, [years.enterprise_id == last.l_enterprise, years.y == last.l_y]
    )
    classes = classification(years)
    placed = paired.inner_join(classes, paired.enterprise_id == classes.c_enterprise)
    return placed.select(
        "enterprise_id", "y", "industry", "province", "first_moy", "mask",
        *(f"profit_{k}" for k in MONTHS),
        l_mask=_.l_mask.fill_null(0), entry=_both_greatest(_.first_moy, _.l_first),
    )


def report_sides(monthly: ir.Table, pairs: ir.Table) -> ir.Table:
    """Every report twice: for its own year (``this``) and as the base of the next.

    Each row carries the cell and year it counts for, its effective month ``g`` in the
    year-to-date sample (null when outside it) and whether it is in the monthly sample.
    """
    figures = ("enterprise_id", *FIGURES)
    moy = monthly.idx % 12
    this = monthly.select(*figures, moy=moy, t_y=_.idx // 12, this=ibis.literal(True))
    base = monthly.select(*figures, moy=moy, t_y=_.idx // 12 + 1, this=ibis.literal(False))
    sides = this.union(base)
    joined = sides.inner_join(
        pairs, [sides.enterprise_id == pairs.enterprise_id, sides.t_y == pairs.y]
    )
    other_mask = ibis.ifelse(joined.this, joined.l_mask, joined.mask)
    return joined.select(
        "industry", "province", "moy", "this", *FIGURES, y=joined.t_y,
        g=_both_greatest(joined.moy, joined.entry),
        paired=_has_bit(other_mask, joined.moy),
    )
