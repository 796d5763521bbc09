"""Dense release-like texts for timing extraction, written by a program, never copied.

Real releases (``shared/releases``) are few (four, 81.5 KB, all English) and scraped, so
extraction speed is measured on texts this module writes in their style: a dated head,
paragraphs of figure sentences ("In the first 11 months, ... grew by 4.6% year on year,
0.8 percentage points higher than ..."), lists of sub-figures, stocks at a date, counts
of things, rankings and streaks, with sentences of policy prose between them. Every
sentence template is our own wording; subjects, figures, periods and regions are drawn at
random from lists below (a fixed seed, so every run times the same text).

The density is a parameter: facts per KB of UTF-8, the measure ``benchmarks/extract.py``
reads off the shared gold. Each template says how many figures it states, and prose is
mixed in until the running density is the target; the planted figures are returned, so
that the benchmark can check that the extractor finds them (a fast extractor that finds
nothing would otherwise look good).

    python benchmarks/extract_texts.py --lang zh --kb 2 --density 5   # print a sample
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from dataclasses import dataclass

#: a sentence template: (text, figures it states), drawn with the generator's random state
Template = Callable[[random.Random], tuple[str, int]]


@dataclass(frozen=True)
class DenseText:
    """A generated release: its text and how many figures were planted in it."""

    lang: str
    text: str
    planted: int

    @property
    def kb(self) -> float:
        return len(self.text.encode("utf-8")) / 1000

    @property
    def density(self) -> float:
        """Planted facts per KB of UTF-8."""
        return self.planted / self.kb


# ---------------------------------------------------------------- English

_EN_SUBJECTS = [
    "the value added of industrial enterprises above designated size",
    "the value added of the manufacturing sector",
    "the value added of high-tech manufacturing",
    "the value added of equipment manufacturing",
    "investment in manufacturing",
    "investment in technological transformation",
    "the export delivery value of industrial enterprises",
    "the operating revenue of the software industry",
    "telecommunications business revenue",
    "the total profits of industrial enterprises above designated size",
    "the output of new energy vehicles",
    "the sales of integrated circuits",
    "the production of industrial robots",
    "the volume of mobile Internet traffic",
    "the revenue of the electronic information manufacturing industry",
    "the output of crude steel",
]
_EN_PARTS = [
    "the automobile industry", "the electrical machinery industry", "the chemical industry",
    "the textile industry", "the electronics industry", "the pharmaceutical industry",
    "the shipbuilding industry", "the non-ferrous metals industry", "the building materials "
    "industry", "the food industry", "the petrochemical industry", "the machinery industry",
]
_EN_PERIODS = [
    "In the first three quarters", "In the first 11 months", "In the first half of the year",
    "In the first quarter", "From January to August", "In 2023", "Last year",
    "In the second quarter", "In the first seven months", "Throughout the year",
]
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
_EN_THINGS = [
    ("5G base stations", "million"), ("gigabit broadband users", "million"),
    ("IoT connections", "billion"), ("mobile phone users", "billion"),
    ("industrial Internet platforms", ""), ("data centre racks", "million"),
]
_EN_COUNTED = [
    "national manufacturing innovation centres", "advanced manufacturing clusters",
    "smart manufacturing demonstration factories", "'little giant' enterprises",
    "industrial Internet platforms with national influence", "green factories",
    "pilot zones for new industrialization", "public service platforms for SMEs",
]
_EN_REGIONS = ["Guangdong", "Jiangsu", "Zhejiang", "Shandong", "Sichuan", "Hubei", "Fujian",
               "Anhui", "the eastern region", "the central region"]
_EN_UP = ["increased by", "grew by", "rose by", "went up by", "expanded by"]
_EN_DOWN = ["fell by", "declined by", "dropped by", "decreased by"]


def _pct(r: random.Random, low: float = 0.3, high: float = 29.9) -> str:
    return f"{r.uniform(low, high):.1f}"


def _en_growth_comparison(r: random.Random) -> tuple[str, int]:
    year = r.choice(["2021", "2022"])
    higher = r.choice(["higher", "lower", "faster", "slower"])
    return (f"{r.choice(_EN_PERIODS)}, {r.choice(_EN_SUBJECTS)} {r.choice(_EN_UP)} "
            f"{_pct(r)}% year on year, {_pct(r, 0.1, 3)} percentage points {higher} than "
            f"in {year}.", 2)


def _en_level_and_growth(r: random.Random) -> tuple[str, int]:
    scale = r.choice(["billion", "trillion"])
    return (f"{r.choice(_EN_PERIODS)}, {r.choice(_EN_SUBJECTS)} reached "
            f"{r.uniform(1, 900):.2f} {scale} yuan, up {_pct(r)}% from a year earlier.", 2)


def _en_list(r: random.Random) -> tuple[str, int]:
    a, b, c = r.sample(_EN_PARTS, 3)
    return (f"Among them, the value added of {a} {r.choice(_EN_UP)} {_pct(r)}%, that of {b} "
            f"by {_pct(r)}% and that of {c} by {_pct(r)}%.", 3)


def _en_decline(r: random.Random) -> tuple[str, int]:
    return (f"Affected by weaker external demand, {r.choice(_EN_SUBJECTS)} "
            f"{r.choice(_EN_DOWN)} {_pct(r, 0.2, 9)}% year on year.", 1)


def _en_share(r: random.Random) -> tuple[str, int]:
    return (f"{r.choice(_EN_REGIONS)} accounted for {_pct(r, 3, 40)}% of the national total, "
            f"the largest share of any region.", 1)


def _en_stock(r: random.Random) -> tuple[str, int]:
    thing, scale = r.choice(_EN_THINGS)
    month = r.choice(_EN_MONTHS)
    if scale:
        total, added = f"{r.uniform(1, 900):.2f} {scale}", f"{r.uniform(0.1, 90):.1f} {scale}"
    else:
        total, added = f"{r.randrange(200, 9000):,}", f"{r.randrange(10, 900):,}"
    return (f"By the end of {month}, the number of {thing} had reached {total}, an increase "
            f"of {added} since the end of last year.", 2)


def _en_counts(r: random.Random) -> tuple[str, int]:
    first, second = r.sample(_EN_COUNTED, 2)
    return (f"The country has set up {r.randrange(12, 480)} {first} and "
            f"{r.randrange(12, 480)} {second}.", 2)


def _en_contribution(r: random.Random) -> tuple[str, int]:
    return (f"Manufacturing contributed {_pct(r, 0.1, 2.5)} percentage points to the growth "
            f"of industry, and its share of GDP was {_pct(r, 24, 29)}%.", 2)


def _en_rank_streak(r: random.Random) -> tuple[str, int]:
    return (f"The output of {r.choice(['new energy vehicles', 'ships', 'solar cells', 'steel'])} "
            f"has ranked first in the world for {r.randrange(3, 15)} consecutive years.", 2)


def _en_month_alone(r: random.Random) -> tuple[str, int]:
    return (f"In {r.choice(_EN_MONTHS)} alone, {r.choice(_EN_SUBJECTS)} rose "
            f"{_pct(r, 0.1, 2)}% month on month.", 1)


def _en_dollars(r: random.Random) -> tuple[str, int]:
    return (f"Exports of {r.choice(['electronic products', 'machinery', 'automobiles'])} came "
            f"to ${r.uniform(10, 900):.1f} billion, a {_pct(r)}% increase over the same period "
            f"of last year.", 2)


def _en_utilisation(r: random.Random) -> tuple[str, int]:
    return (f"The capacity utilization rate of industry was {_pct(r, 70, 80)}%, down "
            f"{_pct(r, 0.1, 2)} percentage points.", 2)


EN_FACTS: list[Template] = [
    _en_growth_comparison, _en_level_and_growth, _en_list, _en_decline, _en_share, _en_stock,
    _en_counts, _en_contribution, _en_rank_streak, _en_month_alone, _en_dollars,
    _en_utilisation,
]
EN_PROSE = [
    "The industrial economy continued its recovery, and market expectations improved.",
    "Policies to stabilize growth took effect, and enterprises regained confidence.",
    "The ministry will keep working with local governments to remove bottlenecks in supply "
    "chains and to help firms find orders.",
    "Digital technologies were applied more widely on factory floors, from design to "
    "maintenance.",
    "Green and low-carbon transformation advanced steadily across traditional sectors.",
    "Small and medium-sized enterprises received more targeted support for financing and "
    "innovation.",
    "Key core technologies saw breakthroughs, and the resilience of industrial chains grew.",
    "The spokesperson said that the foundation for a sustained recovery was still not solid.",
    "Next, the ministry will focus on expanding domestic demand and stabilizing foreign trade.",
    "Local authorities were urged to keep policies consistent and predictable for investors.",
]
_EN_HEADINGS = ["Industry held steady", "The information and communications industry grew",
                "Innovation gathered pace", "Regions played to their strengths",
                "Enterprises grew stronger"]


def _en_head(r: random.Random) -> str:
    month, day = r.choice(_EN_MONTHS), r.randrange(1, 28)
    return (f"Industry and information technology in 2023: figures from the press conference "
            f"(text written by a program for indmon's benchmark; all figures are invented)\n\n"
            f"Beijing, {month} {day}, 2024 -- The State Council Information Office held a press "
            f"conference on the development of industry and information technology in 2023.\n")


# ---------------------------------------------------------------- Chinese

_ZH_SUBJECTS = [
    "规模以上工业增加值", "制造业增加值", "高技术制造业增加值", "装备制造业增加值",
    "制造业投资", "技术改造投资", "出口交货值", "软件业务收入", "电信业务收入",
    "规模以上工业企业利润总额", "新能源汽车产量", "集成电路产量", "工业机器人产量",
    "移动互联网流量", "电子信息制造业营业收入", "粗钢产量",
]
_ZH_PARTS = ["汽车制造业", "电气机械行业", "化工行业", "纺织行业", "电子行业", "医药制造业",
             "船舶工业", "有色金属行业", "建材行业", "食品行业", "石化行业", "通用设备制造业"]
_ZH_PERIODS = ["前三季度", "1—11月份", "上半年", "一季度", "1—8月份", "2023年", "去年",
               "二季度", "前7个月", "全年"]
_ZH_THINGS = ["5G基站", "千兆宽带用户", "物联网终端", "移动电话用户", "工业互联网平台"]
_ZH_COUNTED = ["国家制造业创新中心", "先进制造业集群", "智能制造示范工厂", "专精特新“小巨人”企业",
               "绿色工厂", "新型工业化示范区", "中小企业公共服务平台"]
_ZH_REGIONS = ["广东", "江苏", "浙江", "山东", "四川", "湖北", "福建", "安徽"]
_ZH_UP = ["同比增长", "增长", "同比提高"]
_ZH_DOWN = ["同比下降", "下降", "同比减少"]


def _zh_growth_comparison(r: random.Random) -> tuple[str, int]:
    faster = r.choice(["加快", "回落", "提高"])
    return (f"{r.choice(_ZH_PERIODS)}，{r.choice(_ZH_SUBJECTS)}{r.choice(_ZH_UP)}{_pct(r)}%，"
            f"增速比上年{faster}{_pct(r, 0.1, 3)}个百分点。", 2)


def _zh_level_and_growth(r: random.Random) -> tuple[str, int]:
    scale = r.choice(["亿元", "万亿元"])
    return (f"{r.choice(_ZH_PERIODS)}，{r.choice(_ZH_SUBJECTS)}达到{r.uniform(1, 900):.2f}{scale}，"
            f"同比增长{_pct(r)}%。", 2)


def _zh_list(r: random.Random) -> tuple[str, int]:
    a, b, c = r.sample(_ZH_PARTS, 3)
    return (f"其中，{a}增加值增长{_pct(r)}%，{b}增长{_pct(r)}%，{c}增长{_pct(r)}%。", 3)


def _zh_decline(r: random.Random) -> tuple[str, int]:
    return f"受外需减弱影响，{r.choice(_ZH_SUBJECTS)}{r.choice(_ZH_DOWN)}{_pct(r, 0.2, 9)}%。", 1


def _zh_share(r: random.Random) -> tuple[str, int]:
    return f"{r.choice(_ZH_REGIONS)}占全国总量的{_pct(r, 3, 40)}%，居各地区之首。", 1


def _zh_stock(r: random.Random) -> tuple[str, int]:
    month = r.randrange(1, 13)
    return (f"截至{month}月末，{r.choice(_ZH_THINGS)}总数达{r.uniform(1, 900):.1f}万个，"
            f"比上年末净增{r.uniform(0.1, 90):.1f}万个。", 2)


def _zh_counts(r: random.Random) -> tuple[str, int]:
    first, second = r.sample(_ZH_COUNTED, 2)
    return (f"累计培育{first}{r.randrange(12, 480)}个、{second}{r.randrange(12, 480)}家。", 2)


def _zh_contribution(r: random.Random) -> tuple[str, int]:
    return (f"制造业拉动工业增长{_pct(r, 0.1, 2.5)}个百分点，制造业增加值占GDP比重为"
            f"{_pct(r, 24, 29)}%。", 2)


def _zh_rank_streak(r: random.Random) -> tuple[str, int]:
    return (f"{r.choice(['新能源汽车', '造船', '太阳能电池', '粗钢'])}产量连续{r.randrange(3, 15)}"
            f"年居世界第一。", 2)


def _zh_month_alone(r: random.Random) -> tuple[str, int]:
    return f"{r.randrange(1, 13)}月份，{r.choice(_ZH_SUBJECTS)}环比增长{_pct(r, 0.1, 2)}%。", 1


def _zh_dollars(r: random.Random) -> tuple[str, int]:
    return (f"{r.choice(['电子产品', '机电产品', '汽车'])}出口额{r.uniform(10, 900):.1f}亿美元，"
            f"同比增长{_pct(r)}%。", 2)


def _zh_utilisation(r: random.Random) -> tuple[str, int]:
    return (f"全国工业产能利用率为{_pct(r, 70, 80)}%，比上年下降{_pct(r, 0.1, 2)}个百分点。", 2)


ZH_FACTS: list[Template] = [
    _zh_growth_comparison, _zh_level_and_growth, _zh_list, _zh_decline, _zh_share, _zh_stock,
    _zh_counts, _zh_contribution, _zh_rank_streak, _zh_month_alone, _zh_dollars,
    _zh_utilisation,
]
ZH_PROSE = [
    "工业经济延续恢复态势，市场预期持续改善。",
    "稳增长政策效应不断显现，企业发展信心明显增强。",
    "下一步，将会同各地区各部门打通产业链供应链堵点卡点，帮助企业稳订单、拓市场。",
    "数字技术在研发设计、生产制造、运维服务等环节加快应用。",
    "传统产业绿色低碳转型稳步推进，能源利用效率进一步提升。",
    "面向中小企业的融资和创新支持更加精准有效。",
    "关键核心技术攻关取得新突破，产业链韧性不断增强。",
    "新闻发言人表示，经济持续回升向好的基础仍需巩固。",
    "下一步将着力扩大国内需求，推动外贸稳规模、优结构。",
    "要求各地保持政策连续性稳定性，稳定经营主体预期。",
]
_ZH_HEADINGS = ["一、工业生产总体平稳", "二、信息通信业稳步发展", "三、创新动能持续增强",
                "四、区域发展各展所长", "五、企业发展活力增强"]


def _zh_head(r: random.Random) -> str:
    return (f"2023年工业和信息化发展情况（程序生成的基准测试文本，数据均为虚构）\n\n"
            f"2024年1月{r.randrange(1, 28)}日，国务院新闻办公室举行新闻发布会，介绍2023年工业和"
            f"信息化发展情况。\n")


# ---------------------------------------------------------------- writing


_Style = tuple[Callable[[random.Random], str], list[Template], list[str], list[str], str]
_STYLES: dict[str, _Style] = {
    "en": (_en_head, EN_FACTS, EN_PROSE, _EN_HEADINGS, " "),
    "zh": (_zh_head, ZH_FACTS, ZH_PROSE, _ZH_HEADINGS, ""),
}


def dense_text(lang: str, kb: float, density: float, seed: int = 12) -> DenseText:
    """A release of about ``kb`` KB whose planted figures are ``density`` per KB.

    Paragraphs of three to seven sentences under headings; each next sentence is a figure
    sentence while the running density is below the target and prose otherwise, so the
    figures come in runs as they do in real releases.
    """
    r = random.Random(seed)
    head, facts, prose, headings, space = _STYLES[lang]
    parts = [head(r)]
    size, planted = len(parts[0].encode("utf-8")), 0
    while size < kb * 1000:
        paragraph = [r.choice(headings), "\n"] if r.random() < 0.15 else []
        sentences: list[str] = []
        for _ in range(r.randrange(3, 8)):
            paragraph_size = sum(len(s.encode("utf-8")) for s in sentences) + size
            if planted < density * paragraph_size / 1000:
                sentence, count = r.choice(facts)(r)
                planted += count
            else:
                sentence = r.choice(prose)
            sentences.append(sentence)
        paragraph.append(space.join(sentences) + "\n")
        chunk = ("\n" if lang == "en" else "") + "".join(paragraph)
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
    return DenseText(lang, "".join(parts), planted)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--lang", choices=sorted(_STYLES), default="en")
    args.add_argument("--kb", type=float, default=2.0)
    args.add_argument("--density", type=float, default=5.0, help="facts per KB of UTF-8")
    args.add_argument("--seed", type=int, default=12)
    options = args.parse_args()
    text = dense_text(options.lang, options.kb, options.density, options.seed)
    print(text.text)
    print(f"-- {text.kb:.1f} KB, {text.planted} figures planted, {text.density:.2f} per KB")


if __name__ == "__main__":
    main()
