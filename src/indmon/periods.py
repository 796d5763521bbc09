"""Periods: kept for imports written before the store owned them (see ``indmon.store.periods``).

>>> Period.parse("2023-01/2023-11").end_month
'2023-11'
"""

from indmon.store.periods import (
    FORMS,
    Period,
    check_month,
    is_month,
    month_add,
    month_from_index,
    month_index,
    months_between,
    parse_period,
    period_order,
    previous_period,
)

__all__ = [
    "FORMS",
    "Period",
    "check_month",
    "is_month",
    "month_add",
    "month_from_index",
    "month_index",
    "months_between",
    "parse_period",
    "period_order",
    "previous_period",
]
