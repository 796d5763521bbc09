"""The fast forms of regular expressions match exactly what the plain forms match."""

from __future__ import annotations

import re

import pytest

from indmon.extract.fastre import compile_lower, lower_pattern, lowered, trie, word_start

WORDS = ["in", "increase", "increased", "during", "for", "grew", "grows", "up", "upward"]
TEXTS = [
    "Output grew 5% in 2023 and increased during the year; for firms, upward.",
    "within, inside: x-in in_ in9 9in Increase INCREASED groundup up.",
    "",
    "in",
    "ın İn in",  # dotless i, and a capital whose lower case is two characters
]


@pytest.mark.parametrize("text", TEXTS)
def test_lowered_keeps_every_offset(text: str) -> None:
    lower = lowered(text)
    assert len(lower) == len(text)
    assert all(a == b or a == b.lower() for a, b in zip(lower, text, strict=True))


def test_lower_pattern_keeps_escapes_and_group_names() -> None:
    assert lower_pattern(r"(?P<Num>\d+)\S\W\B[A-Z]Grew") == r"(?P<Num>\d+)\S\W\B[a-z]grew"


@pytest.mark.parametrize("text", TEXTS)
def test_compile_lower_matches_what_ignoring_case_matches(text: str) -> None:
    pattern = r"\b(?:Grew|Increase\w*|UP)\b"
    plain = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    if len(text.lower()) == len(text):
        assert [m.span() for m in compile_lower(pattern).finditer(lowered(text))] == plain


@pytest.mark.parametrize("text", TEXTS)
def test_word_start_is_a_word_boundary_before_the_words(text: str) -> None:
    plain = re.compile(r"\b(?:" + "|".join(WORDS) + ")")
    fast = re.compile(word_start(WORDS))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_a_trie_between_boundaries_matches_the_alternation(text: str) -> None:
    plain = re.compile(r"\b(?:" + "|".join(WORDS) + r")\b")
    fast = re.compile(r"\b" + trie(WORDS) + r"\b")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_trie_shares_the_first_letters() -> None:
    assert trie(["grew", "grows", "up"]) == "(?:gr(?:ew|ows)|up)"
