"""Search of the dashboard: indicators by their English and Chinese names, aliases and the
words people use for them, ranked, each with its latest figure and coverage.

The catalogue's own :meth:`Catalogue.search` (which the API's ``/api/indicators?q=``
keeps) wants every word of the query in an indicator's id, names or aliases. Readers
type other words: "industrial production" for industrial value added, "profits" for
profit, 工业生产 for 工业增加值. So a query is also tried in the forms of :data:`PHRASES`
(each a little less trusted than the words typed), English words are compared without
a plural ``s``, and Chinese is matched as text (it has no spaces), falling back to the
query's two-character pieces.

Ranking, highest first: where the words are found (a name counts more than an alias,
an alias more than the id), the whole query inside a name, an exact name or alias,
headline indicators (the report card's), then indicators that have figures; ties keep
the catalogue's order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from indmon.catalogue import ALL, Catalogue, Indicator, Industry, Province
from indmon.store import Clearance, Observation
from indmon.web.dashboard import i18n

#: the words readers use for what the catalogue names otherwise: query phrase -> the
#: catalogue's phrases (English matched in lower case, Chinese as written)
PHRASES: dict[str, tuple[str, ...]] = {
    "industrial value added": ("value added of industrial enterprises",),
    "industrial profit": ("profit of industrial enterprises",),
    "industrial profits": ("profit of industrial enterprises",),
    "industrial production": ("value added",),
    "industrial output": ("value added", "output"),
    "industry output": ("value added",),
    "ip": ("value added",),
    "output growth": ("value added",),
    "production": ("output",),
    "gdp": ("economic growth",),
    "earnings": ("profit",),
    "income": ("revenue",),
    "sales revenue": ("revenue",),
    "turnover": ("revenue",),
    "losses": ("loss",),
    "firms": ("enterprises",),
    "companies": ("enterprises",),
    "broadband": ("broadband", "gigabit"),
    "ev": ("new-energy vehicle",),
    "evs": ("new-energy vehicle",),
    "electric vehicles": ("new-energy vehicle",),
    "nev": ("new-energy vehicle",),
    "steel": ("crude steel",),
    "iot": ("internet-of-things", "iot"),
    "工业生产": ("工业增加值",),
    "工业产出": ("工业增加值", "总产值"),
    "盈利": ("利润",),
    "收入": ("收入",),
    "亏损": ("亏损",),
    "电动汽车": ("新能源汽车",),
}
#: how much a form of the query taken from PHRASES counts against the words typed
EXPANDED = 0.9
#: weight of a word found in a name, in an alias, in the id
WEIGHTS = {"name": 3.0, "alias": 2.0, "id": 1.0}
#: the most indicators a search lists
LIMIT = 40
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]")
SEPARATORS = re.compile(r"[\s,;:/()（）、，。·\-_'\"“”‘’]+")


@dataclass(frozen=True)
class Coverage:
    """What the store holds of an indicator for the whole country."""

    first: str | None = None
    last: str | None = None
    periods: int = 0
    latest: Observation | None = None
    #: breakdowns it has figures by, when it has none for the whole country
    breakdowns: tuple[str, ...] = ()

    @property
    def has_data(self) -> bool:
        return self.periods > 0 or bool(self.breakdowns)


@dataclass(frozen=True)
class Hit:
    indicator: Indicator
    score: float
    coverage: Coverage = field(default_factory=Coverage)


@dataclass(frozen=True)
class Results:
    query: str
    indicators: tuple[Hit, ...]
    industries: tuple[Industry, ...]
    provinces: tuple[Province, ...]

    @property
    def empty(self) -> bool:
        return not (self.indicators or self.industries or self.provinces)


def normalise(text: str) -> str:
    """Lower case, punctuation and hyphens as spaces, one space between words."""
    return " ".join(SEPARATORS.split(text.lower())).strip()


def _stem(word: str) -> str:
    """``profits`` -> ``profit``, ``losses`` -> ``loss``; Chinese and short words kept."""
    if CJK.search(word) or len(word) <= 3:
        return word
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def query_forms(query: str) -> list[tuple[str, float]]:
    """The query as typed and in the catalogue's words (:data:`PHRASES`), with how
    much each form counts."""
    typed = normalise(query)
    if not typed:
        return []
    forms = [(typed, 1.0)]
    for phrase, replacements in PHRASES.items():
        key = normalise(phrase)
        pattern = key if CJK.search(key) else rf"\b{re.escape(key)}\b"
        if re.search(pattern, typed):
            for replacement in replacements:
                form = re.sub(pattern, normalise(replacement), typed).strip()
                if form and form not in [f for f, _ in forms]:
                    forms.append((form, EXPANDED))
    return forms


def _words(form: str) -> list[str]:
    return [w for w in form.split(" ") if w]


def _found(word: str, text: str) -> bool:
    if len(word) <= 3 and not CJK.search(word):
        # a short Latin word is a word of its own (EV is not the ev of revenue, IP not
        # the ip of IPv6); 5G may run into Chinese (5G基站)
        return re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text) is not None
    if word in text:
        return True
    stem = _stem(word)
    if stem != word and stem in text:
        return True
    if CJK.search(word) and len(word) > 2:
        # Chinese has no spaces: 工业利润 is found in 规模以上工业企业利润总额 by its pieces
        pieces = [word[i:i + 2] for i in range(len(word) - 1)]
        return all(p in text for p in pieces)
    return False


@dataclass(frozen=True)
class _Fields:
    name: str
    alias: str
    ident: str
    names: tuple[str, ...]


def _fields(ind: Indicator) -> _Fields:
    names = (normalise(ind.name_en), normalise(ind.name_zh))
    aliases = tuple(normalise(a) for a in ind.aliases)
    return _Fields(" | ".join(names), " | ".join(aliases), normalise(ind.id.replace("_", " ")),
                   names + aliases)


def score(ind: Indicator, query: str, *, headline: Sequence[str] = ()) -> float:
    """How well ``ind`` answers ``query`` (0: not at all)."""
    fields = _fields(ind)
    best = 0.0
    for form, weight in query_forms(query):
        words = _words(form)
        per_word = []
        for word in words:
            found = [WEIGHTS[k] for k, text in (("name", fields.name), ("alias", fields.alias),
                                                 ("id", fields.ident)) if _found(word, text)]
            if not found:
                break
            per_word.append(max(found))
        else:
            total = sum(per_word) / len(words)
            if any(form == n for n in fields.names):
                total += 5.0
            elif form in fields.name:
                total += 3.0 if any(n.startswith(form) for n in fields.names[:2]) else 2.0
            elif form in fields.alias:
                total += 1.0
            best = max(best, total * weight)
    if best and ind.id in headline:
        best += 1.0 + (len(headline) - list(headline).index(ind.id)) / (10 * len(headline))
    return best


def find_indicators(query: str, catalogue: Catalogue | None = None, *,
                    headline: Sequence[str] = (), limit: int = LIMIT
                    ) -> list[tuple[Indicator, float]]:
    """Indicators matching ``query``, best first (ties in catalogue order)."""
    catalogue = catalogue or Catalogue.load()
    scored = [(ind, score(ind, query, headline=headline)) for ind in
              catalogue.indicators.values()]
    hits = [(ind, s) for ind, s in scored if s > 0]
    hits.sort(key=lambda item: -item[1])  # stable: the catalogue's order within a score
    return hits[:limit]


def _matches(query: str, names: Iterable[str], code: str) -> bool:
    typed = normalise(query)
    return bool(typed) and (typed == code.lower() or any(
        all(_found(w, normalise(n)) for w in _words(typed)) for n in names))


def find_industries(query: str, catalogue: Catalogue) -> list[Industry]:
    return [i for i in catalogue.industries.values()
            if _matches(query, (i.name_en, i.name_zh), i.code)]


def find_provinces(query: str, catalogue: Catalogue) -> list[Province]:
    return [p for p in catalogue.provinces.values()
            if _matches(query, (p.name_en, p.name_zh, p.abbrev), p.code)]


ORIGIN_RANK = {"published": 0, "computed": 1, "simulated": 2}


def coverage(store: Any, indicators: Sequence[str], clearance: Clearance | None = None
             ) -> dict[str, Coverage]:
    """Each indicator's whole-country figures in the store: first and last period in
    time order, how many periods, the latest figure (published before computed before
    simulated within a period); the breakdowns of those with none for the whole."""
    if not indicators:
        return {}
    found: dict[str, list[Observation]] = {}
    for o in store.figures(list(indicators), industry=ALL, province=ALL,
                           clearance=clearance or Clearance.public()):
        found.setdefault(o.indicator, []).append(o)
    by = {d: store.indicators_with(d) for d in ("industry", "province")}
    out = {}
    for ident in indicators:
        figures = found.get(ident, [])
        if not figures:
            out[ident] = Coverage(breakdowns=tuple(d for d, present in by.items()
                                                   if ident in present))
            continue
        periods = sorted({o.period for o in figures}, key=lambda p: p.sort_key())
        shown = [o for o in figures if not o.withheld] or figures
        latest = max(shown, key=lambda o: (o.period.sort_key(),
                                           -ORIGIN_RANK.get(o.origin.value, 9),
                                           not o.conflict))
        out[ident] = Coverage(periods[0].text, periods[-1].text, len(periods), latest)
    return out


def search(store: Any, query: str, *, clearance: Clearance | None = None,
           headline: Sequence[str] = (), limit: int = LIMIT) -> Results:
    """Indicators (with coverage), industries and provinces matching ``query``."""
    catalogue = Catalogue.load()
    if not normalise(query):
        return Results(query, (), (), ())
    hits = find_indicators(query, catalogue, headline=headline, limit=limit)
    held = coverage(store, [ind.id for ind, _ in hits], clearance)
    # an indicator with figures answers a reader better than its empty neighbour
    ranked = sorted(((ind, s + (1.5 if held[ind.id].has_data else 0.0)) for ind, s in hits),
                    key=lambda item: -item[1])
    return Results(query, tuple(Hit(ind, round(s, 3), held[ind.id]) for ind, s in ranked),
                   tuple(find_industries(query, catalogue)),
                   tuple(find_provinces(query, catalogue)))


def coverage_words(cov: Coverage, lang: str) -> str:
    """``February 2023 – March 2024 · 13 periods`` / ``2023年2月—2024年3月 · 共13期``."""
    if not cov.periods:
        return ""
    first, last = (i18n.period_label(p or "", lang) for p in (cov.first, cov.last))
    span = first if cov.first == cov.last else (
        f"{first}—{last}" if lang == "zh" else f"{first} – {last}")
    count = (f"共{cov.periods}期" if lang == "zh"
             else f"{cov.periods} period{'s' if cov.periods != 1 else ''}")
    return f"{span} · {count}"


def as_json(results: Results, lang: str) -> dict[str, Any]:
    """The search as JSON (``/search?q=...&format=json``): what the page lists."""
    def hit(h: Hit) -> dict[str, Any]:
        cov, latest = h.coverage, h.coverage.latest
        return {
            "id": h.indicator.id, "name": h.indicator.name(lang),
            "name_en": h.indicator.name_en, "name_zh": h.indicator.name_zh,
            "theme": h.indicator.theme, "unit": h.indicator.unit, "score": h.score,
            "has_data": cov.has_data, "first": cov.first, "last": cov.last,
            "periods": cov.periods, "breakdowns": list(cov.breakdowns),
            "latest": None if latest is None else {
                "obs_id": latest.obs_id, "period": latest.period.text,
                "value": None if latest.withheld else latest.value,
                "text": i18n.number(None if latest.withheld else latest.value,
                                    latest.unit, lang),
                "origin": latest.origin.value, "simulated": latest.simulated},
            "url": f"/indicators/{h.indicator.id}",
        }
    return {
        "query": results.query,
        "indicators": [hit(h) for h in results.indicators],
        "industries": [{"code": i.code, "name": i.name(lang), "url": f"/industries/{i.code}"}
                       for i in results.industries],
        "provinces": [{"code": p.code, "name": p.name(lang), "url": f"/provinces/{p.code}"}
                      for p in results.provinces],
    }
