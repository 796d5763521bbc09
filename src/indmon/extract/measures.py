"""What a figure measures, read from the words around it (English and Chinese).

The genre is regular: growth is stated right after a verb of change ("increased by",
"同比增长"), a share after "accounting for" or "占...比重", a contribution in percentage
points after "contributed"/"拉动", a comparison in percentage points after or before
"higher than"/"比...提高". The cue nearest to the number decides.

The English functions take lower-case text (slices of ``Context.lower``): their patterns
are compiled for it (``indmon.extract.fastre``), which runs several times faster than
ignoring case.
"""

from __future__ import annotations

import functools
import re

from indmon.extract.fastre import compile_lower, lowered, word_start

_HEDGE_EN = r"(?:\s+(?:about|around|nearly|almost|over|more\s+than|less\s+than|approximately|some|roughly|up\s+to|close\s+to|a\s+total\s+of|an?\s+estimated|only|just|a\s+mere))*"  # noqa: E501
_FIGURE_IN_LIST = r"\s*(?:%|percent|per\s*cent)?\s*(?:(?:,\s*and|,|and|to|or)\s+|-|~)"
#: a list of earlier figures in the same construction: "by 15.3%, 7.5% and "; that is
#: ``(?:[\d.,]+X)+$`` with its first character taken out, so that the engine skips to digits
_LIST_TAIL = re.compile(rf"[\d.,][\d.,]*{_FIGURE_IN_LIST}(?:[\d.,]+{_FIGURE_IN_LIST})*$")

# The cues below that end in ``$`` are only ever asked whether they match. So each of
# their alternatives starts with a letter (an optional "a"/"an" or "year-on-year" before
# "increase of" is left out: where the longer words match, the shorter do too), which lets
# the engine skip to those letters instead of trying every position of the text.
_GROWTH_EN = compile_lower(
    r"(?:increas\w*|grow(?:s|n|ing)?|grew|rose|risen|ris(?:e|es|ing)|"
    r"up(?<!made\sup)(?<!make\sup)(?<!makes\sup)(?<!making\sup)|expand\w*|climb\w*|"
    r"jump\w*|surg\w*|soar\w*|gain\w*|advanc\w*|accelerat\w*(?:\s+to)?|added|adding|"
    r"quicken\w*(?:\s+to)?|(?:sped|speeding|picked|picking)\s+up(?:\s+to)?|"
    # "the utilities managed 4.1 percent", "crept 2.8 percent higher"
    r"managed|crept|nudged|inched|notched|clocked|put\s+on|chalked\s+up|"
    # "Joint-stock firms did better, lifting earnings by 3.9%"
    r"lift(?:ed|ing)\s+(?:[a-z]+\s+){0,2}by|"
    r"growth\s+rate\s+(?:of|was|at|reached)|"
    r"growth\s+of|"
    r"increases?\s+of|rises?\s+of|gains?\s+of|jump\s+of|surge\s+of|advance\s+of|expansion\s+of)"
    r"(?:\s+by)?" + _HEDGE_EN + r"\s*$")
_DECLINE_EN = compile_lower(
    r"(?:declin\w*|decreas\w*|fell|fallen|fall(?:s|ing)?|drop\w*|down|slid|slip(?:s|p\w*)?|shr[ua]nk|"
    r"shrink\w*|slump\w*|tumbl\w*|plung\w*|plummet\w*|sank|sunk|dipp\w*|dips?|(?<![a-z])dip\s+of|"
    # "shedding 0.9 point", "lost 0.7 point", "eased by 1.0 point", "off 3.4%"
    r"(?<![a-z])(?:shed(?:s|ding)?|lost|los(?:e|es|ing)|eas(?:ed|es|ing)|weaken\w*|"
    r"retreat\w*|off)|"
    r"contract\w*|collaps\w*|decreases?\s+of|declines?\s+of|drops?\s+of|falls?\s+of|(?:net\s+)?loss\s+of|"
    r"net\s+reduction\s+of)"
    # "fell back by 7.5 percent", "the only region to shrink, by 0.6%"
    r"(?:\s+back)?(?:,?\s+by)?" + _HEDGE_EN + r"\s*$")
_SHARE_EN = compile_lower(
    r"(?:account\w*\s+for|proportion\w*|share\w*|contribut\w*|cover\w*|progress\s+of|"
    r"make\s+up|made\s+up|constitut\w*|penetration(?:\s+rate)?|utili[sz]ation\s+rate|"
    r"coverage\s+rate|of\s+which|rate\s+(?:of|was|reached)|reach\w*|to|at|was|were|is|are)"
    + _HEDGE_EN + r"\s*$")
_YOY_EN = compile_lower(r"year\s*-?\s*on\s*-?\s*year|over\s+the\s+same\s+period|y-o-y|"
                        # "an expansion of 6.1 percent from a year earlier"
                        r"(?:from|than|on)\s+a\s+year\s+(?:earlier|ago|before)|"
                        + word_start(["yoy"]) + r"\b")
_QOQ_EN = compile_lower(r"month\s*-?\s*on\s*-?\s*month|quarter\s*-?\s*on\s*-?\s*quarter"
                        # "1.8% fewer than a month earlier"
                        r"|\bthan\s+(?:a|the\s+(?:previous|prior|preceding))\s+month(?:\s+(?:earlier|"
                        r"before))?\b")
#: "a sequential gain of 3.5%", "sequentially up 1.2%": against the period before
_SEQUENTIAL_BEFORE_EN = compile_lower(
    r"\bsequential\s+(?:gain|increase|rise|decline|drop|fall|growth|advance)\s+of\s+$"
    r"|\bsequentially\s+(?:up|down|higher|lower)?\s*(?:by\s+)?$")
