from __future__ import annotations

import pytest

from indmon.errors import ConfigError
from indmon.periods import Period, month_add, months_between, previous_period


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2023", "2023-01", "2023-12", "year"),
        ("2023-Q1", "2023-01", "2023-03", "quarter"),
        ("2023-Q4", "2023-10", "2023-12", "quarter"),
        ("2023-03", "2023-03", "2023-03", "month"),
        ("2023-01/2023-11", "2023-01", "2023-11", "span"),
        ("2023-03-31", "2023-03", "2023-03", "date"),
    ],
)
def test_periods_parse_to_the_months_they_cover(text: str, start: str, end: str, kind: str) -> None:
    period = Period.parse(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)


@pytest.mark.parametrize("text", ["2023-13", "23", "2023-Q5", "2023-02-30", "March 2023"])
def test_a_malformed_period_says_what_is_expected(text: str) -> None:
    with pytest.raises((ConfigError, ValueError)):
        Period.parse(text)


def test_month_arithmetic_crosses_years() -> None:
    assert month_add("2023-01", -1) == "2022-12"
    assert month_add("2022-12", 13) == "2024-01"
    assert months_between("2022-11", "2023-02") == ["2022-11", "2022-12", "2023-01", "2023-02"]


def test_the_previous_period_is_a_year_earlier() -> None:
    assert previous_period("2023") == "2022"
    assert previous_period("2023-Q1") == "2022-Q1"
    assert previous_period("2023-01/2023-11") == "2022-01/2022-11"
