"""The fact record: one number a release states, with what it measures.

The JSON Lines shape is ``shared/facts-format.md``'s (field for field); ``indicator``
is indmon's addition, set when the fact maps to a catalogue indicator.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

#: how a subject names a part of a division the catalogue has no code for ("通信设备制造业"):
#: extraction writes it, and mapping puts such a figure on no cell
SUB_SECTOR = "the sub-sector"


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
        names = _FORMAT_FIELDS if self.indicator is None else _ALL_FIELDS
        return {name: getattr(self, name) for name in names}

    def to_json(self) -> str:
        return _JSON.encode(self.to_record())

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Fact:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in record.items() if k in known})


#: ``json.dumps(record, ensure_ascii=False)``, without building an encoder for every fact
_JSON = json.JSONEncoder(ensure_ascii=False)
#: field names in record order: all of them, and those of the facts format alone
_ALL_FIELDS = tuple(f.name for f in fields(Fact))
_FORMAT_FIELDS = tuple(n for n in _ALL_FIELDS if n not in ("indicator", "industry", "province"))
