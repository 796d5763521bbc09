"""What a figure is about: a short English noun phrase, and the region it covers.

In English releases the subject is the noun phrase before the verb of the clause
("the added value of manufacturing increased by 5%") or, for counts, the phrase after
the number ("45 national advanced manufacturing clusters"). Chinese releases get an
English subject from a glossary of the genre's terms (``SUBJECT_GLOSSARY_ZH``), read
left to right, longest term first; terms it lacks are left out rather than guessed.
"""

from __future__ import annotations

import functools
import re

from indmon.catalogue import Catalogue
from indmon.extract.facts import SUB_SECTOR
from indmon.extract.fastre import compile_lower, lowered, trie, word_start

#: the patterns of this module written ``compile_lower`` match ``lowered`` text
#: the verb of a clause (a trie of whole words: see ``indmon.extract.fastre``)
_VERB_EN = re.compile(r"\b" + trie(
    ["increased", "increasing", "increases", "grew", "grows", "growing", "rose", "rising", "was",
     "were", "is", "are", "has", "have", "had", "will", "reached", "reaching", "amounted",
     "accounted", "accounting", "accounts", "exceeded", "exceeding", "exceeds", "totaled",
     "totalled", "stood", "hit", "ranked", "ranks", "ranking", "registered", "recorded",
     "maintained", "saw", "achieved", "achieving", "contributed", "contributing", "covered",
     "covering", "covers", "realized", "fell", "declined", "decreased", "expanded", "surpassed",
     "remained", "topped", "led", "went", "came", "up", "down", "dropped", "climbed", "jumped",
     "slid", "edged", "posted", "kept", "numbered", "numbering", "shrank", "shrunk", "advanced",
     "contracted", "gained", "slipped", "made up", "reported", "logged", "totaled", "surged",
     "stood", "shrank", "grew", "hit",
     # news verbs for index readings and moves: "printed 50.7", "sank to 46.8", "read 51.3"
     "printed", "sank", "eased", "read", "held", "slumped", "plunged", "soared", "booked",
     "lost", "shed", "sped", "quickened", "slowed", "accelerated", "picked",
     "rebounded", "recovered", "improved", "worsened", "widened", "narrowed", "dwindled",
     "swelled", "ticked", "edging", "inching", "dipping", "crept", "nudged", "inched",
     "notched", "clocked", "lagged", "trailed", "pocketed", "netted", "stayed",
     # "while makers of transport equipment did even better at 14.2%"
     "did"]) + r"\b"
    # "the utilities managed 4.1 percent", not "the 7.3% it managed over the first nine months"
    r"|\bmanaged(?=\s+(?:only\s+|just\s+)?$)")
_LEAD_EN = compile_lower(
    # not the "General" of "General-purpose machinery"
    r"^(?:(?:in\s+)?(?:particular|addition|general|total|short)(?![\w-])\s*|among\s+them\s*|notably\s*|"
    r"among\s+[\w\s'-]{1,40}?(?:industries|sectors|products|divisions),\s*|"
    r"in\s+\w+\s+alone\s*,?\s*|"
    r"(?:in|during)\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)(?:\s+\d{4})?\s+(?=[a-z])|"
    r"of\s+which\s*|among\s+(?:which|them|whom)\s*|"
    r"(?:separate\s+|official\s+|earlier\s+)?(?:statistics|data|figures)\s+(?:show|showed|shows)\s+that\s*|"

    r"some\s+|"
    r"according\s+to\s+[^,]*\s*|"
    r"(?:and|but|yet|while|whereas|with|as|so|that|which|where|when|whose|the|a|an|my\s+country's|china's|"
    # not the "total" of "the total value added of industry" (全部工业增加值), a qualifier
    r"our\s+country's|its|their|this|these|also|total(?!\s+value\s+added)|annual)\s+)+",
)
_STOP_AFTER_EN = compile_lower(
    r"[,.;:](?=[\"'”’]?(?:\s|$))|[()]|\band\s+\d|\b(?:in|with|to|for|that|which|who|and\s+(?:the|a|an|over|"
    r"more|nearly)|such\s+as|including|across|from|by|on|at|were|was|have|has|had|will|are|is)\b"
    # "produced 29.87 million vehicles and sold 30.05 million": the next verb's clause
    r"|\band\s+(?:sold|exported|produced|delivered|shipped|made|built)\b"
)
_MAX_WORDS = 12
_LEAD_FIGURES = re.compile(r"(?:[\d.,]+\s*(?:%|percent|thousand|million|billion|trillion)?\s+)+")
#: a last word that is no part of a subject ("the output has")
_AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "been", "is", "are", "also", "all",
                          "both"})
#: ``[,;:]\s+|\s--?\s|\s—\s``, led by the set of its first characters for speed
_CLAUSES_EN = re.compile(r"[,;:\s](?:(?<=[,;:])\s+|(?<=\s)--?\s|(?<=\s)—\s)")
#: the same where no dash follows a space (most text): only its first part can match
_CLAUSE_PUNCTUATION_EN = re.compile(r"[,;:]\s+")
_DASH_AFTER_SPACE = re.compile(r"[-—](?<=\s[-—])")
_BEFORE_COUNTED = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:-\s*)?(?:[\d,.]+\s*-?TEU(?:-\w+)?\s*)?(?:(?:were|was|are|is)\s+)?")
#: first words of a clause that qualifies a figure rather than naming what it measures
_QUALIFYING_EN = frozenset({"calculated", "at", "in", "compared", "according", "excluding",
                            "including", "measured", "based", "with", "from", "during", "for",
                            "by", "as", "on", "of", "up", "down"})


#: a month the subject is stated for, after it: "power generation in April"
_MONTH_AFTER_EN = re.compile(
    r"(?<=\w)\s+(?:in|for|during)\s+(?:(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)(?:\s+\d{4})?|the\s+(?:first|last)\s+(?:\w+\s+)?"
    r"(?:months?|quarters?|half)|the\s+year|the\s+\w+\s+quarter)$", re.IGNORECASE)


#: the last words of a period phrase a subject may end with
_PERIOD_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                           "august", "september", "october", "november", "december", "months",
                           "month", "quarters", "quarter", "half", "year"} | {
                               str(y) for y in range(2000, 2040)})


@functools.lru_cache(maxsize=4096)
def _tidy(phrase: str, max_words: int = 0) -> str:
    """A subject phrase without leading connectives and figures, trailing auxiliaries, or
    more than ``_MAX_WORDS`` words; its first word in lower case unless it is a name.
    (Kept for the phrases met again: one release names a subject for many figures.)"""
    # "Mfg +6.5%": the sign written before a figure is no part of its subject
    phrase = " ".join(phrase.split()).strip(" ,;:-'+").replace('"', "'")
    if "fg" in phrase or "FG" in phrase or "VA" in phrase or "SOE" in phrase:
        phrase = expand_abbreviations_en(phrase)
    lead = _LEAD_EN.match(lowered(phrase))
    if lead:
        phrase = phrase[lead.end():]
    figures = _LEAD_FIGURES.match(phrase)
    if figures:
        phrase = phrase[figures.end():]
    words = phrase.split()
    if words and words[-1].lower() in _PERIOD_WORDS:
        phrase = _MONTH_AFTER_EN.sub("", phrase)  # "power generation in April"
        words = phrase.split()
    if len(words) > 1 and words[-1] in _AUXILIARIES:
        words.pop()
    words = words[-(max_words or _MAX_WORDS):]
    if (words and words[0][:1].isupper() and words[0][1:].islower() and "'" not in words[0]
            and words[0].lower() not in _provinces()[1]):
        words[0] = words[0].lower()
    return " ".join(words)


def expand_abbreviations_en(subject: str) -> str:
    """A market note's subject in full words: "Mfg" manufacturing, "VA" value added,
    "SOEs" state-owned enterprises, so that the rules on names and heads read it."""
    return _ABBREVIATION_EN.sub(lambda m: ABBREVIATIONS_EN[m.group().lower()], subject)


#: a market note's abbreviations and what they stand for (the mapper reads them too)
ABBREVIATIONS_EN = {"mfg": "manufacturing", "va": "value added",
                     "soes": "state-owned enterprises", "soe": "state-owned enterprise"}
_ABBREVIATION_EN = re.compile(r"\b(?:[Mm]fg|MFG|VA|SOEs?)\b")


def tidy_subject(phrase: str, max_words: int = 0) -> str:
    """A subject phrase as ``subject_before_en`` gives it (for subjects built elsewhere);
    ``max_words`` allows a longer one (a list member with a long name)."""
    return _tidy(phrase, max_words or _MAX_WORDS)


@functools.cache
def names_with_commas_en() -> re.Pattern[str] | None:
    """Catalogue industry names that hold a comma, as releases write them: the name, its
    part after "of" ("electricity, heat, gas and water"), and that part before the name's
    head ("... water production and supply", "... manufacturing", "... industry")."""
    return _names_pattern(_comma_names("en"), re.IGNORECASE, r"(?<!\w)", r"(?!\w)")


@functools.cache
def names_in_lists_en() -> re.Pattern[str] | None:
    """The names a list must not split: those holding commas, and those holding "and"
    ("coal miners, non-metallic mineral product makers and oil and gas producers" is three
    members)."""
    return _names_pattern([*_comma_names("en"), *_AND_NAMES_EN], re.IGNORECASE, r"(?<!\w)",
                          r"(?!\w)")


#: industry names that hold "and", as releases and the press write them
_AND_NAMES_EN = ("oil and gas", "petroleum and natural gas", "mining and washing of coal",
                 "coal mining and washing", "smelting and rolling", "smelting and pressing",
                 "electrical machinery and equipment", "electrical machinery and apparatus",
                 "production and supply", "electricity and heat", "heat and power")


@functools.cache
def names_with_commas_zh() -> re.Pattern[str] | None:
    """The Chinese names that hold 、, also without their last 业."""
    return _names_pattern(_comma_names("zh"), 0, "", "")


#: a plural noun of a name, which releases may write in the singular
_PLURAL = re.compile(r"\b(\w{3,}[^s\W])s\b")
#: names with commas that are no industry: the bureau's ownership group
_OTHER_COMMA_NAMES_EN = ("enterprises funded from abroad or from Hong Kong, Macao and Taiwan",
                         "enterprises funded by foreign, Hong Kong, Macao and Taiwan investors",
                         "enterprises with foreign, Hong Kong, Macao and Taiwan funding",
                         "foreign, Hong Kong, Macao and Taiwan",
                         "power, heat, gas and water supply industry",
                         "power, heat, gas and water",
                         "Hong Kong, Macao and Taiwan", "Hong Kong, Macau and Taiwan",
                         # the press's short name of division 39
                         "computer, communications and electronics",
                         "computers, communications and electronics")


