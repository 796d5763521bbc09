"""Subjects that name what a figure is, not only the generic noun next to it (issue 10):
counts of what something covers, so the mapper can tell 5G's categories from the
industrial internet's."""

from __future__ import annotations

import pytest

from indmon.catalogue import Catalogue
from indmon.extract import extract_facts
from indmon.extract.mapping import map_facts


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


def test_a_contribution_to_growth_is_the_contribution_not_the_sector(cat: Catalogue) -> None:
    text = ("In 2024, industry contributed 35% to economic growth. Industry contributed 1.8 "
            "percentage points to growth, with manufacturing adding 1.3 percentage points.")
    facts = map_facts(extract_facts(text, "t", published="2025-01-20"), cat)
    assert [(f.value, f.indicator, f.industry) for f in facts] == [
        (35, "industry_contribution_share", "ALL"), (1.8, "industry_contribution_pp", "ALL"),
        (1.3, "industry_contribution_pp", "C")]


def test_a_contribution_to_the_growth_of_a_whole_is_left_alone() -> None:
    text = "Equipment manufacturing contributed 2.0 percentage points to the growth of industry."
    (fact,) = extract_facts(text, "t", published="2025-01-20")
    assert fact.subject == "equipment manufacturing"


@pytest.mark.parametrize(("text", "indicator"), [
    ("The scale of the manufacturing industry has ranked first in the world for 15 "
     "consecutive years.", "mfg_world_rank_streak"),
    ("The shipbuilding industry has kept the largest global share for 15 consecutive years.",
     "shipbuilding_world_rank_streak"),
])
def test_a_streak_of_leading_the_world_says_so(cat: Catalogue, text: str,
                                               indicator: str) -> None:
    facts = map_facts(extract_facts(text, "t", published="2025-01-20"), cat)
    assert [f.indicator for f in facts if f.measure == "streak"] == [indicator]


def test_a_streak_of_something_else_is_no_world_ranking() -> None:
    text = "The PMI has stayed in the expansion range for three consecutive months."
    (fact,) = extract_facts(text, "t", published="2025-04-20")
    assert "world" not in fact.subject


def test_the_growth_rate_is_the_growth_stated_before(cat: Catalogue) -> None:
    text = ("In the first quarter, the value added of industrial enterprises above designated "
            "size grew 5.9% year on year, and the growth rate was 0.4 percentage points "
            "higher than in the fourth quarter of 2024.")
    facts = map_facts(extract_facts(text, "t", published="2025-04-20"), cat)
    assert [(f.value, f.indicator) for f in facts] == [
        (5.9, "va_ytd_yoy"), (0.4, "va_growth_change_pp")]


def test_the_growth_rate_after_a_list_is_not_guessed(cat: Catalogue) -> None:
    text = ("In the first quarter, the output of cement rose 3.0% and that of crude steel "
            "2.0%, and the growth rate was 0.3 percentage points higher than in 2024.")
    facts = map_facts(extract_facts(text, "t", published="2025-04-20"), cat)
    assert facts[-1].indicator is None


def test_a_count_keeps_the_feature_that_says_which_things(cat: Catalogue) -> None:
    text = ("By the end of June, operators had built more than 25 million ports with gigabit "
            "network service capabilities, and 120 clusters of small and medium-sized "
            "enterprises with distinctive features had been set up.")
    assert [i for _, i, _ in mapped(text, cat)] == ["gigabit_ports", "sme_clusters"]


def test_a_feature_with_a_figure_of_its_own_is_not_kept() -> None:
    text = "There are 3,000 enterprises with 200 employees."
    assert extract_facts(text, "t", published="2025-07-18")[0].subject == "enterprises"


def test_units_count_the_thing_named_before_in_the_clause(cat: Catalogue) -> None:
    text = ("In the first half, the platform grew, and the key platform connection equipment "
            "exceeded 96 million units (sets).")
    assert mapped(text, cat)[0][1] == "iiot_connected_equipment"


def test_a_hedged_figure_is_of_what_follows_its_of(cat: Catalogue) -> None:
    text = ("In 2024, more than 2.6 trillion yuan of new tax and fee cuts and tax rebate "
            "exemptions went to market entities.")
    assert mapped(text, cat)[0][:2] == (2.6e12, "tax_fee_relief")


def test_with_the_number_reaching_counts_what_the_clause_before_names(cat: Catalogue) -> None:
    text = "Mobile Internet applications kept growing, with the number reaching 2.58 million."
    assert mapped(text, cat)[0][:2] == (2.58e6, "apps_on_shelves")


@pytest.mark.parametrize("text", [
    "This year, our ministry plans to cultivate another 100 characteristic industrial "
    "clusters of small and medium-sized enterprises.",
    "This year, another 100 characteristic industrial clusters of small and medium-sized "
    "enterprises will be cultivated.",
    "2025年，力争新建5G基站60万个。",
])
def test_a_plan_or_target_is_no_observation(cat: Catalogue, text: str) -> None:
    facts = map_facts(extract_facts(text, "t", published="2025-03-05"), cat)
    assert [f.indicator for f in facts] == [None]
    assert facts[0].subject.startswith("planned ")


def test_will_alone_makes_no_plan(cat: Catalogue) -> None:
    # translations of releases write "will" for what happened
    text = "In 2024, more than 2.6 trillion yuan of new tax and fee cuts will be added."
    assert mapped(text, cat)[0][1] == "tax_fee_relief"


def test_overall_before_a_noun_is_part_of_the_subject(cat: Catalogue) -> None:
    text = "The overall scale of the manufacturing industry has ranked first in the world."
    facts = map_facts(extract_facts(text, "t", published="2025-01-20"), cat)
    assert [(f.subject, f.indicator) for f in facts] == [
        ("world ranking of overall scale of the manufacturing industry", "mfg_world_rank")]
