"""Temporal expressions: find them in news text and give each its TimeML TIMEX3 type and value.

A HeidelTime-style rule grammar. Every rule is a regular expression over words; all rules are
joined, longest forms first, into one alternation that is scanned once per text. A match is then
normalised by the handler of the rule that matched, which computes a TIMEX3 value from:

- the document creation time (DCT, the article's publication date) for deictic expressions
  ("Tuesday", "last June", "next month", "two weeks ago");
- the *reference time*, the last fully specified date mentioned before in the same text, for
  anaphoric ones ("the next day", "that week", "a year earlier" after a quarter);
- the tense around the expression for bare weekdays and months ("arrived Tuesday" is the past
  Tuesday, "will meet Tuesday" the coming one).

Without a DCT, deictic expressions get underspecified values (``XXXX-XX-XX`` style) and absolute
ones ("Jan. 8, 2019", "1953") still get their full value.

Extents follow the TimeML / TempEval-3 guidelines: determiners and modifiers that are part of the
expression are inside ("the past 10 months", "late Monday night", "more than four hours"),
prepositions are outside ("on Tuesday" -> "Tuesday", "since 1953" -> "1953").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..records import Timex

__all__ = ["MONTH_NAMES", "Ref", "TimexTagger", "WEEKDAY_NAMES", "format_value", "granularity_of", "live_days", "shift_value",
           "span_joint", "tag_timexes", "value_to_date"]

# --- vocabulary ---------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
# unit word -> (TIMEX3 duration letter, is a time unit (PT...), multiplier)
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
    "week": ("W", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "quarter": ("Q", False, 1), "year": ("Y", False, 1), "decade": ("Y", False, 10),
    "century": ("Y", False, 100), "weekend": ("WE", False, 1), "night": ("D", False, 1),
}
SEASON_MONTH = {"WI": 1, "SP": 4, "SU": 7, "FA": 10}


_MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_MONTH_FULL = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")


def format_value(value: str) -> str | None:
    """A reader's form of a TIMEX3 date value: ``2019-01-08`` -> "Jan. 8, 2019", ``2018-06`` ->
    "June 2018", ``2018`` -> "2018"; None for values that name no calendar date."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value or "")
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12:
            return f"{_MONTH_ABBR[mo - 1]} {d}, {y}"
        return None
    m = re.fullmatch(r"(\d{4})-(\d\d)", value or "")
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{_MONTH_FULL[int(m.group(2)) - 1]} {m.group(1)}"
    if re.fullmatch(r"\d{4}", value or ""):
        return value
    return None


MONTH_NAMES = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
               r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
WEEKDAY_NAMES = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"  # the names, as a pattern
_WDAY_RX = rf"(?:{WEEKDAY_NAMES}|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
# a part of one unit: "half an hour", "a half-hour", "a quarter century", "a quarter of an hour"
_PART_OF = r"(?:half(?:\s+of)?\s+an?|a\s+half|a\s+quarter(?:\s+of\s+an?)?|three\s+quarters\s+of\s+an?)(?=[\s-]+(?:hour|day|year|century|minute|month)\b)"
_PARTS_OF = {"half": 0.5, "a half": 0.5, "a quarter": 0.25, "three quarters": 0.75}
_NUMW = ("(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
         "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
         "|hundred|thousand)")
# "two to three weeks" is one amount, roughly told; "from two to six days", "between two to six days" give a range's
# two ends, each its own expression (as "from 1992 through 1995" does)
_AMOUNT_TO_AMOUNT = rf"(?<!\bfrom\s)(?<!\bbetween\s)(?:{_NUMW}|\d+)\s+to\s+(?:{_NUMW}|\d+)(?![.,]?\d)"
_NUM = (rf"(?:{_PART_OF}|(?:{_NUMW}|\d+)\s+or\s+(?:{_NUMW}|\d+)(?![.,]?\d)|{_AMOUNT_TO_AMOUNT}|\d+\s+1/2|\d{{1,3}}(?:,\d{{3}})+(?![,.]?\d)|\d+(?:\.\d+)?|{_NUMW}(?:[- ]{_NUMW})*(?:\s+and\s+a\s+half)?|(?:a\s+)?couple\s+of|(?:a\s+)?couple"
        r"|a\s+few|a\s+dozen|a\s+hundred|a\s+thousand|dozens\s+of|several|a|an|few|many(?:,?\s+many)*|some|the\s+next\s+few)")
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|weekend)"
_ORD = "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\d+(?:st|nd|rd|th))"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d|%|-year|\s*percent|\s+(?:million|billion|trillion)\b)"
_DAYN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ONES = "(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENW = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# a year said by its century and the rest ("nineteen ninety-four", "nineteen oh five", "twenty ten")
_SPOKEN_CY = rf"(?P<c>eighteen|nineteen|twenty)\s+(?P<r>{_TENW}(?:[- ]{_ONES})?|{_TEENS}|oh[- ]{_ONES})(?![\w-])"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
# the words that may follow a time of day that stands alone ("at midday on Sunday", "by midday and"), not a noun it
# modifies ("midday naps")
_AFTER_A_TIME = (r"(?:on|in|at|of|by|to|and|or|but|from|for|with|as|when|while|after|before|until|till|local|today"
                 r"|tonight|tomorrow|yesterday|next|last|this|each|every|the|a|an|sharp|exactly|he|she|it|they|we|i"
                 r"|there|is|are|was|were|will|would|could|should|may|might|can|had|has|have)")
_TIME = (r"(?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)"
         # ("4 in the morning", "3 o'clock in the afternoon", "2:00 in the morning")
         r"|(?:1[0-2]|0?[1-9])(?::[0-5]\d)?(?:\s+o'clock)?\s+in\s+the\s+(?:morning|afternoon|evening|night)(?![\w-])"
         r"|(?:[01]?\d|2[0-3]):[0-5]\d"
         r"(?=\s*(?:GMT|EST|EDT|CST|PST|local|UTC|hours))|noon|midnight|(?:1[0-2]|[1-9])\s+o'clock"
         # ("at midday", "until midday on Sunday"; not "the midday sun", "in midday trading", nor a modifier of the noun
         # after it: "talked about midday naps", "after midday prayers")
         r"|(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\btill\s)|(?<=\babout\s)|(?<=\baround\s)|(?<=\bafter\s)"
         rf"|(?<=\bbefore\s)|(?<=\bsince\s))mid-?day(?![\w-])(?!\s+(?!{_AFTER_A_TIME}\b)(?-i:[a-z])))"
         r"(?:\s+(?:GMT|EST|EDT|CST|CDT|PST|PDT|UTC|ET|CT|PT|MT|BST|CET|local\s+time))?")
_APPROX = (r"(?:(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|under"
           r"|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|fewer\s+than|just\s+over"
           r"|just\s+under|well\s+over|over|the\s+better\s+part\s+of)\s+)")
# what makes "over" before an amount "more than" ("for over a year", "to last over a week", "Over a year later"), not
# the preposition of a period ("can be used over three years", "spread over two decades")
_OVER_MORE = re.compile(r"(?:^|[,;:(\[—]|--|\b(?:for|last|lasts|lasted|lasting|of|in|within|took|take|takes|taking|spent|"
                        r"spend|spends|after|than|been|be|is|was|are|were|and|or|already)|['’]s)\s*$", re.IGNORECASE)
_EDGE = (r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
         r"|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+latter\s+part\s+of|end\s+of"
         r"|earlier|later)[\s-]+)")
_DEICTIC = r"(?:last|this|next|past|coming|previous|current|following)"
_REL_UNIT = r"(?:day|week|weekend|month|year|quarter|decade|century)"
# a quarter that is a share of something, not three months
_QUARTER_OF_SOMETHING = re.compile(r"\s*(?:(?:percentage\s+)?points?\b|of\s+(?:an?\s+)?(?:million|billion|percent|per\s+cent)\b"
                                   rf"|of\s+(?:the|all|its|their|his|her|our|them|those|these)\s+(?!{_UNIT}s?\b))", re.I)
# "just over a quarter, 26 percent, said ...", "nearly a quarter (24%)": a share told as a percentage
_A_QUARTER_PERCENT = re.compile(r"\s*(?:,|\(|--|—|–)\s*(?:or\s+)?\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b)", re.I)
# "a quarter of donors": one quarter of a plain noun is a share too (not "a quarter of 2013", "of next year";
# "several quarters of losses" are quarters of a year)
_A_QUARTER_OF = re.compile(rf"\s+of\s+(?!(?:an?|the|this|that|last|next|fiscal|calendar|fy|each|every|{_UNIT}s?)\b)"
                           r"[^\W\d]", re.I)


def _quarter_share(text: str, end: int) -> bool:
    """Is the "(a) quarter" ending at ``end`` a share ("a quarter of donors", "a quarter, 26 percent,")?"""
    return bool(_A_QUARTER_OF.match(text, end) or _A_QUARTER_PERCENT.match(text, end))


# --- value helpers ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ref:
    """The reference time for anaphoric expressions: a value and its granularity."""

    value: str
    granularity: str  # day, week, month, quarter, year
    end: int = -1     # where the expression that set it ends in the text (-1: not from the text)


def _num(text: str) -> float | None:
    """The number a quantity phrase stands for; None for vague ones ("several", "a few")."""
    t = re.sub(r"(?<=\d),(?=\d{3})", "", re.sub(r"\s+", " ", text.lower().strip()))  # "1,500" is 1500
    alt = re.fullmatch(r"(\w+) (?:or|to) (\w+)", t)
    if alt:  # "three or four", "two to three": the larger, as "four months ago" had been
        return _num(alt.group(2))
    part = re.fullmatch(r"(half|a half|a quarter|three quarters)(?: of)?(?: an?)?", t)
    if part:
        return _PARTS_OF[part.group(1)]
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t in ("a", "an"):
        return 1 + half
    if t in ("a couple of", "a couple", "couple of", "couple"):
        return 2
    if t in ("a hundred", "a thousand"):
        return 100 if t == "a hundred" else 1000
    if t in ("a dozen",):
        return 12
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half
    if re.fullmatch(r"\d+ 1/2", t):
        return float(t.split()[0]) + 0.5
    total, cur = 0, 0
    for w in re.split(r"[- ]", t):
        if w in SMALL:
            cur += SMALL[w]
        elif w in TENS:
            cur += TENS[w]
        elif w == "hundred":
            cur = max(cur, 1) * 100
        elif w == "thousand":
            total += max(cur, 1) * 1000
            cur = 0
        else:
            return None
    return total + cur + half


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _duration(n: float | None, unit: str) -> str:
    letter, is_time, mult = UNITS[unit]
    if letter == "WE":
        return "P" + (_fmt_num(n) if n is not None else "X") + "WE"
    if n is None:
        q = "X"
    else:
        n = n * mult
        halves = {"Y": "6M", "H": "30M", "D": "T12H"} if not is_time or letter == "H" else {"M": "30S"}
        if not float(n).is_integer() and float(n * 2).is_integer() and letter in halves:
            whole, sub = int(n), halves[letter]
            return ("PT" if is_time else "P") + (f"{whole}{letter}" if whole else "") + sub
        if not float(n).is_integer():
            # 1.25 years -> P15M; an amount the smaller unit does not take whole keeps its own unit, with the
            # decimal ISO 8601 allows in the last part ("a week and a half" is P1.5W, not ten days)
            smaller = {"Y": ("M", 12), "M": ("S", 60) if is_time else ("D", 30), "W": ("D", 7), "D": ("H", 24),
                       "H": ("M", 60)}.get(letter)
            if smaller and not float(n * smaller[1]).is_integer():
                smaller = None
            if smaller and not is_time and smaller[0] == "H":
                return f"PT{_fmt_num(n * smaller[1])}H"
            if smaller:
                return ("PT" if is_time else "P") + f"{_fmt_num(n * smaller[1])}{smaller[0]}"
        q = _fmt_num(n)
    if mult == 10 and n is None:
        return "PXDE"
    if mult == 100 and n is None:
        return "PXCE"
    return ("PT" if is_time else "P") + q + letter


def _unit_of(word: str) -> str:
    w = word.lower().rstrip("s")
    if w.startswith("centur"):
        return "century"
    return w


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, 28))


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def value_to_date(value: str) -> date | None:
    """The first day a TIMEX3 date value stands for (``2019-01`` -> 2019-01-01), or None."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value or "")
    if not m:
        m2 = re.match(r"(\d{4})-W(\d\d)", value or "")
        if m2:
            return date.fromisocalendar(int(m2.group(1)), int(m2.group(2)), 1)
        return None
    try:
        if m.group(3):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m.group(2):
            return date(int(m.group(1)), int(m.group(2)), 1)
        q = re.match(r"\d{4}-Q([1-4])", value)
        if q:
            return date(int(m.group(1)), 3 * int(q.group(1)) - 2, 1)
        w = re.match(r"\d{4}-W(\d\d)", value)
        if w:
            return date.fromisocalendar(int(m.group(1)), int(w.group(1)), 1)
        return date(int(m.group(1)), 1, 1)
    except ValueError:
        return None


def granularity_of(value: str) -> str | None:
    """day, week, month, quarter, season, year, decade or None for a TIMEX3 date value."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}-Q[1-4]|\d{4}-H[12]", value):
        return "quarter"
    if re.fullmatch(r"\d{4}-(?:SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}X?", value):
        return "decade"
    return None


def shift_value(value: str, n: int, unit: str) -> str | None:
    """``value`` moved by ``n`` units (day, week, month, quarter, year), at the value's own granularity."""
    g = granularity_of(value)
    d = value_to_date(value)
    if d is None or g is None:
        return None
    if g == "day":
        if unit == "day":
            return (d + timedelta(days=n)).isoformat()
        if unit == "week":
            return (d + timedelta(weeks=n)).isoformat()
        if unit == "month":
            return _add_months(d, n).isoformat()[:8] + f"{min(d.day, 28):02d}"
        if unit == "year":
            try:
                return d.replace(year=d.year + n).isoformat()
            except ValueError:
                return d.replace(year=d.year + n, day=28).isoformat()
    if g == "week":
        return _week(d + timedelta(weeks=n * {"week": 1, "year": 52}.get(unit, 1)))
    if g == "month":
        k = n * {"month": 1, "quarter": 3, "year": 12}.get(unit, 1)
        return _add_months(d, k).isoformat()[:7]
    if g == "quarter":
        y, q = int(value[:4]), int(value[-1])
        k = n * {"quarter": 1, "year": 4, "month": 0}.get(unit, 1)
        idx = y * 4 + q - 1 + k
        return f"{idx // 4}-Q{idx % 4 + 1}" if value[5] == "Q" else f"{y + (n if unit == 'year' else 0)}-{value[5:]}"
    if g == "season":
        return f"{int(value[:4]) + (n if unit == 'year' else 0)}-{value[5:]}"
    if g == "year":
        return f"{int(value[:4]) + n * {'year': 1, 'decade': 10}.get(unit, 1):04d}"
    return None


# --- tense ----------------------------------------------------------------------------------------

_FUTURE = re.compile(
    r"(?:\b(?:(?:will|won't|shall|would)(?:\s+not)?\s+(?:be|have\s+been)\s+\w+|will|won't|shall|going\s+to|plans?\s+to|hop(?:es?|ing)\s+to|planned\s+(?:to|for)|scheduled|expected\s+to|(?:was|were|is|are)\s+(?:also\s+)?expected|(?:is|are)\s+to"
    r"|(?:is|are)\s+due|due\s+(?:to(?!\s+(?:the|a|an|his|her|its|their|this|that|these|those|lack|bad|heavy|poor"
    r"|[a-z]+[^\Ws]s|[a-z]+ing)\b)|for)|set\s+to|(?:un)?likely\s+to(?!\s+have\b)|prepar(?:es|ing)\s+to|brac(?:ed?|es|ing)\s+for|slated|upcoming|next|payable|effective|expires?|to\s+be\s+held|plans|planned|planning|would\s+be|might|expects?|forecasts?|predicts?|"
    r"as\s+(?:soon|early)\s+as|postponed(?:\s+\w+)?\s+until|(?:meets?|arrives?|begins?|starts?|opens?|votes?|"
    r"leaves?|returns?|resumes?|visits?|travels?|expires?|closes?|ends?|heads|head(?!\s+on\b)|convenes?|takes\s+effect|decides|rules|"
    r"testifies|faces|hosts|launches|reopens|debates|hears|releases|unveils|departs|kicks?\s+off|takes?\s+place"
    r"|tips?\s+off|premieres?|goes\s+into\s+effect|set\s+for)"
    # ("starts publication on Sunday": one object between)
    r"(?=\s+(?:(?!on\b)[a-z]+\s+)?(?:on\s+)?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|next|(?:in|on)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))|delayed(?:\s+\w+)?\s+until|(?:is|are)(?=\s+(?:at\s+|on\s+)?(?:\d|Mon|Tue|Wed|Thu|Fri|Sat|Sun|next))|not\s+plan\s+to\s+\w+"
    # "said it would resume service on Saturday": the future of a report ("would have resigned" is no
    # future, "would have to be approved" is)
    r"|would(?:\s+not)?(?!\s+have\s+(?!to\b))(?=\s+[a-z]))\b|'ll\b"
    # a present progressive before a day is an arrangement ahead ("we're meeting on Saturday", "is
    # flying to Haiti on Friday", "are gearing up for the Third Ministerial Conference on Friday";
    # tokenized "we 're meeting")
    r"|(?:\b(?:is|are|am)|(?<=\w)['’](?:re|m)|(?<=\s)['’](?:re|m))(?:\s+(?:also|still|now|already|busy))?"
    r"\s+(?!being\b)[a-z]+ing\b"
    r"(?=(?:(?:\s+up)?\s+(?:to|in|at|for|with|back|home|out|off)(?:\s+[A-Za-z-]+){0,4})?\s+(?:on\s+)?"
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)))",
    re.IGNORECASE)
# a present simple of an event, its object between, before the day or month it happens on: news tells a coming
# event in the present ("The team plays Monday", "Mugabe opens the conference on Friday", "Iraq goes to the
# polls on Thursday", "The act comes into force on Monday"); not a verb whose present is also a past ("beat",
# "cast", "set"), nor one of a relation ("follows", "leads"), nor one a photo's caption tells a past in ("Thousands
# attend a protest Thursday", "Fans celebrate Sunday"); a verb in lower case ("NBC's Meet the Press on Sunday")
_EVENT_VERB = (r"plays?(?:\s+host)?|entertains?|fl(?:y|ies)|competes?|holds|concludes?|climax(?:es)?|wraps?\s+up"
               r"|tees?\s+off|gets?\s+under\s?way|goes\s+ahead|go\s+ahead|go(?:es)?\s+to\s+the\s+polls"
               r"|comes?\s+into\s+(?:force|effect)|takes?\s+(?:on|over|office|power|the\s+stage)|swears?\s+in|addresses"
               r"|meets?|faces|visits?|travels?|arrives?|opens?|begins?|starts?|resumes?|convenes?|launches|unveils"
               r"|departs|premieres?|kicks?\s+off|takes?\s+place")
# the words of an event's object between its verb and its time (no clause's word, no other verb)
_OBJECT_WORD = (r"\s+(?!(?:that|which|who|whom|whose|and|but|or|while|as|because|when|after|before"
                r"|since|until|if|than|said|says|was|were|had|has|have|is|are)\b)[\w'’&.-]+")
# (a month and day after a determiner or "of" names a noun's event, no time of the verb: "faces charges in the Oct. 1
# attack", "opens an inquiry into the crash of Oct. 1")
_NO_NOUNS_DAY = "".join(rf"(?<!\b{w}\s)" for w in ("the", "a", "an", "its", "his", "her", "their", "our", "this", "of"))
_PRESENT_EVENT = re.compile(
    rf"\b(?:{_EVENT_VERB})\b(?=(?:{_OBJECT_WORD}){{0,7}}?\s+(?:on\s+)?"
    rf"(?:{_WDAY_RX}|(?:in|on|from)\s+(?:(?:early|mid|late)[\s-]+)?{MONTH_NAMES}|{_NO_NOUNS_DAY}{MONTH_NAMES}\s+\d))")
# a noun of an incident, its determiner and a preposition of its topic before it, right before the day or month
# ("faces charges over the attack Oct. 1 on a bus", "opens an inquiry into the deadly crash on Monday"): the day is
# the incident's, told before, not the time of the present verb further back (not "meets to discuss the crash on
# Friday", "visits the site of the collapse on Thursday": the verb's own object, its day the visit's); so is the day
# after those an incident left, "of" before it ("honours the victims of the attack on Monday", "meets survivors of the
# blast Monday": there are victims only once the attack is over, the day is the attack's)
_INCIDENT_BEFORE = re.compile(
    r"\b(?:(?:over|into|about|after|following|for|in|since)"
    r"|(?:victims?|survivors?|families|relatives|widows?|orphans|casualties|dead|wounded|injured|aftermath|wake"
    r"|perpetrators?|culprits?)\s+of)\s+"
    r"(?:(?:the|a|an|its|his|her|their|our|this|that|these|those)\b|[\w.-]+['’]s)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:attacks?|bombings?|blasts?|explosions?|crash(?:es)?|shootings?|killings?|murders?|stabbings?|assaults?|raids?"
    r"|ambush(?:es)?|massacres?|riots?|arson|collisions?|derailments?|accidents?|kidnappings?|abductions?|hijackings?"
    r"|robber(?:y|ies)|heists?|slayings?|deaths?|(?:earth)?quakes?|incidents?|clash(?:es)?|coups?|sinkings?"
    r"|collapses?)\s+(?:on\s+)?$", re.IGNORECASE)
# a year, a month or a past day of its own in the incident's phrase: the day after it is then no incident's ("meets
# survivors of the 1998 crash on Monday", "honours the victims of last year's bombing on Monday": the meeting's day)
_DATED_INCIDENT = re.compile(rf"\b(?:1[5-9]\d\d|20\d\d|{MONTH_NAMES}|(?:{WEEKDAY_NAMES}|year|week|month|yesterday)['’]s)"
                             r"(?![\w-])")


