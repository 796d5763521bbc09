"""A history of headline figures from copies of public releases: extract, map, confirm.

The bundled history (``indmon/catalogue/data/history/``) holds ten years of the headline
figures of the monthly releases an economist follows: the statistics bureau's industrial
production, industrial profits and manufacturing PMI, the automobile manufacturers'
association's production and sales, the ministry's telecom operation. It was built from
*copies* of those releases found on the web (wires, portals, mirrors, machine
translations): each copy is one page excerpt, saved outside the repository, with the
reference month of the release it copies determined by hand from the page's own text,
address or date (never from its values).

This module turns such excerpts into figures with the project's own pipeline:

1. **clean** the copy: drop the pinyin readings some mirrors insert after each character,
   read traditional characters as simplified ones, split the lists releases use
   ("大、中、小型企业" is three subjects), and blank out any number broken by injected
   spam ("7《…》.9%" is no figure at all);
2. **extract** its numbers with :func:`indmon.extract.extract_facts` (values, units, signs
   and measures);
3. **map** each number to a catalogue indicator, period and cell from the words around it
   (:func:`map_copy`): the release family of its sentence, the subject nearest before it,
   and the period phrase that governs it ("1-3月份" is year to date, "3月份" the month);
4. **confirm** (:func:`confirm`): a figure is accepted when an official page states it, or
   when two copies on different sites agree; the others stay unconfirmed, and copies that
   disagree with an accepted figure are listed as conflicts.

:func:`build_history` runs all four over a folder of excerpts; ``scripts/history/build.py``
writes its result as the bundled CSV files.

>>> copy = Copy("c1", "https://www.stats.gov.cn/x.html", "2019-03", "2019-04-17",
...             "2019年3月份,规模以上工业增加值同比实际增长8.5%。从环比看,3月份,"
...             "规模以上工业增加值比上月增长1%。一季度,规模以上工业增加值同比增长6.5%。")
>>> [(f.indicator, f.period, f.value) for f in map_copy(copy)]
[('va_yoy', '2019-03', 8.5), ('va_mom', '2019-03', 1.0), ('va_ytd_yoy', '2019-03', 6.5)]
"""

from __future__ import annotations

import calendar
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from indmon.extract import Fact, extract_facts
from indmon.store import rounds_to, same_value, stated_step

# --------------------------------------------------------------------------- copies


@dataclass(frozen=True)
class Copy:
    """One page excerpt that copies (part of) a release, with its reference month."""

    copy_id: str
    url: str
    #: the month the release is about (``2019-03``), determined by hand from the page
    period: str
    #: the release date the page states or its address carries, when it shows one
    published: str
    text: str
    #: how the year was determined: text | url | page
    year_basis: str = "text"
    #: the release it copies when that is not the monthly one (``communique``: the
    #: statistics bureau's annual statistical communiqué, whose figures are final)
    release: str = ""

    @property
    def site(self) -> str:
        return site_of(self.url)

    @property
    def official(self) -> bool:
        return is_official(self.url)


#: the publishers' own sites and the central government's portal: one page there is
#: enough to accept a figure (a provincial or city government's repost is a copy)
OFFICIAL_DOMAINS = ("stats.gov.cn", "www.gov.cn", "miit.gov.cn", "ndrc.gov.cn", "scio.gov.cn",
                    "caam.org.cn")
_SECOND_LEVEL = {"com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "co.uk", "org.uk",
                 "com.hk", "com.tw", "co.jp"}


def site_of(url: str) -> str:
    """The registrable domain of ``url``: copies on one site are not independent."""
    host = (urlsplit(url).hostname or "").lower()
    if re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return host  # an address, not a name: the whole of it is the site
    labels = host.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def independent_copies(urls: Iterable[str]) -> int:
    """How many independent copies ``urls`` are: one per site, and mirrors (the same long
    path and query on another domain, as spam networks republish a page) count once."""
    sites: dict[str, str] = {}
    for url in urls:
        parts = urlsplit(url)
        page = f"{parts.path}?{parts.query}"
        sites.setdefault(site_of(url), page if len(page) >= 20 else site_of(url))
    return len(set(sites.values()))


def is_official(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if host.startswith("big5.") and "/gate/big5/" in url:  # the portal's traditional gateway
        host = url.split("/gate/big5/", 1)[1].split("/", 1)[0].lower()
    return any(host == d or host.endswith("." + d) for d in OFFICIAL_DOMAINS)


def read_lookup(path: Path) -> list[Copy]:
    """Read one saved look-up: a ``Q:`` line, then per copy ``=== url``, an ``@`` line
    (``period=2019-03 year=text published=2019-04-17``) and the excerpt."""
    copies: list[Copy] = []
    blocks = path.read_text(encoding="utf-8").split("\n=== ")[1:]
    for number, block in enumerate(blocks, start=1):
        head, _, rest = block.partition("\n")
        meta_line, _, text = rest.partition("\n")
        meta = dict(part.split("=", 1) for part in meta_line.lstrip("@ ").split() if "=" in part)
        period = meta.get("period", "unknown")
        if not re.fullmatch(r"\d{4}-\d{2}", period) or meta.get("kind") == "forecast":
            continue  # no year the page itself supports, or not a release: never used
        copies.append(Copy(f"{path.stem}-{number}", head.strip(), period,
                           _day(meta.get("published", "")), text.strip(),
                           meta.get("year", "text"),
                           meta.get("release", "")))
    return copies


def _day(published: str) -> str:
    """A release date the copy states to the day, else none: a month alone
    (``published=2019-10``) says when the page appeared, not the release's date."""
    return published if re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) else ""


def read_lookups(folder: Path) -> list[Copy]:
    return [c for p in sorted(folder.glob("*.txt")) for c in read_lookup(p)]


# --------------------------------------------------------------------------- cleaning

# Traditional characters of the released wording, read as the simplified ones (the
# extraction grammar and the keywords below are written in simplified Chinese).
# Traditional characters of the released wording, read as the simplified ones (the
# extraction grammar and the keywords below are written in simplified Chinese).
_TRADITIONAL_PAIRS = (
    "國国統统計计規规業业產产産产應应與与際际價价環环門门類类礦矿電电熱热氣气經经濟济營营資资臺台華华數数據据額额潤润總总銷销"
    "輛辆協协會会萬万億亿噸吨個个點点達达從从訂订單单庫库員员時时間间區区創创製制築筑務务實实現现週周轉转長长級级調调查查場场"
    "態态開开啟启擴扩張张臨临於于為为發发佈布來来網网圖图聯联團团體体較较隨随勢势顯显歸归幣币購购係系兩两並并這这無无處处審审"
    "辦办運运東东線线權权屬属島岛灣湾採采廠厂機机構构層层術术導导鋼钢鐵铁動动輕轻興兴樣样條条們们優优標标準准關关帶带給给車车"
    "賣卖買买凈净佈布麵面綜综財财況况對对後后還还進进過过當当將将問问題题學学質质劃划號号絡络虧亏損损漲涨貨货負负債债設设備备"
    "煉炼鋁铝紡纺織织醫医藥药緩缓減减穩稳順顺節节鄉乡鎮镇縣县幾几歲岁紀纪錄录齊齐續续積积極极測测綠绿裝装專专預预變变選选見见"
    "視视認认證证議议論论說说讀读請请讓让談谈護护費费貿贸貸贷貴贵賬账販贩躍跃軟软載载輸输邊边遠远遞递適适郵邮釋释鍵键錢钱鏈链"
    "閉闭陸陆險险雙双雖虽離离難难靜静頻频風风飛飞驗验億亿躉趸紅红纖纤維维塊块環环廣广龍龙門门區区"
    "話话戶户佔占寬宽擁拥"
)
_TRADITIONAL = str.maketrans(dict(zip(_TRADITIONAL_PAIRS[::2], _TRADITIONAL_PAIRS[1::2],
                                      strict=True)))
_PINYIN = re.compile(r"\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüɑ]+)\)\s?")
#: a number with injected text inside it ("7《天空体育》.9%"): no figure can be read from it
_SPAM_NUMBER = re.compile(r"\d[\d.,]*《[^》\n]{1,40}》[\d.,]*\d*%?")
_LISTS = (
    ("大、中、小型企业", "大型企业、中型企业、小型企业"),
    ("大型、中型和小型企业", "大型企业、中型企业和小型企业"),
    ("大、中型企业", "大型企业、中型企业"),
    ("中、小型企业", "中型企业、小型企业"),
    ("产销", "产量和销量"),
    # the publisher's name is no subject: "国家统计局服务业调查中心发布的…制造业PMI为…"
    ("服务业调查中心", "调查中心"),
)
SPAM_MARK = "〔discarded: injected text〕"
_FULL_MONTH = {name[:3].lower(): name for name in calendar.month_name if name}
_ABBREVIATED_SPAN = re.compile(r"\bJan\.?\s*[-–]\s*(Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|"
                               r"Dec)\b")
_TRILLION_PLUS = re.compile(r"(\d+)\s*兆\s*(\d{1,4}|\d,\d{3})\s*亿")
#: characters some mirrors mangle into others (an encoding error, not a variant)
_MOJIBAKE = (("燃?xì)饧八", "燃气及水"), ("規(guī)???", "规模看"), ("規???", "规模看"),
             ("规???", "规模看"))


def _as_yi(m: re.Match[str]) -> str:
    return f"{int(m.group(1)) * 10000 + int(m.group(2).replace(',', ''))}亿"