_GROWTH_WORDS_EN = compile_lower(word_start(
    ["increas", "grow", "grew", "rose", "growth", r"up\b", "declin", "decreas", "fell",
     r"expansions?\s+of"]))
_CONTRIBUTION_EN = compile_lower(
    r"\b(?:contribut|driv|pull|boost|add(?:ing|s)\b|added\b(?!\s+value))")
_COMPARISON_EN = compile_lower(
    r"^\s*(?:higher|lower|faster|slower|stronger|weaker|more|less|above|below|up|down|over)\s+"
    r"(?:than|from)\b")
_FLOW_EN = compile_lower(
    r"\b(?:production|produced|output|sales|sold|passengers|transported|volume|visits|trips|"
    r"generated|capacity|exports?|imports?|shipments|deliveries|delivered|traffic|index|pmi)\b")
_MONEY_EN = compile_lower(
    r"\b(?:exports?|imports?|revenue|income|profits?|investment|financing|loans?|sales|"
    r"output\s+value|value|funds?|capital|cuts|fees|taxe?s?|spending|turnover)\b")
_RATIO_EN = compile_lower(word_start([r"ratio\s+(?:reached|was|of|stood\s+at|is)"])
                          + _HEDGE_EN + r"\s*$")


#: what is counted at a date rather than over a span: networks, users, orders on hand
_STOCK = compile_lower(
    r"\b(?:stations?|users?|subscribers?|ports?|connections?|terminals?|accounts?|"
    r"(?:on|in)\s+hand|pending\s+orders|backlogs?|balances?|holdings?|installed|deposits?|"
    r"loans?|reserves?|in\s+use|ownership|parc|fleet|capacity|coverage|penetration|access|"
    r"lines?)\b")


#: a change counted from the start of the year is a flow over the months since
SINCE_YEAR_START = compile_lower(
    r"上年末|年初以来|比年初|(?:since|from|over)\s+the\s+(?:end\s+of\s+(?:last|the\s+previous)\s+year|"
    r"beginning\s+of\s+the\s+year)")


def is_stock(measure: str, subject: str) -> bool:
    """True for a stock (base stations, users, orders on hand); counts of things are
    stocks; levels, growth and shares of anything else are flows."""
    return measure == "count" or _names_a_stock(subject)


@functools.lru_cache(maxsize=4096)
def _names_a_stock(subject: str) -> bool:
    # one release states many figures of one subject
    return bool(_STOCK.search(lowered(subject)))


@functools.lru_cache(maxsize=64)
def _tail(left: str) -> str:
    """The words just before a figure (lower case), without earlier figures of the same
    list. (The measure rules of one figure ask for it several times.)"""
    return _LIST_TAIL.sub("", left[-120:])


#: a growth noun after the figure: "a 13.2% increase", "a 4% year-on-year decline"
_GROWTH_NOUN_AFTER_EN = compile_lower(
    r"^\s*(?:(?:year|month|quarter)\s*-?\s*on\s*-?\s*(?:year|month|quarter)\s+)?"
    r"(?:(?P<up>increase|rise|growth|gain|jump|expansion|advance|pace|climb|surge)|"
    r"(?P<down>decrease|decline|drop|fall|contraction|slump|slide))\b"
    # "Steel products: 21.35 million tonnes, 2.4 percent lower.": a comparative that ends
    # the clause
    r"|^\s*(?:(?P<up2>higher|more)|(?P<down2>lower|less|fewer))\s*(?:[.;,]|and\b|than\b|$)")
#: "On a month-on-month basis, output rose 0.44%": the basis is stated before the figure
_QOQ_BASIS_EN = compile_lower(
    word_start([r"on\s+an?\s+(?:month|quarter)\s*-?\s*on\s*-?\s*(?:month|quarter)\s+basis\b"]))
#: "Month on month, value added rose 0.51%": the basis opens the sentence, and no other
#: figure stands between it and this one
_QOQ_OPENING_EN = compile_lower(
    r"(?:^\s*|[.;:]\s+)(?:month|quarter)\s*-?\s*on\s*-?\s*(?:month|quarter)\s*,[^.;\d]*$")
#: "climbed 6.2% on a year earlier and 0.71% on August": on the month before (not "on
#: September 2027", a year before, nor "on August's level")
_ON_A_MONTH_EN = compile_lower(
    # "an increase of 42.6% over a short, holiday-hit February"
    r"\s+(?:on|over)\s+(?:a\s+|the\s+)?(?:(?!year\b|in\b|for\b|same\b)[a-z-]+,?\s+){0,3}?"
    r"(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december)\b(?![-–\s]*\d|'s|\s*[-–])")
#: "increased 0.46% over the previous month": the previous month is the base
_PREVIOUS_MONTH_EN = compile_lower(
    r"^\s*(?:over|from|on|against|compared\s+with)\s+(?:the\s+)?(?:previous|preceding|last)"
    r"\s+(?:month|quarter)\b(?!\s*'s)")


