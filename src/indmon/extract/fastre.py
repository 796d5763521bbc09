"""Regular expressions written so that Python's engine can run them fast.

Python's ``re`` engine skips ahead quickly only to where a pattern can start: a literal
prefix, or a set of first characters. A pattern that begins with ``\\b``, a look-around
or an optional group, or is compiled with ``re.IGNORECASE``, is instead tried at every
position of the text, several times more slowly. The remedies used across extraction:

- case-insensitive grammars are compiled for lower-case text (``compile_lower``) and run
  on ``lowered`` text, whose offsets are those of the original, so that spans found in
  it slice the original;
- ``\\b(?:word|word)`` is written ``word_start(words)``: each word first, then a
  look-behind that checks the boundary before it, which means the same (worth it for a
  few words; for many, the engine then tries every alternative at most letters);
- a long list of whole words is written as a trie (``trie``), so that the engine compares
  each letter once instead of trying every word in turn.

>>> pattern = compile_lower(r"\\bGrew\\s+by\\b")
>>> bool(pattern.search(lowered("Output GREW by 5%")))
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: an escape (kept as written: ``\\S`` is not ``\\s``), a group name (kept), or other text
_PATTERN_PARTS = re.compile(r"\\.|\(\?P<[^>]*>|\(\?P=[^)]*\)|[^\\(]+|\(", re.DOTALL)


def lowered(text: str) -> str:
    """``text`` in lower case, one character for one, so that offsets are unchanged.

    The few characters whose lower case is longer (``İ``) are kept as they are.
    """
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _lower_part(m: re.Match[str]) -> str:
    part = m.group()
    return part if part.startswith(("\\", "(?P")) else part.lower()


def lower_pattern(pattern: str) -> str:
    """The letters of a pattern in lower case, escapes and group names untouched."""
    return _PATTERN_PARTS.sub(_lower_part, pattern)


def compile_lower(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A case-insensitive pattern compiled to match ``lowered`` text case-sensitively."""
    return re.compile(lower_pattern(pattern), flags & ~re.IGNORECASE)


def word_start(alternatives: Iterable[str]) -> str:
    """``\\b(?:a1|a2|...)`` for alternatives that each begin with a letter, written so that
    the engine can skip ahead to their first letters: ``x(?<!\\wx)rest`` holds exactly
    where ``\\bxrest`` does (the look-behind sees the character before the ``x``)."""
    return "(?:" + "|".join(f"{a[0]}(?<!\\w{a[0]}){a[1:]}" for a in alternatives) + ")"


#: a trie of words: each letter to the rest; ``""`` marks the end of a word
_Trie = dict[str, "_Trie"]


def trie(words: Iterable[str]) -> str:
    """An alternation of plain words as a trie: ``grew|grows`` is ``gr(?:ew|ows)``.

    The order of the words is lost, so use it only between ``\\b`` and ``\\b``: there at
    most one word of the list can match at a position, whatever the order."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(tree)


def _trie_pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _trie_pattern(rest)
                for char, rest in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
