"""Subjects that name what a figure is, not only the generic noun next to it (issue 10):
counts of what something covers, so the mapper can tell 5G's categories from the
industrial internet's."""

from __future__ import annotations

import pytest

from indmon.catalogue import Catalogue
from indmon.extract import extract_facts
from indmon.extract.mapping import map_facts


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return Catalogue.load()


def mapped(text: str, cat: Catalogue) -> list[tuple[float, str | None, str]]:
    facts = map_facts(extract_facts(text, "t", published="2025-07-18"), cat)
    return [(f.value, f.indicator, f.period) for f in facts]


def test_a_coverage_count_names_what_covers(cat: Catalogue) -> None:
    text = ("By the end of June, 5G applications had reached 76 major categories of the "
            "national economy, and the industrial internet covered all 41 industrial "
            "categories.")
    assert mapped(text, cat) == [(76, "g5_economy_categories", "2025-06-30"),
                                 (41, "iiot_industrial_categories", "2025-06-30")]


def test_a_coverage_count_out_of_a_total(cat: Catalogue) -> None:
    text = "In the first half, we integrated 5G into 76 of the 97 national economic categories."
    assert mapped(text, cat)[0] == (76, "g5_economy_categories", "2025-06-30")


def test_the_second_count_covered_shares_the_first_ones_of(cat: Catalogue) -> None:
    text = ("The industrial internet has covered 47 major categories of the national economy "
            "and 170 middle categories.")
    assert [i for _, i, _ in mapped(text, cat)] == [
        "iiot_economy_categories", "iiot_economy_middle_categories"]


@pytest.mark.parametrize("text", [
    "The new industrial park covers 200 hectares.",
    "The programme covered 3,000 enterprises in the first half.",
])
def test_coverage_of_things_that_are_no_categories_is_left_alone(text: str) -> None:
    facts = extract_facts(text, "t", published="2025-07-18")
    assert all(" cover" not in f.subject for f in facts)