#: "84.6 million tonnes, 3.8% less than a year earlier": a growth stated as a comparison
#: with the same period a year before
YEAR_EARLIER_AFTER_EN = compile_lower(
    r"^\s*(?P<direction>more|higher|greater|up|above|less|lower|fewer|down|below)"
    # "9.6% above the level of a year before"
    r"(?:\s+(?:than|from|on|over))?\s+(?:the\s+(?:level|figure)\s+of\s+)?"
    r"(?:a\s+year\s+(?:earlier|before|ago)|a\s+year|(?:in\s+)?the\s+same\s+(?:period|month)"
    r"(?:\s+of\s+(?:last|the\s+previous)\s+year)?|(?:in\s+)?(?:the\s+previous|last)\s+year"
    # "2.1% lower than in the first ten months of 2026"
    r"|(?:in\s+)?the\s+first\s+[\w-]+\s+months\s+of\s+(?:\d{4}|last\s+year)"
    # "6.4% more than in the opening quarter of last year"
    r"|(?:in\s+)?the\s+(?:opening|first|same)\s+(?:quarter|half)\s+of\s+(?:\d{4}|last\s+year)"
    # "4.1% below the year-earlier level"; "3.6% lower than in October 2026": a month of a
    # named year is the year before's (a month of this year is named without one)
    r"|the\s+year[- ]earlier\s+(?:level|figure|period)s?"
    r"|(?:in\s+)?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+\d{4})\b"
    # "generated 1,546.2 billion kilowatt-hours of electricity, 3.9% more.": the sentence's end
    r"|^\s*(?P<direction2>more|less|fewer)\s*[.;](?:\s|$)")


#: "5.1% more than October's tally", "4.3% above May": a month's growth on the month before
_THAN_A_MONTH_EN = compile_lower(
    r"^\s*(?P<direction>more|less|higher|lower|above|below|up|down)\s+(?:(?:than|on|from)\s+)?"
    r"(?:in\s+)?(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)(?:'s)?(?!\s+(?:of\s+|last\s+year|a\s+year|\d{4}|20\d\d))\b")
#: "2.4% higher than at the end of June": growth since an earlier date of the year, never
#: a year earlier
_SINCE_MONTH_END_EN = compile_lower(
    r"^\s*(?P<direction>higher|more|greater|above|up|lower|less|below|down)\s+(?:than|from|on)\s+"
    r"(?:at\s+)?the\s+end\s+of\s+(?:january|february|march|april|may|june|july|august|"
    r"september|october|november)\b")


def percent_measure_en(left: str, right: str, clause_left: str = "") -> tuple[str, int]:
    """(measure, sign) of a percent figure: sign -1 for a decline."""
    if left.endswith("+"):
        return "growth_yoy", 1  # "2.53 million, +8.2%": a change written as a sign
    if "from" in left[-12:] and _INDEX_FROM_EN.search(left[-160:]):
        return "share", 1  # "the PMI was 50.7 percent, up from 50.4 percent": a reading
    than_a_month = _THAN_A_MONTH_EN.match(right)
    if than_a_month:
        # "5.1% more than October's tally", "4.3% above May": against the month before
        return "growth_qoq", -1 if than_a_month.group("direction") in (
            "lower", "less", "below", "down") else 1
    since = _SINCE_MONTH_END_EN.match(right)
    if since:
        return "growth_qoq", -1 if since.group("direction") in ("lower", "less", "below",
                                                                "down") else 1
    earlier = YEAR_EARLIER_AFTER_EN.match(right)
    if earlier:
        return "growth_yoy", (-1 if (earlier.group("direction") or earlier.group("direction2")) in (
            "less", "lower", "fewer", "down", "below") else 1)
    # the words after the figure up to the next figure: in "grew 6.5% year on year and
    # 0.64% month on month", "month on month" is the next figure's
    next_figure = _NEXT_FIGURE.search(right, 0, 40)
    near_right = right[:next_figure.start() if next_figure else 40]
    # nor past the clause: "rose 5.4% year on year; on a month-on-month basis it grew"
    near_right = _CLAUSE_END.split(near_right, maxsplit=1)[0]
    recent = left[-160:]
    # the bureau publishes month-on-month growth seasonally adjusted, and only that
    adjusted = ("seasonal" in recent or "seasonal" in right[:48]) and not _YOY_EN.search(
        near_right)
    qoq = adjusted or bool(_QOQ_EN.search(near_right) or _QOQ_EN.search(clause_left)
               or ("sequential" in recent[-40:] and _SEQUENTIAL_BEFORE_EN.search(recent[-40:]))
               or _QOQ_BASIS_EN.search(left)
               or (" on " in recent and _QOQ_OPENING_EN.search(recent))
               or (" previous " in right[:20] and _PREVIOUS_MONTH_EN.match(right))
               or (right[:4] in (" on ", " ove") and _ON_A_MONTH_EN.match(right)))
    noun = _GROWTH_NOUN_AFTER_EN.match(right)
    if noun and (noun.group("up2") or noun.group("down2")) and not (
            left.rstrip().endswith(",") or _WAS_BEFORE_EN.search(left[-12:])):
        noun = None  # "31% reported higher output ... and 22% lower": a share of those polled
    if noun:
        down = noun.group("down") or noun.group("down2")
        return ("growth_qoq" if qoq else "growth_yoy"), (-1 if down else 1)
    if qoq:
        return "growth_qoq", _sign_en(left)
    if _YOY_EN.search(near_right):
        return "growth_yoy", _sign_en(left)
    return _percent_measure_by_words(left, right, clause_left)


