"""Lists of figures: give each member of a list sentence its own subject.

Releases state sub-aggregates in lists, and the words that say which member a figure is
stand away from it:

- "the output of crude steel, cement and steel products grew 1.2%, -3.4% and 2.1%
  respectively": the n-th figure is the n-th member, under the list's head ("output of");
- "value added of mining grew 2.3%, that of manufacturing 5.0%": "that of X" repeats the
  first figure's head (and its measure) for X;
- "国有控股企业、股份制企业、私营企业增加值分别增长5.0%、5.3%、3.1%" (分别 is
  "respectively"), and "采矿业增加值增长2.3%，制造业增长5.0%": a clause that names only the
  member takes the head ("增加值", value added) of the clause before it.

Without this a figure of a member gets the last member's words (or none), and the mapper
would put a sub-aggregate on its neighbour or on the total. A list whose members cannot
be counted out is left as it is: its subject stays a list, which the mapper refuses.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from indmon.catalogue import Catalogue
from indmon.extract import subjects
from indmon.extract.anaphora import resolve_pronouns
from indmon.extract.facts import SUB_SECTOR, Fact
from indmon.extract.fastre import lowered
from indmon.extract.measures import YEAR_EARLIER_AFTER_EN

_RESPECTIVELY_EN = re.compile(r"\brespectively\b|\bin\s+that\s+order\b", re.IGNORECASE)
#: ", " or " and " between members (an Oxford comma included)
_MEMBER_SPLIT_EN = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_MOVED_EN = (r"grew|rose|fell|increased|decreased|declined|went\s+up|went\s+down|climbed|"
             r"jumped|dropped|slid|slipped|shrank|surged|gained|expanded|edged\s+(?:up|down)")
_THAT_OF_EN = re.compile(
    r"\b(?:those|that)\s+of\s+(?:the\s+)?(.+?)(?:\s*,?\s*\b(?:by|at|was|were|stood|"
    + _MOVED_EN + r"|up|down)\b)*\s*(?:\d[\d,.]*\s*)?$", re.IGNORECASE)
#: " while miners' slid ": a possessor named alone, the first figure's noun understood
_POSSESSOR_ALONE_EN = re.compile(
    r"^\s*(?:year[- ]on[- ]year\s*)?,?\s*(?:and|while|whereas|but)\s+(?:the\s+)?"
    r"([a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)(?:s['’]|['’]s)\s+(?:" + _MOVED_EN
    + r")\s+(?:by\s+)?$", re.IGNORECASE)
_HEAD_EN = re.compile(r"^(?:the\s+)?(.*?\bof)\s+(?:the\s+)?(.+)$", re.IGNORECASE)
#: "manufacturers' profits", "the state sector's output": a possessor and its noun
_POSSESSIVE_EN = re.compile(
    r"^(?:the\s+)?([\w-]+(?:\s+[\w-]+){0,3}?)(?:s['’]|['’]s)\s+([a-z][\w\s-]*)$", re.IGNORECASE)
_VERB_BEFORE_EN = re.compile(
    r"\s+(?:grew|rose|increased|fell|decreased|declined|went\s+(?:up|down)|were|was|reached|"
    r"stood|registered|recorded|saw|accounted|made\s+up|amounted|totall?ed|adding)\b[^,;]*$",
    re.IGNORECASE)
_LEAD_EN = re.compile(r"^(?:in|during|for|from|over|through)\b[^,]*,\s*", re.IGNORECASE)

#: 分别 before the figures; members between 、, 和, 及, 与
_RESPECTIVELY_ZH = "分别"
#: "产销": production and sales, a list of two in one word
_BOTH_ZH = "产销"
#: between the figures of a run: a measure word the mention left out ("674万辆和661万辆")
#: and the joining words
_BETWEEN_MEMBERS_ZH = re.compile(
    r"(?:[辆台套个户家座件项部艘吨块片只架条]|千瓦时)?[、和及与，,\s]*")
_MEMBER_SPLIT_ZH = re.compile(r"[、和及与]")
_MEMBER_SPLIT_COMMA_ZH = re.compile(r"[，,、和及与]")
#: where a Chinese sentence ends (its other rules read clauses within one)
SENTENCE_END_ZH = re.compile(r"[。！？\n]")
_SENTENCE_END_EN = re.compile(r"[.;]\s|\n")
#: what a clause states of its subject: a head term in the English of the glossary
_HEADS = ("value added", "added value", "output", "operating revenue", "total profits",
          "profits", "revenue", "investment", "sales", "production", "volume", "exports",
          "imports")


def distribute(facts: list[Fact], text: str, lang: str) -> list[Fact]:
    """The facts with members of list sentences given their own subjects (see above), and
    figures that speak of the figure before them ("reached 5.95 trillion yuan, up 1.9%";
    "4.55 million 5G base stations, accounting for 36.0%") given its subject; pronoun
    subjects ("it grew 5.9%", 其) take their antecedent's (``indmon.extract.anaphora``)."""
    if lang == "zh":
        distributed = resolve_pronouns(_distribute_zh(facts, text), text, lang)
        return _industry_heads(_of_previous(distributed, text, _SHARE_AFTER_ZH, None), text)
    return _industry_heads(
        _of_previous(_distribute_en(facts, text), text, _SHARE_AFTER_EN, _GROWTH_AFTER_EN), text)


#: what makes a subject more than an industry's name: another quantity of it
_QUANTITY = re.compile(
    r"\b(?:invest|export|import|profit|revenue|income|price|index|pmi|consumption|users?\b|"
    r"orders?\b|sales|output|loans?\b|tax|share|enterprises?\b|firms?\b|compan|employ|wage|"
    r"power\s+generation|contribution"
    # what makers turned out: "Refiners processed 608.3 million tonnes of crude oil, up 2.4%"
    r"|processed\b|produced\b|turned\s+out\b)"
    # cells of a pipe table ("| autos | 2.71 mn units | +6.8% |"): a product's row
    r"|\|", re.IGNORECASE)
#: "production and supply of electricity...": a part of a sector's name, no quantity
_SUPPLY = re.compile(r"\bproduction\s+and\s+supply\b", re.IGNORECASE)
_GROWTH_MEASURES = frozenset({"growth_yoy", "growth_qoq"})
#: how far back the head of a breakdown is looked for: this paragraph and the two before
#: (a chart's caption may stand between)
_PARAGRAPHS_BACK = 2


def _industry_heads(facts: list[Fact], text: str) -> list[Fact]:
    """A growth whose subject only names an industry ("By industry, the manufacture of
    automobiles expanded 9.6%", "分门类看，制造业增长6.6%") is the growth of what the
    figures before it measure: it takes the head ("value added", "profits") of the
    nearest growth before it, in its paragraph or the two before, that states one. With
    none there it keeps its subject, and the mapper leaves it unmapped."""
    out = list(facts)
    for k, fact in enumerate(out):
        output_of = _OUTPUT_OF_OWNER_EN.match(fact.subject) if fact.unit == "percent" else None
        if output_of:  # "Private enterprises posted output growth of 5.2 percent": value added
            out[k] = replace(fact, subject=f"value added of {_enterprises(output_of.group(1))}")
            continue
        if k and _elliptical_place(out[k - 1], fact, text):
            # "Jiangsu expanded 7.3% and Shandong 7.1%": the place's figure of the verb before
            before = out[k - 1]
            fact = out[k] = replace(fact, measure=before.measure, value=(
                -abs(fact.value) if before.value < 0 else abs(fact.value)))
        if _bare_region(fact) and subjects.names_place(
                text[_clause_start(text, fact.start):fact.start], fact.region):
            # "Jiangsu expanded 7.3%", "江苏增长7.3%": a province's or region's growth of
            # what the figures before it measure
            head = _head_before(out, k, text)
            if head:
                out[k] = replace(fact, subject=head)
            continue
        if fact.unit == "percent" and _WHOLE_INDUSTRY_EN.fullmatch(fact.subject.strip()):
            out[k] = _of_whole_industry(out, k, text)
            continue
        if not _bare_industry(fact, text) or _growth_of_the_amount_before(out, k, text):
            continue
        # "foreign-invested firms (including Hong Kong, Macao and Taiwan capital)"
        owned = _OWNERSHIP_EN.match(_PARENTHESIS.sub("", fact.subject).strip())
        owner = owned is not None
        # what the sentence itself names ("X makers posted a 38.5% surge; profits in Y went
        # up"), else an ownership type's growth is of what the release breaks down, however
        # far back
        head = (_head_in_sentence(fact, text) or _head_before(
            out, k, text, paragraphs=10 ** 6 if owner else _PARAGRAPHS_BACK)
            or _value_added_of_the_release(out, k))
        if head in ("output", "production") and (owner
                                                 or _industrial_output_before(out, k)):
            head = "value added"  # an ownership type's or a sector's industrial output
        if head:
            named = owned.group("owner") if owned else fact.subject
            out[k] = replace(fact, subject=f"{head} of {_enterprises(named)}")
    return out