def clean(text: str) -> str:
    """The copy's text as the extraction should read it (see the module docstring)."""
    for broken, meant in _MOJIBAKE:
        text = text.replace(broken, meant)
    text = _PINYIN.sub("", text).translate(_TRADITIONAL)
    # Taiwanese wording: 兆 is 万亿 ("6兆6,268亿元" is 66268亿元, "125.34兆元" 125.34万亿元)
    text = _TRILLION_PLUS.sub(_as_yi, text)
    text = re.sub(r"(\d)\s*兆元", r"\1万亿元", text)
    text = text.replace("\u2011", "-").replace("\u2010", "-")  # non-breaking hyphens
    # "Jan-Nov": the abbreviated span of an English headline
    text = _ABBREVIATED_SPAN.sub(lambda m: f"January-{_FULL_MONTH[m.group(1).lower()[:3]]}", text)
    # "the 5.9-percent growth": the hyphen of an English compound hides the unit
    text = re.sub(r"(\d)-(percent|per cent)\b", r"\1 \2", text)
    text = _SPAM_NUMBER.sub(SPAM_MARK, text)
    # commas some mirrors insert after every punctuation mark ("大,、中,、小型企业")
    text = re.sub(r",+(?=[、。;,])", "", text)
    for wording, listed in _LISTS:
        text = text.replace(wording, listed)
    return text


# --------------------------------------------------------------------------- mapping


@dataclass(frozen=True)
class CopyFigure:
    """One figure as one copy states it, mapped to the catalogue."""

    indicator: str
    period: str
    industry: str
    value: float
    unit: str
    copy_id: str
    url: str
    mention: str
    #: digits the copy gives after the decimal point: agreement allows for rounding
    decimals: int = 1
    #: the release family (``nbs-ip``, ``nbs-communique``, ...)
    family: str = ""


@dataclass(frozen=True)
class _Target:
    """What a subject keyword stands for: an indicator stem and a cell."""

    stem: str
    industry: str = "ALL"


_SKIP = _Target("")
_CN_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}
_MONTH_WORDS = "|".join(_MONTHS)

# Period phrases: (pattern, kind, month) -- kind "ytd" (January to the month), "month",
# "prev_year" (the previous calendar year), "skip" (two-year averages and the like).
_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), kind) for p, kind in (
        (r"两年平均|[比较]20\d\d年|two-year average|average two-year|"
         r"average annual growth|annual average growth|same period (?:of|in) 20\d\d|"
         r"same period (?:of )?last year|compared (?:with|to) (?:the )?20\d\d(?: level)?", "skip"),
        # a single later quarter is no span the history stores ("二季度增长4.8%")
        (r"(?<!前)第?[二三四]季度|second quarter|(?<!first )third quarter|fourth quarter|"
         r"\bQ[234]\b",
         "skip"),
        (r"上年全年|去年全年", "prev_year"),
        (r"上月为|上月是|前值", "skip"),
        # "1一5月份": a scanned page's dash read as the character 一
        (r"1\s*[-—―~～至到一]\s*(\d{1,2})\s*月", "ytd"),
        (r"1\s*月(?:份)?\s*[-—―~～至到]\s*(\d{1,2})\s*月", "ytd"),
        (r"[前首](\d{1,2}|[一二两三四五六七八九十]{1,2})个?月", "ytd"),
        (r"一季度|第一季度|首季", "ytd3"),
        (r"上半年", "ytd6"),
        (r"前三季度", "ytd9"),
        (r"全年|20\d\d年全年", "ytd12"),
        (r"(?<![\d-])(\d{1,2})\s*月(?!\d)", "month"),
        (r"(?<![\d])20\d\d年(?![\d一二三四五六七八九十上下前第]|\s*\d|底|末|以来)", "ytd12"),
        (r"(?:first|initial) (two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2}) months",
         "ytd"),
        # "the five months ended May", "the 10 months through October"
        (rf"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{{1,2}})[- ]months? "
         rf"(?:ended|ending|through|to) ({_MONTH_WORDS})", "ytd"),
        (r"(two|three|four|five|six|seven|eight|nine|ten|eleven)-month period", "ytd"),
        (rf"(?:from )?january\s*(?:to|-|–|through)\s*({_MONTH_WORDS})", "ytd"),
        (r"first[- ]quarter|\bQ1\b", "ytd3"),
        (r"first half|\bH1\b", "ytd6"),
        (r"january and february", "ytd2"),
        (r"first three quarters", "ytd9"),
        (r"whole year|full[- ]year|full-yr|for the year|(?:the )?whole of 20\d\d", "ytd12"),
        # "up from 5.6% in October last year": the month a year before
        (rf"\b(?:{_MONTH_WORDS}) (?:of )?last year|same month (?:of )?last year", "skip"),
        (r"last month|this month|the month", "ref"),
        (r"\b(?:in|for) 20\d\d\b(?! ?[a-z]*\s(?:january|february|march|april|may|june|july|august|"
         r"september|october|november|december))", "ytd12_en"),
        (rf"\b({_MONTH_WORDS})\b", "month"),
    )
)


#: words before a period phrase that make it the comparison base
_COMPARED = re.compile(r"(?:比|较|于|与|同比|than(?: in)?|from|compared with)\s*$",
                       re.IGNORECASE)


def _period_phrases(text: str) -> list[tuple[int, int, str, int | None]]:
    """Every period phrase in ``text``: (start, end, kind, month)."""
    found: list[tuple[int, int, str, int | None]] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _PERIOD_PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind != "skip" and _COMPARED.search(text[max(0, m.start() - 14):m.start()]):
                taken.append((m.start(), m.end()))  # "比11月增长": the base, not the period
                continue
            if kind == "month" and _is_date(text, m):
                taken.append((m.start(), m.end()))  # "7月底,国家统计局发布": a day, no period
                continue
            month = _phrase_month(m, kind)
            if kind == "ytd12_en":
                kind, month = "ytd", 12
            elif kind.startswith("ytd") and kind != "ytd":
                kind, month = "ytd", int(kind[3:])
            if kind in ("ytd", "month") and not (month and 1 <= month <= 12):
                continue
            found.append((m.start(), m.end(), kind, month))
            taken.append((m.start(), m.end()))
    return sorted(found)


#: a month phrase that names days of the month ("7月底", "3月上旬"), not a span
_DAYS_AFTER = re.compile(r"\s*份?\s*(?:底|初|上旬|中旬|下旬)")
#: an English date: a month name with its day ("March 27", "July 16th")
_DAY_AFTER_EN = re.compile(r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:percent|per cent|%))")
#: "截至6月底": the end of a month is the date of a stock, which is a period
_UNTIL_BEFORE = re.compile(r"(?:截至|截止|截止到|到|至)\s*(?:20\d\d年)?\s*$")


def _is_date(text: str, m: re.Match[str]) -> bool:
    """Whether a month phrase dates an event ("7月底,国家统计局发布数据", "BEIJING, March
    27 (Reuters)") rather than naming the month a figure is about."""
    if m.group(0)[:1].isalpha() and (_DAY_AFTER_EN.match(text, m.end()) or re.search(
            r"\b\d{1,2}(?:st|nd|rd|th)?\s+$", text[max(0, m.start() - 6):m.start()])):
        return True  # "March 27", "19th January, 2026"
    return bool(_DAYS_AFTER.match(text, m.end())) and not _UNTIL_BEFORE.search(
        text[max(0, m.start() - 10):m.start()])


def _phrase_month(m: re.Match[str], kind: str) -> int | None:
    if not m.groups():
        return None
    raw = m.group(1)
    if raw.isdigit():
        return int(raw)
    if raw in _CN_NUMBERS:
        return _CN_NUMBERS[raw]
    if raw.lower() in _EN_NUMBERS:
        return _EN_NUMBERS[raw.lower()]
    return _MONTHS.get(raw.capitalize())


#: the 41 industry divisions the releases list after the three sectors ("汽车制造业",
#: "黑色金属冶炼和压延加工业", "电力、热力生产和供应业"): longer than the sector keyword
#: inside them, so a division is never read as manufacturing or as the whole of industry
_DIVISIONS = tuple((word, _Target("")) for word in (
    "设备制造业", "器材制造业", "制品制造业", "汽车制造业", "医药制造业", "食品制造业",
    "纤维制造业", "家具制造业", "仪表制造业", "精制茶制造业", "加工业", "制品业", "纺织业",
    "服饰业", "洗选业", "开采业", "采选业", "热力生产和供应业", "燃气生产和供应业"))