def _percent_measure_by_words(left: str, right: str, clause_left: str) -> tuple[str, int]:
    """(measure, sign) of a percent figure that states no basis: read off the verb or noun
    before it."""
    if "share" in left[-100:] and _SHARE_TO_EN.search(left[-100:]):
        return "share", 1  # "lifting its share of industrial value added to 17.3%"
    tail = _tail(left)
    # the verb patterns end at the figure: their longest wording fits in the last 60 letters
    if _DECLINE_EN.search(tail, max(0, len(tail) - 60)):
        return "growth_yoy", -1
    if _GROWTH_EN.search(tail, max(0, len(tail) - 60)):
        return "growth_yoy", 1
    if (_GROWTH_SUBJECT_EN.search(clause_left) and not _PART_EN.search(clause_left)
            and not _OF_AFTER.match(right)):
        return "growth_yoy", 1  # "the growth rate of value added reached 9.1%"
    pace = _PACE_BASE_EN.search(tail)
    if pace and pace.group("paced") and _PART_EN.search(left[-150:]):
        return "share", 1  # "its share rose to 31.2%, eased from 32.1%": a share's pace
    if pace and (pace.group("pace") or pace.group("paced") or pace.group("national")
                 or _GROWTH_WORDS_EN.search(left[-240:])
                 or _PACE_VERBS_EN.search(left[-240:])):
        # "a touch faster than the 7.3% it managed": the base of a pace; "well ahead of the
        # 5.6%" after a growth
        return "growth_yoy", 1
    if _OF_AFTER.match(right) or _SHARE_EN.search(tail, max(0, len(tail) - 60)):
        return "share", 1
    if _YOY_EN.search(left) or _GROWTH_WORDS_EN.search(tail[-40:]):
        return "growth_yoy", 1
    return "share", 1


#: a share raised, lowered or put at a figure: whatever the verb, the figure is the share
_SHARE_TO_EN = compile_lower(
    r"\bshare\s+(?:of|in)\s+[^,;%]{0,60}?\s+(?:to|at|was|is|stood\s+at|reached|hit)\s*$")
#: verbs of a pace besides the growth words: "jumped 6.3 percent ..., above the"
_PACE_VERBS_EN = compile_lower(word_start(["jump", "climb", "expand", "gain", "accelerat",
                                           "shrank", "shrink", "contract", "slid", "slump"]))
#: the base a pace is compared with: "faster than the", "well ahead of the"
_PACE_BASE_EN = compile_lower(
    # "quicker than September's 7.5 percent", "faster than the country's"
    r"(?P<pace>faster|slower|quicker|brisker|better|worse|stronger|weaker)\s+than\s+"
    r"(?:the\s+|that\s+of\s+)?"
    r"(?:[a-z-]+'s\s+)?$|"
    r"\b(?:ahead\s+of|behind|short\s+of)\s+(?:the\s+)$|"
    # "above the nationwide figure of 5.9 percent": the country's pace
    r"(?P<national>\b(?:above|below|ahead\s+of|behind|than|trailed|outpaced|compared\s+with|"
    r"against|versus)\s+(?:the|a)\s+(?:national|nationwide|country's)\s+(?:figure|rate|pace|average|"
    r"level|growth|reading)\s+(?:of\s+)?$)|"
    # "outpacing the national 8.9 percent": the country's pace, its noun left out
    r"\b(?:outpac\w+|outstripp\w+|beat(?:ing)?|above|below|ahead\s+of|behind|trail\w*)\s+the\s+"
    r"(?:national|nationwide|country's)\s+$|"
    # "comfortably outpacing the 9.1 percent logged nationwide": a pace outrun is a pace
    r"\b(?:outpac\w+|outstripp\w+|outrun\w*|outperform\w*)\s+(?:the\s+)?$|"
    # a pace set against the others': "did even better at 14.2%", "led all divisions with
    # 12.9%", a pace slowed from the period before: "slowed from 10.1% in January-August"
    r"(?P<paced>\b(?:did|fared)\s+(?:even\s+|still\s+|a\s+(?:little|bit|touch)\s+|slightly\s+|"
    r"much\s+)?(?:better|best|worse|worst)\s+"
    r"(?:than\s+[^,;%\d]{1,40}?\s+)?(?:at|with)\s+$|"
    r"\bled\s+(?:all\s+)?(?:the\s+)?(?:divisions|sectors|industries|field|pack)\s+with\s+$|"
    r"\b(?:slow|eas|cool|decelerat|accelerat|quicken|moderat)(?:ed|ing)\s+from\s+(?:the\s+)?$|"
    # "a clear acceleration from the 6.8 percent recorded in November"
    r"\b(?:acceleration|deceleration|slowdown|pick-?up)\s+(?:from|on)\s+(?:the\s+)?"
    r"(?:[a-z-]+'s\s+)?$)|"
    # "grew 5.4 percent over the ten months and 6.9 percent in October": the same measure
    r"\d\s*(?:%|percent|per\s+cent)\s+(?:(?:over|in|during|for)\s+[^,;.\d]{1,30}?\s+)?and\s+$")
#: a growth named as the subject: whatever verb states it, the figure is growth
_GROWTH_SUBJECT_EN = compile_lower(word_start([r"growth(?:\s+rate)?\b"]))
# "accounting for" is a share; "preliminary accounting" is not
_PART_EN = compile_lower(word_start([r"account(?:s|ed)?\b", r"accounting\s+for", "proportion",
                                     "share", "contribut", r"of\s+which"]))
_NEXT_FIGURE = re.compile(r"\d")
_CLAUSE_END = re.compile(r"[;.:]\s")
#: "12.5% of the total": a share
_OF_AFTER = re.compile(r"\s*of\b")


def _sign_en(left: str) -> int:
    tail = _tail(left)
    return -1 if _DECLINE_EN.search(tail, max(0, len(tail) - 60)) else 1


def decline_before_en(left: str) -> bool:
    """"fell by 21 million", "a decrease of 1.2 million": a change that is a decrease."""
    return _sign_en(left) < 0


_LOWER_AFTER_EN = compile_lower(r"^\s*(?:lower|slower|weaker|smaller|less|below|down)\b")
_NARROWER_EN = compile_lower(r"(?:slow\w*|narrow\w*|lower\w*)(?:\s+by)?" + _HEDGE_EN + r"\s*$"
                             # "trailed the national pace of 5.8 percent by 0.7 points"
                             r"|\b(?:trail\w*|lagg?\w*)\s+[^,;]{0,60}\s+by" + _HEDGE_EN
                             + r"\s*$")


