"""Numbers as releases write them: digits, scale words, English and Chinese numerals.

Releases mix ``24,188``, ``3.377 million``, ``1.8万亿``, ``百分之四点六``, ``fourteen`` and
full-width ``４．６％``. Everything here turns such text into a plain float, and the
``normalize`` step maps full-width characters one for one so that character offsets in the
normalized text are offsets in the document as read.

>>> parse_number("1.8 trillion")
1800000000000.0
>>> parse_zh_number("百分之四点六")
4.6
>>> parse_zh_number("1.2万亿")
1200000000000.0
"""

from __future__ import annotations

import re

from indmon.errors import ExtractError

#: full-width digits, letters, percent sign and punctuation to their ASCII twins
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH[0x3000] = 0x20  # ideographic space

SCALES_EN = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    # market notes: "88.6 mn t", "781.4 bn kWh", "CNY 1.36 tn"
    "mn": 1e6,
    "bn": 1e9,
    "tn": 1e12,
}

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12,
}  # fmt: skip

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "twentieth": 20,
}  # fmt: skip

ZH_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
ZH_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
ZH_LARGE_UNITS = {"万": 1e4, "亿": 1e8}

#: characters a Chinese numeral is made of (digits, units, the decimal point 点)
ZH_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点"

_ARABIC = re.compile(r"\d+(?:\.\d+)?")


_TO_NORMALIZE = re.compile("[\uff01-\uff5e\u3000“”‘’–—]")
_NORMAL_FORM = {**{chr(k): chr(v) for k, v in _FULL_WIDTH.items()},
                "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}


def normalize(text: str) -> str:
    """Map full-width characters and typographic quotes to ASCII, keeping every offset.

    Only the characters that change are visited: most of a release is already plain.
    """
    if text.isascii():
        return text  # nothing to map (and the check costs nothing)
    return _TO_NORMALIZE.sub(lambda m: _NORMAL_FORM[m.group()], text)


def parse_digits(text: str) -> float:
    """``24,188`` -> 24188.0; thousands separators and spaces are dropped."""
    cleaned = text.replace(",", "").replace(" ", "")
    try:
        return float(cleaned)
    except ValueError:
        raise ExtractError(f"{text!r} is not a number written in digits") from None


def parse_number(text: str) -> float:
    """An English number: digits or words, with an optional scale word.

    ``3.377 million`` -> 3377000.0, ``fourteen`` -> 14.0, ``two billion`` -> 2e9.
    """
    words = text.lower().replace("-", " ").split()
    if not words:
        raise ExtractError("an empty string is not a number")
    scale = 1.0
    while words and words[-1] in SCALES_EN:
        scale *= SCALES_EN[words.pop()]
    if not words:
        return scale
    head = " ".join(words)
    if head in WORD_NUMBERS:
        return WORD_NUMBERS[head] * scale
    if len(words) == 2 and words[0] in WORD_NUMBERS and words[1] in WORD_NUMBERS:
        return (WORD_NUMBERS[words[0]] + WORD_NUMBERS[words[1]]) * scale
    return round(parse_digits(head) * scale, 6)


def _zh_section(text: str) -> float:
    """A Chinese numeral below 10,000 (``三千四百零五``), digits allowed (``3千``)."""
    total = 0.0
    pending: float | None = None
    i = 0
    while i < len(text):
        char = text[i]
        if m := _ARABIC.match(text, i):
            pending = float(m.group())
            i = m.end()
            continue
        if char in ZH_DIGITS:
            pending = ZH_DIGITS[char]
        elif char in ZH_SMALL_UNITS:
            total += (1 if pending is None else pending) * ZH_SMALL_UNITS[char]
            pending = None
        else:
            raise ExtractError(f"{text!r}: {char!r} is not part of a Chinese numeral")
        i += 1
    return total + (pending or 0)


def _zh_integer(text: str) -> float:
    """Split on 亿 then 万, so that 三亿五千万 is 3*1e8 + 5000*1e4."""
    for char, scale in (("亿", 1e8), ("万", 1e4)):
        if char in text:
            high, low = text.rsplit(char, 1) if char == "万" else text.split(char, 1)
            high_value = _zh_integer(high) if high else 1.0
            return high_value * scale + (_zh_integer(low) if low else 0.0)
    return _zh_section(text)


def _zh_plain(text: str) -> float:
    """A Chinese numeral with an optional decimal part (四点六, 1.2)."""
    if "点" in text:
        whole, fraction = text.split("点", 1)
        digits = "".join(str(ZH_DIGITS[c]) if c in ZH_DIGITS else c for c in fraction)
        return float(f"{int(_zh_integer(whole)) if whole else 0}.{digits}")
    return _zh_integer(text)


def parse_zh_number(text: str) -> float:
    """A number written the Chinese way, digits and numerals mixed.

    ``1.2万亿`` -> 1.2e12, ``三百二十万`` -> 3.2e6, ``百分之四点六`` -> 4.6 (the percent
    is the unit's business), ``４．６`` -> 4.6.
    """
    text = normalize(text).replace(",", "").strip()
    if text.startswith("百分之"):
        text = text[3:]
    if not text:
        raise ExtractError("an empty string is not a number")
    scale = 1.0
    # trailing scale characters after a decimal in digits: 1.2万亿, 3.5亿, 2.64万
    while text and text[-1] in ZH_LARGE_UNITS and _ARABIC.fullmatch(text[:-1].rstrip("万亿")):
        scale *= ZH_LARGE_UNITS[text[-1]]
        text = text[:-1]
    if _ARABIC.fullmatch(text):
        return round(float(text) * scale, 6)
    return round(_zh_plain(text) * scale, 6)


def format_zh_number(value: int) -> str:
    """An integer below 1e12 as a Chinese numeral (the inverse of ``parse_zh_number``).

    Used by the property tests and by anyone writing Chinese sample text.
    """
    if value == 0:
        return "零"
    parts = []
    for scale, char in ((10**8, "亿"), (10**4, "万"), (1, "")):
        section, value = divmod(value, scale)
        if section:
            parts.append(_format_zh_section(section) + char)
        elif parts and value:
            parts.append("零")
    return "".join(parts)


def _format_zh_section(value: int) -> str:
    digits = "零一二三四五六七八九"
    out = []
    for size, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, size)
        if digit:
            out.append(digits[digit] + char)
        elif out and value:
            out.append("零")
    text = "".join(out).replace("零零", "零")
    return text[1:] if text.startswith("一十") else text