def _of_whole_industry(facts: list[Fact], k: int, text: str) -> Fact:
    """"Nationally, industry expanded 5.9 percent": all industry's growth of what the
    release measures (the head of a growth before it), else unchanged."""
    fact = facts[k]
    head = _head_before(facts, k, text, paragraphs=10 ** 6)
    if fact.measure not in _GROWTH_MEASURES or not head:
        return fact
    return replace(fact, subject=f"{'value added' if head in _OUTPUT_HEADS else head} of industry")


_OUTPUT_HEADS = ("output", "production")
#: all industry named alone, as the press writes it
_WHOLE_INDUSTRY_EN = re.compile(
    r"(?:national\s+|overall\s+|total\s+|chinese\s+|the\s+country's\s+)?"
    r"industry(?:\s+as\s+a\s+whole|\s+nationwide|\s+overall)?", re.IGNORECASE)
#: ownership types the bureau breaks value added and profits down by
_OWNER_EN = (r"(?:(?:state-(?:owned\s+)?holding|state-owned|joint-stock|shareholding|"
             r"foreign-funded|foreign-invested|private|collective)\s+"
             r"(?:enterprises|firms|companies|businesses)\b"
             # "companies funded from abroad or from Hong Kong, Macao and Taiwan"
             r"|(?:enterprises|firms|companies)\s+funded\s+from\s+abroad(?:\s+or\s+from\s+"
             r"hong\s+kong,\s+macao\s+and\s+taiwan)?"
             # "companies funded by foreign, Hong Kong, Macao and Taiwan investors"
             r"|(?:enterprises|firms|companies)\s+funded\s+by\s+foreign,\s+hong\s+kong,\s+maca[ou],?"
             r"\s+and\s+taiwan\s+(?:investors|capital))")
_OWNERSHIP_EN = re.compile(
    rf"^(?P<owner>{_OWNER_EN})"
    # "private enterprises posted gains of 5.2%": the verb and its noun are no part of it
    r"(?:\s+(?:recorded|registered|saw|posted|logged)\s+(?:a\s+)?(?:growth|gains?|increases?|"
    r"rises?)\s+of"
    # "... lagged behind with growth of 3.3%"
    r"|\s+(?:lagged(?:\s+behind)?|trailed|led)\s+with\s+(?:a\s+)?(?:growth|gains?|increases?|"
    r"rises?)\s+of)?$",
    re.IGNORECASE)


#: the news agencies' "output" of an ownership type: its value added ("output at
#: state-holding companies")
_OUTPUT_OF_OWNER_EN = re.compile(
    rf"^(?:industrial\s+)?output\s+(?:of|at|from|by)\s+(?:the\s+)?({_OWNER_EN})$",
    re.IGNORECASE)


def _enterprises(owner: str) -> str:
    """"private firms" as the bureau names them: "private enterprises"."""
    return re.sub(r"\b(?:firms|companies|businesses)$", "enterprises",
                  re.sub(r"^(?:firms|companies)(?=\s+funded\b)", "enterprises", owner))


def _bare_industry(fact: Fact, text: str) -> bool:
    """Whether a growth, or an amount of money in a list item ("- Mining: 405.37 billion
    yuan"), names only an industry or an ownership type."""
    amount = fact.unit == "cny" and fact.measure == "level" and bool(
        _LIST_ITEM.match(text, text.rfind("\n", 0, fact.start) + 1))
    if not (amount or (fact.unit == "percent" and fact.measure in _GROWTH_MEASURES)):
        return False
    if not fact.subject:
        return False
    if any(h in fact.subject for h in _HEADS if h != "production"):
        return False
    if _OWNERSHIP_EN.match(_PARENTHESIS.sub("", fact.subject).strip()):
        return True  # "By ownership, state-holding enterprises recorded growth of 4.2%"
    if _QUANTITY.search(fact.subject) or (
            "production" in fact.subject and not _SUPPLY.search(fact.subject)):
        return False
    return _names_industry(fact.subject)


#: a line that opens a list item: "- ", "• ", "1. "
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·–—]|\(?\d{1,2}[.)])[ \t]")


def _elliptical_place(before: Fact, fact: Fact, text: str) -> bool:
    """Whether a percent figure stated without a verb follows a growth, set apart only by
    "and" or a comma and the name of another place ("..., and Shandong 7.1%")."""
    if fact.unit != "percent" or fact.measure != "share" or before.unit != "percent" or (
            before.measure not in _GROWTH_MEASURES) or fact.region == before.region:
        return False
    between = _ELLIPSIS_PLACE.fullmatch(text, before.end, fact.start)
    return between is not None and subjects.names_place(between.group(1), fact.region)


_ELLIPSIS_PLACE = re.compile(
    r"\s*(?:,|;|,?\s+and|,?\s+while|,?\s+whereas)\s+(?:the\s+)?([A-Z][\w ]{1,30}?)(?:'s)?"
    r"\s*(?:at|with|by|on)?\s*(?:\(|\s)?")


def _bare_region(fact: Fact) -> bool:
    """Whether a growth is stated for a province or a part of the country with a subject
    that names nothing measured: the place's name, a verb, "national" of a comparison."""
    if fact.unit != "percent" or fact.measure not in _GROWTH_MEASURES:
        return False
    if fact.region in _NOT_A_PLACE or fact.region.startswith("a "):
        return False  # the country, the world, "a city"
    subject = fact.subject
    if any(h in subject for h in _HEADS) or _QUANTITY.search(subject):
        return False
    return not subject.strip() or not _names_industry(subject)


def _clause_start(text: str, at: int) -> int:
    """Where the clause of a figure starts (after the last comma, semicolon or full stop
    within 120 characters)."""
    lo = max(0, at - 120)
    return max(lo, *(text.rfind(c, lo, at) + 1 for c in ",;.，；。：:\n"))


#: regions that are no province or part of the country
_NOT_A_PLACE = frozenset({"CN", "world", ""})


def _industrial_output_before(facts: list[Fact], k: int) -> bool:
    """Whether the nearest growth before is of industry's output as a whole ("output grew
    5.8%"), whose breakdown by sector is value added."""
    for before in reversed(facts[:k]):
        if before.unit == "percent" and before.measure in _GROWTH_MEASURES:
            return before.subject.strip().lower() in ("output", "industrial output")
    return False


def _growth_of_the_amount_before(facts: list[Fact], k: int, text: str) -> bool:
    """"Automobiles: 2.186 million vehicles, up 9.7 percent": a growth right after an
    amount of the same name in its sentence is the amount's (a product's), not value
    added."""
    if k == 0:
        return False
    fact, before = facts[k], facts[k - 1]
    return (before.measure in ("level", "count") and before.unit not in _MONEY_UNITS
            and before.subject == fact.subject
            and not _FULL_STOP_EN.search(text, before.end, fact.start))


#: amounts of money: what an industry earned, not a product's quantity
_MONEY_UNITS = ("cny", "usd")


def _value_added_of_the_release(facts: list[Fact], k: int) -> str | None:
    """"value added" when every growth before the figure that names what it measures is of
    value added or of industry's output as a whole (a release on industrial production,
    whose sections further on name only sectors and divisions: "Manufacturing, the bulk of
    the index, advanced 6.9%"), else None. A product's output says nothing of the release;
    profits, revenue, investment or sales before it leave the figure unread."""
    found = False
    for before in facts[:k]:
        if before.unit != "percent" or before.measure not in _GROWTH_MEASURES:
            continue
        subject = _without_utilities(before.subject).lower()
        if _VALUE_ADDED_EN.search(subject) or _WHOLE_OUTPUT_EN.fullmatch(subject.strip()):
            found = True
        elif any(h in subject for h in _HEADS if h not in _OUTPUT_HEADS):
            return None
    return "value added" if found else None


#: value added named, or its abbreviation in market notes ("Industrial VA +6.1% y/y")
_VALUE_ADDED_EN = re.compile(r"value added|added value|(?<![a-z])va(?![a-z])")
#: industry's output as a whole, as the press names it
_WHOLE_OUTPUT_EN = re.compile(
    r"(?:(?:china's|chinese|national|total|overall)\s+)?(?:industrial|factory)\s+"
    r"(?:output|production)|output|production")


def _head_in_sentence(fact: Fact, text: str) -> str | None:
    """The head term (``_HEADS``, not output) stated nearest to the figure in its sentence,
    or None; output and production name a product as often as what an industry made."""
    # the whole sentence, across its semicolons
    start = max(text.rfind(". ", 0, fact.start), text.rfind("\n", 0, fact.start)) + 1
    end = _FULL_STOP_EN.search(text, fact.end)
    sentence = text[start:end.start() if end else len(text)].lower()
    at = fact.start - start
    found = [(min(abs(i - at) for i in _occurrences(sentence, h)), h) for h in _HEADS
             if h not in ("output", "production") and h in sentence]
    return min(found)[1] if found else None