def point_measure_en(left: str, right: str) -> tuple[str, int]:
    """(measure, sign) of percentage points: a contribution (level) or a difference
    (change), negative when the wording says lower, down or a decrease."""
    tail = _tail(left)
    near = max(0, len(tail) - 60)
    lower = (_LOWER_AFTER_EN.match(right) or _DECLINE_EN.search(tail, near)
             or _NARROWER_EN.search(tail, near))
    sign = -1 if lower else 1
    if _COMPARISON_EN.match(right):
        return "change", sign
    paced = _PACE_CHANGE_BEFORE_EN.search(tail, near)
    if paced:  # "growth came to 5.4%, a slowdown of 0.4 percentage point": the pace's change
        return "change", -1 if paced.group("slower") else 1
    if _CONTRIBUTION_EN.search(left[-70:]):
        return "level", 1
    return "change", sign


#: "the division was 13.1% higher": its growth
_WAS_BEFORE_EN = compile_lower(r"\b(?:was|were|is|are|came\s+in)\s*$")
#: a change of pace in points: "a slowdown of", "an acceleration of"
_PACE_CHANGE_BEFORE_EN = compile_lower(
    r"\b(?:(?P<slower>slowdown|slowing|deceleration|moderation)|acceleration|pick-?up|"
    r"speed-?up|quickening)\s+of\s*$")


_FLOW_AFTER_EN = compile_lower(
    r"^[^,.;]{0,40}?\b(?:were|was|are|is|been)\s+(?:exported|imported|produced|sold|"
    r"delivered|shipped|manufactured|made|built|transported|carried)\b")


_CHANGE_VERBS_EN = ("increas", "grow", "grew", "rose", "risen", "ris", "up", "down", "declin",
                    "decreas", "fell", "fall", "drop", "expand", "climb", "jump")
_CHANGE_NOUNS_EN = ("increase", "decrease", "decline", "growth", "rise", "drop", "fall")
#: "increased by", "an increase of" (a truth-only cue: see ``_GROWTH_EN``)
_CHANGE_EN = compile_lower(
    # "grown by a net 408 million": by how much, net of losses
    "(?:" + "|".join(rf"{verb}\w*\s+by(?:\s+a\s+net)?" for verb in _CHANGE_VERBS_EN) + "|"
    + "|".join(rf"{noun}\s+of" for noun in _CHANGE_NOUNS_EN)
    # "the operators added 12.3 million users", "a net addition of": what was added
    # "revenue added up to 1.5 trillion yuan" totalled; "signed up a net 76.8 million"
    + r"|added(?!\s+up\s+to)|\ba\s+net\s*$|net\s+(?:addition|gain)s?\s+of|(?:a\s+)?net\s+"
    r"(?:increase|decrease|loss|fall|"
    r"drop|reduction)\s+of"
    + ")" + _HEDGE_EN + r"\s*$")


def flow_after_en(right: str) -> bool:
    """"1.2 million vehicles were exported": the thing counted comes before the verb."""
    return bool(_FLOW_AFTER_EN.search(right))


#: "Plants turned out 1.21 million new-energy vehicles": the number is of what was made
PRODUCED_BEFORE_EN = compile_lower(
    r"\b(?:turned\s+out|produced|manufactured|(?P<built>built|assembled))\s*$")
#: the verbs ``PRODUCED_BEFORE_EN`` reads, checked first as plain words
PRODUCED_WORDS_EN = ("produced", "turned out", "manufactured", "built", "assembled")
#: what "built" makes when it is output, not a count of places built ("built 62 factories")
BUILT_GOODS_AFTER_EN = compile_lower(
    r"^\s*(?:new[- ]energy\s+|electric\s+)?(?:vehicles|cars|automobiles|nevs|evs|ships|vessels|"
    r"robots|phones|handsets|aircraft|trucks)\b")
#: "190,000 fewer than at the end of 2025": a decrease
FEWER_AFTER_EN = compile_lower(r"^\s*(?:fewer|less)\s+than\b")
#: "710,000 more than the end of the previous year": a count's increase over a date before
MORE_THAN_AT_END_EN = compile_lower(
    r"^\s*more\s+than\s+(?:at\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+previous|last)\s+year|"
    r"(?:a\s+)?year\s+(?:earlier|before|ago)|(?:the\s+)?previous\s+year)\b")


def adds_another_en(clause_left: str) -> bool:
    """"another 3,100 enterprises": a number added, whose things follow it."""
    return bool(_ANOTHER_EN.search(clause_left))


#: an index's reading the figure rose or fell from
_INDEX_FROM_EN = compile_lower(
    r"\b(?:pmi|index)\b(?:[^.;]|\.(?=\d))*\b(?:up|down|rising|falling|rose|fell|climbed|eased|edged\s+up|"
    r"edged\s+down)\s+from\s*$")


def reached_by_industry_en(subject: str, left: str, right: str) -> bool:
    """"high-tech manufacturing and equipment manufacturing reached 9.8% and 8.7%": a
    sector's or grouping's figure after "reached" with nothing of a share about it is its
    growth (a share says "accounted for", "of the total", "of GDP")."""
    if not _REACHED_TAIL_EN.search(left[-40:]) or _OF_AFTER.match(right):
        return False
    lower = subject.lower()
    return bool(_INDUSTRY_WORDS_EN.search(lower)) and not _SHARE_WORDS_EN.search(lower)