def _comma_names(lang: str) -> list[str]:
    catalogue = Catalogue.load()
    forms: list[str] = list(_OTHER_COMMA_NAMES_EN) if lang == "en" else []
    for item in (*catalogue.industries.values(), *catalogue.sectors.values()):
        name = item.name(lang)
        if lang == "zh":
            if "、" in name:
                forms += [name, name.removesuffix("业")]
            continue
        if "," not in name:
            continue
        head, _, core = name.partition(" of ")
        forms.append(name)
        if core and "," in core:
            # "computer, communication and other electronic equipment manufacturing":
            # releases also write the first word in the singular
            first, rest = core.split(",", 1)
            singular = _PLURAL.sub(r"\1", core)  # "railway, ship, aerospace and ..."
            for form in dict.fromkeys([core, f"{first.removesuffix('s')},{rest}", singular]):
                forms += [form, f"{form} {head.lower()}", f"{form} manufacturing",
                          f"{form} industry"]
    return forms


def _names_pattern(forms: list[str], flags: int, before: str, after: str
                   ) -> re.Pattern[str] | None:
    if not forms:
        return None
    words = sorted({re.escape(f) for f in forms}, key=len, reverse=True)
    return re.compile(before + "(?:" + "|".join(words) + ")" + after, flags)


#: a figure, then "and"/"while" and a new subject with its own verb
_AFTER_FIGURE_AND_EN = re.compile(
    r"(?:%|percent|per\s*cent)(?:\s+(?:year\s+on\s+year|in\s+[A-Z]\w+|higher|lower|more|less"
    # "climbed 9.4% from the same month of 2027, whereas mining earnings dipped"
    r"|(?:from|on|over|against)\s+the\s+same\s+(?:month|period|quarter)(?:\s+of\s+\d{4})?))?"
    r",?\s+(?:and|while|whereas|but)\s+(?=[A-Za-z][\w-]*['’]?(?:\s+[\w-]+['’]?){0,5}\s+"
    r"(?:grew|rose|gained|fell|climbed|jumped|increased|expanded|declined|dropped|slipped|slid|"
    r"shrank|surged|added|sank|dipped|eased|edged|advanced|tumbled|slumped|soared|put\s+on)\b)")
#: ", the province's strongest growth engine,": an appositive naming the subject's role
_ROLE_APPOSITIVE_EN = re.compile(
    r",\s+(?:the|a|an|its|their|long\s+the)\s+(?:[\w'’-]+\s+){0,6}?(?:engine|driver|pillar|"
    r"mainstay|leader|laggard|bright\s+spot|backbone)s?\s*(?:of\s+[\w'’ -]{1,40}?)?,(?=\s+[a-z])")
#: " - the division that includes cement and glass - ": an aside between dashes
_DASH_APPOSITIVE_EN = re.compile(
    # " - those on 1,000 Mbps plans and above - ": a threshold's digits, but no figure's unit
    r"\s[-–—]\s(?:(?:the|a|an|which|its|those)\s)?(?:[^-–—%]|(?<=\w)-(?=\w)){3,100}?\s[-–—]\s"
    r"(?=[a-z])")
#: ", which shows how much of what factories make is actually sold,": a relative clause
#: between the subject and its verb
_WHICH_ASIDE_EN = re.compile(r",\s+which\s+[^,;\d]{3,100}?,(?=\s+[a-z])")
#: ", which include IPTV, internet data centers (IDC), big data and cloud computing,": a
#: relative clause listing what the subject takes in, before the subject's verb
_WHICH_LIST_ASIDE_EN = re.compile(
    r",\s+which\s+(?:include|includes|included|cover|covers|comprise|comprises)\s+[^;\d.]{3,200}?,"
    r"(?=\s+(?:generated|earned|made|posted|brought|reported|recorded|achieved|realized|realised|"
    r"saw|grew|rose|increased|expanded|totall?ed|amounted|reached)\b)")
_AND_ABOVE_ASIDE_EN = re.compile(
    r",\s+(?:meaning\s+|i\.e\.\s+|namely\s+)?[\w-]{2,20}\s+and\s+(?:above|higher),(?=\s+[a-z])",
    re.IGNORECASE)
#: ", the category that covers the lithium battery makers around Guiyang,": what a
#: division holds, between its name and its verb
_CATEGORY_ASIDE_EN = re.compile(
    r",\s+(?:the|a)\s+(?:category|division|industry|segment|sector|group)\s+that\s+[^;\d]{3,120}?"
    # "..., a category that includes investors from Hong Kong, Macao and Taiwan, and"
    r"(?:hong\s+kong,\s+maca[ou],?\s+and\s+taiwan)?,"
    r"(?=\s+[a-z])", re.IGNORECASE)
#: words that sum up before the subject: "Add it all up and", "All told,"
_SUMMING_UP_EN = re.compile(r"\b(?:add\s+it\s+(?:all\s+)?up\s+and|all\s+told,)\s*", re.IGNORECASE)
#: ", however,": an adverb between the subject and its verb
_ADVERB_ASIDE_EN = re.compile(
    r",\s+(?:however|meanwhile|though|too|also|in\s+turn|by\s+contrast|in\s+contrast|"
    r"for\s+its\s+part|for\s+their\s+part"
    # "The high-tech manufacturing PMI, he said, was 52.6"
    r"|(?:he|she|they|it)\s+(?:said|says|added|noted)),(?=\s+[a-z])", re.IGNORECASE)
#: ", whose ranks include battery and solar equipment makers,": an aside on the subject
#: (not ", whose profits surged", which names what the figure measures)
_WHOSE_ASIDE_EN = re.compile(
    r",\s+whose\s+(?!profits?\b|revenue\b|output\b|value\b|sales\b|exports\b)[^,;\d]{3,80}?,"
    r"(?=\s+[a-z])", re.IGNORECASE)
#: ", home to Liaoning's bearings and machine tools,": an aside on what a division holds
_HOME_TO_ASIDE_EN = re.compile(r",\s+(?:the\s+)?home\s+(?:to|of)\s+[^,;\d]{3,80}?,(?=\s+[a-z])",
                               re.IGNORECASE)
#: ", including those from Hong Kong, Macao and Taiwan,": what the subject takes in
_INCLUDING_ASIDE_EN = re.compile(
    r",\s+including\s+(?:[^,;\d]{3,60}?hong\s+kong,\s+maca[ou],?\s+and\s+taiwan|[^,;\d]{3,60}?),"
    r"(?=\s+[a-z])", re.IGNORECASE)
#: ", a key economic indicator,": an appositive that names no subject
_APPOSITIVE_EN = re.compile(
    # ", the bureau's broadest gauge of activity,"
    r",\s+(?:an?|the)\s+(?:[\w'-]+\s+){0,3}(?:indicators?|gauges?|barometers?|measures?|reads?)"
    r"(?:\s+(?:of|on|for)\s+[\w\s'-]{1,40}?)?\s*,",
    re.IGNORECASE)
#: "accounting puts the growth of gross domestic product in 2025 at 5.0%": an estimate
_PUTS_AT_EN = compile_lower(
    word_start([r"puts?\s+", r"places?\s+", r"estimated?\s+", r"estimates\s+"])
    + r"(?:the\s+)?(?P<what>[^,;]+?)\s+at\s*$")
#: a period phrase at the end of a subject: "... in 2025", "... in the first quarter"
_PERIOD_AFTER_EN = re.compile(
    r"\s+(?:in|for|during)\s+(?:the\s+)?(?:\d{4}|first\s+\w+|whole\s+year)(?:\s+of\s+\d{4})?$",
    re.IGNORECASE)


#: "users numbered 680 million, of whom 220 million had gigabit access": a part of the
#: whole named by a feature of its own
_PART_OF_WHOLE_EN = compile_lower(r"[,;]\s*(?:of\s+whom|of\s+which|of\s+them,?|including)\s*$")
_FEATURE_AFTER_EN = compile_lower(
    r"^\s*(?:had|have|has|with|enjoyed|enjoy|used|use|(?:were|are|was|is)\s+on)\s+(?P<feature>[\w-]+)\s+"
    r"(?:access|service|connections?|speeds?|networks?|plans?|packages?|tariffs?)\b")


def part_with_feature_en(left: str, right: str) -> str:
    """The subject of a part named by its feature: "gigabit fixed broadband users" for
    "fixed broadband users numbered 680 million, of whom 220 million had gigabit access";
    "" when the words do not read so."""
    lower_left = lowered(left)
    whole = _PART_OF_WHOLE_EN.search(lower_left)
    feature = _FEATURE_AFTER_EN.match(lowered(right)) if whole else None
    if whole is None or feature is None:
        return ""
    subject = subject_before_en(left[:whole.start()])
    return f"{feature.group('feature')} {subject}" if subject else ""


#: "Of the 41 major industrial divisions, 34 kept growing": a count among a named group
_AMONG_GROUP_EN = compile_lower(
    r"\b(?:of|among|across)\s+(?:the\s+|all\s+)?(?:\d+\s+)?(?P<group>[\w\s'-]{0,40}?"
    r"(?:divisions|industries|sectors|categories|provinces|regions))\s*,\s*$")


def group_member_count_en(left: str, right: str) -> str:
    """The subject of a count of the members of a group stated before it: "major
    industrial divisions kept growing"; "" when the words do not read so."""
    group = _AMONG_GROUP_EN.search(lowered(left[-80:]))
    if group is None:
        return ""
    said = _tidy(_STOP_AFTER_EN.split(right, maxsplit=1)[0][:60])
    return f"{group.group('group').strip()} {said}".strip()


def divisions_counted_en(left: str, clause_left: str, right: str) -> str:
    """The subject of a count of divisions that grew, worded around the count: "Value added
    grew in 34 of the 41 major industrial divisions", "Of the 40 industrial divisions the
    province covers, 29 reported growth", "Thirty-five of the 41 industrial divisions logged
    year-on-year increases"; "" when the words do not read so. The subject is the group's
    noun and what of theirs grew ("industrial divisions whose value added grew", or whose
    profits, revenue, output or sales did, which no count of growing divisions states), not
    the province or the number of the group."""
    lower_left, lower_right = lowered(clause_left), lowered(right[:160])
    of = _DIVISIONS_OF_EN.match(lower_right)
    among = None if of else _DIVISIONS_AMONG_EN.search(lowered(left[-100:]))
    found = of or among
    if found is None:
        return ""
    said = f"{lower_left if of else ''} {_STOP_AT_SENTENCE_EN.split(found.group('rest'), 1)[0]}"
    if among:
        said += " " + _STOP_AT_SENTENCE_EN.split(lower_right, 1)[0]
    if not _GROWTH_WORDS_EN.search(said):
        return ""  # "12 saw profits fall": no count of growing divisions
    head = _HEAD_COUNTED_EN.search(said)
    return f"{found.group('group')} whose {head.group() if head else 'value added'} grew"


_NUMBER_OR_WORD_EN = r"(?:\d+|[a-z]+(?:-[a-z]+)?)"
#: "... 34 of the 41 major industrial divisions": the group after the count
_DIVISIONS_OF_EN = compile_lower(
    r"^\s*(?:of|out\s+of)\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?" + _NUMBER_OR_WORD_EN
    + r"\s+(?P<group>(?:major\s+|main\s+)?(?:industrial\s+)?(?:divisions|industries))\b"
    r"(?P<rest>[^.;]*)")
