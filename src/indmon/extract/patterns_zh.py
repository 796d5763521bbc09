"""Chinese grammar of figures as ministry releases and statistical communiqués write them.

- figures: Arabic or Chinese numerals, a scale (万, 亿, 万亿) and a unit: ``4.6%``,
  ``百分之四点六``, ``0.3个百分点``, ``1.8万亿元``, ``2.64万个``, ``9170万载重吨``
- streaks: ``连续14年``, ``连续三个月``
- rankings: ``居世界第一``, ``位居全球第二``, ``排名第3``

Not figures: years and durations (``2023年``, ``3年``), dates (``1月19日``), ordinals
(``第五批``, ``十四五``), meeting numbers (``二十大``), codes glued to letters (``5G``),
hotline and document numbers (``12381``, ``〔2023〕12号``). A Chinese numeral counts
things only before a measure word (``两个国家级中心``), never alone (``一是``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from indmon.extract.mentions import Mention, sign_before, windows_around
from indmon.extract.numbers import parse_zh_number

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ZH_NUM = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_SCALE = r"(?:万亿|千亿|百亿|亿|千万|百万|万)"

#: unit words after a number, with the facts-format unit they mean
UNITS_ZH: list[tuple[str, str]] = [
    (r"[%]", "percent"),
    (r"个百分点", "percentage_point"),
    (r"(?:元人民币|元|人民币)", "cny"),
    (r"美元", "usd"),
    (r"载重吨", "deadweight_ton"),
    (r"吨", "ton"),
    (r"标准箱|TEU|箱", "teu"),
    (r"千瓦时|度电", "kwh"),
    (r"千瓦", "kilowatt"),
    (r"倍", "times"),
    (r"公里|千米", "kilometer"),
    (r"平方米", "square_meter"),
]
_UNIT_RE = "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(UNITS_ZH))

_AFTER_NUMBER = rf"\s*(?P<scale>{_SCALE})?(?:多|余)?\s*(?:{_UNIT_RE})?"
FIGURE_ZH = re.compile(
    rf"(?P<pct>百分之(?P<pnum>{_ZH_NUM}|{_ARABIC}))|(?P<num>{_ARABIC}|{_ZH_NUM}){_AFTER_NUMBER}"
)
#: the two branches of ``FIGURE_ZH`` on their own: ``百分之`` numbers, and numbers led by
#: the set of characters they start with, so that the engine skips to those instead of
#: trying every character (see ``figure_matches``)
_PERCENT_ZH = re.compile(rf"(?P<pct>百分之(?P<pnum>{_ZH_NUM}|{_ARABIC}))")
_DIGIT_CHARS = "零〇一二两三四五六七八九十百千"
_FIGURE_NUMBER_ZH = re.compile(
    rf"(?P<num>[\d{_DIGIT_CHARS}](?:(?<=\d)\d*(?:,\d{{3}})*(?:\.\d+)?"
    rf"|(?<=[{_DIGIT_CHARS}])[{_DIGIT_CHARS}]*(?:点[零〇一二三四五六七八九]+)?)){_AFTER_NUMBER}"
)
STREAK_ZH = re.compile(
    rf"连续(?P<n>{_ARABIC}|{_ZH_NUM})(?:个)?(?P<unit>年|月|季度)"
    # a streak worded without 连续: "已经5个月保持在扩张区间", "已15年位居世界第一"
    rf"|已(?:经|有)?(?:持续|连续)?(?P<n2>{_ARABIC}|{_ZH_NUM})(?:个)?(?P<unit2>年|月|季度)"
    rf"(?=(?:以来)?(?:保持|位居|稳居|居|实现|处于|维持|位于))"
    # "已持续6个月位于扩张区间", "持续3个月保持增长"
    rf"|持续(?P<n3>{_ARABIC}|{_ZH_NUM})(?:个)?(?P<unit3>年|月|季度)"
    rf"(?=(?:以来)?(?:保持|位居|稳居|居|实现|处于|维持|位于|在)|[。；])"
    # "3个月来持续位于扩张区间": the months counted first, then the state they kept
    rf"|(?<![\d.])(?P<n4>{_ARABIC}|{_ZH_NUM})(?:个)?(?P<unit4>年|月|季度)(?:来|以来)"
    rf"(?=(?:持续|一直|连续|始终)(?:保持|位居|稳居|居|实现|处于|维持|位于|在))"
    # "同比已保持正增长20个月": the months a growth has been kept
    rf"|(?:(?<=保持正增长)|(?<=保持增长)|(?<=实现正增长))(?P<n5>{_ARABIC}|{_ZH_NUM})(?:个)?"
    rf"(?P<unit5>年|月|季度)(?![\d])")
RANK_ZH = re.compile(
    rf"(?:居|位居|位列|稳居|排名|排在|保持|名列)(?:全球|世界|全国|国内)?(?:各国)?"
    rf"(?P<rank>首位|第(?:{_ARABIC}|{_ZH_NUM})(?:位)?)"
    rf"|(?:全球|世界)(?P<rank2>第(?:{_ARABIC}|{_ZH_NUM}))"
)
DOUBLE_DIGIT_ZH = re.compile(r"两位数")
#: parts of a whole: 三分之一, 4分之3 (百分之 is a percent and read by ``FIGURE_ZH``)
FRACTION_ZH = re.compile(
    r"(?P<den>[二两三四五六七八九十]|\d{1,2})分之(?P<num>[一二两三四五六七八九]|\d)"
)

#: measure words after which a Chinese numeral counts things
_CLASSIFIER = re.compile(r"^[多余]?[个家项座台辆艘架条种类批户人名所款部套处件]")
#: what follows rhetoric ("三个方面", "一是") rather than a count of things
_ABSTRACT_AFTER = re.compile(
    r"^(?:多|余)?(?:个|项|种|条|类|批)?(?:方面|特点|特征|阶段|环节|重点|任务|举措|问题|"
    r"原则|目标|维度|层面|意见|行动|字|大|是|要|则|年|月|日|号|届|点)"
)
#: the size of a group figures are stated for, not a fact: "三家基础电信企业的移动电话用户",
#: "50个重点城市中", "41个工业大类行业中"
_REFERENCE_GROUP = re.compile(
    r"^(?:家|大)(?:基础)?电信(?:企业|运营商)|^家运营商|^个(?:重点|主要|大中)?城市(?:中|里)|"
    r"^个(?:工业)?(?:行业)?大类(?:行业)?(?:中|里|当中)"
    # "在调查的21个行业中": the industries the PMI survey covers
    r"|^个(?:调查)?行业(?:中|里|当中)"
    # "在构成制造业PMI的5个分类指数中": the sub-indices a composite index is made of
    r"|^个(?:分类|分项)?指数(?:中|里|当中)"
    # "全行业29870家规模以上企业实现营业收入": the enterprises whose totals follow
    r"|^家规模以上(?:工业)?企业(?:共|合计|累计)?(?:实现|完成)")
_NOT_AFTER_DIGITS = re.compile(r"^\s*(?:年|月|日|号|时|岁|周岁|届|次会议|-\d|—\d|/\d|[A-Za-z]"
                               # "在4、5月份位于收缩区间": the first month of a list of months
                               r"|[、和至到]\s*\d{1,2}\s*月)")
_HOTLINE_BEFORE = re.compile(r"(?:热线|电话|举报|号码|编号|文号|代码|型号)\s*[:：]?\s*$")
_STREAK_UNITS = {"年": "year", "月": "month", "季度": "quarter"}


#: the unit each unit group of ``FIGURE_ZH`` stands for
_UNIT_OF_GROUP = {f"u{i}": unit for i, (_, unit) in enumerate(UNITS_ZH)}


def _unit_of(m: re.Match[str]) -> str:
    # a unit group, when one matched, is the last group of the match to close
    return _UNIT_OF_GROUP.get(m.lastgroup or "", "count")


def _rejected(text: str, m: re.Match[str], unit: str) -> bool:
    num, start = m.group("num"), m.start()
    before = text[max(0, start - 6):start]
    glued = start > 0 and text[start - 1].isascii() and text[start - 1].isalnum()
    if before.endswith("第") or glued:
        return True
    if unit != "count" or m.group("scale"):
        return False
    after = text[m.end("num"):m.end("num") + 12]
    if _REFERENCE_GROUP.match(after):
        return True
    if num[0].isdigit():
        if _NOT_AFTER_DIGITS.match(after):
            return True
        return len(num) >= 5 and bool(_HOTLINE_BEFORE.search(before))
    # a lone 零 leads words (零部件, 零售, 零碳) far more often than it counts nothing
    if num in ("一", "零", "〇") or _ABSTRACT_AFTER.match(after):
        return True
    return not _CLASSIFIER.match(after)


def _figure(text: str, m: re.Match[str]) -> Mention | None:
    if m.lastgroup == "pct":  # 百分之四点六: the percent branch of ``FIGURE_ZH``
        return Mention(m.start(), m.end(), parse_zh_number(m.group("pnum")), "percent")
    unit = _unit_of(m)
    if _rejected(text, m, unit):
        return None
    sign = sign_before(text, m.start())
    value = parse_zh_number(m.group("num") + (m.group("scale") or "")) * sign
    end = m.end()
    while end > m.start() and text[end - 1] in " 多余":
        end -= 1
    return Mention(m.start() - (sign < 0), end, value, unit)


def figure_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``FIGURE_ZH``, left to right, found by its two branches: at each
    step the leftmost match of either, the ``百分之`` branch first where both start."""
    percents = [m.start() for m in _PERCENT_MARK.finditer(text)]
    next_percent = 0
    pos = 0
    while True:
        number = _FIGURE_NUMBER_ZH.search(text, pos)
        limit = number.start() if number else len(text)
        while next_percent < len(percents) and percents[next_percent] < pos:
            next_percent += 1
        percent = None
        for start in percents[next_percent:]:
            if start > limit:
                break
            if percent := _PERCENT_ZH.match(text, start):
                break
        found = percent or number
        if found is None:
            return
        yield found
        pos = found.end()


