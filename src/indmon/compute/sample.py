"""Comparable samples, worked out once per enterprise and year.

Every indicator is a ratio or count of sums over a comparable sample. Which months of
an enterprise count is decided here, in the one aggregation over report rows: a row
per enterprise and year, holding its value added month by month (a column per month)
when that is all the indicators need, so that everything after reads enterprise-years,
twelve times fewer than reports. With more figures the reports are joined once to their
enterprise-years instead (:func:`placed_reports`; see ``aggregate.Needs``).


- an enterprise enters the year-to-date sample S_ytd(Y, k) from month
  ``entry = max(first month reported in Y, first month reported in Y-1)`` on; its
  year-to-date sums at k are those of its months 1..k, this year and last;
- it is in the monthly sample S(t) when it reported both t and t-12, read from a bit
  mask of the months it reported each year.

Months are integers inside the engine (``month_index``: year * 12 + month - 1; ``y``
the year, ``moy`` the month of the year counted from 0), the same on DuckDB and Spark.
"""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import ibis.expr.types as ir
from ibis import _

#: the figures of a report that indicators are built from, and the report columns
FIGURES = {"va": "value_added", "out": "output_value", "rev": "revenue", "profit": "profit"}
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


def monthly(figure: str, k: int) -> str:
    """The column of an enterprise-year holding ``figure`` of month ``k`` (0-11)."""
    return f"{figure}_{k}"


def last_year(column: str) -> str:
    """The column of a pair holding last year's ``column``."""
    return f"l_{column}"


def _bit(moy: ir.IntegerValue) -> ir.IntegerValue:
    return ibis.literal(1, "int64") << moy


def has_bit(mask: ir.IntegerValue, moy: int | ir.IntegerValue) -> ir.BooleanValue:
    return ((mask >> moy) & 1) == 1


def _both_greatest(a: ir.IntegerValue, b: ir.IntegerValue) -> ir.IntegerValue:
    """max(a, b), null when either is null (engines' GREATEST skips nulls)."""
    return ibis.ifelse(a.notnull() & b.notnull(), ibis.greatest(a, b), ibis.null("int64"))


def price_indices(prices: ir.Table) -> ir.Table:
    """Producer price indices of each industry and year, a column per month
    (``ppi_0`` .. ``ppi_11``), to join to the sums they deflate."""
    idx = month_index(prices.period)
    p = prices.select(p_industry=prices.industry, p_y=idx // 12, p_moy=idx % 12,
                      ppi=prices.ppi_yoy.cast("float64"))
    return p.group_by("p_industry", "p_y").aggregate(
        **{monthly("ppi", k): p.ppi.max(where=p.p_moy == k) for k in MONTHS}
    )