#: "Of the 40 industrial divisions the province covers, 29 ...": the group before it
_DIVISIONS_AMONG_EN = compile_lower(
    r"\b(?:of|among)\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?" + _NUMBER_OR_WORD_EN
    + r"\s+(?P<group>(?:major\s+|main\s+)?(?:industrial\s+)?(?:divisions|industries))\b"
    r"(?P<rest>[^,;.]{0,40}),\s*$")
_STOP_AT_SENTENCE_EN = re.compile(r"[.;:](?:\s|$)|,")
#: the words that say the counted divisions grew, and what of theirs did
_GROWTH_WORDS_EN = re.compile(
    r"\b(?:grew|grow(?:th|ing)?|rose|increase[sd]?|increases|expanded|gains?|higher|advanced)\b")
_HEAD_COUNTED_EN = re.compile(r"\b(?:profits?|revenue|output|sales)\b")


#: "China produced": the figure after is an amount of what was produced
_PRODUCED_EN = compile_lower(r"\b(?:produced|turned\s+out|manufactured|made)$")
#: "State-holding firms saw profits decline 2.4 percent": the figure is of the profits
SAW_WHAT_EN = compile_lower(
    r"\bsaw\s+(?:its\s+|their\s+)?(?P<what>profits?|output|revenue|value\s+added|sales|exports|"
    r"investment|export\s+delivery\s+value)\s+(?:\w+\s+){0,2}?(?:by\s+)?$")


#: "State-holding firms made 1.27 trillion yuan", "industrial firms earned": profits
_EARNED_EN = compile_lower(
    r"^(?P<who>.*?(?:enterprises|firms|companies|hong\s+kong,\s+macao\s+and\s+taiwan|"
    # "Manufacturing earned", "producers and suppliers of power, heat, gas and water made"
    r"manufacturing|manufacturers|miners|mining|sectors?|industry|industries|"
    r"(?:makers|producers|suppliers)"
    r"(?:\s+of\s+.+)?)(?:\s+above\s+designated\s+size)?)\s+"
    # the press: "Shareholding companies pocketed 2,032.14 billion yuan", "Manufacturers took
    # home 826.90 billion yuan"
    r"(?:earned|made|posted|realized|realised|reported|pocketed|booked|netted|raked\s+in|"
    r"took\s+home|pulled\s+in|took\s+in|brought\s+in)$")
#: "industrial enterprises realized total profits of", "... posted operating revenue of":
#: the figure after is of what they realized
_REALIZED_WHAT_EN = compile_lower(
    # "161,700 companies were in the red, with combined losses of": theirs
    r"(?:\s+(?:realized|realised|made|earned|posted|reported|recorded|achieved|booked|pocketed|"
    # "Ferrous metal smelting swung to a profit of 6.47 billion yuan"
    r"swung\s+(?:back\s+)?(?:in)?to\s+a|turned\s+a)"
    # "..., but its profits of 321.58 billion yuan were 4.3% lower": the owner's
    r"|,\s+with|\b(?:its|their))\s+"
    r"(?:combined\s+|aggregate\s+)?"
    r"(?P<what>(?:total\s+|net\s+)?profits?|(?:operating\s+|business\s+)?revenue|"
    r"losses)\s+of\s*$")


def earned_by_en(subject: str, unit: str) -> str:
    """The subject of an amount of money "earned" or "made" by enterprises, or of its
    growth: their profits."""
    earned = _EARNED_EN.match(lowered(subject)) if unit in ("cny", "percent") else None
    return f"profits of {subject[:earned.end('who')]}" if earned else subject


#: "The so-called new businesses ... generated revenue of": right before the figure only
_GENERATED_WHAT_EN = compile_lower(r"\s+generated\s+(?P<what>(?:operating\s+|business\s+)?revenue)"
                                   r"\s+of\s*$")


def realized_what_en(subject: str, sentence_left: str) -> str:
    """"industrial enterprises realized total profits of 3.46 trillion yuan": the total
    profits of the enterprises; "private enterprises realized 934 billion yuan": their
    profits."""
    if not subject or "profit" in subject.lower():
        return subject
    tail = lowered(sentence_left[-90:])
    found = (_REALIZED_WHAT_EN.search(tail) or _GENERATED_WHAT_EN.search(tail)
             ) if " of" in tail[-30:] else None
    if found:
        said = found.group().strip()
        at = subject.lower().rfind(said)  # the subject may hold the verb: "X realised ... of"
        who = subject[:at].rstrip() if at > 0 else subject
        return f"{found.group('what')} of {who}"
    if _EARNED_EN.match(f"{subject.lower()} {tail.rstrip().rsplit(None, 1)[-1]}"):
        return f"profits of {subject}"
    return subject


def names_a_province_en(phrase: str) -> bool:
    """Whether a phrase is only a province's name ("Guangdong")."""
    return phrase.strip().lower() in _provinces()[1]


#: "mining added 2.6 percent": "added" as a verb, not the "added" of "value added"
_ADDED_EN = compile_lower(r"(?<!value\s)\badded\b(?!\s+value)")


def states_a_verb_en(phrase: str) -> bool:
    """Whether a phrase holds one of the verbs that state a figure ("came to", "grew")."""
    return bool(_VERB_EN.search(lowered(phrase)))


def without_asides_en(sentence_left: str) -> str:
    """The words before a figure without the asides between a subject and its verb (which
    may name places or causes that are none of the figure's)."""
    if " - " in sentence_left or " – " in sentence_left or " — " in sentence_left:
        # "non-metallic mineral products - the division that ... -", "Export delivery value
        # - goods produced for shipment abroad - reached"
        sentence_left = _DASH_APPOSITIVE_EN.sub(" ", sentence_left)
    if ", which " in sentence_left:  # "The product sales ratio, which shows how ..., was"
        sentence_left = _WHICH_ASIDE_EN.sub("", _WHICH_LIST_ASIDE_EN.sub("", sentence_left))
    if " and above," in sentence_left or " and higher," in sentence_left:
        # "Ports capable of delivering gigabit service, 10G-PON and above, reached"
        sentence_left = _AND_ABOVE_ASIDE_EN.sub("", sentence_left)
    if " home " in sentence_left:  # "general-purpose equipment, home to ..., was up"
        sentence_left = _HOME_TO_ASIDE_EN.sub("", sentence_left)
    if ", whose " in sentence_left:  # "producers, whose ranks include battery makers, added"
        sentence_left = _WHOSE_ASIDE_EN.sub("", sentence_left)
    if " that " in sentence_left:  # "machinery, the category that covers ... makers, surged"
        sentence_left = _CATEGORY_ASIDE_EN.sub("", sentence_left)
    if ", " in sentence_left:  # "Ferrous metal smelting, however, swung to a profit of"
        sentence_left = _ADVERB_ASIDE_EN.sub("", sentence_left)
    if " up and " in sentence_left or " told," in sentence_left:
        # "Add it all up and the composite PMI output index ... was 51.5"
        sentence_left = _SUMMING_UP_EN.sub("", sentence_left)
    if ", including " in sentence_left:
        # "foreign-funded businesses, including those from Hong Kong, Macao and Taiwan, lagged"
        sentence_left = _INCLUDING_ASIDE_EN.sub("", sentence_left)
    return sentence_left


def subject_before_en(sentence_left: str) -> str:
    """The noun phrase before the verb in the words that lead up to a figure: in the last
    clause that has a verb after its first word (clauses split at ``,``, ``;``, ``:`` and
    dashes), else the whole last clause."""
    sentence_left = without_asides_en(sentence_left)
    unit_at = max(sentence_left.rfind("%"), sentence_left.rfind("percent"),
                  sentence_left.rfind("per cent"))
    if unit_at > 0 and sentence_left[max(0, unit_at - 2):unit_at].rstrip()[-1:].isdigit():
        after_figure = _AFTER_FIGURE_AND_EN.match(sentence_left, unit_at)
        if after_figure:  # "A climbed 10.2 percent and B gained": B's own clause
            sentence_left = sentence_left[after_figure.end():]
    if "annual" in sentence_left:  # "firms with annual revenue above 20 million yuan"
        sentence_left = _SIZE_FLOOR_EN.sub(" above designated size", sentence_left)
    if ("indicator" in sentence_left or "gauge" in sentence_left or "barometer" in sentence_left
            or "measure" in sentence_left or " read " in sentence_left):
        # "output, a key economic indicator, rose": the output's
        sentence_left = _APPOSITIVE_EN.sub("", sentence_left)
    if sentence_left.count(",") >= 2:  # "electronics, the province's strongest growth engine,"
        sentence_left = _ROLE_APPOSITIVE_EN.sub(" ", sentence_left)
    lower = lowered(sentence_left)
    put = _PUTS_AT_EN.search(lower) if lower.rstrip().endswith(" at") else None
    if put:  # "Preliminary accounting puts the growth of GDP in 2025 at": what is put
        return _tidy(_PERIOD_AFTER_EN.sub("", sentence_left[put.start("what"):put.end("what")]))
    return _whole_name_en(sentence_left, _subject_before_en(sentence_left, lower))


#: the floor that defines "above designated size", stated in a subject
_SIZE_FLOOR_EN = re.compile(
    r"\s+(?:with|having|that\s+have|whose)\s+(?:an\s+)?annual\s+(?:main\s+business\s+)?"
    r"(?:revenue|turnover|income|sales)\s+(?:of\s+)?(?:at\s+least\s+|no\s+less\s+than\s+|"
    r"not\s+less\s+than\s+|above\s+|over\s+|exceeding\s+|topping\s+|(?:of\s+)?more\s+than\s+|"
    r"in\s+excess\s+of\s+)?(?:RMB\s?|CNY\s?|¥)?\d[\d.,]*\s*(?:million|billion)?\s*(?:yuan)?"
    r"(?:\s+(?:or\s+more|and\s+above|or\s+above))?", re.IGNORECASE)


def whole_name_en(sentence_left: str, subject: str) -> str:
    """The subject widened to the start of a name its commas cut (see ``_whole_name_en``)."""
    return _whole_name_en(sentence_left, subject)


def _whole_name_en(sentence_left: str, subject: str) -> str:
    """The subject widened to the start of a name its commas cut ("the production and
    supply of electricity, heat, gas and water fell": not "heat, gas and water")."""
    if not subject or "," not in sentence_left or (
            subject.split(None, 1)[0].strip(",;").lower() not in _words_after_commas()):
        return subject
    at = sentence_left.rfind(subject)
    if at < 0:  # the subject's first letter may have been lowered ("macao and Taiwan")
        at = lowered(sentence_left).rfind(subject.lower())
    names = names_with_commas_en()
    # only a subject that starts right after a comma can be the tail of such a name
    if names is None or at <= 0 or not _AFTER_COMMA.search(sentence_left[max(0, at - 8):at]):
        return subject
    lo = max(0, at - 120)
    for match in names.finditer(sentence_left, lo, at + len(subject)):
        if match.start() < at < match.end():
            return _tidy(sentence_left[match.start():at + len(subject)])
    return subject


