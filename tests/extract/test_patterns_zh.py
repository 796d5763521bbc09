"""Chinese phenomena, each in a sentence written for the test, with the facts expected."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indmon.extract import extract_facts
from indmon.extract.patterns_zh import _RANK_ANCHORS_ZH as RANK_ANCHORS
from indmon.extract.patterns_zh import _STREAK_ANCHORS_ZH as STREAK_ANCHORS
from indmon.extract.patterns_zh import (
    FIGURE_ZH,
    FRACTION_ZH,
    RANK_ZH,
    STREAK_ZH,
    _windowed,
    figure_matches,
    fraction_matches,
)

HEAD = "2025年工业经济运行情况\n2026年1月20日\n\n"


def facts(body: str) -> list[tuple[str, float, str, str]]:
    return [(f.mention, f.value, f.unit, f.measure) for f in extract_facts(HEAD + body, "t")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("全国规模以上工业增加值同比增长4.8%，比上年加快0.2个百分点。",
         [("4.8%", 4.8, "percent", "growth_yoy"),
          ("0.2个百分点", 0.2, "percentage_point", "change")]),
        ("工业增加值增长百分之四点六。", [("百分之四点六", 4.6, "percent", "growth_yoy")]),
        ("工业增加值增长４．６％。", [("４．６％", 4.6, "percent", "growth_yoy")]),
        ("利润总额同比下降2.4%。", [("2.4%", -2.4, "percent", "growth_yoy")]),
        ("利润总额同比增长-2.4%。", [("-2.4%", -2.4, "percent", "growth_yoy")]),
        ("工业对经济增长的贡献率为36%。", [("36%", 36, "percent", "share")]),
        ("工业拉动经济增长1.1个百分点。",
         [("1.1个百分点", 1.1, "percentage_point", "level")]),
        ("营业收入达到1.56万亿元。", [("1.56万亿元", 1.56e12, "cny", "level")]),
        ("融资规模超过2700亿元。", [("2700亿元", 2.7e11, "cny", "level")]),
        ("出口额为83亿美元。", [("83亿美元", 8.3e9, "usd", "level")]),
        ("造船完工量917万载重吨。", [("917万载重吨", 9.17e6, "deadweight_ton", "level")]),
        ("累计建成5G基站337.7万个。", [("337.7万", 3.377e6, "count", "count")]),
        ("培育国家级制造业创新中心29个。", [("29", 29, "count", "count")]),
        # newly built: a number added, not the stock of centres
        ("新建三个国家级创新中心。", [("三", 3, "count", "change")]),
        ("汽车产量2100万辆。", [("2100万", 2.1e7, "count", "level")]),
        ("我国制造业规模连续14年居世界第一。",
         [("连续14年", 14, "year", "streak"), ("第一", 1, "count", "rank")]),
        ("制造业PMI连续三个月位于扩张区间。", [("连续三个月", 3, "month", "streak")]),
        ("算力总规模位居全球第二。", [("第二", 2, "count", "rank")]),
        ("出口实现两位数增长。", [("两位数", 10, "percent", "growth_yoy")]),
    ],
)
def test_phenomena(body: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert facts(body) == [(m, pytest.approx(v), u, s) for m, v, u, s in expected]


@pytest.mark.parametrize(
    "body",
    [
        "1月19日，国务院新闻办举行发布会。",  # a date
        "2025年，工业经济稳中有进。",  # a year used to say when
        "贯彻党的二十大精神，实施“十四五”规划。",  # names
        "一是稳增长，二是促创新，第三是优环境。",  # enumeration
        "主要有三个方面的特点。",  # rhetoric
        "举报热线：12381。",  # hotline
        "实施2024-2026年行动计划。",  # plan-year range
        "推进5G和IPv6规模部署。",  # codes
        "发布第五批专精特新企业名单，已连续实施3年。",  # ordinals, durations
    ],
)
def test_not_facts(body: str) -> None:
    assert facts(body) == []


def test_page_leftovers_carry_no_facts() -> None:
    assert facts("首页 > 新闻 > 第2页\n分享到：微信 微博\n1 2 3 4 5 >\n") == []


@pytest.mark.parametrize(
    ("body", "period"),
    [
        ("1—11月，利润总额6.8万亿元。", "2025-01/2025-11"),
        ("一季度，工业增加值增长6.5%。", "2025-Q1"),
        ("截至9月末，5G用户达到10亿户。", "as of 2025-09-30"),
        ("12月份，汽车产量增长12.5%。", "2025-12"),
        ("工业增加值增长5.9%。", "2025"),
    ],
)
def test_period_of_a_fact(body: str, period: str) -> None:
    assert extract_facts(HEAD + body, "t")[0].period == period


def test_region_and_subject() -> None:
    (fact,) = extract_facts(HEAD + "江苏规模以上工业增加值增长7.2%。", "t")
    assert fact.region == "Jiangsu"
    assert fact.subject == "value added of industrial enterprises above designated size"


def test_language_is_detected() -> None:
    (fact,) = extract_facts(HEAD + "增长7.2%。", "t")
    assert fact.unit == "percent"
    assert extract_facts(HEAD + "增长7.2%。", "t", lang="en") != [fact]


# -- the fast scans find what the plain patterns find ---------------------------------------

_TOKENS = ["百分之", "百分之四点六", "三百分之", "百", "分之", "三分之一", "4分之3", "4.6%", "三百",
           "五千万", "1.2万亿元", "百分之12", "第三", "一是", "12个", "增长", "，", "。", "两位数"]
_TEXTS = st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_figures_are_found_as_one_scan_of_figure_zh_finds_them(text: str) -> None:
    def found(matches: Iterable[re.Match[str]]) -> list[tuple[object, ...]]:
        return [(m.span(), m.lastgroup, m.groupdict().get("num"), m.groupdict().get("pnum"))
                for m in matches]
    assert found(figure_matches(text)) == found(FIGURE_ZH.finditer(text))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_fractions_are_found_as_one_scan_of_fraction_zh_finds_them(text: str) -> None:
    assert ([m.span() for m in fraction_matches(text)]
            == [m.span() for m in FRACTION_ZH.finditer(text)])


_STREAK_TOKENS = [
    "连续", "已", "已经", "已有", "持续", "3", "12", "十五",
    "个", "月", "年", "季度", "来", "以来", "保持", "位居",
    "居", "在", "正增长", "保持正增长", "保持增长", "实现正增长", "世界", "全球",
    "全国", "第一", "第", "2", "位", "首位", "排名", "名列",
    "位列", "。", "；", "增长", "一直", "稳居", "处于", "，",
    "7.2%",
]
_STREAK_TEXTS = st.lists(st.sampled_from(_STREAK_TOKENS), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_STREAK_TEXTS)
def test_streaks_and_ranks_are_found_around_their_anchors_as_one_scan_finds_them(
        text: str) -> None:
    for pattern, anchors in ((STREAK_ZH, STREAK_ANCHORS), (RANK_ZH, RANK_ANCHORS)):
        assert ([m.span() for m in _windowed(pattern, text, anchors)]
                == [m.span() for m in pattern.finditer(text)])


_STREAK_EXAMPLES = [
    "产量3个月来一直位居首位。",
    "同比保持正增长20个月。",
    "同比保持增长15个月。",
    "实现正增长9个月。",
    "已15年位居世界第一。",
    "连续12个月增长。",
    "持续6个月位于扩张区间。",
    "产量居全国第2位，排名世界第三，全球第一。",
]


@pytest.mark.parametrize("text", _STREAK_EXAMPLES)
def test_each_wording_of_a_streak_or_rank_is_found_around_an_anchor(text: str) -> None:
    for pattern, anchors in ((STREAK_ZH, STREAK_ANCHORS), (RANK_ZH, RANK_ANCHORS)):
        assert ([m.span() for m in _windowed(pattern, text, anchors)]
                == [m.span() for m in pattern.finditer(text)])
