"""Places below the province: cities and economic zones (``data/places.txt``).

A provincial release often closes with its cities ("Chengdu generated 37.26 billion yuan of
telecom revenue"; "成都市实现电信业务收入372.6亿元"), and a national one with its economic
zones ("the Yangtze River Delta grew 6.7%"). The catalogue's cells are the country and its
provinces, so such a figure has no cell; read with the province of the release it would
land on the province's total. The extractor asks here whether a sentence states a figure
for such a place, and scopes the figure so that it stays unmapped.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from indmon.extract.fastre import trie


@functools.cache
def _names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(English names, Chinese names) of the places, as ``data/places.txt`` lists them."""
    text = resources.files("indmon.extract").joinpath("data", "places.txt").read_text("utf-8")
    english: list[str] = []
    chinese: list[str] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        en, _, zh = line.partition("|")
        english += [n.strip() for n in en.split(",") if n.strip()]
        chinese += [n.strip() for n in zh.split(",") if n.strip()]
    return tuple(english), tuple(chinese)


@functools.cache
def _places() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(English names, Chinese names) of the places, each as one pattern."""
    english, chinese = _names()
    # a trie of the names (the engine skips to their first letters); word boundaries and
    # datelines are checked on the few matches (``_named``)
    en_pattern = re.compile(trie(english))
    zh_pattern = re.compile(
        "(?:" + "|".join(re.escape(n) for n in sorted(chinese, key=len, reverse=True))
        + r")(?!\d{1,2}月\d{1,2}日)|该市")  # not a dateline: 新华社成都11月24日电
    return en_pattern, zh_pattern


def names_a_place(sentence_left: str, lang: str) -> bool:
    """Whether the words of a sentence before a figure name a city or an economic zone
    (not a dateline: "CHENGDU - ...", "Wuhan, May 20"): the figure is that place's."""
    en, zh = _places()
    if lang == "zh":
        # a quick look first: ``in`` runs in C, the pattern does not
        return ("该市" in sentence_left or any(n in sentence_left for n in _names()[1])) and (
            zh.search(sentence_left) is not None)
    return any(_named(sentence_left, m) for m in en.finditer(sentence_left))


def _named(text: str, found: re.Match[str]) -> bool:
    """Whether a name found stands as a word and not as a dateline ("Chengdu - ",
    "Wuhan, May 20")."""
    start, end = found.span()
    if (start and (text[start - 1].isalnum() or text[start - 1] == "-")) or (
            end < len(text) and text[end].isalnum()):
        return False
    return not _DATELINE_AFTER.match(text, end)


_DATELINE_AFTER = re.compile(r"\s*[-–—]\s|\s*,\s*\w+\s+\d")


#: a sentence that goes on about the place the sentence before named: "It hosted ...",
#: "The city ...", "该市..."
_PLACE_PRONOUN = re.compile(r"^\s*(?:it|the\s+city|the\s+zone)\b|^\s*该市", re.IGNORECASE)


def continues_a_place(sentence_left: str) -> bool:
    """Whether a sentence opens with a pronoun for a place ("It hosted 91,000 ...")."""
    return _PLACE_PRONOUN.match(sentence_left) is not None


__all__ = ["continues_a_place", "names_a_place"]