_REACHED_TAIL_EN = compile_lower(r"\b(?:reached|reaching|hit|hitting)\s*(?:[\d.,%\s]+and\s+)?$")
_INDUSTRY_WORDS_EN = compile_lower(r"\b(?:high[- ]tech|equipment|manufactur\w*|mining|utilities|"
                                   r"industr\w*|sectors?)\b")
_SHARE_WORDS_EN = compile_lower(r"\b(?:share|proportion|rate|ratio|utili[sz]ation|penetration|"
                                r"coverage|contribution|of\s+gdp)\b")


def is_change_en(left: str) -> bool:
    """"an increase of 1.02 million", "down by 300 units": a difference, not a level."""
    tail = _tail(left)
    return bool(_CHANGE_EN.search(tail, max(0, len(tail) - 60)))


def count_measure_en(clause_left: str, value: float, right: str = "") -> tuple[str, str]:
    """(unit, measure) of a plain number: a ratio, money without its unit, a flow or a count."""
    if _RATIO_EN.search(clause_left):
        return "times", "level"
    if money_without_unit_en(clause_left, value):
        return "cny", "level"
    if is_change_en(clause_left) or (adds_another_en(clause_left)
                                     and not is_plan_en(clause_left, right)):
        return "count", "change"  # "another 3,100 enterprises were cultivated": added
    if _NET_SINCE_AFTER_EN.match(right):
        return "count", "change"  # "signed up 17.6 million 5G users net since the end of 2027"
    if _FLOW_EN.search(clause_left) or _FLOW_AFTER_EN.search(right):
        return "count", "level"
    return "count", "count"


#: a net change stated after what it counts: "17.6 million 5G users net since the end of"
_NET_SINCE_AFTER_EN = compile_lower(
    r"^(?:\s+[\w-]+){0,4}?\s+net\s+(?:since|from|over|in|during)\b")
#: a figure stated as a plan or target, not as what happened: "plans to cultivate another
#: 100", "aims to build 600,000", "a target of 3 million"
_PLAN_EN = compile_lower(
    r"\b(?:plans?|planned|planning|aims?|aimed|aiming|strives?|striving|intends?|seeks?)\s+to\b"
    r"[^,;.]{0,60}$|\b(?:aims?|aimed|aiming)\s+for\b[^;.]{0,80}$|\b(?:wants?|wanted)\s+(?:more\s+than\s+|over\s+|at\s+least\s+)?$"
    r"|\b(?:target|goal)\s+(?:of|is|was)\s+(?:to\s+[^,;.]{0,40})?"
    r"(?:more\s+than\s+|over\s+|about\s+)?$")
#: a forecast or an expectation, not an observation: "ahead of consensus (5.5%)", "we lift
#: our forecast to 6.2%", "expect the March PMI at 50.6", "the 5.5% economists expected"
_FORECAST_BEFORE_EN = compile_lower(
    r"\b(?:consensus|forecasters|polled|poll\s+of|"
    # "I would pencil in something closer to 5% for September"
    r"pencil(?:led|s)?\s+in|(?:i|we|they|he|she)\s+would\s+(?:expect|look\s+for|see)|"
    # "who reckons growth for the half year could drift toward 3%"
    r"reckons?\s+[^.;]{0,60}?\b(?:could|would|will|may|might)\b|"
    r"(?:our|their|its\s+own|house|median|market)\s+(?:[a-z0-9'-]+\s+){0,4}"
    r"(?:forecasts?|projections?|estimates?|expectations?)|"
    r"(?:we|analysts|economists|markets?)\s+(?:now\s+)?(?:expect|expected|see|saw|lift|lifted|"
    r"raise|raised|cut|keep|kept|lower|lowered|forecast|predict|predicted|pencil(?:led)?\s+in)|"
    # "analysts at a Shenzhen brokerage expect handset output to grow by around 5%"
    r"(?:analysts|economists|forecasters)\s[^.;,]{0,40}?\b(?:expect|expects|forecast|forecasts|"
    r"predict|predicts)|"
    # "expect the March PMI at 50.6", "who expects growth of about 5%", "she expects
    # full-year industrial growth of around 5.5%"; not "is expected to"
    r"(?<!is\s)(?<!are\s)(?<!was\s)(?<!were\s)(?<!be\s)expect(?:s|ing)?\s+"
    r"(?:[a-z-]+\s+){0,3}?(?:the|a|an|it|growth|output)"
    # "an economist ... said he expected second-quarter growth of around 6%", "who sees the
    # headline PMI near 50.5 next month"
    r"|\b(?:he|she|they|who)\s+(?:expected|expects|sees|saw|forecasts?|predicted|predicts))\b"
    r"(?:[^.;,]|\.(?=\d)){0,60}$"
    # "expects the market to grow by about 3% ..., with NEV sales of some 21 million"
    r"|(?<!is\s)(?<!are\s)(?<!was\s)(?<!were\s)(?<!be\s)\bexpects?\s+the\s+(?:[^.;]|\.(?=\d)){0,90},\s+with\s+"
    r"[^.;,]{0,40}$"
    # "another house is looking for the PMI to ease back toward 50 by December"
    r"|\b(?:is|are|was|were)\s+looking\s+for\s+(?:the\s+|a\s+)?[^.;,]{0,60}$"
    # "We expect industrial growth to ease to around 5.2% ... and see the full year at about"
    r"|\b(?:we|i|they)\s+(?:expect|see|forecast)\b(?:[^.;]|\.(?=\d)){0,90}?\band\s+(?:see|put|expect)"
    r"\s+[^.;,]{0,40}$")
