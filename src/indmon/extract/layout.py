"""The layout of a release: paragraphs, sentences, clauses, quotes and page leftovers.

Facts are read in context: the period of a figure is stated earlier in its sentence or
paragraph, its measure in its clause. Scraped pages also keep menus, pager lines
(``1 2 3 ... 10 >``), share buttons and comment boxes; those lines hold no facts.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from indmon.extract.fastre import word_start
from indmon.extract.mentions import Span

_NEWLINE = re.compile(r"\n")
# Whole-text scans below are split into patterns led by one literal character each, run
# only when the text has that character: the engine skips to a literal character several
# times faster than to any of a set of characters.

#: sentence ends by their character: ``[.!?](?=\s|$)|[。！？]|\n``
_SENTENCE_ENDS = {
    ".": re.compile(r"\.(?=\s|$)"), "!": re.compile(r"!(?=\s|$)"), "?": re.compile(r"\?(?=\s|$)"),
    "。": re.compile("。"), "！": re.compile("！"), "？": re.compile("？"), "\n": _NEWLINE,
}
#: words after which a full stop does not end a sentence (``[A-Z]``: a single capital)
ABBREVIATIONS = ("No", "Mr", "Ms", "Dr", "St", "[A-Z]", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct",
                 "Nov", "Dec", "vs", "etc")


def _abbreviation_ends() -> dict[str, re.Pattern[str]]:
    """Full stops that end an abbreviation, and line breaks right after one: a full stop
    or line break checked by look-behinds, one for each length of abbreviation (a
    look-behind has a fixed width)."""
    by_width: dict[int, list[str]] = {}
    for word in ABBREVIATIONS:
        by_width.setdefault(1 if word == "[A-Z]" else len(word), []).append(word)

    def behind(tail: str) -> str:
        return "|".join(rf"(?<=\b(?:{'|'.join(words)}){tail})" for words in by_width.values())

    after_dot, after_line_break = behind(r"\."), behind(r"\.\n")
    return {".": re.compile(rf"\.(?=\s|$)(?:{after_dot})"),
            "\n": re.compile(rf"\n(?:{after_line_break})")}


_ABBREVIATION_ENDS = _abbreviation_ends()
#: what breaks a sentence into clauses
_CLAUSE_BREAK = re.compile(r"[,;:，；：、(（]|\s-\s|\bwhile\b|\bwhereas\b")
#: its parts, found on their own (their matches never overlap, but for dashes in a row)
_CLAUSE_MARKS = ",;:，；：、(（"
_DASH = re.compile(r"-(?<=\s-)(?=\s)")  # "\s-\s", found by its dash
_WHILE = re.compile(word_start(["while", "whereas"]) + r"\b")


def _scan(text: str, patterns: dict[str, re.Pattern[str]]) -> Iterator[re.Match[str]]:
    """Matches of the patterns whose leading character occurs in the text."""
    for char, pattern in patterns.items():
        if char in text:
            yield from pattern.finditer(text)


def _sentence_starts(text: str) -> list[int]:
    """Where sentences start: after every sentence end but those of abbreviations ("No.",
    "Jan.", "U.S."), which end no sentence."""
    ends = {m.end() for m in _scan(text, _SENTENCE_ENDS)}
    ends.difference_update(m.end() for m in _scan(text, _ABBREVIATION_ENDS))
    return sorted({0, *ends})


def _clause_breaks(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Spans of every clause break, sorted, and where dashes come in a row (" - - "):
    there a scan for breaks finds every other dash, depending on where it starts."""
    breaks = [(i, i + 1) for mark in _CLAUSE_MARKS if mark in text
              for i in _positions(text, mark)]
    dashes = [m.start() for m in _DASH.finditer(text)]
    breaks.extend((i - 1, i + 2) for i in dashes)
    breaks.extend(m.span() for m in _WHILE.finditer(text))
    breaks.sort()
    return breaks, [i for i, j in itertools.pairwise(dashes) if j - i == 2]


def _positions(text: str, char: str) -> list[int]:
    return [m.start() for m in _literal(char).finditer(text)]


@functools.cache
def _literal(char: str) -> re.Pattern[str]:
    return re.compile(re.escape(char))


#: short quotations by their opening mark: ``"[^"\n]{1,70}"|「[^」\n]{1,70}」|《[^》\n]{1,70}》``
_QUOTES = {'"': re.compile(r'"[^"\n]{1,70}"'), "「": re.compile(r"「[^」\n]{1,70}」"),
           "《": re.compile(r"《[^》\n]{1,70}》")}


def quotations(text: str) -> list[re.Match[str]]:
    """The quotations one scan for any of them would find, left to right, none inside
    another: each opening mark is tried in text order, after the last quotation found."""
    opening = sorted((i, mark) for mark in _QUOTES if mark in text for i in _positions(text, mark))
    found: list[re.Match[str]] = []
    resume = 0
    for i, mark in opening:
        if i >= resume and (m := _QUOTES[mark].match(text, i)):
            found.append(m)
            resume = m.end()
    return found