_AFTER_COMMA = re.compile(r",\s*(?:and\s+)?$")
_DIGIT = re.compile(r"\d")
#: a number standing alone (not the digit of a name: "4G sites")
_NUMBER = re.compile(r"(?<![a-z\d])\d[\d.,]*(?![a-z\d])")


@functools.cache
def _words_after_commas() -> frozenset[str]:
    """The words that follow a comma in the names that hold commas ("heat" of "electricity,
    heat, gas and water"): a subject a comma cut from such a name starts with one."""
    words: set[str] = set()
    for name in _comma_names("en"):
        for part in name.split(",")[1:]:
            first = part.split()
            if first:
                words.add(first[0].lower())
                if first[0].lower() == "and" and len(first) > 1:
                    words.add(first[1].lower())
    return frozenset(words)


def _subject_before_en(sentence_left: str, lower: str) -> str:
    clauses = _CLAUSES_EN if _DASH_AFTER_SPACE.search(lower) else _CLAUSE_PUNCTUATION_EN
    separators = [m.span() for m in clauses.finditer(lower)]
    starts = [0] + [end for _, end in separators]
    ends = [start for start, _ in separators] + [len(lower)]
    if len(starts) > 1 and (_VERB_EN.match(lower, starts[-1])
                            or lower[starts[-1]:].strip() in _VERB_ALONE_EN):
        named = _clause_before_a_lone_verb(sentence_left, lower, starts, ends)
        if named:
            return named
    later = _later_verbs_subject(sentence_left, lower, starts[-1])
    if later:
        return later
    absolute = _WITH_AT_EN.match(lower, starts[-1])
    if absolute and not _NO_THING_WITH_EN.match(absolute.group("what")):
        # "reached 50.8, with the services index at 50.5": the index's reading
        return _tidy(sentence_left[absolute.start("what"):absolute.end("what")])
    for i in range(len(starts) - 1, -1, -1):
        start, end = starts[i], ends[i]
        verb = _VERB_EN.search(lower, start, end) or (
            _ADDED_EN.search(lower, start, end) if "added" in lower[start:end] else None)
        if verb and verb.start() > start:
            named = _named_before_examples(sentence_left, lower, starts, ends, i)
            if named:
                return named
            start = _list_start(sentence_left, lower, starts, ends, i, verb.start())
            subject = _tidy(sentence_left[start:verb.start()])
            if subject:
                return subject
    return _tidy(sentence_left[starts[-1]:])


def _clause_before_a_lone_verb(sentence_left: str, lower: str, starts: list[int],
                               ends: list[int]) -> str:
    """"The total volume, calculated at last year's prices, grew 8.7%": the last clause is
    the verb alone; the subject is the nearest clause before that names a thing, unless a
    clause with a verb of its own comes first ('' then)."""
    for i in range(len(starts) - 2, -1, -1):
        start, end = starts[i], ends[i]
        words = lower[start:end].split()
        if not words or words[0] in _QUALIFYING_EN or (
                len(words) == 1 and words[0] in _ADVERBS_EN):
            continue  # "China's industrial profits, meanwhile, dropped"
        if i and _opens_an_aside(words) and (
                not _NUMBER.search(lower, start, end)) and _names_a_thing(
                    lower, starts[i - 1], ends[i - 1]):
            continue  # "Manufacturing, the bulk of industry, expanded": the aside's owner
        inverted = _INVERTED_EN.match(lower, start, end)
        if inverted:  # "Fastest of all was electrical machinery and apparatus, up 17.3%"
            return _tidy(sentence_left[inverted.end():end])
        if _VERB_EN.search(lower, start, end) or _NUMBER.search(lower, start, end):
            return ""  # a clause stating a figure names no subject of this one
        light = _LIGHT_VERB_EN.search(lower, start, end)
        # "Manufacturing did the heavy lifting, adding 8.3 percent": who did it
        return _tidy(sentence_left[start:light.start() if light else end])
    return ""


#: a clause that names its subject after the verb: "Fastest of all was", "Strongest were"
_INVERTED_EN = re.compile(
    r"\s*(?:(?:the\s+)?(?:fastest|slowest|strongest|weakest|biggest|largest|best|worst)"
    r"(?:\s+(?:growth|gain|performer|riser))?(?:\s+of\s+all|\s+among\s+them)?"
    r"|(?:leading|topping)\s+the\s+(?:pack|table|list))\s+(?:was|were)\s+")
#: a verb that carries no figure, after the subject of a clause
_LIGHT_VERB_EN = re.compile(r"\s+(?:did|does|led|made|kept|took|remained|stayed|carried|"
                            r"provided|set)\s")


def _opens_an_aside(words: list[str]) -> bool:
    """Whether a clause's words read as an aside on the subject before it: a short
    description, or a longer one of what moved it."""
    return ((words[0] in _ASIDE_OPENERS_EN and len(words) <= 9)
            or (words[0] in _CAUSE_OPENERS_EN and len(words) <= 16))


def _names_a_thing(lower: str, start: int, end: int) -> bool:
    """Whether a clause is a bare noun phrase: no qualifying first word, verb or figure."""
    words = lower[start:end].split()
    return bool(words) and words[0] not in _QUALIFYING_EN and words[0] not in _ADVERBS_EN and (
        not _VERB_EN.search(lower, start, end)) and not _NUMBER.search(lower, start, end)


def _later_verbs_subject(sentence_left: str, lower: str, start: int) -> str:
    """The subject of a second verb after a figure in the last clause: "profits slid 4.6%
    to 48.3 billion yuan even as revenue edged up" (revenue), or ''."""
    # the last figure that a conjunction follows: in "profits slid 4.6% to 48.3 billion yuan
    # even as revenue edged up 1.8% to", the amount after "to" is the revenue's too
    for digit in reversed(list(_DIGIT.finditer(lower, start))):
        joined = _FIGURE_THEN_CONJUNCTION.match(lower, digit.end())
        if joined is None:
            continue
        verb = _VERB_EN.search(lower, joined.end())
        if verb is None or verb.start() <= joined.end():
            return ""
        return _tidy(sentence_left[joined.end():verb.start()])
    return ""


#: the rest of a figure, then a conjunction that opens a clause of its own
_FIGURE_THEN_CONJUNCTION = re.compile(
    r"[\d.,]*\s*(?:%|percent|per\s+cent)?(?:\s+(?:billion|million|trillion|thousand))?"
    r"(?:\s+(?:yuan|tonnes|tons|units|sets|vehicles|kwh|pieces))?"
    r"\s+(?:even\s+as|whereas|while|although|though|but)\s+")


#: an absolute phrase stating a figure of its own: ", with the services index at" (not
#: "with their PMI at": the sentence's subject's)
_WITH_AT_EN = re.compile(r"with\s+(?:the\s+)?(?!its\s|their\s)(?P<what>[a-z][\w' -]{1,60}?)\s+"
                         r"(?:at|standing\s+at"
                         # "with the employment reading slipping 0.2 point to 48.3"
                         r"|[a-z]+ing\s+[\d.]+\s+points?\s+to)\s*$")
_NO_THING_WITH_EN = re.compile(r"(?:growth|an?\s+(?:increase|rise|gain|decline)|the\s+number|"
                               r"the\s+total|a\s+total)\b")


#: a last clause that is only a verb of being: "The total volume, measured at the previous
#: year's prices, was"
_VERB_ALONE_EN = frozenset({"at", "standing at", "was", "were", "is", "are", "stood at",
                            # "Manufacturing did the heavy lifting, adding 8.3 percent"
                            "adding", "gaining", "growing", "rising", "expanding", "climbing"})
#: the first words of an aside between commas that describes the subject before it
#: (", still the province's largest division,", ", which includes the car plants,")
_ASIDE_OPENERS_EN = frozenset({"the", "a", "an", "still", "which", "its", "their",
                               "long", "once", "now", "combining", "covering", "tracking",
                               "including"})
#: participles that open a longer aside on what moved the subject ("Mining, weighed down by
#: the closure of older coal pits in the west of the province, crept up 2.8 percent")
_CAUSE_OPENERS_EN = frozenset({"weighed", "held", "dragged", "buoyed", "helped", "hit",
                               "boosted", "supported", "driven", "lifted", "hampered",
                               "propelled", "spurred", "pulled", "hurt", "caught",
                               "squeezed", "battered", "stung", "pressed", "burdened",
                               "anchored", "fed", "led", "powered", "underpinned"})
#: one-word clauses that open a sentence, never a member of a list
_ADVERBS_EN = frozenset({"meanwhile", "however", "moreover", "besides", "also", "overall",
                         "specifically", "notably", "furthermore", "therefore", "thus", "then",
                         "first", "second", "third", "finally", "currently", "now", "today"})


def _named_before_examples(original: str, lower: str, starts: list[int], ends: list[int],
                           i: int) -> str:
    """"New businesses such as IPTV, data centres, ... and the internet of things produced":
    the thing named before "such as", not the last of its examples; or ''."""
    for j in range(i, max(-1, i - 8), -1):
        such = lower.find(" such as ", starts[j], ends[j])
        if such >= 0:
            head = _tidy(original[starts[j]:such])
            return head if head and not _VERB_EN.search(lower, starts[j], such) else ""
        if j < i and (_VERB_EN.search(lower, starts[j], ends[j])
                      or _NUMBER.search(lower, starts[j], ends[j])
                      or len(lower[starts[j]:ends[j]].split()) > 5):
            return ""
    return ""


def _list_start(original: str, lower: str, starts: list[int], ends: list[int], i: int,
                verb: int) -> int:
    """Where a subject that ends a list starts: "new tax cuts, fee reductions, tax rebates
    and fee deferrals exceeded" is one subject, not its last clause. Clauses before the
    verb's are joined while the subject has "and", they follow a comma, and each is a few
    words naming a thing (no verb, figure, period or connective)."""
    if " and " not in lower[starts[i]:verb]:
        return starts[i]
    start = starts[i]
    for j in range(i - 1, -1, -1):
        if lower[ends[j]:ends[j] + 1] != ",":
            break
        words = lower[starts[j]:ends[j]].split()
        opens = words[:1] == ["with"] and len(words) > 1  # "with A, B and C increasing"
        if opens:
            words = words[1:]
        if (not words or len(words) > 5 or words[0] in _QUALIFYING_EN
                or (len(words) == 1 and (words[0] in _ADVERBS_EN or words[0].endswith("ly")))
                or any(w[:1].isdigit() for w in words)
                or _VERB_EN.search(lower, starts[j], ends[j])
                or (j == 0 and original[:1].islower())):  # a window cut inside a word
            break
        start = starts[j] + (lower[starts[j]:].index("with") + 5 if opens else 0)
        if opens:
            break
    return start


