"""The columns of the exchange formats and what each must hold.

One table per format (``REPORT_FIELDS``, ``PRICE_FIELDS``) drives validation, storage and
the documentation, so the three cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["id", "month", "industry", "province", "amount", "signed", "count", "index"]


@dataclass(frozen=True)
class Field:
    """One column of an exchange format."""

    name: str
    kind: Kind
    required: bool = True
    #: what the column means, for error messages and docs
    meaning: str = ""

    @property
    def numeric(self) -> bool:
        return self.kind in ("amount", "signed", "count", "index")


REPORT_FIELDS: tuple[Field, ...] = (
    Field("enterprise_id", "id", meaning="stable identifier of the enterprise"),
    Field("period", "month", meaning="the month reported"),
    Field("industry", "industry", meaning="division of GB/T 4754-2017"),
    Field("province", "province", meaning="provincial-level region of GB/T 2260"),
    Field("output_value", "amount", meaning="gross industrial output value, yuan"),
    Field("value_added", "amount", meaning="industrial value added, yuan"),
    Field("revenue", "amount", meaning="operating revenue, yuan"),
    Field("profit", "signed", meaning="total profit, yuan (negative for a loss)"),
    Field("employees", "count", meaning="average employed persons"),
    Field("electricity_kwh", "amount", required=False, meaning="electricity consumed, kWh"),
    Field("export_value", "amount", required=False, meaning="export delivery value, yuan"),
)

PRICE_FIELDS: tuple[Field, ...] = (
    Field("industry", "industry", meaning="division of GB/T 4754-2017"),
    Field("period", "month", meaning="the month"),
    Field("ppi_yoy", "index", meaning="producer price index, same month last year = 100"),
)

#: the longest enterprise identifier accepted (an 18-character credit code fits easily)
MAX_ID_LENGTH = 32
#: a column that marks rows of the simulated demo panel
SIMULATED_COLUMN = "is_simulated"
