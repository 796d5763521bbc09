"""The current observations, held in memory between the app's writes of observations.

Working out which figures are current means an anti-join over every vintage of every
observation plus the list of each figure's sources: a few hundred milliseconds on a
national store, far too slow to repeat for every query of the API. While the app runs no
other process can write the store (the app holds the file; other processes may only read
it), so the current figures change only when the app itself records observations; the
app rebuilds this snapshot then, and queries filter it in memory with the same rules as
``Store.observations``: equality or lists for indicator, industry, province and origin,
``period`` exact, ``start``/``end`` bounding the period's last month.

Each row also carries its period's kind and frequency (``Period.parse``), so a client
never joins figures of different frequencies.

>>> import pandas as pd
>>> frame = pd.DataFrame({"indicator": ["a", "a", "b"], "period": ["2023", "2023-03", "2023"],
...                       "industry": "ALL", "province": "ALL", "value": [1.0, 2.0, 3.0]})
>>> snapshot = CurrentObservations(frame)
>>> snapshot.select(["a"], end="2023-06")["value"].tolist()
[2.0]
>>> snapshot.json(snapshot.positions(period="2023"))[:73]
'[{"indicator":"a","period":"2023","period_kind":"year","frequency":"year"'
>>> _end_month("2023-H1"), _end_month("2023-01/2023-11"), _end_month("2023-Q3")
('2023-06', '2023-11', '2023-09')
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from indmon.errors import PeriodError
from indmon.store import Clearance, Period
from indmon.web.disclosure import masked

#: the columns of each row besides the store's, placed after ``period``
PERIOD_COLUMNS = ("period_kind", "frequency")


class CurrentObservations:
    """The current figures, sorted as ``Store.observations`` sorts them, with position
    indexes by indicator, by period and by both, so a query touches only its rows."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = with_period_kinds(frame.reset_index(drop=True))
        self._end_months = _Codes(_end_months(self.frame["period"]))
        # integer codes once: comparing strings row by row is what made queries slow
        self._cells = {column: _Codes(self.frame[column]) for column in self._FILTERED
                       if column in self.frame.columns}
        self._by_indicator = _positions(self.frame, ["indicator"])
        self._by_period = _positions(self.frame, ["period"])
        self._by_both = _positions(self.frame, ["indicator", "period"])
        # each row's JSON, written the first time a page shows the row: pages are then
        # joined from text instead of going through pandas on every request
        self._json = np.full(len(self.frame), None, dtype=object)
        # confidential cells: which rows, and their JSON for callers without clearance
        self._suppressed = (self.frame["suppressed"].notna().to_numpy(dtype=bool)
                            if "suppressed" in self.frame.columns
                            else np.zeros(len(self.frame), dtype=bool))
        self._json_withheld = np.full(len(self.frame), None, dtype=object)
        self._masked: pd.DataFrame | None = None

    _FILTERED = ("industry", "province", "origin")

    def __len__(self) -> int:
        return len(self.frame)

    def has_indicator(self, indicator: str) -> bool:
        """Whether any current figure is of ``indicator``."""
        return (indicator,) in self._by_indicator

    def select(self, indicators: Sequence[str] | None = None, *, period: str | None = None,
               start: str | None = None, end: str | None = None,
               industries: Sequence[str] | None = None,
               provinces: Sequence[str] | None = None,
               origins: Sequence[str] | None = None) -> pd.DataFrame:
        """The figures matching every filter given, in store order."""
        return self.frame.iloc[self.positions(
            indicators, period=period, start=start, end=end, industries=industries,
            provinces=provinces, origins=origins)]

    def positions(self, indicators: Sequence[str] | None = None, *, period: str | None = None,
                  start: str | None = None, end: str | None = None,
                  industries: Sequence[str] | None = None,
                  provinces: Sequence[str] | None = None,
                  origins: Sequence[str] | None = None) -> np.ndarray:
        """Where in ``frame`` the figures ``select`` returns are, ascending."""
        rows = self._candidates(indicators, period)
        keep = np.ones(len(rows), dtype=bool)
        for column, wanted in (("industry", industries), ("province", provinces),
                               ("origin", origins)):
            if wanted is not None:
                keep &= self._cells[column].among(rows, wanted)
        if start is not None or end is not None:
            keep &= self._end_months.between(rows, start, end)
        return rows[keep]

    def json(self, positions: np.ndarray, clearance: Clearance | None = None) -> str:
        """The rows at ``positions`` as a JSON array, the same text as pandas writes with
        ``to_json(orient="records", date_format="iso", force_ascii=False)``; rows of
        suppressed cells ``clearance`` does not reach are written withheld."""
        hidden = self.withheld(positions, clearance)
        if not hidden.any():
            return "[" + ",".join(self._texts(positions, self._json, self.frame)) + "]"
        texts = np.empty(len(positions), dtype=object)
        texts[~hidden] = self._texts(positions[~hidden], self._json, self.frame)
        texts[hidden] = self._texts(positions[hidden], self._json_withheld,
                                    self._withheld_frame())
        return "[" + ",".join(texts) + "]"

    def rows(self, positions: np.ndarray, clearance: Clearance | None = None) -> pd.DataFrame:
        """The rows at ``positions`` as a table, withheld where ``clearance`` says."""
        rows = self.frame.iloc[positions]
        if clearance is None or not self.withheld(positions, clearance).any():
            return rows
        return masked(rows, clearance)

    def withheld(self, positions: np.ndarray, clearance: Clearance | None) -> np.ndarray:
        """Which of ``positions`` are suppressed cells ``clearance`` does not reach."""
        if clearance is None or clearance.full or not self._suppressed.any():
            return np.zeros(len(positions), dtype=bool)
        seen = self._cells["province"].among(positions, sorted(clearance.provinces)) \
            if clearance.provinces and "province" in self._cells else \
            np.zeros(len(positions), dtype=bool)
        hidden: np.ndarray = self._suppressed[positions] & ~seen
        return hidden

    def _withheld_frame(self) -> pd.DataFrame:
        if self._masked is None:
            self._masked = masked(self.frame, Clearance.public())
        return self._masked

    @staticmethod
    def _texts(positions: np.ndarray, cache: np.ndarray, frame: pd.DataFrame) -> np.ndarray:
        texts: np.ndarray = cache[positions]
        unwritten = positions[pd.isna(texts)]
        if len(unwritten):
            written = frame.iloc[unwritten].to_json(
                orient="records", lines=True, date_format="iso", force_ascii=False)
            cache[unwritten] = written.split("\n")[:len(unwritten)]
            texts = cache[positions]
        return texts

    def _candidates(self, indicators: Sequence[str] | None, period: str | None) -> np.ndarray:
        """Positions of the rows the indicator and period filters leave, ascending."""
        if indicators is not None:
            indicators = list(dict.fromkeys(indicators))  # "a,a" asks for a once, as SQL IN
        if indicators is not None and period is not None:
            parts = [self._by_both.get((i, period)) for i in indicators]
        elif indicators is not None:
            parts = [self._by_indicator.get((i,)) for i in indicators]
        elif period is not None:
            parts = [self._by_period.get((period,))]
        else:
            return np.arange(len(self.frame))
        found = [p for p in parts if p is not None]
        if not found:
            return np.empty(0, dtype=np.intp)
        # groups hold ascending positions and never share one (indicators come deduplicated)
        return found[0] if len(found) == 1 else np.sort(np.concatenate(found))


