"""Percentage-point contributions of industries and sectors to a province's growth."""

from __future__ import annotations

import ibis.expr.types as ir

from indmon.catalogue import ALL
from indmon.compute.growth import indicator_rows


def va_contribution_pp(cells: ir.Table) -> ir.Table:
    """100 * (the cell's year-to-date change in value added over its part of S_ytd)
    / (the whole province's last-year value added over S_ytd).

    Dividing by the whole's base, not the cell's, is what makes the 41 industries'
    contributions add up to the province's (or the country's) ``va_ytd_yoy``.
    """
    parts = cells.filter(cells.industry != ALL)
    whole = cells.filter(cells.industry == ALL).select(
        w_province=cells.province, w_idx=cells.idx, base=cells.va_ytd_ly
    )
    joined = parts.inner_join(
        whole, [parts.province == whole.w_province, parts.idx == whole.w_idx]
    )
    change = joined.va_ytd - joined.va_ytd_ly
    return indicator_rows(
        joined, "va_contribution_pp", "percentage_point", 100.0 * change / joined.base,
        joined.n_ytd, (joined.n_ytd > 0) & (joined.base > 0),
    )
