"""The ``facts`` table: every number an ingested release states, mapped or not.

Reconcile owns the table (its schema is ``schema.sql``, migration ``0003_facts``); this
module is the only one that writes SQL against it. Other packages read it through
:func:`search_facts`, so that a number the catalogue has no indicator for can still be
found ("which releases mention passengers of a regional jet?").

>>> from indmon.store import Store
>>> store = Store.open(":memory:")
>>> save_facts(store, [Fact("note@1", 0, 4, "4.6%", 4.6, "percent", "growth_yoy",
...                         "value added", "2023", "CN", indicator="va_ytd_yoy")])
>>> search_facts(store, indicator="va_ytd_yoy")[["doc", "mention", "period"]].values.tolist()
[['note@1', '4.6%', '2023']]
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from indmon.catalogue import Catalogue
from indmon.extract.facts import Fact
from indmon.store import Period, Store

#: the columns of ``facts``, in table order
FACT_COLUMNS = ("doc", "start", "end", "mention", "value", "unit", "measure", "subject",
                "period", "region", "indicator", "industry", "province")
_COLUMN_LIST = ", ".join(f'"{c}"' for c in FACT_COLUMNS)


def save_facts(store: Store, facts: Sequence[Fact]) -> None:
    """Keep facts in ``facts``, in one transaction; a fact already there (same document
    and span) is replaced, so saving a document's facts again changes nothing."""
    if not facts:
        return
    frame = pd.DataFrame([_fact_row(f) for f in facts], columns=list(FACT_COLUMNS))
    with store.transaction() as con:
        con.register("incoming_facts", frame)
        try:
            con.execute(f"INSERT OR REPLACE INTO facts SELECT {_COLUMN_LIST} FROM incoming_facts")
        finally:
            con.unregister("incoming_facts")


def search_facts(
    store: Store, *, doc: str | None = None, indicator: str | None = None,
    period: str | None = None,
) -> pd.DataFrame:
    """Facts of the ingested releases, every column of ``facts``, ordered by document
    and position in it.

    ``doc`` is a source id (``store.sources()``); ``indicator`` a catalogue indicator
    id (an unknown id raises ``UnknownCode`` naming the known ones); ``period`` a period
    text (an impossible one raises ``PeriodError``), matched as the store writes it.
    """
    where: list[str] = []
    params: list[object] = []
    if doc is not None:
        where.append("doc = ?")
        params.append(doc)
    if indicator is not None:
        Catalogue.load().indicator(indicator)
        where.append("indicator = ?")
        params.append(indicator)
    if period is not None:
        where.append("period = ?")
        params.append(Period.parse(period).text)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    frame: pd.DataFrame = store.query(
        f'SELECT {_COLUMN_LIST} FROM facts {clause} ORDER BY doc, "start", "end"', params
    )
    return frame


def _fact_row(fact: Fact) -> dict[str, object]:
    mapped = fact.indicator is not None
    return {
        "doc": fact.doc, "start": fact.start, "end": fact.end, "mention": fact.mention,
        "value": float(fact.value), "unit": fact.unit, "measure": fact.measure,
        "subject": fact.subject, "period": fact.period, "region": fact.region,
        "indicator": fact.indicator, "industry": fact.industry if mapped else None,
        "province": fact.province if mapped else None,
    }


__all__ = ["FACT_COLUMNS", "save_facts", "search_facts"]
