"""Layout: sentences, clauses and quotations, found once per text, agree with the plain
reading of a sentence at a time (the reference definitions below)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from indmon.extract.layout import Layout, quotations

_END = re.compile(r"[.!?](?=\s|$)|[。！？]|\n")
_ABBREVIATION = re.compile(r"(?:\bNo|\bMr|\bMs|\bDr|\bSt|\b[A-Z]|\bJan|\bFeb|\bAug|\bSept?|\bOct|"
                           r"\bNov|\bDec|\bvs|\betc)\.$")
_BREAK = re.compile(r"[,;:，；：、(（]|\s-\s|\bwhile\b|\bwhereas\b")
_QUOTED = re.compile(r'"[^"\n]{1,70}"|「[^」\n]{1,70}」|《[^》\n]{1,70}》')
_FIGURE = re.compile(r"(?<![A-Za-z0-9])\$?\d+(?:\.\d+)?%?")


def reference_sentence_starts(text: str) -> list[int]:
    return sorted({0, *(m.end() for m in _END.finditer(text)
                        if not _ABBREVIATION.search(text, max(0, m.start() - 5), m.end()))})


def reference_clause(layout: Layout, start: int, end: int) -> tuple[int, int]:
    """The clause as a scan of the words before the figure and after it reads it."""
    s_start, s_end = layout.sentence(start)
    breaks = list(_BREAK.finditer(layout.text[s_start:start]))
    c_start = s_start + breaks[-1].end() if breaks else s_start
    after = _BREAK.search(layout.text, end, s_end)
    return c_start, after.start() if after else s_end


TOKENS = ["No.", "Mr.", "Jan.", "U.S.", "A.", "etc.", "vs.", "Sept.", "end.", "ok!", "why?",
          "中文。", "No.\n", "St.\n", "xNo.", "1A.", "-", "--", "a-b", '"', '"quoted"', "「引」",
          "《书名》", "，", "；", "、", "（", "(", ",", ";", ":", "while", "whereas", "awhile",
          "12", "3.5%", "$4", "grew", "Output"]
texts = st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from([" ", "", "\n", "  ", "\t"])),
                 max_size=60).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_sentences_end_where_a_scan_of_sentence_ends_says(text: str) -> None:
    assert Layout.of(text, "en").sentence_starts == reference_sentence_starts(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_clause_of_a_figure_is_the_one_a_sentence_scan_finds(text: str) -> None:
    layout = Layout.of(text, "en")
    for m in _FIGURE.finditer(text):
        assert layout.clause(m.start(), m.end()) == reference_clause(layout, m.start(), m.end())


@settings(max_examples=300, deadline=None)
@given(texts)
def test_quotations_are_those_one_scan_for_any_quote_finds(text: str) -> None:
    assert [m.span() for m in quotations(text)] == [m.span() for m in _QUOTED.finditer(text)]


def test_dashes_in_a_row_break_clauses_as_a_scan_of_the_sentence_does() -> None:
    text = "Output rose.\n- - exports grew 5% - - - imports fell 2%, while steel rose 3%."
    layout = Layout.of(text, "en")
    assert layout.dash_runs  # the slow path is taken for this sentence
    for m in _FIGURE.finditer(text):
        assert layout.clause(m.start(), m.end()) == reference_clause(layout, m.start(), m.end())


def test_an_abbreviation_ends_no_sentence() -> None:
    text = "Output of No. 2 plant rose. Exports grew in Jan. and U.S. sales fell.\nImports fell."
    starts = Layout.of(text, "en").sentence_starts
    assert [text[s:s + 7] for s in starts] == ["Output ", " Export", "\nImport", "Imports", ""]
