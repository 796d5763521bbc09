"""The layout of a release: paragraphs, sentences, clauses, quotes and page leftovers.

Facts are read in context: the period of a figure is stated earlier in its sentence or
paragraph, its measure in its clause. Scraped pages also keep menus, pager lines
(``1 2 3 ... 10 >``), share buttons and comment boxes; those lines hold no facts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from indmon.extract.mentions import Span

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？]|\n")
#: words after which a full stop does not end a sentence
_ABBREVIATION = re.compile(r"(?:\bNo|\bMr|\bMs|\bDr|\bSt|\b[A-Z]|\bJan|\bFeb|\bAug|\bSept?|\bOct|"
                           r"\bNov|\bDec|\bvs|\betc)\.$")
_CLAUSE_BREAK = re.compile(r"[,;:，；：、(（]|\s-\s|\bwhile\b|\bwhereas\b")
_QUOTED = re.compile(r'"[^"\n]{1,70}"|「[^」\n]{1,70}」|《[^》\n]{1,70}》')
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
    r"字号|返回顶部|相关新闻|版权所有|登录|注册"
)
_MAX_FURNITURE_LINE = 90


_PAGER_WORDS = re.compile(r"首页|尾页|上一页|下一页|第|页|共|next|prev(?:ious)?|page|first|last|of",
                          re.IGNORECASE)


def _is_pager(line: str) -> bool:
    """``1 2 3 ... 10 >``, ``< Prev 1 2 Next >``, ``第1页 共5页``."""
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
    "en": re.compile(r"(?![\x00-\x7f])[^\W\d_]"),
    "zh": re.compile(r"(?![\x00-\x7f\u4e00-\u9fff])[^\W\d_]"),
}


def _foreign_line(line: str, lang: str) -> bool:
    """A comment box in another script: Cyrillic, Arabic, Korean... in a release."""
    foreign = _FOREIGN_LETTER[lang]
    if not foreign.search(line):
        return False
    letters = len(_LETTER.findall(line))
    return letters >= 8 and len(foreign.findall(line)) > letters // 2


@dataclass(frozen=True)
class Layout:
    """Sorted boundary offsets of a text, for fast context look-ups by position."""

    text: str
    paragraph_starts: list[int]
    sentence_starts: list[int]
    #: lines and quotes that hold no facts
    blocked: list[Span]
    blocked_starts: list[int]

    @classmethod
    def of(cls, text: str, lang: str) -> Layout:
        paragraphs = [0] + [m.end() for m in re.finditer(r"\n", text)]
        sentences = sorted({0, *(m.end() for m in _SENTENCE_END.finditer(text)
                                 if not _ABBREVIATION.search(text, max(0, m.start() - 5),
                                                             m.end()))})
        blocked = [Span(m.start(), m.end()) for m in _QUOTED.finditer(text)
                   if not _STATEMENT.search(m.group())]
        any_foreign = bool(_FOREIGN_LETTER[lang].search(text))
        for start, end in zip(paragraphs, [*paragraphs[1:], len(text)], strict=True):
            if end - start > _MAX_FURNITURE_LINE + 2 and not any_foreign:
                continue  # long lines are prose, unless the page has foreign comments
            line = text[start:end]
            if _is_furniture(line, lang) or (any_foreign and _foreign_line(line, lang)):
                blocked.append(Span(start, end))
        blocked.sort(key=lambda s: s.start)
        return cls(text, paragraphs, sentences, blocked, [b.start for b in blocked])

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return self.sentence_starts[i], end

    def paragraph_start(self, pos: int) -> int:
        return self.paragraph_starts[bisect.bisect_right(self.paragraph_starts, pos) - 1]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``start:end``: between the nearest breaks within the sentence."""
        s_start, s_end = self.sentence(start)
        left = self.text[s_start:start]
        breaks = list(_CLAUSE_BREAK.finditer(left))
        c_start = s_start + breaks[-1].end() if breaks else s_start
        after = _CLAUSE_BREAK.search(self.text, end, s_end)
        return c_start, after.start() if after else s_end

    def is_blocked(self, start: int, end: int) -> bool:
        """True when ``start:end`` lies in page furniture or a short quoted name or slogan."""
        i = bisect.bisect_right(self.blocked_starts, start)
        return any(b.start <= start and end <= b.end for b in self.blocked[max(0, i - 3):i])