def subject_after_en(right: str) -> str:
    """The noun phrase a count counts: "45 national-level advanced manufacturing clusters"."""
    right = _BEFORE_COUNTED.sub("", right)
    if _NOT_COUNTED_EN.match(right):
        return ""  # "472 million after a net loss of ...", "32.6 million [1]": no thing named
    if _JOINS_NEXT_EN.match(right):
        return ""  # "totalled 4.66 million and ports ... 29.5 million": the next member
    stop = _STOP_AFTER_EN.search(lowered(right))
    phrase = right[:stop.start()] if stop else right[:80]
    feature = _WITH_FEATURE_EN.match(right, stop.start()) if stop else None
    if feature:  # "ports with gigabit network service capabilities"
        phrase = right[:feature.end()]
    if counts_units_en(phrase):
        return ""  # "81 million units (sets)": the thing counted is named before
    done = _DONE_TO_COUNTED_EN.match(right, len(phrase)) if stop else None
    if done:  # "1.62 million new energy vehicles were produced": their output
        return f"{_DONE_TO_HEAD[(done.group(1) or done.group(2)).lower()]} {_tidy(phrase)}"
    return _tidy(phrase)


_NOT_COUNTED_EN = re.compile(
    r"\s*(?:\[|(?:after|before|compared|from|since|than|up|down|or|over|against|"
    # "rising 0.9 point to 54.9 as local governments sped up": a reading, then a cause
    r"versus|vs|as|while|when)\b)", re.IGNORECASE)
#: what was done to the things counted, which makes the count a flow of them
_DONE_TO_COUNTED_EN = re.compile(
    r"\s*(?:(?:were|was|had\s+been|have\s+been)\s+(produced|made|manufactured|built|sold|exported)"
    r"|(rolled)\s+off\s+(?:the\s+)?(?:production|assembly)\s+lines?)\b", re.IGNORECASE)
_DONE_TO_HEAD = {"produced": "output of", "made": "output of", "manufactured": "output of",
                 "built": "output of", "sold": "sales of", "exported": "exports of",
                 "rolled": "output of"}


_JOINS_NEXT_EN = re.compile(r"^\s*(?:and|or|while|whereas|but)\b", re.IGNORECASE)


def counts_units_en(right: str) -> bool:
    """Whether the words after a count are only a measure word ("units", "sets")."""
    stop = _STOP_AFTER_EN.search(lowered(_BEFORE_COUNTED.sub("", right)))
    phrase = _BEFORE_COUNTED.sub("", right)
    return lowered(phrase[:stop.start()] if stop else phrase).strip() in _MEASURE_WORDS_EN


#: a feature of the things counted, which names which they are: "with distinctive features",
#: "with gigabit network service capabilities" (a few words, no figure, to a clause's end)
_WITH_FEATURE_EN = re.compile(r"with\s+(?:[A-Za-z-]+\s+){0,5}[A-Za-z-]+(?=\s*(?:[,.;:]|$))")
#: words that count units of a thing, not the thing
_MEASURE_WORDS_EN = frozenset({"units", "unit", "sets", "pieces", "items", "units sets"})


#: words before a figure that only hedge it: "more than 4 trillion yuan of ..."
_HEDGES_EN = frozenset({"", "more than", "over", "about", "nearly", "around", "almost", "up to",
                        "some", "roughly", "approximately", "at least", "less than"})
_OF_AFTER_EN = re.compile(r"^\s*(?:\([^)]*\)\s*)?of\s+(?=[A-Za-z])")


def named_after_en(subject: str, right: str) -> str:
    """The subject of "more than 4 trillion yuan of new tax and fee cuts": when the words
    before a figure only hedge it, what follows its "of"; "China produced 86.1 million
    tonnes of crude steel": what was produced; else ``subject`` as it was."""
    produced = _PRODUCED_EN.search(lowered(subject))
    of = _OF_AFTER_EN.match(right)
    if produced and of:
        thing = subject_after_en(right[of.end():])
        return f"output of {thing}" if thing else subject
    if of and _MONEY_THING_EN.match(right, of.end()):
        # "The operators booked 936.4 billion yuan of telecom business revenue": the revenue
        return subject_after_en(right[of.end():]) or subject
    if subject.strip().lower() not in _HEDGES_EN:
        return subject
    return (subject_after_en(right[of.end():]) or subject) if of else subject


#: what an amount "of" names when it is a figure of its own: revenue, profits, investment
_MONEY_THING_EN = re.compile(
    r"(?:[a-z][\w'-]*\s+){0,4}(?:revenue|revenues|profits?|income|investment|sales|exports|"
    r"imports|output|spending)\b", re.IGNORECASE)


#: "..., with the number reaching 2.61 million": the number of what the sentence's clause
#: before names
_WITH_NUMBER_EN = compile_lower(
    r"^(.*\S)\s*,\s*with\s+(?:the|its|their)\s+(?:total\s+)?number\s+"
    r"(?:reaching|exceeding|hitting|standing\s+at|at)\s+(?:more\s+than\s+|over\s+|nearly\s+)?$")


def number_of_before_en(sentence_left: str) -> str:
    """"Mobile Internet applications are booming, with the number reaching 2.61 million"
    -> "number of mobile Internet applications"; "" when the words are not so."""
    match = _WITH_NUMBER_EN.match(lowered(sentence_left))
    if match is None:
        return ""
    named = subject_before_en(sentence_left[:match.end(1)])
    return f"number of {named}" if named and named.lower() != "number" else ""


#: a verb of coverage right before a count: "5G applications have been integrated into 71",
#: "covers all 41", "fully integrate 5G into 52", also "covers 31 provinces ... and 40"
_COVERAGE_EN = compile_lower(
    r"\b(?:(?:has|have|had)\s+)?(?:been\s+)?(?:fully\s+|comprehensively\s+|now\s+)?"
    r"(cover(?:s|ed|ing)?|integrated\s+into|integrat(?:e|es|ed|ing)\s+([\w -]{1,30}?)\s+into|"
    r"reach(?:es|ed|ing)?|extend(?:s|ed|ing)?\s+to)\s+"
    r"(\d[^;.]{0,80}?\s+and\s+)?"
    r"(?:all\s+(?:the\s+)?|more\s+than\s+|over\s+|nearly\s+|about\s+|almost\s+)?$")
#: the "of ..." of the first of two counts covered, which the second shares: "45 major
#: categories of the national economy and 166 middle categories"
_SHARED_OF_EN = re.compile(r"\s(of\s+(?:the\s+)?[a-z][a-z\s-]*?)\s+and\s+$")
#: what a coverage count counts: parts of a classification or of the country
_COVERED_EN = compile_lower(
    r"\b(?:categor(?:y|ies)|industr(?:y|ies)|sectors?|divisions?|provinces?|regions?|"
    r"cities|counties|fields)\b")
#: "of the 97 " between a coverage count and what it counts ("71 of the 97 categories")
_OF_TOTAL_EN = re.compile(r"^\s*of\s+(?:the\s+)?[\d,]+\s+")


def coverage_subject_en(sentence_left: str, right: str) -> str:
    """The subject of a count of what something covers, "" when the count is none:
    "5G applications have been integrated into 71 of the 97 national economic categories"
    -> "5G applications integrated into national economic categories". Without this the
    subject is the categories alone, which every such indicator counts."""
    lower = lowered(sentence_left)
    verb = _COVERAGE_EN.search(lower)
    if verb is None:
        return ""
    counted = subject_after_en(_OF_TOTAL_EN.sub("", right, count=1))
    if not _COVERED_EN.search(lowered(counted)):
        return ""
    first = sentence_left[verb.start(3):verb.end(3)] if verb.group(3) else ""
    shared = _SHARED_OF_EN.search(first) if first else None
    if shared and " of " not in f" {counted.lower()} ":
        counted = f"{counted} {shared.group(1)}"
    if verb.group(2):  # "integrate 5G into": the actor is the verb's object
        actor, words = sentence_left[verb.start(2):verb.end(2)], "integrated into"
    else:  # the words before the verb in its clause: "5G applications have covered"
        before = sentence_left[:verb.start()]
        actor = _tidy(re.split(r"[,;:]\s", before)[-1])
        words = " ".join(sentence_left[verb.start(1):verb.end(1)].split())
    return _tidy(f"{actor} {words} {counted}") if actor else ""


#: a verb of contribution right before a figure: "industry contributed 36% to"
_CONTRIBUTE_EN = compile_lower(
    r"\b(?:contribut(?:e|es|ed|ing)|adding)\s+"
    r"(?:about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?$")
#: what a contribution is to: "to economic growth", "to GDP growth", "to growth"; not "to
#: the growth of industry" (a part's contribution to its whole, not to the economy's)
_TO_GROWTH_EN = compile_lower(
    r"^\s*(?:percentage\s+points?\s+)?to\s+(?:the\s+)?(?:(?:national\s+)?economic\s+|gdp\s+)?"
    r"growth\b(?!\s+(?:of|in)\b)")


def contribution_subject_en(sentence_left: str, right: str) -> str:
    """The subject of a contribution to growth, "" when the figure is none: "Industry
    contributed 36% to economic growth" -> "contribution of industry to economic growth";
    "..., with manufacturing adding 0.8 percentage points" after such a figure in its
    sentence is manufacturing's. Without this the subject is "industry" alone."""
    lower = lowered(sentence_left)
    verb = _CONTRIBUTE_EN.search(lower)
    if verb is None:
        return ""
    earlier = lower[:verb.start()]
    to_growth = _TO_GROWTH_EN.match(lowered(right))
    if to_growth:
        said = " ".join(right[to_growth.start():to_growth.end()].split())
        to = said[said.lower().index("to "):]
    elif "contribut" in earlier and (found := _TO_GROWTH_SAID_EN.findall(earlier)):
        to = found[-1]  # "..., with manufacturing adding 0.8 percentage points"
    else:
        return ""
    clause = re.split(r"[,;:]\s", sentence_left[:verb.start()])[-1]
    actor = _tidy(_MODAL_END_EN.sub("", clause.strip(" \"'“”‘’")))
    return f"contribution of {actor} {to}" if actor else ""


#: "to economic growth" as said earlier in a sentence
_TO_GROWTH_SAID_EN = re.compile(r"\bto\s+(?:(?:economic|gdp)\s+)?growth\b")
#: a modal or auxiliary that ends the words before a verb: "industry will"
_MODAL_END_EN = re.compile(r"\s+(?:will|would|has|have|had|is|was)\s*$", re.IGNORECASE)


#: a streak of being first in the world, right before its years: "has ranked first in the
#: world for", "maintaining the largest global share for"
_FIRST_IN_WORLD_EN = compile_lower(
    r"\b(?:rank(?:ed|s|ing)?|been|remained|remaining|stayed|kept|keeping)\s+(?:the\s+)?"
    r"(?:first|no\.\s*1|number\s+one)\s+(?:in\s+the\s+world|globally|worldwide|in\s+the\s+"
    r"global\s+market)\s+for\s+$")
_LARGEST_SHARE_EN = compile_lower(
    r"\b(?:maintain(?:ed|ing|s)?|kept|keeping|held|holding|had|having)\s+the\s+largest\s+"
    r"(?:global\s+|world\s+|international\s+)?(?:market\s+)?share(?:\s+in\s+the\s+world|"
    r"\s+globally)?\s+for\s+$")


def streak_of_first_en(sentence_left: str) -> str:
    """What a streak keeps when it is one of leading the world: " first in the world" or
    " largest global share", so that "ranked first in the world for 14 consecutive years"
    is the streak of the world ranking, not of the scale it ranks by; else ""."""
    lower = lowered(sentence_left[-120:])
    if _FIRST_IN_WORLD_EN.search(lower):
        return " first in the world"
    if _LARGEST_SHARE_EN.search(lower):
        return " largest global share"
    return ""


