"""Facts from releases: numbers a ministry or statistics bureau states, with what they measure.

``extract_facts(text, doc)`` reads one text (English or Chinese); ``extract_file(path)``
one file; ``extract_many(paths, out_dir)`` a corpus, on all cores or on Spark, writing one
JSON Lines file per document in the format of ``docs/extract.md``.
"""

from __future__ import annotations

from indmon.extract.facts import Fact
from indmon.extract.parallel import ExtractSummary, extract_many
from indmon.extract.release import extract_facts, extract_file

__all__ = ["ExtractSummary", "Fact", "extract_facts", "extract_file", "extract_many"]