_FULL_STOP_EN = re.compile(r"\.\s|\n")


def _occurrences(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(word), text)]


def _head_before(facts: list[Fact], k: int, text: str,
                 paragraphs: int = _PARAGRAPHS_BACK) -> str | None:
    fact = facts[k]
    for before in reversed(facts[:k]):
        if text.count("\n\n", before.end, fact.start) > paragraphs:
            return None
        if before.unit != "percent" or before.measure not in _GROWTH_MEASURES:
            continue
        head = next((h for h in _HEADS if h in _without_utilities(before.subject)), None)
        if head:
            return head
    return None


#: the words between a count and its share of a whole (the counted noun may be quoted:
#: 62 "lighthouse factories", accounting for 40%)
_SHARE_AFTER_EN = re.compile(
    r"^[\s\w\"'“”‘’-]{0,34}?,[\"'”’]?\s*(?:accounting\s+for|which\s+accounted\s+for|making\s+up|"
    r"taking|representing|or)"
    r"\s*$", re.IGNORECASE)
_SHARE_AFTER_ZH = re.compile(r"^[个万亿户座台辆家]*[，,]\s*占[^，。；,;]{0,14}?的?$")
#: "80.1 million tonnes, 2.2% less than a year earlier", "1.21 million new energy vehicles
#: were produced, 28.7% more than a year earlier": a level, then its growth as a comparison
_LEVEL_THEN_COMMA = re.compile(
    r"^(?:(?:\s+[a-z][\w'-]*){0,5}?\s+(?:(?:were|was)\s+(?:produced|made|manufactured|built|sold|"
    r"exported)|rolled\s+off\s+(?:the\s+)?(?:production|assembly)\s+lines?)"
    r"(?:\s+(?:in|during)\s+[a-z]+(?:\s+\d{4})?)?"
    # "3.98 trillion yuan in total profit in January-July, 1.6% more than a year earlier"
    r"|\s+in\s+(?:total\s+)?profits?(?:\s+(?:in|for)\s+[a-z][\w-]*)?"
    # "1.20 million new-energy vehicles, 24.0% more than a year ago"
    r"|(?:\s+[a-z][\w'-]*){1,4})?\s*,\s*"
    # "made 398.15 billion yuan, only 1.2% more than a year before"
    r"(?:(?:only|just|some|about|nearly|almost|roughly|a\s+mere)\s+)?$", re.IGNORECASE)
#: a growth in brackets after an amount: " in the month (+", " ("
_BRACKETED_GROWTH_EN = re.compile(r"^(?:\s+[a-z][\w'-]*){0,4}\s*\(\s*[+]?\s*$", re.IGNORECASE)
#: the words between an addition and the total it makes
_TOTAL_AFTER = re.compile(
    r"^[^.;]{0,80}?,\s*(?:bringing|taking|raising|lifting)\s+(?:the\s+|their\s+)?"
    r"(?:total|number)(?:\s+number)?\s+to\s*$|^[^。；]{0,40}?[，,]\s*(?:累计|总数)(?:达到?|为)\s*$",
    re.IGNORECASE)
#: the words between a level and its growth: "reached 1.2 trillion yuan, up 6.2%", "1.62
#: million vehicles were produced in December, an increase of 18.4%"
_GROWTH_AFTER_EN = re.compile(
    r"^(?:(?:\s+[a-z][\w'-]*){0,5}?\s+(?:were|was)\s+(?:produced|made|manufactured|built|sold|"
    r"exported)"
    r"(?:\s+(?:in|during)\s+[a-z]+(?:\s+\d{4})?)?|\s+(?:units|sets|pieces|tonnes|tons)"
    # "86.1 million tonnes of crude steel last month, down 2.7 percent"
    r"|\s+of\s+[a-z][\w\s-]{0,40}?(?:\s+(?:last|this)\s+month|\s+in\s+[a-z]+"
    # "741.5 billion yuan of telecom business revenue from January to May, up 2.2 percent"
    r"|\s+from\s+[a-z]+\s+to\s+[a-z]+)?"
    # "3.28 million vehicles abroad, an increase of", "2.93 trillion yuan in January-May, a
    # gain of"
    r"|(?:\s+[a-z][\w'-]*){1,6}(?=\s*,)|\s+in\s+[a-z][\w-]*(?:\s+\d{4})?"
    # "2,186.47 billion yuan in the first four months of 2028, up 4.3 percent"
    r"|\s+in\s+the\s+first\s+[a-z]+\s+(?:months|quarters?|half)(?:\s+of\s+\d{4})?"
    r"|\s+in\s+the\s+(?:first|second|third|fourth)\s+(?:quarter|half)(?:\s+of\s+\d{4})?)?"
    # "..., the National Bureau of Statistics (NBS) reported on Tuesday, a gain of"
    r"(?:\s*,\s*(?:the\s+)?[a-z][\w\s()'-]{2,60}?\s+(?:said|reported|announced|showed)"
    r"(?:\s+on\s+[a-z]+day)?)?"
    r"\s*,?\s*(?:up|down|an?\s+(?:year-on-year\s+)?(?:(?:nominal|real|modest|slight)\s+)?"
    r"(?:increase|decrease|rise|drop|decline|gain|fall|growth|jump|surge|slide|contraction|"
    r"expansion|advance|climb)"
    r"\s+of(?:\s+(?:only|just|about|nearly|some))?|increasing|decreasing|rising|falling|"
    r"growing|expanding|climbing|gaining|(?:edg|inch|tick)ing\s+(?:up|down))"
    r"(?:\s+by)?\s*$", re.IGNORECASE)


def _of_previous(facts: list[Fact], text: str, share: re.Pattern[str],
                 growth: re.Pattern[str] | None) -> list[Fact]:
    out = list(facts)
    for k in range(1, len(out)):
        fact, before = out[k], out[k - 1]
        between = text[before.end:fact.start]
        if (growth is not None and fact.unit == "percent" and _NO_WORDS.match(fact.subject)
                and fact.measure in _GROWTH_MEASURES):
            amount = _amount_before_in_sentence(out, k, text)
            if amount is not None:
                # "3.36 million vehicles rolled off assembly lines, 2.8% up on September and
                # a year-on-year increase of 6.3%": growths of the amount before
                out[k] = replace(fact, subject=amount.subject, region=amount.region)
                continue
        if before.unit in ("percent", "percentage_point") or not before.subject:
            continue
        if fact.measure == "share" and share.search(between) and not _in_respectively_list(
                text, fact):
            whole = _stock_before_change(out, k, text) if before.measure == "change" else before
            out[k] = replace(fact, subject=f"share of {whole.subject}")
        elif (growth is not None and fact.unit == "percent" and before.measure in ("level", "count")
              and _BRACKETED_GROWTH_EN.match(between)):
            # "turned out 109.5 million tonnes in the month (+0.8%)": the amount's growth
            out[k] = replace(fact, subject=before.subject, measure="growth_yoy",
                             region=before.region)
        elif fact.unit == before.unit == "count" and _TOTAL_AFTER.match(between):
            # "another 3,100 enterprises were cultivated, bringing the total to 17,600"
            out[k] = replace(fact, subject=before.subject, measure="count")
        elif (growth is not None and fact.measure == "growth_yoy"
              and not _in_respectively_list(text, fact) and not _opens_paired_run(out, k, text)
              and (growth.match(between) or (_LEVEL_THEN_COMMA.match(between)
                                             and YEAR_EARLIER_AFTER_EN.match(lowered(
                                                 text[fact.end:fact.end + 60]))))
              and before.measure in ("level", "count")):
            # the growth of the amount before is of its region too ("Guangdong's firms made
            # 691.28 billion yuan, 2.3% less than a year before")
            out[k] = replace(fact, subject=before.subject, region=before.region)
    return out


#: a subject of no words: nothing, or only figures ("2.8%")
_NO_WORDS = re.compile(r"^[\s\d.,%+\-−]*$")


def _amount_before_in_sentence(facts: list[Fact], k: int, text: str) -> Fact | None:
    """The nearest amount (a level or a count with a subject) before ``facts[k]`` with only
    percent figures between, in its sentence."""
    start = _sentence_start_en(text, facts[k].start)
    for j in range(k - 1, -1, -1):
        before = facts[j]
        if before.start < start:
            return None
        if before.unit != "percent":
            return before if before.measure in ("level", "count") and before.subject else None
    return None


def _stock_before_change(facts: list[Fact], k: int, text: str) -> Fact:
    """"there were 4.79 million 5G base stations, a net increase of 180,000 ..., making up
    37.2%": a share after a change is of the stock the change is of."""
    change = facts[k - 1]
    if k >= 2 and facts[k - 2].measure in ("count", "level") and facts[k - 2].subject and (
            not re.search(r"[.;。；]\s", text[facts[k - 2].end:change.start])):
        return facts[k - 2]
    return change