# ---------------------------------------------------------------- regions


@functools.lru_cache(maxsize=1)
def _provinces() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str]]:
    catalogue = Catalogue.load()
    en: dict[str, str] = {}
    zh: dict[str, str] = {}
    for province in catalogue.provinces.values():
        name = province.name("en")
        short = re.sub(r"\s*\(.*\)", "", name)
        en[short.lower()] = short
        zh[province.name("zh")] = short
    en["xizang"] = en.get("tibet", "Tibet")
    # case matters: a dateline's "BEIJING, March 5" names no region of the figures
    names = sorted(map(re.escape, en.values()), key=len, reverse=True)
    en_re = re.compile("(" + word_start(names) + r")\b(?!\s+(?:and|,))")
    zh_re = re.compile("(" + "|".join(sorted(map(re.escape, zh), key=len, reverse=True)) + ")")
    return en_re, en, zh_re, zh


def provinces_named(words: str, lang: str) -> list[str]:
    """The provinces a phrase names, in order, as the extractor names regions ("江苏、山东"
    -> Jiangsu, Shandong)."""
    _, en, zh_pattern, zh = _provinces()
    if lang == "zh":
        return [zh[name] for name in zh_pattern.findall(words)]
    return [en[name.lower()] for name in _province_words_en().findall(words)]


@functools.cache
def _province_words_en() -> re.Pattern[str]:
    """Every province's English name as a word, "and" after it or not."""
    names = sorted(map(re.escape, _provinces()[1].values()), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(names) + r")\b")


def names_place(words: str, region: str) -> bool:
    """Whether words name a region by name: its province's English or Chinese name
    ("Jiangsu", 江苏) or, for a part of the country, its 东部/eastern word."""
    if region in words:
        return True
    _, _, zh_pattern, zh = _provinces()
    if any(zh.get(found) == region for found in zh_pattern.findall(words)):
        return True
    area = region.removesuffix(" region")
    return area != region and (area in words.lower() or any(
        _AREA_ZH[a] == region for a in _AREA_PHRASE_ZH.findall(words)))


_WORLD_AFTER_EN = compile_lower(r"^(?:[^,.;]|[,.](?=\d)){0,60}?\b"
                                r"(?:in\s+the\s+world|globally|around\s+the\s+world)\b")
_COUNTRY_EN = compile_lower(
    word_start(["china", "chinese", r"my\s+country", r"our\s+country", "domestic"]) + r"\b")


#: a dateline names where the news was filed, not the region a figure measures:
#: "Beijing, July 18, 2024 --", "SHANGHAI, Nov. 15 (Sample News) --"
_DATELINE_EN = re.compile(
    r"[A-Z](?<!\w[A-Z])[A-Za-z]+(?:\s[A-Z][A-Za-z]+)?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"(?:\s*\([^)]{1,40}\))?\s*(?:--?|:)\s*"
)
#: parts of the country named as regions: "the eastern region", "东部地区"
_AREA_EN = compile_lower(
    "(" + word_start(["eastern", "central", "western", "northeastern", "north-eastern"])
    + r")\s+regions?\b")
_AREA_ZH = {"东部": "eastern region", "中部": "central region", "西部": "western region",
            "东北": "northeastern region"}
#: ``[,;]\s+|\s+(?:while|whereas|and)\s+``, led by the set of its first characters
_CLAUSE_SPLIT_EN = re.compile(r"[,;\s](?:(?<=[,;])\s+|(?<=\s)\s*(?:while|whereas|and)\s+)")


def without_dateline(left: str) -> str:
    """The words before a figure with any dateline cut off."""
    if "-" not in left and ":" not in left:
        return left  # a dateline ends in a dash or a colon
    last = None
    for last in _DATELINE_EN.finditer(left):  # noqa: B007 - the last dateline is wanted
        continue
    return left[last.end():] if last else left


def region_en(sentence_left: str, right: str, counts_things: bool, default: str = "CN") -> str:
    """A province or part of the country named in the figure's clause, else one named once
    earlier in its sentence; ``world`` for world totals; else ``default``."""
    left = without_dateline(sentence_left)
    if "in " in left and _VENUE_EN.search(left):
        # "told a press conference in Beijing on Tuesday that factories turned out": where
        # the figures were told, not whose they are
        left = _VENUE_EN.sub(" ", left)
    if "cit" in left and _CITIES_EN.search(left):
        return CITY  # "Among the 11 cities, Jiaxing led with growth of 9.2%"
    if (counts_things and _WORLD_AFTER_EN.search(lowered(right))
            and not _COUNTRY_EN.search(lowered(left))):
        return "world"
    pattern, names, _, _ = _provinces()
    scoped = _national_scope_en(left, right, names)
    if scoped:
        return scoped
    if "egion" not in left and "EGION" not in left and not pattern.search(left):
        return default  # no province or region named at all (the clause is part of it)
    clause = _CLAUSE_SPLIT_EN.split(left)[-1]
    for scope in (clause, left):
        found = pattern.findall(scope)
        if found and len(set(found)) == 1:
            return names[found[-1].lower()]
        lower = lowered(scope)
        area: list[str] = _AREA_EN.findall(lower) if "region" in lower else []
        if area:
            return area[-1].lower().replace("north-eastern", "northeastern") + " region"
        if found:
            return default
    return default


#: where figures were told: "a press conference in Beijing", "told reporters in Shanghai"
_VENUE_EN = re.compile(
    r"\b(?i:(?:press|news)\s+conference|briefing|forum|reporters|journalists)\s+in\s+"
    r"[A-Z][a-z]+\b")
#: the region of a figure that a city states, which no province code names: cities' figures
#: beside a province's are never the province's
CITY = "a city"
#: a sentence about cities: "Among the 11 cities", "of the 21 prefecture-level cities", 分市看
_CITIES_EN = re.compile(r"\b(?:among|of|across)\s+(?:the|its|the\s+province's)\s+\d+\s+"
                        r"(?:prefecture-level\s+|major\s+)?cities\b|\bby\s+city\b",
                        re.IGNORECASE)
_CITIES_ZH = re.compile(r"分(?:设区|地级)?市看|分地市看|分城市看|\d+个(?:设区|地级以上|地级)?市中")
def _national_scope_en(left: str, right: str, names: dict[str, str]) -> str | None:
    """The country, or a place owning the subject, as the words around a figure say."""
    if _NATIONWIDE_AFTER_EN.match(right) or _NATIONWIDE_OPENING_EN.match(left) or (
            ":" in left and _NATIONWIDE_AFTER_COLON_EN.search(left)) or (
            ";" in left and _NATIONWIDE_AFTER_COLON_EN.search(left.replace(";", ":"))):
        # "...; nationwide, crude steel production stood at 921.7 million tons"
        # "growing 4.2 percent, against 3.0 percent nationwide"; "Nationwide, industrial
        # value added grew 5.9%"
        return "CN"
    if ("nation" in left or "'s" in left or "country" in left or "mainland" in left
            or "across" in left):
        return _national_or_owner_en(_CLAUSE_SPLIT_EN.split(left)[-1], names, left)
    return None


#: the country's scope opening the sentence
_NATIONWIDE_OPENING_EN = re.compile(
    r"\s*(?:nationwide|nationally|across\s+the\s+(?:country|nation)|for\s+the\s+(?:country|"
    r"nation)\s+as\s+a\s+whole|in\s+the\s+country\s+as\s+a\s+whole)\s*,", re.IGNORECASE)
#: the country's scope opening the clause after a colon: "far ahead of the country's:
#: nationwide, profits of industrial firms rose just 4.6%"
_NATIONWIDE_AFTER_COLON_EN = re.compile(
    r":\s*(?:nationwide|nationally|across\s+the\s+(?:country|nation))\s*,[^:;]*$", re.IGNORECASE)
#: the country's scope said right after a figure
_NATIONWIDE_AFTER_EN = re.compile(
    r"\s*(?:%|percent|per\s+cent)?\s+(?:(?:seen|recorded|posted|logged)\s+)?(?:nationwide|nationally|"
    r"(?:for|across|in)\s+(?:the\s+(?:country|nation)(?:\s+as\s+a\s+whole)?|china)\b"
    # "against 8.9 percent for manufacturing investment nationally", "the 2.9 percent growth
    # of industrial profits across China"
    r"|for\s+[a-z][a-z -]{0,50}?\s+(?:nationwide|nationally)\b"
    r"|(?:growth|rise|increase|gain)\s+(?:of|in)\s+[a-z][a-z -]{0,50}?\s+(?:across|in)\s+"
    r"(?:china|the\s+(?:country|nation))\b)",
    re.IGNORECASE)


def _national_or_owner_en(clause: str, names: dict[str, str], left: str = "") -> str | None:
    """The country for a national figure set beside a province's ("0.4 points lower than
    the national rate of 5.2%"), a place owning the subject ("Shenzhen's industrial value
    added": a city's), else None."""
    if ("nation" in clause or "country" in clause or "across" in clause) and _NATIONAL_EN.search(
            lowered(clause)):
        return "CN"
    if ("country" in left or "mainland" in left) and _COUNTRY_WHERE_EN.search(left):
        return "CN"  # "faster than the country as a whole, where value added increased"
    owner = _OWNER_EN.match(clause) if "'s" in clause else None
    if owner and owner.group(1).lower() not in names and (
            owner.group(1) not in _COUNTRY_NAMES_EN):
        return owner.group(1)
    return None


_COUNTRY_WHERE_EN = re.compile(
    r"\bthe\s+(?:whole\s+|entire\s+)?(?:country|nation|mainland)(?:\s+as\s+a\s+whole)?,?\s+"
    r"(?:where|in\s+which)\s+[^,;.]*$",
    re.IGNORECASE)
#: the country's figure set beside a province's: "lower than the national rate of"
_NATIONAL_EN = compile_lower(
    r"\b(?:the|a)\s+national\s+(?:rate|average|figure|level|growth|pace|total|gain|increase|rise|"
    r"decline|drop|reading)\b|\bnationwide\b"
    # "outpacing the national 8.9 percent": the noun left out
    r"|\bthe\s+national\s*$"
    # "faster than the country as a whole, where industrial value added increased 5.7%"
    r"|\bthe\s+country\s+as\s+a\s+whole\b"
    # "compared with national profit growth of 3.2 percent"
    r"|\bnational\s+(?:[a-z]+\s+)?(?:growth|rate|average|pace)\s+of\s*$"
    # "Profits of industrial firms across China rose 2.9 percent"
    r"|\bacross\s+china\b"
    # "while profits of the country's industrial firms rose only 2.1 percent"
    r"|\bthe\s+(?:country|nation)['’]s\s+(?:industr\w*|factor\w*|enterprises|firms|companies|"
    r"manufactur\w*)")
