"""Pronoun subjects take their antecedent's subject (issue 10): "it grew 5.9%" is the
figure of what the sentence before named, and 其/它/该 the same in Chinese; when the
antecedent is not one subject, the figure stays unmapped rather than guessed."""

from __future__ import annotations

import pytest

from indmon.catalogue import Catalogue
from indmon.extract import extract_facts
from indmon.extract.mapping import map_facts


def cells(text: str, cat: Catalogue) -> list[tuple[float, str | None, str, str]]:
    facts = map_facts(extract_facts(text, "t", published="2025-07-18"), cat)
    return [(f.value, f.indicator, f.industry, f.period) for f in facts]


def test_it_is_the_subject_of_the_sentence_before(cat: Catalogue) -> None:
    text = ("The value added of manufacturing grew 6.1% year on year in June. In the first "
            "half of the year, it rose 6.4%.")
    assert cells(text, cat) == [(6.1, "va_yoy", "C", "2025-06"),
                                (6.4, "va_ytd_yoy", "C", "2025-H1")]


def test_it_in_a_later_clause_of_the_same_sentence(cat: Catalogue) -> None:
    text = "In June the output of cement fell 3.5%, and in the first half it fell 4.2%."
    assert [(v, i) for v, i, _, _ in cells(text, cat)] == [
        (-3.5, "cement_output_yoy"), (-4.2, "cement_output_yoy")]


def test_it_after_a_list_is_not_guessed(cat: Catalogue) -> None:
    text = ("In June, the output of cement fell 3.5% and that of crude steel 1.1%. In the "
            "first half of the year, it fell 2.0%.")
    assert cells(text, cat)[-1][1] is None


def test_it_before_the_figures_of_its_own_sentence_is_not_theirs() -> None:
    # "It" is who built the plants; the share is of the plants, not of value added
    text = ("Value added of industry rose 4.8% in June. It has built 30 plants, accounting "
            "for 20% of the total.")
    subjects = [f.subject for f in extract_facts(text, "t", published="2025-07-18")]
    assert "value added of industry" not in subjects[1:]


def test_it_without_a_figure_before_stays_a_pronoun() -> None:
    text = "The bureau released the data on Monday.\nIn June, it grew 5.0%."
    assert [f.subject for f in extract_facts(text, "t", published="2025-07-18")] == ["it"]


@pytest.mark.parametrize("text", [
    "6月份，规模以上工业增加值同比增长6.1%。1—6月份，其同比增长6.4%。",
    "6月份，规模以上工业增加值同比增长6.1%。1—6月份，它同比增长6.4%。",
])
def test_chinese_pronoun_takes_the_sentence_before(cat: Catalogue, text: str) -> None:
    assert [(v, i) for v, i, _, _ in cells(text, cat)] == [(6.1, "va_yoy"), (6.4, "va_ytd_yoy")]


def test_chinese_pronoun_with_a_head_term(cat: Catalogue) -> None:
    text = "6月份，水泥产量1.8亿吨。1—6月份，该产品产量同比下降4.2%。"
    assert [i for _, i, _, _ in cells(text, cat)] == ["cement_output", "cement_output_yoy"]


@pytest.mark.parametrize("text", [
    "6月份，规模以上工业增加值同比增长6.1%。其中，制造业增长6.5%。",
    "6月份，规模以上工业增加值同比增长6.1%。其他行业增长3.5%。",
])
def test_chinese_of_which_and_other_are_no_pronouns(text: str) -> None:
    facts = extract_facts(text, "t", published="2025-07-18")
    assert facts[1].subject != facts[0].subject


def test_a_member_after_a_pronoun_takes_the_resolved_head(cat: Catalogue) -> None:
    text = ("The output of cement fell 3.5% in June. In the first half, it fell 4.2%, and "
            "that of crude steel 1.1%.")
    assert [(v, i) for v, i, _, _ in cells(text, cat)] == [
        (-3.5, "cement_output_yoy"), (-4.2, "cement_output_yoy"),
        (-1.1, "crude_steel_output_yoy")]


def test_a_member_after_a_pronoun_keeps_the_resolved_head_in_its_subject() -> None:
    # the member is read again once "it" is resolved: "output of crude steel", not "crude
    # steel" (which only a lenient mapping would still place)
    text = ("Revenue of the telecom industry grew 3.5% in June. In the first half, it grew "
            "4.2%, and that of the mobile business 1.1%.")
    facts = extract_facts(text, "t", published="2026-07-15")
    assert [f.subject for f in facts] == ["revenue of the telecom industry"] * 2 + [
        "revenue of mobile business"]