def enterprise_years(reports: ir.Table, figures: Sequence[str]) -> ir.Table:
    """One row per enterprise and year: first month reported, the months reported (a
    bit mask), the latest classification that year, and each of ``figures`` (of
    :data:`FIGURES`) month by month (null where the month was not reported).

    This is the one aggregation over report rows (the current reports of the months
    read); the per-month columns are what lets every later step work on
    enterprise-years instead of reports. Grouping by the report's cell as well, and
    adding up the rare enterprise-years that changed cell within the year afterwards,
    costs less than picking the latest cell out of every report.
    """
    r = reports.select(
        "enterprise_id", "industry", "province", year=reports.period.substr(0, 4),
        moy=reports.period.substr(5, 2).cast("int64") - 1,
        **{f: reports[FIGURES[f]].cast("float64") for f in figures},
    )
    by_month = [monthly(f, k) for f in figures for k in MONTHS]
    cells = r.group_by("enterprise_id", "year", "industry", "province").aggregate(
        first_moy=r.moy.min(), mask=_bit(r.moy).sum(), last_moy=r.moy.max(),
        **{monthly(f, k): r[f].sum(where=r.moy == k) for f in figures for k in MONTHS},
    )
    # the months of an enterprise-year's cells are disjoint: adding them up is exact
    c = cells
    years = c.group_by("enterprise_id", "year").aggregate(
        first_moy=c.first_moy.min(), mask=c.mask.sum(), last_moy=c.last_moy.max(),
        y_industry=c.industry.argmax(c.last_moy), y_province=c.province.argmax(c.last_moy),
        **{col: c[col].sum() for col in by_month},
    )
    y = years.year.cast("int64")
    return years.select(
        "enterprise_id", "first_moy", "mask", "y_industry", "y_province", *by_month,
        y=y, last_idx=y * 12 + years.last_moy,
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


def year_pairs(years: ir.Table, figures: Sequence[str], last_figures: Sequence[str],
               following: bool = False) -> ir.Table:
    """Each enterprise-year in its cell, with the same enterprise's previous year: its
    months (``l_mask``, 0 when it did not report) and its ``last_figures`` month by
    month (``l_va_3``); ``entry`` is the month from which it is in the year-to-date
    comparable sample (null: not this year).

    With ``following``, also the next year's ``n_mask`` and ``n_entry``: what a report
    of this year is as the base of the next (:func:`placed_reports`).
    """
    def shifted(prefix: str, years_on: int) -> ir.Table:
        return years.select(
            **{f"{prefix}_enterprise": "enterprise_id", f"{prefix}_y": years.y + years_on,
               f"{prefix}_first": "first_moy", f"{prefix}_mask": "mask"},
            **({last_year(monthly(f, k)): monthly(f, k) for f in last_figures for k in MONTHS}
               if prefix == "l" else {}),
        )

    last = shifted("l", 1)
    paired = years.left_join(last, [years.enterprise_id == last.l_enterprise,
                                    years.y == last.l_y])
    extra: dict[str, ir.Value] = {}
    if following:
        following_year = shifted("n", -1)
        paired = paired.left_join(following_year,
                                  [paired.enterprise_id == following_year.n_enterprise,
                                   paired.y == following_year.n_y])
        extra = {"n_mask": _.n_mask.fill_null(0),
                 "n_entry": _both_greatest(_.n_first, _.first_moy)}
    classes = classification(years)
    placed = paired.inner_join(classes, paired.enterprise_id == classes.c_enterprise)
    return placed.select(
        "enterprise_id", "y", "industry", "province", "first_moy", "mask",
        *(monthly(f, k) for f in figures for k in MONTHS),
        *(last_year(monthly(f, k)) for f in last_figures for k in MONTHS),
        l_mask=_.l_mask.fill_null(0), entry=_both_greatest(_.first_moy, _.l_first), **extra,
    )


def placed_reports(reports: ir.Table, pairs: ir.Table, figures: Sequence[str]) -> ir.Table:
    """Every report in its enterprise's cell, summed by what it counts for: for its own
    year, in the month ``moy`` of the enterprise-year's ``entry``, ``paired`` when the
    month was reported a year before; and as the base of the next year, of that year's
    ``n_entry``, ``paired_next`` when the month is reported a year later.

    One join of the reports to their enterprise-years places each report in both roles
    (``pairs`` needs ``following``); the sums come to a row per cell, year, month and
    kind, so that nothing after reads reports.
    """
    r = reports.select(
        r_enterprise=reports.enterprise_id, r_y=reports.period.substr(0, 4).cast("int64"),
        moy=reports.period.substr(5, 2).cast("int64") - 1,
        **{f: reports[FIGURES[f]].cast("float64") for f in figures},
    )
    j = r.inner_join(pairs, [r.r_enterprise == pairs.enterprise_id, r.r_y == pairs.y])
    return j.group_by(
        "industry", "province", "y", "moy", "entry", "n_entry",
        paired=has_bit(j.l_mask, j.moy), paired_next=has_bit(j.n_mask, j.moy),
    ).aggregate(reports=j.count(), **{f: j[f].sum() for f in figures})
