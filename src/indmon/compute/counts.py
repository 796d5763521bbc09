"""The counts briefings quote: industries growing, provinces ahead, streaks.

They are computed from the long indicator rows (``growth``), so a count always agrees
with the figures it counts.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir
from ibis import _

from indmon.catalogue import ALL


def _is_division(industry: ir.StringValue) -> ir.BooleanValue:
    """A 2-digit industrial division, as opposed to a sector letter or ALL."""
    return industry.length() == 2


def industries_growing_ytd(va_ytd_yoy: ir.Table) -> ir.Table:
    """How many industries (of the 41 divisions) grew year to date, per province and
    nationally; ``n`` is how many industries had a figure to compare."""
    rows = va_ytd_yoy.filter(_is_division(va_ytd_yoy.industry))
    return rows.group_by("province", "idx").aggregate(
        value=(rows.value > 0).cast("int64").sum().cast("float64"),
        n=rows.count().cast("int64"),
    ).select(
        indicator=ibis.literal("industries_growing_ytd"), idx=_.idx,
        industry=ibis.literal(ALL), province=_.province, value=_.value,
        unit=ibis.literal("count"), n=_.n,
    )


def provinces_faster_ytd(va_ytd_yoy: ir.Table) -> ir.Table:
    """How many provinces grew faster (year to date) than the country, for every
    industry, sector and ALL; ``n`` is how many provinces had a figure to compare."""
    regional = va_ytd_yoy.filter(va_ytd_yoy.province != ALL)
    national = va_ytd_yoy.filter(va_ytd_yoy.province == ALL).select(
        c_industry=_.industry, c_idx=_.idx, country=_.value
    )
    joined = regional.inner_join(
        national, [regional.industry == national.c_industry, regional.idx == national.c_idx]
    )
    return joined.group_by("industry", "idx").aggregate(
        value=(joined.value > joined.country).cast("int64").sum().cast("float64"),
        n=joined.count().cast("int64"),
    ).select(
        indicator=ibis.literal("provinces_faster_ytd"), idx=_.idx, industry=_.industry,
        province=ibis.literal(ALL), value=_.value, unit=ibis.literal("count"), n=_.n,
    )


def va_yoy_streak(va_yoy: ir.Table) -> ir.Table:
    """Signed length of the run of growth (+) or decline (-) of ``va_yoy`` ending in the
    month: +8 is the eighth consecutive month of growth, -3 the third of decline, 0 a
    month of exactly zero growth.

    The published series has no January, so February follows December: positions
    count 11 months a year. A missing month breaks the run.
    """
    signed = va_yoy.mutate(
        position=(_.idx // 12) * 11 + _.idx % 12 - 1,
        sign=ibis.ifelse(_.value > 0, 1, ibis.ifelse(_.value < 0, -1, 0)),
    )
    by_sign = ibis.window(group_by=["industry", "province", "sign"], order_by="position")
    runs = signed.mutate(run=_.position - ibis.row_number().over(by_sign))
    in_run = ibis.window(group_by=["industry", "province", "sign", "run"], order_by="position")
    counted = runs.mutate(length=ibis.row_number().over(in_run) + 1)
    return counted.select(
        indicator=ibis.literal("va_yoy_streak"), idx=_.idx, industry=_.industry,
        province=_.province, value=(_.sign * _.length).cast("float64"),
        unit=ibis.literal("month"), n=_.n,
    )
