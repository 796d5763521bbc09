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
    #: the plausible range (lowest, highest) of a number; a value outside it is rejected
    bounds: tuple[float, float] | None = None

    @property
    def numeric(self) -> bool:
        return self.kind in ("amount", "signed", "count", "index")


#: the largest plausible money amount (and kWh) of one enterprise in one month: 1e15 yuan
#: is a thousand trillion yuan, above a year of China's whole industrial output; a value
#: above it is a unit slip or an attack, never a report
MAX_AMOUNT = 1e15
#: the most employees one enterprise can plausibly report (the largest employ about 1.5
#: million)
MAX_EMPLOYEES = 5_000_000
#: a producer price index (same month last year = 100) between a 99% fall and tenfold
PPI_BOUNDS = (1.0, 1000.0)
_AMOUNT = (0.0, MAX_AMOUNT)

REPORT_FIELDS: tuple[Field, ...] = (
    Field("enterprise_id", "id", meaning="stable identifier of the enterprise"),
    Field("period", "month", meaning="the month reported"),
    Field("industry", "industry", meaning="division of GB/T 4754-2017"),
    Field("province", "province", meaning="provincial-level region of GB/T 2260"),
    Field("output_value", "amount", meaning="gross industrial output value, yuan", bounds=_AMOUNT),
    Field("value_added", "amount", meaning="industrial value added, yuan", bounds=_AMOUNT),
    Field("revenue", "amount", meaning="operating revenue, yuan", bounds=_AMOUNT),
    Field("profit", "signed", meaning="total profit, yuan (negative for a loss)",
          bounds=(-MAX_AMOUNT, MAX_AMOUNT)),
    Field("employees", "count", meaning="average employed persons",
          bounds=(0, MAX_EMPLOYEES)),
    Field("electricity_kwh", "amount", required=False, meaning="electricity consumed, kWh",
          bounds=_AMOUNT),
    Field("export_value", "amount", required=False, meaning="export delivery value, yuan",
          bounds=_AMOUNT),
)

PRICE_FIELDS: tuple[Field, ...] = (
    Field("industry", "industry", meaning="division of GB/T 4754-2017"),
    Field("period", "month", meaning="the month"),
    Field("ppi_yoy", "index", meaning="producer price index, same month last year = 100",
          bounds=PPI_BOUNDS),
)

#: the longest enterprise identifier accepted (an 18-character credit code fits easily)
MAX_ID_LENGTH = 32
#: a column that marks rows of the simulated demo panel
SIMULATED_COLUMN = "is_simulated"