_PERCENT_MARK = re.compile("百分之")


def fraction_matches(text: str) -> Iterator[re.Match[str]]:
    """``FRACTION_ZH`` around each 分之 (two characters before it, one after): the only
    places it can match."""
    last_end = 0
    for i in (m.start() for m in _FRACTION_MARK.finditer(text)):
        m = FRACTION_ZH.search(text, max(last_end, i - 2), i + 3)
        if m:
            last_end = m.end()
            yield m


_FRACTION_MARK = re.compile("分之")


#: a word each match of ``STREAK_ZH`` holds or stands right after (保持正增长20个月)
_STREAK_ANCHORS_ZH = ("连续", "已", "持续", "来", "保持正增长", "保持增长", "实现正增长")
#: a word each match of ``RANK_ZH`` holds
_RANK_ANCHORS_ZH = ("居", "位列", "排名", "排在", "保持", "名列", "全球", "世界")


def _windowed(pattern: re.Pattern[str], text: str,
              anchors: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text``, looked for only around its anchor words:
    a pattern whose branches may start at any character costs a tenth of a release's
    extraction when tried at every position."""
    for start, end in windows_around(text, anchors, 40, 40):
        yield from pattern.finditer(text, start, end)


def find_mentions_zh(text: str) -> Iterator[Mention]:
    """Every candidate mention in normalized Chinese text, specific grammars first."""
    for m in _windowed(STREAK_ZH, text, _STREAK_ANCHORS_ZH):
        unit = _STREAK_UNITS[m.group("unit") or m.group("unit2") or m.group("unit3")
                             or m.group("unit4") or m.group("unit5")]
        number = (m.group("n") or m.group("n2") or m.group("n3") or m.group("n4")
                  or m.group("n5"))
        # "已经", "持续" are no part of it
        start = (m.start() if m.group("n") or m.group("n4") or m.group("n5")
                 else m.start("n2" if m.group("n2") else "n3"))
        yield Mention(start, m.end(), parse_zh_number(number), unit, "streak", "streak")
    for m in _windowed(RANK_ZH, text, _RANK_ANCHORS_ZH):
        group = "rank" if m.group("rank") else "rank2"
        words = m.group(group)
        value = 1.0 if words == "首位" else parse_zh_number(words.strip("第位"))
        yield Mention(m.start(group), m.end(group), value, "count", "rank", "rank")
    for m in fraction_matches(text):
        numerator, denominator = parse_zh_number(m.group("num")), parse_zh_number(m.group("den"))
        if 0 < numerator < denominator:
            yield Mention(m.start(), m.end(), 100 * numerator / denominator, "percent", "number",
                          "share")
    for m in DOUBLE_DIGIT_ZH.finditer(text):
        yield Mention(m.start(), m.end(), 10.0, "percent", "number", "growth_yoy")
    for m in figure_matches(text):
        mention = _figure(text, m)
        if mention is not None:
            yield mention