# Subjects per release family: (keyword, target). The keyword nearest before a number
# names it; at one position the longer keyword wins ("非制造业" is not "制造业").
_KEYWORDS: dict[str, tuple[tuple[str, _Target], ...]] = {
    "va": (*_DIVISIONS,
        ("规模以上工业增加值", _Target("va")), ("工业增加值", _Target("va")),
        ("规上工业增加值", _Target("va")), ("全部工业增加值", _SKIP),
        ("采矿业", _Target("va", "B")), ("制造业", _Target("va", "C")),
        ("电力、热力、燃气及水", _Target("va", "D")), ("电力热力燃气及水", _Target("va", "D")),
        ("电力,热力,燃气及水", _Target("va", "D")), ("港澳台商投资", _Target("va_foreign")),
        ("国有控股", _Target("va_state_holding")), ("国有及国有控股", _Target("va_state_holding")),
        ("集体企业", _Target("va_collective")), ("集体", _Target("va_collective")),
        ("股份制", _Target("va_shareholding")),
        ("外商及港澳台", _Target("va_foreign")), ("私营企业", _Target("va_private")),
        ("出口交货值", _Target("export")), ("产品销售率", _Target("sales_ratio")),
        ("装备制造业", _SKIP), ("高技术制造业", _SKIP), ("消费品制造业", _SKIP),
        ("高技术产业", _SKIP), ("高耗能", _SKIP), ("大类行业", _SKIP), ("汽车", _SKIP),
        ("新能源汽车", _SKIP), ("地区", _SKIP), ("产品", _SKIP), ("服务业", _SKIP),
        ("比重", _SKIP), ("占比", _SKIP),
        ("value added of the industrial enterprises", _Target("va")),
        ("value-added of industries above scale", _Target("va")),
        ("value added of industries above scale", _Target("va")),
        ("industrial added value", _Target("va")),
        ("mining", _Target("va", "B")), ("manufacturing", _Target("va", "C")),
        ("electricity, heat", _Target("va", "D")),
        ("state holding", _Target("va_state_holding")),
        ("state-owned holding", _Target("va_state_holding")),
        ("collective", _Target("va_collective")), ("joint-stock", _Target("va_shareholding")),
        ("foreign", _Target("va_foreign")), ("private", _Target("va_private")),
        ("value-added industrial output", _Target("va")), ("industrial output", _Target("va")),
        ("industrial production", _Target("va")), ("factory output", _Target("va")),
        ("industrial added-value output", _Target("va")), ("industrial sector", _Target("va")),
        ("industrial value added", _Target("va")), ("output by major industrial", _Target("va")),
        ("share-holding", _Target("va_shareholding")), ("joint stock", _Target("va_shareholding")),
        ("shareholding", _Target("va_shareholding")),
        ("state-controlled", _Target("va_state_holding")),
        ("state-holding", _Target("va_state_holding")),
        ("state-owned", _Target("va_state_holding")), ("overseas", _Target("va_foreign")),
        ("electricity, thermal power", _Target("va", "D")),
        ("electricity,thermal power", _Target("va", "D")), ("fixed asset", _SKIP),
        ("power, heating", _Target("va", "D")), ("heating, gas and water", _Target("va", "D")),
        ("utilities sector", _Target("va", "D")),
        ("electronics manufacturing", _SKIP),
        ("high-tech", _SKIP), ("high-tech manufacturing", _SKIP),
        ("equipment manufacturing", _SKIP), ("east china", _SKIP), ("central china", _SKIP),
        ("west china", _SKIP), ("northeast", _SKIP), ("region", _SKIP),
        ("gross domestic product", _SKIP), ("GDP", _SKIP), ("retail sales", _SKIP),
        ("fixed-asset", _SKIP), ("new energy vehicles", _SKIP), ("solar cells", _SKIP),
        ("automobile", _SKIP), ("automobile manufacturing", _SKIP), ("manufacturing of", _SKIP),
        ("coal mining", _SKIP),
    ),
    "profit": (*_DIVISIONS,
        ("利润总额", _Target("profit")), ("利润", _Target("profit")), ("获利", _Target("profit")),
        ("采矿业", _Target("profit", "B")), ("制造业", _Target("profit", "C")),
        ("电力、热力、燃气及水", _Target("profit", "D")),
        ("电力热力燃气及水", _Target("profit", "D")),
        ("电力,热力,燃气及水", _Target("profit", "D")), ("港澳台商投资", _Target("profit_foreign")),
        ("国有控股", _Target("profit_state_holding")),
        ("国营控股", _Target("profit_state_holding")),
        ("集体企业", _Target("profit_collective")),
        ("集体", _Target("profit_collective")), ("股份制", _Target("profit_shareholding")),
        ("外商及港澳台", _Target("profit_foreign")), ("私营企业", _Target("profit_private")),
        ("私人企业", _Target("profit_private")),
        ("营业收入", _Target("revenue")), ("主营业务收入", _Target("revenue")),
        ("营收", _Target("revenue")),
        ("装备制造业", _SKIP), ("高技术制造业", _SKIP), ("消费品制造业", _SKIP),
        ("原材料制造业", _SKIP), ("大类行业", _SKIP), ("利润率", _SKIP), ("成本", _SKIP),
        ("费用", _SKIP), ("资产", _SKIP), ("负债", _SKIP), ("应收账款", _SKIP), ("存货", _SKIP),
        ("地区", _SKIP), ("汽车制造业", _SKIP), ("行业", _SKIP), ("机械工业", _SKIP),
        ("profits made by industrial enterprises", _Target("profit")),
        ("total profits of industrial enterprises", _Target("profit")),
        ("profits of state-holding", _Target("profit_state_holding")),
        ("collective-owned", _Target("profit_collective")),
        ("joint-stock", _Target("profit_shareholding")),
        ("foreign funded", _Target("profit_foreign")),
        ("private enterprises", _Target("profit_private")),
        ("mining and quarrying", _Target("profit", "B")), ("manufacturing", _Target("profit", "C")),
        ("electricity, heat", _Target("profit", "D")),
        ("industrial profits", _Target("profit")), ("profits earned by", _Target("profit")),
        ("profits", _Target("profit")), ("profit", _Target("profit")),
        ("state-owned", _Target("profit_state_holding")),
        ("state-holding", _Target("profit_state_holding")),
        ("private firm", _Target("profit_private")),
        ("private companies", _Target("profit_private")),
        ("foreign companies", _Target("profit_foreign")),
        ("foreign firms", _Target("profit_foreign")), ("manufacturers", _SKIP),
        ("collective", _Target("profit_collective")), ("mining", _Target("profit", "B")),
        ("state-controlled", _Target("profit_state_holding")),
        ("private", _Target("profit_private")), ("foreign", _Target("profit_foreign")),
        ("utilities", _Target("profit", "D")), ("overseas", _Target("profit_foreign")),
        ("coal mining", _SKIP),
        # "75.6 percent of the 41 major industrial sectors saw an increase in profits"
        ("sectors", _SKIP), ("divisions", _SKIP),
        ("foreign-invested", _Target("profit_foreign")),
        ("liabilities", _SKIP), ("assets", _SKIP), ("profit margin", _SKIP),
        ("high-tech", _SKIP), ("equipment manufacturing", _SKIP),
    ),
    "pmi": (
        ("制造业采购经理指数", _Target("pmi")), ("采购经理人指数", _Target("pmi")),
        ("采购经理指数", _Target("pmi")), ("制造业PMI", _Target("pmi")), ("PMI", _Target("pmi")),
        ("大型企业", _Target("pmi_large")), ("中型企业", _Target("pmi_medium")),
        ("小型企业", _Target("pmi_small")), ("小企业", _Target("pmi_small")),
        ("大企业", _Target("pmi_large")),
        ("生产指数", _Target("pmi_production")), ("新订单指数", _Target("pmi_new_orders")),
        ("新定单指数", _Target("pmi_new_orders")),
        ("原材料库存指数", _Target("pmi_raw_inventory")),
        ("从业人员指数", _Target("pmi_employment")), ("员工指数", _Target("pmi_employment")),
        ("供应商配送时间指数", _Target("pmi_supplier_delivery")),
        ("供应商交货时间指数", _Target("pmi_supplier_delivery")),
        ("生产经营活动预期指数", _Target("pmi_expectations")),
        ("非制造业", _SKIP), ("非制造业PMI", _SKIP), ("商务活动指数", _SKIP), ("综合PMI", _SKIP),
        ("新出口订单", _SKIP),
        ("采购量指数", _SKIP), ("价格指数", _SKIP), ("高技术制造业", _SKIP), ("消费品行业", _SKIP),
        ("装备制造业", _SKIP), ("行业PMI", _SKIP), ("建筑业", _SKIP), ("服务业", _SKIP),
        ("manufacturing purchasing managers", _Target("pmi")), ("official PMI", _Target("pmi")),
        ("manufacturing PMI", _Target("pmi")), ("Purchasing Manager's Index", _Target("pmi")),
        ("large-sized", _Target("pmi_large")), ("medium-sized", _Target("pmi_medium")),
        ("small-sized", _Target("pmi_small")),
        ("production index", _Target("pmi_production")),
        ("production sub-index", _Target("pmi_production")),
        ("new orders", _Target("pmi_new_orders")),
        ("raw materials inventory", _Target("pmi_raw_inventory")),
        ("employed person", _Target("pmi_employment")),
        ("supplier delivery time", _Target("pmi_supplier_delivery")),
        ("non-manufacturing", _SKIP), ("High-tech manufacturing", _SKIP),
        ("non-manufacturing pmi", _SKIP), ("non-manufacturing purchasing managers", _SKIP),
        ("composite pmi", _SKIP), ("comprehensive pmi", _SKIP), ("composite", _SKIP),
        ("services pmi", _SKIP),
    ),
    "auto": (
        ("汽车", _Target("auto")), ("新能源汽车", _Target("nev")),
        ("插电式混合动力", _SKIP), ("纯电动", _SKIP), ("乘用车", _SKIP), ("商用车", _SKIP),
        ("出口", _SKIP),
        ("automotive vehicles", _Target("auto")), ("vehicle production", _Target("auto")),
        ("vehicle sales", _Target("auto")), ("auto sales", _Target("auto")),
        ("automobile sales", _Target("auto")), ("car sales", _Target("auto")),
        ("auto production", _Target("auto")), ("auto output", _Target("auto")),
        ("vehicles in china", _Target("auto")), ("units of vehicles", _Target("auto")),
        ("new energy vehicles", _Target("nev")), ("new energy vehicle", _Target("nev")),
        ("NEVs", _Target("nev")), ("NEV sales", _Target("nev")),
        ("passenger car", _SKIP), ("passenger vehicle", _SKIP), ("commercial vehicle", _SKIP),
        ("exports", _SKIP), ("battery electric", _SKIP), ("plug-in hybrid", _SKIP),
        ("heavy-duty", _SKIP), ("pickup", _SKIP), ("sport utility", _SKIP), ("sedans", _SKIP),
        ("accounted for", _SKIP), ("2% contraction", _SKIP), ("fuel-cell", _SKIP),
    ),
    "telecom": (
        ("电信业务收入", _Target("telecom_revenue")), ("业务收入", _Target("telecom_revenue")),
        ("电信业务总量", _Target("telecom_volume")), ("业务总量", _Target("telecom_volume")),
        ("新兴业务收入", _SKIP), ("宽带接入业务", _SKIP), ("比重", _SKIP), ("每万人", _SKIP),
        ("5G基站", _Target("g5_base_stations")), ("5G移动电话用户", _Target("g5_mobile_users")),
        ("新建5G基站", _SKIP), ("4G基站", _SKIP), ("移动基站", _SKIP), ("净增", _SKIP),
        ("固定通信", _SKIP), ("移动通信", _SKIP), ("数据及互联网", _SKIP), ("新兴业务", _SKIP),
        ("宽带", _SKIP), ("移动电话用户", _SKIP), ("用户", _SKIP), ("东、中、西部", _SKIP),
        ("云计算", _SKIP), ("固定资产投资", _SKIP), ("占比", _SKIP), ("占移动", _SKIP),
        ("中占", _SKIP), ("占电信", _SKIP), ("固定通信业务收入", _SKIP),
        ("移动通信业务收入", _SKIP), ("互联网业务收入", _SKIP),
        # a business line's revenue is a part of the total, never the total
        ("宽带业务收入", _SKIP), ("流量业务收入", _SKIP), ("语音业务收入", _SKIP),
        ("短信业务收入", _SKIP), ("物联网业务收入", _SKIP), ("传统业务收入", _SKIP),
        ("共完成业务收入", _SKIP), ("专线业务收入", _SKIP), ("IPTV业务收入", _SKIP),
        ("数据中心业务收入", _SKIP), ("大数据业务收入", _SKIP), ("固网", _SKIP),
    ),
}
# Which family a sentence belongs to: the first of these its words show.
_FAMILY_SIGNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("pmi", re.compile(r"采购经理|PMI|purchasing manager|生产指数|新订单指数|配送时间指数|"
                       r"库存指数|从业人员指数|员工指数|交货时间指数|sub-index|"
                       r"production index|new orders|employed person|inventory index|"
                       r"delivery time index", re.IGNORECASE)),
    ("telecom", re.compile(r"电信|5G基站|通信业")),
    ("auto", re.compile(r"汽车工业协会|中汽协|产量和销量|新能源汽车产|新能源汽车销|"
                        r"Automobile Manufacturers|CAAM|vehicle|auto sales|car sales|NEV",
                        re.IGNORECASE)),
    ("profit", re.compile(r"利润|获利|profits?\b", re.IGNORECASE)),
    ("va", re.compile(r"增加值|产品销售率|出口交货值|added[- ]value|value added|value-added|"
                      r"industrial output|industrial production|factory output",
                      re.IGNORECASE)),
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: a sentence opening a breakdown ("分三大门类看", "分经济类型看")
_BREAKDOWN = re.compile(r"\s*分[\u4e00-\u9fff]{1,6}看")
#: the wrong series: figures in a sentence naming them are never taken
_WRONG_SERIES = re.compile(r"财新|Caixin|Markit|CPCA|乘用车市场信息联席会|乘联会|预计|预期|"
                           # "a less-than-expected 7.2 percent" is the figure itself
                           r"(?<!than-)(?<!than )expected|forecast|foresees|predict\w*|polled|"
                           r"\bpoll\b|"
                           r"\bwill (?:likely )?(?:rise|grow|increase|fall|decline|expand)|"
                           r"\blikely to\b|"
                           r"机械工业|省|全市|全省|"
                           # other economies' PMIs quoted beside China's
                           r"美国|欧元区|欧洲|日本|全球制造业", re.IGNORECASE)
