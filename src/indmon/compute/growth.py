"""Growth rates, levels and counts of a cell, from its comparable-sample sums.

Each function takes the cell table of ``aggregate.rollup`` and returns the long
indicator rows (indicator, idx, industry, province, value, unit, n) of one indicator.
The definitions are in shared/formats/indicator-results.md and docs/compute.md.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
from ibis import _

LONG_COLUMNS = ("indicator", "idx", "industry", "province", "value", "unit", "n")


def _growth(this: ir.NumericValue, last: ir.NumericValue) -> ir.NumericValue:
    return 100.0 * (this / last - 1.0)


def indicator_rows(
    cells: ir.Table, indicator: str, unit: str, value: ir.Value, n: ir.Value,
    keep: ir.BooleanValue,
) -> ir.Table:
    """The long rows of one indicator: ``value`` and ``n`` where ``keep`` holds."""
    return cells.filter(keep).select(
        indicator=ibis.literal(indicator), idx=_.idx, industry=_.industry,
        province=_.province, value=value.cast("float64"), unit=ibis.literal(unit),
        n=n.cast("int64"),
    )


def _is_month(cells: ir.Table, month: int) -> ir.BooleanValue:
    return cells.idx % 12 == month - 1


def va_ytd_yoy(cells: ir.Table) -> ir.Table:
    """Year-to-date value added over S_ytd(t), this year against last."""
    return indicator_rows(cells, "va_ytd_yoy", "percent", _growth(_.va_ytd, _.va_ytd_ly),
                          _.n_ytd, (cells.n_ytd > 0) & (cells.va_ytd_ly > 0))


def va_yoy(cells: ir.Table) -> ir.Table:
    """The month over S(t); no January row, and February is the Jan-Feb combined figure."""
    monthly = indicator_rows(cells, "va_yoy", "percent", _growth(_.va_s, _.va_s_ly), _.n_s,
                             (cells.idx % 12 >= 2) & (cells.n_s > 0) & (cells.va_s_ly > 0))
    february = indicator_rows(cells, "va_yoy", "percent", _growth(_.va_ytd, _.va_ytd_ly),
                              _.n_ytd, _is_month(cells, 2) & (cells.n_ytd > 0)
                              & (cells.va_ytd_ly > 0))
    return monthly.union(february)


def va_real_ytd_yoy(cells: ir.Table) -> ir.Table:
    """As va_ytd_yoy with this year's months deflated; only where every month is priced."""
    return indicator_rows(cells, "va_real_ytd_yoy", "percent",
                          _growth(_.va_real_ytd, _.va_ytd_ly), _.n_ytd,
                          (cells.n_ytd > 0) & (cells.va_ytd_ly > 0)
                          & (cells.unpriced_ytd == 0))


def va_real_yoy(cells: ir.Table) -> ir.Table:
    """As va_yoy with the month deflated; February is the deflated Jan-Feb figure."""
    monthly = indicator_rows(cells, "va_real_yoy", "percent", _growth(_.va_real_s, _.va_s_ly),
                             _.n_s, (cells.idx % 12 >= 2) & (cells.n_s > 0)
                             & (cells.va_s_ly > 0) & (cells.unpriced_s == 0))
    february = indicator_rows(cells, "va_real_yoy", "percent",
                              _growth(_.va_real_ytd, _.va_ytd_ly), _.n_ytd,
                              _is_month(cells, 2) & (cells.n_ytd > 0) & (cells.va_ytd_ly > 0)
                              & (cells.unpriced_ytd == 0))
    return monthly.union(february)


def output_ytd_yoy(cells: ir.Table) -> ir.Table:
    return indicator_rows(cells, "output_ytd_yoy", "percent", _growth(_.out_ytd, _.out_ytd_ly),
                          _.n_ytd, (cells.n_ytd > 0) & (cells.out_ytd_ly > 0))


def revenue_ytd_yoy(cells: ir.Table) -> ir.Table:
    return indicator_rows(cells, "revenue_ytd_yoy", "percent", _growth(_.rev_ytd, _.rev_ytd_ly),
                          _.n_ytd, (cells.n_ytd > 0) & (cells.rev_ytd_ly > 0))


def profit_ytd(cells: ir.Table) -> ir.Table:
    """Year-to-date profit of every enterprise reporting this year (not only S_ytd)."""
    return indicator_rows(cells, "profit_ytd", "cny", _.profit_ytd, _.n_year, cells.n_year > 0)


def profit_ytd_yoy(cells: ir.Table) -> ir.Table:
    """Growth of year-to-date profit over S_ytd(t); meaningless, so absent, when last
    year's profit was zero or a loss."""
    return indicator_rows(cells, "profit_ytd_yoy", "percent",
                          _growth(_.profit_ytd_s, _.profit_ytd_s_ly), _.n_ytd,
                          (cells.n_ytd > 0) & (cells.profit_ytd_s_ly > 0))


def loss_making_ytd(cells: ir.Table) -> ir.Table:
    return indicator_rows(cells, "loss_making_ytd", "count", _.n_loss.fill_null(0), _.n_year,
                          cells.n_year > 0)


def loss_ytd(cells: ir.Table) -> ir.Table:
    """Losses of the loss-making enterprises, as a positive amount (0 when none)."""
    return indicator_rows(cells, "loss_ytd", "cny", _.loss_ytd.fill_null(0), _.n_loss.fill_null(0),
                          cells.n_year > 0)


def enterprises(cells: ir.Table) -> ir.Table:
    return indicator_rows(cells, "enterprises", "count", _.n_month, _.n_month,
                          cells.n_month > 0)