def _in_respectively_list(text: str, fact: Fact) -> bool:
    """Whether a figure opens a "respectively" list ("up 41.5% and 39.8% respectively"):
    its members are the list's, not the figure before's."""
    after = text[fact.end:fact.end + 80]
    stop = after.find(". ")
    return bool(_RESPECTIVELY_EN.search(after[:stop] if stop >= 0 else after))


# ---------------------------------------------------------------- English
def _sentence_start_en(text: str, pos: int) -> int:
    cut = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind("; ", 0, pos))
    return cut + 1 if cut >= 0 else 0


def _distribute_en(facts: list[Fact], text: str) -> list[Fact]:
    out = list(facts)
    listed: set[int] = set()
    i = 0
    previous: list[str] = []
    previous_end = 0
    #: "respectively" runs whose members the words before do not name
    unnamed: list[tuple[int, int]] = []
    #: runs of "the two groups" whose growths before are not all named yet
    named_before: list[tuple[int, int]] = []
    while i < len(out):
        run = _respectively_run(out, i, text)
        implicit = run == 1
        if implicit:  # "completions, new orders and orders on hand accounted for 43.5%,
            run = _figure_run(out, i, text)  # 62.9% and 50.8%": one member to a figure
        if run > 1:
            bound = out[i - 1].end if i else 0
            if _sentence_start_en(text, out[i].start) > previous_end:
                previous = []  # the members of a list in another sentence are not these
            members = (_members_en(out[i:i + run], text, bound, strict=implicit,
                                   previous_subject=out[i - 1].subject if i else "")
                       or (previous if len(previous) == run and not implicit else []))
            if not members and not implicit and _NAMED_BEFORE_EN.search(
                    text, max(0, out[i].start - 60), out[i].start):
                # "For January to October the two groups were up 8.6% and 9.1%"
                members = _distinct_growths_before(out, i, run, text, named_before)
            if not members and (not implicit or _paired_growths(out[i:i + run], text, bound)):
                # "NEV production stood at 5.04 million and NEV sales at 5.11 million,
                # growing 33.6% and 32.9%": growths paired with the amounts before them,
                # "respectively" unsaid
                unnamed.append((i, run))
            if members:
                out[i:i + run] = [replace(f, subject=s)
                                  for f, s in zip(out[i:i + run], members, strict=True)]
                listed.update(range(i, i + run))
                previous, previous_end = members, out[i + run - 1].end
            i += run
            continue
        i += 1
    members_named = _that_of_en(out, text, listed)
    out = resolve_pronouns(members_named, text, "en")
    # again, for a member after a pronoun: "It fell 4.2%, and that of crude steel 1.1%";
    # only the sentences where a pronoun was resolved can read differently
    resolved = {k for k, (a, b) in enumerate(zip(members_named, out, strict=True)) if a is not b}
    out = _that_of_en(out, text, listed, changed=resolved)
    for i, run in named_before:
        _name_run(out, i, run, _growths_before(out, i, run, text))
    for i, run in unnamed:  # once the amounts before have their own subjects
        _name_run(out, i, run, _amounts_before(out, i, run, text))
    return _coordinated_verbs(out, text)


def _name_run(facts: list[Fact], i: int, run: int, members: list[str]) -> None:
    """Give the run of figures at ``i`` the members' subjects, one each, when there are as
    many distinct members as figures."""
    if members and len(set(members)) == run:
        facts[i:i + run] = [replace(f, subject=m)
                            for f, m in zip(facts[i:i + run], members, strict=True)]


def _distinct_growths_before(facts: list[Fact], i: int, run: int, text: str,
                             deferred: list[tuple[int, int]]) -> list[str]:
    """The subjects of the growths before a run named "the two groups", or [] with the run
    put off (``deferred``) while two of them read alike: "High-tech manufacturing expanded
    9.6% in the month and equipment manufacturing 8.7%" names its second member only once
    the elliptical members are read."""
    members = _growths_before(facts, i, run, text)
    if len(set(members)) < len(members):
        deferred.append((i, run))
        return []
    return members


#: what a clause that only joins a second verb to the first leaves as its subject
_CONJUNCTIONS = frozenset({"and", "but", "then", "while", "and then"})


def _coordinated_verbs(facts: list[Fact], text: str) -> list[Fact]:
    """"X rose 5.2% ..., and edged up 0.42% from July": the second verb's subject is X."""
    out = list(facts)
    for k in range(1, len(out)):
        fact, before = out[k], out[k - 1]
        if (fact.subject.strip().lower() in _CONJUNCTIONS and before.subject
                and _sentence_start_en(text, fact.start) <= before.start):
            out[k] = replace(fact, subject=before.subject)
    return out


#: a run's members named as the ones before: "the two groups", "both", "the pair"
_NAMED_BEFORE_EN = re.compile(
    # "the two advanced 9.2% and 8.5%, in that order"
    r"\b(?:the\s+(?:two|three|four)(?:\s+(?:groups|sectors|industries))?|both)\b", re.IGNORECASE)


def _growths_before(facts: list[Fact], i: int, run: int, text: str) -> list[str]:
    """The subjects of as many growth figures just before a run, in their paragraph."""
    before = [f for f in facts[:i] if f.unit == facts[i].unit and f.subject][-run:]
    if len(before) != run or text.count("\n\n", before[0].end, facts[i].start):
        return []
    return [f.subject for f in before]


def _paired_growths(run: list[Fact], text: str, bound: int) -> bool:
    """Whether a run of figures without "respectively" is growths said of the amounts
    before, one to each: each read the sentence's first subject, or only a growth word
    stands between the amounts and the run ("..., rising 2.0 percent, 4.1 percent and 3.5
    percent")."""
    if not all(f.measure == "growth_yoy" and f.unit == "percent" for f in run):
        return False
    return len({f.subject for f in run}) == 1 or bool(
        _GROWTH_WORD_BEFORE_RUN.fullmatch(text, bound, run[0].start))


def _opens_paired_run(facts: list[Fact], k: int, text: str) -> bool:
    """Whether a growth opens a run paired one to one with as many amounts of their own
    subjects before it ("stood at 5,012.38, 1,598.22 and 1,904.71 billion yuan respectively,
    rising 2.0 percent, 4.1 percent and 3.5 percent"): no growth of the last amount alone."""
    run = _figure_run(facts, k, text)
    if run < 2 or k < run:
        return False
    before = facts[k - run:k]
    return (all(f.unit not in _RATES and f.subject for f in before)
            and len({f.subject for f in before}) == run
            and not _SENTENCE_END_EN.search(text, before[0].end, facts[k].start))


#: the words between amounts and the growths that go with them
_GROWTH_WORD_BEFORE_RUN = re.compile(
    r"[^.;\d]{0,40}?,?\s*(?:rising|growing|up|increasing|climbing|gaining|expanding|"
    r"(?:year-on-year\s+)?(?:growth|increases?|expansions?|gains?)\s+of)\s+(?:by\s+)?",
    re.IGNORECASE)


def _amounts_before(facts: list[Fact], i: int, run: int, text: str, lang: str = "en"
                    ) -> list[str]:
    """The subjects of as many amounts as the run's rates, just before them in the
    sentence: "completions were 37.6 million tons and new orders 71.4 million tons,
    taking 69.2% and 72.5% of the world market respectively"; [] otherwise."""
    if facts[i].unit not in _RATES or i < run:
        return []
    before = facts[i - run:i]
    ends = SENTENCE_END_ZH if lang == "zh" else _SENTENCE_END_EN
    if any(f.unit in _RATES or not f.subject for f in before) or ends.search(
            text, before[0].end, facts[i].start):
        return []
    return [f.subject for f in before]


def _respectively_run(facts: list[Fact], i: int, text: str) -> int:
    """How many figures from ``facts[i]`` on form a list closed by "respectively"."""
    j = i + _figure_run(facts, i, text)
    after = text[facts[j - 1].end:facts[j - 1].end + 40]
    if j - i < 2 or not _RESPECTIVELY_EN.search(after.split(".")[0]):
        return 1
    return j - i


#: between the figures of a run: commas, "and", and each figure's own direction ("down
#: 1.2%, up 6.3% and up 2.4% respectively")
_BETWEEN_FIGURES_EN = re.compile(r"[\s,]*(?:and\s+)?(?:(?:up|down)\s+(?:by\s+)?)?", re.IGNORECASE)