#: an English clause giving a comparison base, before the base's period phrase
_BASE_CLAUSE_EN = re.compile(r"\b(?:from|than|compared (?:with|to)|after|following|versus)\b",
                             re.IGNORECASE)
_MOM = re.compile(r"环比|比上月|经季节调整|month-on-month|month on month|monthly basis|"
                  r"month-to-month",
                  re.IGNORECASE)
#: an English period phrase right after a number ("8.2 percent for the whole year 2019")
_PERIOD_AFTER = re.compile(r"^\s*(?:percent|per cent|%)?\s*(?:year[- ]on[- ]year\s*)?"
                           r"(?:[a-z-]+\s+){0,2}?"
                           r"((?:for|in|during) (?:the )?[\w -]{3,30})", re.IGNORECASE)
#: how English copies qualify a number after it ("0.50 percent month-on-month")
_MOM_AFTER = re.compile(r"month-on-month|month on month", re.IGNORECASE)
#: a decline named after its number ("a 2.1 percent dip", "a 12% on-year decline")
_DECLINE_AFTER = re.compile(r"^\s*(?:-?percent|per cent|%)?\s*"
                            r"(?:on[- ]year|year[- ]on[- ]year|y/y)?\s*"
                            r"(?:dip|drop|decline|decrease|fall|contraction|slump|plunge)\b",
                            re.IGNORECASE)
#: decline words the extraction grammar does not sign (Hong Kong and wire wording)
_DECLINE_TAIL = re.compile(r"(?:跌|降|减|下滑|fell|fall|falling|down|decreas\w*|drop\w*|declin\w*|"
                           r"dipped|dips?|shrank|shrunk|shrink\w*|slid|slipped|plung\w*|lost|"
                           # "fell to 6.9 percent" names the level reached: no sign
                           r"slump\w*|plummet\w*|contract\w*|tumbl\w*)(?:\s*(?:by|of|just|a|"
                           r"modest|sharply|slightly|steeply|marginally|smaller|larger|"
                           r"further))*\s*$", re.IGNORECASE)
_YOY = re.compile(r"同比|year-on-year|year on year|按年", re.IGNORECASE)
_PRODUCTION = re.compile(r"产量|生产|production|produced|output", re.IGNORECASE)
_SALES = re.compile(r"销量|销售|sales|sold", re.IGNORECASE)


@dataclass
class _ListState:
    """Subjects a sentence lists before their values ("A、B和C分别为…")."""

    targets: list[_Target] = field(default_factory=list)
    used: dict[str, int] = field(default_factory=dict)
    #: periods listed before their values, still to be given ("8月和9月…分别…")
    periods: list[tuple[str, int | None]] = field(default_factory=list)

    def next(self, klass: str) -> _Target | None:
        index = self.used.get(klass, 0)
        if index >= len(self.targets):
            return None
        self.used[klass] = index + 1
        return self.targets[index]


def map_copy(copy: Copy) -> list[CopyFigure]:
    """Every figure of ``copy`` the catalogue has an indicator for, in text order."""
    text = clean(copy.text)
    facts = _paragraph_facts(text, copy)
    by_sentence: dict[int, list[Fact]] = defaultdict(list)
    sentences = _sentences(text)
    for fact in facts:
        for number, (start, end) in enumerate(sentences):
            if start <= fact.start < end:
                by_sentence[number].append(fact)
                break
    figures: list[CopyFigure] = []
    context = _Context()
    for number, (start, end) in enumerate(sentences):
        if start and text[start - 1] == "\n" and context.lead and context.lead[1] not in (
                None, int(copy.period[5:7])):
            # a phrase naming another month ("12月…则为50.2") governs its own paragraph only
            context.lead = None
        stated = sorted(by_sentence.get(number, []), key=lambda f: f.start)
        figures += _map_sentence(copy, text, start, end, stated, context)
    return figures


def _paragraph_facts(text: str, copy: Copy) -> list[Fact]:
    """The facts of each paragraph, extracted on its own: a bilingual copy (a Chinese
    release with its machine translation) is read in each paragraph's language."""
    facts: list[Fact] = []
    offset = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            for fact in extract_facts(paragraph, copy.copy_id, published=copy.published or None):
                facts.append(replace(fact, start=fact.start + offset, end=fact.end + offset))
        offset += len(paragraph) + 1
    return facts


@dataclass
class _Context:
    """What the previous sentences said: a sentence that names neither the release nor a
    period ("the production and sales figures at ...") continues the one before."""

    family: str | None = None
    lead: tuple[str, int | None] | None = None


