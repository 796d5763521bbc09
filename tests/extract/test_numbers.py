"""Numbers as releases write them, and property tests that formatting parses back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indmon.errors import ExtractError
from indmon.extract.numbers import (
    WORD_NUMBERS,
    format_zh_number,
    normalize,
    parse_digits,
    parse_number,
    parse_zh_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("24,188", 24188),
        ("3.377 million", 3_377_000),
        ("1.8 trillion", 1.8e12),
        ("712 billion", 712e9),
        ("fourteen", 14),
        ("two", 2),
        ("twenty five", 25),
        ("one trillion", 1e12),
    ],
)
def test_english_numbers(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三", 3),
        ("十四", 14),
        ("一百零五", 105),
        ("三亿五千万", 3.5e8),
        ("百分之四点六", 4.6),
        ("４．６", 4.6),
        ("1.2万亿", 1.2e12),
        ("2.64万", 26_400),
        ("三万亿", 3e12),
        ("10.2亿", 1.02e9),
    ],
)
def test_chinese_numbers(text: str, value: float) -> None:
    assert parse_zh_number(text) == pytest.approx(value)


def test_normalize_keeps_offsets() -> None:
    text = "增长４．６％，“小巨人”"
    assert len(normalize(text)) == len(text)
    assert normalize(text) == '增长4.6%,"小巨人"'


@pytest.mark.parametrize("bad", ["", "abc", "1.2.3"])
def test_not_a_number(bad: str) -> None:
    with pytest.raises(ExtractError):
        parse_number(bad)


def test_chinese_numeral_with_foreign_character() -> None:
    with pytest.raises(ExtractError, match="not part of a Chinese numeral"):
        parse_zh_number("三x")


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_chinese_numerals_round_trip(value: int) -> None:
    assert parse_zh_number(format_zh_number(value)) == value


@given(
    st.decimals(min_value=0, max_value=999, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([("million", 1e6), ("billion", 1e9), ("trillion", 1e12)]),
)
def test_scale_words_round_trip(number: object, scale: tuple[str, float]) -> None:
    word, factor = scale
    text = f"{number} {word}"
    assert parse_number(text) == pytest.approx(float(str(number)) * factor)


@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separators(value: int) -> None:
    assert parse_digits(f"{value:,}") == value


@given(st.integers(min_value=0, max_value=9999), st.sampled_from(["万", "亿", "万亿"]))
def test_chinese_scale_round_trip(value: int, scale: str) -> None:
    factor = {"万": 1e4, "亿": 1e8, "万亿": 1e12}[scale]
    assert parse_zh_number(f"{value}{scale}") == value * factor


@given(st.sampled_from(sorted(WORD_NUMBERS)))
def test_word_numbers(word: str) -> None:
    assert parse_number(word) == WORD_NUMBERS[word]


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=0, max_value=9))
def test_full_width_digits_parse_like_ascii(whole: int, tenth: int) -> None:
    ascii_text = f"{whole}.{tenth}"
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in ascii_text)
    assert parse_zh_number(full_width) == float(ascii_text)