def _figure_run(facts: list[Fact], i: int, text: str) -> int:
    """How many figures from ``facts[i]`` on, of one unit, stand in a row ("43.5%, 62.9%
    and 50.8%")."""
    first = facts[i]
    j = i + 1
    while (j < len(facts) and facts[j].unit == first.unit
           and _BETWEEN_FIGURES_EN.fullmatch(text, facts[j - 1].end, facts[j].start)
           # "5.86 million, 710,000 more than a year earlier": a change of the figure before
           and facts[j].measure != "change"):
        j += 1
    return j - i


#: a member that stands for the head of the figure before: "while that of private enterprises"
_THAT_OF_MEMBER_EN = re.compile(
    r"^(?:(?:while|whereas|and)\s+)?(?:that|those)\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)


def _members_en(run: list[Fact], text: str, bound: int, strict: bool = False,
                previous_subject: str = "") -> list[str]:
    """The subjects of a "respectively" list's figures, or [] when its members cannot be
    counted out in the words since the figure before (``bound``). ``strict`` (a list
    without "respectively"): only when the members are exactly as many as the figures."""
    start = max(bound, _sentence_start_en(text, run[0].start))
    # "Foreign-funded enterprises, a category that includes investors from Hong Kong, Macao
    # and Taiwan, and private companies booked ...": the aside is no member
    left = _LEAD_EN.sub("", subjects.without_asides_en(text[start:run[0].start]).strip())
    verb = _VERB_BEFORE_EN.search(left)
    phrase = left[:verb.start()] if verb else left
    members = _split_members(phrase.strip(), _MEMBER_SPLIT_EN, subjects.names_in_lists_en())
    if _REPEATED_OF_EN.search(phrase) and _HEAD_EN.match(phrase.strip()):
        # "Profits of joint-stock enterprises, of enterprises funded by foreign investors
        # and investors from Hong Kong, ..., and of private enterprises": each "of" opens a
        # member, whose name may hold commas and "and"
        first, *rest = _REPEATED_OF_EN.split(phrase.strip())
        members = [first] + [_FOREIGN_AND_HKMT_EN.sub("foreign-funded enterprises",
                                                      m.removeprefix("of").strip())
                             for m in rest]
    if len(members) > len(run) and _OTHER_EN.match(members[-1]):
        members.pop()  # "new energy vehicles, solar cells and other emerging products"
    if len(members) < len(run) or any(_NOT_A_THING_EN.search(m) for m in members[-len(run):]):
        return []
    if strict and (len(members) != len(run) or not verb):
        return []
    members = members[-len(run):]
    those = [_THAT_OF_MEMBER_EN.match(m) for m in members]
    if previous_subject and all(those):
        # "the value added of A rose 4.9%, while that of B and that of C grew 3.8% and
        # 5.0% respectively": the members take the head of the figure before
        head = _head_en(previous_subject)[0]
        if head:  # whole: the ownership group's name alone is 10 words
            return [" ".join(f"{subjects.tidy_subject(head)} {m.group(1)}".split())
                    for m in those if m is not None]
    head, members[0] = _head_en(_WITH_THE_EN.sub("", members[0]))
    members = _shared_noun_en(members)
    tail = ""
    if not head:  # "production and sales of new energy vehicles": the head comes last
        shared = _SHARED_TAIL_EN.match(members[-1])
        tail = f" {shared.group(2)}" if shared else ""
        members = [m if m.endswith(tail) else m + tail for m in members]
    saw = _SAW_WHAT_MEMBERS_EN.match(left, verb.start()) if verb and not head else None
    if saw:  # "coal miners and oil and gas producers saw profits fall 21.5% and 6.2%"
        head = f"{saw.group(1).lower()} of"
        first = _LEADING_PERIOD_EN.sub("", members[0])  # "in April state-holding ..."
        # the sentence's capital goes: "profits of coal miners"
        members[0] = first[:1].lower() + first[1:] if first[1:2].islower() else first
    # a member's own name may be long ("enterprises funded by foreign, Hong Kong, ...")
    return [subjects.tidy_subject(f"{head} {m}".strip(), max_words=18) for m in members]


#: where a list's repeated "of" opens its next member: ", of", ", and of", " and of"
#: the bureau's ownership group in words whose "and" is no list's
_FOREIGN_AND_HKMT_EN = re.compile(
    r"(?:enterprises|firms|companies)\s+(?:funded|invested|owned)\s+by\s+foreign\s+investors\s+"
    r"and\s+(?:investors\s+)?from\s+hong\s+kong,\s+maca[ou],?\s+and\s+taiwan", re.IGNORECASE)
_REPEATED_OF_EN = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)(?=of\s)")
#: "... saw profits fall": the members' figures are of the noun they saw move
_SAW_WHAT_MEMBERS_EN = re.compile(
    r"\s+saw\s+(?:their\s+)?(profits?|output|revenue|value\s+added|sales|exports|investment)\b",
    re.IGNORECASE)


#: "with the primary, secondary and tertiary industries adding ...": no part of the name
_WITH_THE_EN = re.compile(r"^(?:with|while|and)\s+(?:the\s+)?", re.IGNORECASE)


def _shared_noun_en(members: list[str]) -> list[str]:
    """"the primary, secondary and tertiary industries": each member the noun's."""
    last = members[-1].strip().split()
    if len(last) != 2 or not last[1].endswith(("industries", "sectors")) or any(
            len(m.split()) != 1 for m in members[:-1]):
        return members
    noun = last[1][:-3] + "y" if last[1].endswith("ies") else last[1][:-1]
    return [f"{m.strip()} {noun}" for m in members[:-1]] + [f"{last[0]} {noun}"]


#: a last member that only says "and the rest": "... solar cells and other emerging products"
_OTHER_EN = re.compile(r"(?:the\s+)?other\b", re.IGNORECASE)
#: marks a name kept whole while a list is split
_KEEP = "\x00"


