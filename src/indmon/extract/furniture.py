"""Numbers of the page, not of the economy: footnote marks, counters, captions, numbered
notes and the sizes of the groups figures are stated for.

Scraped releases keep the furniture of their page: ``[1]`` footnote marks, "Page views:
1024" and "浏览次数：1024", the time of a page timestamp ("10:00"), "Figure 2" and "图2"
captions, numbered disclaimers ("1. The figures are preliminary", "1、本网站..."), and
reference groups ("among 50 major cities", "across 10 major industrial provinces";
"三家基础电信企业" is read in ``patterns_zh``).
None of their numbers is a fact.
Menus, pagers, share buttons and comment boxes are whole lines, handled by
``indmon.extract.layout``; these are single numbers inside lines that may hold facts.
"""

from __future__ import annotations

import re

#: a date range's first day and month before its last day: "March 22 to ", "3月22日至"
_DATE_RANGE_BEFORE = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s+\d{1,2}\s*(?:to|-|–|and|through)\s*$|\d{1,2}日\s*(?:至|到|—|-)\s*$",
    re.IGNORECASE)
#: "[1]", "［2］": a footnote mark
_OPEN_BRACKETS = "[［〔"
_CLOSE_BRACKETS = "]］〕"
#: a time of day: "10:00", "09:30:15" (full-width colons are normalised to ":")
_TIME_AFTER = re.compile(r"^[:：]\d\d(?!\d)")
_TIME_BEFORE = re.compile(r"(?<!\d)\d{1,2}[:：]$")
_TIME_ZONE_BEFORE = re.compile(r"\b(?:GMT|UTC)\s?[+\-−]\s?$")
#: page counters before the number
_COUNTER_BEFORE = re.compile(
    r"(?:page\s*views?|views|visits|hits|viewed|clicks|浏览(?:次数|量)?|阅读(?:次数|量|数)?|"
    r"点击(?:量|数|次数|率)?|访问(?:量|次数)?)\s*[:：]?\s*$"
    # "Reads: 2,317", "| Read 2,317 times"; not "large enterprises read 51.3"
    r"|(?:^|\n|[|·•])\s*reads?\s*[:：]?\s*$|reads?\s*[:：]\s*$|\breading\s+time\s*[:：]?\s*$"
    # "| Comments (12) | Share", "评论（12）"
    r"|\b(?:comments?|replies|shares|likes)\s*[:：(（]\s*$|(?:评论|留言|点赞|分享)\s*[:：(（]?\s*$",
    re.IGNORECASE)
#: a caption's number: "Figure 2", "Chart 3:", "see Table 1"; 图 and 表 at a line start
_CAPTION_BEFORE = re.compile(
    r"(?:\b(?:figure|fig\.|chart|table|graph|annex|appendix|page|photo|image|video)\s*"
    r"|\b(?:page|photo|image)\s+\d+\s+of\s+"
    r"|(?:^|\n)\s*(?:附)?[图表]\s*)$",
    re.IGNORECASE)
#: a numbered note at a line start: "1. The", "1、本网站", "(1)", "（1）"
_LINE_START_BEFORE = re.compile(
    r"(?:^|\n)\s*(?:note|notes|(?:important\s+)?(?:disclosures?|disclaimers?|notices?)|附注|注|"
    r"说明)?\s*[:：]?\s*[（(]?$",
                                re.IGNORECASE)
_NUMBERING_AFTER = re.compile(r"^(?:[)）]|[.．]\s+\D|、)")
#: "among 50 major cities", "across 10 major industrial provinces": the size of the group
#: a figure is stated for
_AMONG_BEFORE = re.compile(r"\b(?:among|across)\s+(?:the\s+)?$", re.IGNORECASE)
_GROUP_AFTER = re.compile(
    r"^\s+(?:(?:major|key|large|big|main|pilot|sample|surveyed|industrial)\s+)*(?:cities|provinces|"
    r"regions|countries|economies|enterprises|companies|industries|divisions|sectors|"
    r"(?:industry|industrial)\s+(?:groups|categories))\b"
    r"|^\s+(?:basic|major|state-owned|leading)\s+(?:telecom|telecommunications)\s+"
    r"(?:companies|enterprises|operators|carriers)\b", re.IGNORECASE)