def _map_sentence(copy: Copy, text: str, start: int, end: int, facts: list[Fact],
                  context: _Context) -> list[CopyFigure]:
    sentence = text[start:end]
    own = next((name for name, sign in _FAMILY_SIGNS if sign.search(sentence)), None)
    family = own or context.family
    if own is None and context.family == "profit" and _BREAKDOWN.match(sentence):
        # "分门类看,5月份,制造业增长6.0%" after a profit sentence of an overview page is
        # the production breakdown: a profit breakdown names its profits
        family = None
    phrases = _period_phrases(sentence)
    # the sentence's period: its first phrase before its first number that is not a base
    # ("由上年全年下降…转为…"); a phrase later in the sentence belongs to a later clause
    inside = [(ps, pe) for ps, pe, _, _ in phrases]
    real = [f.start - start for f in facts
            if not any(ps <= f.start - start < pe for ps, pe in inside)]
    first = real[0] if real else len(sentence)
    leading = [(kind, month) for s, _, kind, month in phrases
               if kind not in ("prev_year", "skip") and s < first]
    if not leading and not _CJK.search(sentence):
        # English puts the period after the figure ("produced 25.7 million ... in 2019"),
        # and a base's after the base ("up from 6 percent in the first two months")
        leading = [(kind, month) for s, _, kind, month in phrases
                   if kind not in ("prev_year", "skip")
                   and not _BASE_CLAUSE_EN.search(sentence[max(0, s - 60):s])]
    lead = leading[0] if leading else context.lead
    if sentence.strip():
        context.family, context.lead = family, lead
    if _WRONG_SERIES.search(sentence) or SPAM_MARK in sentence or family is None:
        return []
    lists = _ListState()
    figures: list[CopyFigure] = []
    previous_end = start
    in_phrases = [(start + s, start + e) for s, e, _, _ in phrases]
    skipped_span = ""  # the skipped period phrase a list of numbers continues
    for fact in facts:
        if any(s <= fact.start < e for s, e in in_phrases):
            continue  # a number inside a period phrase ("1至10月份") states nothing
        local = text[previous_end:fact.start]
        right = text[fact.end:min(end, fact.end + 60)]
        previous_end = fact.end
        if skipped_span and _LIST_GAP.fullmatch(local):
            continue  # "一、二季度分别增长6.1%、5.9%": the second number is the second quarter's
        skipped = any(kind == "skip" for *_, kind, _ in _period_phrases(local)) or bool(
            _BASE_BEFORE_EN.search(local) and not _named_after(right))
        skipped_span = local if skipped else ""
        figures += _map_fact(copy, family, fact, local, text[start:fact.start], right, lead,
                             lists)
    return figures