def _incident_before(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` ends on an incident's noun phrase with no time of its own (``_INCIDENT_BEFORE``), so
    that the day right after it is the incident's."""
    m = _INCIDENT_BEFORE.search(text, lo, hi)
    return m is not None and not _DATED_INCIDENT.search(m.group(0))


# a span of weekdays after the day ("from Monday to Friday")
_DAYS_SPAN = re.compile(rf"\s*(?:to|through|till|until|-|–)\s*{_WDAY_RX}")
# a plain form after these is no present of its own ("did not play Monday", "wanted to play on Sunday")
_NO_PRESENT_BEFORE = re.compile(r"\b(?:to|did|didn['’]t|not|could|would|should|must|might|may|can|will|shall|be|been"
                                r"|was|were|is|are)\s+(?:\w+ly\s+)?$",
                                re.IGNORECASE)
# a past linking verb: "open" or "close" after it is an adjective ("remained open", "were open")
_PAST_LINK = re.compile(r"\b(?:remained|stayed|was|were|been|kept|left)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# the past of common irregular verbs (the regular ones end in -ed)
IRREGULAR_PAST = ("told", "met", "came", "went", "left", "began", "made", "took", "gave", "held", "won", "lost",
                  "found", "got", "saw", "fell", "rose", "sent", "spent", "shot", "led", "flew", "struck", "broke",
                  "brought", "ran", "became", "wrote", "spoke", "sold", "bought", "paid", "hit", "knew", "thought",
                  "felt", "kept", "heard", "meant", "stood", "sat", "drew", "grew", "threw", "died", "fled")
# a present passive in a clause of time or condition, before its day or month: what is to happen ("when nominations
# are announced Tuesday", "until two relief wells are finished in August"); a headline's present passive tells a past
# ("Explosions are heard early Monday")
_SUBORDINATE_PASSIVE = re.compile(
    r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:(?-i:[a-z]\w{2,}ed)|" + "|".join(IRREGULAR_PAST)
    + r"|taken|given|sworn|chosen|shown|known|seen|done|drawn|begun|broken|thrown|written|spoken|run|set|put|cast"
    rf"|read)\b(?=(?:\s+[\w'’.-]+){{0,3}}?\s+(?:on\s+|in\s+)?(?:{_WDAY_RX}|{MONTH_NAMES}))", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:when|once|until|till|after|before|if|unless|as\s+soon\s+as)\s[^.,;:!?]*$",
                          re.IGNORECASE)
_PAST = re.compile(
    # "last" of a time ("last week", "last Monday"), not "its last rival"; "earlier", not "no earlier than"
    rf"\b(?:was|were|had|did|said|ago|last(?=\s+(?:{_REL_UNIT}|night|time|season|{_SEASON}|{WEEKDAY_NAMES}"
    rf"|{MONTH_NAMES})\b)|yesterday|since|earlier(?!\s+than)|" + "|".join(IRREGULAR_PAST)
    # (a participle hyphened to a word is an adjective: "a state-imposed curfew", "US-backed forces")
    + r"|(?<!-)(?-i:[a-z]\w{2,}ed))\b", re.IGNORECASE)


# an infinitive's participle tells no past ("to be sealed", "to have been completed")
_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?:be|get|have\s+been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "a still unspecified date", "the newly elected mayor": a participle that is an adjective, no past
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|its|his|her|their|our|this|these|those)\s+(?:\w+ly\s+|still\s+|as[\s-]yet\s+)?$",
                          re.IGNORECASE)
# "is completed", "are held": a present passive, no past
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# a day opening its sentence or clause ("On Monday, ...", "Monday, ...")
_FRONTED = re.compile(r"(?:^|[.;:!?\n]\s*|\b[Oo]n\s+)$")
# a day that opens its sentence or clause itself ("On Monday, ..."; not "rebuffed the plan on Tuesday, saying ...")
_OPENS = re.compile(r"(?:^|[.;:!?\n])\s*(?:[Oo]n\s+)?$")
# ... or a date its preposition opens ("In January, ...")
_OPENS_IN = re.compile(r"(?:^|[.;:!?\n])\s*(?:[\"“]\s*)?(?:(?:[Oo]n|[Ii]n)\s+)?$")
_AFTER_W, _AFTER_C = 1.5, 6  # a marker after the expression counts as farther than one before it


# where the clause after an expression ends (and, when it reports what was said, at "that")
_CLAUSE_WORDS = "and|but|while|as|because|when|after|before"
# ("the summit on Friday and Saturday will ...": a day joined to the next one shares its clause)
# ("talks began in October which is expected to last a decade": a relative clause is another's, as a free relative
# is: "meeting them on Wednesday for what a spokesman said would be a frank talk")
_CLAUSE_END = re.compile(rf"[,;:.!?]|\s(?:{_CLAUSE_WORDS}|which|who|what)\s(?!(?:on\s+)?{_WDAY_RX})")
_CLAUSE_END_THAT = re.compile(rf"[,;:.!?]|\s(?:{_CLAUSE_WORDS}|that)\s")
_THAT_CLAUSE = re.compile(r"\s+(?:(?:night|evening|morning|afternoon)\s+)?that\s")
_TO_VERB = re.compile(r"\bto\s+[a-z]+(?:\s+[a-z]+)?\s+(?:on\s+)?$")


def _tense(text: str, start: int, end: int, lo: int, hi: int) -> int:
    """-1 past, +1 future, 0 unknown: the nearest tense marker around ``text[start:end]``."""
    before = text[max(lo, start - 60):start]
    tail = text[end:min(hi, end + 45)]
    comma = end + len(tail) - len(tail.lstrip(" "))  # ("On Monday , ...": a tokenized text's comma)
    fronted: str | None = None  # the clause after the comma of a date that opens its sentence
    # (a relative clause set off by commas is left out: "On Monday, the envoy, who said ..., will travel")
    if _FRONTED.search(text, max(lo, start - 8), start) and text.startswith(",", comma) \
            and (head := _ahead_head(clause := re.split(r"[,;:.!?]", _REL_CLAUSE.sub("", text[comma + 1:min(hi, comma + 121)]))[0])) \
            is not None:
        # "On Monday, Garzon will ...", "On Sunday, Clinton plans to visit ...", "On Sunday, the
        # six-million-kilowatt hydropower station will start ...": the day stands before its clause and
        # its modal, however long the clause's subject; a subject's participle ("On Monday, the newly
        # appointed minister will speak") is no verb of the clause
        if not _verb_past(head) and _OPENS.search(text[lo:start]):
            return 1
        tail = clause
    elif text.startswith(",", comma) and _OPENS_IN.search(text[lo:start]):
        # "In January, American Medical brought in a new chief", "In December, a week after the vote, a bomb killed
        # a guard": a date that opens its sentence is of the clause after its comma, however far its verb
        # (up to the sentence's end, past an abbreviation's period, or a that-clause's own: "On Thursday, Moss stuck
        # to the estimate that the leak will be plugged by August")
        fronted = re.split(r"[;:!?]|\sthat\s", _REL_CLAUSE.sub("", text[comma:min(hi, comma + 200)]))[0]
    elif "wh" in tail:
        # ("On Friday the envoy, who said the talks had stalled, will travel", "the talks on Friday, which were
        # held in Doha, will decide": the main clause goes on after the relative clause)
        tail = _REL_CLAUSE.sub("", text[end:min(hi, end + 200)])[:45]
    # "says Tuesday that he will resign": the tense of a that-clause right after the expression is
    # what was said ("is poised to announce Monday that subsidies will end" looks ahead all the same)
    reported = _THAT_CLAUSE.match(tail) and not _TO_VERB.search(before)
    after = fronted if fronted is not None else (_CLAUSE_END_THAT if reported else _CLAUSE_END).split(tail)[0]
    best: tuple[float, int] | None = None  # (distance, sign)
    b0 = max(lo, start - 60)
    back = max([lo, start - 240] + [m.end() for m in _HARD_STOP.finditer(text, max(lo, start - 240), start)])
    # ("The envoy, who said the talks had stalled, will travel on Friday": the main clause's tense decides)
    relative = [(m.start(), m.end()) for m in _REL_CLAUSE.finditer(text, max(lo, start - 240), start)] \
        if text.find("wh", max(lo, start - 240), start) >= 0 else []
    possessive = text.startswith(("'s", "’s"), end)
    # (each marker with its sign, and whether it counts after the expression too: a present event or passive only
    # before its day, "meets Tuesday", "when nominations are announced Tuesday")
    before_best: tuple[float, int] | None = None  # the nearest marker before the expression
    after_at = -1  # where in ``after`` the marker that is nearest, when it is after the expression, starts
    for rx, sign, looks_after in ((_FUTURE, 1, True), (_PRESENT_EVENT, 1, False), (_SUBORDINATE_PASSIVE, 1, False),
                                  (_PAST, -1, True)):
        # searched in the whole text so that lookaheads see the expression itself ("meets Tuesday")
        for m in rx.finditer(text, b0, min(len(text), end + 12)):
            if m.end() > start:
                break
            if _inside(relative, m.start()):
                continue
            if rx is _SUBORDINATE_PASSIVE and not _SUBORDINATE.search(text, max(0, m.start() - 70), m.start()):
                continue  # "Explosions are heard Monday": no clause of time or condition
            if rx is _PRESENT_EVENT and (possessive or _DAYS_SPAN.match(text, end) or not _present_verb(text, m)
                                         or _incident_before(text, max(m.end(), start - 60), start)):
                continue  # "celebrates Monday's victory", "faces charges over the attack Oct. 1": the day is the
                # noun's; "open from Monday to Friday": a habit; "the plays", "did not play": no present verb
            if sign < 0 and (_INFINITIVE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                             or _PRESENT_PASSIVE.search(text, max(0, m.start() - 20), m.start())
                             or _ATTRIBUTIVE.search(text, max(0, m.start() - 24), m.start())):
                continue  # "expects the well to be completely sealed on Saturday", "voting is completed", "on a
                # still unspecified date": no past
            if sign > 0 and m.group(0).lower() in ("open", "close") \
                    and _PAST_LINK.search(text, max(0, m.start() - 24), m.start()):
                continue  # "Banks remained open Monday", "the shops were open on Sunday": an adjective, no plan
            if sign > 0 and possessive and m.group(0)[:5].lower() == "would":
                continue  # "said they would look for ways to get around Wednesday's ruling": no plan of Wednesday
            if sign > 0 and _CHANGED_PLAN.search(text, max(0, m.start() - 30), m.end()):
                continue  # "had been scheduled for Friday", "was last scheduled for July 25", "had been due to
                # expire Friday": a plan since changed
            if sign > 0 and m.group(0).lower() in _PLAN_VERBS and _PLAN_NOUN_BEFORE.search(text, max(0, m.start() - 40),
                                                                                      m.start()):
                continue  # "an unannounced visit on Wednesday", "the Knesset vote on Monday", "in return": nouns
            if sign < 0 and _THAT_BETWEEN.search(text, m.end(), start):
                continue  # "said Tuesday that Sunday's elections will go ahead": the saying is another clause
            dist = start - m.end()
            if best is None or dist < best[0]:
                best = (dist, sign)
                after_at = -1
            if before_best is None or dist < before_best[0]:
                before_best = (dist, sign)
        # (after a date that opens its sentence, a modal looks ahead, not a plan's participle or noun: "On Friday,
        # when she set aside the hastily planned trip, ...", "On Sunday, plans to build a dam were unveiled")
        first_after = (_MODAL_WOULD if fronted is not None and rx is _FUTURE else rx).search(after) if looks_after \
            else None
        if first_after and (best is None or _AFTER_W * first_after.start() + _AFTER_C < best[0]):
            best = (_AFTER_W * first_after.start() + _AFTER_C, sign)
            after_at = first_after.start()
    # "winds could push the oil ashore on Sunday", "rain on Wednesday could raise the river": a
    # "could" of the expression's own clause looks ahead ("it could make the leak worse, and on
    # Wednesday ..." does not)
    # ("an incident in August could reach the courts": a month's event is told, its outcome looks ahead)
    # ("BP's procedure launched on Wednesday could choke off the well", "said on Thursday militants could gain
    # ground": a past form nearer before the weekday than the "could" after it is dates it, as any marker after does)
    could_after = _COULD.match(after)
    if _COULD.search(_CLAUSE_START.split(before)[-1]) or (could_after and _WEEKDAY_IN.search(text, start, end) and not (
            before_best is not None and before_best[1] < 0
            and before_best[0] <= _AFTER_W * could_after.end() + _AFTER_C)):
        return 1
    if best is not None and best[1] < 0 and after_at > 0 \
            and _NOUN_PHRASE.search(after, 0, after_at) and _modal_clause_before(text[max(back, start - 120):start]):
        # "Qantas will almost double its flights between Australia and India by August in the search for new markets
        # untouched by the crisis": the modal of the date's clause, further back, outweighs a participle of a noun
        # phrase after the date ("and on Monday criticised the trial" is the date's own verb)
        return 1
    if best is not None and best[1] < 0 and _MODAL.search(text, max(back, start - 120), start) \
            and _modal_governs(text[max(back, start - 120):start]):
        # "will stay closed until Thursday", "will be handed to the ministers for discussion on Tuesday
        # and Wednesday": a participle does not outweigh the modal of its clause
        return 1
    if best is None and (_WEEKDAY_IN.search(text, start, end) or _MONTH_WORD.search(text, start, end)) \
            and _MODAL_FAR.search(text, back, start):
        # a weekday with no marker near it, but its clause looks ahead further back ("will resume
        # considering the charge against Dr Conrad Murray on Monday", "will be announced by the
        # national election commission in the capital Friday"): the clause's last marker, a
        # participle after its modal being the modal's
        last = None
        for rx, sign in ((_MODAL_FAR, 1), (_PAST, -1)):
            for m in rx.finditer(text, back, start):
                if (last is None or m.start() > last[0]) and not _inside(relative, m.start()):
                    last = (m.start(), sign)
        if last is not None and (last[1] > 0 or _modal_governs(text[back:start], passive=True)):
            return 1
    if best is None and _IMPERATIVE.search(text[lo:start]):
        return 1  # "Go back to your work on Sunday", "Join us Tuesday": what is asked for is ahead
    if best is None and _WEEKDAY_IN.search(text, start, end) and _PRESENT_WHEN.match(
            text[end:min(hi, end + 80)].split(".")[0]):
        return 1  # "The army gets a chance Monday to speak when it meets the president": a present of a clause of time
    return best[1] if best else 0


# a clause of time told in the present after a day, up to its verb in -s ("when it meets the president", "before the
# council votes"): English tells what is ahead so in such a clause (what was would be "when it met")
_PRESENT_WHEN = re.compile(r"[^;:,!?]*?\s(?:when|once|until|till|before|after|as\s+soon\s+as)\s+"
                           r"(?:it|he|she|(?:the|its|his|her|their)\s+[a-z][\w-]*|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
                           r"\s+(?:\w+ly\s+)?(?:" + _EVENT_VERB + r"|votes?|decides?|rules?|debates?|hears?|testif(?:y|ies))\b"
                           # (a verb of a scheduled event: a photo's caption tells a past in the present, "Fans
                           # celebrate Sunday after their team wins the cup")
                           # (a plural noun before its verb is none: "when Peruvian troops stormed")
                           r"(?!\s+(?:\w+ly\s+)?(?:[a-z]+ed|" + "|".join(IRREGULAR_PAST) + r")\b)")


# a relative clause set off by commas ("the envoy, who said the talks had stalled, will travel"): not the main clause
_REL_CLAUSE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,;:.!?\"“”()\[\]]*,")


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Is ``pos`` within one of ``spans``?"""
    return any(a <= pos < b for a, b in spans)


def _present_verb(text: str, m: re.Match[str]) -> bool:
    """Is the event verb ``m`` a present of its clause? Not a noun: a plural right after its determiner ("his
    visits"), a plain form after one with up to two words between ("a White House visit", "in return"); nor a
    plain form after "to", "did" or a modal ("wanted to play", "did not play"). "The team plays" is a verb."""
    lo = max(0, m.start() - 40)
    if m.group(0).split()[0][-1:].lower() == "s":
        return not _DETERMINER_BEFORE.search(text, lo, m.start())
    return not _PLAN_NOUN_BEFORE.search(text, lo, m.start()) \
        and not _NO_PRESENT_BEFORE.search(text, max(0, m.start() - 24), m.start())


def _ahead_head(clause: str) -> str | None:
    """The words before the verb of the clause after a fronted day ("On Monday, ...") when that verb looks
    ahead: a modal after its subject ("Garzon will ...": "Garzon ") or a present plan ("Clinton plans to
    visit ...": "Clinton plans to v"); None when it does not. Not a modal of a clause within ("Allen stuck to
    the estimate that the leak will be plugged"), nor one without a subject of its own ("its explosion, on
    20 April, will not testify": the day is set off in another clause)."""
    m = _MODAL.search(clause)
    if m is not None:
        head = clause[:m.start()]
        return head if head.strip() and not _STRONG_PAST.search(head) and not _RELATIVE.search(head) else None
    p = _PLANS_TO.match(clause)
    return clause[:p.end()] if p else None


_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|where|when)\b", re.IGNORECASE)


def _verb_past(words: str) -> bool:
    """Is there a past form in ``words`` that is no participle of a noun phrase ("the newly appointed
    minister", "in flooded towns"): "officials announced the minister will speak" has one."""
    return any(not _NOUN_BEFORE.search(words, 0, m.start()) for m in _PAST.finditer(words))


def _modal_governs(before: str, passive: bool = False) -> bool:
    """Whether the last past form in ``before`` is a participle of the modal before it ("will be
    announced", "will stay closed"): a weak past after the last modal, no "was", "had", "said" ...
    between them; with ``passive``, right after "be" or "been" ("will examine why the ferry capsized"
    is no ferry capsizing ahead)."""
    last_past = None
    for m in _PAST.finditer(before):
        last_past = m
    last_modal = None
    for m in _MODAL.finditer(before):
        last_modal = m
    return last_past is not None and last_modal is not None and last_modal.start() < last_past.start() \
        and bool(_WEAK_PAST.fullmatch(last_past.group(0))) and not _STRONG_PAST.search(before[last_modal.end():]) \
        and not _NOUN_PHRASE.search(before, last_modal.end(), last_past.start()) \
        and (not passive or bool(re.search(r"\b(?:be|been|get)\s+(?:\w+ly\s+)?$", before[:last_past.start()])))


def _modal_clause_before(before: str) -> bool:
    """Is ``before`` (the words before an expression) of a clause a modal governs: the last modal in it with no past
    form, no clause or that-clause after it ("Qantas will almost double its flights between Australia and India by")?"""
    last_modal = None
    for m in _MODAL.finditer(before):
        last_modal = m
    return last_modal is not None and not _PAST.search(before, last_modal.end()) \
        and not _CLAUSE_BREAK.search(before, last_modal.end())


_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:that|but|while|because|if|whether|which|who)\b", re.IGNORECASE)


# a present plan of what is to come, as the main verb after a subject of up to eight words ("Clinton
# plans to visit", "officials are expected to arrive"; not "plans to build a dam were unveiled",
# "Clinton's plans to visit", "an official who is due to retire")
_PLANS_TO = re.compile(r"\s*(?:(?!(?:who|which|that)\b)[\w.-]+\s+){1,8}?"
                       r"(?<!['’]s )(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bhis )(?<!\bher )(?<!\btheir )"
                       r"(?:plans?|intends?|hopes?|expects?|(?:is|are)\s+(?:expected|scheduled|set|due))\s+to\s+[a-z]",
                       re.IGNORECASE)
_MODAL = re.compile(r"\b(?:will|shall|won't|going\s+to|(?:is|are)\s+to\s+[a-z]+)\b|'ll\b", re.IGNORECASE)
# a modal or a "would" (not a plan's noun: "On Sunday, plans to build a dam were unveiled")
_MODAL_WOULD = re.compile(_MODAL.pattern + r"|\bwould(?!\s+have\b)(?=\s+[a-z])", re.IGNORECASE)
# what looks ahead from further back in a clause ("would move towards cutting off supplies to Belarus
# from 0700 GMT Monday", "is widely expected to ask the governor to dissolve parliament on Tuesday")
_MODAL_FAR = re.compile(_MODAL_WOULD.pattern + r"|\b(?:expected|scheduled|set|due|plans?"
                        r"|threat(?:en|ens|ening))\s+to\s+[a-z]+\b", re.IGNORECASE)
# present forms of verbs of plans that are also nouns, and what makes them nouns: a determiner, a
# possessive or a preposition before ("an unannounced visit", "the Knesset vote", "a White House visit", "in return")
_PLAN_VERBS = frozenset("meet arrive begin start open vote leave return resume visit travel close end head convene".split())
_DETERMINED = r"(?:\b(?:a|an|the|this|that|its|his|her|their|our|in|of|from|for|at|after|during|with)|['’]s)\s+"
_NOUN_BEFORE = re.compile(_DETERMINED + r"(?:[\w-]*[^\Ws]\s+)?$", re.IGNORECASE)
# (a plan verb's noun may have two words before it: "a White House visit", "the Senate floor vote")
_PLAN_NOUN_BEFORE = re.compile(_DETERMINED + r"(?:[\w-]*[^\Ws]\s+){0,2}$", re.IGNORECASE)
# (before a plural: "this" and "that" determine none, so "the year that begins Oct. 1" has a verb)
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:a|an|the|its|his|her|their|our|in|of|from|for|at|after|during|with)|['’]s)\s+$",
                                re.IGNORECASE)
_CHANGED_PLAN = re.compile(r"\b(?:had\s+been(?:\s+(?:last|originally|initially|previously|first))?"
                           r"|(?:was|were)\s+(?:last|originally|initially|previously|first))\s+"
                           r"(?:scheduled|planned|set|slated|due|expected)(?:\s+to(?:\s+[a-z]+){0,2})?$", re.IGNORECASE)
_THAT_BETWEEN = re.compile(r"\bthat\s")
# a noun phrase or a clause between a modal and a participle: the participle is not the modal's ("will
# withdraw troops in the phase of the pullout agreed in August", "will provide a chance, media reported")
_NOUN_PHRASE = re.compile(r",|\b(?:the|a|an|of|in|from|for|with|at|by|on)\b", re.IGNORECASE)
_WEEKDAY_IN = re.compile(WEEKDAY_NAMES, re.IGNORECASE)
# where a sentence or a clause surely ends: a stop, a line, a dash, a colon, a bracket, a quotation mark
# (the period of an abbreviation ends no clause: one before a comma, a word in lower case or a letter, "in Casper,
# Wyo., on Saturday", "the U.S. will", "3.5")
_HARD_STOP = re.compile(r"\.(?!\s*,|\s+[a-z]|\w)|[!?;:\n()\[\]\"“”`]|'\s|\s['‘]|\s--\s|\s—\s|-[LR]RB-")
# ("gunfire could be heard Sunday night", "residents could see smoke on Saturday": the past of "can" perceive; "neither
# he nor his parents could be located Wednesday": of a reporter's search, "could be reached for comment" too)
_COULD = re.compile(r"(?:^|\s)(?:\w+\s+){0,3}?(?:could(?!\s+(?:be\s+)?(?:heard|seen|felt|smelled|spotted|"
                    r"hear|see|feel|smell|spot)\b|\s+be\s+(?:located|contacted|reached\s+for\s+comment)\b)|can|may|might)"
                    r"\s+(?!not\b|have\b|n't)\w", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[,;:]|\s(?:and|but|while|as|because|when|after|before)\s")
_WEAK_PAST = re.compile(r"[a-z]\w{2,}ed")
# a clause that opens with the plain form of a verb asks for something ("Join us Tuesday", "\"Go back to your work on
# Sunday,\" he told them", "Please vote in November")
_IMPERATIVE = re.compile(r"(?:^|[.!?;:]\s+|[\"“‘]\s*)(?:(?:please|now|so)\s+)?(?:(?:do\s+not|don't|don’t|never)\s+)?"
                         r"(?:go|come|join|vote|call|visit|watch|tune|bring|send|remember|return|meet|stay|attend|listen"
                         r"|wait|check|head|let['’]s|let\s+us)\s[^.!?;:\"“”]*$", re.IGNORECASE)
_STRONG_PAST = re.compile(r"\b(?:was|were|had|did|said|told)\b", re.IGNORECASE)


# --- the grammar ----------------------------------------------------------------------------------

Handler = Callable[["_Ctx", "re.Match[str]"], "tuple[str, str, str | None] | None"]


@dataclass(slots=True)
class _Ctx:
    text: str
    dct: date | None
    start: int
    end: int
    sent_lo: int
    sent_hi: int
    ref: Ref | None
    last_quarter: str | None
    named_year: str | None = None  # the year the text last named ("in 1998", "June 2009", "last year")
    named_month: str | None = None  # the month it last named ("in June", "on 25 June 2009", "last month")

    def tense(self) -> int:
        return _tense(self.text, self.start, self.end, self.sent_lo, self.sent_hi)


RULES: list[tuple[str, str, Handler]] = []


def rule(name: str, pattern: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        RULES.append((name, pattern, fn))
        return fn
    return deco


def _mod_of(edge: str | None) -> str | None:
    if not edge:
        return None
    e = edge.lower().strip(" -")
    if e.startswith(("early", "the beginning", "the start", "the first half", "earlier")):
        return "START"
    if e.startswith(("late", "the end", "end of", "the second half", "the latter", "later")):
        return "END"
    if e.startswith(("mid", "the middle")):
        return "MID"
    return None


def _over_a_period(ctx: _Ctx) -> bool:
    """Is the expression's opening "over" the preposition of a period ("used over three years"), no "more than"?"""
    return ctx.text[ctx.start:ctx.start + 5].lower() == "over " \
        and not _OVER_MORE.search(ctx.text[max(ctx.sent_lo, ctx.start - 12):ctx.start])


def _approx_mod(text: str | None) -> str | None:
    if not text:
        return None
    t = " ".join(text.lower().split())
    for k, v in (("more than", "MORE_THAN"), ("over", "MORE_THAN"), ("at least", "EQUAL_OR_MORE"),
                 ("less than", "LESS_THAN"), ("fewer than", "LESS_THAN"), ("under", "LESS_THAN"),
                 ("up to", "EQUAL_OR_LESS"), ("no more than", "EQUAL_OR_LESS"), ("at most", "EQUAL_OR_LESS"),
                 ("nearly", "APPROX"), ("almost", "APPROX"), ("about", "APPROX"), ("around", "APPROX"),
                 ("approximately", "APPROX"), ("roughly", "APPROX"), ("some", "APPROX")):
        if t.startswith(k):
            return v
    return None


def _month_num(tok: str) -> int:
    return MONTHS[tok.lower().rstrip(".")]


def _wday_num(tok: str) -> int:
    return WEEKDAYS[tok.lower().rstrip(".")]


def _year_of(tok: str) -> int:
    t = tok.strip().lstrip("'’")
    y = int(t)
    if len(t) == 2:
        y += 1900 if y > 30 else 2000
    return y


# a past verb in the passive or the perfect just before the date ("was seized on", "had been freed in")
_PAST_ON = re.compile(r"\b(?:was|were|had(?:\s+been)?|(?:has|have)\s+been)\s+(?:\w+ly\s+)?(?:[a-z]{3,}ed|"
                      + "|".join(IRREGULAR_PAST) + r")\s+(?:on|in|during)\s+(?:(?:early|mid|late)[\s-]+)?$")


# what leads up to a date or a month ("until November 3", "ahead of November elections")
_LEADS_UP = r"\b(?:until|till|ahead\s+of)"
_UP_TO = re.compile(_LEADS_UP + r"\s+$", re.IGNORECASE)


# a gerund after "about", "of" or "on" in a reported clause, the month its ("said he was confident about reclaiming
# the White House in November", "talked of winning back the seat in November"): no past form after the gerund
_PLAN_IN_REPORT = re.compile(r"\b(?:was|were|said|told)\s(?:(?!\b(?:was|were|had|did)\b)[^.;:!?])*?\b(?:about|of|on)\s+"
                             r"(?!(?:some|no|any|every)?thing\b|during\b|evening\b|morning\b|spring\b|king\b)[a-z]{3,}ing\s"
                             r"(?:(?!\b[a-z]{3,}ed\b|\b(?:was|were|had|did)\b)[^.;:!?,])*$", re.IGNORECASE)


# a month or a day told in the past is a past one when the past form before it is the verb of its own event ("had
# snubbed an election in January", "took power after an election win in January", "said in January", "the most
# since April" in a December report), not when the clause tells of a plan or reports what is to come: a verb of
# planning ("a meeting expected on June 10"), a saying with its object or clause between ("announced elections in
# January", "was told the next slot was on 9 February"), a modal or an infinitive ("was ready to cut output at a
# meeting in January"), a condition ("if the government fell on Dec. 8"), or what leads to the month ("postponed to
# January", "until January", "before the deadline of May 14"); nor a date that names an event ("the January 23 polls",
# "its Feb. 9 match", "January's election"), whose own time the verb does not tell
_SAYING = frozenset(
    "said says told announced agreed decided promised pledged vowed proposed called urged asked predicted forecast "
    "hoped wanted warned estimated reported added stated indicated suggested confirmed insisted signaled signalled "
    "ordered voted approved invited offered threatened declared unveiled outlined revealed recommended demanded sought "
    "awaited noted argued claimed".split())
_PLANNING = frozenset(
    "scheduled set expected planned slated due fixed booked arranged targeted projected anticipated postponed delayed "
    "moved pushed put rescheduled deferred advanced extended brought intended aimed prepared".split())
_NOT_ITS_PAST = re.compile(r"(?:\b(?:to\s+(?:be|get|have\s+been)|is|are|am|be|being|has|have)|['’](?:s|ve)"
                           r"|\b(?:a|an|the|its|his|her|their|our|this|these|those|most|more|less)|,)\s+(?:\w+ly\s+)?$",
                           re.IGNORECASE)
_AHEAD_IN_CLAUSE = re.compile(r"\b(?:will|would|shall|could|can|may|might|must|should|going\s+to|if|unless|until|till"
                              r"|before|ahead\s+of|to\s+(?!(?:the|a|an|his|her|its|their|our|this|that|these|those)\b)"
                              r"[a-z]+)\b|['’]ll\b", re.IGNORECASE)
_LEADS_TO_DATE = re.compile(r"\b(?:by|into|for|from|to|through|starting|beginning)\s+(?:(?:early|mid|late)[\s-]+"
                            r"|the\s+(?:end|beginning|start|middle)\s+of\s+)?$", re.IGNORECASE)
_NAMES_EVENT = re.compile(r"(?:\b(?:a|an|the|its|his|her|their|our|this|that|these|those)|['’]s)\s+$", re.IGNORECASE)
_OWN_TIME = re.compile(r"\s+(?:\w+ly\s+)?(?:in|on|during)\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE)
_EED_PAST = frozenset("agreed disagreed freed decreed guaranteed refereed".split())
_CLAUSE_BETWEEN = re.compile(r"[,;:]|\s(?:and|but|while|because|as)\s")
# (the hard stops within a sentence, not its full stops: "9.5 million", "U.S. officials")
_CLAUSE_STOP = re.compile(r"[!?;:\n()\[\]\"“”`]|'\s|\s['‘](?!(?:s|ve|re|ll|d|m)\b)|\s--\s|\s—\s|-[LR]RB-")


def _past_event_date(ctx: _Ctx) -> bool:
    """Is the month or the day at ``ctx``, in a clause told in the past, the time of the past form before it ("had
    snubbed an election in January", "said in January", "since January"), so that it cannot lie ahead?"""
    if not _MONTH_WORD.search(ctx.text, ctx.start, ctx.end) or _WEEKDAY_IN.match(ctx.text, ctx.start) \
            or _NAMES_EVENT.search(ctx.text, max(0, ctx.start - 8), ctx.start) \
            or ctx.text.startswith(("'s", "’s"), ctx.end):
        return False
    back = max([ctx.sent_lo, ctx.start - 100]
               + [m.end() for m in _CLAUSE_STOP.finditer(ctx.text, max(ctx.sent_lo, ctx.start - 100), ctx.start)])
    before = ctx.text[back:ctx.start]
    last = None
    for m in _PAST.finditer(before):
        if not _NOT_ITS_PAST.search(before, max(0, m.start() - 30), m.start()) \
                and not (m.group(0).lower().endswith("eed") and m.group(0).lower() not in _EED_PAST):
            last = m  # (not "to be sealed", "are being sold", "'s got", "an expected election", ", followed by";
            # not "succeed", "exceed", "need")
    if last is None:
        return False
    word, between = last.group(0).lower(), before[last.end():]
    if word in _SAYING and _OWN_TIME.fullmatch(between):
        return True  # "said in January"
    if word in _PLANNING or _AHEAD_IN_CLAUSE.search(before) or _LEADS_TO_DATE.search(before) \
            or _CLAUSE_BETWEEN.search(between) or _RELATIVE.search(between):
        return False
    # (a saying further back: "was told by the authorities that the next slot 'was on 9 February'")
    said = ctx.text[max(ctx.sent_lo, ctx.start - 200):ctx.start]
    return not any(w.lower() in _SAYING for w in re.findall(r"[A-Za-z]+", said))


# "that year" after a month or a date, or after a list of them ("on 25 June that year", "in March of that year", "on
# 15 October and 9 November that year")
_THAT_YEAR_AFTER = re.compile(rf"(?:\s*(?:,|and|or|to|through|-|–)\s*(?:{_DAYN}\s+(?:of\s+)?)?{MONTH_NAMES}\.?(?:\s+{_DAYN})?)"
                              r"{0,3}(?:\s?,)?\s+(?:of\s+)?that\s+year(?![\w-])", re.IGNORECASE)


def _that_year(ctx: _Ctx) -> str | None:
    """The year of a month or a date told as "that year"'s ("on 25 June that year"): the year the text last named,
    "XXXX" when it named none; None when no "that year" follows."""
    if not _THAT_YEAR_AFTER.match(ctx.text, ctx.end):
        return None
    return ctx.named_year or "XXXX"


def _pick_year(ctx: _Ctx, month: int, day: int | None) -> str:
    """Year for a month (and day) without one, near the DCT: the past one in past-tense context
    (a date up to 90 days ahead still counts: "extended to Nov. 20"; a month alone up to 45 days:
    "assumed total control in February" in a December report is last February), the coming one in
    future context, else the nearest; the year the text last named before "that year" ("in March that year")."""
    if (named := _that_year(ctx)) is not None:
        return named
    if day is not None and (written := _year_written_before(ctx.text, ctx.start, month, day)) is not None \
            and (ctx.dct is None or int(written) < ctx.dct.year) and ctx.tense() <= 0:
        # "since September 11, 2001 ... before September 11": a day of a past year, written with it before
        return written
    if ctx.dct is None:
        return "XXXX"
    d = ctx.dct
    tense = ctx.tense()
    if tense == 0 and _UP_TO.search(ctx.text, max(0, ctx.start - 16), ctx.start):
        tense = 1  # "until November 3", "ahead of November elections", told in no tense: a time ahead
    if tense < 0 and day is None and _PLAN_IN_REPORT.search(ctx.text[max(ctx.sent_lo, ctx.start - 100):ctx.start]):
        tense = 1  # "he said he was confident about reclaiming the White House in November": a plan, told in the past
    past_passive = bool(_PAST_ON.search(ctx.text, max(0, ctx.start - 50), ctx.start))
    past_event: bool | None = None  # (looked for only when a time ahead would count)
    best: tuple[int, int] | None = None
    for y in (d.year - 1, d.year, d.year + 1):
        try:
            cand = date(y, month, day or 15)
        except ValueError:
            cand = date(y, month, 28)
        diff = (cand - d).days
        if day is None and y == d.year and month == d.month:
            diff = 0
        if tense < 0 and diff > (90 if day else 45):
            continue
        if diff > 0 and past_passive:
            continue  # "was seized on Jan. 29" in a December report: last January
        if diff > 0 and tense < 0:
            if past_event is None:
                past_event = _past_event_date(ctx)
            if past_event:
                continue  # "who had snubbed an election in January" in a December report: last January
        if tense > 0 and diff < (-30 if day else -15):
            continue
        if tense == 0 and diff > 120:
            continue  # news looks back more than ahead
        if best is None or abs(diff) < best[0]:
            best = (abs(diff), y)
    return f"{(best[1] if best else d.year):04d}"


_DATE_WITH_YEAR = re.compile(rf"(?P<m>{MONTH_NAMES})\s+(?P<d>{_DAYN}),?\s+(?P<y>(?:19|20)\d\d)(?!\d)"
                             rf"|(?P<d2>{_DAYN})\s+(?:of\s+)?(?P<m2>{MONTH_NAMES}),?\s+(?P<y2>(?:19|20)\d\d)(?!\d)")


@lru_cache(maxsize=8)
def _dates_with_year(text: str) -> tuple[tuple[int, int, int, str], ...]:
    """(where, month, day, year) of each date of ``text`` written with its year."""
    return tuple((m.start(), _month_num(m["m"] or m["m2"]), int(re.sub(r"\D", "", m["d"] or m["d2"])), m["y"] or m["y2"])
                 for m in _DATE_WITH_YEAR.finditer(text))


def _year_written_before(text: str, start: int, month: int, day: int) -> str | None:
    """The year of the dates before ``start`` with this month and day written with their year, when they
    agree on one (a chronology's "25 June 2009 ... 25 June 2010" names no year for "25 June")."""
    years = {y for at, mo, d, y in _dates_with_year(text) if at < start and (mo, d) == (month, day)}
    return years.pop() if len(years) == 1 else None


_UNTIL = re.compile(r"\b(?:until|till|through|by|ahead\s+of|starting|beginning|into)\s+(?:on\s+)?(?:[A-Z][a-z]+\s+or\s+)?$",
                    re.I)


# the same a few words on ("continue until about midday on Sunday", "ahead of a speech by the president on
# Saturday"), not across a clause ("performed abortions until he was slain on Friday")
_UNTIL_ON = re.compile(_LEADS_UP + r"\s(?:(?!\b(?:was|were|is|are|be|been|had|has|have|did|does|he|she|"
                       r"they|it|we|I|you|who|which|that)\b|\b\w+ed\b)[^.;:,]){0,48}?\bon\s+$", re.I)


# "Saturday's deadline", "Friday's ceasefire deadline"; and what tells that a deadline has come
_DEADLINE_AFTER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?deadlines?\b", re.IGNORECASE)
_DEADLINE_PASSED = re.compile(r"\b(?:passed|expired|lapsed|elapsed|missed|came\s+and\s+went|ran\s+out|went\s+by)\b",
                              re.IGNORECASE)


def _open_deadline(ctx: _Ctx) -> bool:
    """Is the weekday a deadline's ("Saturday's ceasefire deadline had been scrapped") that its sentence does not tell
    as passed ("Friday's deadline passed")? A deadline is something led up to, as "until Saturday" is."""
    return bool(_DEADLINE_AFTER.match(ctx.text, ctx.end)) \
        and not _DEADLINE_PASSED.search(ctx.text, ctx.sent_lo, ctx.sent_hi)


# a day a condition is to be met before ("unless the governor intervenes before Tuesday", "if Congress fails to act
# on or before Friday's deadline"; not "If I could do it, why couldn't you before Saturday?"); a scheduled event of a
# day's that something leads to or is for ("turn their attention to Tuesday's match", "Iraq await them in Friday's
# final", "one of the seeds for Friday's draw")
_BEFORE = re.compile(r"\bbefore\s+$", re.IGNORECASE)
_CONDITION_BEFORE = re.compile(r"\b(?:unless|if)\s(?:(?!\b(?:could|would|might|had|did|was|were)\b)[^.;:!?])*$",
                               re.IGNORECASE)
_TO_FOR_IN = re.compile(r"\b(?:to|for|in|into)\s+$", re.IGNORECASE)
_DAYS_EVENT = re.compile(r"\s?['’]s\s+(?:[\w-]+\s+){0,2}?(?:match(?:es)?|games?|fixtures?|(?:semi-?|quarter-?)?finals?"
                         r"|derby|clash|showdown|opener|race|elections?|polls|vote|ballot|run-?offs?|referendum|primary"
                         r"|draw|meeting|summit|talks|session|hearing|debate|rally|hartal|strike|ceremony|inauguration)\b",
                         re.IGNORECASE)


def _led_up_to(ctx: _Ctx) -> bool:
    """Is the weekday, in a clause of no tense, one a condition is to be met before ("unless the governor intervenes
    before Tuesday") or a scheduled event's that something leads to or is for ("turn their attention to Tuesday's
    match")? Then it is the nearest such day, as "until Tuesday" is."""
    before = ctx.text[max(0, ctx.start - 12):ctx.start]
    if _BEFORE.search(before):
        return bool(_CONDITION_BEFORE.search(ctx.text, max(ctx.sent_lo, ctx.start - 120), ctx.start))
    return bool(_TO_FOR_IN.search(before) and _DAYS_EVENT.match(ctx.text, ctx.end))


# a frame that looks ahead to a day's event ("in the run-up to Sunday's elections", "ahead of Sunday's vote", "on the
# eve of Friday's summit", "preparations for Friday's celebration")
_LEAD_UP = re.compile(r"\b(?:ahead\s+of|in\s+advance\s+of|(?:run|lead|build)[\s-]?up\s+to|countdown\s+to|eve\s+of"
                      r"|preparations?\s+for)\s+(?:the\s+)?$", re.IGNORECASE)


def _weekday_date(ctx: _Ctx, wd: int, tense: int | None = None) -> str:
    if ctx.dct is None:
        return "XXXX-XX-XX"
    d = ctx.dct
    t = ctx.tense() if tense is None else tense
    diff = wd - d.isoweekday()
    if diff == 0:
        return d.isoformat()
    if tense is None and t == 0 and _LEAD_UP.search(ctx.text, max(0, ctx.start - 32), ctx.start):
        t = 1  # "in the run-up to Sunday's elections", "ahead of Sunday's vote", told in no tense: the day is ahead
    if tense is None and (t <= 0 and (_UNTIL.search(ctx.text[max(0, ctx.start - 24):ctx.start])
                                      or _UNTIL_ON.search(ctx.text[max(0, ctx.start - 64):ctx.start])
                                      or _open_deadline(ctx))
                          or t == 0 and _led_up_to(ctx)):
        # the end of a span or a deadline ("cancelled all crossings until Thursday", "hoped to get
        # supplies in by Thursday or Friday"), its start ("a four-day match starting Thursday") or what
        # something leads up to ("head into Wednesday's match"; "ahead of Saturday's matches" told in the past
        # tense: in no tense it looks ahead, above) is the nearest such day, either side of the publication
        # date: the day after a Wednesday's report,
        # the day before a Friday's; so is a day's deadline not told as passed ("Saturday's deadline had
        # been scrapped")
        return (d + timedelta(days=diff % 7 if diff % 7 <= 3 else diff % 7 - 7)).isoformat()
    if t > 0:
        return (d + timedelta(days=diff % 7)).isoformat()
    return (d - timedelta(days=(-diff) % 7)).isoformat()


# ---- rules, most specific first ----

_RANGE_DATE = (rf"(?P<m>{MONTH_NAMES})\s+(?P<d1>{_DAYN})\s*(?:-|–|to|through|and)\s*(?P<d2>{_DAYN})"
               rf"(?:(?:(?:\s?,)?\s+|,(?=(?:19|20)\d\d(?!\d)))(?P<y>{_YEAR}))?(?!\s*(?:%|percent))")


@rule("anniversary", r"this\s+(?:day|date)\s+(?:last\s+year|a\s+year\s+ago)|(?:a|one)\s+year\s+ago\s+today(?![\w-])")
def _h_anniversary(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"On this day last year", "a year ago today": the publication's day and month a year before."""
    if ctx.dct is None:
        return "DATE", "XXXX-XX-XX", None
    d = ctx.dct
    try:
        return "DATE", d.replace(year=d.year - 1).isoformat(), None
    except ValueError:  # 29 February
        return "DATE", date(d.year - 1, 2, 28).isoformat(), None


@rule("range_md", _RANGE_DATE)
def _h_range(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    mo, d1, d2 = _month_num(m["m"]), int(re.sub(r"\D", "", m["d1"])), int(re.sub(r"\D", "", m["d2"]))
    if not (1 <= d1 < d2 <= 31):
        return None
    y = m["y"] or _pick_year(ctx, mo, d1)
    return "DATE", f"{y}-{mo:02d}-{d1:02d}", f"RANGE:{y}-{mo:02d}-{d2:02d}"


_FULL_MDY = (rf"(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?(?:{_WDAY_RX}(?:\s?,)?\s+)?(?P<m>{MONTH_NAMES})\s+(?P<d>{_DAYN})(?!\d|:\d)"
             rf"(?:(?:(?:\s?,)?\s+|,(?=(?:19|20)\d\d(?!\d)))(?P<y>{_YEAR}|'\d\d(?!\d)))?")  # "Jan 2,2003" too


# a clock time after a date: "March 18, 14:05", "March 18, 2013 at 9:30 a.m."
_CLOCK_AFTER_DATE = (r"(?:(?:\s?,)?\s+(?:at\s+)?(?P<clk>(?:[01]?\d|2[0-3]):[0-5]\d"
                     r"(?:\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b))?)(?![\d:]))?")


@rule("mdy", rf"{_EDGE}?{_FULL_MDY}{_CLOCK_AFTER_DATE}")
def _h_mdy(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    mo, d = _month_num(m["m"]), int(re.sub(r"\D", "", m["d"]))
    if m["m"].lower() in ("may", "march") and m["m"][0].islower() and not (
            m["y"] and len(m["y"]) == 4 or _WANTS_A_DAY.search(ctx.text, max(0, ctx.start - 10), ctx.start)):
        return None  # the verbs "may", "march"; before a day and a year, or after "on", "since", a month in any case
    y = _year_of(m["y"]) if m["y"] else None
    rel = " ".join((m["rel"] or "").lower().split())
    if y is None and rel and ctx.dct is not None:
        this_year = date(ctx.dct.year, mo, min(d, 28))
        if rel in ("last", "this past"):
            y = ctx.dct.year if this_year < ctx.dct else ctx.dct.year - 1
        elif rel in ("next", "this coming"):
            y = ctx.dct.year if this_year > ctx.dct else ctx.dct.year + 1
    ys = f"{y:04d}" if y else _pick_year(ctx, mo, d)
    try:
        if y:
            date(y, mo, d)
    except ValueError:
        return None
    clock = _clock(m["clk"]) if m["clk"] else None
    if clock:
        return "TIME", f"{ys}-{mo:02d}-{d:02d}T{clock}", None
    return "DATE", f"{ys}-{mo:02d}-{d:02d}", _mod_of(_edge_text(m.group(0)))


@rule("week_of", rf"the\s+week\s+of\s+(?P<m>{MONTH_NAMES})\s+(?P<d>{_DAYN})(?!\d|:\d)(?:(?:\s?,)?\s+(?P<y>{_YEAR}))?")
def _h_week_of(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"the week of March 6": the week that holds that day (TimeML's week of the year, 2000-W10)."""
    mo, d = _month_num(m["m"]), int(re.sub(r"\D", "", m["d"]))
    y = m["y"] or _pick_year(ctx, mo, d)
    return "DATE", "XXXX-WXX" if y == "XXXX" else _week(date(int(y), mo, d)), None


@rule("dmy", rf"(?:{_WDAY_RX}(?:\s?,)?\s+)?(?:the\s+)?(?P<d>{_DAYN})\s+(?:of\s+)?(?P<m>{MONTH_NAMES})(?:(?:\s?,)?\s+(?P<y>{_YEAR}))?")
def _h_dmy(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if m["m"][0].islower():
        return None
    mo, d = _month_num(m["m"]), int(re.sub(r"\D", "", m["d"]))
    ys = m["y"] or _pick_year(ctx, mo, d)
    return "DATE", f"{ys}-{mo:02d}-{d:02d}", None


@rule("year_range", rf"(?P<y1>{_YEAR[:_YEAR.index('(?!')]})(?:-|–|/)(?P<y2>\d\d(?:\d\d)?)(?![\w-])")
def _h_year_range(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 10:
        return None  # "1989-90" is a span of years; "1990-1" or "2012-08" are not
    return "DATE", str(y1), f"RANGE:{y2}"


@rule("iso", r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<t>\d\d:\d\d))?")
def _h_iso(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    v = f"{m['y']}-{m['m']}-{m['d']}"
    return ("TIME", v + "T" + m["t"], None) if m["t"] else ("DATE", v, None)


@rule("slash", r"(?P<m>[12]\d|3[01]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>(?:19|20)?\d\d)(?![\d/])")
def _h_slash(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """Month first ("03/18/2013"), unless the first number can only be a day ("18/03/2013")."""
    y, a, b = _year_of(m["y"]), int(m["m"]), int(m["d"])
    mo, d = (b, a) if a > 12 else (a, b)
    date(y, mo, d)  # a ValueError refuses "14/15/2013"
    return "DATE", f"{y:04d}-{mo:02d}-{d:02d}", None


# the day a clock time is of: "5 p.m. Monday", "at 0700 GMT on March 3", "10 a.m. this morning"
_DAY_OF_TIME = (rf"(?:\s?,)?\s+(?:on\s+)?(?P<md>{MONTH_NAMES}\s+{_DAYN})(?!\d|:\d)(?:(?:\s?,)?\s*(?P<y>(?:19|20)\d\d)(?!\d))?"
                rf"|(?:\s?,)?\s+(?:on\s+)?(?P<day>{_WDAY_RX}|today|yesterday|tomorrow|tonight)"
                rf"|\s+(?P<pd>(?:this|that|yesterday|tomorrow)\s+(?:morning|afternoon|evening)|tonight|last\s+night)")

# a 24-hour time of four digits before its time zone: "0600 GMT", "at 0600 (GMT)", "0600 hours"
_CLOCK24 = r"(?P<t>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*\(?\s*(?:GMT|UTC|Z\b|hours\b|hrs\b))"


@rule("clock24", rf"{_CLOCK24}(?:\s*(?:GMT|UTC|hours|hrs)(?=[\s,])(?:{_DAY_OF_TIME}))?")
def _h_clock24(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"0600 GMT" (the extent is the clock time), "0700 GMT Monday", "0700 GMT on March 3" (one time, of
    the day named)."""
    if _CONVERSION.search(ctx.text, max(0, ctx.start - 16), ctx.start):
        return None
    if m["md"] or m["day"] or m["pd"]:
        base = _named_day(ctx, m)
    else:
        base = ctx.dct.isoformat() if ctx.dct is not None else "XXXX-XX-XX"
    return "TIME", f"{base}T{m['t'][:2]}:{m['t'][2:]}", None


# a clock time's conversion in brackets after it ("10:35 a.m. (0735 GMT)"): the same time, not tagged again
# ("10:00 am in Moscow (0700 GMT)", "07:00 to 16:00 local time (0100 to 1000 GMT)")
_CONVERSION = re.compile(r"\((?:\s*\d{3,4}\s*(?:to|-)\s*)?\s*$", re.IGNORECASE)

@rule("slash_md", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])(?![\d/])")
def _h_slash_md(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """A month and day without a year ("the game on 3/14"), only where a day is wanted (a fraction, a
    ratio or a score is none: "3/4 of the vote", "won 7/10")."""
    if not _WANTS_A_DAY.search(ctx.text, max(0, ctx.start - 12), ctx.start) or re.match(
            r"\s*(?:of\b|%|percent|[-–]|\d)", ctx.text[ctx.end:ctx.end + 9], re.IGNORECASE):
        return None
    mo, d = int(m["m"]), int(m["d"])
    date(2000, mo, d)  # a ValueError refuses "2/31"
    return "DATE", f"{_pick_year(ctx, mo, d)}-{mo:02d}-{d:02d}", None


_WANTS_A_DAY = re.compile(rf"(?:\b(?:on|since|until|till|through|dated|before|after)|{_WDAY_RX},?)\s+$", re.IGNORECASE)


_TIME_DAY = rf"(?:(?:about|around|approximately)\s+)?(?P<t>{_TIME})(?:{_DAY_OF_TIME})?"


def _clock(t: str) -> str | None:
    tl = t.lower()
    if re.search(r"\b(?:noon|mid-?day)", tl):  # (not "in the afternoon")
        return "12:00"
    if "midnight" in tl:
        return "24:00"
    m = re.match(r"(\d{1,2})(?::?(\d\d))?", tl)  # "9:30", "14:05", "0600"
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if (re.search(r"p\.?m|in\s+the\s+(?:afternoon|evening)", tl) or re.search(r"in\s+the\s+night", tl) and h >= 6) \
            and h < 12:
        h += 12  # ("3 in the afternoon", "10 in the night"; not "2 in the night")
    if re.search(r"a\.?m", tl) and h == 12:
        h = 0
    return f"{h:02d}:{mi:02d}"


def _day_word(ctx: _Ctx, w: str) -> str:
    wl = w.lower().split()[0]
    if ctx.dct is None:
        return "XXXX-XX-XX"
    off = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1, "that": 0}.get(wl)
    if off is not None:
        return (ctx.dct + timedelta(days=off)).isoformat()
    return _weekday_date(ctx, _wday_num(wl))


# a clock time's conversion in brackets, then its day: "at 9:05 a.m. (0305 GMT) Tuesday" is of that Tuesday
_CONVERTED_DAY = re.compile(rf"\s*(?:\(|-LRB-)[^()]{{1,30}}?(?:\)|-RRB-)(?:\s?,)?\s+(?:on\s+)?(?P<day>{_WDAY_RX})(?!\w)",
                            re.IGNORECASE)


@rule("time", _TIME_DAY)
def _h_time(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    c = _clock(m["t"])
    if c is None or re.search(r"\bhigh\s+$", ctx.text[max(0, ctx.start - 6):ctx.start], re.IGNORECASE):
        return None
    if m["md"] or m["day"] or m["pd"]:
        base = _named_day(ctx, m)
    elif (conv := _CONVERTED_DAY.match(ctx.text, ctx.end)) is not None:
        base = _day_word(_day_ctx(ctx, conv.start("day"), conv.end("day")), conv["day"])
    elif ctx.dct is not None and re.search(r"\bUpdated?\s*:?\s*$", ctx.text[max(0, ctx.start - 12):ctx.start]):
        base = ctx.dct.isoformat()  # a page's "(Updated 5:31 p.m. ...)" is of its own day
    elif ctx.ref is not None and ctx.ref.granularity == "day":
        base = ctx.ref.value[:10]
    elif ctx.dct is not None:
        base = ctx.dct.isoformat()
    else:
        base = "XXXX-XX-XX"
    mod = "APPROX" if re.match(r"(?:about|around|approximately)\b", m.group(0), re.IGNORECASE) else None
    return "TIME", f"{base}T{c}", mod


def _named_day(ctx: _Ctx, m: re.Match[str]) -> str:
    """The day that ``_DAY_OF_TIME`` names after a clock time ("midnight on March 24, 1989", "5 p.m. Monday")."""
    if m["md"]:
        mo_s, d_s = m["md"].split()[0], m["md"].split()[-1]
        mo, dd = _month_num(mo_s), int(re.sub(r"\D", "", d_s))
        return f"{m['y'] or _pick_year(ctx, mo, dd)}-{mo:02d}-{dd:02d}"
    if m["day"]:
        return _day_word(_day_ctx(ctx, m.start("day"), m.end("day")), m["day"])
    return _day_word(ctx, m["pd"])


_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)


def _day_ctx(ctx: _Ctx, day_at: int, day_end: int) -> _Ctx:
    """The context of the day a clock time names after it, its sentence read without the clock time: "resumes at
    3 p.m. Tuesday" is "resumes Tuesday", "convenes at 10:00 GMT on Monday" is "convenes on Monday" (the clock time
    stands between the day and the verb or preposition that tells which such day it is)."""
    text, lo = ctx.text, ctx.sent_lo
    cut = ctx.start
    if (at := _AT_BEFORE.search(text, max(lo, cut - 4), cut)) is not None:
        cut = at.start()
    on = _ON_BEFORE.search(text, max(ctx.start, day_at - 4), day_at)
    keep = on.start() if on is not None else day_at
    spliced = text[lo:cut] + text[keep:max(ctx.sent_hi, day_end)]
    shift = lo + keep - cut
    return _Ctx(spliced, ctx.dct, day_at - shift, day_end - shift, 0, len(spliced), ctx.ref, ctx.last_quarter,
                ctx.named_year, ctx.named_month)


_WDAY_PART = (rf"(?P<e>(?:early|late|earlier|later)\s+)?(?P<last>(?:the\s+)?(?:last|this|next|past|coming|previous|this\s+past|this\s+coming)\s+|the\s+following\s+)?(?P<wd>{_WDAY_RX})"
              rf"(?:\s+(?P<pt>{_PART})|(?:\s?,)?\s+(?P<m>{MONTH_NAMES})\s+(?P<d>{_DAYN})(?:(?:\s?,)?\s+(?P<y>{_YEAR}))?"
              rf"|(?:\s?,)?\s+(?P<d2>{_DAYN})\s+(?P<m2>{MONTH_NAMES})(?:(?:\s?,)?\s+(?P<y2>{_YEAR}))?)?(?P<pl>s)?")


# a newspaper named for its day: "The Sunday Times reported", "the Mail on Sunday"
_PAPER_AFTER = re.compile(r"\s+(?:Times|Telegraph|Mail|Express|Herald|Post|Independent|Mirror|Tribune|Observer|Star"
                          r"|Sport|People|Age|Morning\s+Post|Business\s+Post)\b")
_PAPER_BEFORE = re.compile(r"\b(?:Mail|Independent|Scotland|Sun)\s+on\s+$")


@rule("weekday", _WDAY_PART)
def _h_weekday(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if not (m["pt"] or m["m"] or m["m2"] or m["pl"] or m["last"]) and (
            _PAPER_AFTER.match(ctx.text, ctx.end)
            or (m["wd"] == "Sunday" and _PAPER_BEFORE.search(ctx.text, max(0, ctx.start - 20), ctx.start))):
        return None
    wd = _wday_num(m["wd"])
    mod = _mod_of(m["e"])
    if m["pl"]:  # "on Sundays", "Tuesday nights"
        return "SET", f"XXXX-WXX-{wd}" + (f"T{PARTS[m['pt'].lower()]}" if m["pt"] else ""), None
    if m["m"] or m["m2"]:
        mo = _month_num(m["m"] or m["m2"])
        d = int(re.sub(r"\D", "", m["d"] or m["d2"]))
        y = m["y"] or m["y2"]
        if not y:
            y = _pick_year(ctx, mo, d)
            if ctx.dct is not None and _that_year(ctx) is None:
                # the weekday settles the year when it is not given
                for cand in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1):
                    try:
                        if date(cand, mo, d).isoweekday() == wd:
                            y = str(cand)
                            break
                    except ValueError:
                        pass
        return "DATE", f"{y}-{mo:02d}-{d:02d}", mod
    last = " ".join((m["last"] or "").lower().split())
    last = last.removeprefix("the ")
    if last in ("previous", "following") and ctx.ref is not None and ctx.ref.granularity == "day":
        rd = value_to_date(ctx.ref.value)
        if rd is not None:
            step = -1 if last == "previous" else 1
            k = 1
            while (rd + timedelta(days=step * k)).isoweekday() != wd:
                k += 1
            v = (rd + timedelta(days=step * k)).isoformat()
            return ("TIME", f"{v}T{PARTS[m['pt'].lower()]}", mod) if m["pt"] else ("DATE", v, mod)
    last = {"previous": "last", "following": "next", "this past": "last", "this coming": "next"}.get(last, last)
    if last:
        tense = -1 if last in ("last", "past") else 1 if last in ("next", "coming") else 0
        if ctx.dct is None:
            v = "XXXX-XX-XX"
        elif last == "this":
            v = _weekday_date(ctx, wd)
        else:
            v = _weekday_date(ctx, wd, tense)
            if v == ctx.dct.isoformat():
                v = (ctx.dct + timedelta(days=7 * tense)).isoformat()
            elif last == "next" and (value_to_date(v) or ctx.dct) - ctx.dct < timedelta(days=2):
                pass
    else:
        v = _weekday_date(ctx, wd)
    if m["pt"]:
        return "TIME", f"{v}T{PARTS[m['pt'].lower()]}", mod
    return "DATE", v, mod


@rule("month_year", rf"{_EDGE}?(?P<m>{MONTH_NAMES})(?:\s+of)?(?:\s?,)?\s+(?:(?P<y>{_YEAR}|'\d\d(?!\d))|{_SPOKEN_CY})")
def _h_month_year(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"June 2009", "June of '09", and a year said in words, as a broadcast's transcript writes it ("January nineteen
    ninety-seven")."""
    y = _year_of(m["y"]) if m["y"] else _spoken_cy(m["c"], m["r"])
    if m["m"][0].islower() and not (m["y"] and len(m["y"]) == 4 and m["m"].capitalize() in _MONTH_FULL) or y is None:
        return None  # (a page written in lower case: "started march, 2016", "in june 2009")
    return "DATE", f"{y:04d}-{_month_num(m['m']):02d}", _mod_of(_edge_text(m.group(0)))


@rule("month_rel", rf"{_EDGE}?(?:(?P<d>this\s+past|this\s+coming|last|this|next|past|coming|previous)\s+)?(?P<m>{MONTH_NAMES})"
                   r"(?P<ry>\s+(?:of\s+)?(?:last|this|next)\s+year)?(?![\w-])"
                   # (not a month its day or its year follows, "March 3", "March, 2009", "February, 6, 1996": theirs; a
                   # number after a comma is none of them: "Since October, 14 provinces", "in May, 60 percent")
                   r"(?!\.?\s+\d|\.?\s?,\s+(?:\d{1,2}(?:st|nd|rd|th)?\s?,\s*)?(?:19|20)\d\d(?!\d))")
def _h_month_rel(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    tok = m["m"]
    mo = _month_num(tok)
    edge = _edge_text(m.group(0))
    if tok[0].islower():
        return None
    if not tok.endswith(".") and len(tok) <= 4 and tok.lower() not in ("may", "june", "july") and not (m["d"] or edge or m["ry"]):
        return None  # "Jan", "Dec": names more often than months
    if tok == "March" and not (m["d"] or edge or m["ry"]) and re.match(
            r"\s+(?:[oO]f|[fF]or|[oO]n|[tT]o|[aA]gainst|[iI]n|[tT]hrough|[wW]ithout|[aA]cross|[tT]owards?)\s+(?:the\s+)?[A-Z]",
            ctx.text[ctx.end:ctx.end + 24]):
        return None  # "the March for Life", "March on Washington", "the March Without Borders"
    if tok.rstrip(".").lower() in ("may", "mar", "jun", "jul", "sept", "sep", "jan", "feb", "apr", "aug", "oct",
                                   "nov", "dec") and not (m["d"] or edge or m["ry"]):
        # bare "May" (a modal) or an abbreviation: only after a preposition that wants a date
        pre = ctx.text[max(0, ctx.start - 8):ctx.start].lower()
        if tok.rstrip(".").lower() == "may" and not re.search(r"\b(?:in|since|until|by|of|from|through|to|last|"
                                                               r"next|early|late|mid|before|after|during)\s+$", pre):
            return None
    mod = _mod_of(edge)
    d = m["d"].lower().split()[-1] if m["d"] else ""  # "this coming August" is "coming August"
    if ctx.dct is None:
        y = "XXXX"
    elif m["ry"]:
        rel = m["ry"].split()[-2].lower()
        y = str(ctx.dct.year + {"last": -1, "this": 0, "next": 1}[rel])
    elif d in ("last", "past", "previous"):
        y = str(ctx.dct.year if mo < ctx.dct.month else ctx.dct.year - 1)
    elif d in ("next", "coming"):
        y = str(ctx.dct.year if mo > ctx.dct.month else ctx.dct.year + 1)
    elif d == "this":
        y = str(ctx.dct.year)
    elif not edge and _ELECTION_AFTER.match(ctx.text, ctx.end) and ctx.tense() >= 0:
        y = _scheduled_year(ctx.dct, mo) or _pick_year(ctx, mo, None)
    else:
        y = _pick_year(ctx, mo, None)
    return "DATE", f"{y}-{mo:02d}", mod


# a vote a month names ("the November election", "November's general election", "the May polls")
_ELECTION_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:general|presidential|parliamentary|legislative|midterm|mid-term|"
                             r"congressional|municipal|local|regional|national|state|runoff|run-off)\s+)*"
                             r"(?:elections?|polls|vote|ballot|referendum|primary|primaries|caucus(?:es)?|midterms)\b",
                             re.IGNORECASE)
_SCHEDULED_BACK, _SCHEDULED_AHEAD = 75, 300  # days: how far a vote named by its month lies behind or ahead


def _scheduled_year(dct: date, month: int) -> str | None:
    """The year of a vote named by its month alone, told in no past tense: a scheduled event talked of long
    before it (the November election in an April report is this year's), but not long after (in January it
    is last year's); the nearest such month within those reaches, or None."""
    near: list[tuple[int, int]] = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        diff = (date(y, month, 15) - dct).days
        if -_SCHEDULED_BACK <= diff <= _SCHEDULED_AHEAD:
            near.append((abs(diff), y))
    return f"{min(near)[1]:04d}" if near else None


@rule("month_span", rf"(?:the\s+)?(?P<m1>{MONTH_NAMES})\s*(?:-|–|/|\s+to\s+|\s+through\s+)\s*(?P<m2>{MONTH_NAMES})"
                     rf"(?:\s+(?P<y>{_YEAR}))?\s+(?:fiscal\s+)?(?:quarter|period)(?![\w-])")
def _h_month_span(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"The July-September quarter" (2013-Q3), "the January-June period" (2013-H1), "the January-September
    period" (its first month to its last)."""
    m1, m2 = _month_num(m["m1"]), _month_num(m["m2"])
    if m1 >= m2:
        return None
    y = m["y"] or _pick_year(ctx, m2, None)
    if m1 % 3 == 1 and m2 == m1 + 2:
        return "DATE", f"{y}-Q{m2 // 3}", None
    if m1 % 6 == 1 and m2 == m1 + 5:
        return "DATE", f"{y}-H{m2 // 6}", None
    return "DATE", f"{y}-{m1:02d}", f"RANGE:{y}-{m2:02d}"


@rule("quarter_century", r"(?:the\s+(?:past|last|next|coming|previous)\s+)?quarter[\s-]century(?![\w-])")
def _h_quarter_century(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"the past quarter-century", "a quarter-century low": 25 years ("a quarter century" is the duration rule's)."""
    return "DURATION", "P25Y", None


@rule("quarter", rf"(?:(?P<the>the)\s+)?(?:(?P<rel>last|this|next|current|latest|previous|past|same|"
                 rf"year-earlier|year-ago)\s+|(?:(?P<ry>last|this|next)\s+year's\s+)|(?:fiscal[\s-]+)?(?P<yp>{_YEAR})(?:['’]s)?\s+)?"
                 rf"(?:fiscal[\s-]+)?(?:(?P<o>first|second|third|fourth|1st|2nd|3rd|4th|final"
                 # ("the last half of 1989", "the latter half of the year"; not "last quarter", the one before)
                 r"|(?<=\bthe\s)(?:last|latter)(?=\s+(?:quarter|half)\s+of\b))[\s-]+(?P<u>quarter|half)"
                 rf"(?:\s+of\s+(?:(?:fiscal|the\s+(?:fiscal\s+)?year)\s+)?(?P<y>{_YEAR}|this\s+year|last\s+year|next\s+year"
                 r"|the\s+(?:current\s+|fiscal\s+)?year(?![\w-])))?"
                 # "Q1", "Q4 2012", "2Q 2013", "H1", "Q3'12" (not "H1N1", "H2O")
                 rf"|(?P<ab>(?-i:Q[1-4]|[1-4]Q|H[12]|[12]H))(?![\w-])(?:\s*['’](?P<ay>\d\d)|[\s/-]?(?P<yq>{_YEAR}))?)")
def _h_quarter(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if m["ab"]:
        if re.search(r"\b(?!(?:In|For|By|During|Since|From|Of|The|And|To|Until|Through|Before|After)\b)[A-Z]\w*\s+$",
                     ctx.text[max(0, ctx.start - 24):ctx.start]):
            return None  # a model name ("the Audi Q3"), not a quarter
        q, half = int(re.sub(r"\D", "", m["ab"])), "H" in m["ab"]
    else:
        o = m["o"].lower()
        half = m["u"].lower() == "half"
        if o in ("last", "latter") and not m["y"]:
            return None  # "the last half of the '80s": of no year ("the '80s" is its own)
        q = 2 if half and o in ("final", "last", "latter") else {
            "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(o, 4)
    if half and q > 2:
        return None
    if m["o"] and not (m["y"] or m["yp"] or m["ry"] or m["rel"] or "fiscal" in m.group(0).lower()) \
            and _of_a_game(ctx.text, ctx.start, ctx.end, ctx.sent_lo, ctx.sent_hi):
        return None  # "midway through the second half", "the fourth quarter" of a match: no calendar's
    if m["y"] and m["y"][0].isdigit():
        y = m["y"]
    elif m["yq"] or m["ay"]:
        y = str(_year_of(m["yq"] or m["ay"]))
    elif m["yp"]:
        y = m["yp"]
    elif ctx.dct is None:
        y = "XXXX"
    else:
        rel = (m["ry"] or (m["y"] or "").split(" ")[0] or "").lower()
        if rel in ("last", "this", "next"):
            y = str(ctx.dct.year + {"last": -1, "this": 0, "next": 1}[rel])
        elif (m["rel"] or "").lower() in ("year-earlier", "year-ago"):
            y = str(ctx.dct.year - 1)
        else:
            cy, cq = _quarter(ctx.dct)
            ended = _quarter_end(ctx)
            if ended is not None:
                y = ended[0]  # "the fourth quarter ended Jan. 31" (a fiscal year's): the year it ended in
            elif half or "fiscal" in m.group(0).lower():
                y = str(cy)  # "its fiscal third quarter" in March: this year's, its fiscal year not the calendar's
            else:
                y = str(cy if q <= cq or ctx.tense() > 0 else cy - 1)
    return "DATE", f"{y}-{'H' if half else 'Q'}{q}", None


# what tells a game: its play, its score ("18-11", not "2005-06"), its officials
_GAME_WORD = (r"\b(?:goals?|scor(?:e|ed|es|ing|er|ers)|match(?:es)?|games?|halftime|half-time|kick(?:ed|s|off)?|"
              r"penalty|penalties|striker|goalkeeper|keeper|free-kick|rebounds?|touchdowns?|innings?|referee|"
              r"coach|played|the\s+lead|minutes\s+(?:into|left|remaining)|(?<![\d.,-])\d{1,3}-\d{1,3}(?![\d.,-])"
              r"(?!\s*(?:%|percent|per|yen|dollars|cents|years|months|days)))\b")
_GAME_CUE = re.compile(_GAME_WORD, re.IGNORECASE)
_OF_A_GAME = re.compile(r"\s+of\s+(?:the|a|this|that|its|his|their)\s+(?:season|match|game|contest|race|final|"
                        r"campaign|tournament|league|bout|fight)\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _game_report(text: str) -> bool:
    """Does ``text`` tell of a game (five or more of its words)?"""
    return sum(1 for _ in zip(range(5), _GAME_CUE.finditer(text))) >= 5


def _of_a_game(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Is the half or quarter at ``text[start:end]`` a game's ("the fourth quarter 54-43", "a goal early
    in the second half", "the first half of the season"), not a year's?"""
    return bool(_OF_A_GAME.match(text, end) or _GAME_CUE.search(text, lo, hi) or _game_report(text))


@rule("quarter_year", rf"(?:the\s+)?(?P<y>{_YEAR})\s+(?:fiscal\s+)?(?:quarter|period)(?![\w-])")
def _h_quarter_year(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if ctx.last_quarter and not _of_months_reported(ctx):
        return "DATE", f"{m['y']}-{ctx.last_quarter[5:]}", None
    return "DATE", m["y"], None


@rule("quarter_anaph", r"(?:(?P<ly>last\s+year['’]s\s+)|the\s+)?(?:(?:comparable|corresponding|same)\s+)?"
                       r"(?:(?P<rel>latest|current|same|year-earlier|year-ago|comparable|"
                       r"year-before|previous|prior|last|first|second)\s+)?(?:fiscal\s+)?(?:quarter|period)(?![\w-])"
                       r"(?P<yb>\s+(?:of\s+)?last\s+year(?![\w'’-])|\s+a\s+year\s+(?:ago|earlier)(?![\w-]))?"
                       r"|year-(?:earlier|ago)(?![\w-])")
def _h_quarter_anaph(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    t = m.group(0).lower()
    rel = (m["rel"] or "").lower()
    if m["ly"] or m["yb"]:
        # "the corresponding period last year", "last year's quarter", "the quarter a year ago": the period a report
        # is of, a year before; of no quarter told, "last year" is its own
        base = _quarter_ended(ctx) or ctx.last_quarter
        if base is None or rel not in ("", "same", "comparable") or not (m["ly"] or t.startswith("the")):
            return None
        if "period" in t and not re.search(r"\bquarter", ctx.text[ctx.sent_lo:ctx.start], re.IGNORECASE) \
                and _SPAN_TOLD.search(ctx.text, ctx.sent_lo, ctx.start):
            return None  # "during the year to March, ... the same period last year": that span's, not a quarter's
        return "DATE", _reported_period(ctx, base, -1), None
    if t.endswith("period") and not rel:
        return None
    if t.endswith("period") and rel in ("first", "second", "last", "previous", "prior", "same"):
        return None
    if not rel and t == "quarter" and _quarter_share(ctx.text, ctx.end):
        return None  # "(less than a) quarter of donors": a share
    if rel in ("first", "second") or _QUARTER_OF_SOMETHING.match(ctx.text, ctx.end) or _ORDINAL_BEFORE.search(
            ctx.text, max(0, ctx.start - 12), ctx.start):
        return None  # the head of an ordinal quarter that its own rule refused ("the third quarter" of a game)
    ended = _quarter_ended(ctx)
    if rel == "current" and ended is None and ctx.dct is not None:
        return "DATE", "{}-Q{}".format(*_quarter(ctx.dct)), None  # the quarter under way, not the one reported on
    base = ended or ctx.last_quarter
    if base is None:
        if ctx.dct is None:
            return "DATE", "XXXX-QX", None
        cy, cq = _quarter(ctx.dct)
        idx = cy * 4 + cq - 2
        base = f"{idx // 4}-Q{idx % 4 + 1}"
    if t.startswith("year-") or rel in ("year-earlier", "year-ago", "comparable", "year-before"):
        if t in ("year-earlier", "year-ago") and ctx.last_quarter is None and ctx.dct is not None:
            return "DATE", str(ctx.dct.year - 1), None
        return "DATE", _reported_period(ctx, base, -1), None  # "For the nine months, ... year-earlier net": 1988
    if rel in ("previous", "prior", "last"):
        return "DATE", shift_value(base, -1, "quarter") or base, None
    return "DATE", base, None


_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+$", re.IGNORECASE)


def _quarter_end(ctx: _Ctx) -> tuple[str, int] | None:
    """The year and month of the end date after a quarter ("the quarter ended Sept. 30", "ending March 31, 2013")."""
    m = re.match(rf"\s+(?:ended|ending|through)\s+(?P<m>{MONTH_NAMES})\s+(?P<d>{_DAYN})(?:(?:\s?,)?\s+(?P<y>{_YEAR}))?",
                 ctx.text[ctx.end:ctx.end + 40], re.IGNORECASE)
    if m is None or ctx.dct is None:
        return None
    mo = _month_num(m["m"])
    return m["y"] or _pick_year(ctx, mo, int(re.sub(r"\D", "", m["d"]))), mo


def _quarter_ended(ctx: _Ctx) -> str | None:
    """The quarter of "the quarter ended Sept. 30" (the quarter holding that month)."""
    ended = _quarter_end(ctx)
    return None if ended is None else f"{ended[0]}-Q{(ended[1] - 1) // 3 + 1}"


# a span of months other than a quarter that a report gives its figures for ("For the nine months, net rose ...",
# "in the first six months"), no quarter named after it
_MONTHS_REPORTED = re.compile(r"\b(?:four|five|six|seven|eight|nine|ten|eleven|[4-9]|1[01])[\s-]+months?\b"
                              r"(?![^.;!?]*\bquarter)", re.IGNORECASE)


def _of_months_reported(ctx: _Ctx) -> bool:
    """Does the sentence before the expression give figures for a span of months other than a quarter ("For the nine
    months, Du Pont earned $2 billion, up from $1.69 billion a year earlier")? Then "a year earlier", "year-ago" and
    "the 1988 period" are that span a year before, a part of the year before, not the quarter the report is of."""
    return _MONTHS_REPORTED.search(ctx.text, ctx.sent_lo, ctx.start) is not None


# a year that a report gives its figures for ("for the year ended Aug. 31", "its 1989 profit", "for this year"), no
# quarter named in the sentence
_YEAR_REPORTED = re.compile(r"(?:\b(?:for|in)\s+(?:the\s+)?(?:fiscal\s+|full\s+)?year\b(?!-)|\byear\s+end(?:ed|ing)\b|"
                            r"\b(?:for|in)\s+this\s+year\b|\bannual\s+(?:net|profit|earnings|results|revenue|sales)\b|"
                            r"(?<![\d$£€#.,])\b(?:19|20)\d\d(?!\s+(?:period|quarter))\s+(?:[\w-]+,?\s+){0,4}?(?:net|profits?|earnings|"
                            r"results|revenues?|sales)\b)(?![^.;!?]*\bquarter)", re.IGNORECASE)
# a span the sentence names other than a quarter ("in the year to March", "From January to September", "nine months")
_SPAN_TOLD = re.compile(rf"\b{MONTH_NAMES}(?!\w)|\b[Mm]onths?\b|\b[Yy]ears?\b")
# a sum of money right before the expression ("$3 million last year", "14 Canadian cents a share, a year ago")
_MONEY_BEFORE = re.compile(r"(?:[$£€#]\s?\d[\d.,]*(?:\s+(?:million|billion|thousand|trillion))?|\b(?:cents?|pence|dollars|"
                           r"francs|yen|pounds|marks|guilders|won|euros|kronor|lire|yuan)|\ba\s+share)\s*,?\s+$",
                           re.IGNORECASE)
# "last year's $1.55 billion", "last year's fully diluted $3"
_MONEY_AFTER = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}?[$£€#]\s?\d")
# a word of a report's results or of a comparison, before the sum in its sentence ("net income of", "earnings",
# "compared with", "up from"): not a sum paid, fined or spent ("was fined $2 million last year")
_RESULTS_TOLD = re.compile(r"\b(?:net|income|earnings|profits?|loss(?:es)?|sales|revenues?|compared|versus|vs|"
                           r"against|from)\b", re.IGNORECASE)


def _figure_compared(ctx: _Ctx) -> bool:
    """Is the expression the time of a sum a report compares with ("from $3 million last year", "14 cents a share,
    a year ago", "last year's $1.55 billion"), its sentence telling of results or a comparison before it (not "The
    company was fined $2 million last year" after a quarter's figures)?"""
    return (_MONEY_BEFORE.search(ctx.text, max(ctx.sent_lo, ctx.start - 48), ctx.start) is not None
            or _MONEY_AFTER.match(ctx.text, ctx.end) is not None) \
        and _RESULTS_TOLD.search(ctx.text, ctx.sent_lo, ctx.start) is not None


def _reported_period(ctx: _Ctx, base: str, k: int) -> str:
    """The period a company's results are told for, ``k`` years from ``base`` (the quarter the report is of): that
    quarter, or the year when the sentence gives figures for nine months or a year ("For the nine months, ... a year
    earlier": 1988; "for the year ended Aug. 31 ..., down from C$9.7 million last year": 1988)."""
    if _of_months_reported(ctx) or _YEAR_REPORTED.search(ctx.text, ctx.sent_lo, ctx.start):
        return f"{int(base[:4]) + k:04d}"
    return shift_value(base, k, "year") or "XXXX"


@rule("fiscal", rf"(?:the\s+)?fiscal(?:\s+year)?\s+(?P<y>{_YEAR}|'\d\d|\d\d(?=\D))")
def _h_fiscal(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    return "DATE", f"{_year_of(m['y']):04d}", None


@rule("decade", rf"{_EDGE}?(?:the\s+)?(?P<e2>early|late|mid)?[\s-]*(?P<y>1[5-9]\d0|20[0-9]0|'\d0|\d0)'?s(?![\w'])")
def _h_decade(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    y = m["y"].lstrip("'")
    if len(y) == 2:
        y = ("19" if int(y) > 20 else "20") + y
    mod = _mod_of(_edge_text(m.group(0))) or _mod_of(m["e2"])
    return "DATE", y[:3], mod  # TimeML writes a decade by its first three digits ("the 1970s": 197)


@rule("century", rf"(?:the\s+)?(?:(?P<e>early|late|mid)[\s-]+)?(?P<n>{_ORD}|twenty-first|twentieth|nineteenth)[\s-]+century")
def _h_century(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    n = m["n"].lower()
    k = ORDINALS.get(n) or int(re.sub(r"\D", "", n) or 0)
    if not k:
        return None
    return "DATE", f"{k - 1:02d}", _mod_of(m["e"])


# a season's own determiner is part of it, as "the week" and "the quarter" are ("in the summer", "the early
# summer", "the end of the winter", "the past summer")
@rule("season", rf"(?:{_EDGE}(?:the\s+)?|(?P<the>the)\s+(?P<e2>(?:early|late|mid)[\s-]+)?)?(?:(?:this\s+)?"
                rf"(?P<d>last|this|next|past|coming)\s+)?(?P<s>{_SEASON})(?:\s+of\s+)?(?:(?P<y>\s*{_YEAR})|\s*{_SPOKEN_CY})?(?![\w-])")
def _h_season(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    s = SEASONS[m["s"].lower()]
    d = (m["d"] or "").lower()
    if re.match(r"\s+[A-Z]", ctx.text[ctx.end:ctx.end + 2]) and m["s"][0].isupper():
        return None  # "Winter Olympics"
    edge = m["e2"] or _edge_text(m.group(0))
    if not d and not m["y"] and not edge:
        pre = ctx.text[max(0, ctx.start - 16):ctx.start].lower() + ("the " if m["the"] else "")
        allowed = r"\b(?:in|during|by|until|since|through)\s+(?:the\s+)?$" if s == "FA" else \
            r"\b(?:in|this|the|during|by|until|since|through)\s+$"
        if not re.search(allowed, pre) or (s == "FA" and re.match(r"\s+(?:of|in)\b", ctx.text[ctx.end:ctx.end + 4])):
            return None  # "the fall of the Berlin Wall", "a fall in prices"
    if m["y"]:
        y = m["y"].strip()
    elif m["c"]:  # "the winter of nineteen ninety-four"
        y = str(_spoken_cy(m["c"], m["r"]) or "XXXX")
    elif ctx.dct is None:
        y = "XXXX"
    else:
        cur = ctx.dct.year
        sm = SEASON_MONTH[s]
        now_m = ctx.dct.month
        if d in ("last", "past"):
            y = str(cur if sm + 1 < now_m else cur - 1)
        elif d in ("next", "coming"):
            y = str(cur if sm > now_m else cur + 1)
        else:
            y = str(cur)
    return "DATE", f"{y}-{s}", _mod_of(edge)


@rule("new_year", r"the\s+new\s+year(?![\w'’-])(?!\s+(?:holidays?|celebrations?|part(?:y|ies)|festival|festivities|"
                  r"message|address|eve|day|break|honou?rs|resolutions?|greetings?|gala|concert)\b)")
def _h_new_year(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"Early in the new year", "an election in the New Year": the coming year (the one begun, in a
    report of its first half)."""
    if ctx.dct is None:
        return "DATE", "XXXX", None
    return "DATE", str(ctx.dct.year + (ctx.dct.month > 6)), None


@rule("play_season", r"(?P<d>last|this|next|the\s+previous|the\s+current|the\s+coming)\s+season(?![\w-])")
def _h_play_season(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"Last season", "this season": a season of play (or of a show, of a crop) has no calendar bounds of
    its own, only its side of now."""
    d = m["d"].split()[-1].lower()
    return "DATE", {"last": "PAST_REF", "previous": "PAST_REF", "next": "FUTURE_REF", "coming": "FUTURE_REF"}.get(
        d, "PRESENT_REF"), None


def _spoken_cy(century: str, rest: str) -> int | None:
    """The year of a century and its rest said in words ("nineteen", "ninety-four": 1994; "nineteen", "oh five")."""
    r, c = _num(rest.lower().replace("oh", "").strip(" -")), _num(century)
    return None if r is None or c is None else int(c * 100 + r)


@rule("spoken_year", rf"(?:the\s+year\s+)?(?:{_SPOKEN_CY}|two\s+thousand(?:\s+and)?(?:\s+(?P<r2>{_ONES}|{_TEENS}))?)(?![\w-])")
def _h_spoken_year(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if m["c"]:
        y = _spoken_cy(m["c"], m["r"])
        return None if y is None else ("DATE", f"{y:04d}", None)
    if not m.group(0).lower().startswith("the") and not m["r2"]:
        pre = ctx.text[max(0, ctx.start - 6):ctx.start].lower()
        if not re.search(r"\b(?:in|since|until|of|by)\s+$", pre):
            return None
    return "DATE", f"{2000 + int(_num(m['r2']) or 0) if m['r2'] else 2000:04d}", None


@rule("spoken_decade", r"the\s+(?:(?P<e>early|late|mid)[\s-]+)?(?:nineteen[\s-]+)?(?P<t>twenties|thirties|forties|fifties|sixties|seventies|"
                       r"eighties|nineties)(?![\w-])")
def _h_spoken_decade(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    t = TENS[m["t"].lower()[:-3] + "y"] if m["t"].lower() != "forties" else 40
    return "DATE", f"19{t // 10}", _mod_of(m["e"])


@rule("year_end", r"(?:around\s+)?(?:the\s+)?(?P<d>this\s+|last\s+|next\s+)?year(?:[\s-]|['’]s\s+)end(?![\w-])")
def _h_year_end(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if ctx.dct is None:
        return "DATE", "XXXX-12-31", None
    d = (m["d"] or "").strip().lower()
    pre = ctx.text[max(0, ctx.start - 8):ctx.start].lower()
    y = ctx.dct.year + {"last": -1, "next": 1}.get(d, 0)
    if not d and (re.search(r"\bsince\s+$", pre) or (ctx.dct.month <= 2 and ctx.tense() < 0)):
        y -= 1
    return "DATE", f"{y}-12-31", None


def _easter(y: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    return date(y, month, (h + l_ - 7 * m + 114) % 31 + 1)


def _nth_weekday(y: int, month: int, wd: int, n: int) -> date:
    """The n-th (n < 0: from the end) ISO weekday ``wd`` of a month."""
    if n > 0:
        d = date(y, month, 1)
        d += timedelta(days=(wd - d.isoweekday()) % 7)
        return d + timedelta(weeks=n - 1)
    nxt = date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return nxt - timedelta(days=(nxt.isoweekday() - wd) % 7)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25), "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24), "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31), "independence day": lambda y: date(y, 7, 4),
    "the fourth of july": lambda y: date(y, 7, 4), "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14), "veterans day": lambda y: date(y, 11, 11),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4), "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1), "memorial day": lambda y: _nth_weekday(y, 5, 1, -1),
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + timedelta(days=1),
    "easter": _easter, "easter sunday": _easter, "good friday": lambda y: _easter(y) - timedelta(days=2),
    "martin luther king day": lambda y: _nth_weekday(y, 1, 1, 3),
}


@rule("holiday", rf"(?:(?P<d>last|this|next)\s+)?(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|"
                 rf"Independence\s+Day|the\s+Fourth\s+of\s+July|Halloween|Valentine's\s+Day|Veterans\s+Day|"
                 rf"Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Election\s+Day|Easter(?:\s+Sunday)?|"
                 rf"Good\s+Friday|Martin\s+Luther\s+King\s+Day)(?P<wk>\s+week(?P<we>end)?(?![\w-]))?"
                 rf"(?P<y>(?:\s?,)?\s+{_YEAR})?(?![\w-])")
def _h_holiday(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    h = m["h"]
    if h[0].islower() and not h.lower().startswith("the"):
        return None
    if re.match(r"\s+(?:holiday|season|break|party|parade|tree|card|cards|message|address|"
                r"shopping|sales|ceasefire|truce|Rising|Offensive)\b", ctx.text[ctx.end:ctx.end + 12], re.IGNORECASE):
        return None
    fn = _HOLIDAYS[" ".join(h.lower().split())]
    if m["y"]:
        y = int(m["y"].strip(" ,"))
    elif ctx.dct is None:
        return "DATE", ("XXXX-WXX-WE" if m["we"] else "XXXX-WXX") if m["wk"] else "XXXX-XX-XX", None
    else:
        d = (m["d"] or "").lower()
        cur = fn(ctx.dct.year)
        if d == "last":
            y = ctx.dct.year if cur < ctx.dct else ctx.dct.year - 1
        elif d == "next":
            y = ctx.dct.year if cur > ctx.dct else ctx.dct.year + 1
        else:
            y = int(_pick_year(ctx, cur.month, cur.day))
    if m["wk"]:
        return "DATE", _holiday_week(fn(y), bool(m["we"])), None
    return "DATE", fn(y).isoformat(), None


def _holiday_week(day: date, weekend: bool) -> str:
    """The week of a holiday ("Easter week"), or its weekend ("Easter weekend"; "Labor Day weekend", a
    Monday's, is the one before it)."""
    if not weekend:
        return _week(day)
    return _week(day - timedelta(days=7) if day.isoweekday() <= 2 else day) + "-WE"


@rule("term", r"the\s+(?:near|short|long|medium)[\s-]+term(?![\w-])|a\s+later\s+date(?![\w-])")
def _h_term(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if re.match(r"\s+[a-z]", ctx.text[ctx.end:ctx.end + 2]) and "-" in m.group(0):
        return None  # "the long-term value": an adjective
    return "DATE", "FUTURE_REF", None


@rule("long", rf"(?:(?P<n>{_NUM})-)?(?P<u>{_UNIT})(?P<pl>s)?-long(?![\w-])")
def _h_long(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    n = _num(m["n"]) if m["n"] else (None if m["pl"] else 1)
    return "DURATION", _duration(n, _unit_of(m["u"])), None


@rule("year", rf"{_EDGE}?(?:(?P<the>the\s+)?year\s+)?(?P<y>{_YEAR})(?![\w-])")
def _h_year(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    pre = ctx.text[max(0, ctx.start - 3):ctx.start]
    if re.search(r"[$#£€]\s*$|No\.\s*$", pre):
        return None
    if _NUMBERED.search(ctx.text, max(0, ctx.start - 14), ctx.start) and not m["the"]:
        return None  # "resolution 1973", "Flight 1549", "Route 1990": a number, no year
    post = ctx.text[ctx.end:ctx.end + 16].lower()
    y = m["y"]
    clock = int(y[:2]) <= 23 and int(y[2:]) <= 59
    if _CLOCK_AFTER.match(post) or (clock and live_stamp(ctx.text, ctx.start, ctx.end)):
        # a clock time: "1600 GMT", "hit at 1653 (2153 GMT)", a live page's "1504 Cafod pledges ..."
        if not clock or m.group(0) != y or _CONVERSION.search(ctx.text, max(0, ctx.start - 16), ctx.start):
            return None
        base = ctx.dct.isoformat() if ctx.dct is not None else "XXXX-XX-XX"
        return "TIME", f"{base}T{y[:2]}:{y[2:]}", None
    if re.match(r"\s*(?:people|troops|soldiers|votes|tons|times|miles|feet|km|kilometers|meters|men|women|"
                r"dollars|yen|shares|units|cars|jobs|points)\b", post):
        return None
    if _ADDRESS.match(ctx.text, ctx.end) and not re.search(
            r"\b(?:in|since|of|by|until|till|before|after|during|from)\s+$", ctx.text[max(0, ctx.start - 8):ctx.start],
            re.IGNORECASE):
        return None  # a street number: "heading for 1600 Pennsylvania Avenue"
    return "DATE", m["y"], _mod_of(_edge_text(m.group(0)))


_NUMBERED = re.compile(r"\b(?:resolution|flight|route|highway|interstate|bill|article|chapter|section|room|"
                       r"number|no|apollo|model|platform|gate|pier|channel|box|suite|unit|lot|block|exit|bus|train)s?"
                       r"\s+$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s*(?:\(\s*\d{3,4}\s*)?(?:gmt|utc|est|edt|bst|cet|hours|hrs|local|z\b)")
# a live page's entries open with a 24-hour time: "1504 International aid agency Cafod pledges ..."
_ENTRY_TIME = r"(?:[01]\d|2[0-3])[0-5]\d"
_STAMP_OPEN = re.compile(r"(?:^|\n|[.!?\"”’)]\s)\s*" + _ENTRY_TIME + r"\s+[A-Z]")


@lru_cache(maxsize=8)
def live_log(text: str) -> bool:
    """Does ``text`` read as a live page, whose entries open with 24-hour times (three or more)?"""
    return sum(1 for _ in zip(range(3), _STAMP_OPEN.finditer(text))) >= 3


def live_stamp(text: str, start: int, end: int) -> bool:
    """Is the number at ``start:end`` one of a live page's entry times (a capitalised word follows, no
    preposition of a year comes before it, and the page has more such opening its sentences)?"""
    if not re.match(r"\s+[A-Z]", text[end:end + 3]) or not live_log(text):
        return False
    # also one glued to the caption before it ("... the presidential palace 1623 Haiti's First Lady ..."),
    # but not a year after its preposition ("in 1994 Haiti's ...")
    return not re.search(r"\b(?:in|since|of|by|until|till|from|to|before|after|during|around|about|circa|c\.|the|"
                         r"early|late|mid|year|between|and|or)\s+$", text[max(0, start - 12):start], re.IGNORECASE)


_STAMP_AT = re.compile(_ENTRY_TIME + r"(?=\s+[A-Z])")
# a live page's entry time inside a sentence ("... may have been killed 2050 Haiti's President ...")
_INNER_STAMP = re.compile(r"(?<=\S)\s+(" + _ENTRY_TIME + r")(?=\s+[A-Z])")


def live_stamp_cuts(text: str, start: int, end: int) -> list[int]:
    """Where the live page's entry times inside ``text[start:end]`` begin (``live_stamp``): each
    opens an entry of its own, glued to the one before."""
    return [m.start(1) for m in _INNER_STAMP.finditer(text, start, end) if live_stamp(text, m.start(1), m.end(1))]


def live_stamp_end(text: str, start: int, end: int | None = None) -> int:
    """Where the words of a live page's entry begin past the entry time that opens ``text[start:end]``
    ("1504 Cafod pledges ..." -> "Cafod pledges ..."), ``start`` when it opens with none: the time
    stamps the page's entry (it dates it), it is no word of what the entry tells."""
    m = _STAMP_AT.match(text, start, len(text) if end is None else end)
    if not m or not live_stamp(text, m.start(), m.end()):
        return start
    k = m.end()
    while k < len(text) and text[k].isspace():
        k += 1
    return k


_ADDRESS = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,3}(?:Avenue|Ave\.?|Street|St\.|Road|Rd\.?|Boulevard|Blvd\.?|"
                      r"Lane|Drive|Place|Way|Court|Square|Highway|Parkway)\b")



@rule("deictic", rf"{_EDGE}?(?:(?P<the>the\s+|that\s+(?=same\s))?(?P<d>this\s+past|this\s+coming|last|this|next|past|coming|previous|current|"
                 rf"following|same|that)\s+)(?P<u>{_REL_UNIT})(?![\w-])")
def _h_deictic(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    d, u = m["d"].lower().split()[-1], m["u"].lower()  # "this past week" is "past week"
    if d == "same" and (m["the"] or "").lower().startswith("that"):
        d = "that"  # "that same day", "that same year": "that day", "that year"
    mod = _mod_of(_edge_text(m.group(0)))
    if not m["the"] and re.search(r"\b(?:my|his|her|their|our|your|its)\s+$", ctx.text[max(0, ctx.start - 7):ctx.start],
                                  re.IGNORECASE) and re.match(r"\s+(?:in|at|of)\s", ctx.text[ctx.end:ctx.end + 5]):
        return None  # "my last year in high school": a year of one's life, not of the calendar
    if m["the"] and d in ("past", "last") and not mod:
        if ctx.dct is not None and u in ("week", "weekend", "month", "year") \
                and not _FINAL_OF.match(ctx.text, ctx.end) and not _MORE_THAN_ONE.match(ctx.text, ctx.end) \
                and (d == "past" or _SPAN_BEFORE.search(ctx.text, max(0, ctx.start - 12), ctx.start)):
            # "over the past year", "in the last week": the calendar unit before the present one, as "this past
            # week" and "last year" are (TimeBank's and HeidelTime's reading); not "the last week of the campaign",
            # a final week, nor a "last" that may be one ("2012, the last year covered by the pact")
            return "DATE", _past_unit(ctx.dct, u), None
        # "the past decade", "the last day of the talks": a period
        return "DURATION", _duration(1, u), None
    if d == "that" and u in ("year", "month"):
        # "later that year", "in March that year": the year (month) the text last named, never the publication's
        named = ctx.named_year if u == "year" else ctx.named_month
        return "DATE", named or _x_value(u), mod
    if d in ("following", "same", "that") or (m["the"] and d in ("next", "previous")):
        # anaphoric: relative to the last date mentioned
        anchor = ctx.ref.value if ctx.ref else (ctx.dct.isoformat() if ctx.dct else None)
        n = {"following": 1, "next": 1, "previous": -1}.get(d, 0)
        if u == "month" and n and ctx.named_month and _day_of_telling(ctx):
            # "the previous month" is next to the month a report told of, the one the text last named, not to the
            # day of the telling ("Orders rose in February, the agency said Thursday. Compared with the previous
            # month, ...": January)
            anchor = ctx.named_month
        if d == "next" and ctx.ref is None and ctx.tense() > 0 and m["the"]:
            anchor = ctx.dct.isoformat() if ctx.dct else None
        if ctx.ref is not None and _COARSER.get(ctx.ref.granularity, 0) > _COARSER.get(u, 0):
            if n == 0 and u == "day" and ctx.ref.granularity in ("month", "year") and ctx.ref.value[:4].isdigit():
                # "that day", "the same day" after "last October": a day of that month we do not know (1998-10-XX)
                return "DATE", ctx.ref.value[:7] + "-XX" if ctx.ref.granularity == "month" \
                    else ctx.ref.value[:4] + "-XX-XX", mod
            anchor = None  # "the next day" after "in 1988" names no day we know
        return "DATE", _rel_value(anchor, n, u) if anchor else _x_value(u), mod
    if ctx.dct is None:
        return "DATE", _x_value(u), mod
    n = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(d, 0)
    if d == "last" and u == "year" and not m["the"] and not mod and ctx.last_quarter and _figure_compared(ctx):
        # a sum a quarterly report compares with ("compared with a loss of $3 million last year", "up 13% from last
        # year's $1.55 billion"): the period reported on, a year before
        return "DATE", _reported_period(ctx, ctx.last_quarter, -1), mod
    return "DATE", _rel_value(ctx.dct.isoformat(), n, u), mod


# a report's verb right before the day it was made on ("the agency said Thursday", "officials told reporters on Monday")
_TOLD_ON = re.compile(r"\b(?:said|says|told\s+\w+|announced|reported|added|stated)\s+(?:on\s+)?[\w.]+\s*$",
                      re.IGNORECASE)


def _day_of_telling(ctx: _Ctx) -> bool:
    """Is the day last named the day a report was made on ("..., the agency said Thursday"), not one of its events?"""
    ref = ctx.ref
    return ref is not None and ref.granularity == "day" and ref.end > 0 \
        and _TOLD_ON.search(ctx.text, max(0, ref.end - 40), ref.end) is not None


# what makes "the last week" the final one of something ("the last week of March", "the last year before the war")
_FINAL_OF = re.compile(r"\s+(?:of|before|prior\s+to|ahead\s+of|until|till|leading\s+up)\b", re.IGNORECASE)
# what makes "the past year" more than one unit: a fraction or an approximation ("the past year and a half", "the past
# month or two", "the past week or so")
_MORE_THAN_ONE = re.compile(r"\s+(?:and\s+a\s+half|or\s+(?:so|two|three|more|longer))\b", re.IGNORECASE)
# what makes "the last year" the one up to now: a preposition of a span before it, or the sentence's start ("over the
# last year", "The last year has been hard")
_SPAN_BEFORE = re.compile(r"(?:^|[.!?\n\"“]\s*|\b(?:in|over|during|for|throughout|within|across)\s+)$", re.IGNORECASE)


def _past_unit(dct: date, u: str) -> str:
    """The calendar week, weekend, month or year before the one of ``dct`` ("the past week"); on a Saturday or a
    Sunday "the past weekend" is the one under way."""
    if u == "weekend" and dct.isoweekday() >= 6:
        return _week(dct) + "-WE"
    return _rel_value(dct.isoformat(), -1, u)


_COARSER = {"day": 1, "weekend": 2, "week": 2, "month": 3, "season": 4, "quarter": 4, "half": 5, "year": 6,
            "decade": 7, "century": 8}


def _x_value(u: str) -> str:
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
            "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}[u]


def _year_value(y: int) -> str:
    """A year's TIMEX3 value; one before the common era is written BC and its year ("2,500 years ago"
    in 2013: BC0488, there being no year 0)."""
    return f"{y:04d}" if y > 0 else f"BC{1 - y:04d}"


def _rel_value(anchor: str, n: int, u: str) -> str:
    d = value_to_date(anchor)
    if d is None:
        return _x_value(u)
    if u == "day":
        return (d + timedelta(days=n)).isoformat()
    if u in ("week", "weekend"):
        w = _week(d + timedelta(weeks=n))
        return w + ("-WE" if u == "weekend" else "")
    if u == "month":
        return _add_months(d, n).isoformat()[:7]
    if u == "quarter":
        y, q = _quarter(d)
        idx = y * 4 + q - 1 + n
        return f"{idx // 4}-Q{idx % 4 + 1}"
    if u == "year":
        return _year_value(d.year + n)
    if u == "decade":
        return f"{(d.year // 10 + n):03d}"
    if u == "century":
        return f"{d.year // 100 + n:02d}"
    return _x_value(u)


@rule("weekend", r"(?P<d>the|this|that)\s+weekend(?![\w-])")
def _h_weekend(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if ctx.dct is None:
        return "DATE", "XXXX-WXX-WE", None
    d = ctx.dct
    if d.isoweekday() >= 6 or ctx.tense() > 0:
        return "DATE", _week(d) + "-WE", None
    return "DATE", _week(d - timedelta(days=7)) + "-WE", None


@rule("ago", rf"{_APPROX}?(?P<n>{_NUM})[\s-]+(?P<u>{_UNIT})s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|hence|"
             r"from\s+now|previously|back)(?![\w-])")
def _h_ago(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if _over_a_period(ctx):
        return None
    n = _num(m["n"])
    u = _unit_of(m["u"])
    if u not in ("day", "week", "month", "year", "decade", "century", "quarter", "hour", "minute", "night"):
        return None
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "before", "previously", "back") else 1
    deictic = direction in ("ago", "hence", "from now", "back")
    if direction in ("before", "after") and not re.match(r"\s*[,.;:)]|\s*$", ctx.text[ctx.end:ctx.end + 3]):
        # "two days before the vote": the duration only; the anchor is an event
        return "DURATION", _duration(n, u), _approx_mod(m.group(0))
    mod = _approx_mod(m.group(0))
    if n is None:
        if not deictic:
            return None
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    if u in ("hour", "minute"):
        return "TIME" if deictic else "DURATION", _duration(n, u), mod
    if u == "night":
        u = "day"
    anchor = None
    if deictic and ctx.dct is not None:
        anchor = ctx.dct.isoformat()
    elif not deictic:
        if u == "year" and ctx.last_quarter and n is not None and float(n).is_integer():
            return "DATE", _reported_period(ctx, ctx.last_quarter, -int(n) if sign < 0 else int(n)), mod
        if ctx.ref is not None:
            if _COARSER.get(ctx.ref.granularity, 0) <= _COARSER.get(u, 0):
                anchor = ctx.ref.value
        elif ctx.dct is not None:
            anchor = ctx.dct.isoformat()
    if anchor is None:
        return "DATE", _x_value("decade" if u == "decade" else u if u in ("day", "week", "month", "quarter",
                                                                            "year", "century") else "day"), mod
    if u in ("decade", "century"):
        n, u = n * (10 if u == "decade" else 100), "year"  # "a quarter century ago": 25 years
    if not float(n).is_integer():
        return "DATE", _x_value(u), mod
    k = int(n) * sign
    if u == "year" and deictic and ctx.last_quarter and (ctx.ref and ctx.ref.granularity == "quarter"
                                                         or _figure_compared(ctx)):
        return "DATE", _reported_period(ctx, ctx.last_quarter, k), mod  # "from $3 million a year ago"
    return "DATE", _rel_value(anchor, k, u), mod


# what makes "last" a verb: a modal, "to" or a negation right before it ("could last months", "to last two weeks")
_VERB_LAST = re.compile(r"\b(?:will|would|could|can|may|might|must|should|shall|to|not|n't|cannot|won't|did|does|do)"
                        r"\s+(?:\w+ly\s+|only\s+|still\s+)?$", re.IGNORECASE)


@rule("span", rf"(?:(?P<the>the)\s+)?(?P<d>past|last|next|first|final|coming|previous|following|latest|"
              rf"preceding|remaining|recent|few)\s+(?:{_APPROX})?(?:(?P<n>{_NUM})\s+)?(?P<u>{_UNIT})s(?![\w-])")
def _h_span(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    n = _num(m["n"]) if m["n"] else None
    u = _unit_of(m["u"])
    d = m["d"].lower()
    if d == "last" and not m["the"] and _VERB_LAST.search(ctx.text, max(0, ctx.start - 24), ctx.start):
        return None  # "could last months", "is expected to last two weeks": the verb, then a duration
    if n is None and d == "recent" and not m["the"] and u in ("year", "decade", "century"):
        return "DATE", "PAST_REF", None
    if n is None and d in ("coming",):
        return "DATE", "FUTURE_REF", None
    if u == "quarter" and n is not None:
        return "DURATION", _duration(3 * n, "month"), None
    if n is None and d == "recent" and u in ("month", "week", "day", "quarter"):
        return "DURATION", _duration(None, "month" if u == "quarter" else u), None
    return "DURATION", _duration(n, u), None


@rule("set", rf"(?:every|each|per)\s+(?:other\s+)?(?:(?P<n>{_NUM})\s+)?(?:(?P<wd>{_WDAY_RX})|(?P<u>{_UNIT})s?"
             rf"|(?P<pt>morning|afternoon|evening|night)|(?P<m>{MONTH_NAMES}))(?![\w-])"
             r"|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly)(?![\w-])")
def _h_set(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if m["adv"]:
        a = m["adv"].lower()
        pre = ctx.text[max(0, ctx.start - 10):ctx.start].lower()
        post = ctx.text[ctx.end:ctx.end + 3]
        if re.search(r"\b(?:average|party)\s+$", pre) or re.match(r"\s+[A-Z]", post):
            return None
        u = {"daily": "day", "nightly": "day", "weekly": "week", "monthly": "month", "annually": "year",
             "yearly": "year", "hourly": "hour", "quarterly": "quarter"}[a]
        if a == "quarterly":
            return None
        return "SET", _duration(1, u), None
    if m["wd"]:
        return "SET", f"XXXX-WXX-{_wday_num(m['wd'])}", None
    if m["m"]:
        return "SET", f"XXXX-{_month_num(m['m']):02d}", None
    if m["pt"]:
        return "SET", f"XXXX-XX-XXT{PARTS[m['pt'].lower()]}", None
    n = _num(m["n"]) if m["n"] else 1
    if "other" in m.group(0).lower():
        n = 2 * (n or 1)
    return "SET", _duration(n, _unit_of(m["u"])), None


@rule("rate", rf"(?P<n>{_NUM})[\s-]+(?P<u>{_UNIT})s?\s+(?:a|an|per)\s+(?P<per>{_UNIT})(?![\w-])"
               r"(?!\s+(?:ago|earlier|later|before|after|back|hence|from\s+now)\b)")
def _h_rate(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"24 hours a day", "seven days a week": how much of each unit, a set of those units (one expression:
    the amount is no duration of its own, "a day" no day)."""
    if _num(m["n"]) is None or _unit_of(m["u"]) == _unit_of(m["per"]):
        return None
    return "SET", _duration(1, _unit_of(m["per"])), None


@rule("times_per", rf"(?:a|an|per)\s+(?P<u>{_UNIT})(?![\w-])")
def _h_times_per(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if not re.search(r"\b(?:once|twice|times)\s+$", ctx.text[max(0, ctx.start - 8):ctx.start], re.IGNORECASE):
        return None  # not a rate: the duration rule reads it
    u = m["u"]
    return "SET", _duration(1, _unit_of(u)), None


@rule("duration", rf"{_APPROX}?(?:the\s+)?(?P<n>{_NUM})(?P<more>\s+more)?(?P<h>[\s-]+)(?P<u>{_UNIT})(?P<pl>s)?"
                  r"(?P<half>\s+and\s+a\s+half)?(?P<old>-old)?(?![\w-])")
def _h_duration(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if _over_a_period(ctx):
        return None  # "used over three years": the amount alone
    u = _unit_of(m["u"])
    nt = m["n"].lower()
    n = _num(nt)
    if u == "weekend" or (u == "night" and n is None):
        return None
    if nt in ("a", "an") and u in ("day", "week", "month", "year", "night", "quarter", "hour", "minute"):
        pre = ctx.text[max(0, ctx.start - 16):ctx.start].lower()
        if re.search(r"(?:\b(?:once|twice|times|per)|\d|\d%|percent|million|billion|cents?|dollars|seats|flights|"
                     r"shares|barrels|tons|people|points)\s+$", pre):
            return None
        if re.search(r"\bin\s+$", pre) and ctx.text[ctx.end:ctx.end + 1] in ".,;":
            pass
    if nt in ("some", "many") and not m["pl"]:
        return None
    post = ctx.text[ctx.end:ctx.end + 6].lower()
    if m["old"] or re.match(r"[\s-]+old\b", post):
        return None  # an age: "the 6-year-old", "52 years old"
    if u == "second" and nt in ("a", "an"):
        return None  # "a second summit"
    if u == "quarter" and (m["pl"] or "-" in m["h"]) and nt not in ("a", "an") and "-" in m["h"]:
        return None  # "three-quarters"
    if u == "quarter" and (_QUARTER_OF_SOMETHING.match(ctx.text, ctx.end)
                           or (nt in ("a", "an") and _quarter_share(ctx.text, ctx.end))):
        return None  # "a quarter percentage point", "three quarters of a million", "a quarter of the vote"
    if u == "quarter" and m["pl"] and re.search(r"-\s*$", ctx.text[max(0, ctx.start - 1):ctx.start + 1]):
        return None
    if nt == "the next few":
        n = None
    if m["half"] and n is not None:
        n += 0.5
    if nt in ("one", "some") and u == "day" and not m["pl"]:
        pre = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
        if re.search(r"\b(?:of|will|could|would|might|may|can|to|hope|hopes|that)\s+$", pre) or re.match(
                r"(?:\s?,)?\s+(?:be|being|become|soon|he|she|they|we|it)\b", post):
            return "DATE", "FUTURE_REF", None
    return "DURATION", _duration(n, u), _approx_mod(m.group(0))


# what a bare plural unit before "after" or "before" follows when it is how long ("arrived hours after the blast",
# "Days before the vote, ..."), not a noun's ("the days before", "trading days before")
_UNITS_BEFORE_EVENT = re.compile(r"(?:^|[,;:(—]|--|\b(?:just|only|barely|mere|merely|even|and|but|come|comes|came|is|are|"
                                 r"was|were|been|be|" + "|".join(IRREGULAR_PAST) + r")|(?<!-)\b[a-z]\w{2,}ed)\s*$",
                                 re.IGNORECASE)


@rule("bare_units", r"(?:(?P<mat>a\s+matter\s+of)\s+|(?P<the>the)\s+)?"
                    r"(?P<u>years|decades|months|weeks|days|hours|minutes|centuries)(?![\w-])")
def _h_bare_units(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    pre = ctx.text[max(ctx.sent_lo, ctx.start - 16):ctx.start]
    if m["the"]:
        if not re.search(r"\bover\s+$", pre, re.IGNORECASE):
            return None  # "over the years" is how long (TBAQ: "the years", PXY)
    elif not m["mat"] and not re.search(r"\b(?:for|over|in|within|take|takes|took|after|by|last|lasts|lasted|lasting)"
                                        r"\s+(?:just\s+|only\s+)?$", pre, re.IGNORECASE) \
            and not (re.match(r"\s+(?:after|before)\s", ctx.text[ctx.end:ctx.end + 8]) and _UNITS_BEFORE_EVENT.search(pre)):
        return None
    return "DURATION", _duration(None, _unit_of(m["u"])), None


_DAYWORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
# "Today," opening its sentence before a clause that tells a state in the present ("Today, the tribe is neither
# wealthy nor landed", "And today, the right to work is equal to the right to survival"): the present, set against
# a past, not the day ("Today, the torch went out three times", "Today, the court is expected to rule": the day)
_NO_DETERMINER = "".join(rf"(?<!\b{w}\s)" for w in ("the", "a", "an", "its", "his", "her", "their", "our", "this"))
_TODAY_OPENS = re.compile(r"[\s\"“'‘(]*(?:(?:and|but|yet)\s+)?", re.IGNORECASE)
_TODAY_STATE = re.compile(r"[^.;:!?]*?\b(?:(?P<now>is|are|remains?)(?!\s+(?:\w+ly\s+)?(?:[a-z]+ing|expected|set|due|"
                          r"scheduled|slated|likely|poised|about|to)\b)|was|were|had|has|have|did|will|would|shall|can|"
                          r"could|may|might|must|should|said|says|" + _NO_DETERMINER + r"[a-z]{2,}ed|"
                          + "|".join(IRREGULAR_PAST) + r")\b", re.IGNORECASE)


# "today" as the present within its clause: of a comparison, after "even", "of", "until" ("than they are today", "even
# today", "the movement of today"; not "of today's attack", the day's), a supposition ("if an election were held
# today"), or after the subject of a state ("China today is ...", "for us today is"; "Today is a sad day", "and today
# is the happiest day" are the day)
_TODAY_BEFORE = re.compile(r"\bthan\b[^.;:!?]{0,50}$|\b(?:even|until|till)\s+$"
                           r"|\bif\b[^.;:!?]{0,60}\b(?:were|was|had)\b[^.;:!?]{0,30}$", re.IGNORECASE)
_OF_TODAY = re.compile(r"\bof\s+$", re.IGNORECASE)
_TODAY_AFTER = re.compile(r"\s+(?:is|are|remains?|has|have)\b", re.IGNORECASE)
_TODAY_AS_SUBJECT = re.compile(r"(?:^|[,;:(\"“'‘`—]|--|\b(?:and|but|yet|that|because|so|as|if|when|while))\s*$",
                               re.IGNORECASE)


def today_as_the_present(text: str, start: int, end: int) -> str | None:
    """How the "today" at ``text[start:end]`` is the present, no day: "state" where it opens its sentence before a comma
    and a clause that tells a state in the present ("Today, the combined tax is 12.4 percent": TimeML's PRESENT_REF,
    as TBAQ writes it); "aside" where it is the present within its clause ("than they are today", "China today is a
    lot more open", "even today", "if an election were held today": TimeML's annotators write the day, but no event
    of that day is told); None for the day ("Today, the torch went out", "Today is a sad day")."""
    if text[start:end].lower() != "today":
        return None
    lo, hi = _sent_bounds(text, start)
    if text.startswith(",", end) and _TODAY_OPENS.fullmatch(text, lo, start):
        verb = _TODAY_STATE.match(text, end + 1, min(hi, end + 200))
        if verb is not None and verb["now"] is not None:
            return "state"
    before = text[max(lo, start - 60):start]
    if _TODAY_BEFORE.search(before) or (_OF_TODAY.search(before) and not text.startswith(("'s", "’s"), end)):
        return "aside"
    if _TODAY_AFTER.match(text, end) and not _TODAY_AS_SUBJECT.search(before):
        return "aside"
    return None


@rule("dayword", rf"{_EDGE}?(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|"
                 rf"the\s+day\s+after\s+tomorrow)(?:(?:'s)?\s+(?P<pt>{_PART}))?(?![\w-])")
def _h_dayword(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    w = " ".join(m["w"].lower().split())
    if w == "today" and re.match(r"['’]s\s+(?:world|youth|society|generation|children|kids|young|economy|"
                                 r"technology|standards|terms|computers|dollars|politics|culture)\b",
                                 ctx.text[ctx.end:ctx.end + 16]):
        return None  # generic "today's world"
    if w == "today" and not m["pt"] and today_as_the_present(ctx.text, ctx.start, ctx.end) == "state":
        return "DATE", "PRESENT_REF", None
    off = {"the day before yesterday": -2, "the day after tomorrow": 2}.get(w, _DAYWORDS.get(w, 0))
    mod = _mod_of(_edge_text(m.group(0)))
    v = (ctx.dct + timedelta(days=off)).isoformat() if ctx.dct else "XXXX-XX-XX"
    if w == "tonight":
        return "TIME", v + "TNI", mod
    if m["pt"]:
        return "TIME", v + "T" + PARTS[m["pt"].lower()], mod
    return "DATE", v, mod


# what a part of the day alone ("mid-afternoon", "late morning") is the time of after: a preposition ("by mid
# afternoon", "at midafternoon"), not a determiner of the thing it modifies ("a late morning flight")
_PREP_BEFORE_PART = re.compile(r"\b(?:at|by|in|until|till|from|since|after|before|around|about|during|through|into"
                               r"|towards?)\s+$", re.IGNORECASE)
_EDGE_PART = r"(?P<e>mid[\s-]?|early\s+|late\s+)(?P<pt>morning|afternoon|evening)"


@rule("edge_part_day", rf"{_EDGE_PART}(?:\s?,)?\s+(?:on\s+)?(?P<day>{_WDAY_RX}|today|yesterday|tomorrow)(?![\w-])")
def _h_edge_part_day(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """A part of the day told by its edge before the day it is of: "mid-afternoon yesterday", "late morning Tuesday",
    one TIME (TimeML's "mid-afternoon yesterday", ...TAF; it had been the day alone)."""
    base = _day_word(_day_ctx(ctx, m.start("day"), m.end("day")), m["day"])
    return "TIME", f"{base}T{PARTS[m['pt'].lower()]}", _mod_of(m["e"])


@rule("edge_part", rf"{_EDGE_PART}(?![\w-])")
def _h_edge_part(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """A part of the day told by its edge alone after a preposition, "by mid afternoon", "until late evening": of the
    day told of, as "in the afternoon" is; not "a late morning flight", "early morning of May 2" (the date's)."""
    if not _PREP_BEFORE_PART.search(ctx.text, max(0, ctx.start - 12), ctx.start) \
            or re.match(r"\s+of\b", ctx.text[ctx.end:ctx.end + 4]):
        return None
    day = _day_told_of(ctx)
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{PARTS[m['pt'].lower()]}", _mod_of(m["e"])


@rule("partofday", rf"{_EDGE}?(?P<d>this|last|that|the\s+same)\s+(?P<pt>morning|afternoon|evening|night)(?![\w-])")
def _h_partofday(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    d = " ".join(m["d"].lower().split())
    pt = PARTS[m["pt"].lower()]
    if d in ("that", "the same"):
        base = ctx.ref.value[:10] if ctx.ref and ctx.ref.granularity == "day" else None
        if base is None:
            return "TIME", "XXXX-XX-XXT" + pt, None
    elif ctx.dct is None:
        base = "XXXX-XX-XX"
    else:
        base = (ctx.dct - timedelta(days=1 if d == "last" else 0)).isoformat()
    return "TIME", f"{base}T{pt}", _mod_of(_edge_text(m.group(0)))


@rule("in_the_day", r"the\s+day(?![\w-])")
def _h_in_the_day(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"earlier in the day", "later in the day": the day told of (TBAQ's extent "the day"), the last day named when it
    is of the publication's week, else the publication's."""
    if not re.search(r"\b(?:earlier|later)\s+in\s+$", ctx.text[max(0, ctx.start - 12):ctx.start], re.IGNORECASE):
        return None
    day = _day_told_of(ctx)
    return "DATE", day.isoformat() if day else "XXXX-XX-XX", None


def _day_told_of(ctx: _Ctx) -> date | None:
    """The day a text tells of at ``ctx``: the last day it named when that is of the publication's week ("On Monday,
    ... Later in the day"), else the publication's (not a day of the background: "on April 30, 1975 ... Earlier in
    the day"); None without a publication date."""
    if ctx.dct is None:
        return None
    ref = value_to_date(ctx.ref.value[:10]) if ctx.ref is not None and ctx.ref.granularity == "day" else None
    return ref if ref is not None and abs((ref - ctx.dct).days) <= 7 else ctx.dct


@rule("part_of_event", rf"the\s+(?P<pt>{_PART})(?=\s+(?:after|before)\s+(?:the|a|an|his|her|their|its)\s)")
def _h_part_of_event(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"the morning after the debate": a part of the day of an event not dated (TBAQ's extent leaves out "after")."""
    return "TIME", "XXXX-XX-XXT" + PARTS[m["pt"].lower()], None


# what a part of the day is of after "in the": the day told of ("in the morning", "during the night"); not a thing of
# that part ("in the night sky", "in the evening papers")
_IN_THE_PART_BEFORE = re.compile(r"\b(?:in|during|through|throughout)\s+$", re.IGNORECASE)
_NOT_OF_THE_PART = re.compile(r"\s+(?:of|after|before)\b|['’]s\b|\s+(?:sky|skies|shift|shifts|club|clubs|life|lights?"
                              r"|air|papers?|editions?|news|shows?|programmes?|programs?|prayers?|star|market)\b",
                              re.IGNORECASE)


# what tells a habit, not one occasion ("usually", "tends to")
_HABITUAL = re.compile(r"\b(?:usually|often|always|typically|generally|normally|sometimes|rarely|seldom|routinely"
                       r"|regularly|habitually|customarily|tend(?:s|ed)?\s+to|used\s+to)\b", re.IGNORECASE)
# a day the sentence names for itself
_DAY_NAMED = re.compile(rf"\b(?:{WEEKDAY_NAMES}|today|tonight|yesterday|tomorrow)\b", re.IGNORECASE)


# a present progressive: what goes on now ("rescuers are searching the rubble")
_PROGRESSIVE = re.compile(r"(?:\b(?:is|are|am)|['’](?:re|m))\s+(?:\w+ly\s+)?[a-z]{2,}ing\b", re.IGNORECASE)


def _generic(ctx: _Ctx) -> bool:
    """Does the expression's sentence tell a habit or a general truth, not one day ("I wake up in the morning",
    "Markets open in the morning", "He usually jogs in the morning")? A habitual adverb says so; so does a sentence
    in the present simple throughout: no past form, no future or modal, no progressive, no day of its own named."""
    # (a sentence's words near the expression: a text without full stops is no one sentence of 100 kB)
    sent = ctx.text[max(ctx.sent_lo, ctx.start - 300):min(ctx.sent_hi, ctx.end + 300)]
    return bool(_HABITUAL.search(sent)) or not any(
        rx.search(sent) for rx in (_DAY_NAMED, _PAST, _MODAL_FAR, _FUTURE, _PROGRESSIVE))


# a present simple of an event, its object between, before the part of the day it happens in ("Rescue teams resume the
# search in the morning", "The court rules in the afternoon"); the part of the day ends the lookahead
_PRESENT_EVENT_PART = re.compile(
    rf"\b(?:{_EVENT_VERB}|decides?|rules?|hears?|testif(?:y|ies)|reopens?)\b(?=(?:{_OBJECT_WORD}){{0,7}}?"
    rf"\s+(?:(?:early|late|later)\s+)?(?:in|during)\s+(?P<part>the\s+{_PART}))", re.IGNORECASE)


def _scheduled_day(ctx: _Ctx) -> date | None:
    """The day of a part of the day that a sentence in the present simple gives one scheduled event, not a habit: news
    tells what is to come in the present ("The search was halted on Tuesday. Rescue teams resume the search in the
    morning"). It takes an event verb before the part of the day and a text that has dated a day of the publication's
    week (no habitual adverb: "usually"); the part is of that day when it lies ahead, else of the next day still to
    come (the day after the one named, the publication's at the earliest). None for a habit ("Markets open in the
    morning" with no day dated, "I wake up in the morning")."""
    if ctx.dct is None or ctx.ref is None or ctx.ref.granularity != "day":
        return None
    named = value_to_date(ctx.ref.value[:10])
    if named is None or abs((named - ctx.dct).days) > 7:
        return None
    lo = max(ctx.sent_lo, ctx.start - 90)
    if _HABITUAL.search(ctx.text, max(ctx.sent_lo, ctx.start - 300), min(ctx.sent_hi, ctx.end + 300)) or not any(
            m.end("part") == ctx.end and _present_verb(ctx.text, m)
            for m in _PRESENT_EVENT_PART.finditer(ctx.text, lo, ctx.end)):
        return None
    return named if named > ctx.dct else max(named + timedelta(days=1), ctx.dct)


@rule("in_the_part", r"the\s+(?P<e>(?:early|late)\s+|mid[\s-]?)?(?P<pt>morning|afternoon|evening|night)(?![\w-])")
def _h_in_the_part(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    """"in the morning", "during the night", "early in the afternoon": a part of the day told of, as "earlier in the
    day" is that day (TimeML: "the morning", a TIME): the last day named when it is of the publication's week, else
    the publication's; not "in the evening of his life", "the night of Oct. 23" (the date's), "the night sky"."""
    if not _IN_THE_PART_BEFORE.search(ctx.text, max(0, ctx.start - 12), ctx.start) \
            or _NOT_OF_THE_PART.match(ctx.text, ctx.end):
        return None
    day = _scheduled_day(ctx) if _generic(ctx) else _day_told_of(ctx)
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{PARTS[m['pt'].lower()]}", _mod_of(m["e"])


@rule("anaph_day", r"(?:the\s+(?:next|following|previous|preceding|same)\s+day|that\s+day|the\s+day\s+before"
                   r"|the\s+day\s+after|a\s+day\s+(?:later|earlier|before|after)|the\s+(?:next|following)\s+morning)"
                   r"(?![\w-])")
def _h_anaph_day(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    t = " ".join(m.group(0).lower().split())
    n = 1 if any(k in t for k in ("next", "following", "later", "after")) else -1 if any(
        k in t for k in ("previous", "preceding", "before", "earlier")) else 0
    if t in ("the day after", "the day before"):
        nxt = re.match(r"\s+([A-Za-z]+)", ctx.text[ctx.end:ctx.end + 20])
        if nxt and nxt.group(1).lower() in ("tomorrow", "yesterday") and ctx.dct is not None:
            return "DATE", (ctx.dct + timedelta(days=2 * n)).isoformat(), None
        if nxt and ctx.ref is not None and ctx.ref.granularity == "day" \
                and ctx.ref.end >= 0 and re.fullmatch(r"\s*,\s*", ctx.text[ctx.ref.end:ctx.start]):
            return "DATE", ctx.ref.value[:10], None  # "Nov. 3, the day before the raid": Nov. 3 itself
        if nxt:  # "the day after capital controls were imposed": the day of an event we do not date
            return "DATE", "XXXX-XX-XX", None
    if ctx.ref is not None and ctx.ref.granularity == "day":
        base = ctx.ref.value[:10]
    elif ctx.dct is not None:
        base = ctx.dct.isoformat()
    else:
        return "DATE", "XXXX-XX-XX", None
    v = shift_value(base, n, "day") or base
    if t.endswith("morning"):
        return "TIME", v + "TMO", None
    return "DATE", v, None


@rule("edge_rel", r"(?P<e>earlier|later|early|late)\s+(?P<d>this|last|next)\s+(?P<u>week|month|year|decade)(?![\w-])")
def _h_edge_rel(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    if ctx.dct is None:
        return "DATE", _x_value(m["u"].lower()), _mod_of(m["e"])
    n = {"this": 0, "last": -1, "next": 1}[m["d"].lower()]
    return "DATE", _rel_value(ctx.dct.isoformat(), n, m["u"].lower()), _mod_of(m["e"])


@rule("refs", r"(?P<pr>right\s+now|now|currently|at\s+present|at\s+the\s+moment|these\s+days|nowadays|"
              r"the\s+present|the\s+current\s+(?:time|period))(?![\w-])"
              r"|(?P<pa>recently|lately|the\s+past|in\s+the\s+past|(?:the\s+)?recent\s+(?:past|years|months|weeks|"
              r"days)|former\s+times|previously|a\s+(?:very\s+)?long\s+time\s+ago|the\s+other\s+day(?!\s+of\b))(?![\w-])"
              r"|(?P<fu>(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+|not[\s-]+too[\s-]+distant\s+|immediate\s+)?"
              r"future|(?:the\s+)?coming\s+(?:years|months|weeks|days)|the\s+(?:years|months|weeks|days)\s+ahead"
              r"|soon)(?![\w-])"
              r"|(?P<cur>current|recent)(?![\w-])")
def _h_refs(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    t = " ".join(m.group(0).lower().split())
    if m["pr"]:
        return "DATE", "PRESENT_REF", None
    if m["pa"]:
        if t == "in the past":
            return None
        if t == "previously":
            return None
        return "DATE", "PAST_REF", None
    if m["fu"]:
        if t == "future" or t == "soon":
            pre = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
            if t == "future" and not re.search(r"\b(?:in|near|for|the)\s+$", pre):
                return None
            if t == "soon":
                return None
        return "DATE", "FUTURE_REF", None
    if m["cur"]:
        post = ctx.text[ctx.end:ctx.end + 24]
        # "current" / "recent" before a noun phrase; not before titles ("the current president")
        if not re.match(r"\s+[a-z]", post) or re.match(
                r"\s+(?:account|accounts|affairs|president|chairman|chief|director|executive|owner|owners|holder|"
                r"holders|leader|leaders|leadership|management|members?|government|administration|"
                r"regime|head|and|or|to|in|of|at|with)\b", post):
            return None
        return "DATE", "PRESENT_REF" if m["cur"].lower() == "current" else "PAST_REF", None
    return None


# the titles of an award for the year's (month's, week's) best one
_AWARD_OF = re.compile(r"\b(?:player|team|coach|manager|person|man|woman|rookie|athlete|sportsman|sportswoman|"
                       r"footballer|album|song|record|book|car|driver|artist|entertainer|employee|goal|try|"
                       r"comeback|newcomer)s?\s+of\s+$", re.I)


@rule("the_year", rf"{_EDGE}?(?P<w>the\s+(?:full\s+|current\s+|fiscal\s+|calendar\s+)*year|the\s+month|the\s+week|that\s+year|this\s+time|that\s+time|the\s+time)(?![\w-])(?!\s+(?:ago|before|after|earlier|later|when))")
def _h_the_year(ctx: _Ctx, m: re.Match[str]) -> tuple[str, str, str | None] | None:
    w = " ".join(m["w"].lower().split())
    if w in ("this time", "that time", "the time"):
        return None
    edge = _edge_text(m.group(0))
    pre = ctx.text[max(0, ctx.start - 12):ctx.start].lower()
    if not edge and _AWARD_OF.search(ctx.text, max(0, ctx.start - 24), ctx.start):
        return None  # "European Player of the Year", "team of the year": a title, no time
    if w in ("the month", "the week"):
        if ctx.dct is None:
            return "DATE", _x_value(w[4:]), _mod_of(edge)
        return "DATE", _rel_value(ctx.dct.isoformat(), 0, w[4:]), _mod_of(edge)
    if w.startswith("the") and not edge and "current" not in w and "full" not in w and (
            re.search(r"\b(?:over|throughout)\s+$", pre)
            or re.match(r"\s+(?:ended|ending|to)\s+\w", ctx.text[ctx.end:ctx.end + 12])):
        return "DURATION", "P1Y", None  # "the year ended Sept. 30": a twelve-month period
    if w == "that year":
        return "DATE", ctx.named_year or "XXXX", None
    near = ctx.text[max(0, ctx.start - 250):ctx.start]
    if w == "the year" and ctx.ref is not None and ctx.ref.granularity == "year" and ctx.ref.value in near:
        return "DATE", ctx.ref.value, _mod_of(edge)  # "The year 2018 ... The year began"
    if ctx.dct is None:
        return "DATE", "XXXX", _mod_of(edge)
    return "DATE", str(ctx.dct.year), _mod_of(edge)


def _edge_text(s: str) -> str | None:
    m = re.match(_EDGE, s, re.IGNORECASE)
    return m.group(0) if m else None


# --- compiling and scanning -----------------------------------------------------------------------

_RX_BY_NAME = {name: re.compile(pat, re.IGNORECASE) for name, pat, _ in RULES}
_WRAPPED = {name: re.compile(rf"(?<![\w\-])(?:{pat})(?!\w)", re.IGNORECASE) for name, pat, _ in RULES}
_ORDER = {name: i for i, (name, _, _) in enumerate(RULES)}
_HANDLERS = {name: fn for name, _, fn in RULES}
# one big alternation; rules appear in definition order (most specific first)
_BIG = re.compile(r"(?<![\w\-])(?=[\w'])(?:" + "|".join(
    rf"(?P<{name}>(?:{re.sub(r'[(][?]P<[a-z0-9_]+>', '(?:', pat)})(?!\w))" for name, pat, _ in RULES) + ")",
    re.IGNORECASE)

_SENT_REACH = 3000  # characters each way: text without punctuation has no sentence to bound


# a word whose period ends no sentence: a title or "vs." before a name ("the Roe vs. Wade decision", "Mr. Kopp")
_NO_END_ABBREV = re.compile(r"(?:^|[\s(\"“])(?:Mr|Mrs|Ms|Dr|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Prof|Rev|Maj|Adm"
                            r"|Gens|Reps|Sens|vs|v)\.$")
# a month's abbreviation before its day ("the year ended Aug. 31 C$2.7 million", "through Sept. 30")
_MONTH_ABBREV_DAY = re.compile(r"(?:^|[\s(])(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\. \d")


def _full_stop(text: str, lo: int, hi: int, last: bool) -> int:
    """The position of the last (``last``) or first ". " in ``text[lo:hi]`` that ends a sentence, -1 if none.
    After ``_ABBREV_SKIPS`` abbreviations in a row the next one ends it: text that is all titles ("Mr. Mr. ...")
    would have every expression's bounds read through thousands of them."""
    for _ in range(_ABBREV_SKIPS):
        i = text.rfind(". ", lo, hi) if last else text.find(". ", lo, hi)
        if i < 0 or not (_NO_END_ABBREV.search(text, max(0, i - 6), i + 1)
                         or _MONTH_ABBREV_DAY.search(text, max(0, i - 6), i + 3)):
            return i
        if last:
            hi = i
        else:
            lo = i + 1
    return text.rfind(". ", lo, hi) if last else text.find(". ", lo, hi)


_ABBREV_SKIPS = 12  # abbreviations a sentence's bound is read past at most (no news sentence holds more titles)


def _sent_bounds(text: str, pos: int) -> tuple[int, int]:
    floor, ceil = max(0, pos - _SENT_REACH), min(len(text), pos + _SENT_REACH)
    lo = max(_full_stop(text, floor, pos, True), text.rfind("\n", floor, pos), text.rfind("? ", floor, pos),
             text.rfind("! ", floor, pos), floor - 1)
    hi_cands = [i for i in (_full_stop(text, pos, ceil, False), text.find("\n", pos, ceil), text.find("? ", pos, ceil))
                if i != -1]
    return lo + 1, (min(hi_cands) if hi_cands else ceil)


def _ref_of(value: str, end: int = -1) -> Ref | None:
    g = granularity_of(value)
    if g is None or "X" in value:
        return None
    return Ref(value[:10] if g == "day" else value, g, end)


class TimexTagger:
    """Tags the temporal expressions of texts; :meth:`tag` is the whole API."""

    def tag(self, text: str, dct: date | None = None, *, article_id: str = "") -> list[Timex]:
        return tag_timexes(text, dct, article_id=article_id)


def _as_date(dct: object) -> date | None:
    """A DCT given as date, datetime or ISO string; anything else counts as no DCT."""
    if isinstance(dct, datetime):
        return dct.date()
    if isinstance(dct, date):
        return dct
    if isinstance(dct, str):
        try:
            return date.fromisoformat(dct.strip()[:10])
        except ValueError:
            return None
    return None


# words that can begin a timex: a match is only tried where one of them starts (or a digit, or "'90s")
_WEEKDAYS_PLURAL = [w + "s" for w in WEEKDAYS if w.endswith("day")]  # ("closed on Sundays": a set of days)
_START_WORDS = frozenset(
    "the a an last this next past coming previous following current latest same that these those early late mid "  # noqa: SIM905
    "earlier later end about around approximately roughly nearly almost some more less over under at up no fewer "
    "just well every each per daily weekly monthly annually yearly hourly nightly quarterly today tonight yesterday "
    "tomorrow right now currently nowadays present recently lately recent former previously near distant "
    "foreseeable not immediate future soon fiscal year years decades months weeks days hours minutes centuries "
    "quarter period comparable corresponding prior preceding remaining final several few many dozens half noon "
    "midday midnight midmorning midafternoon midevening spring summer fall autumn winter morning afternoon evening "
    "night overnight christmas new "
    "independence halloween valentine's veterans thanksgiving labor memorial election easter good martin day "
    "week month decade century decades-long q1 q2 q3 q4 h1 h2".split()
    + list(MONTHS) + list(WEEKDAYS) + _WEEKDAYS_PLURAL + list(SMALL) + list(TENS) + ["hundred", "thousand"]
    + list(ORDINALS))
_WORD = re.compile(r"[\w']+")


# words that a timex must contain (its head): a start word is only tried with one of these within
# the next few words ("the" alone never starts a timex; "the past 10 months" has "10" and "months")
_HEAD_WORDS = frozenset(
    "ago now currently nowadays present season recently lately recent past future soon current term date moment noon midnight "
    "midday midmorning midafternoon midevening "  # noqa: SIM905
    "o'clock quarter quarters half period fiscal daily weekly monthly annually yearly hourly nightly quarterly "
    "today tonight yesterday tomorrow christmas thanksgiving halloween valentine's eve independence labor memorial "
    "election easter friday veterans century centuries decade decades twenties thirties "
    "forties fifties sixties seventies eighties nineties thousand eighteen nineteen twenty q1 q2 q3 q4 h1 h2".split()
    + [u + sfx for u in ("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "year", "weekend",
                         "decade") for sfx in ("", "s")]
    + list(MONTHS) + list(WEEKDAYS) + _WEEKDAYS_PLURAL + list(SEASONS) + list(PARTS))
_LOOKAHEAD = 5


_NEEDS_NEXT = {  # start words that only start a timex before one of these words
    "new": ("year's",), "year": ("-", " end", "'s end", "’s end"), "good": (" friday",), "martin": (" luther",),
    "day": ("-",), "week": ("-",), "month": ("-",), "decade": ("-",), "century": ("-",),
}


def _candidates(text: str) -> Iterable[tuple[int, re.Match[str]]]:
    """(position, match of the big rule alternation) at each word that may start a timex: a start word
    (or a number) with a head word within the next few words."""
    low = text.lower()
    toks = [(w.start(), w.group()) for w in _WORD.finditer(low)]
    heads = []
    for i, (_, key) in enumerate(toks):
        c = key[0]
        if c.isdigit() or (c == "'" and len(key) > 1 and key[1].isdigit()) or key in _HEAD_WORDS \
                or key.split("'")[0] in _HEAD_WORDS:
            heads.append(i)
    if not heads:
        return
    hi = 0
    for i, (s, key) in enumerate(toks):
        while hi < len(heads) and heads[hi] < i:
            hi += 1
        if hi == len(heads):
            return
        if heads[hi] - i > _LOOKAHEAD:
            continue
        c = key[0]
        if c.isdigit():
            if s and text[s - 1] in "$.,£€#:/":
                continue  # "$1.2 billion", "3.5", "No. 7"
        elif c == "'":
            if len(key) < 2 or not key[1].isdigit():
                continue
        elif key not in _START_WORDS:
            key = key.split("'")[0]
            if key not in _START_WORDS:
                continue
        nxt = _NEEDS_NEXT.get(key)
        if nxt is not None and not low.startswith(nxt, s + len(key)):
            continue
        m = _BIG.match(text, s)
        if m is not None:
            yield s, m


# a live page's update stamp: "(Update 11:02 a.m. Friday in Cairo, ...)", "(Update 10:38 p.m. Cairo, ...)"
_LIVE_UPDATE = re.compile(rf"(?:\(|-LRB-|\[)\s*Updated?\s*:?\s*(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>[ap])\.?\s?m\.?"
                          rf"(?:\s+(?P<wd>{WEEKDAY_NAMES})\b)?", re.IGNORECASE)
_HALF_DAY = 12 * 60  # minutes: a clock that goes back more than this between two entries has passed midnight
_ENTRY_REACH = 3  # the last entry of a live page: at most this many times as long as its entries are (the median)


def _stamp_minutes(m: re.Match[str]) -> int:
    h = int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)
    return h * 60 + int(m["mi"] or 0)


def live_days(text: str, dct: date | None) -> list[tuple[int, date]]:
    """(where it stands, the day it is of) for each update stamp of a live page whose stamps name a weekday
    ("Update 12:24 a.m. Monday in Cairo"), and (where the last entry ends, ``dct``); [] for any other text. The clock of the stamps runs back down a
    page of the newest entry first (forward down one of the oldest first); where it jumps by more than
    half a day, midnight lies between two entries. The named weekdays settle the days, the page's date
    (``dct``) being the first day or up to two days before it (a page dated Monday whose entries run from
    Tuesday morning to Wednesday night); a page whose stamps name no weekday keeps its date."""
    if dct is None or "pdate" not in text:
        return []
    stamps = list(_LIVE_UPDATE.finditer(text))
    if not any(m["wd"] for m in stamps):
        return []
    mins = [_stamp_minutes(m) for m in stamps]
    steps = [b - a for a, b in zip(mins, mins[1:]) if abs(b - a) < _HALF_DAY]
    newest_first = sum(st < 0 for st in steps) >= sum(st > 0 for st in steps)
    # days after the page's oldest entry, entry by entry in the page's order
    offsets = [0] * len(stamps)
    order = range(len(stamps) - 2, -1, -1) if newest_first else range(1, len(stamps))
    for i in order:
        older = i + 1 if newest_first else i - 1
        offsets[i] = offsets[older] + (mins[older] - mins[i] > _HALF_DAY)
    named = [(off, _wday_num(m["wd"])) for off, m in zip(offsets, stamps) if m["wd"]]
    best = max((0, 1, 2, -1), key=lambda j: sum((dct + timedelta(days=j + off)).isoweekday() == wd for off, wd in named))
    days = [(m.start(), dct + timedelta(days=best + off)) for off, m in zip(offsets, stamps)]
    if len(stamps) > 1:
        # the last entry reaches as far as a few of the page's entries do; past it the page's own text
        # (another section's captions and links) is of the page's date
        gaps = sorted(b.start() - a.start() for a, b in zip(stamps, stamps[1:]))
        days.append((stamps[-1].start() + _ENTRY_REACH * gaps[len(gaps) // 2], dct))
    return days


def _day_at(days: list[tuple[int, date]], pos: int, dct: date | None) -> date | None:
    """The day of the live page's entry at ``pos``: its update stamp's (the first stamp's above them all)."""
    if not days:
        return dct
    day = days[0][1]
    for at, d in days:
        if at > pos:
            break
        day = d
    return day


def tag_timexes(text: str, dct: date | None = None, *, article_id: str = "") -> list[Timex]:
    """Every temporal expression of ``text``, with TIMEX3 type and value anchored at ``dct``.

    Bad input never raises: a text that is not a string gives no timexes."""
    if not isinstance(text, str) or not text:
        return []
    page_date = _as_date(dct)
    days = live_days(text, page_date)  # a live page's entries are each of their own day
    out: list[Timex] = []
    state = _State()
    pos = 0
    for s, m in _candidates(text):
        if s < pos:
            continue
        dct = _day_at(days, s, page_date)
        anchor = dct.isoformat() if dct else None
        name = m.lastgroup or ""
        hit = _apply(text, dct, name, s, state)
        if hit is None:
            # the first rule that matched here refused: try the later rules at the same place
            idx = _ORDER[name]
            for later, _, _ in RULES[idx + 1:]:
                hit = _apply(text, dct, later, s, state)
                if hit is not None:
                    name = later
                    break
        if hit is None:
            continue
        s, e, ttype, value, mod = hit
        range_end = None
        if mod and mod.startswith("RANGE:"):
            range_end, mod = mod[6:], None
        out.append(Timex(start=s, end=e, text=text[s:e], type=ttype, value=value, article_id=article_id,
                         anchor=anchor, mod=mod, range_end=range_end))
        reported = name != "quarter" or not (_unreported_quarter(text, s, e, dct, value)
                                             or _compared_quarter(text, s, value, state.last_quarter))
        _update_state(state, name, ttype, value, reported, e)
        _update_named(state, name, ttype, value, text[s:e])
        pos = e
    out = _ordered_ranges(text, _compound_durations(text, out))
    return _weekdays_sharing_a_plural(text, _day_next_to_a_date(text, out))


# a duration's parts, largest unit first: "1 hour 08 minutes 14 seconds", "two years and three months"
_DURATION_PART = re.compile(r"P(?:(\d+)([YMWD])|T(\d+)([HMS]))")
_PART_RANK = {"Y": 0, "M": 1, "W": 2, "D": 3, "TH": 4, "TM": 5, "TS": 6}
_PART_GAP = re.compile(r"(?:\s*,)?\s+(?:and\s+)?|,\s*")
# "or", an adverb perhaps, between alternatives: "68 days or even two months", "a week, or perhaps ten days"
_OR_GAP = re.compile(r"(?:\s*,)?\s+or\s+(?:[a-z]+ly\s+|even\s+|perhaps\s+|maybe\s+)?", re.IGNORECASE)


def _duration_parts(value: str) -> list[tuple[int, str]]:
    """(amount, unit key) of a plain duration value (P3Y, PT8M), [] for any other value."""
    m = _DURATION_PART.fullmatch(value)
    if m is None:
        return []
    return [(int(m[1]), m[2])] if m[1] else [(int(m[3]), "T" + m[4])]


def _duration_value(parts: list[tuple[int, str]]) -> str:
    date_part = "".join(f"{n}{u}" for n, u in parts if not u.startswith("T"))
    time_part = "".join(f"{n}{u[1]}" for n, u in parts if u.startswith("T"))
    return "P" + date_part + ("T" + time_part if time_part else "")


def _alternatives(text: str, out: list[Timex], k: int) -> bool:
    """Does a list of durations joined by commas from ``out[k]`` on end in "or" and another duration ("one
    year, 68 days or even two months", "two years, three months, four days or a week")? Then they are
    alternatives, no sum."""
    for a, b in zip(out[k:], out[k + 1:]):
        if b.type != "DURATION":
            return False
        if _OR_GAP.fullmatch(text, a.end, b.start):
            return True
        if not re.fullmatch(r"\s*,\s*", text[a.end:b.start]):
            return False
    return False


def _compound_durations(text: str, out: list[Timex]) -> list[Timex]:
    """Durations of falling units one after the other are one duration ("1 hour 08 minutes 14 seconds":
    PT1H8M14S; "three years and two months": P3Y2M), unless they are alternatives ("one year, 68 days or
    two months": three durations)."""
    merged: list[Timex] = []
    parts: list[tuple[int, str]] = []
    for k, t in enumerate(out):
        prev = merged[-1] if merged else None
        mine = _duration_parts(t.value) if t.type == "DURATION" and t.mod is None else []
        if prev is not None and mine and parts and _PART_RANK[mine[0][1]] > _PART_RANK[parts[-1][1]] \
                and _PART_GAP.fullmatch(text, prev.end, t.start) \
                and not (_alternatives(text, out, k) and "and" not in text[prev.end:t.start]):
            parts = parts + mine
            merged[-1] = Timex(start=prev.start, end=t.end, text=text[prev.start:t.end], type="DURATION",
                               value=_duration_value(parts), article_id=prev.article_id, anchor=prev.anchor,
                               mod=prev.mod, range_end=None)
            continue
        merged.append(t)
        parts = _duration_parts(t.value) if t.type == "DURATION" else []
    return merged


_RANGE_TO = re.compile(r"\s*(?:to|until|till|through|-|–)\s*", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(rf"\b{WEEKDAY_NAMES}\b", re.IGNORECASE)
_MONTH_WORD = re.compile(rf"\b{MONTH_NAMES}", re.IGNORECASE)


def span_joint(text: str, a: Timex, b: Timex) -> bool:
    """Do the words between two timexes make them a span's start and end ("Saturday to Sunday",
    "June 4 through June 26", "between March 3 and March 9")? "and" does only after "between":
    "statements made Friday and Thursday" is a list, not a span."""
    gap = text[a.end:b.start]
    if _RANGE_TO.fullmatch(gap):
        return True
    return gap.strip().lower() == "and" and bool(re.search(r"\bbetween\s+$", text[max(0, a.start - 9):a.start]))


_OR_BETWEEN = re.compile(r"\s*,?\s*or\s+", re.IGNORECASE)


def _ordered_ranges(text: str, out: list[Timex]) -> list[Timex]:
    """The end of a span of weekdays is the first such day after its start: "a curfew from 4 p.m.
    Saturday to 8 a.m. Sunday" in a Saturday's paper ends the next day, not the Sunday before; "talks
    were held from Tuesday until Wednesday" in a Sunday's paper end the day after the past Tuesday, not
    on the coming Wednesday that "until" alone would name. Two weekdays told as alternatives lie within a week
    of each other too, the one nearer the publication date kept ("late Friday or early Saturday" in a Friday's
    paper: the Saturday after; "expected to begin Sunday night or early Monday" in a Monday's: the Sunday before)."""
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        alternatives = _OR_BETWEEN.fullmatch(text, a.end, b.start) is not None and bool(_WEEKDAY_WORD.search(a.text))
        if not ((span_joint(text, a, b) or alternatives) and _WEEKDAY_WORD.search(b.text)) \
                or _MONTH_WORD.search(b.text):
            continue
        da, db = value_to_date(a.value[:10]), value_to_date(b.value[:10])
        if da is None or db is None or len(a.value) < 10 or len(b.value) < 10 or 0 <= (db - da).days <= 7 \
                or ((db - da).days > 7 and not _WEEKDAY_WORD.search(a.text)):
            continue  # ("bought from Sept. 14 to Thursday": a span longer than a week)
        dct = value_to_date(a.anchor or "")
        if alternatives and dct is not None and abs((db - dct).days) < abs((da - dct).days):
            earlier = (db - timedelta(days=((db - da).days - 1) % 7 + 1)).isoformat()
            out[k - 1] = Timex(start=a.start, end=a.end, text=a.text, type=a.type, value=earlier + a.value[10:],
                               article_id=a.article_id, anchor=a.anchor, mod=a.mod, range_end=a.range_end)
            continue
        later = (da + timedelta(days=((db - da).days - 1) % 7 + 1)).isoformat()
        out[k] = Timex(start=b.start, end=b.end, text=b.text, type=b.type, value=later + b.value[10:],
                       article_id=b.article_id, anchor=b.anchor, mod=b.mod, range_end=b.range_end)
    return out


_BEFORE_OR_AFTER = re.compile(r"\s+(before|after)\s+", re.IGNORECASE)


def _day_next_to_a_date(text: str, out: list[Timex]) -> list[Timex]:
    """"The day before" or "the day after" a day named right after it is the day next to that one: "the day before
    last Tuesday's hearing" is the Monday, "the day after Christmas" Dec. 26 (alone, "the day after the raid", it is
    the day of an event not dated)."""
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        m = _BEFORE_OR_AFTER.fullmatch(text, a.end, b.start)
        if m is None or a.value != "XXXX-XX-XX" or a.text.lower() != "the day" or b.type != "DATE" \
                or len(b.value) != 10 or granularity_of(b.value) != "day":
            continue
        out[k - 1] = replace(a, value=shift_value(b.value, 1 if m[1].lower() == "after" else -1, "day") or b.value)
    return out


_AND_BETWEEN = re.compile(r"\s+(?:and|or|&)\s+", re.IGNORECASE)


def _weekdays_sharing_a_plural(text: str, out: list[Timex]) -> list[Timex]:
    """A weekday joined to a weekday in the plural shares its plural and its part of the day: "flights leave on
    Monday and Tuesday nights" are every Monday night too (XXXX-WXX-1TNI), as "Saturdays and Sundays" are."""
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        if b.type != "SET" or not b.value.startswith("XXXX-WXX-") or not b.value[9:10].isdigit() or a.type != "DATE" or len(a.value) != 10 \
                or a.text.lower().rstrip(".") not in WEEKDAYS or _AND_BETWEEN.fullmatch(text, a.end, b.start) is None:
            continue
        out[k - 1] = replace(a, type="SET", value=f"XXXX-WXX-{_wday_num(a.text)}{b.value[10:]}")
    return out


@dataclass(slots=True)
class _State:
    ref: Ref | None = None
    last_quarter: str | None = None
    named_year: str | None = None
    named_month: str | None = None


_ADJ_THE = re.compile(r"the\s+(?:fiscal\s+)?[\w]+-(?:year|quarter|day|week|month|hour|minute|decade)\b", re.IGNORECASE)
_TRAIL_REL = re.compile(r"\s+(?:after|before)$", re.IGNORECASE)
# what follows "the day before" when it names an event, not a day ("the day before yesterday" is one expression)
_EVENT_AFTER = re.compile(r"\s+(?!(?:yesterday|tomorrow)\b)[A-Za-z]", re.IGNORECASE)


# the head of a name a date opens: "the February 17 Uprising", "the 17th of February Martyrs' Brigade", "the April 6
# Youth Movement", "the 6 October Bridge", "the Sept. 11 Victim Compensation Fund" (not "a March 17 Security
# Council resolution": the day of an event)
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){0,3}?(?:Revolution|Uprising|Movement|Youth|Brigades?|Martyrs|Bridge|"
                         r"Square|Street|Avenue|Stadium|University|Coalition|Alliance|Front|Fund|Memorial)\b(?!\s+[A-Z])")


# a unit capitalised after its determiner is a title ("ABC's \"This Week\"", "appeared on The Week", "the Year
# of the Pig", "CBS This Morning"), unless the words around it are a headline's ("Stocks Fall This Week")
_TITLE_UNIT = re.compile(r"(?i:the|this|next|last|that|past|coming)\s+"
                         r"(?:Week|Day|Month|Year|Weekend|Decade|Century|Morning|Afternoon|Evening|Night)s?")
# a time word capitalised after a name is the end of a title: "USA Today", "VOA Today", "Breitbart News Daily"
_TITLE_WORD = re.compile(r"Today|TODAY|Tonight|TONIGHT|Daily|Weekly")
_WORD_BEFORE = re.compile(r"([\"“‘'`]|[\w’'-]+)\s*$")
_LOWER_WORDS = re.compile(r"\b[a-z]{4,}\b")
# the long prepositions that a headline in title case may leave in lower case ("Trump Meets With Abe")
_HEADLINE_LOWER = frozenset("with from into onto over upon than that about after before under".split())


def _running_text(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """Is the sentence ``text[lo:hi]`` around the span ``text[s:e]`` running text, no headline in title case?"""
    return any(w not in _HEADLINE_LOWER for w in _LOWER_WORDS.findall(text, lo, s) + _LOWER_WORDS.findall(text, e, hi))


def _title(text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """Is ``text[s:e]`` ("This Week", "The Week", "Today" of "USA Today") a title in running text, no time?"""
    m = _TITLE_UNIT.search(text, s, e) or _TITLE_WORD.fullmatch(text, s, e)
    if m is None or m.end() != e:
        return False
    w = _WORD_BEFORE.search(text, lo, s)
    if w is None:  # the sentence's first words: a title when the sentence goes on in lower case
        return m.re is _TITLE_UNIT and len(_LOWER_WORDS.findall(text, e, hi)) >= 2
    if w[1][0].isupper():  # after a capitalised word: a title's end, unless the whole line is in title case
        return _running_text(text, s, e, lo, hi)
    return m.re is _TITLE_UNIT and (not w[1][0].isalnum() or w[1][0].islower())


_ENDS_IN_A_UNIT = re.compile(rf"\b{_UNIT}s?$", re.IGNORECASE)
# (not "or so" before a saying: "left last week or so he said", "or so the company says")
_OR_SO = re.compile(r"\s+or\s+so(?![\w-])(?!\s+(?:[\w'’-]+\s+){1,2}(?:say|says|said|claims?|claimed|insists?|insisted"
                    r"|thinks?|thought|believes?|believed|told)\b)", re.IGNORECASE)


def _apply(text: str, dct: date | None, name: str, s: int,
           state: _State) -> tuple[int, int, str, str, str | None] | None:
    inner = _WRAPPED[name].match(text, s)
    if inner is None:
        return None
    e = inner.end()
    lo, hi = _sent_bounds(text, s)
    ctx = _Ctx(text, dct, s, e, lo, hi, state.ref, state.last_quarter, state.named_year, state.named_month)
    try:
        res = _HANDLERS[name](ctx, inner)
    except (ValueError, KeyError, OverflowError, TypeError, AttributeError):
        res = None
    if res is None or (res[0] == "DATE" and _NAME_AFTER.match(text, e) and not re.search(r"\d{4}", text[s:e])):
        return None  # a date in a name ("the February 17 Revolution", "the 6 October Bridge") is none
    if _title(text, s, e, lo, hi):
        return None
    while e > s and text[e - 1] in " ,-":
        e -= 1
    if res[0] == "DURATION" or (name == "anaph_day" and _EVENT_AFTER.match(text, e)):
        tr = _TRAIL_REL.search(text, s, e)
        if tr is not None and tr.end() == e:
            e = tr.start()  # "twenty years after the war": the duration only; "the day before the plunge": the day
    if res[0] in ("DATE", "DURATION") and _ENDS_IN_A_UNIT.search(text, s, e):
        approx = _OR_SO.match(text, e)
        if approx is not None:  # "the next year or so", "the past ten years or so": one expression
            e = approx.end()
    a = _ADJ_THE.match(text, s, e)
    if a is not None and a.end() == e and re.match(r"\s+[a-z]", text[e:e + 2]):
        s = s + 3 + len(text[s + 3:e]) - len(text[s + 3:e].lstrip())  # "the 23-year sentence": "23-year"
    return (s, e, *res)


def _unreported_quarter(text: str, s: int, e: int, dct: date | None, value: str) -> bool:
    """Is the quarter at ``text[s:e]`` one not ended at the publication date and not told in the past
    ("will result in a fourth-quarter charge" in a November report)? Then it is no quarter whose results
    "the latest quarter" or "a year ago" speak of."""
    if dct is None or "-Q" not in value or value < "{}-Q{}".format(*_quarter(dct)):
        return False
    lo, hi = _sent_bounds(text, s)
    return _tense(text, s, e, lo, hi) >= 0


# what makes a quarter the term a report's figures are compared with: "After a flat second quarter, ...", "up from the
# second quarter", "better than the first quarter"
_COMPARED_WITH = re.compile(r"\b(?:after|from|than|over|since|compared\s+with|versus|vs\.)\s+(?:(?:a|an|the|its|their)\s+)?"
                            r"(?:[a-z][\w-]*\s+)?$", re.IGNORECASE)


def _compared_quarter(text: str, s: int, value: str, reported: str | None) -> bool:
    """Is the quarter ``value`` at ``s``, earlier than the quarter ``reported`` a report is of, a term of comparison
    ("After a flat second quarter, Acme attributed the gain ..." in a third quarter's report)? Then "a year ago" and
    "the year-earlier period" after it still speak of the reported quarter."""
    return reported is not None and "-Q" in value and value < reported \
        and _COMPARED_WITH.search(text, max(0, s - 40), s) is not None


_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|['’]\d\d(?!\d)")
_NAMED_MONTH = re.compile(MONTH_NAMES + r"|\d/|-\d\d-", re.IGNORECASE)


# a unit next to one the text named ("the previous month", "the following year"): a shifted value names no month
_NEXT_TO_ONE_NAMED = re.compile(r"\b(?:the\s+(?:previous|next|following)|following)\s", re.IGNORECASE)


def _update_named(state: _State, name: str, ttype: str, value: str, span: str) -> None:
    """Keep the year and the month the text last named, for "that year" and "that month" to refer to: a year
    written ("in 1998", "June 2009") or a year as a whole ("last year", "two years ago"); a month named ("in June",
    "25 June", "last month"). A year only inferred from the publication date ("in June", "on Tuesday") is none."""
    if ttype not in ("DATE", "TIME") or name in ("refs", "the_year") or not value[:4].isdigit() \
            or value[4:5].isdigit() or (name == "deictic" and _NEXT_TO_ONE_NAMED.search(span)):
        return
    if len(value) == 4 or _WRITTEN_YEAR.search(span):  # (a year's value is its four digits)
        state.named_year = value[:4]
    if value[4:5] == "-" and value[5:7].isdigit() and (len(value) == 7 or _NAMED_MONTH.search(span)):
        state.named_month = value[:7]  # (a month's value or a day's: 2009-06, 2009-06-25, 2009-06-25T15:00)


def _update_state(state: _State, name: str, ttype: str, value: str, reported: bool = True, end: int = -1) -> None:
    if ttype not in ("DATE", "TIME") or name in ("refs", "the_year", "in_the_part", "edge_part"):
        # a shifted or anaphoric value is no new reference point: "a year ago ... a year earlier"; nor is the part of
        # the day told of ("in the morning")
        return
    r = _ref_of(value, end)
    if r is None or (name == "ago" and r.granularity != "day"):
        return
    state.ref = r
    if r.granularity == "quarter" and "-Q" in value and name == "quarter" and reported:
        state.last_quarter = value