class _Codes:
    """A text column as integer codes, to test membership of many rows quickly."""

    def __init__(self, column: pd.Series) -> None:
        codes, uniques = pd.factorize(column)
        self.codes = codes
        self.code_of = {str(value): code for code, value in enumerate(uniques)}

    def among(self, rows: np.ndarray, wanted: Sequence[str]) -> np.ndarray:
        """Which of ``rows`` hold one of the ``wanted`` values."""
        codes = [self.code_of[w] for w in wanted if w in self.code_of]
        picked = self.codes[rows]
        if len(codes) == 1:
            same: np.ndarray = picked == codes[0]
            return same
        return np.isin(picked, codes)

    def between(self, rows: np.ndarray, low: str | None, high: str | None) -> np.ndarray:
        """Which of ``rows`` hold text from ``low`` to ``high`` (compared as text, as the
        store's SQL compares them); the test runs once per distinct value."""
        codes = [code for value, code in self.code_of.items()
                 if (low is None or value >= low) and (high is None or value <= high)]
        return np.isin(self.codes[rows], codes)


def _positions(frame: pd.DataFrame, columns: list[str]) -> dict[tuple[str, ...], np.ndarray]:
    if frame.empty:
        return {}
    groups = frame.groupby(columns, sort=False).indices
    return {key if isinstance(key, tuple) else (key,): rows for key, rows in groups.items()}


def with_period_kinds(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each period's kind and frequency beside it (None for period text
    that is not a period, which a store made by hand may hold)."""
    if "period" not in frame.columns or "period_kind" in frame.columns:
        return frame
    parsed = {text: _kind_and_frequency(str(text)) for text in frame["period"].unique()}
    at = list(frame.columns).index("period") + 1
    out = frame.copy()
    for offset, column in enumerate(PERIOD_COLUMNS):
        out.insert(at + offset, column, frame["period"].map(
            {text: pair[offset] for text, pair in parsed.items()}).astype(object))
    return out


def _kind_and_frequency(text: str) -> tuple[str | None, str | None]:
    try:
        period = Period.parse(text)
    except PeriodError:
        return None, None
    return period.kind, period.frequency


def _end_months(periods: pd.Series) -> pd.Series:
    """Each period's last month (YYYY-MM), the month ``start``/``end`` compare against."""
    ends = {text: _end_month(text) for text in periods.unique()}
    return periods.map(ends)


def _end_month(text: str) -> str:
    """The store's ``period_end_month`` macro (store/sql/0006_origin.sql), rule for rule,
    so both paths filter alike even on period text ``Period.parse`` would not accept."""
    if "/" in text:
        text = text.split("/")[1]
    if len(text) == 4:
        return text + "-12"
    if len(text) > 6 and text[6].isdigit() and text[5] in _MONTHS_PER:
        return f"{text[:5]}{_MONTHS_PER[text[5]] * int(text[6]):02d}"
    return text[:7]


#: months in a quarter (2023-Q3 ends in September) and in a half (2023-H1 ends in June)
_MONTHS_PER = {"Q": 3, "H": 6}
