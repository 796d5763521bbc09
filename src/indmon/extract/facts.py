"""The fact record: one number a release states, with what it measures.

The JSON Lines shape is ``shared/facts-format.md``'s (field for field); ``indicator``
is indmon's addition, set when the fact maps to a catalogue indicator.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Fact:
    doc: str
    start: int
    end: int
    mention: str
    value: float
    unit: str
    measure: str
    subject: str = ""
    period: str = ""
    region: str = "CN"
    #: the catalogue indicator this fact states, when one matches
    indicator: str | None = None
    #: the industry and province cell, in catalogue codes, when the mapping knows them
    industry: str = "ALL"
    province: str = "ALL"

    def to_record(self) -> dict[str, Any]:
        """The record of shared/facts-format.md, plus indmon's mapping fields when set."""
        record = asdict(self)
        if self.indicator is None:
            for key in ("indicator", "industry", "province"):
                record.pop(key)
        return record

    def to_json(self) -> str:
        return json.dumps(self.to_record(), ensure_ascii=False)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Fact:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in record.items() if k in known})