#: a place or body owning the subject at the clause's start: "Shenzhen's output", "while
#: Guangzhou's value added"
_OWNER_EN = re.compile(r"^\s*(?:(?:and|but|while|whereas)\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)'s\s")
_COUNTRY_NAMES_EN = frozenset({"China", "The", "This", "Last", "Next", "Its", "Industry",
                               "Manufacturing", "Beijing",
                               # "September's industrial value added": a month's, no place's
                               "January", "February", "March", "April", "May", "June", "July",
                               "August", "September", "October", "November", "December"})
_AREA_PHRASE_ZH = re.compile(r"(东部|中部|西部|东北)地区")
#: a world total: 全球 or 世界 shortly before the figure
_WORLD_BEFORE_ZH = re.compile(r"(?:全球|世界)[^，。；,;]{0,12}$")
_OWN_COUNTRY_ZH = re.compile(r"我国|中国|全国")
_CLAUSES_ZH = re.compile(r"[，,；;：:]")
_PHRASE_END_ZH = re.compile(r"[，。；、,;（(和及与]")
#: 全国 as the subject's own scope ("全国造船完工量"), not a comparison ("高于全国")
_COUNTRY_ZH = re.compile(r"(?<![于比较占居列])(?:全国|我国|中国)")


def region_zh(clause_left: str, right: str, counts_things: bool, default: str = "CN") -> str:
    """A province named before the figure, a part of the country (东部地区), the world for
    world totals, the whole country when 全国 scopes the subject, else ``default``."""
    if "市" in clause_left and _CITIES_ZH.search(clause_left):
        return CITY  # "分设区市看，11个设区市中，嘉兴……增长9.2%"
    _, _, pattern, names = _provinces()
    found = pattern.findall(clause_left)
    if len(found) > 1:  # "江苏...增长7.5%，广东增长4.9%": the one in the figure's own clause
        found = pattern.findall(_CLAUSES_ZH.split(clause_left)[-1])
    if len(found) == 1:
        return names[found[-1]]
    areas = _AREA_PHRASE_ZH.findall(clause_left)
    if areas:  # the nearest: "东部地区增长5.1%，中部地区增长4.8%" gives each its own
        return _AREA_ZH[areas[-1]]
    world = _WORLD_BEFORE_ZH.search(clause_left) if counts_things else None
    if world and not _OWN_COUNTRY_ZH.search(clause_left):
        return "world"
    # "全国同期仅增长2.1%；实现营业收入同比增长6.3%": 全国 before a semicolon is that clause's
    after_semicolon = re.split(r"[；;]", clause_left)[-1]
    return "CN" if _COUNTRY_ZH.search(after_semicolon) else default


_MAX_TITLE = 120


def title_of(head: str) -> str:
    """A release's title: its first line, without a trailing note in brackets."""
    return _TRAILING_NOTE.sub("", head.strip().split("\n", 1)[0])


def head_province(head: str, lang: str) -> str:
    """The province a report is about, when its title names exactly one: its figures
    ("全省", "the province") are that province's unless the text says otherwise."""
    title = head.strip().split("\n", 1)[0]
    # "Guangdong's industry in 2027 (a note on the source)": the note is no part of it
    title = _TRAILING_NOTE.sub("", title)
    if len(title) > _MAX_TITLE:
        return "CN"  # a paragraph, not a title
    pattern, names, zh_pattern, zh_names = _provinces()
    if lang == "zh":
        found = set(zh_pattern.findall(title))
        if not found and _WHOLE_PROVINCE_ZH.search(title):
            # "2027年1—10月全省工业经济运行情况" from "信息来源：浙江省统计局"
            found = set(zh_pattern.findall(" ".join(_SOURCE_FIELD.findall(head))))
        return zh_names[found.pop()] if len(found) == 1 else "CN"
    found = {f.lower() for f in pattern.findall(without_dateline(title))}
    if not found and _WHOLE_PROVINCE_EN.search(title):
        found = {f.lower() for f in pattern.findall(" ".join(_SOURCE_FIELD.findall(head)))}
    return names[found.pop()] if len(found) == 1 else "CN"


_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
#: a title about "the province" that does not name it: its source field does
_WHOLE_PROVINCE_ZH = re.compile(r"全省|全市|全区|本省|我省")
_WHOLE_PROVINCE_EN = re.compile(r"\b(?:the\s+province|provincial|province-wide)\b",
                                re.IGNORECASE)
#: the publisher a page's header names: "信息来源：浙江省统计局", "Source: Zhejiang ..."
_SOURCE_FIELD = re.compile(r"(?:信息来源|来源|发布机构|发布单位|source)\s*[:：]\s*"
                           r"([^|｜\n]{2,60}?)(?=\s*[|｜\n]|\s{2,}|\u3000|$)", re.IGNORECASE)
_WORLD_SCOPE_EN = re.compile(r"\bworld|\bglobal")
_NATIONAL_SCOPE_EN = re.compile(
    r"\b(?:nationwide|national|in\s+the\s+country|among\s+(?:all\s+)?provinces)")


def ranking_scope_en(left: str, rank_words: str, right: str) -> str:
    """"world ranking of" only when the words say world; "national" for the country."""
    near = lowered(f"{left[-40:]} {rank_words} {right[:40]}")
    if _WORLD_SCOPE_EN.search(near):
        return "world ranking of "
    if _NATIONAL_SCOPE_EN.search(near):
        return "national ranking of "
    return "ranking of "


def ranking_scope_zh(rank_words: str) -> str:
    if "全球" in rank_words or "世界" in rank_words:
        return "world ranking of "
    if "全国" in rank_words or "国内" in rank_words:
        return "national ranking of "
    return "ranking of "


# ---------------------------------------------------------------- Chinese subjects

#: the genre's terms, Chinese to English; longest match wins when reading a phrase
SUBJECT_GLOSSARY_ZH = {
    "规模以上工业增加值": "value added of industrial enterprises above designated size",
    # sub-aggregates: ownership types, sectors, GDP's industries, network generations
    "国有控股企业": "state-holding enterprises",
    "股份制企业": "joint-stock enterprises",
    "外商及港澳台投资企业": "foreign-funded enterprises",
    "外商及港澳台商投资企业": "foreign-funded enterprises",
    "私营企业": "private enterprises",
    "大型企业": "large enterprises",
    "中型企业": "medium-sized enterprises",
    "小型企业": "small enterprises",
    "集体企业": "collective enterprises",
    "采矿业": "mining",
    "电力、热力、燃气及水生产和供应业": "electricity, heat, gas and water",
    "第一产业": "primary industry",
    "第二产业": "secondary industry",
    "第三产业": "tertiary industry",
    "国内生产总值": "gross domestic product",
    "4G用户": "4G users",
    "5G用户": "5G users",
    "4G基站": "4G base stations",
    "移动基站": "mobile base stations",
    "固定宽带接入用户": "fixed broadband users",
    "固定互联网宽带接入用户": "fixed broadband users",
    "互联网宽带接入用户": "fixed broadband users",
    "固定宽带": "fixed broadband",
    "千兆光网用户": "gigabit broadband users",
    "千兆宽带用户": "gigabit broadband users",
    "非制造业商务活动指数": "non-manufacturing business activity index",
    "综合PMI产出指数": "composite PMI output index",
    "新订单指数": "new orders index",
    "新出口订单指数": "new export orders index",
    "生产指数": "production index",
    "原材料库存指数": "raw materials inventory index",
    "从业人员指数": "employed person index",
    "供应商配送时间指数": "supplier delivery time index",
    "产成品库存指数": "finished goods inventory index",
    "在手订单指数": "backlog of orders index",
    "出厂价格指数": "ex-factory price index",
    "主要原材料购进价格指数": "main raw materials purchase price index",
    "生产经营活动预期指数": "production and business activity expectations index",
    "业务活动预期指数": "business activity expectations index",
    "建筑业商务活动指数": "construction business activity index",
    "服务业商务活动指数": "services business activity index",
    "进口指数": "imports index",
    "采购量指数": "purchase quantity index",
    "投入品价格指数": "input price index",
    "销售价格指数": "sales price index",
    "10G PON端口": "10G PON ports",
    "端口": "ports",
    "规模以上工业企业": "industrial enterprises above designated size",
    "规上工业增加值": "value added of industrial enterprises above designated size",
    "规模以上": "above designated size",
    "工业增加值": "industrial value added",
    "制造业增加值": "manufacturing value added",
    "高技术制造业": "high-tech manufacturing",
    "装备制造业": "equipment manufacturing",
    "制造业": "manufacturing",
    "非制造业": "non-manufacturing",  # not "制造业" read inside it
    "增加值": "value added",
    "工业": "industrial",
    "固定资产投资": "fixed asset investment",
    "技术改造投资": "technological transformation investment",
    "技改投资": "technological transformation investment",
    "投资": "investment",
    "出口交货值": "export delivery value",
    "出口": "exports",
    "进口": "imports",
    "营业收入": "operating revenue",
    "营业成本": "operating costs",
    "业务收入": "business revenue",
    # the operators' cloud, data-centre and IoT lines: a part of the revenue, never the total
    "新兴业务收入": "revenue from emerging businesses",
    "新兴业务": "emerging businesses",
    "语音业务收入": "voice business revenue",
    "固定通信业务收入": "fixed communications business revenue",
    "移动通信业务收入": "mobile communications business revenue",
    "移动数据流量业务收入": "mobile data traffic business revenue",
    "固定互联网宽带接入业务收入": "fixed broadband access business revenue",
    "电信业务收入": "telecommunications business revenue",
    "电信业务总量": "total volume of telecommunications business",
    "软件业务收入": "software business revenue",
    "软件": "software",
    "利润总额": "total profits",
    # a price's change is its own figure, never the profits stated before it
    "出厂价格": "ex-factory prices",
    "购进价格": "purchase prices",
    "亏损企业": "loss-making enterprises",
    "亏损额": "losses",
    "利润": "profits",
    "收入": "revenue",
    "5G基站": "5G base stations",
    "基站": "base stations",
    "1000Mbps及以上": "gigabit",
    # users of 100 Mbps and faster: a tier of the fixed broadband users, no indicator's
    "100Mbps及以上": "100 Mbps and faster",
    "千兆光网": "gigabit optical network",
    "千兆": "gigabit",
    "移动电话用户": "mobile phone users",
    "5G移动电话用户": "5G mobile phone users",
    "物联网": "Internet of Things",
    "用户": "users",
    "工业互联网": "industrial Internet",
    "互联网": "Internet",
    "平台": "platforms",
    "算力": "computing power",
    "总规模": "total scale",
    "规模": "scale",
    "产品销售率": "product sales ratio",
    "新能源汽车": "new energy vehicles",
    # kinds of new-energy vehicle the catalogue has no figure of: never all automobiles
    "纯电动汽车": "battery electric vehicles",
    "插电式混合动力汽车": "plug-in hybrid vehicles",
    "汽车": "automobiles",
    "智能手机": "smartphones",
    "全部工业增加值": "total value added of industry",
    "建筑业": "construction",
    "乘用车": "passenger cars",
    "商用车": "commercial vehicles",
    "原材料工业": "raw materials industry",
    "装备工业": "equipment industry",
    "先进制造业": "advanced manufacturing",
    "高端制造业": "high-end manufacturing",
    "价格指数": "price index",
    "新增": "new",
    "钢材价格指数": "steel price index",
    # divisions by the short names releases give them
    "电气机械制造业": "manufacture of electrical machinery and apparatus",
    "电气机械": "electrical machinery and apparatus",
    "产量": "output",
    "销量": "sales",
    "产销量": "production and sales",
    "产销": "production and sales",
    "造船完工量": "shipbuilding completions",
    "造船完工": "shipbuilding completed",
    "重点监测": "key monitored",
    "战略性新兴产业": "strategic emerging industries",
    "新船订单": "new ship orders",
    "手持船舶订单": "orders on hand",
    "出口船": "export ships",
    "新接订单量": "new shipbuilding orders",
    "新接订单": "new orders",
    "手持订单量": "orders on hand",
    "手持订单": "orders on hand",
    "造船": "shipbuilding",
    "船舶": "ships",
    "载重吨": "deadweight tonnage",
    "粗钢": "crude steel",
    "生铁": "pig iron",
    "钢材": "steel products",
    "有色金属": "non-ferrous metals",
    "十种有色金属": "ten non-ferrous metals",
    "水泥": "cement",
    "集成电路": "integrated circuits",
    "太阳能电池": "solar cells",
    "锂电池": "lithium batteries",
    "光伏": "photovoltaics",
    "机器人": "robots",
    "工业机器人": "industrial robots",
    "手机": "mobile phones",
    "微型计算机": "microcomputers",
    "发电量": "power generation",
    "用电量": "electricity consumption",
    "中小企业": "small and medium-sized enterprises",
    "专精特新": "specialized and sophisticated",
    "制造业单项冠军企业": "single champion enterprises in manufacturing",
    "单项冠军企业": "single champion enterprises",
    "单项冠军": "single champions",
    "小巨人": "'little giant'",
    "企业": "enterprises",
    "国家级": "national-level",
    "省级": "provincial-level",
    "制造业创新中心": "manufacturing innovation centres",
    "创新中心": "innovation centres",
    "先进制造业集群": "advanced manufacturing clusters",
    "产业集群": "industrial clusters",
    "集群": "clusters",
    "智能制造示范工厂": "smart manufacturing demonstration factories",
    "示范工厂": "demonstration factories",
    "灯塔工厂": "'lighthouse factories'",
    "工厂": "factories",
    "项目": "projects",
    "减税降费": "tax and fee cuts",
    "融资": "financing",
    "网上零售额": "online retail sales",
    "社会消费品零售总额": "total retail sales of consumer goods",
    "零售额": "retail sales",
    "产能利用率": "capacity utilization rate",
    "制造业PMI": "manufacturing PMI",
    "制造业采购经理指数": "manufacturing PMI",
    "PMI": "PMI",
    "全国": "national",
    "全球": "world",
    "世界": "world",
    "份额": "share",
    "比重": "share",
    "贡献率": "contribution rate",
    "国民经济": "national economy",
    "大类": "major categories",
    "行业": "industries",
    "产业": "industry",
    "数字经济": "digital economy",
    "核心产业": "core industries",
    "电子信息制造业": "electronic information manufacturing",
    "电子行业": "electronics industry",
    "电子产业": "electronics industry",
    # a province's energy and non-energy industry: groupings no catalogue cell states
    "能源工业": "energy industry",
    "非能源工业": "non-energy industry",
    "煤炭工业": "coal industry",
    "非煤工业": "non-coal industry",
    # energy products the catalogue has no indicator for: named, so their figures are no
    # industry's output
    "原煤": "raw coal",
    "原油": "crude oil",
    "天然气": "natural gas",
    "电子信息": "electronic information",
    "通信": "communications",
    "电信": "telecommunications",
    "流量": "traffic",
    "移动互联网": "mobile Internet",
    "应用": "applications",
    "数据中心": "data centres",
    "工业固废": "industrial solid waste",
    "综合利用": "comprehensive utilization",
    "能耗": "energy consumption",
    "单位": "per unit",
}


