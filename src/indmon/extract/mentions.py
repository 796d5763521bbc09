"""A mention: the words that state one number and its unit, before it becomes a fact.

The language grammars (``patterns_en``, ``patterns_zh``) find mentions; the release step
(``indmon.extract.release``) decides which are facts and what they measure.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import NamedTuple


class Mention(NamedTuple):
    """Offsets into the document text, the value in base units, and what kind of words.

    A named tuple rather than a data class: a dense release has thousands of candidate
    mentions, and a tuple is made several times faster."""

    start: int
    end: int
    value: float
    #: facts-format unit: ``percent``, ``cny``, ``count``, ``year`` ...
    unit: str
    #: ``number`` (a figure), ``rank`` ("ranked first"), ``streak`` ("14 consecutive years")
    kind: str = "number"
    #: the measure when the words themselves decide it (rank, streak, "double-digit" growth)
    measure: str = ""

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


class Span(NamedTuple):
    """A stretch of text that holds no facts (a date, a period phrase, a pager line)."""

    start: int
    end: int


def sign_before(text: str, start: int) -> int:
    """-1 for a minus sign standing before a number ("-2.3%", "(−0.5)", "增长-1.2%"), else 1.

    A hyphen between two numbers or after a letter is a range or a code, not a sign.
    """
    if not start or text[start - 1] not in "-−":
        return 1
    before = text[start - 2] if start >= 2 else " "
    return 1 if (before.isascii() and before.isalnum()) or before in "%％" else -1


class Occupied:
    """Disjoint stretches of text already claimed, kept sorted for O(log n) look-ups."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def claim(self, start: int, end: int) -> bool:
        """Claim ``start:end`` unless it overlaps a claimed stretch; True when claimed."""
        i = bisect.bisect_left(self._starts, end)
        if i and self._ends[i - 1] > start:
            return False
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True


def drop_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Keep the first-found of overlapping mentions: grammars run most specific first."""
    occupied = Occupied()
    kept = [m for m in mentions if occupied.claim(m.start, m.end)]
    kept.sort(key=lambda m: m.start)
    return kept


@functools.cache
def _literal(word: str) -> re.Pattern[str]:
    """A word as a pattern: the engine finds a literal prefix as fast as ``str.find`` does,
    and makes a match object only where it occurs."""
    return re.compile(re.escape(word))


def windows_around(
    text: str,
    anchors: Iterable[str],
    before: int,
    after: int,
    extra: re.Pattern[str] | None = None,
) -> list[tuple[int, int]]:
    """Merged stretches of ``text`` around every occurrence of an anchor word.

    Grammars for rare phrases (rankings, streaks, fractions) run only inside these
    windows: finding a literal is far cheaper than trying a many-branched regular
    expression at every character. Anchors are matched in lower case.
    """
    lower = text.lower()
    points: list[int] = []
    for anchor in anchors:
        points.extend(m.start() for m in _literal(anchor).finditer(lower))
    if extra is not None:
        points.extend(m.start() for m in extra.finditer(text))
    points.sort()
    windows: list[tuple[int, int]] = []
    for point in points:
        start, end = max(0, point - before), min(len(text), point + after)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows
