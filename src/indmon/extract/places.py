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


@functools.cache
def _places() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(English names, Chinese names) of the places, each as one pattern."""
    text = resources.files("indmon.extract").joinpath("data", "places.txt").read_text("utf-8")
    english: list[str] = []
    chinese: list[str] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        en, _, zh = line.partition("|")
        english += [n.strip() for n in en.split(",") if n.strip()]
        chinese += [n.strip() for n in zh.split(",") if n.strip()]
    by_length = sorted(english, key=len, reverse=True)
    en_pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(n) for n in by_length) + r")\b(?!\s*[-–—]\s|\s*,\s*\w+\s+\d)")
    zh_pattern = re.compile(
        "(?:" + "|".join(re.escape(n) for n in sorted(chinese, key=len, reverse=True))
        + r")(?!\d{1,2}月\d{1,2}日)|该市")  # not a dateline: 新华社成都11月24日电
    return en_pattern, zh_pattern


def names_a_place(sentence_left: str, lang: str) -> bool:
    """Whether the words of a sentence before a figure name a city or an economic zone
    (not a dateline: "CHENGDU - ...", "Wuhan, May 20"): the figure is that place's."""
    en, zh = _places()
    if lang == "zh":
        return zh.search(sentence_left) is not None
    return en.search(sentence_left) is not None


#: a sentence that goes on about the place the sentence before named: "It hosted ...",
#: "The city ...", "该市..."
_PLACE_PRONOUN = re.compile(r"^\s*(?:it|the\s+city|the\s+zone)\b|^\s*该市", re.IGNORECASE)


def continues_a_place(sentence_left: str) -> bool:
    """Whether a sentence opens with a pronoun for a place ("It hosted 91,000 ...")."""
    return _PLACE_PRONOUN.match(sentence_left) is not None


__all__ = ["continues_a_place", "names_a_place"]