#: what a number of the page can stand right after (the words before it trimmed): a
#: mark, a colon, a line start, a caption or counter word, "among", "the"; most figures
#: stand after a verb and skip the patterns below
_FURNITURE_LAST = frozenset("[［〔:：(（\n.。；;图表量数")
_FURNITURE_WORDS = frozenset({"views", "visits", "hits", "reads", "read", "viewed", "clicks",
                              "figure", "fig.", "page", "photo", "image", "video",
                              "chart", "table", "graph", "annex", "appendix", "among", "across",
                              "the", "of"})
#: the words that join a range's ends or a page to its count
_RANGE_JOINS = (" to", " and", " through", "-", "–", "至", "到", "—", " of")


def _range_or_page_before(tail: str) -> bool:
    """Whether a number stands after another joined to it ("22 to", "1 of", "22日至"): the
    few figures worth the date-range and page patterns."""
    if not tail.endswith(_RANGE_JOINS):
        return False
    for join in _RANGE_JOINS:
        if tail.endswith(join):
            rest = tail[:-len(join)].rstrip()
            return rest[-1:].isdigit() or rest.endswith("日")
    return False


#: the number of a note in a run of notes: "1. Figures", "2.因四舍五入"
_NOTE_NUMBER_AFTER = re.compile(r"^[.．、](?:\s+[A-Za-z]|\s*[^\d\s.．A-Za-z])")
#: what opens a paragraph of notes
_NOTES_OPENING = re.compile(
    r"(?:^|\n)\s*(?:notes?|(?:important\s+)?(?:disclosures?|disclaimers?|notices?)|注|说明|附注)"
    r"\s*[:：]", re.IGNORECASE)


#: a line that heads a release's notes: "Notes", "Explanatory notes", "附注", "注释：";
#: what they say (indicator definitions, weights, sample sizes, methods) is no fact
_NOTES_HEADING = re.compile(
    r"^[ \t\u3000]*(?:explanatory\s+notes|notes?(?:\s+to\s+editors)?|附注|注释|说明|注)"
    # the heading on a line of its own, or with its first numbered note after a colon
    r"[ \t\u3000]*(?:[:：]?[ \t\u3000]*$|[:：][ \t\u3000]*(?=[1-9１-９][.．、]))",
    re.IGNORECASE | re.MULTILINE)
#: a line after the notes that opens a table of figures or a chart again, whose story
#: may go on below it: "附表", "Annex table 1", "Figure 1: ...", "图1　..."
_AFTER_NOTES = re.compile(r"^[ \t\u3000]*(?:附表|附件|annex|appendix|attached\s+tables?"
                          r"|(?:figure|chart|graph|图表?)[ \t\u3000]*\d)",
                          re.IGNORECASE | re.MULTILINE)


#: a title after a blank line, which opens a story of its own after the notes (a
#: statistician's reading, 国家统计局统计师解读：……): no numbered note, no full stop at its end
_TITLE_AFTER_NOTES = re.compile(
    r"(?<=\n)[ \t\u3000]*\n[ \t\u3000]*+(?![0-9０-９（(①-⑳一二三四五六七八九十]|注|note)"
    r"[^\n]{4,80}(?<![。.;；:：,，])[ \t\u3000]*(?=\n)", re.IGNORECASE)


def notes_sections(text: str) -> list[tuple[int, int]]:
    """(start, end) of each section a notes heading opens, to the next table or chart
    caption or the end of the text."""
    if "note" not in text and "Note" not in text and "注" not in text and "说明" not in text:
        return []
    sections = []
    for heading in _NOTES_HEADING.finditer(text):
        ends = [m.start() for m in (_AFTER_NOTES.search(text, heading.end()),
                                    _TITLE_AFTER_NOTES.search(text, heading.end())) if m]
        sections.append((heading.start(), min(ends, default=len(text))))
    return sections


def _in_notes(text: str, start: int) -> bool:
    """Whether a position lies in a paragraph that opens with "Notes:" or 说明：."""
    paragraph = max(text.rfind("\n\n", 0, start), text.rfind("\n", 0, start) - 400, 0)
    lo = max(paragraph, start - 400)
    return bool(_NOTES_OPENING.search(text, lo, start))


#: page counters after the number: "| 2,317 views |", "3 min read", "4862次浏览"
_COUNTER_AFTER = re.compile(
    r"^\s*(?:(?:page\s*)?(?:views|visits|hits|reads|clicks|comments|shares)\b|min(?:ute)?s?\s+read\b"
    # "(18 photos)", "Reading time 4 min"
    r"|(?:photos|pictures|images|videos)\s*\)|min(?:ute)?s?\s*(?:[|·•]|$))"
    r"|^\s*(?:次(?:浏览|阅读|点击|访问)|人(?:浏览|阅读))", re.IGNORECASE)