#: a quote that states something (a verb or a percentage) is speech, not a name or slogan
_STATEMENT = re.compile(
    r"%|\bper\s*cent|\b(?:is|are|was|were|has|have|had|grew|rose|fell|(?!hundred\b)[a-z]{3,}ed)\b|"
    r"增长|下降|达到|完成|实现|占|提高|超过"
)

#: words of web-page furniture; a short line with one of them and no sentence is furniture
_FURNITURE_EN = re.compile(
    r"\b(?:home|share|shares|comments?|print|close|log\s?in|sign\s?(?:in|up)|next|prev|pre|"
    r"previous|links?|related|copyright|all\s+rights\s+reserved|editor|menu|subscribe|"
    r"read\s+in\s+chinese|back\s+to\s+top|font\s+size|tags?|keywords?)\b\s*[:>|-]?",
    re.IGNORECASE,
)
_FURNITURE_ZH = re.compile(
    r"分享到|评论|打印|关闭|责任编辑|编辑：|上一篇|下一篇|首页|来源：|扫一扫|微信|微博|"
    r"字号|返回顶部|相关新闻|版权所有|登录|注册|主办单位|网站标识码|ICP备"
)
_MAX_FURNITURE_LINE = 90
#: the head of a block of links to other pages: the block runs to the next empty line,
#: and the titles in it (often other releases' headlines, with their figures) are no facts
_LINK_BLOCK_HEAD = re.compile(
    r"\s*(?:相关链接|相关阅读|延伸阅读|相关新闻|相关文章|推荐阅读|热点推荐|"
    r"related\s+(?:links?|articles?|news|stories|releases|coverage|reading)|related(?=\s*[:：])|"
    # a line that is only "RELATED"
    r"related\s*$|"
    r"see\s+also|read\s+more|more\s+news)"
    r"\s*[:：>|]?", re.IGNORECASE)
_MAX_LINK_BLOCK = 20
_LINK_BLOCK_WORDS = ("相关", "延伸阅读", "推荐阅读", "热点推荐", "elated", "ELATED", "ee also",
                     "EE ALSO", "ead more", "EAD MORE", "ore news", "ORE NEWS")


_PAGER_WORDS = re.compile(r"首页|尾页|上一页|下一页|第|页|共|next|prev(?:ious)?|page|first|last|of",
                          re.IGNORECASE)


#: a character that no pager line has (one outside its words, digits and signs)
_NOT_IN_PAGER = re.compile(r"[^\d\s<>«»|.…/\-首尾上下一页第共nextprviousagfrlNEXTPRVIOUSAGFRLſİı]")


def _is_pager(line: str) -> bool:
    """``1 2 3 ... 10 >``, ``< Prev 1 2 Next >``, ``第1页 共5页``."""
    if _NOT_IN_PAGER.search(line):
        return False  # what the pager words leave must be digits and signs
    rest = _PAGER_WORDS.sub("", line)
    return len(re.findall(r"\d+", rest)) >= 2 and not re.sub(r"[\d\s<>«»|.…/-]", "", rest)