_FORECAST_AFTER_EN = compile_lower(
    r"^\s*(?:%|percent|per\s+cent)?\s*(?:(?:forecast|expected|predicted|projected|"
    r"anticipated)\s+(?:by|in|for)|(?:that\s+)?(?:economists|analysts)\s+(?:had\s+)?"
    r"(?:expected|forecast|predicted)"
    # "above the 5.5% median estimate of economists in a newswire poll"
    r"|(?:median|mean|average|consensus)\s+(?:estimate|forecast|expectation|projection)s?)\b")
_ANOTHER_EN = compile_lower(r"\banother\s+(?:more\s+than\s+|over\s+|about\s+)?$")
_WILL_EN = compile_lower(r"^[^.;]{0,120}?\bwill\b")
_PLAN_ZH = re.compile(
    r"(?:计划|力争|目标|拟|预期目标|预计|预测|市场预期|一致预期|有望|"
    # "到年底全省5G基站总数将超过30万个": what will be, not what is
    r"将(?:超过|达到|突破|实现))[^，。；,;]{0,20}$")


def is_plan_en(clause_left: str, right: str) -> bool:
    """Whether a figure is a plan or a target (lower-case words before and after it):
    "plans to cultivate another 100 clusters", "another 100 clusters will be cultivated".
    "Will" alone does not make a plan: translations of releases use it for what happened."""
    if ("plan" in clause_left or "aim" in clause_left or "striv" in clause_left
            or "intend" in clause_left or "seek" in clause_left or "target" in clause_left
            or "goal" in clause_left or "want" in clause_left) and _PLAN_EN.search(clause_left):
        return True
    return "another" in clause_left and bool(_ANOTHER_EN.search(clause_left)
                                             and _WILL_EN.search(right))


def is_forecast_en(left: str, right: str, cue_before: bool | None = None) -> bool:
    """Whether a figure is a forecast, a consensus or an expectation (lower-case words
    before it in its sentence, and after it), which research notes and news set beside the
    figures stated: "ahead of consensus (5.5%)". ``cue_before``: whether one of the words
    stands in the 90 letters before, when the caller has looked it up for the whole text
    (``forecast_cues``)."""
    recent = left[-150:]
    if cue_before is None:
        cue_before = any(word in recent for word in _FORECAST_CUES)
    # the words are looked for first: most figures have none of them near
    return bool((cue_before and _FORECAST_BEFORE_EN.search(recent))
                or (any(word in right[:40] for word in _FORECAST_WORDS)
                    and _FORECAST_AFTER_EN.match(right)))


_FORECAST_WORDS = ("expect", "forecast", "predict", "project", "anticipat", "estimate")


def forecast_cues(lower: str) -> list[int]:
    """Where the words that may mark a forecast stand in a lower-case text, sorted: looked
    up once for a document (``str.find``), so that figures far from any skip the rule."""
    found: list[int] = []
    for cue in _FORECAST_CUES:
        at = lower.find(cue)
        while at >= 0:
            found.append(at)
            at = lower.find(cue, at + 1)
    return sorted(found)
#: a word each of ``_FORECAST_BEFORE_EN``'s alternatives holds
_FORECAST_CUES = ("consensus", "forecast", "poll", "expect", "projection", "prediction",
                  "estimate", "we ", "analyst", "economist", "market", "pencil", "would",
                  "reckon", "looking for")


def is_forecast_sentence_zh(sentence_left: str) -> bool:
    """Whether a Chinese sentence opens as a forecast ("协会预计2028年汽车销量3620万辆左右，
    增长3%左右，其中新能源汽车销量2100万辆"): each of its figures is the forecast's."""
    return ("预计" in sentence_left or "预测" in sentence_left) and bool(
        _FORECAST_OPENING_ZH.match(sentence_left))


#: a forecast opening its sentence: "协会预计", "有机构预测", "预计全年"
_FORECAST_OPENING_ZH = re.compile(r"\s*[^，。；,;\d]{0,12}(?:预计|预测)(?!目标)")


def is_plan_zh(clause_left: str, sentence_left: str = "") -> bool:
    """Whether a Chinese figure is a plan or a target: 计划, 力争, 目标, 拟 before it, or a
    sentence that opens with what will be done ("2028年，我们将……；新建5G基站60万个以上")."""
    return bool(_PLAN_ZH.search(clause_left)) or (
        "将" in sentence_left and bool(_PLAN_OPENING_ZH.match(sentence_left)))


#: a sentence opening with the year ahead and what "we will" do in it
_PLAN_OPENING_ZH = re.compile(r"\s*(?:[^，。：:\d]{1,12}[：:])?\s*"  # a speaker: "严华："
                              r"(?:\d{4}\s*年|明年|下一步|下一阶段|下阶段|下半年|今后|四季度)[，,]?\s*"
                              r"(?:我们|我部|全行业|各地)?\s*(?:将|要)")


def money_without_unit_en(clause_left: str, value: float) -> bool:
    """"exports exceeded one trillion": large round money figures whose unit is implied."""
    return value >= 1e9 and bool(_MONEY_EN.search(clause_left))


# ---------------------------------------------------------------- Chinese

_GROWTH_ZH = re.compile(r"(?:增长|增加|提高|上升|上涨|增速(?:为|达到|达)?|增幅(?:为|达到|达)?|"
                        r"回升|加快)"
                        r"(?:了)?(?:约|近|超过|超|逾|达)?\s*$")
_HEDGE_ZH = r"(?:约|近|超过|超|逾|达)?"
_DECLINE_ZH = re.compile(r"(?:下降|减少|回落|下滑|降低|收窄|放缓|下跌|走低|微降|略降)(?:了)?"
                         + _HEDGE_ZH + r"\s*$"
                         # "出厂价格比上年同期低4.1%": lower than a base
                         r"|(?:比|较)[^，。；,;\d%]{1,10}(?:低|少)(?:了)?\s*$")