#: a telephone number: "+65 6123 4567", "Tel: 010-6820 1234", "电话：010-68205555"
_PHONE = re.compile(r"(?:\+\d{1,3}|(?:tel|phone|telephone|fax|hotline|电话|传真|热线)\.?\s*[:：]?)"
                    r"[\s(（]*\d[\d\s()（）-]{5,}\d", re.IGNORECASE)


def _in_phone_number(text: str, start: int, end: int) -> bool:
    """Whether the number is a part of a telephone number on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    window = text[max(line_start, start - 40):end + 20]
    offset = max(line_start, start - 40)
    return any(m.start() + offset <= start and end <= m.end() + offset
               for m in _PHONE.finditer(window))


def _time_zone_or_phone(text: str, start: int, end: int, before: str) -> bool:
    """"10:34 AM GMT+8", "Tel: +86 10 6820 1234": a page timestamp's zone, a phone number."""
    if ("GMT" in before or "UTC" in before) and _TIME_ZONE_BEFORE.search(before):
        return True
    return ("+" in before or "el" in before or "话" in before or "真" in before
            or "线" in before or "ax" in before) and _in_phone_number(text, start, end)


def is_furniture(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` belongs to the page, not to the economy."""
    before = text[max(0, start - 30):start]
    after = text[end:end + 40]
    if _COUNTER_AFTER.match(after):
        return True
    if _time_zone_or_phone(text, start, end, before):
        return True
    tail = before.rstrip(" \t")
    last = tail[-1:]
    if _range_or_page_before(tail) and (_DATE_RANGE_BEFORE.search(before)
                                        or _CAPTION_BEFORE.search(before)):
        return True  # "from March 22 to 25", "Page 1 of 3": a date range's end, a page count
    if (start and last not in _FURNITURE_LAST and not _TIME_AFTER.match(after)
            and tail[-12:].rsplit(None, 1)[-1:] != [] and
            tail[-12:].rsplit(None, 1)[-1].lower() not in _FURNITURE_WORDS):
        return False
    if before[-1:] in _OPEN_BRACKETS and after[:1] in _CLOSE_BRACKETS:
        return True
    if _TIME_AFTER.match(after) or _TIME_BEFORE.search(before):
        return True  # "10:00" of a page timestamp
    if _COUNTER_BEFORE.search(before) or _CAPTION_BEFORE.search(before):
        return True
    if _LINE_START_BEFORE.search(before) and _NUMBERING_AFTER.match(after):
        return True
    if _NOTE_NUMBER_AFTER.match(after) and _in_notes(text, start):
        return True  # "Notes: 1. Figures are preliminary. 2. Totals may differ"
    return bool(_GROUP_AFTER.match(after) and (_AMONG_BEFORE.search(before) or
                                               _THE_BEFORE.search(before)
                                               or _PART_OF_BEFORE.search(before)))


#: "34 of 41 divisions posted growth": the group the part is counted of
_PART_OF_BEFORE = re.compile(r"\d\s+of\s+$")
#: "The 29,870 enterprises above designated size in the sector booked": a definite group
_THE_BEFORE = re.compile(r"(?:^|\b)the\s+$", re.IGNORECASE)


#: a threshold a definition or a reading rule states, not a fact: "enterprises with
#: annual revenue of 20 million yuan or more", "plans of 1000Mbps and above", "a reading
#: above 50 percent indicates expansion", "年主营业务收入2000万元及以上", "高于50%表示扩张",
#: "50%荣枯线"
_THRESHOLD_AFTER_EN = re.compile(
    # not "up 7.9 percent and faster than the 7.2 percent": a comparison follows
    r"^\s*(?:(?P<scope>(?:(?:plans?|connections?|lines?|services?)\s+)?(?:or|and)\s+(?:more|above|"
    r"over|higher|faster)\b(?!\s+than\b))"
    r"|(?:percent\s+|%\s*)?(?:indicates?|"
    r"means?|signals?|shows?|represents?|denotes?|marks?|reflects?)\b|(?P<line>(?:percent\s+|"
    r"%\s*|-?points?\s+)?(?:line|mark|threshold)\b))", re.IGNORECASE)
#: "above the critical point of 50 percent", "高于50%的临界点": the point itself
_THRESHOLD_NAMED_BEFORE = re.compile(
    r"(?:critical\s+point|threshold|boom-bust\s+line|dividing\s+line|expansion\s+line|"
    r"临界点|荣枯线)\s*(?:of\s+|为|是)?$", re.IGNORECASE)
#: "PMI高于50%时，反映经济扩张", "低于50%，则反映": a reading rule
_THRESHOLD_RULE_ZH = re.compile(
    r"[%％]\s*(?:时|以上|以下)?\s*[，,]?\s*(?:则)?\s*(?:反映|表示|意味|说明|代表)")
#: "above 50 percent indicates", "just over the 50 mark that divides growth"
_THRESHOLD_BEFORE_EN = re.compile(r"\b(?:above|below|over|under)\s+(?:the\s+)?$", re.IGNORECASE)
_THRESHOLD_AFTER_ZH = re.compile(
    r"^(?:及以上|或以上|以上的|以下的)|^[%％]?(?:[^，。；\d]{0,2})(?:表示|意味|代表|即为|为)"
    r"(?:经济)?(?:扩张|收缩|景气|荣枯)|^[%％]?(?:的)?(?:荣枯线|临界点|枯荣线)")


#: "3.98 trillion yuan (about 555 billion U.S. dollars)": a conversion, not a fact
_CONVERSION_BEFORE = re.compile(r"\(\s*(?:about|around|approximately|roughly|some|or|约|折合)?\s*$",
                                re.IGNORECASE)
_CONVERSION_UNIT = re.compile(r"(?:U\.?S\.?\s+)?dollars|USD|美元|euros?", re.IGNORECASE)


def is_conversion(text: str, start: int, end: int) -> bool:
    """Whether a figure is another currency's rendering of the figure before it, or the
    base of a ratio ("costs per 100 yuan of operating revenue", 每百元营业收入)."""
    before = text[max(0, start - 16):start]
    if text[start:start + 2] == "百元" or (("per" in before or "very" in before or "ach" in before)
                                         and _PER_BEFORE.search(before)) or (
            before.endswith("每")):
        return True
    return "(" in before and bool(_CONVERSION_BEFORE.search(before)
                                  and _CONVERSION_UNIT.search(text[start:end + 16]))


#: an index's base value: "(The index is set at 100 for April 1994.)"
_INDEX_BASE_BEFORE = re.compile(r"\b(?:is|was|are|were)\s+set\s+(?:at|to)\s+$", re.IGNORECASE)
_PER_BEFORE = re.compile(r"\bper\s+$|\b(?:for\s+)?(?:every|each)\s+$|每$", re.IGNORECASE)


def is_threshold(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` (its unit included) is a threshold that
    defines a term or reads an index, not a fact of the period."""
    after = text[end:end + 24]
    if _THRESHOLD_AFTER_ZH.match(after):
        return True
    before = text[max(0, start - 24):start]
    if " set " in before and _INDEX_BASE_BEFORE.search(before):
        return True  # "The index is set at 100 for April 1994": an index's base
    if ("point" in before or "threshold" in before or "line" in before or "临界" in before
            or "荣枯" in before) and _THRESHOLD_NAMED_BEFORE.search(before):
        return True
    if before.endswith(("高于", "低于", "大于", "小于")) and _THRESHOLD_RULE_ZH.match(
            text, end - 1 if text[end - 1:end] in "%％" else end):
        return True
    if ("at least" in before or "less than" in before or "revenue" in before
            or "turnover" in before or "income" in before) and _SIZE_THRESHOLD_BEFORE_EN.search(
            text, max(0, start - 60), start):
        return True  # "enterprises with annual main business revenue of at least 20 million"
    match = _THRESHOLD_AFTER_EN.match(after)
    if not match:
        return False
    # "above 50 percent indicates expansion" needs its "above"; "or more", "line" do not
    return bool(match.group("scope") or match.group("line")
                or _THRESHOLD_BEFORE_EN.search(text[max(0, start - 12):start]))


#: the size that defines "above designated size", stated as a floor
_SIZE_THRESHOLD_BEFORE_EN = re.compile(
    r"\bannual\s+(?:main[\s-]+business\s+)?(?:revenue|turnover|income|sales)\s+(?:of\s+)?"
    # "with annual revenue above 20 million yuan"
    r"(?:at\s+least|no\s+less\s+than|not\s+less\s+than|above|over|exceeding|topping|"
    r"(?:of\s+)?more\s+than|in\s+excess\s+of)\s+$", re.IGNORECASE)


__all__ = ["is_conversion", "is_furniture", "is_threshold"]