def _is_furniture(line: str, lang: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _is_pager(stripped):
        return True
    if len(stripped) > _MAX_FURNITURE_LINE:
        return False
    pattern = _FURNITURE_ZH if lang == "zh" else _FURNITURE_EN
    if not pattern.search(stripped):
        return False
    return not stripped.endswith((".", "。", "!", "?"))


_LETTER = re.compile(r"[^\W\d_]")
_FOREIGN_LETTER = {
    "en": re.compile(r"[^\x00-\x7f\W\d_]"),
    "zh": re.compile(r"[^\x00-\x7f\u4e00-\u9fff\W\d_]"),
}


def _foreign_line(line: str, lang: str) -> bool:
    """A comment box in another script: Cyrillic, Arabic, Korean... in a release."""
    foreign = _FOREIGN_LETTER[lang]
    if not foreign.search(line):
        return False
    letters = len(_LETTER.findall(line))
    return letters >= 8 and len(foreign.findall(line)) > letters // 2


def _link_blocks(text: str, line_starts: list[int]) -> list[Span]:
    """Blocks of links ("相关链接", "Related links:" and the lines after, to an empty line)."""
    if not any(word in text for word in _LINK_BLOCK_WORDS):
        return []  # a plain look for the words first: the pattern is tried at every position
    blocks = []
    ends = [*line_starts[1:], len(text)]
    i = 0
    while i < len(line_starts):
        if not _LINK_BLOCK_HEAD.match(text, line_starts[i], ends[i]):
            i += 1
            continue
        j = i + 1
        while (j < len(line_starts) and j - i <= _MAX_LINK_BLOCK
               and text[line_starts[j]:ends[j]].strip()):
            j += 1
        blocks.append(Span(line_starts[i], ends[j - 1]))
        i = j
    return blocks


#: a heading is a line of at most this many characters that ends without a full stop
_MAX_HEADING = 100
#: a caption line: "Figure 1: ...", "Chart: ...", "图1　..."
_CAPTION_LINE = re.compile(r"(?:(?:figure|fig\.|chart|table|graph)\b|[图表]\s*\d)", re.IGNORECASE)
#: lines looked back for a heading (blank lines included)
_HEADING_LOOKBACK = 24
_SENTENCE_END_MARKS = frozenset(".。!?！？;；:：")


@dataclass(frozen=True)
class Layout:
    """Sorted boundary offsets of a text, for fast context look-ups by position."""

    text: str
    paragraph_starts: list[int]
    sentence_starts: list[int]
    #: lines and quotes that hold no facts
    blocked: list[Span]
    blocked_starts: list[int]
    #: clause breaks of the whole text (commas, dashes, "while"): starts and ends, sorted
    break_starts: list[int]
    break_ends: list[int]
    #: dashes followed by another two characters on (" - - "), where breaks overlap
    dash_runs: list[int]
    #: each paragraph's heading, by the paragraph's index, once looked up
    _headings: dict[int, tuple[int, int] | None] = field(
        default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, text: str, lang: str) -> Layout:
        paragraphs = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        sentences = _sentence_starts(text)
        blocked = [Span(m.start(), m.end()) for m in quotations(text)
                   if not _STATEMENT.search(m.group())]
        any_foreign = not text.isascii() and bool(_FOREIGN_LETTER[lang].search(text))
        for start, end in zip(paragraphs, [*paragraphs[1:], len(text)], strict=True):
            if end - start > _MAX_FURNITURE_LINE + 2 and not any_foreign:
                continue  # long lines are prose, unless the page has foreign comments
            line = text[start:end]
            if _is_furniture(line, lang) or (any_foreign and _foreign_line(line, lang)):
                blocked.append(Span(start, end))
        blocked += _link_blocks(text, paragraphs)
        blocked.sort(key=lambda s: s.start)
        breaks, dash_runs = _clause_breaks(text)
        return cls(text, paragraphs, sentences, blocked, [b.start for b in blocked],
                   [start for start, _ in breaks], [end for _, end in breaks], dash_runs)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return self.sentence_starts[i], end

    def paragraph_start(self, pos: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, pos) - 1]

    def heading_above(self, pos: int) -> tuple[int, int] | None:
        """The nearest heading line above ``pos`` (a short line that ends without a full
        stop, not page furniture), which names the section's subject and often its
        period; None when there is none below the document's first line."""
        i = bisect.bisect_right(self.paragraph_starts, pos) - 1
        if i not in self._headings:
            self._headings[i] = self._heading_above_paragraph(i)
        return self._headings[i]

    def _heading_above_paragraph(self, i: int) -> tuple[int, int] | None:
        starts = self.paragraph_starts
        for j in range(i - 1, max(0, i - _HEADING_LOOKBACK) - 1, -1):
            start = starts[j]
            end = starts[j + 1] if j + 1 < len(starts) else len(self.text)
            line = self.text[start:end].strip()
            if not line or self.is_blocked(start, start + 1):
                continue
            if len(line) <= _MAX_HEADING and line[-1] not in _SENTENCE_END_MARKS:
                if _CAPTION_LINE.match(line):
                    continue  # "图1 2026年9月—2027年9月……增速": a chart's caption heads nothing
                return None if j == 0 else (start, start + len(line))
        return None

    def clause(
        self, start: int, end: int, sentence: tuple[int, int] | None = None
    ) -> tuple[int, int]:
        """The clause around ``start:end``: between the nearest breaks within the sentence
        (``sentence``, when the caller has looked it up already).

        Breaks are found once for the whole text; the last one that ends before the words
        and the first that starts after them, within the sentence, bound the clause."""
        s_start, s_end = sentence or self.sentence(start)
        runs = bisect.bisect_left(self.dash_runs, s_start - 2)
        if runs < len(self.dash_runs) and self.dash_runs[runs] < s_end:
            return self._clause_by_scan(start, end, s_start, s_end)
        i = bisect.bisect_right(self.break_ends, start) - 1
        c_start = self.break_ends[i] if i >= 0 and self.break_starts[i] >= s_start else s_start
        j = bisect.bisect_left(self.break_starts, end)
        after = j < len(self.break_starts) and self.break_ends[j] <= s_end
        return c_start, self.break_starts[j] if after else s_end

    def _clause_by_scan(self, start: int, end: int, s_start: int, s_end: int) -> tuple[int, int]:
        """``clause`` by scanning the sentence, where dashes in a row make breaks overlap."""
        breaks = list(_CLAUSE_BREAK.finditer(self.text[s_start:start]))
        c_start = s_start + breaks[-1].end() if breaks else s_start
        after = _CLAUSE_BREAK.search(self.text, end, s_end)
        return c_start, after.start() if after else s_end

    def is_blocked(self, start: int, end: int) -> bool:
        """True when ``start:end`` lies in page furniture or a short quoted name or slogan."""
        i = bisect.bisect_right(self.blocked_starts, start)
        return any(b.start <= start and end <= b.end for b in self.blocked[max(0, i - 3):i])
