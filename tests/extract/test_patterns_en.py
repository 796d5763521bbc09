"""English phenomena, each in a sentence written for the test, with the facts expected."""

from __future__ import annotations

import pytest

from indmon.extract import extract_facts

HEAD = "Press conference on industry in 2025\nJanuary 20, 2026\n\n"


def facts(body: str) -> list[tuple[str, float, str, str]]:
    return [(f.mention, f.value, f.unit, f.measure) for f in extract_facts(HEAD + body, "t")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # growth, and percentage points against a base
        ("Value added of industry grew by 4.8% year on year, 0.2 percentage points higher "
         "than in 2024.",
         [("4.8%", 4.8, "percent", "growth_yoy"),
          ("0.2 percentage points", 0.2, "percentage_point", "change")]),
        # machine-translation debris
        ("Output rose 3.9%year -on -year.", [("3.9%", 3.9, "percent", "growth_yoy")]),
        ("Exports kept a double -digit growth.", [("double -digit", 10, "percent", "growth_yoy")]),
        # contributions in points are levels
        ("Industry contributed 1.3 percentage points to growth.",
         [("1.3 percentage points", 1.3, "percentage_point", "level")]),
        # shares
        ("Private firms accounted for 61.5 percent of the total.",
         [("61.5 percent", 61.5, "percent", "share")]),
        ("About 35 percent of which went to small firms.",
         [("35 percent", 35, "percent", "share")]),
        # declines are negative growth
        ("Profits fell by 2.4% year on year.", [("2.4%", -2.4, "percent", "growth_yoy")]),
        ("Profits changed by -2.4% year on year.", [("-2.4%", -2.4, "percent", "growth_yoy")]),
        # scale words and currencies
        ("Revenue reached 1.56 trillion yuan.", [("1.56 trillion yuan", 1.56e12, "cny", "level")]),
        ("Investment came to $8.3 billion.", [("$8.3 billion", 8.3e9, "usd", "level")]),
        ("Exports exceeded one trillion for the first time.",
         [("one trillion", 1e12, "cny", "level")]),
        # physical units
        ("Solid waste use topped 2.4 billion metric tons.",
         [("2.4 billion metric tons", 2.4e9, "ton", "level")]),
        ("Yards completed 8.2 million deadweight tons.",
         [("8.2 million deadweight tons", 8.2e6, "deadweight_ton", "level")]),
        ("A ship of 24,346 TEU and two 16,000TEU-class ships were named.",
         [("24,346 TEU", 24346, "teu", "level"), ("two", 2, "count", "count"),
          ("16,000TEU", 16000, "teu", "level")]),
        # counts in digits and in words
        ("We set up 29 innovation centres and three demonstration zones.",
         [("29", 29, "count", "count"), ("three", 3, "count", "count")]),
        ("There were 3.18 million 5G base stations.",
         [("3.18 million", 3.18e6, "count", "count")]),
        # flows counted in units are levels
        ("Production of vehicles was 2.1 million.", [("2.1 million", 2.1e6, "count", "level")]),
        # rankings and streaks
        ("The sector ranked first in the world for 13 consecutive years.",
         [("first", 1, "count", "rank"), ("13 consecutive years", 13, "year", "streak")]),
        ("It led for the 9th consecutive year and ranks second globally.",
         [("9th consecutive year", 9, "year", "streak"), ("second", 2, "count", "rank")]),
        ("The index stayed above 50 for four consecutive months.",
         [("50", 50, "count", "level"), ("four consecutive months", 4, "month", "streak")]),
        ("Its vehicles were the world's No. 1 seller.", [("No. 1", 1, "count", "rank")]),
        ("It became the No. 2 maker.", [("No. 2", 2, "count", "rank")]),
        # a quoted statement is speech, not a slogan
        ('"Industry grew 6%," the minister said.', [("6%", 6, "percent", "growth_yoy")]),
        # a ratio without a unit
        ("The load ratio reached 0.52.", [("0.52", 0.52, "times", "level")]),
    ],
)
def test_phenomena(body: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert facts(body) == [(m, pytest.approx(v), u, s) for m, v, u, s in expected]


@pytest.mark.parametrize(
    "body",
    [
        "On March 5 and on the 19th, the meeting was held.",  # calendar dates
        "In 2025 the ministry met.",  # a year used to say when
        "We studied the 14th Five-Year Plan and the 20th National Congress.",  # names
        "First, growth was stable. The second is innovation.",  # enumeration
        "There are three main characteristics and four aspects.",  # rhetoric
        "Call the hotline 12381 or read document No.12 model XK-2150.",  # numbers as codes
        "The No. 1 central document and Article 5 were read at 10:30.",  # identifiers, times
        "The Action Plan (2021-2023) ends this year.",  # plan-year range
        "5G and IPv6 networks and the ARJ21 jet.",  # codes glued to letters
        "The elderly over 60 years old and three years of work.",  # ages and durations
        'The slogan "10 billion leaders, 100 billion clusters" was heard.',  # quoted slogan
        "We implemented the 31 Articles on the Private Economy.",  # a plan name
    ],
)
def test_not_facts(body: str) -> None:
    assert facts(body) == []


def test_page_leftovers_carry_no_facts() -> None:
    body = "Home - Press Room -\n1  2  3  4  5  6  7  8  9  10  >\nShare: WeChat\nComments (3)\n"
    assert facts(body) == []


def test_mentions_index_the_text_as_given() -> None:
    text = HEAD + "Output grew 4.6%, with ４．８％ in the east."
    for fact in extract_facts(text, "t"):
        assert text[fact.start:fact.end] == fact.mention


def test_respectively_lists_keep_their_measure() -> None:
    found = facts("Output of steel, cement and glass increased by 6.1%, 7.5% and 8.4% "
                  "year-on-year respectively.")
    assert [m for m, *_ in found] == ["6.1%", "7.5%", "8.4%"]
    assert {s for *_, s in found} == {"growth_yoy"}


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("In the first 11 months, revenue reached 5 billion yuan.", "2025-01/2025-11"),
        ("As of the end of June, there were 3 million users.", "as of 2025-06-30"),
        ("In the third quarter, output grew 4%.", "2025-Q3"),
        ("Last year, output grew 4%.", "2025"),
        ("Output grew 4%.", "2025"),
        ("In 2024, output grew 4%. It was 2% higher than in 2023.", "2024"),
    ],
)
def test_period_of_a_fact(body: str, period: str) -> None:
    found = extract_facts(HEAD + body, "t")
    assert found[-1].period == period


@pytest.mark.parametrize(
    ("body", "region"),
    [
        ("Jiangsu's industrial output rose 6.8%.", "Jiangsu"),
        ("A total of 6 ships of this class were delivered globally.", "world"),
        ("Output rose 6.8%.", "CN"),
    ],
)
def test_region_of_a_fact(body: str, region: str) -> None:
    assert extract_facts(HEAD + body, "t")[0].region == region


def test_subjects_are_noun_phrases() -> None:
    (growth,) = extract_facts(HEAD + "The value added of high-tech manufacturing grew by 7%.", "t")
    assert growth.subject == "value added of high-tech manufacturing"
    (count,) = extract_facts(HEAD + "We cultivated 45 advanced manufacturing clusters.", "t")
    assert count.subject == "advanced manufacturing clusters"
