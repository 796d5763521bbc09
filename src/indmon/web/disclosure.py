"""What each caller may see of confidential cells (see docs/disclosure.md).

The store keeps which computed cells are suppressed; this module turns a caller into
a :class:`~indmon.store.Clearance` and applies it to tables the app already holds (the
current observations it keeps in memory), with the same rule as the store's reading
methods: a suppressed cell's value and ``n`` are withheld from a caller whose clearance
does not reach the cell's province (national cells: admins only).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indmon.store import ALL, Clearance, Store
from indmon.web.auth import User


def clearance_of(user: User | None) -> Clearance:
    """Admins see every value; an analyst those of its provinces; everyone else none."""
    if user is None:
        return Clearance.public()
    if user.role == "admin":
        return Clearance.everything()
    if user.role == "analyst" and user.provinces:
        return Clearance.of_provinces(user.provinces)
    return Clearance.public()


def withheld_rows(frame: pd.DataFrame, clearance: Clearance) -> np.ndarray:
    """Which rows of an observations table (with ``suppressed`` and ``province``) this
    clearance may not see the values of."""
    if "suppressed" not in frame.columns or clearance.full or frame.empty:
        return np.zeros(len(frame), dtype=bool)
    suppressed: np.ndarray = frame["suppressed"].notna().to_numpy(dtype=bool)
    provinces = frame["province"].astype(str)
    seen: np.ndarray = provinces.isin(sorted(clearance.provinces - {ALL})).to_numpy(dtype=bool)
    hidden: np.ndarray = suppressed & ~seen
    return hidden


def masked(frame: pd.DataFrame, clearance: Clearance) -> pd.DataFrame:
    """``frame`` with the values and ``n`` of the rows ``clearance`` may not see
    withheld (null) and a ``withheld`` column saying which."""
    hidden = withheld_rows(frame, clearance)
    out = frame.copy()
    out["withheld"] = hidden
    if hidden.any():
        out["value"] = out["value"].astype("float64").mask(hidden)
        if "n" in out.columns:
            out["n"] = out["n"].astype("Int64").mask(hidden)
    return out


def visible_cell_alerts(store: Store, alerts: pd.DataFrame, clearance: Clearance
                        ) -> pd.DataFrame:
    """``alerts`` without those about a suppressed cell ``clearance`` does not reach: an
    alert's evidence quotes the cell's figures."""
    if clearance.full or alerts.empty:
        return alerts
    decided = store.disclosure(sorted({str(p) for p in alerts["period"]}))
    if decided.empty:
        return alerts
    suppressed = set(zip(decided["period"], decided["industry"], decided["province"],
                         strict=True))
    keep = [(str(p), str(i), str(v)) not in suppressed or clearance.sees(str(v))
            for p, i, v in zip(alerts["period"], alerts["industry"], alerts["province"],
                               strict=True)]
    return alerts[keep]