@functools.cache
def _glossary_zh() -> tuple[dict[str, str], re.Pattern[str]]:
    """The glossary with the catalogue's industry names ("汽车制造业": "manufacture of
    automobiles"), and every name holding 、 also without it, as releases often write
    them ("电力热力燃气及水生产和供应业"). The glossary's own terms come first."""
    terms: dict[str, str] = {}
    for item in Catalogue.load().industries.values():
        if item.name_zh and item.name_en:
            terms[item.name_zh] = item.name_en[0].lower() + item.name_en[1:]
    terms.update(SUBJECT_GLOSSARY_ZH)
    for zh, en in list(terms.items()):
        terms.setdefault(zh.replace("、", ""), en)
    pattern = re.compile("|".join(sorted(map(re.escape, terms), key=len, reverse=True)))
    return terms, pattern
_VERB_ZH = re.compile(r"同比|比上年|较上年|增长|增加(?!值)|下降|减少|达到|达|为|占|"
                      r"超过|突破|居|位居|累计|实现|完成|提高|拉动")


def _terms_zh(phrase: str) -> str:
    terms: list[str] = []
    glossary, pattern = _glossary_zh()
    end = 0
    for m in pattern.finditer(phrase):
        term = glossary[m.group()]
        if m.group() in _GENERIC_INDUSTRY_ZH and _unknown_name_before_zh(phrase[end:m.start()]):
            # "工程机械行业", "装备产业": an industry the glossary does not know, no cell
            term = f"{SUB_SECTOR} {term}"
        end = m.end()
        if term not in terms:
            terms.append(term)
    return " ".join(terms)


#: the bare words for an industry, which a name the glossary does not know may lead
_GENERIC_INDUSTRY_ZH = frozenset({"行业", "产业"})
#: what may stand right before 行业 or 产业 without naming an industry of its own
_GENERIC_BEFORE_ZH = re.compile(
    r"(?:全|各|该|分|个|其他|其余|相关|重点|主要|支柱|主导|优势|传统|多数|大多数|下游|上游|"
    r"上下游|部分|多个|四大|三大|五大|六大|十大|33个|41个|大类|所有|全部)$")
#: where the words before 行业 or 产业 start: after a separator or a function word
_NAME_BREAK_ZH = re.compile(r"[^，,、；;：:。（）()和及与的在中对从由以看\s\d]+$")


def _unknown_name_before_zh(between: str) -> bool:
    """Whether the words right before 行业 or 产业 (since the term before) name something:
    "工程机械" does, "重点", "各" and "分" do not."""
    name = _NAME_BREAK_ZH.search(between)
    return (name is not None and len(name.group()) >= 2
            and not _GENERIC_BEFORE_ZH.search(name.group()))


def terms_zh(phrase: str) -> str:
    """The English of the glossary terms a Chinese phrase holds ("粗钢" → crude steel), or
    ''."""
    return _terms_zh(phrase)


#: a topic opening a clause: "生铁方面，……", "钢材方面，"
_TOPIC_ZH = re.compile(r"([^，。；、,;\s]{1,10})方面[，,]")


def topic_zh(line_left: str) -> str:
    """The English of the last topic a line opens before a figure ("生铁方面，10月份产量
    6218万吨": pig iron), or ''."""
    topics = _TOPIC_ZH.findall(line_left)
    return _terms_zh(topics[-1]) if topics else ""


def is_term_zh(phrase: str) -> bool:
    """Whether a Chinese phrase is one term of the glossary ("通用设备制造业")."""
    return phrase in _glossary_zh()[0]


def first_term_zh(phrase: str) -> int:
    """Where the first glossary term of a phrase ends (0 when it has none)."""
    match = _glossary_zh()[1].search(phrase)
    return match.end() if match else 0


def first_term_start_zh(phrase: str) -> int:
    """Where the first glossary term of a phrase starts (-1 when it has none)."""
    match = _glossary_zh()[1].search(phrase)
    return match.start() if match else -1


def _before_verb_zh(phrase: str) -> str:
    verb = _VERB_ZH.search(phrase)
    if verb and verb.group() in ("实现", "完成", "累计"):
        return phrase  # what is achieved follows: "企业实现利润总额5.95万亿元"
    return phrase[:verb.start()] if verb and verb.start() > 0 else phrase


def _whole_name_zh(phrase: str, clause_left: str) -> str:
    """The clause widened to the start of a name that 、 cut in two: "计算机、通信和其他电子
    设备制造业增长" is one clause, not "通信和其他电子设备制造业增长"."""
    boundary = len(phrase) - len(clause_left)
    if boundary <= 0 or not phrase.endswith(clause_left):
        return clause_left
    for match in _glossary_zh()[1].finditer(phrase):
        if match.start() < boundary < match.end():
            return phrase[match.start():]
    return clause_left


def subject_zh(sentence_left: str, clause_left: str, right: str, counts_things: bool) -> str:
    """English for the Chinese phrase that names the figure: after a count's measure word
    when the glossary knows it, else before the clause's verb, else anywhere before."""
    clauses = [c for c in _CLAUSES_ZH.split(sentence_left) if c]
    if clauses:
        clause_left = _whole_name_zh(clauses[-1], clause_left)
        if "占" in clauses[-1] and "占" not in clause_left:
            # "出口船舶分别占全国造船完工量、新接订单量……的85.9%": a share of the part
            # named before 占, not of the whole its list ends with
            clause_left = clauses[-1]
    # each candidate with the clauses before it
    last = len(clauses) - 1
    candidates = [(_before_verb_zh(clause_left), last), (clause_left, last)]
    # a share's clause before ("占移动基站总数的37.1%，上年末为445万个") names its whole,
    # never what the figures after it count
    candidates += [(_before_verb_zh(c), i) for i, c in reversed(list(enumerate(clauses)))
                   if i == last or not c.lstrip().startswith("占")]
    if counts_things:
        after = _PHRASE_END_ZH.split(right, maxsplit=1)[0][:30]
        candidates.insert(0, (after, last + 1))
    for phrase, at in candidates:
        if terms := _terms_zh(phrase):
            return _business_named_before_zh(terms, clauses[:at])
    return ""


def contributor_zh(sentence_left: str, clause_left: str, subject: str) -> str:
    """"新兴业务……增速达到8.1%，拉动电信业务收入增长2.0个百分点": the business that
    pulled the growth, stated before the clause, with what it pulled."""
    business = _last_business_zh(sentence_left[:len(sentence_left) - len(clause_left)])
    return f"{business} pulled {subject} growth" if business else subject


def _business_named_before_zh(terms: str, before: list[str]) -> str:
    """"……等新兴业务，共完成业务收入2712亿元": the revenue of the business the clause
    before names, not the operators' whole revenue."""
    business = _last_business_zh(before[-1]) if terms == "business revenue" and before else ""
    return f"revenue from {business}" if business else terms


def _last_business_zh(text: str) -> str:
    """The English of the last business line (a glossary term ending in 业务) in a text."""
    glossary, pattern = _glossary_zh()
    named = [m.group() for m in pattern.finditer(text) if m.group().endswith("业务")]
    return glossary[named[-1]] if named else ""