#: what separates the numbers of a list ("6.1%、5.9%", "10.2%和8.1%")
_LIST_GAP = re.compile(r"\s*(?:[、,，]|和|及|与|\band\b)\s*")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: Chinese full stops, line ends, and English full stops before a capital."""
    spans, start = [], 0
    # "...policy support.In June, ...": a copy that lost the space after its full stops
    for m in re.finditer(r"[。!?！？\n]|\.(?=\s+[A-Z\"“(])|(?<=[a-z%)])\.(?=[A-Z][a-z])", text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _qualifier_after(right: str, wanted: re.Pattern[str], other: re.Pattern[str]) -> bool:
    """Whether ``wanted`` qualifies the number before ``other`` does ("... 5.3 percent and
    8.2 percent month on month, while ... year on year")."""
    w, o = wanted.search(right), other.search(right)
    return w is not None and (o is None or w.start() < o.start())


#: subjects that only name the release's headline, outranked by any specific one
_GENERIC = (_Target("va"), _Target("profit"), _Target("pmi"))
_CONNECTOR = re.compile(r"^(?:企业|enterprises|\s)*(?:[、,，]|和|及|与|以及|\band\b)"
                        r"(?:[\s、,，]|和|及|与|以及|\band\b|\bthe\b|企业|enterprises)*$",
                        re.IGNORECASE)


def _targets_in(family: str, text: str, prefer_specific: bool = True) -> list[_Target]:
    """The subjects of ``text``: the last list of keywords joined only by connectors
    ("大型企业、中型企业和小型企业", "production and sales"), else the last keyword alone.
    Longer keywords win where they overlap."""
    hits: list[tuple[int, int, _Target]] = []
    lowered = text.lower()
    for keyword, target in sorted(_KEYWORDS[family], key=lambda kt: -len(kt[0])):
        for m in re.finditer(re.escape(keyword.lower()), lowered):
            if any(s < m.end() and m.start() < e for s, e, _ in hits):
                continue
            hits.append((m.start(), m.end(), target))
    if not hits:
        return []
    hits.sort(key=lambda h: h[0])
    specific = [hit for hit in hits if hit[2] not in _GENERIC]
    if prefer_specific and specific:
        # a specific subject ("国有控股企业实现利润总额", "小型企业PMI") outranks the
        # generic word of the release that follows it
        hits = specific
    run = [hits[-1]]
    for hit in reversed(hits[:-1]):
        if not _CONNECTOR.match(text[hit[1]:run[0][0]]):
            break
        run.insert(0, hit)
    ordered: list[_Target] = []
    for _, _, target in run:
        if target not in ordered:
            ordered.append(target)
    return ordered


def _nearest_target(family: str, before: str) -> _Target | None:
    """The subject of the clause (after the last semicolon) the number ends, else the last
    one the sentence named."""
    clause = re.split(r"[;；]", before)[-1]
    targets = _targets_in(family, clause) or _targets_in(family, before, prefer_specific=False)
    return targets[-1] if targets else None


def _sides(text: str) -> list[str]:
    """Production and sales named in ``text``: the last list of them, else the last one."""
    hits: list[tuple[int, int, str]] = []
    lowered = text.lower()
    for word, side in _AUTO_PS:
        hits += [(m.start(), m.end(), side) for m in re.finditer(word, lowered)]
    if not hits:
        return []
    hits.sort()
    run = [hits[-1]]
    for hit in reversed(hits[:-1]):
        if not _CONNECTOR.match(text[hit[1]:run[0][0]]):
            break
        run.insert(0, hit)
    ordered: list[str] = []
    for _, _, side in run:
        if side not in ordered:
            ordered.append(side)
    return ordered


_APPROXIMATE = re.compile(
    r"(just under|nearly|almost|about|around|more than|less than|over|at least|"
    r"近|约|超过|超|突破|逾|达到)\s*$",
    re.IGNORECASE)
#: a forecast quoted beside the figure ("略高于路透社调查预估的6%", "市场预期为5.2%")
_FORECAST_BEFORE = re.compile(r"(?:预估|预测|预期|预计|consensus|forecast|expectations?|seen at|"
                              r"anticipated)"
                              r"(?:值|中值)?\s*(?:的|为|of)?\s*$", re.IGNORECASE)
#: a bound, not a figure: "连续5个月保持在51.0%以上"
_BOUND_AFTER = re.compile(r"\s*(?:的?临界点|以上|以下|之上|之下|左右)")
#: a number right after a comparison base ("低于3月份的50.2", "比上月的49.0")
_BASE_VALUE = re.compile(r"(?:比|较|于)\s*(?:\d{1,2}\s*月份?|上月|去年同期|上年同期)的\s*$")
#: an English comparison base before a number ("slowing from a 31.5 percent jump",
#: "compared with March's 3.5% decrease"): the figure of another period, which is kept
#: only when that period is named right after it ("from 49.2 in April")
_BASE_BEFORE_EN = re.compile(r"(?:\bfrom|\bthan|compared (?:with|to)|versus|\bvs\.?)\s+"
                             r"(?:the\s+|a\s+|an\s+)?(?:[A-Z][a-z]+['’]s\s+)?$")
#: an English number of the month before, or against another base year, named after it
#: ("a 3.5 percent decline in the previous month", "10.2 percent from the 2019 level")
_PREVIOUS_AFTER = re.compile(r"^\s*(?:percent|per cent|%)?\s*(?:[a-z]+\s+){0,2}?"
                             r"(?:in|from|of|over) "
                             r"(?:the previous|the prior|a month earlier|the preceding|"
                             r"(?:the )?20\d\d level|the same period (?:of|in) 20\d\d)",
                             re.IGNORECASE)
#: a change written as a percent ("6.1 percent ..., 0.1 percent more than in July")
_CHANGE_AFTER_EN = re.compile(r"^\s*(?:percent|per cent|%|percentage points?)?\s+"
                              r"(?:more|less|higher|lower|faster|slower|above|below)\s+than",
                              re.IGNORECASE)
_AUTO_PS: tuple[tuple[str, str], ...] = (
    ("产量", "production"), ("生产", "production"), ("production", "production"),
    ("produced", "production"), ("output", "production"),
    ("销量", "sales"), ("销售", "sales"), ("sales", "sales"), ("sold", "sales"),
)


def _map_fact(copy: Copy, family: str, fact: Fact, local: str, before: str, right: str,
              lead: tuple[str, int | None] | None, lists: _ListState) -> list[CopyFigure]:
    if _not_the_figure(fact, local, right):
        return []
    phrases = _period_phrases(local)
    if (not _CJK.search(local) and re.match(r"\s*(?:percent|per cent|%)?\s*[a-z]", local)
            and (owned := _PERIOD_AFTER.match(local))):
        # "3.6% in May from 2.0% in April, while ... 4.3%": "in April" is the number's
        # before, English naming the period after its figure
        phrases = [p for p in phrases if p[0] >= owned.end(1)]
    if any(kind == "skip" for _, _, kind, _ in phrases):
        return []  # two-year averages, comparisons with another base year
    clause = re.split(r"[;；]", before)[-1]
    if _CJK.search(clause) and (own := [p for p in _period_phrases(clause) if p[2] != "skip"]):
        # "4月份下降2.9%;6月份增长3.9%,比上月加快3.2个百分点,环比增长0.84%": the clause's
        lead = (own[-1][2], own[-1][3])
    period_kind, month = _period_of(local, right, phrases, lead, lists)
    if period_kind == "skip" or _PREVIOUS_AFTER.match(right):
        return []  # "reversing a 3.5 percent decline registered in the previous month"
    if _BASE_BEFORE_EN.search(local) and not _named_after(right):
        return []  # "slowing from a 31.5 percent jump": a base of no named period
    # "0.49% month on month; full-year growth was 5.9%": the clause's own qualifier
    mom = bool(_MOM.search(re.split(r"[;；]", local)[-1])) or _qualifier_after(
        right, _MOM_AFTER, _YOY)
    value = _signed(fact.value, local, right)
    if value != fact.value:
        fact = replace(fact, value=value)
    if family == "auto":
        return _auto_figures(copy, fact, local, before, period_kind, month, mom, lists)
    target = _subject(family, local, before, fact, lists)
    if target is None or not target.stem:
        return []
    figure = _figure(copy, family, fact, target.stem, target.industry, period_kind, month, mom,
                     local + right, local)
    return [figure] if figure else []


def _named_after(right: str) -> bool:
    """Whether a period is named right after a number ("49.2 in April")."""
    after = _PERIOD_AFTER.match(right)
    return bool(after and _period_phrases(after.group(1)))


def _period_of(local: str, right: str, phrases: list[tuple[int, int, str, int | None]],
               lead: tuple[str, int | None] | None,
               lists: _ListState) -> tuple[str, int | None]:
    """The period of a number: a phrase right after it (English), the first of periods
    listed before it ("8月和9月…分别增长20.4%和21.6%") or the next of them, the last
    phrase before it, else the sentence's."""
    listed = _listed_periods(local, phrases)
    if len(listed) >= 2:
        lists.periods = listed[1:]
        return listed[0]
    if lists.periods and _LIST_GAP.fullmatch(local):
        return lists.periods.pop(0)
    lists.periods = []
    after = _PERIOD_AFTER.match(right)
    if after and (found := _period_phrases(after.group(1))):
        return found[0][2], found[0][3]  # "8.2 percent for the whole year 2019"
    if phrases:
        return phrases[-1][2], phrases[-1][3]
    return lead or ("month", None)


#: what joins listed periods ("8月和9月", "1-2月份、3月份")
_PERIOD_GAP = re.compile(r"份?\s*(?:[、,，]|和|及|与)\s*")


def _listed_periods(local: str, phrases: list[tuple[int, int, str, int | None]]
                    ) -> list[tuple[str, int | None]]:
    """The periods of the last list of period phrases in ``local``, in order."""
    run = phrases[-1:]
    for phrase in reversed(phrases[:-1]):
        if not _PERIOD_GAP.fullmatch(local[phrase[1]:run[0][0]]):
            break
        run.insert(0, phrase)
    return [(kind, month) for _, _, kind, month in run]


def _not_the_figure(fact: Fact, local: str, right: str) -> bool:
    """Numbers that are not the release's figure itself, whatever their subject."""
    if fact.measure == "change" or fact.unit == "percentage_point" or "位数" in fact.mention:
        return True  # changes against another period, "两位数增长": not stored
    if _APPROXIMATE.search(local) or right[:1] in ("余", "多") or _BOUND_AFTER.match(right):
        return True  # "nearly", "more than", "保持在51.0%以上": not the figure itself
    if _BASE_VALUE.search(local):
        return True  # "略低于3月份的50.2": the value of the comparison base
    if re.search(r"\baccount(?:ed|s|ing)? for\s*$", local, re.IGNORECASE):
        return True  # "accounted for 40.5 percent of GDP": a share
    if _CHANGE_AFTER_EN.match(right):
        return True  # "0.1 percent more than the figures registered in July"
    # "高于路透社调查预估的6%": the forecast, not the release
    return bool(_FORECAST_BEFORE.search(local))


def _signed(value: float, local: str, right: str = "") -> float:
    """The value with the sign a decline word right before (or, in English, after) it
    gives, where the extraction left it positive ("按年跌3.5%", "slumped by 8.2%", "a 2.1
    percent dip")."""
    declined = _DECLINE_TAIL.search(local[-24:]) or _DECLINE_AFTER.match(right)
    return -value if value > 0 and declined else value


def _subject(family: str, local: str, before: str, fact: Fact,
             lists: _ListState) -> _Target | None:
    """The subject of a number: the one its own words name, the next of a list the
    sentence gave before ("A、B和C分别为…"), or the nearest one before it."""
    local_targets = _targets_in(family, local)
    klass = "level" if fact.unit in ("cny", "count", "index") else "rate"
    if len(local_targets) >= 2:
        lists.targets, lists.used = local_targets, {}
        return lists.next(klass)
    if len(local_targets) == 1:
        lists.targets = []
        return local_targets[0]
    if lists.targets:
        return lists.next(klass)
    return _nearest_target(family, before)


def _auto_figures(copy: Copy, fact: Fact, local: str, before: str, period_kind: str,
                  month: int | None, mom: bool, lists: _ListState) -> list[CopyFigure]:
    """Automobile figures: the vehicle (all or new-energy) nearest before the number, and
    production or sales, often listed ("production and sales ... A and B, up p and q")."""
    if mom:
        return []
    vehicle = _nearest_target("auto", before)
    stem = vehicle.stem if vehicle is not None else "auto"
    if not stem:
        return []
    sides = _sides(local)
    klass = "level" if fact.unit == "count" else "rate"
    chosen: list[str]
    if len(sides) >= 2:
        lists.targets, lists.used = [_Target(s) for s in sides], {}
        chosen = [sides[0]]
        lists.used[klass] = 1
    elif len(sides) == 1:
        lists.targets, chosen = [], sides
    elif lists.targets:
        if re.search(r"均|both", local, re.IGNORECASE):  # "同比均增长": every one listed
            chosen = [t.stem for t in lists.targets[lists.used.get(klass, 0):]]
            lists.used[klass] = len(lists.targets)
        else:
            nxt = lists.next(klass)
            chosen = [nxt.stem] if nxt else []
    else:
        earlier = _sides(before)
        chosen = earlier[-1:]
    figures = []
    for side in chosen:
        figure = _figure(copy, "auto", fact, f"{stem}_{side}", "ALL", period_kind, month, False,
                         local)
        if figure:
            figures.append(figure)
    return figures


def _figure(copy: Copy, family: str, fact: Fact, stem: str, industry: str, period_kind: str,
            month: int | None, mom: bool, words: str, local: str = "") -> CopyFigure | None:
    year, month, period_kind = _dated(copy, period_kind, month)
    if _names_another_year(words, words[len(local):], month, year) or _another_year_before(
            local, year):
        return None  # "since it increased 7.9 percent in December 2014"
    ytd = period_kind == "ytd"
    value, unit = fact.value, fact.unit
    if unit == "times":  # "增长1.37倍": growth of 137 percent
        if not re.search(r"增长|up|increase", words, re.IGNORECASE):
            return None
        value, unit = round(fact.value * 100, 6), "percent"
    if family == "pmi":
        if unit in ("percent", "count") and 30 < value < 70 and _reads_as_index(fact, local):
            unit = "index"
        else:
            return None
    indicator = _indicator(family, stem, ytd, mom, unit, month)
    if indicator is None or _unit_of(indicator) != unit:
        return None
    if _implausible(indicator, value):
        return None
    release = f"nbs-{copy.release}" if copy.release else family_of(indicator)
    return CopyFigure(indicator, _store_period(indicator, year, month), industry, value, unit,
                      copy.copy_id, copy.url, fact.mention, decimals_of(fact.mention), release)


def _dated(copy: Copy, period_kind: str, month: int | None) -> tuple[int, int, str]:
    """The year and month a period phrase gives in ``copy`` (its reference month by default;
    "12月" in a January copy is the previous year's)."""
    year, ref_month = (int(part) for part in copy.period.split("-"))
    if period_kind == "prev_year":
        return year - 1, 12, "ytd"
    if month is None:
        return year, ref_month, period_kind
    return (year - 1 if month > ref_month else year), month, period_kind


def _another_year_before(local: str, year: int) -> bool:
    """Whether the words just before a number name only another year ("since 2015 when
    profits fell 2.3 percent", "easing from 2017's robust pace of 21 per cent")."""
    years = {int(y) for y in re.findall(r"(?<![\d.,])(20\d\d)(?![\d.,%])", local[-50:])}
    return bool(years) and year not in years


_MONTH_YEAR = re.compile(rf"\b({_MONTH_WORDS})\.?\s+(20\d\d)\b|(20\d\d)\s*年\s*(\d{{1,2}})\s*月")
#: a span of a named year ("the first two months of 2017")
_SPAN_YEAR = re.compile(r"\b(?:months|half|quarters?|period) of (20\d\d)\b|"
                        r"^\s*(?:percent|per cent|%)?\s*(?:[a-z-]+\s+){0,2}?(?:in|for) (20\d\d)\b",
                        re.IGNORECASE)


def _names_another_year(words: str, after: str, month: int, year: int) -> bool:
    """Whether the words around a number name its month, or the words after it its span
    ("in the first two months of 2017"), in another year than the one the copy's reference
    month gives it."""
    for m in _MONTH_YEAR.finditer(words):
        named = _MONTHS[m.group(1)] if m.group(1) else int(m.group(4))
        stated = int(m.group(2) or m.group(3))
        if named == month and stated != year:
            return True
    return any(int(m.group(1) or m.group(2)) != year for m in _SPAN_YEAR.finditer(after))


def _implausible(indicator: str, value: float) -> bool:
    """A change of the sales ratio written as a percent ("下降0.2%"), or a count too small
    to be a national stock ("34.4 base stations per 10,000 people")."""
    if indicator == "va_sales_ratio":
        return value < 50
    return value < _SMALLEST_STOCK.get(indicator, -math.inf)


def _reads_as_index(fact: Fact, local: str) -> bool:
    """An index is stated with its decimal or a percent sign ("50.1", "52%"), or as the
    value a verb gives it ("降至54", "came in at 51"); a bare number elsewhere is a day,
    a time or a count ("2024-12-31 15:58")."""
    if "." in fact.mention or "%" in fact.mention or "percent" in fact.mention:
        return True
    return bool(re.search(r"(?:至|为|為|录得|錄得|\bat|\bto)\s*$", local, re.IGNORECASE))


def _indicator(family: str, stem: str, ytd: bool, mom: bool, unit: str,
               month: int) -> str | None:
    """The catalogue indicator of a number of ``family`` about ``stem``, given whether it
    is a year-to-date or a month-on-month figure and its unit."""
    if family in ("profit", "auto") and mom:
        return None  # month-on-month changes of these are not stored
    return _INDICATOR_RULES[family](stem, ytd, mom, unit == "percent", month)


def _va_indicator(stem: str, ytd: bool, mom: bool, rate: bool, month: int) -> str | None:
    # January-February is released as one: it is February's monthly figure
    cumulative = ytd and month > 2
    if stem == "va":
        if mom:
            return "va_mom" if rate and not ytd else None
        return "va_ytd_yoy" if cumulative else "va_yoy"
    if mom or cumulative:
        return None
    if stem.startswith("va_"):
        return f"va_yoy_{stem[3:]}"
    if stem == "export":
        return "export_delivery_value_yoy" if rate else "export_delivery_value"
    return "va_sales_ratio" if stem == "sales_ratio" else None


def _profit_indicator(stem: str, ytd: bool, mom: bool, rate: bool, month: int) -> str | None:
    cumulative = ytd or month <= 2
    if stem == "profit":
        if cumulative:
            return "profit_ytd_yoy" if rate else "profit_ytd"
        return "profit_month_yoy" if rate else "profit_month"
    if not cumulative:
        return None
    if stem.startswith("profit_"):
        return f"profit_ytd_yoy_{stem[7:]}" if rate else f"profit_ytd_{stem[7:]}"
    if stem == "revenue":
        return "revenue_ytd_yoy" if rate else "revenue_ytd"
    return None


def _pmi_indicator(stem: str, ytd: bool, mom: bool, rate: bool, month: int) -> str | None:
    if ytd or mom:
        return None
    return "pmi_manufacturing" if stem == "pmi" else stem


def _auto_indicator(stem: str, ytd: bool, mom: bool, rate: bool, month: int) -> str | None:
    if stem not in ("auto_production", "auto_sales", "nev_production", "nev_sales"):
        return None
    base = f"{stem}_ytd" if ytd else stem
    return f"{base}_yoy" if rate else base


#: the smallest count a national stock can be: "34.4 base stations per 10,000 people" is none
_SMALLEST_STOCK = {"g5_base_stations": 1_000.0, "g5_mobile_users": 1_000_000.0}


def _telecom_indicator(stem: str, ytd: bool, mom: bool, rate: bool, month: int) -> str | None:
    if stem in ("g5_base_stations", "g5_mobile_users"):
        return stem
    if stem in ("telecom_revenue", "telecom_volume"):
        return f"{stem}_yoy" if rate else stem
    return None


_INDICATOR_RULES = {"va": _va_indicator, "profit": _profit_indicator, "pmi": _pmi_indicator,
                    "auto": _auto_indicator, "telecom": _telecom_indicator}


def _unit_of(indicator: str) -> str | None:
    from indmon.catalogue import Catalogue

    found = Catalogue.load().indicators.get(indicator)
    return found.unit if found else None


def _store_period(indicator: str, year: int, month: int) -> str:
    if indicator in ("g5_base_stations", "g5_mobile_users"):  # stocks: at the month's end
        return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{year}-{month:02d}"


def decimals_of(mention: str) -> int:
    """Digits after the decimal point of the number in ``mention``: its precision."""
    digits = re.search(r"\d+(?:[.,]\d+)*", mention)
    if not digits or "." not in digits.group(0):
        return 0
    return len(digits.group(0).rsplit(".", 1)[1])


# --------------------------------------------------------------------------- confirming


@dataclass(frozen=True)
class Release:
    """The release a figure comes from: its publisher, our title for it, its date."""

    source_id: str
    family: str
    period: str
    publisher: str
    title: str
    #: the release date: stated by a copy (``stated``), the earliest date in a copy's
    #: address (``copy``), or the end of the month the publisher's calendar puts it in
    #: (``schedule``: the release was out by then)
    published: str
    date_basis: str
    release_type: str = "preliminary"
    #: the address a shipped build gave it (kept by a merge unless an official page turns up)
    url: str = ""


@dataclass(frozen=True)
class HistoryFigure:
    """One accepted (or unconfirmed) figure with the copies that state it."""

    indicator: str
    period: str
    industry: str
    value: float
    unit: str
    source_id: str
    #: confirmed_official | confirmed_two_copies | unconfirmed
    status: str
    copies: tuple[CopyFigure, ...]

    @property
    def sites(self) -> list[str]:
        return sorted({site_of(c.url) for c in self.copies})


@dataclass(frozen=True)
class Conflict:
    """A copy stating another value than the accepted one, or copies that disagree."""

    indicator: str
    period: str
    industry: str
    accepted: float | None
    stated: float
    url: str
    mention: str
    reason: str


@dataclass
class History:
    releases: dict[str, Release]
    figures: list[HistoryFigure]
    unconfirmed: list[HistoryFigure]
    conflicts: list[Conflict]
    discarded: dict[str, int]


#: (publisher, title pattern) per release family; titles are our own standard names
FAMILIES: dict[str, tuple[str, str]] = {
    "nbs-ip": ("National Bureau of Statistics of China", "Industrial production in {month}"),
    "nbs-profit": ("National Bureau of Statistics of China",
                   "Profits of industrial enterprises above designated size, {span}"),
    "nbs-pmi": ("National Bureau of Statistics of China and China Federation of Logistics "
                "and Purchasing", "China purchasing managers' index, {month}"),
    "caam": ("China Association of Automobile Manufacturers",
             "Automobile production and sales, {month}"),
    "miit-telecom": ("Ministry of Industry and Information Technology",
                     "Communications industry operation, {span}"),
    "nbs-communique": ("National Bureau of Statistics of China",
                       "Statistical communiqué on the national economic and social "
                       "development in {year}"),
}
#: release types: the communiqué restates the year's figures as final
FINAL_FAMILIES = ("nbs-communique",)
#: how many days after its month each family is published, at the latest (calendar)
_SCHEDULE_MONTHS = {"nbs-ip": 1, "nbs-profit": 1, "nbs-pmi": 0, "caam": 1, "miit-telecom": 1,
                    "nbs-communique": 2}


def family_of(indicator: str) -> str:
    if indicator.startswith("pmi_"):
        return "nbs-pmi"
    if indicator.startswith(("profit_", "revenue_")):
        return "nbs-profit"
    if indicator.startswith(("auto_", "nev_")):
        return "caam"
    if indicator.startswith(("telecom_", "g5_")):
        return "miit-telecom"
    return "nbs-ip"


def _month_of(period: str) -> str:
    return period[:7]


def agree(a: CopyFigure, b: CopyFigure) -> bool:
    """Whether two copies state the same figure, allowing for the coarser one's rounding
    ("25.8 million" agrees with "25.769 million"; "25.712" does not with "25.721")."""
    # the coarser copy is the one whose last digit is worth more: "3.1万亿" (0.1 trillion)
    # is coarser than "31022.9亿" (10 million) although it shows as many decimals
    return same_value(a.value, b.value) or rounds_to(a.value, _step(a), b.value, _step(b))


def _step(fig: CopyFigure) -> float:
    """What the last digit of the copy's mention is worth in base units: its precision
    (a mention without digits is as precise as its copy's decimals)."""
    if re.search(r"\d", fig.mention):
        return stated_step(fig.value, fig.mention)
    return float(10.0 ** -fig.decimals)


def confirm(figures: Iterable[CopyFigure], copies: dict[str, Copy]) -> History:
    """Group the copies' figures by indicator, period and cell and apply the rule: an
    official page, or two copies on different sites that agree."""
    grouped: dict[tuple[str, str, str, str], list[CopyFigure]] = defaultdict(list)
    for fig in figures:
        grouped[(fig.indicator, fig.period, fig.industry, fig.family)].append(fig)
    accepted: list[HistoryFigure] = []
    unconfirmed: list[HistoryFigure] = []
    conflicts: list[Conflict] = []
    for (*cell, family), stated in sorted(grouped.items()):
        key = (cell[0], cell[1], cell[2])
        stated = _one_per_copy_value(stated)
        value_groups = _by_value(stated)
        chosen, status = _accepted(value_groups, copies, _torn_copies(stated))
        source_id = f"{family}-{_month_of(key[1])}"
        if chosen is None:
            if len(value_groups) > 1:
                first = value_groups[0][0]
                for group in value_groups:
                    for f in group:
                        why = ("" if group is value_groups[0]
                               else f" ({_reason(first, f)} against {first.mention})")
                        conflicts.append(_conflict(key, None, f, f"copies disagree{why}; none is "
                                                   "official or confirmed by two sites"))
            unconfirmed.append(HistoryFigure(*key, stated[0].value, stated[0].unit, source_id,
                                             "unconfirmed", tuple(stated)))
            continue
        best = min(chosen, key=_step)  # the most precise copy states the figure
        for group in value_groups:
            if group is not chosen:
                conflicts += [_conflict(key, best.value, f, _reason(best, f)) for f in group]
        accepted.append(HistoryFigure(*key, best.value, best.unit, source_id, status,
                                      tuple(chosen)))
    return History({}, accepted, unconfirmed, conflicts, {})


def _torn_copies(stated: list[CopyFigure]) -> set[int]:
    """The later readings of copies that give one cell values that do not agree (a page
    stating "51.1%" and then a sub-index's "52.0%" read as the headline): such a page
    vouches only for the value it states first, as a release leads with its headline."""
    by_copy: dict[str, list[CopyFigure]] = defaultdict(list)
    for fig in stated:  # in the order the copy states them
        by_copy[fig.copy_id].append(fig)
    return {id(fig) for figs in by_copy.values() for fig in figs[1:] if not agree(figs[0], fig)}


def _accepted(value_groups: list[list[CopyFigure]], copies: dict[str, Copy],
              torn: Set[int] = frozenset()) -> tuple[list[CopyFigure] | None, str]:
    """The group of agreeing copies the rule accepts, and how: the only one an official
    page is in, else the only one stated on two sites (not counting the later values of a
    copy torn between two); none when the copies leave it open."""
    official = [g for g in value_groups if any(copies[f.copy_id].official for f in g)]
    sited = [g for g in value_groups
             if independent_copies(f.url for f in g if id(f) not in torn) >= 2]
    if len(official) == 1:
        return official[0], "confirmed_official"
    if not official and len(sited) == 1:
        return sited[0], "confirmed_two_copies"
    return None, "unconfirmed"


def _one_per_copy_value(stated: list[CopyFigure]) -> list[CopyFigure]:
    """A copy stating a figure twice alike (title and body) states it once."""
    seen: dict[tuple[str, float], CopyFigure] = {}
    for fig in stated:
        seen.setdefault((fig.copy_id, round(fig.value, 9)), fig)
    return list(seen.values())


def _by_value(stated: list[CopyFigure]) -> list[list[CopyFigure]]:
    groups: list[list[CopyFigure]] = []
    for fig in sorted(stated, key=_step):
        for group in groups:
            if agree(group[0], fig):
                group.append(fig)
                break
        else:
            groups.append([fig])
    return groups


def _reason(accepted: CopyFigure, other: CopyFigure) -> str:
    ratio = abs(other.value / accepted.value) if accepted.value and other.value else 0.0
    if ratio and abs(math.log10(ratio)) > 0.5 and abs(math.log10(ratio) - round(
            math.log10(ratio))) < 0.01:
        return "wrong magnitude (a unit lost in translation, 亿 read as billion)"
    if sorted(str(abs(accepted.value))) == sorted(str(abs(other.value))):
        return "digits transposed"
    if accepted.value and other.value and (accepted.value > 0) != (other.value > 0):
        return "sign differs"
    if accepted.value == -other.value:
        return "sign differs"
    return "value differs from the accepted figure"


def _conflict(key: tuple[str, str, str], accepted: float | None, fig: CopyFigure,
              reason: str) -> Conflict:
    return Conflict(*key, accepted, fig.value, fig.url, fig.mention, reason)


def releases_for(figures: Sequence[HistoryFigure], copies: dict[str, Copy]) -> dict[str, Release]:
    """One release per family and month, dated from its copies where they show a date."""
    by_source: dict[str, list[HistoryFigure]] = defaultdict(list)
    for fig in figures:
        by_source[fig.source_id].append(fig)
    releases = {}
    for source_id, figs in sorted(by_source.items()):
        family, month = source_id.rsplit("-", 2)[0], source_id[-7:]
        seen = {c.copy_id for f in figs for c in f.copies}
        published, basis = _release_date(family, month, [copies[c] for c in sorted(seen)])
        publisher, title = FAMILIES[family]
        releases[source_id] = Release(source_id, family, month, publisher,
                                      title.format(month=_month_name(month), year=month[:4],
                                                   span=_span_name(family, month)),
                                      published, basis,
                                      "final" if family in FINAL_FAMILIES else "preliminary")
    return releases


def _release_date(family: str, month: str, seen: list[Copy]) -> tuple[str, str]:
    year, number = int(month[:4]), int(month[5:])
    # a copy's date before the end of the reference month cannot be the release's
    earliest_possible = f"{month}-{calendar.monthrange(year, number)[1]:02d}"
    if family != "nbs-pmi":
        earliest_possible = f"{month}-28"
    stated = sorted(c.published for c in seen if c.published and c.published >= month)
    if stated:
        return stated[0], "stated"
    in_urls = sorted(d for c in seen for d in _url_dates(c.url) if d >= earliest_possible)
    if in_urls:
        return in_urls[0], "copy"
    ahead = _SCHEDULE_MONTHS[family]
    y, m = (year + (number + ahead - 1) // 12, (number + ahead - 1) % 12 + 1)
    return f"{y}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}", "schedule"


_URL_DATE = re.compile(r"(20[12]\d)[-/]?(0[1-9]|1[0-2])[-/]?(0[1-9]|[12]\d|3[01])(?!\d)")


def _url_dates(url: str) -> list[str]:
    return [f"{y}-{m}-{d}" for y, m, d in _URL_DATE.findall(url)]


def _month_name(month: str) -> str:
    return f"{calendar.month_name[int(month[5:])]} {month[:4]}"


def _span_name(family: str, month: str) -> str:
    number = int(month[5:])
    if number == 1:
        return f"January {month[:4]}"
    if number == 12 and family != "nbs-profit":
        return f"the year {month[:4]}"
    return f"January-{calendar.month_name[number]} {month[:4]}"


@dataclass
class Shipped:
    """What an earlier build shipped, read back so that new look-ups add to it: every
    copy it recorded (confirmed, unconfirmed and conflicting ones) and its releases."""

    figures: list[CopyFigure]
    copies: dict[str, Copy]
    releases: dict[str, Release]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    import csv

    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_shipped(folder: Path) -> Shipped:
    """The copies and releases of a history written by ``scripts/history/build.py``.

    A shipped copy is known by its address (its page text is not kept): one copy per
    address, standing for itself in the confirmation as it did when it was first read.
    The copies that disagreed with an accepted figure are read back from ``conflicts.csv``
    so that a later build judges them again."""
    figures: list[CopyFigure] = []
    copies: dict[str, Copy] = {}
    family_of_cell: dict[tuple[str, str, str], str] = {}

    def add(family: str, indicator: str, period: str, industry: str, value: str,
            mention: str, url: str) -> None:
        copy_id = f"shipped:{url}"
        copies.setdefault(copy_id, Copy(copy_id, url, period[:7], "", "", "shipped"))
        unit = _unit_of(indicator)
        if unit is None:
            return  # an indicator the catalogue no longer has: nothing to confirm
        figures.append(CopyFigure(indicator, period, industry, float(value), unit, copy_id,
                                  url, mention, decimals_of(mention), family))

    for row in _csv_rows(folder / "copies.csv"):
        family = row["source_id"][:-8]
        family_of_cell[(row["indicator"], row["period"], row["industry"])] = family
        add(family, row["indicator"], row["period"], row["industry"], row["value"],
            row["mention"], row["url"])
    for row in _csv_rows(folder / "conflicts.csv"):
        if not row["accepted"]:
            continue  # copies of an unconfirmed figure: already in copies.csv
        cell = (row["indicator"], row["period"], row["industry"])
        add(family_of_cell.get(cell, family_of(row["indicator"])), *cell, row["stated"],
            row["mention"], row["url"])
    releases = {row["source_id"]: Release(
        row["source_id"], row["family"], row["period"], row["publisher"], row["title"],
        row["published"], row["date_basis"], row["release_type"], row["url"])
        for row in _csv_rows(folder / "sources.csv")}
    return Shipped(_unique(figures), copies, releases)


def _unique(figures: list[CopyFigure]) -> list[CopyFigure]:
    seen: dict[tuple[str, str, str, str, float], CopyFigure] = {}
    for fig in figures:
        seen.setdefault(_copy_key(fig), fig)
    return list(seen.values())


def _copy_key(fig: CopyFigure) -> tuple[str, str, str, str, float]:
    return (fig.url, fig.indicator, fig.period, fig.industry, round(fig.value, 9))


_DATE_BASES = ("stated", "copy", "schedule")


def _better_release(new: Release, old: Release) -> Release:
    """Of two datings of one release, the one on the firmer basis (a stated date before a
    copy's date before the calendar), and of two alike the earlier date."""
    def rank(r: Release) -> tuple[int, str]:
        basis = _DATE_BASES.index(r.date_basis) if r.date_basis in _DATE_BASES else 3
        return basis, r.published
    return replace(old if rank(old) <= rank(new) else new, url=old.url)


def build_history(folder: Path, shipped: Shipped | None = None) -> History:
    """Read every saved look-up in ``folder``, map its copies and confirm their figures;
    with ``shipped`` (:func:`read_shipped`), the copies an earlier build recorded join the
    new ones and confirmation is judged over both together."""
    copies = {c.copy_id: c for c in read_lookups(folder)}
    figures: list[CopyFigure] = []
    raw = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    discarded = {
        # numbers broken by injected text, in every saved copy (dated or not)
        "spam": sum(len(_SPAM_NUMBER.findall(text)) for text in raw),
        # copies whose year the page itself does not show: never used
        "no_year": sum(text.count("period=unknown") for text in raw),
        "copies": len(copies),
    }
    for copy in copies.values():
        figures += map_copy(copy)
    if shipped is not None:
        figures = _unique(figures)
        fresh = {_copy_key(f) for f in figures}
        # a shipped page read again is mapped again: its text, read with the present
        # mapping, replaces what an earlier build read from it
        read_again = {c.url for c in copies.values()}
        figures += [f for f in shipped.figures
                    if _copy_key(f) not in fresh and f.url not in read_again]
        copies = {**shipped.copies, **copies}
    history = confirm(figures, copies)
    history.releases = releases_for(history.figures + history.unconfirmed, copies)
    if shipped is not None:
        for rid, old in shipped.releases.items():
            if rid in history.releases:
                history.releases[rid] = _better_release(history.releases[rid], old)
    history.discarded = discarded
    return history