_SHARE_ZH = re.compile(r"(?:占|比重|占比|份额|覆盖率|贡献率|渗透率|利用率|普及率|进度|"
                       r"达到|达|为|至)"
                       r"(?:[^，。；,;\d]{0,20}的?比重)?(?:为|达|达到)?" + _HEDGE_ZH + r"\s*$"
                       # "占移动基站总数的37.5%": a share of a whole
                       r"|占[^，。；,;\d]{1,20}的\s*$")
_YOY_ZH = re.compile(r"同比|比上年|比去年|较上年|较去年")
_QOQ_ZH = re.compile(r"环比|比上月|较上月|比上个月")
#: "比6月底增长2.4%", "比2027年底增长1.0%", "比上年末增长": growth since a month's or a year's
#: end, against an earlier date, never a year earlier
_SINCE_MONTH_END_ZH = re.compile(
    r"(?:比|较)\s*(?:\d{1,2}\s*月|(?:\d{4}\s*年|上年|去年))(?:底|末)(?:增长|下降|减少|提高)\s*$")
_CONTRIBUTION_ZH = re.compile(r"拉动|贡献|带动")
_FLOW_ZH = re.compile(r"产量|销量|产销|生产|销售|出口|进口|旅客|运输|发货|交付|完工|产能|流量")
_LIST_TAIL_ZH = re.compile(r"(?:[\d.．]+\s*(?:[%％]|个百分点|个)?\s*[、和及与,，\-~至到]\s*)+$")


#: "增长6.4%，比1—2月份的5.8%有所加快": the figure of the base a growth is compared with
_BASE_FIGURE_ZH = re.compile(r"(?:比|较|高于|低于|快于|慢于)[^，。；,;%]{1,12}的\s*$")
_GROWTH_WORD_ZH = re.compile(r"增长|增速|增幅|下降")
_CUMULATIVE_ZH = re.compile(r"累计(?:为|达|达到)?\s*$")


#: "环比看，5月份规模以上工业增加值增长0.38%": the basis opens the sentence
_QOQ_OPENING_ZH = re.compile(r"(?:^|[。；;])\s*(?:从)?环比(?:看|来看)?[，,][^。；;%]*$")


def percent_measure_zh(left: str, right: str) -> tuple[str, int]:
    tail = _LIST_TAIL_ZH.sub("", left[-60:])
    if "环比" in left[-60:] and _QOQ_OPENING_ZH.search(left[-60:]):
        return "growth_qoq", -1 if _DECLINE_ZH.search(tail) else 1
    if _BASE_FIGURE_ZH.search(tail) and _GROWTH_WORD_ZH.search(tail):
        return "growth_yoy", 1
    if _CUMULATIVE_ZH.search(tail) and _GROWTH_WORD_ZH.search(left[-80:]):
        return "growth_yoy", 1  # "6月份增长10.1%，上半年累计为9.4%": the cumulative growth
    sign = -1 if _DECLINE_ZH.search(tail) else 1
    if _QOQ_ZH.search(tail[-12:]) or _SINCE_MONTH_END_ZH.search(tail):
        return "growth_qoq", sign
    if _DECLINE_ZH.search(tail) or _GROWTH_ZH.search(tail):
        return "growth_yoy", sign
    if _SHARE_ZH.search(tail):
        return "share", 1
    if _YOY_ZH.search(tail[-20:]):
        return "growth_yoy", sign
    return "share", 1


_LOWER_ZH = re.compile(r"(?:低于|慢于|少于|下降|回落|减少|降低|收窄|放缓|下滑|下跌|微降|略降|"
                       r"小幅回落)"
                       r"[^，。；,;\d%]{0,8}$")


def point_measure_zh(clause_left: str) -> tuple[str, int]:
    """(measure, sign) of 个百分点: 拉动 is a contribution; 回落, 低于 a negative change."""
    if _CONTRIBUTION_ZH.search(clause_left):
        return "level", 1
    # "分别下降1.1和0.6个百分点": the list's earlier figures stand between the verb and this
    return "change", -1 if _LOWER_ZH.search(_LIST_TAIL_ZH.sub("", clause_left)) else 1


_CHANGE_ZH = re.compile(r"(?:净增|净减|增加|减少)(?:了)?" + _HEDGE_ZH + r"\s*$")


_DECREASE_ZH = re.compile(r"(?:净减|减少|下降|降低)(?:了)?" + _HEDGE_ZH + r"\s*$")
#: what is counted at a date in Chinese wording: users, base stations, ports, balances
_STOCK_ZH = re.compile(r"用户|基站|端口|连接数|余额|手持订单|装机|保有量|在网|累计建成")


def decrease_before_zh(clause_left: str) -> bool:
    """"比上年末净减2100万户", "减少120万户": the change is a decrease."""
    return bool(_DECREASE_ZH.search(clause_left))


def is_stock_zh(window: str) -> bool:
    """A share of stocks in Chinese ("5G用户占移动电话用户的比重"): kept at its date."""
    return bool(_STOCK_ZH.search(window))


def is_change_zh(left: str) -> bool:
    """"比上年末净增102万个", "增加2000亿元": a difference, not a level."""
    return bool(_CHANGE_ZH.search(left))


#: "新培育专精特新“小巨人”企业3100家": a number added, its things named before it
_NEWLY_ZH = re.compile(
    r"(?:新培育|新增|新建成?|新认定|新开通|新设立|净增)(?:[^，。；,;\d]|\dG){0,24}$")


def count_measure_zh(clause_left: str) -> str:
    if _CHANGE_ZH.search(clause_left) or _NEWLY_ZH.search(clause_left):
        return "change"
    return "level" if _FLOW_ZH.search(clause_left) else "count"
