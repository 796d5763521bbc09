from __future__ import annotations

import pytest

from indmon.errors import ConfigError, PeriodError
from indmon.store.periods import Period, month_add, months_between, previous_period


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2023", "2023-01", "2023-12", "year"),
        ("2023-Q1", "2023-01", "2023-03", "quarter"),
        ("2023-Q4", "2023-10", "2023-12", "quarter"),
        ("2023-03", "2023-03", "2023-03", "month"),
        ("2023-01/2023-11", "2023-01", "2023-11", "ytd"),
        ("2023-01/2023-02", "2023-01", "2023-02", "janfeb"),
        ("2023-04/2023-06", "2023-04", "2023-06", "span"),
        ("2023-H2", "2023-07", "2023-12", "half"),
        ("2023-03-31", "2023-03", "2023-03", "date"),
    ],
)
def test_periods_parse_to_the_months_they_cover(text: str, start: str, end: str, kind: str) -> None:
    period = Period.parse(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)


@pytest.mark.parametrize(
    "text", ["2023-13", "23", "2023-Q5", "Q1-2023", "2023-02-30", "March 2023",
             "2023-05/2023-02", "2023/2024", "2023-H3"])
def test_a_malformed_period_names_the_value_and_the_forms(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        Period.parse(text)
    assert caught.value.value == text
    assert repr(text) in str(caught.value) and "2023-Q1" in str(caught.value)
    assert isinstance(caught.value, ConfigError | ValueError)


@pytest.mark.parametrize(
    ("text", "frequency"),
    [("2023", "year"), ("2023-H1", "half"), ("2023-Q1", "quarter"), ("2023-03", "month"),
     ("2023-01/2023-02", "month"), ("2023-01/2023-11", "month"), ("2023-03-31", "stock"),
     ("2023-04/2023-06", "span")],
)
def test_each_period_knows_how_often_it_recurs(text: str, frequency: str) -> None:
    assert Period.parse(text).frequency == frequency


def test_periods_order_in_time_not_as_text() -> None:
    texts = ["2023-10", "2023", "2023-01/2023-02", "2023-02", "2022-12-31", "2023-Q1",
             "2023-01/2023-03", "2023-03", "2023-H1"]
    ordered = [p.text for p in sorted(Period.parse(t) for t in texts)]
    # by the last month covered, the longer period first within a month
    assert ordered == ["2022-12-31", "2023-01/2023-02", "2023-02", "2023-01/2023-03",
                       "2023-Q1", "2023-03", "2023-H1", "2023-10", "2023"]


def test_a_span_of_one_month_is_that_month() -> None:
    assert Period.parse("2023-05/2023-05") == Period.parse("2023-05")


def test_month_arithmetic_crosses_years() -> None:
    assert month_add("2023-01", -1) == "2022-12"
    assert month_add("2022-12", 13) == "2024-01"
    assert months_between("2022-11", "2023-02") == ["2022-11", "2022-12", "2023-01", "2023-02"]


def test_the_previous_period_is_a_year_earlier() -> None:
    assert previous_period("2023") == "2022"
    assert previous_period("2023-Q1") == "2022-Q1"
    assert previous_period("2023-01/2023-11") == "2022-01/2022-11"
    assert previous_period("2023-H1") == "2022-H1"
    assert previous_period("2024-02-29") == "2023-02-28"