def _split_members(phrase: str, split: re.Pattern[str], names: re.Pattern[str] | None) -> list[str]:
    """The members of a list phrase, split at its separators but not inside a name that
    holds them ("electricity, heat, gas and water production and supply" is one member)."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group())
        return f"{_KEEP}{len(kept) - 1}{_KEEP}"

    if names is not None:
        phrase = names.sub(keep, phrase)
    members = [m for m in split.split(phrase) if m]
    return [re.sub(f"{_KEEP}(\\d+){_KEEP}", lambda m: kept[int(m.group(1))], member)
            for member in members]


#: words of a growth or a connective: no member of a list ("a year-on-year increase of")
_NOT_A_THING_EN = re.compile(
    r"\b(?:respectively|increase|decrease|year-on-year|growth|up|down|growing|rising|falling|"
    r"increasing|decreasing)\b|^\s*(?:units|sets|pieces|tonnes|tons)\s*$", re.IGNORECASE)
#: "sales of new energy vehicles": a last member whose "of ..." the others share
_SHARED_TAIL_EN = re.compile(r"^([a-z][\w-]*(?:\s[a-z][\w-]*)?)\s+(of\s+.+)$", re.IGNORECASE)


def _head_en(member: str) -> tuple[str, str]:
    """("output of", "crude steel") from "the output of crude steel"."""
    match = _HEAD_EN.match(member.strip())
    return (match.group(1), match.group(2)) if match else ("", member)


def _that_of_en(facts: list[Fact], text: str, listed: set[int],
                changed: set[int] | None = None) -> list[Fact]:
    """The facts with the members of "that of X by Y" and elliptical lists named. With
    ``changed`` (the facts whose subjects changed since a first pass), only the figures
    of sentences where one of them stands before are read again: a member takes its head
    from its own sentence, so the others read as they did."""
    out = list(facts)
    latest = -1  # the last changed fact up to k
    for k in range(1, len(out)):
        fact = out[k]
        if changed is not None:
            latest = max([latest] + [j for j in (k - 1, k) if j in changed])
        if k in listed or fact.measure in ("streak", "rank"):
            continue
        full_stop = max(text.rfind(". ", 0, fact.start), text.rfind("\n", 0, fact.start)) + 1
        if changed is not None and (latest < 0 or out[latest].start < full_stop):
            continue
        between = text[max(out[k - 1].end, full_stop):fact.start]
        that_of = _THAT_OF_EN.search(between) or _possessor_alone(between)
        member = that_of.group(1).strip(" ,") if that_of else _elliptical(between)
        same_period = member is None and (
            _ELLIPTICAL_PERIOD_EN.match(between)
            # "adding 8.3 percent in the nine months and 9.0 percent in September alone"
            or (_PERIODS_PAIRED_EN.match(between) and _PERIOD_AFTER_FIGURE_EN.match(text,
                                                                                  fact.end)))
        first = _same_unit_before(out, k, text) if member or same_period else None
        if first is None:
            continue
        if member and not that_of and _names_itself(member):
            subject = member  # "the production index came in at 51.4 percent and the new
            # orders index at 50.7 percent", "..., gigabit broadband users 236 million":
            # the member is a whole name
        else:
            subject = (first.subject if member is None
                       else _member_subject(first.subject, member))
        if not subject:
            continue
        changed_fact = replace(fact, subject=subject)
        if not _DIRECTION_EN.search(between):
            # "fell 2.3%, and that of utilities by 1.3%": the first figure's measure and sign
            value = abs(fact.value) if first.value >= 0 else -abs(fact.value)
            changed_fact = replace(changed_fact, measure=first.measure, value=value)
        out[k] = changed_fact
        if changed is not None:
            changed.add(k)
    return out


#: a period phrase as releases write one after a figure or before an elliptical one:
#: "in November", "in the first 11 months", "in the first quarter of 2025", "in 2024"
_PERIOD_EN = (
    r"(?:in|during|for)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|past)\s+)?"
    r"(?:(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|quarters?|half|months?|period|year|\d{4})(?:\s+of\s+(?:the\s+year|\d{4}))?"
    r"|from\s+january\s+to\s+[a-z]+")
#: "in April " before a list's first member
_LEADING_PERIOD_EN = re.compile(r"^(?i:" + _PERIOD_EN + r")\s*,?\s*")
#: what may follow the first figure before the member: "year on year", "in November"
_TAIL_EN = (r"(?:\s+(?i:(?:year[- ]on[- ]year|from\s+a\s+year\s+(?:earlier|ago))"
            r"(?:\s+" + _PERIOD_EN + r")?|" + _PERIOD_EN + r"))?")
#: ", steel products " between two figures: a member named without its head or verb,
#: also after the first figure's period ("fell 7.9% in November, steel products 3.1%")
_ELLIPSIS_EN = re.compile(
    # "17.42 million units and sales 17.58 million": the counted noun of the first figure
    r"^(?:\s+(?:units|vehicles|sets|pieces|tonnes|tons))?" + _TAIL_EN
    # "... amounted to 18.20 million and NEV sales to 18.41 million": the verb left out
    # "..., and 5G mobile phone users 1.02 billion": a member may open with a digit
    + r"\s*(?:[,;]\s*(?:and\s+)?|and\s+)(?:the\s+)?((?:\d[a-z]\s+)?[a-z][a-z' -]{1,60}?)\s*"
    r"(?:(?:by|at|to)\s+)?$")
#: ", and in the first 11 months " between two figures: the same subject at another period
_ELLIPTICAL_PERIOD_EN = re.compile(
    "^" + _TAIL_EN + r"\s*(?:[,;]\s*(?:and\s+)?|and\s+)(?i:" + _PERIOD_EN + r")\s*,?\s*(?:by\s+)?$")
#: " in the nine months and " between two figures, each with its own period after it
_PERIODS_PAIRED_EN = re.compile(r"^\s+(?:(?i:" + _PERIOD_EN + r")|over\s+the\s+\w+\s+months)"
                                r"\s*,?\s+and\s+(?:by\s+)?$")  # "... 11 months, and by 9.2 percent"
_PERIOD_AFTER_FIGURE_EN = re.compile(r"\s+(?i:" + _PERIOD_EN + r")\b")
#: words an elliptical member never has: it would be a period or a comparison
_NOT_MEMBER_EN = frozenset({"year", "on", "in", "month", "quarter", "compared", "than",
                            "while", "respectively", "which", "percent", "points", "up", "down",
                            "of", "and", "the", "a", "an", "is", "was", "including",
                            "excluding", "among", "whom", "its", "their", "to", "share"})


def _comma_inside_member(between: str) -> bool:
    """Whether a comma stands after the separator that opens the member: a name that holds
    commas may be inside."""
    opening = min((i for i in (between.find(","), between.find(";"), between.find(" and "))
                   if i >= 0), default=-1)
    return opening >= 0 and "," in between[opening + 1:]


_COMMA_AT_END = re.compile(r"(?<=[a-z]),\s*$")


def _elliptical(between: str) -> str | None:
    """The member an elliptical figure names ("..., steel products 3.1%"), or None. Names
    that hold commas ("the manufacture of computers, communication and other electronic
    equipment") are read whole, and "of" may join the words of a member."""
    # "foreign-funded firms (including those from Hong Kong, Macao and Taiwan) 2.8%"
    between = _PARENTHESIS.sub("", between) if "(" in between else between
    # "...; electrical machinery and apparatus, 9.1 percent": a comma between member and figure
    between = _COMMA_AT_END.sub(" ", between)
    if not between.rstrip()[-1:].isalpha():
        return None  # a member ends in a word ("..., steel products 3.1%")
    kept: list[str] = []
    # matched in lower case (the pattern's letters are), the member taken as written
    match = _ELLIPSIS_EN.match(lowered(between))
    names = (subjects.names_with_commas_en()
             if match is None and "," in between and _comma_inside_member(between) else None)
    if names is not None:  # a member whose name holds commas does not match as it is
        def keep(found: re.Match[str]) -> str:
            kept.append(found.group())
            return f"name{'x' * len(kept)}"
        between = names.sub(keep, between)
        match = _ELLIPSIS_EN.match(lowered(between))
    if not match:
        return None
    written = between[match.start(1):match.end(1)]
    words = match.group(1).split()
    allowed = {"of", "and"} if _names_industry(written) else {"of"}
    if " of the " in f" {match.group(1)} ":
        allowed.add("the")  # "the value added of the secondary industry"
    if words[:2] == ["investment", "in"]:
        allowed.add("in")  # "..., and investment in high-tech manufacturing 18.7 percent"
    if words[:1] == ["of"] or _NOT_MEMBER_EN.intersection(w for w in words if w not in allowed):
        return None
    member = written.strip(" ,")
    if subjects.states_a_verb_en(member):
        return None  # "ports capable of gigabit service came to": a clause, not a member
    for i in range(len(kept), 0, -1):  # the longest placeholder first
        member = member.replace(f"name{'x' * i}", kept[i - 1])
    return member


#: a member that is a whole name of what is measured, not a part of the first's subject
_WHOLE_NAME_EN = re.compile(
    r"\b(?:index|indices|pmi|users|subscribers|(?:base\s+)?stations|ports)\b", re.IGNORECASE)


def _names_itself(member: str) -> bool:
    return bool(_WHOLE_NAME_EN.search(member))


#: words that give a figure its own direction
_DIRECTION_EN = re.compile(
    r"\b(?:up|down|grew|grow|rose|rise|fell|fall|increase[sd]?|decrease[sd]?|declined?|"
    r"dropped|higher|lower|more|less|gain(?:ed|s)?|climb(?:ed|s)?|jump(?:ed|s)?|slid|slipped|"
    r"shrank|expanded|surged|slump(?:ed|s)?|tumbled?|plunged?|plummeted|sank|dipped|"
    r"edged\s+(?:up|down)|"
    # "eased to 50.4, shedding 0.9 point": a change of the figure before, no member
    r"shed(?:s|ding)?|los(?:t|e|es|ing)|gain(?:ing)?|add(?:ed|ing|s)?|eas(?:ed|es|ing)|"
    r"falling|rising|dropping|slipping|climbing|declining|increasing|decreasing|off)\b",
    re.IGNORECASE)


#: "state-holding enterprises made profits of": a member, then what it states
_MEMBER_VERB_EN = re.compile(
    r"^(.+?)\s+((?:made|posted|achieved|realized|realised|recorded|earned|reported|saw)\b.*)$",
    re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _names_industry(phrase: str) -> bool:
    """Whether a phrase names an industry of the catalogue ("the manufacture of electrical
    machinery and apparatus"): its "and" is the name's, no list's."""
    from indmon.extract.mapping import industry_code  # the mapper's reading of industries

    return industry_code(phrase, Catalogue.load()) != "ALL"


def _both_industries(first: str, member: str) -> bool:
    return _names_industry(first) and _names_industry(member)


def _possessor_alone(between: str) -> re.Match[str] | None:
    """A possessor named alone before its verb (" while miners' slid "); its member is
    read as "that of" one."""
    if "'" not in between and "’" not in between:
        return None
    found = _POSSESSOR_ALONE_EN.match(between)
    if found is None:
        return None
    # "miners' " keeps its plural, "the state sector's " drops its "'s"
    plural = between[found.end(1):found.end(1) + 2][:1] == "s"
    return _THAT_OF_EN.search(f"that of {found.group(1)}{'s' if plural else ''}")


#: an elliptical member that is only a quantity: "and profit of"
_BARE_HEAD_MEMBER_EN = re.compile(
    r"(?P<head>(?:(?:total|net|operating)\s+)?(?:profits?|revenue|income|output|sales|exports))"
    r"\s+of", re.IGNORECASE)


#: an elliptical member that is only the verb of another flow of the same things
_VERB_HEADS_EN = {"sold": "sales", "exported": "exports", "delivered": "sales",
                  "shipped": "sales", "produced": "output", "made": "output"}


def _member_subject(first: str, member: str) -> str | None:
    """The subject of a member named after the list's first figure: under the first's
    head ("value added of" + member), with the first's possessor replaced
    ("manufacturers' profits" -> "profits of" + member), or with the first's member
    replaced ("private enterprises" + "made profits of"); None when none reads."""
    head, owner = _head_en(first)
    bare = _BARE_HEAD_MEMBER_EN.fullmatch(member.strip())
    if head and bare:
        # "generated revenue of 4.12 trillion yuan, up 6.3%, and profit of 168.5 billion
        # yuan": the member is another quantity of the same owner
        return f"{bare.group('head')} of {owner}"
    flow = _VERB_HEADS_EN.get(member.strip().lower())
    if head and flow:  # "produced 29.87 million vehicles and sold 30.05 million": their sales
        return f"{flow} of {owner}"
    if head and not any(h in head for h in _HEADS) and _both_industries(first, member):
        return member  # "the manufacture of automobiles climbed 10.7% and computer ...
        # equipment manufacturing 12.1%": the member names its industry in full
    if head:
        return f"{head} {member}"
    verb = _MEMBER_VERB_EN.match(first)
    if verb:
        return f"{member} {verb.group(2)}"
    possessive = _POSSESSIVE_EN.match(first)
    if possessive and not subjects.names_a_province_en(member):
        return f"{possessive.group(2)} of {member}"
    # "mining rose 3.2%, manufacturing 6.0%", "the primary industry grew 3.1%, the
    # secondary industry 5.6%": a first subject without a head is a name like the member
    if " of " in f" {first} " or subjects.names_a_province_en(member):
        return None  # "Jiangsu's value added grew 7.5%, Guangdong 4.9%": a region
    if _INDEX_EN.search(first) and not _INDEX_EN.search(member):
        return f"{member} index"  # "the production sub-index was 50.9 and new orders 49.4"
    return member


def _same_unit_before(facts: list[Fact], k: int, text: str) -> Fact | None:
    """The nearest figure before ``facts[k]`` in its sentence (to a full stop) in the
    same unit, else for an amount the nearest amount: the figure a "that of" or
    elliptical member repeats the head of."""
    cut = max(text.rfind(". ", 0, facts[k].start), text.rfind("\n", 0, facts[k].start))
    amount = None
    for before in reversed(facts[:k]):
        if before.start <= cut:
            break
        if before.unit == facts[k].unit:
            return before
        if amount is None and before.unit not in _RATES:
            amount = before
    # "output of crude steel was 86.2 million tons, ...; electricity generation 712.5
    # billion kWh": a member of a list of products in their own units
    return None if facts[k].unit in _RATES else amount


_RATES = frozenset({"percent", "percentage_point"})


# ---------------------------------------------------------------- Chinese
def _distribute_zh(facts: list[Fact], text: str) -> list[Fact]:
    out = list(facts)
    i = 0
    previous: list[Fact] = []
    while i < len(out):
        run = _respectively_run_zh(out, i, text)
        if run > 1:
            members = _members_zh(out[i:i + run], text)
            if members == out[i:i + run] and _same_sentence_run_zh(previous, members, text):
                # "产销分别完成674万辆和661万辆，同比分别增长36.2%和35.0%": the second run
                # names no members; they are the first run's, in its order
                members = [replace(f, subject=p.subject) for f, p in
                           zip(members, previous, strict=True)]
            elif members == out[i:i + run] and (
                    amounts := _amounts_before(out, i, run, text, "zh")):
                # "造船完工量3760万载重吨，新接订单量7140万载重吨，国际市场份额分别为69.2%和
                # 72.5%": the shares of the amounts before, in their order
                members = [replace(f, subject=a) for f, a in zip(members, amounts, strict=True)]
            out[i:i + run] = members
            previous = members
            i += run
            continue
        i += 1
    return _inherit_owner_zh(_inherit_head_zh(out, text), text)


def _same_sentence_run_zh(previous: list[Fact], run: list[Fact], text: str) -> bool:
    """Whether a run of figures follows an earlier run of as many in the same sentence,
    with no subject of its own between them."""
    if len(previous) != len(run) or SENTENCE_END_ZH.search(text, previous[-1].end, run[0].start):
        return False
    between = text[previous[-1].end:run[0].start]
    return not subjects.first_term_zh(between.replace("分别", ""))


def _respectively_run_zh(facts: list[Fact], i: int, text: str) -> int:
    first = facts[i]
    before = text[max(0, first.start - 12):first.start]
    if _RESPECTIVELY_ZH not in before and not _BOTH_DONE_ZH.search(before):
        return 1
    j = i + 1
    while (j < len(facts) and _same_kind_of_figure(facts[j], first)
           and _BETWEEN_MEMBERS_ZH.fullmatch(text, facts[j - 1].end, facts[j].start)):
        j += 1
    return j - i


def _same_kind_of_figure(fact: Fact, first: Fact) -> bool:
    """Whether a figure goes on a list its first opens: of one unit, or amounts of any
    ("粗钢、水泥、发电量……产量分别为8630万吨、17260万吨、7689亿千瓦时、261万辆……": tonnes,
    kilowatt-hours and units in one list)."""
    return fact.unit == first.unit or (fact.unit not in _RATES and first.unit not in _RATES)


def _clause_start_zh(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in "，。；：,;\n") + 1


#: production and sales stated together without 分别: "汽车产销累计完成2987万辆和3005万辆"
_BOTH_DONE_ZH = re.compile(r"产销(?:量)?(?:累计)?(?:完成|达到|为|达)$")


def _members_zh(run: list[Fact], text: str) -> list[Fact]:
    start = _clause_start_zh(text, run[0].start)
    respectively = text.rfind(_RESPECTIVELY_ZH, start, run[0].start)
    phrase = text[start:respectively if respectively >= 0 else run[0].start]
    names = subjects.names_with_commas_zh()
    members = _split_members(phrase, _MEMBER_SPLIT_ZH, names)
    if len(members) != len(run):
        members = _members_at_commas_zh(phrase, len(run))
    if len(members) != len(run) and text[start - 1:start] in ("，", ",") and (
            _BOTH_ZH not in phrase):
        # "采矿业，电力、热力、燃气及水生产和供应业分别下降": members set apart by commas
        # when one of them is a name that holds 、, the clause before a bare member
        before = _clause_start_zh(text, start - 1)
        if not any(c.isdigit() for c in text[before:start]):
            widened = text[before:start] + phrase
            split = _split_members(widened, _MEMBER_SPLIT_COMMA_ZH, names)
            members = split if len(split) == len(run) else members
    at_commas = []
    if len(members) != len(run) and text[start - 1:start] in ("，", ",") and (
            _BOTH_ZH not in phrase):
        at_commas = _members_at_clause_commas_zh(text, start, phrase, len(run))
        members = at_commas or members
    if len(members) > 1 and all(len(m) == 1 for m in members[:-1]) and len(members[-1]) > 1:
        # "大、中、小型企业PMI": the first members share the last one's words after its first
        members = [m + members[-1][1:] for m in members[:-1]] + members[-1:]
    tail = None
    if len(members) == 1 and len(run) == 2 and _BOTH_ZH in phrase:
        # "新能源汽车产销分别完成...": production and sales, in that order, each whole
        both = re.sub(f"{_BOTH_ZH}量?", _BOTH_ZH, phrase)
        members, tail = [both.replace(_BOTH_ZH, "产量"), both.replace(_BOTH_ZH, "销量")], ""
    if len(members) != len(run):
        return run
    if tail is None:
        tail = _tail_zh(members[-1])
        members = [_with_shared_suffix_zh(m, members[-1]) for m in members[:-1]] + members[-1:]
    return [replace(f, subject=(_unknown_part_zh(m) if at_commas else "") + (subjects.subject_zh(
        m + tail if not m.endswith(tail) else m, m + tail, "", False) or f.subject))
            for f, m in zip(run, members, strict=True)]


def _unknown_part_zh(member: str) -> str:
    """``SUB_SECTOR`` and a space when a member opens with words the glossary does not know
    ("航空、航天器及设备制造业", "电子及通信设备制造业": parts of high-tech manufacturing):
    read without them it would be the whole it belongs to ("manufacturing investment")."""
    at = subjects.first_term_start_zh(member)
    unknown = member[:at] if at > 0 else ""
    if sum(1 for c in unknown if "\u4e00" <= c <= "\u9fff") < 2 or unknown in _SCOPES_ZH:
        return ""
    return f"{SUB_SECTOR} "


#: words before a member's first term that only scope it
_SCOPES_ZH = frozenset({"全国", "全省", "全市", "全区", "规模以上", "其中", "全部", "我国",
                        "全国规模以上"})


_INDEX_EN = re.compile(r"\b(?:index|sub-index|pmi)\b", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]{0,80}\)")


def _members_at_clause_commas_zh(text: str, start: int, phrase: str, count: int) -> list[str]:
    """"其中，航空、航天器及设备制造业，计算机及办公设备制造业，电子及通信设备制造业投资分别增长":
    members that each hold 、 or 及, set apart by commas: as many clauses back as there are
    figures, none of them stating a figure or opening the list (其中)."""
    members = [phrase]
    while len(members) < count:
        before = _clause_start_zh(text, start - 1)
        clause = text[before:start - 1]
        if not clause or any(c.isdigit() for c in clause) or clause in _LIST_OPENERS_ZH or (
                text[start - 1:start] not in ("，", ",")):
            return []
        members.insert(0, clause)
        start = before
    return members


_LIST_OPENERS_ZH = frozenset({"其中", "分行业看", "分门类看", "从行业看", "具体来看"})


def _members_at_commas_zh(phrase: str, count: int) -> list[str]:
    """Members split at 、 only, and the last at its last 和/及/与 when one is missing:
    names hold 和 and 及 ("电力热力燃气及水生产和供应业", "外商及港澳台投资企业"), so a list
    whose split at every joining word gives too many members is read this way."""
    members = [m for m in phrase.split("、") if m]
    if len(members) == count - 1:
        last = members[-1]
        cut = max(last.rfind(c) for c in "和及与")
        if cut > 0:
            members[-1:] = [last[:cut], last[cut + 1:]]
    return members


def _with_shared_suffix_zh(member: str, last: str) -> str:
    """A member that is no term alone, completed by the end of the last member's term:
    "通用设备、专用设备制造业" → 通用设备制造业 (the list shares 制造业)."""
    if subjects.first_term_zh(member):
        return member
    term = last[:subjects.first_term_zh(last)]
    for k in range(1, len(term)):
        candidate = member + term[k:]
        if subjects.is_term_zh(candidate):
            return candidate
    return member


def _tail_zh(last: str) -> str:
    """What follows the member's own term in the list's last member: "增加值" of
    "私营企业增加值"."""
    match = subjects.first_term_zh(last)
    return last[match:] if match else ""


#: subjects that are a scope or a comparison ("高于全国"), never a member of a list
_NO_MEMBERS = frozenset({"national", "world", "industrial", "enterprises"})


def _inherit_head_zh(facts: list[Fact], text: str) -> list[Fact]:
    """A clause naming only a member ("制造业增长5.0%", "水泥1.90亿吨，下降4.4%") takes the
    head of the nearest figure of its kind before it in the sentence: a growth a growth's,
    an amount an amount's ("粗钢产量8620万吨；水泥1.90亿吨" is the output of cement)."""
    out = list(facts)
    for k in range(1, len(out)):
        fact = out[k]
        if not fact.subject or fact.subject in _NO_MEMBERS or fact.subject in _BARE_HEADS or any(
                h in _without_utilities(fact.subject) for h in _HEADS):
            continue
        before = _same_kind_before_zh(out, k, text)
        head = next((h for h in _HEADS if h in _without_utilities(before.subject)),
                    None) if before else None
        if head:
            measure = "level" if fact.measure == "count" and head in _FLOW_HEADS else fact.measure
            out[k] = replace(fact, subject=f"{head} of {fact.subject}", measure=measure)
    return out


#: what a clause states with no owner of its own: "实现利润总额5584亿元" after "规模以上电子
#: 信息制造业实现营业收入13.27万亿元，……；"
_BARE_HEADS = ("operating revenue", "total profits", "profits", "operating costs",
               "export delivery value")


#: a product's quantities, which a bare head takes the owner of too ("新能源汽车当月产量186万辆、
#: 销量189万辆": the NEVs' sales)
_PRODUCT_HEADS = ("output", "sales", "exports")


def _head_alone_zh(text: str, pos: int) -> bool:
    clause = text[max(_clause_start_zh(text, pos), text.rfind("、", 0, pos) + 1):pos].strip()
    return clause.startswith(_PRODUCT_WORDS_ZH)


_PRODUCT_WORDS_ZH = ("产量", "销量", "出口", "生产", "销售", "当月产量", "当月销量")


def _inherit_owner_zh(facts: list[Fact], text: str) -> list[Fact]:
    """A figure whose subject is a bare head ("total profits") takes the owner of the
    sentence's first figure of another head ("规模以上电子信息制造业实现营业收入……；实现利润
    总额……"), else the name a paragraph opens with as a sentence of its own ("通信设备制造业。
    1—10月份，实现营业收入41200亿元")."""
    out = list(facts)
    given: dict[str, tuple[str, int]] = {}  # a head's owner, given at an amount, and where
    for k, fact in enumerate(out):
        if fact.subject in _PRODUCT_HEADS:
            # only a head standing alone in its clause ("、销量189万辆"), not one after a
            # name the glossary lacks ("平板玻璃产量7.45亿重量箱"); a growth of it in the
            # same sentence ("分别增长24.8%和23.5%") takes the owner its amount was given
            owner = ""
            if fact.unit != "percent" and _head_alone_zh(text, fact.start):
                owner = _owner_before_zh(out, k, text, _PRODUCT_HEADS)
                given[fact.subject] = (owner, fact.end)
            elif fact.subject in given and not SENTENCE_END_ZH.search(
                    text, given[fact.subject][1], fact.start):
                owner = given[fact.subject][0]
            if owner:
                out[k] = replace(fact, subject=f"{owner} {fact.subject}")
            continue
        if fact.subject not in _BARE_HEADS:
            continue
        owner = _industry_opening_a_clause_before_zh(out, k, text) or _owner_before_zh(
            out, k, text)
        if owner:
            out[k] = replace(fact, subject=f"{owner} {fact.subject}")
            continue
        heading = _paragraph_heading_zh(text, fact.start)
        if heading:
            out[k] = replace(fact, subject=f"{fact.subject} of {heading}")
    return out


def _industry_opening_a_clause_before_zh(facts: list[Fact], k: int, text: str) -> str:
    """"汽车制造业利润增长4.2%，电气机械和器材制造业受光伏设备价格走低影响，利润下降3.6%": an
    industry that opens a clause with no figure, between the figure before and this one,
    owns the bare head (in English, as the glossary has it), else ''."""
    start = facts[k - 1].end if k else max(0, facts[k].start - 80)
    # within the figure's sentence, before its own clause
    between = SENTENCE_END_ZH.split(text[start:_clause_start_zh(text, facts[k].start)])[-1]
    for clause in reversed(re.split(r"[，,；;：:]", between)):
        clause = clause.strip()
        end = subjects.first_term_zh(clause)
        if end and clause[:end].endswith("业") and subjects.is_term_zh(clause[:end]):
            return subjects.terms_zh(clause[:end])
    return ""


def _owner_before_zh(facts: list[Fact], k: int, text: str,
                     heads: tuple[str, ...] = (*_BARE_HEADS, "value added")) -> str:
    for before in reversed(facts[:k]):
        if SENTENCE_END_ZH.search(text, before.end, facts[k].start):
            return ""
        for head in heads:
            owner = before.subject.removesuffix(head).strip()
            if owner != before.subject.strip() and owner and owner not in _NO_MEMBERS:
                return owner
    return ""


def _paragraph_heading_zh(text: str, pos: int) -> str:
    """The name a paragraph opens with as a sentence of its own, in English ("通信设备制造业。"
    -> "communication equipment manufacturing"), or ""."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("。", start, pos)
    name = text[start:end].strip(" 　") if end > 0 else ""
    if not name or len(name) > 30 or any(c.isdigit() for c in name):
        return ""
    from indmon.catalogue import Catalogue
    from indmon.extract.mapping import industry_code

    english = subjects.subject_zh(name, name, "", False) or ""
    if english and industry_code(english, Catalogue.load())[:1].isdigit():
        return english
    # a part of a division the catalogue has no code for ("通信设备制造业"): named so that
    # no cell takes it, never manufacturing's for the word 制造业
    return f"{SUB_SECTOR} " + name.replace("制造业", "").replace("制造", "")


def _without_utilities(subject: str) -> str:
    """A subject without the "production and supply" of a utility's name (电力、热力生产和
    供应业): no head of what its figure measures."""
    return subject.replace("production and supply", "")


#: heads of flows: an amount of them is a level, not a count at a date
_FLOW_HEADS = frozenset({"output", "sales", "production"})


def _same_kind_before_zh(facts: list[Fact], k: int, text: str) -> Fact | None:
    fact = facts[k]
    rate = fact.unit in _RATES
    for before in reversed(facts[:k]):
        if SENTENCE_END_ZH.search(text, before.end, fact.start):
            return None
        if rate and before.measure == fact.measure and before.unit == fact.unit:
            return before
        if not rate and before.unit not in _RATES and (
                before.measure == fact.measure or {before.measure, fact.measure} <= _AMOUNTS):
            return before
    return None


_AMOUNTS = frozenset({"level", "count"})


__all__ = ["distribute"]
