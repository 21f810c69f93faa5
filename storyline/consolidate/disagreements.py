"""Where the sources disagree: competing values for the same slot, shown as claims with sources.

Never a verdict: each Disagreement lists the values and, for each, every place that states it.

1. Wire copies collapse first: identical sentences (after normalising case, quotes and spaces) are
   one report, cited to every article that carries them. A value repeated by ten copies of one
   wire story counts as one report.
2. Slots:
   - numbers: a count with its noun class and the event it counts ("14 cars derailed" vs "12 cars
     had derailed" -> slot "cars derailed"; "evacuated about 2,000 residents" vs "2,500 people
     spent two nights in shelters" -> "people evacuated"). Numbers that a sentence itself rejects
     ("not 14 as first reported") are not claims. Bounds ("more than 2,000") only disagree with
     values outside them. A verb of harm counts people it leaves unsaid ("killing 60 and injuring
     155"), and so does a people's name ("wounded 21 Israelis"). Which counts compete: each
     article's first statement of the slot (a later one is an earlier figure it reports or a
     part), counts after a year before the article's own ("In 1978, 20 people died") left out,
     those published within ``NUMBER_WINDOW_DAYS`` of the busiest day (a week later it is an
     update), and of those the values within ``INCIDENT_RATIO`` of each other that most reports
     give (26 killed by missiles in Afghanistan is no rival of 213 killed in Nairobi).
   - ages: "Wang Youcai, 32," / "Wang Youcai, 33," for one person (first names within two edits).
   - dates: the day an event happened ("derailed on Monday", "on March 9"; resolved against the
     article's publication date), when two reports put it on different days.
   - sizes: the size of one thing given before it ("a 16-inch strip of metal" / "the 17-inch strip of
     metal"), sizes within ``SIZE_RATIO`` of each other, told in sentences that share a word besides the size
     and the thing (two boats named alike in sentences sharing nothing else are two things).
   - names: spelling variants of one person's name ("Kim Eui-keum"/"Kim Eui-kyeom",
     "Dariusz"/"Darius Kowalczyk") in the same role (every spelling introduced by a matching role
     word: "spokesman"/"spokesperson", "chief executive"), never two spellings in one article
     (that is two people: "Ivana"/"Ivanka Trump").
3. Each value carries the words that state it where it is first reported (``ClaimValue.said``), so a
   reader sees what each count counts ("has killed 32 people" in Poland, "at least 62 people
   throughout Europe").
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable, Collection, Iterable, Sequence

from ..analyze.ner_roles import KIN_WORDS, PERSON_NOUNS, first_name_sex, sex_clash
from ..analyze.timex import format_value
from ..records import Article, Citation, ClaimValue, Disagreement
from .names import edit_distance, similar_names

log = logging.getLogger(__name__)

__all__ = ["excerpt", "find_disagreements", "sentence_units", "number_claims", "Unit"]


# --- wire collapse --------------------------------------------------------------------------------

@dataclass(slots=True)
class Unit:
    """One distinct sentence of the story and every place that carries it."""

    text: str
    places: list[tuple[Article, int, int]] = field(default_factory=list)

    def citations(self) -> list[Citation]:
        return [Citation(a.id, s, e, a.source) for a, s, e in self.places]


def _key(sentence: str) -> str:
    s = sentence.lower().replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.findall(r"[\w']+", s))


def sentence_units(articles: Sequence[Article]) -> list[Unit]:
    """Distinct sentences of the articles (wire copies collapsed), in first-seen order."""
    from ..analyze.quotes import quote_aware_sentences

    units: dict[str, Unit] = {}
    for a in articles:
        try:
            spans = quote_aware_sentences(a.text)
        except Exception:  # a sentence splitter failure never fails the story
            spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", a.text)]
        for s, e in spans:
            k = _key(a.text[s:e])
            if not k:
                continue
            u = units.setdefault(k, Unit(a.text[s:e]))
            u.places.append((a, s, e))
    return list(units.values())


# --- numbers --------------------------------------------------------------------------------------

_UNITS_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}

_NUMBER = re.compile(
    r"(?<![\w.,:/-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|(?:" + "|".join(sorted(list(_UNITS_WORDS) + list(_TENS), key=len, reverse=True)) +
    r")(?:-(?:" + "|".join(_UNITS_WORDS) + r"))?)"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion))?(?![\w:])", re.IGNORECASE)
_QUAL = re.compile(r"(?P<q>about|around|approximately|roughly|nearly|almost|some|more than|over|"
                   r"at least|fewer than|less than|under|up to|at most|an estimated)\s+$", re.IGNORECASE)
_NOUN_CLASS = {
    "people": "people residents persons inhabitants villagers evacuees passengers workers students "
              "civilians children adults families others lives",
    "homes": "homes houses households",
    "cars": "cars car wagons carriages railcars tankers coaches",
    "vehicles": "vehicles trucks buses",
    "percent": "percent per cent %",
    "money": "euros euro dollars dollar pounds yuan yen $ € £",
    "troops": "troops soldiers",
}
_NOUNS = {w: cls for cls, ws in _NOUN_CLASS.items() for w in ws.split()}
_EVENTS = {
    "derailed": r"derail\w*|came off the (?:tracks|rails)|left the (?:tracks|rails)|jumped the tracks",
    "evacuated": r"evacuat\w*|shelters?\b|fled\b|displaced|forced from|from their homes|left their homes",
    "killed": r"kill(?:ed|ing)\b|dead\b|died|deaths?\b|death toll|fatalit\w*|lost their lives"
              r"|(?:took|claimed|cost)\s+(?:the\s+)?(?:[\w,]+\s+)?lives\b",
    "injured": r"injur\w*|hurt\b|wound(?:ed|ing)\b|hospitali[sz]ed|treated (?:at|in|for)|(?:taken|rushed|flown|admitted) to "
               r"(?:a |the )?(?:local |nearby |(?-i:(?:[A-Z][\w'’.]*\s+){1,3}))?hospitals?\b|in hospital\b",
    "missing": r"missing|unaccounted",
    "arrested": r"arrest\w*|detain\w*",
    "leaked": r"leak\w*|spill\w*",
    "cost": r"\bcosts?\b|compensation|damages?\b|losses\b",
    "aboard": r"\baboard\b|\bon board\b|\bcarrying\b",  # "carrying 212 people" / "with 210 people aboard"
}
# what a count of each kind of thing can tell: no "people leaked" ("1,000 people involved in efforts to
# stop oil leaking") nor "cars killed"
_MEASURE_AFTER = re.compile(r"[\s-]+(?:(?:more|other|long|short|full)\s+)?(?:seconds?|minutes?|hours?|nights?|days?|"
                            r"weeks?|months?|years?|decades?|miles?|kilometres?|kilometers?|km|metres?|meters?|"
                            r"feet|foot|inches|times)\b", re.IGNORECASE)
_EVENTS_OF = {"percent": (), "people": ("evacuated", "killed", "injured", "missing", "arrested", "aboard"),
              "homes": ("evacuated",),  # "200 homes evacuated"; not "arrested three houses from the scene"
              "troops": ("evacuated", "killed", "injured", "missing", "arrested"),
              "cars": ("derailed", "leaked"), "vehicles": ("derailed", "leaked"), "money": ("cost",)}
def _named_alternatives(patterns: dict[str, str]) -> re.Pattern[str]:
    """One pattern of named alternatives: a match's ``lastgroup`` names what it found."""
    return re.compile("|".join(f"(?P<{k}>{v})" for k, v in patterns.items()), re.IGNORECASE)


_EVENT_RE = _named_alternatives(_EVENTS)
# what a day is told of: the counted events, and events that are no count ("the Sept. 3 crash")
_DAY_EVENTS = {**{k: v for k, v in _EVENTS.items() if k not in ("cost", "aboard")},
               "crashed": r"\bcrash(?:ed|es)?\b|plane went down", "exploded": r"\bexplo(?:ded|sions?)\b|\bblasts?\b",
               "attacked": r"\battack(?:ed|s)?\b|\bbomb(?:ed|ing|ings)\b|\bshooting\b|\bambush(?:ed)?\b",
               "quake": r"\b(?:earth)?quakes?\b|\btremors?\b", "collapsed": r"\bcollaps(?:ed|es|e)\b",
               "sank": r"\bsank\b|\bsinking\b|\bcapsi[sz]ed\b", "resigned": r"\bresign(?:ed|ation)\b|\bstepped down\b"}
# the events of one incident, whose day is one slot ("The earthquake killed hundreds on Tuesday" /
# "Hundreds were killed by the earthquake on Tuesday")
_INCIDENTS = frozenset("killed injured derailed crashed exploded attacked quake collapsed sank".split())
_DAY_EVENT_RE = _named_alternatives(_DAY_EVENTS)
_SKIP_BEFORE = re.compile(r"(?:\bnot|\bno|\banother|\binclude[sd]?|['’]s|\bof the|\bNo\.|\bnumber|\$)\s*$", re.IGNORECASE)
# a range's ends: "45,000-50,000", "5,000 to 10,000", "between 30,000 and 50,000"
# (a dash without spaces: "Aug. 7, 1998 — 224 people", "killed 12 — three of them children" are no
# ranges; "from 12 to 15" and "by 5 to 30" end on the figure now told)
_RANGE_AFTER = re.compile(r"(?:[-–]|\s+(?:to|or)\s+)(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)",
                          re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:\bbetween\s+[\w,.]+\s+(?:\w+\s+)?and\s+|(?<!from )(?<!by )(?:\b\d[\d,.]*|\b(?:one|two|three|"
                           r"four|five|six|seven|eight|nine|ten))(?:[-–]|\s+(?:to|or)\s+))$", re.IGNORECASE)
# a figure in brackets after another is its conversion: "0.26 euros (£0.21; $0.34)", "95 miles (152 km)"
_CONVERSION = re.compile(r"\d[^()]{0,25}\([^()]{0,12}$")
_DATE_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|percent of the vote)", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")


def _value(num: str, scale: str | None) -> float | None:
    s = "".join(num.lower().replace(",", "").split())  # ("7, 956": a tokenized thousands comma)
    try:
        v = float(s)
    except ValueError:
        parts = s.split("-")
        v = 0.0
        for p in parts:
            if p in _TENS:
                v += _TENS[p]
            elif p in _UNITS_WORDS:
                v += _UNITS_WORDS[p]
            else:
                return None
    if scale:
        v *= _SCALE[scale.lower()]
    return v


@dataclass(frozen=True, slots=True)
class NumberClaim:
    slot: str
    value: float
    qualifier: str
    surface: str
    start: int  # offsets inside the unit's text
    end: int


# a thousands separator written with a space after the comma, as tokenized text writes it: "7, 956
# wounded", "about 13, 928 U.S. dollars" (one figure, 7,956); not a date ("July 1, 333 dolphins"), a
# height or a model ("6-3, 240-pound", "737-300, 737-400"), a name's number ("Flight 111, 229 people"),
# an apposition or a list ("Potter, 60, 727 Hospital Road", "rooms 101, 102 and 103"), a part of the count
# before it ("killed 250, 120 of them children")
_SPACED_THOUSANDS = re.compile(r"(?P<num>\d{1,3}(?:,\s\d{3})+)(?![\d\w:]|-\D)(?!,?\s*(?:and\s+|or\s+)?\d)"
                               r"(?!\s+of\s+(?:them|whom|which|these|those)\b)(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?")
_NOT_BEFORE_SPACED = re.compile(r"(?:[-'’\",/.]\s*|\b(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
                                r"|\b(?!(?:About|Around|Approximately|Roughly|Nearly|Almost|Some|More|Over|At|Only|Just|"
                                r"Another|Of|With|And|But|Since|After|In|On|By|To|For|From|All|Up)\s)[A-Z][\w'’]*\s+)$")


def _spaced_thousands(sentence: str, m: re.Match[str]) -> re.Match[str] | None:
    """The figure a thousands comma with a space after it writes from ``m`` on ("7, 956"), if any."""
    if m.group("scale") or not m.group("num").isdigit() or len(m.group("num")) > 3:
        return None
    if _NOT_BEFORE_SPACED.search(sentence, max(0, m.start() - 12), m.start()):
        return None
    return _SPACED_THOUSANDS.match(sentence, m.start())


def _quantities(sentence: str) -> Iterable[tuple[re.Match[str], float]]:
    """The numbers of one sentence that state a quantity, with their values: years, days of a
    month ("March 10") and times of day ("7:40 p.m.") left out; "7, 956" (a thousands comma with a
    space after it) is one figure."""
    resume = 0
    for m in _NUMBER.finditer(sentence):
        if m.start() < resume:
            continue  # (the rest of a spaced thousands figure)
        m = _spaced_thousands(sentence, m) or m
        resume = m.end()
        before = sentence[:m.start()]
        if _DATE_AFTER.match(sentence[m.end():]) or _MONTH_BEFORE.search(before):
            continue
        if re.fullmatch(r"(1[89]|20)\d\d", m.group("num")) and not m.group("scale"):
            continue  # a year
        value = _value(m.group("num"), m.group("scale"))
        if value is not None:
            yield m, value


def stated_numbers(sentence: str) -> set[float]:
    """The values of the quantities a sentence states: "Fourteen of the 52 cars" -> {14, 52}."""
    return {v for _, v in _quantities(sentence)}


def number_claims(sentence: str) -> list[NumberClaim]:
    """Counts in one sentence with the slot they fill ("cars derailed", "people evacuated")."""
    if not _NUMBER.search(sentence):
        return []  # (no count: the cheap test first, the event words' long alternation after)
    events = [(m.start(), m.end(), m.lastgroup) for m in _EVENT_RE.finditer(sentence)]
    if not events:
        return []
    quantities = list(_quantities(sentence))

    def gap(e: tuple[int, int, str | None], q: re.Match[str]) -> int:
        return min(abs(e[0] - q.end()), abs(q.start() - e[1]))

    # each event word counts the number nearest to it: "Some 115 workers escaped, including 17 flown to
    # hospitals with injuries" tells 17 injured, not 115
    # (a whole after a part, "Fourteen of the train's 52 cars", or a span, "spent two nights in shelters",
    # counts nothing of its own)
    counting = [q for q, _ in quantities if not _SKIP_BEFORE.search(sentence[:q.start()])
                and not _MEASURE_AFTER.match(sentence, q.end())]
    owners = {e: _owner(sentence, e, counting, gap) for e in events} if counting else {}
    owner = {e: o.start() for e, o in owners.items() if o is not None}
    out = []
    for m, value in quantities:
        before = sentence[:m.start()]
        after = sentence[m.end():]
        if _SKIP_BEFORE.search(before) or _CONVERSION.search(before) \
                or (_RANGE_AFTER.match(after) and not re.search(r"\b(?:from|by)\s+$", before)) \
                or _RANGE_BEFORE.search(before):
            continue  # (a range is no one figure: "45,000-50,000 people", "between 30,000 and 50,000")
        noun_cls = _count_noun(after, before)
        if noun_cls is None:
            continue
        mine = [e for e in events if owner.get(e) == m.start() and e[2] in _EVENTS_OF.get(noun_cls, _EVENTS)]
        if not mine:
            continue
        ev = min(mine, key=lambda e: gap(e, m))
        if gap(ev, m) > 80:
            continue
        if ev[2] == "aboard" and (_PART_AFTER.match(after) or not _ALL_ABOARD.match(after)):
            continue  # "150 passengers and 12 crew", "44 adult passengers": a part of those aboard
        q = _QUAL.search(before)
        out.append(NumberClaim(slot=f"{noun_cls} {ev[2]}", value=value,
                               qualifier=q.group("q").lower() if q else "",
                               surface=_written(sentence, q.start() if q else m.start(), m.end(), noun_cls),
                               start=m.start(), end=m.end()))
    return out


_CURRENCY_BEFORE = re.compile(r"(?:[A-Z]{1,3})?[$€£]\s?$")  # "$", "US$", "£ " (a tokenized text's space)
_UNIT_AFTER = {"money": re.compile(r"\s*(?:euros?|dollars?|pounds?|yuan|yen)\b", re.IGNORECASE),
               "percent": re.compile(r"\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)}


def _written(sentence: str, start: int, end: int, noun_cls: str) -> str:
    """A count in its article's own words, as a reader is shown it: its qualifier and number as
    written ("about 4.5 million", "sixty-five"), a sum with its currency ("$2.5 million", "3 million
    euros"), a share with its sign ("12 percent"); only a capital that opens the sentence is lowered
    ("About 300" -> "about 300"), as the words are shown inside another line."""
    cur = _CURRENCY_BEFORE.search(sentence, max(0, start - 4), start) if noun_cls == "money" else None
    unit = _UNIT_AFTER[noun_cls].match(sentence, end) if noun_cls in _UNIT_AFTER and cur is None else None
    text = " ".join(sentence[cur.start() if cur else start:unit.end() if unit else end].split())
    return text[:1].lower() + text[1:] if text[:1].isupper() and text.split()[0][1:].islower() else text


# a passive's verb: "Eleven people were killed", "17 workers have been injured"
_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|are|is|have\s+been|has\s+been|had\s+been|being)\s+(?:\w+ly\s+)?$",
                             re.IGNORECASE)


_SINGULAR_AUX = re.compile(r"(?:was|is|has\s+been)\b", re.IGNORECASE)  # "A woman was killed": one, no count
# a verb whose subject is what it counts, never a count after it: "About 65 of the guests died"
_SUBJECT_COUNTED = re.compile(r"died|perished|lost their lives", re.IGNORECASE)


# a part set off between a subject and its verb: "Twelve people, including three children, were killed"
_PART_ASIDE = re.compile(r",\s+(?:including|among\s+them|among\s+whom)\b[^,;:()]*,", re.IGNORECASE)


def _owner(sentence: str, e: tuple[int, int, str | None], counting: list[re.Match[str]],
           gap: Callable[[tuple[int, int, str | None], re.Match[str]], int]) -> re.Match[str] | None:
    """The number an event word counts: the nearest, but a passive's subject before it ("Eleven people
    were killed and 17 people were injured": 11 killed, not the 17 nearer after it), and so the subject
    of "died" ("About 65 of the guests died and more than 190 were injured": 65 died), across a part
    set off between them ("Twelve people, including three children, were killed": 12); a singular
    subject counts none ("A woman was killed and two others injured": not two killed)."""
    passive = _PASSIVE_BEFORE.search(sentence, max(0, e[0] - 30), e[0])
    if passive or _SUBJECT_COUNTED.fullmatch(sentence, e[0], e[1]):
        between = {q.end(): _PART_ASIDE.sub(" ", sentence[q.end():e[0]]) for q in counting if q.end() <= e[0]}
        before = [q for q in counting if q.end() in between and len(between[q.end()]) <= 60
                  and not re.search(r"[,;:]|\b(?:and|or|but)\b", between[q.end()])]
        if before:
            return before[-1]
        if passive and _SINGULAR_AUX.match(passive.group()):
            return None
    return min(counting, key=lambda q: gap(e, q))


# a count of people left unsaid: "killing 60 and injuring 155", "with 60 dead"
_HUMAN_VERB_BEFORE = re.compile(r"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|hurt(?:ing)?)\s+"
                                r"(?:(?:at least|about|some|nearly|almost|more than|over|around|another|"
                                r"an estimated)\s+)?$", re.IGNORECASE)
# (not of animals: "20 dead sea turtles", "40 dead fish")
_ANIMALS = (r"(?:animals?|birds?|fish|fishes|turtles?|dolphins?|whales?|seals?|sea\s+lions?|pelicans?|cattle|"
            r"cows?|pigs?|sheep|goats?|chickens?|ducks?|geese|fowls?|hens?|swans?|poultry|horses?|dogs?|cats?|deer|"
            r"bees?|trees?)\b")
_HUMAN_STATE_AFTER = re.compile(r"\s*(?:dead|killed|injured|wounded|missing|hurt)\b(?!(?:\s+(?!(?:in|at|on|after|as|"
                                r"from|by|and|or|when|while|during|near|following)\b)[a-z]+)?\s+" + _ANIMALS + ")",
                                re.IGNORECASE)
_ANIMALS_BEFORE = re.compile(r"\b" + _ANIMALS + r"[^.;]{0,60}$", re.IGNORECASE)
# the animals a count after a verb of harm names ("killed 3,500 geese", "killed 2,500 domestic fowls")
_ANIMALS_AFTER = re.compile(r"\s*(?:[a-z-]+\s+){0,2}" + _ANIMALS, re.IGNORECASE)
# the count of a passive of harm, its people unsaid: "Two people were killed and 17 were injured"
_HUMAN_PASSIVE_AFTER = re.compile(r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
                                  r"(?:killed|injured|wounded|hurt)\b", re.IGNORECASE)
# a plural of a people's or group's name counts people: "21 Israelis", "12 Muslims"
_PART_BEFORE = re.compile(r"\b(?:and|or)\s+$|\d[\w\s]{0,20},\s+$")  # "236 Kenyans and 12 Americans": parts of a toll
_GROUP_PLURAL = re.compile(r"[A-Z][a-z]{2,}(?:ans|is|ites|ims|ats|bs|ds)")


_ALL_ABOARD = re.compile(r"\s+(?:people|persons|passengers)\b", re.IGNORECASE)
_PART_AFTER = re.compile(r"\s*[\w-]+\s+and\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s)", re.IGNORECASE)


def _people_before(before: str) -> bool:
    """Whether the sentence counted people before, so that a bare count after is of people too."""
    return any(_NOUNS.get(w.lower()) == "people" for w in re.findall(r"[A-Za-z]+", before[-120:]))


def _count_noun(after: str, before: str) -> str | None:
    """The noun class a number counts: the first known noun within four words after it (skipping
    adjectives), or after 'of the' ("Fourteen of the train's 52 cars"); people when a people's name
    follows it ("21 Israelis") or a verb of harm leaves them unsaid ("wounding 21", "60 dead")."""
    words = re.findall(r"[%$€£]|[\w']+", after[:80])
    if before.rstrip().endswith(("$", "€", "£")):
        return "money"
    for i, w in enumerate(words[:5]):
        lw = w.lower()
        if lw in _NOUNS:
            return _NOUNS[lw]
        if i == 0 and _GROUP_PLURAL.fullmatch(w) and not _PART_BEFORE.search(before):
            return "people"
    if _HUMAN_VERB_BEFORE.search(before) and not _ANIMALS_AFTER.match(after) or _HUMAN_STATE_AFTER.match(after) or (
            _HUMAN_PASSIVE_AFTER.match(after) and _people_before(before) and not _ANIMALS_BEFORE.search(before)):
        return "people"  # ("The 40 cows were killed and 12 were injured": cows again; "Of the 40 bills, 12 were killed")
    return None


_LOWER_BOUNDS = ("more than", "over", "at least")
_UPPER_BOUNDS = ("fewer than", "less than", "under", "up to", "at most")
_ROUNDED = ("about", "around", "approximately", "roughly", "some", "an estimated")  # a figure rounded either way
_SHORT_OF = ("nearly", "almost")  # a figure rounded up


def _leeway(value: float) -> float:
    """How far a rounded figure ("about 300") may lie from the count it rounds: a tenth of it, at most
    half the unit it is rounded to ("about 300" holds 312, "about 180" not 162, "about 2,000" not 2,500)."""
    n = int(value)
    if n != value or n <= 0:
        return 0.0
    unit = 1
    while n % (unit * 10) == 0:
        unit *= 10
    return min(0.1 * value, unit / 2)


def _compatible(a: tuple[float, str], b: tuple[float, str]) -> bool:
    """Whether two stated values can both be true: their ranges meet ("more than 3,000" and "more than
    4,000" both can; "more than 200" and 150 cannot; "about 300" and 312 can; bounds taken as closed)."""
    def span(v: tuple[float, str]) -> tuple[float, float]:
        value, q = v
        if q in _LOWER_BOUNDS:
            return value, float("inf")
        if q in _UPPER_BOUNDS:
            return float("-inf"), value
        if q in _ROUNDED:
            return value - _leeway(value), value + _leeway(value)
        if q in _SHORT_OF:
            return value - _leeway(value), value
        return value, value

    (lo_a, hi_a), (lo_b, hi_b) = span(a), span(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _fmt(v: float) -> str:
    return f"{int(v):,}" if v == int(v) else f"{v:,}"


# --- dates ----------------------------------------------------------------------------------------

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY_RE = re.compile(r"\b(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\b")


_MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
_MONTH_DAY_RE = re.compile(r"\b(?:on\s+)?(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+"
                           r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*[-–,]?\s*\d{4})")


_SAID_BEFORE = re.compile(r"\b(?:said|says|announced|reported|confirmed|added|stated|told\s+(?:\w+\s+){0,2}?\w+)"
                          r"\s+(?:(?:late|early)\s+)?(?:on\s+)?$", re.IGNORECASE)


def _day_mentions(sentence: str) -> list[tuple[re.Match[str], str]]:
    out: list[tuple[re.Match[str], str]] = [(m, "weekday") for m in _DAY_RE.finditer(sentence)]
    out.extend((m, "monthday") for m in _MONTH_DAY_RE.finditer(sentence))
    return out


# what ends the reach of an event word: clause punctuation, a report of it ("deaths had been reported
# ... by Thursday") or a clause it is told in ("assertions on Monday that the Kursk sank")
_CLAUSE_MARK = r"[,;:()\n]|\s[-–—_]{1,2}\s"
_CLAUSE_BREAK = re.compile(_CLAUSE_MARK + r"|\b(?:that|said|says|reported|announced|confirmed|told|according)\b",
                           re.IGNORECASE)


def _event_of_day(sentence: str, start: int, end: int, reach: int = 60, reach_after: int = 16) -> str | None:
    """The event a day is told of: the nearest event word in its own clause, at most ``reach``
    characters before the day or ``reach_after`` after it ("crashed off Nova Scotia on Sept. 2",
    "died in the Sept. 3 crash"; in "On Saturday, at the homecoming parade, ... who suffered severe
    injuries" the day is the parade's, in "On Friday the death toll from the quake rose" the
    toll's)."""
    best: tuple[int, str] | None = None
    for m in _DAY_EVENT_RE.finditer(sentence):
        if _attributive(sentence, m):
            continue  # "the missing journalists e-mailed Monday": Monday is the e-mail's
        before = m.end() <= start
        between = sentence[m.end():start] if before else sentence[end:m.start()]
        gap = len(between)
        if gap > (reach if before else reach_after) or _CLAUSE_BREAK.search(between) \
                or (m.start() < end and m.end() > start):
            continue
        if best is None or gap < best[0]:
            best = (gap, m.lastgroup or "")
    return best[1] if best else None


# an event's participle or adjective set before a noun, after a determiner ("the missing journalists",
# "two injured workers", "the derailed cars", "the missing Daily Ledger reporters"): it tells what the
# people or things are, not what happened on the sentence's day ("the injured were flown out", "a leak
# on Monday" are the event)
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|these|those|some|all|two|three|four|five|six|"
                                 r"seven|eight|nine|ten|\d[\d,]*)\s+$", re.IGNORECASE)
_ATTRIBUTIVE_FORM = re.compile(r"[a-z]+ed|missing|dead|unaccounted", re.IGNORECASE)
_NOUN_NEXT = re.compile(r"\s+(?!(?:and|or|but|of|in|on|at|to|for|from|by|with|as|than|that|which|who|when|while|"
                        r"after|before|until|since|during|is|are|was|were|be|been|has|have|had|will|would|can|could|"
                        r"may|might|should|must|do|does|did|not|also|still|so|too)\b)[A-Za-z][\w-]+\b")


def _attributive(sentence: str, m: re.Match[str]) -> bool:
    """Whether the event word ``m`` qualifies the noun after it ("the missing journalists")."""
    return bool(_ATTRIBUTIVE_FORM.fullmatch(m.group()) and _ATTRIBUTIVE_BEFORE.search(sentence, 0, m.start())
                and _NOUN_NEXT.match(sentence, m.end()))


def _resolve_day(m: re.Match[str], kind: str, published: date) -> date | None:
    if kind == "weekday":
        last = m.string[max(0, m.start() - 6):m.start()].lower().endswith(("last ", "past "))
        return _resolve_weekday(m.group("wd"), published, last)
    try:
        d = date(published.year, _MONTHS[m.group("mon").lower()[:3]], int(m.group("day")))
    except ValueError:
        return None
    # "Dec. 30" in an article published on Jan. 2 is last year's
    return d.replace(year=d.year - 1) if d > published + timedelta(days=2) else d


def _resolve_weekday(wd: str, published: date, last: bool = False) -> date:
    """The weekday on or before the publication date; "last Tuesday" in a Tuesday's paper is the
    week before."""
    delta = (published.weekday() - _WEEKDAYS.index(wd.lower())) % 7
    return published - timedelta(days=delta or (7 if last else 0))


# --- names ----------------------------------------------------------------------------------------

# 2-7 capitalised words with a small letter each (the name, group 1); only the last word may end
# inside its run of letters, hyphens and apostrophes ("Ann Lee-" -> "Ann Lee"). Every character is
# read one way, so a long word takes linear time: a word's letters before its first small letter,
# then the rest; and in a run a name starts at its first capital after a boundary ("al-Assad", "O'Neil"
# -> "Assad", "O'Neil"; a later one starts none that the first does not: the first word is the whole
# run to its end), tried once (the atomic group) however many capitals after hyphens the run holds.
_NAME_WORD = r"[A-Z](?:[^\Wa-z]|[’'\-])*+[a-z]"
_NAME_RE = re.compile(rf"(?<![\w’'\-])(?>[\w’'\-]*?\b(?=[A-Z]))({_NAME_WORD}[\w’'\-]*+"
                      rf"(?:\s++{_NAME_WORD}[\w’'\-]*+){{0,5}}\s++{_NAME_WORD}[\w’'\-]*\b)")
_ROLE_ALT = (r"(?i:(spokes(?:wo)?man|spokesperson|president|chief executive|executive|governor|"
             r"minister|leader|chief|mayor|director|chairman|chairwoman|analyst|secretary|"
             r"commissioner|ambassador|senator|official|officer|manager|founder|publisher))")
_ROLE_RE = re.compile(_ROLE_ALT + r"\s+(?:[A-Z][\w’'\-]+\s+)*$")
# a role in the apposition right after a name: "Fayez Zaidan, the airline chairman", "June Arnett, associate
# director of the ...", "Rana Voss, the Damascus-based leader of ..." (not a clause: "Rana Voss, who met the
# president"; not another's role: "Rana Voss, the president's son")
_ROLE_AFTER = re.compile(r",\s+(?:(?!(?:who|whom|whose|which|that|and|or|but|of|in|on|at|to|for|with|by|from|is|was|"
                         r"were|are|has|had|have|said|says|told)\b)[\w’'.\-]+\s+){0,3}?" + _ROLE_ALT + r"\b(?!['’-])")
# what tells that a name is a person's: a title before it ("Mrs. Lena Voss"), an age after it
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Gov|Rep|Col|Capt|Lt|Sgt|Prof)\.?\s+$")
_NOT_NAME = frozenset("the a an in on at of and but for to from with by as it he she they we this that "
                      "there when while after before north south east west new".split())
_PLACE_SUFFIX = ("n", "s", "an", "ese", "ian", "ans", "ns", "es", "ern")


def _names(sentence: str) -> Iterable[tuple[str, int, int, str | None]]:
    """Person-like names (2-4 capitalised words) with their offsets and a role word before them."""
    for m in _NAME_RE.finditer(sentence):
        words = [(w.start() + m.start(1), w.end() + m.start(1), w.group()) for w in re.finditer(r"\S+", m.group(1))]
        while words and words[0][2].lower() in _NOT_NAME:
            words = words[1:]
        lead_role = None
        while len(words) > 2 and words[0][2].lower().rstrip(".") in _TITLE_WORDS:
            word = words[0][2].lower().rstrip(".")  # "Director Ivana Trump", "Gov. Helen Marsh"
            if word in _ROLE_WORDS and word not in ("mr", "mrs", "ms", "dr"):
                lead_role = {"gov": "governor", "sen": "senator", "rep": "representative"}.get(word, word)
            words = words[1:]
        if not 2 <= len(words) <= 4 or any(w[2].lower().rstrip(".") in _TITLE_WORDS for w in words):
            continue  # a title read as a name ("Operating Officer Doug"), or a run of capitals too long
        last = words[-1]
        trimmed = re.sub(r"['’]s?$", "", last[2])
        words[-1] = (last[0], last[0] + len(trimmed), trimmed)
        name = " ".join(w[2] for w in words)
        start, end = words[0][0], words[-1][1]
        role = _ROLE_RE.search(sentence[max(0, start - 60):start]) or _ROLE_AFTER.match(sentence, end)
        yield name, start, end, (role.group(1).lower() if role else lead_role)


_ROLE_WORDS = frozenset("spokesman spokeswoman spokesperson president governor minister leader chief mayor "
                        "director chairman chairwoman analyst secretary commissioner ambassador senator "
                        "official officer manager founder gov sen rep mr mrs ms dr gen general judge".split())
# words of a title, never of a person's name
_TITLE_WORDS = _ROLE_WORDS | frozenset("operating executive financial deputy vice assistant senior acting interim "
                                       "managing chief prime foreign defense defence attorney press operations".split())
_ROLE_NORM = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "chief executive": "executive",
              "chief": "executive", "chairwoman": "chairman", "officer": "official"}


def _place_variant(a: str, b: str) -> bool:
    """'North Korea'/'North Korean': the words differ only by an adjectival or plural ending."""
    for x, y in zip(a.split(), b.split()):
        if x == y:
            continue
        short, long_ = sorted((x, y), key=len)
        if long_.startswith(short) and long_[len(short):].lower() in _PLACE_SUFFIX:
            return True
    return False


# --- assembly -------------------------------------------------------------------------------------

_CLAUSE_END = re.compile(r"[;!?\n\"“”]|:(?!\d)|,(?=\s)|(?<!\.[a-zA-Z])\.(?=\s)|\s[-–—_]{1,2}\s")


def excerpt(text: str, start: int, end: int, width: int = 70) -> str:
    """The clause around ``text[start:end]``, at most ``width`` characters on each side, cut at
    clause punctuation or whole words: the words that state a value ("killing 60 people and
    injuring 162 others in Sweden's second-largest city")."""
    left = text[max(0, start - width):start]
    cuts = list(_CLAUSE_END.finditer(left))
    lead = tail = ""
    if cuts:
        left = left[cuts[-1].end():]
    elif start > width:
        left, lead = (left[left.find(" ") + 1:] if " " in left else ""), "… "
    right = text[end:end + width]
    cut = _CLAUSE_END.search(right)
    if cut:
        right = right[:cut.start()]
    elif end + width < len(text):
        right, tail = (right[:right.rfind(" ")] if " " in right else ""), " …"
    return lead + " ".join((left + text[start:end] + right).split()).rstrip(".,;: ") + tail


def _claim(value: str, cites: Sequence[Citation], by_id: dict[str, Article], said: str | None = None,
           written: str = "") -> ClaimValue:
    """One competing value with every place that states it, the words of the first (``said`` when
    given) and the value as those words write it (``written``; "" when it is ``value`` itself)."""
    first = by_id.get(cites[0].article_id) if cites else None
    if said is None:
        said = excerpt(first.text, cites[0].start, cites[0].end) if first else ""
    return ClaimValue(value=value, citations=tuple(cites), sources=_sources(cites, by_id), said=said,
                      written="" if written == value else written)


def _sources(cites: Sequence[Citation], by_id: dict[str, Article]) -> tuple[str, ...]:
    out: list[str] = []
    for c in cites:
        a = by_id.get(c.article_id)
        name = (a.source or a.title or a.id) if a else c.article_id
        if name not in out:
            out.append(name)
    return tuple(out)


_BOUNDS = _LOWER_BOUNDS + _UPPER_BOUNDS
_QUALIFIED = _BOUNDS + _ROUNDED + _SHORT_OF  # the qualifiers that change what a figure can be
_YEAR = re.compile(r"(?<![\w.,$-])(1[89]\d\d|20\d\d)(?![\w-]|,\d)")


def _past_year(sentence: str, start: int, published: date | None) -> bool:
    """Whether a count comes after a year before its article's: a count from history ("In 1978, 20
    people died", "since 1978, when 20 people died in Boraas"), not a report of this story's event
    (a year after the count, "killed 60 people, the worst since 1978", leaves it this story's, but not
    one in the count's own clause: "which killed 15 and injured 170 others in 2005")."""
    if published is None:
        return False
    if any(int(y) < published.year for y in _YEAR.findall(sentence[:start])):
        return True
    # "in" and a year later in the count's own clause: "(which killed 15 and injured 170 others in 2005)"
    # (words of the count's own phrase between: "15 and injured 170 others in 2005"; not a new noun
    # phrase's, "9 people in a tenement built in 1920")
    m = re.match(r"[\d,.]*\s+(?:(?!(?:a|an|the|his|her|its|their)\b)[\w,]+\s+){0,6}in\s+((?:1[89]|20)\d\d)\b",
                 sentence[start:start + 80])
    return m is not None and int(m.group(1)) < published.year


def _first_statements(entries: list[tuple[Article, int, Unit, NumberClaim]]
                      ) -> list[tuple[Article, int, Unit, NumberClaim]] | None:
    """Each article's first statement of a slot: a later count in the same article is an earlier
    figure it reports ("Police earlier had reported 65 dead") or a part ("six others died later"),
    not its claim. None when one sentence states two counts for the slot: the slot then counts
    several things ("Twelve were killed in May, and 25 in June")."""
    first: dict[str, int] = {}
    for a, s, _, _ in entries:
        first[a.id] = min(first.get(a.id, s), s)
    kept = [e for e in entries if e[1] == first[e[0].id]]
    per_sentence: dict[tuple[str, int], set[tuple[float, str]]] = defaultdict(set)
    for a, s, _, c in kept:
        per_sentence[(a.id, s)].add(_claim_key(c))
    if any(len(keys) > 1 and not _all_compatible(list(keys)) for keys in per_sentence.values()):
        return None
    return kept


def _busiest_days(entries: list[tuple[Article, int, Unit, NumberClaim]]
                  ) -> list[tuple[Article, int, Unit, NumberClaim]]:
    """The reports of the ``NUMBER_WINDOW_DAYS`` days with the most of them (and the undated ones): a
    count told a week later is an update of the story ("at least 85 killed" on the 5th, "at least
    500" on the 20th), not a rival report."""
    dated = sorted({a.published for a, _, _, _ in entries if a.published is not None})
    if not dated:
        return entries

    def inside(d: date, first: date) -> bool:
        return first <= d < first + timedelta(days=NUMBER_WINDOW_DAYS)

    first = max(dated, key=lambda f: (sum(1 for a, _, _, _ in entries if a.published and inside(a.published, f)), f))
    return [e for e in entries if e[0].published is None or inside(e[0].published, first)]


def _claim_key(c: NumberClaim) -> tuple[float, str]:
    return c.value, c.qualifier if c.qualifier in _QUALIFIED else ""


def _all_compatible(keys: list[tuple[float, str]]) -> bool:
    return all(_compatible(a, b) for i, a in enumerate(keys) for b in keys[i + 1:])


def _one_incident(vals: dict[tuple[float, str], list[tuple[Unit, NumberClaim]]]
                  ) -> dict[tuple[float, str], list[tuple[Unit, NumberClaim]]]:
    """The values that count one thing: values within a factor ``INCIDENT_RATIO`` of each other are
    joined (60, 65 and 67 dead; 21 and 24 wounded), and the group with the most reports is kept, so
    that "the missiles killed 26 people" in Afghanistan is no rival of "the blast in Nairobi killed
    213" in a story of the Nairobi bombing."""
    keys = sorted(vals)
    groups: list[list[tuple[float, str]]] = []
    for k in keys:  # ascending values: a group spans at most the ratio from its smallest value
        if groups and k[0] <= INCIDENT_RATIO * max(groups[-1][0][0], 1e-9):
            groups[-1].append(k)
        else:
            groups.append([k])
    best = max(groups, key=lambda g: (sum(len(vals[k]) for k in g), len(g), -g[0][0]))
    return {k: vals[k] for k in vals if k in best}


# an event named by what it befell ("the Lauda Air crash", "the Swissair Flight 111 disaster")
_NAMED_EVENT = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+((?:[A-Z][\w'-]*\s+){1,3}(?:\d+\s+)?)(?:crash|bombing|attack|disaster|"
                          r"explosion|blast|shooting|earthquake|quake|fire|accident|sinking|collapse|derailment|"
                          r"hijacking|massacre)\b")


def _story_words(by_id: dict[str, Article]) -> set[str]:
    """Capitalised words written by at least two articles of the story, and by a quarter of them."""
    counts: Counter[str] = Counter()
    for a in by_id.values():
        counts.update(set(re.findall(r"\b[A-Z][\w'-]+", a.text or "")))
    floor = max(2, len(by_id) // 4)
    return {w for w, n in counts.items() if n >= floor}


def _other_event(sentence: str, start: int, known: set[str]) -> bool:
    """Whether the count at ``start`` is told of an event the sentence names by something the story
    rarely writes ("The Lauda Air crash killed all 223 people on board" in a story of EgyptAir 990):
    a comparison, not a report of the story's own toll."""
    m = next((m for m in _NAMED_EVENT.finditer(sentence, 0, start + 1) if start - m.end() < 40), None)
    return m is not None and any(w not in known for w in m.group(1).split() if w[:1].isupper())


# a count of a whole that holds the story's place: the world's, the nation's
_WHOLE_SCOPE = re.compile(r"\b(?:worldwide|globally|world-wide|nationwide|across\s+the\s+(?:world|globe|country|nation|"
                          r"region|continent)|around\s+the\s+(?:world|globe|country)|throughout\s+the\s+(?:world|"
                          r"country|region)|in\s+\d+\s+(?:countries|nations|states|provinces)"
                          r"|(?:throughout|across)\s+(?P<name>(?-i:[A-Z][a-z]+)))\b", re.IGNORECASE)


def _whole_scope(sentence: str, c: NumberClaim, elsewhere: str = "") -> bool:
    """Whether a count is told of the whole world or nation: the scope words right after it, in its
    own clause ("killed 144 people worldwide", "144 deaths across the region"); a place named
    ("across Europe") only when the articles of the story's own figures (``elsewhere``) never name it
    but as such a whole: "across Texas" in a story told in Texas is the story's own place."""
    after = re.split(r"[,;:.()]|\s(?:as|while|when|and|but)\s", sentence[c.end:c.end + 60])[0]
    m = _WHOLE_SCOPE.search(after)
    return m is not None and not (m.group("name") and re.search(rf"(?<!throughout )(?<!across )\b{m.group('name')}\b", elsewhere))


def _told_in(places: dict[tuple[float, str], list[Citation]], keys: Sequence[tuple[float, str]],
             by_id: dict[str, Article]) -> str:
    """The texts of the articles that give the figures ``keys`` of a slot."""
    ids = {c.article_id for k in keys for c in places[k]}
    return "\n".join(by_id[i].text for i in sorted(ids) if i in by_id)


# counts that grow as a story goes on (a toll, the evacuated, the arrested), unlike cars derailed
_RUNNING = frozenset({"killed", "injured", "evacuated", "arrested"})


def _running_count(keys: Sequence[tuple[float, str]], places: dict[tuple[float, str], list[Citation]],
                   by_id: dict[str, Article]) -> bool:
    """Whether the figures rise with the days of the articles that give them, one figure a day: a toll
    counted up ("killed 79" on May 19, "killed 86" on May 22) is an update, and the brief says so. (A
    figure that falls on a later day, or two figures of one day, are a dispute.)"""
    days: dict[tuple[float, str], set[date]] = {}
    for k in keys:
        ds = {a.published for c in places[k] if (a := by_id.get(c.article_id)) is not None and a.published is not None}
        if not ds:
            return False
        days[k] = ds
    owner: dict[date, tuple[float, str]] = {}
    for k, ds in days.items():
        for d in ds:
            if owner.setdefault(d, k) != k:
                return False
    order = sorted(keys, key=lambda k: min(days[k]))
    return all(max(days[a]) < min(days[b]) and a[0] < b[0] for a, b in zip(order, order[1:]))


_INCLUSIVE_BOUNDS = ("at least", "up to", "at most") + _ROUNDED


def _fold_inclusive_bounds(vals: dict[tuple[float, str], list[tuple[Unit, NumberClaim]]],
                           places: dict[tuple[float, str], list[Citation]]) -> None:
    """An inclusive bound or a rounded figure that another report states exactly ("at least 12" or
    "about 12" beside "12") tells that figure, not a figure of its own: its reports join the exact
    one's, in place."""
    for key in [k for k in vals if k[1] in _INCLUSIVE_BOUNDS and (k[0], "") in vals]:
        vals[(key[0], "")].extend(vals.pop(key))
        places[(key[0], "")].extend(places.pop(key))


def _numbers(units: Sequence[Unit], by_id: dict[str, Article]) -> list[Disagreement]:
    entries: dict[str, list[tuple[Article, int, Unit, NumberClaim]]] = defaultdict(list)
    known = _story_words(by_id)
    for u in units:
        for c in number_claims(u.text):
            if _other_event(u.text, c.start, known):
                continue
            for a, s, _ in u.places:
                if not _past_year(u.text, c.start, a.published):
                    entries[c.slot].append((a, s, u, c))
    out = []
    for slot, slot_entries in entries.items():
        kept = _first_statements(_busiest_days(slot_entries))
        if kept is None:
            continue
        vals: dict[tuple[float, str], list[tuple[Unit, NumberClaim]]] = defaultdict(list)
        places: dict[tuple[float, str], list[Citation]] = defaultdict(list)
        for a, s, u, c in kept:
            key = _claim_key(c)
            if not any(u is v for v, _ in vals[key]):
                vals[key].append((u, c))
            places[key].append(Citation(a.id, s + c.start, s + c.end, a.source))
        whole = {k for k in vals if all(_whole_scope(u.text, c) for u, c in vals[k])}
        if whole and len(whole) < len(vals):
            rivals = _told_in(places, [k for k in vals if k not in whole], by_id)
            whole = {k for k in whole if all(_whole_scope(u.text, c, rivals) for u, c in vals[k])}
        if whole and len(whole) < len(vals):
            # "109 people in Rovania" and "144 people worldwide": the world's count is no rival
            vals = defaultdict(list, {k: v for k, v in vals.items() if k not in whole})
        if len(vals) < 2 or _all_compatible(list(vals)):
            continue
        if len(vals) > 2 and max(sum(len(vals[o]) for o in vals if _compatible(k, o)) for k in vals) < 2:
            continue  # three counts or more, none borne out by another: several incidents of a long topic
        vals = _one_incident(vals)
        _fold_inclusive_bounds(vals, places)
        keys = list(vals)
        if len(keys) < 2 or _all_compatible(keys):
            continue
        running = slot.split()[-1] in _RUNNING and _running_count(keys, places, by_id)
        values = []
        # (a count that rose day by day is shown in the order of its days: an update, not a dispute)
        for key in sorted(keys, key=lambda k: (k[0],) if running else (-len({c.article_id for c in places[k]}), k[0])):
            cites = places[key]
            qual = vals[key][0][1].qualifier
            shown = f"{qual} {_fmt(key[0])}" if qual else _fmt(key[0])
            values.append(_claim(shown, cites, by_id, written=vals[key][0][1].surface))
        reports = sum(len(vals[k]) for k in keys)
        arts = len({c.article_id for v in values for c in v.citations})
        note = "a count that rose as the days went on (an update, not a dispute)" if running else \
            f"{len(values)} figures in {reports} reports from {arts} articles (wire copies counted once)"
        out.append(Disagreement(slot=slot, values=tuple(values), kind="number", note=note))
    return out


# a sentence telling of what has not happened, or not yet: a plan, a forecast, a denial, a supposition
# ("has no evacuation flights planned for Friday", "Even had Mubarak stepped down on Thursday")
_NOT_HAPPENED = re.compile(r"\b(?:will|shall|would|planned|plans?|scheduled|due\s+(?:to|on|for)|set\s+(?:to|for)|"
                           r"going\s+to|unless|even\s+had|(?:not|never|n['’]t)\s+(?:yet\s+)?(?:been\s+)?"
                           r"(?:happen|take\s+place|occur)\w*)\b", re.IGNORECASE)


_CLAUSE_MARKS = re.compile(_CLAUSE_MARK)


def _clause_of(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``: from the clause mark before it to the one after it."""
    left = max([0] + [x.end() for x in _CLAUSE_MARKS.finditer(text, max(0, start - 120), start)])
    right = next((x.start() for x in _CLAUSE_MARKS.finditer(text, end)), len(text))
    return text[left:right]


def _dates(units: Sequence[Unit], by_id: dict[str, Article]) -> list[Disagreement]:
    slots: dict[str, dict[date, list[Citation]]] = defaultdict(lambda: defaultdict(list))
    told: dict[str, dict[date, list[frozenset[str]]]] = defaultdict(lambda: defaultdict(list))
    weekday_of: dict[str, set[date]] = defaultdict(set)  # the days read from a bare weekday
    named: dict[str, list[str]] = defaultdict(list)  # the events each slot's days were told of
    written: dict[str, dict[date, str]] = defaultdict(dict)  # each day as its first report writes it
    for u in units:
        # "the ministry said on Tuesday that 26 were hurt": Tuesday is the day of the statement
        days = [(m, k) for m, k in _day_mentions(u.text) if not _SAID_BEFORE.search(u.text[:m.start()])]
        if len(days) != 1:
            continue  # only unambiguous sentences: one day
        m, kind = days[0]
        ev = _event_of_day(u.text, m.start(), m.end())
        if ev is None or _NOT_HAPPENED.search(_clause_of(u.text, m.start(), m.end())):
            continue
        slot = "incident" if ev in _INCIDENTS else ev
        for a, s, _ in u.places:
            if a.published is None or a.published_inferred:
                continue
            d = _resolve_day(m, kind, a.published)
            if d is None:
                continue
            slots[slot][d].append(Citation(a.id, s + m.start(), s + m.end(), a.source))
            written[slot].setdefault(d, _day_written(m, kind, d))
            told[slot][d].append(_what(u.text[:m.start()] + u.text[m.end():]))
            named[slot].append(ev)
            if kind == "weekday":
                weekday_of[slot].add(d)
    out = []
    seen: set[frozenset[tuple[str, int]]] = set()
    for slot, vals in slots.items():
        _fold_later_weekdays(vals, told[slot], weekday_of[slot])
        if len(vals) < 2 or not _same_event(told[slot]):
            continue
        cited = frozenset((c.article_id, c.start) for cs in vals.values() for c in cs)
        if cited in seen:
            continue  # the same days from the same sentences under another of their events
        seen.add(cited)
        values = tuple(_claim(d.isoformat(), c, by_id, written=written[slot].get(d, "")) for d, c in sorted(vals.items()))
        label = max(sorted(set(named[slot])), key=named[slot].count)  # ties: a fixed one
        out.append(Disagreement(slot=f"date {label}", values=values, kind="date",
                                note="weekdays resolved against each article's publication date"))
    return out


def _day_written(m: re.Match[str], kind: str, d: date) -> str:
    """A day as its report writes it ("Sept. 2"), a weekday with the day it was read as ("Wednesday
    (Sept. 2, 1998)", as the summary writes out a relative day)."""
    if kind == "weekday":
        return f"{m.group('wd')} ({format_value(d.isoformat())})"
    return " ".join(m.string[m.start("mon"):m.end()].split())


def _fold_later_weekdays(vals: dict[date, list[Citation]], told: dict[date, list[frozenset[str]]],
                         from_weekday: set[date]) -> None:
    """A bare weekday read as a day whole weeks after another value of the slot, the same weekday, is
    that day: a follow-up published a week later still writes "Tuesday's earthquake" for the
    Tuesday the others report, and is read as the Tuesday before its own publication."""
    for d in sorted(vals, reverse=True):
        if d not in from_weekday:
            continue
        earlier = [e for e in vals if e < d and (d - e).days % 7 == 0]
        if earlier:
            into = min(earlier)
            vals[into].extend(vals.pop(d))
            told[into].extend(told.pop(d, []))


def _spellings(units: Sequence[Unit], by_id: dict[str, Article], speakers: set[str]) -> list[Disagreement]:
    occ: dict[str, list[Citation]] = defaultdict(list)
    roles: dict[str, list[str]] = defaultdict(list)
    people = set(speakers)  # the names told as a person's: a quoted speaker, a role, a title, an age
    outlets: set[str] = set()  # the names told as a newspaper's or an agency's ("the newspaper Yediot Aharonot said")
    kin: set[str] = set()  # the names told as someone's relative ("Katarina Holm, the president's daughter")
    for u in units:
        for name, s0, e0, role in _names(u.text):
            for a, s, _ in u.places:
                occ[name].append(Citation(a.id, s + s0, s + e0, a.source))
            if role:
                roles[name].append(role)
            if role or (name not in people and _person_told(u.text, s0, e0)):
                people.add(name)
            if _OUTLET_BEFORE.search(u.text, max(0, s0 - 16), s0) or _OUTLET_AFTER.match(u.text, e0):
                outlets.add(name)
            if _KIN_BEFORE.search(u.text, max(0, s0 - 24), s0) or _KIN_AFTER.match(u.text, e0):
                kin.add(name)
    people -= outlets
    blocks: dict[str, set[str]] = defaultdict(set)
    for name in occ:
        for w in name.split():
            if len(w) >= 3:
                blocks[w].add(name)
    pairs: set[tuple[str, str]] = set()
    for names in blocks.values():
        ns = sorted(names)
        for i, one in enumerate(ns):
            for other in ns[i + 1:]:
                # "Ki-moon" / "Ki-Moon": one spelling in two house styles of capitals, not a variant
                if one.lower() != other.lower() and similar_names(one, other) and not _place_variant(one, other):
                    pairs.add((one, other))
    # union the pairs into variant groups
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for one, other in sorted(pairs):  # in a fixed order: the same groups, in the same order, every run
        parent[find(one)] = find(other)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in parent:
        groups[find(n)].append(n)
    out = []
    for spellings in groups.values():
        if not any(n in people for n in spellings):
            continue
        # the same role for every spelling ("spokesperson"/"spokesman" count as one), or one person's
        # family name spelt two ways
        role_sets = [{_ROLE_NORM.get(r, r) for r in roles.get(n, [])} for n in spellings]
        if not (all(role_sets) and set.intersection(*role_sets)) \
                and not _family_name_variants(spellings, role_sets, kin):
            continue
        arts = [{c.article_id for c in occ[n]} for n in spellings]
        if any(arts[i] & arts[j] for i in range(len(arts)) for j in range(i + 1, len(arts))):
            continue  # both spellings in one article: two people ("Ivana"/"Ivanka"), not a variant
        role_words = [r for n in spellings for r in roles.get(n, [])]
        role = max(sorted(set(role_words)), key=role_words.count) if role_words else "person"  # ties: a fixed one
        values = tuple(ClaimValue(value=n, citations=tuple(occ[n]), sources=_sources(occ[n], by_id))
                       for n in sorted(spellings, key=lambda n: (-len(occ[n]), n)))
        out.append(Disagreement(slot=f"name of the {role}", values=values, kind="name",
                                note="spelling variants of one name"))
    return out


# a publication or a broadcaster named by its kind: "the Israeli newspaper Yediot Aharonot", "in the Yediot
# Ahronot daily", "the weekly Der Spiegel"
_OUTLETS = r"(?:newspaper|daily|weekly|magazine|tabloid|paper|agency|broadcaster|radio|television|network)"
_OUTLET_BEFORE = re.compile(r"\b(?i:" + _OUTLETS + r")\s+$")
_OUTLET_AFTER = re.compile(r"\s+(?i:newspaper|daily|weekly|magazine|tabloid)\b")  # (not "Lena Voss's radio show")


def _person_told(sentence: str, start: int, end: int) -> bool:
    """Whether a sentence tells the name at ``sentence[start:end]`` as a person's: a title before it
    ("Mrs. Lena Voss"), an age after it ("Lena Voss, 52,"), a person's noun before it or before the
    list it ends ("the two suspects, Ivo Tarn and Lamen Khalifa Fhimah", "Britons Ivo Tarn and Rudolf
    Petschi", "firefighter Lasse Gustafsson") or heading the description after it ("Lasse Gustafsson, a
    former Goteborg firefighter", "Hans Carlsson, the lead detective"). ("said" next to it is no sign:
    "the newspaper Yediot Aharonot said".)"""
    if _TITLE_BEFORE.search(sentence, max(0, start - 8), start) or _AGE_AFTER.match(sentence, end):
        return True
    if _heads_description(sentence, end):
        return True
    return _person_noun_before(sentence, start)


def _heads_description(sentence: str, end: int) -> bool:
    """Whether a person's noun heads the description after the name at ``end``: the phrase ends on it
    or goes on with no other noun ("Lasse Gustafsson, a former Goteborg firefighter badly burned",
    "..., the lead detective, said"), not one that it only tells of ("Stora Brandvik, a former
    firefighter training centre": a place)."""
    after = _DESCRIBED_AFTER.match(sentence, end)
    if not after:
        return False
    words = after.group("words").split()
    for i, w in enumerate(words):
        if _people_noun(w, plural=False):
            nxt = words[i + 1] if i + 1 < len(words) else (after.group("next") or "").strip()
            return not nxt[:1].islower() or nxt in _PHRASE_GOES_ON or nxt.endswith(("ly", "ed"))
    return False


_LIST_JOINS = frozenset("and _ — – -".split())
_NAME_PARTICLES = frozenset("al el bin ibn van von de da del".split())


def _person_noun_before(sentence: str, start: int) -> bool:
    """Whether a person's noun stands before the name at ``start`` or before the list of names it ends:
    "suspects Ivo Tarn and ", "the two suspects, Ivo Tarn and ", "The hostages _ Britons Ivo Tarn, Ana Lee,
    and " (a people's name, "Britons", may open the list)."""
    words = sentence[max(0, start - 120):start].split()
    for w in reversed(words):
        w = w.rstrip(",")
        if not w or w in _LIST_JOINS or w.lower().split("-")[0] in _NAME_PARTICLES:
            continue
        if not w[:1].isupper():
            return _people_noun(w)  # the word before the list: "suspects", "hostages", "firefighter"
        if _people_noun(w):
            return True  # "Britons", "Libyans"
    return False


# a name told as someone's relative: "his daughter Katarina Holm", "Katarina Holm, the president's daughter"
_KIN_BEFORE = re.compile(rf"\b(?i:{KIN_WORDS}),?\s+$")
_KIN_AFTER = re.compile(rf",\s+(?:[\w’'.-]+\s+){{0,3}}?(?i:{KIN_WORDS})\b")
# the words of a description after a name, up to its head: "Lasse Gustafsson, a former Goteborg firefighter"
_DESCRIBED_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?P<words>(?:[\w’'-]+\s+){0,3}[\w’'-]+)(?P<next>\s+[\w’'-]+)?")
# words after a description's head noun that go on the phrase, not the noun ("a firefighter who ...")
_PHRASE_GOES_ON = frozenset("of in at on from for with by near to since who whose whom that which and or but".split())
# nouns that name an organisation as often as a person ("the Workers Party, the main rival of ...", "the two
# plaintiffs, Tarsk Shipping and ...")
_ORG_ABLE = frozenset("member members rival rivals partner partners supporter supporters opponent opponents critic "
                      "critics owner owners user users customer customers employer employers player players winner "
                      "winners champion champions observer observers representative representatives executive "
                      "executives official officials agent agents fan fans leader leaders head heads plaintiff "
                      "plaintiffs defendant defendants".split())


def _people_noun(word: str, plural: bool = True) -> bool:
    """A noun of people ("suspects", "hostage", "firefighter") or a people's name for its members
    ("Britons", "Libyans", "Israelis"), not one that names an organisation as often."""
    w = word.lower()
    if w in _ORG_ABLE:
        return False
    if w in PERSON_NOUNS or w in ("men", "women"):
        return True
    if not plural:
        return False
    return (w.endswith("s") and w[:-1] in PERSON_NOUNS) or bool(_DEMONYM_PLURAL.fullmatch(word))


_DEMONYM_PLURAL = re.compile(r"[A-Z][a-z]{2,}(?:ans|ons|is|ese)")


def _family_name_variants(spellings: Sequence[str], role_sets: Sequence[set[str]], kin: Collection[str] = ()) -> bool:
    """Spellings of one person's name that differ in the last word only, the given names the same
    ("Fayez Zaidan" / "Fayez Zeidan", "Larry Flint" / "Larry Flynt"), or in given names that sound
    alike, the family name the same ("Rudolf" / "Rudolph Petschi", "Lamen Khalifa" / "Lamin Khalifah
    Fhimah": ``_sound_key``, none of them told as someone's relative, ``kin``), with no two roles that
    differ: relatives share a family name, not a given name ("Ivana" / "Ivanka Trump" need the same role)."""
    heads = {tuple(n.split()[:-1]) for n in spellings}
    known = [r for r in role_sets if r]
    given = len(heads) == 1 or (_given_names_sound_alike(spellings) and not any(n in kin for n in spellings))
    return given and (not known or bool(set.intersection(*known)))


def _heard(word: str) -> str:
    """A given name as it is heard: "ph" and "v" as "f", a silent "h" and a doubled letter dropped
    ("Rudolph" / "Rudolf", "Stephen" / "Steven", "Khalifah" / "Khalifa")."""
    w = word.lower().replace("ph", "f").replace("v", "f")
    return re.sub(r"(.)\1", r"\1", w[:1] + w[1:].replace("h", ""))


def _sound_key(word: str) -> str:
    """``_heard`` with any vowel inside the word ("Lamen" / "Lamin"); the first and the last letter stay
    ("Maria" / "Mario", "Daniel" / "Danielle" differ)."""
    w = _heard(word)
    return w[:1] + re.sub(r"[aeiouy]", "*", w[1:-1]) + w[-1:] if len(w) > 2 else w


def _given_names_sound_alike(spellings: Sequence[str]) -> bool:
    """Whether the spellings share the family name and their given names sound alike, word by word
    (``_sound_key``); a vowel told differently only in names of five letters or more ("Jean" / "Joan"
    are two names) that the census knows both or neither of (it leaves out names worn by both sexes:
    "Francis" / "Frances", "Marion" / "Marian" are a man's and a woman's), and no two given names that
    the census gives to different sexes."""
    words = [n.split() for n in spellings]
    if len({w[-1] for w in words}) != 1 or len({len(w) for w in words}) != 1:
        return False
    for given in zip(*(w[:-1] for w in words)):
        if len({_sound_key(g) for g in given}) != 1:
            return False
        if len({_heard(g) for g in given}) > 1 \
                and (min(len(g) for g in given) < 5 or len({first_name_sex(g) > 0 for g in given}) > 1):
            return False
        if any(sex_clash(first_name_sex(a), first_name_sex(b)) for a in given for b in given):
            return False
    return True


_AGE_AFTER = re.compile(r",\s+(?P<age>\d{1,3})(?=\s*(?:,|\band\b|\.|\)|;))")


def _same_person(a: str, b: str) -> bool:
    """Two full names of one person: the same last word (or one within an edit, "Qin Yongmin" /
    "Qin Yongming") and the same first name, or a first name within two edits ("Chasity Pasley" /
    "Chastity Vera Pasley"; "Gilberto Manuel da Silva" and "Luiz Inacio Lula da Silva" are two
    people)."""
    wa, wb = a.split(), b.split()
    la, lb = wa[-1].lower(), wb[-1].lower()
    if la != lb and not (min(len(la), len(lb)) >= 5 and edit_distance(la, lb) <= 1):
        return False
    fa, fb = wa[0].lower(), wb[0].lower()
    return fa == fb or (fa[0] == fb[0] and min(len(fa), len(fb)) >= 4 and edit_distance(fa, fb) <= 2)


_Told = tuple[str, int, Citation, str, str]  # a value told of a person: name, value, citation, words, value as written


def _per_person(told: list[_Told], slot: str, note: str, by_id: dict[str, Article]) -> list[Disagreement]:
    """One slot per person (spellings of one name joined) of the values ``told`` of them (name,
    value, citation, the words that state it, the value as they write it); a slot with two values or
    more is a dispute."""
    people: list[list[_Told]] = []
    for t in told:
        home = next((p for p in people if any(_same_person(t[0], o[0]) for o in p)), None)
        if home is None:
            people.append([t])
        else:
            home.append(t)
    out = []
    for p in people:
        values: dict[int, list[Citation]] = defaultdict(list)
        for _, v, c, _, _ in p:
            values[v].append(c)
        if len(values) < 2:
            continue
        names = [n for n, _, _, _, _ in p]
        name = max(sorted(set(names)), key=names.count)
        first = {v: next(t for t in p if t[1] == v) for v in values}
        out.append(Disagreement(slot=slot.format(name=name), kind="number", note=note, person=name, values=tuple(
            _claim(str(v), c, by_id, said=first[v][3], written=first[v][4])
            for v, c in sorted(values.items(), key=lambda kv: (-len(kv[1]), kv[0])))))
    return out


def _ages(units: Sequence[Unit], by_id: dict[str, Article]) -> list[Disagreement]:
    """Ages given after a person's full name ("Wang Youcai, 32, founder of ..." / "Wang Youcai,
    33,"): one slot per person, joined across spellings of the name."""
    told: list[_Told] = []
    for u in units:
        for name, _, end, _ in _names(u.text):
            m = _AGE_AFTER.match(u.text, end)
            if not m or not 0 < int(m.group("age")) <= 110:
                continue
            for a, s, _ in u.places:
                told.append((name, int(m.group("age")), Citation(a.id, s + m.start("age"), s + m.end("age"), a.source),
                             f"{name}, {m.group('age')}", m.group("age")))
    return _per_person(told, AGE_SLOT, "ages given after the name", by_id)


_YEARS = r"(?P<n>\d{1,2}|" + "|".join(list(_UNITS_WORDS)[1:] + list(_TENS)) + r")(?P<half>[- ]and[- ]a[- ]half)?"
_PERSON = r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})"
# a prison term told of one named person: "Xu Wenli, who was sentenced Monday to 13 years",
# "Qin Yongmin had been sentenced to 13 years", "Qin Yongming, who was reported to have received 12
# years", "sentenced Xu Wenli to 13 years", "the 13-year prison term given Xu Wenli"
_TERMS = [re.compile(p) for p in (
    _PERSON + r",?\s+(?:who\s+)?(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+){0,3}?sentenced\s+(?:\w+\s+){0,3}?to\s+"
    + _YEARS + r"\s+years?\b",
    _PERSON + r",?\s+who\s+(?:(?:was|is)\s+reported\s+to\s+have\s+)?received\s+(?:an?\s+)?" + _YEARS
    + r"(?:\s+years?\b|-year\s+(?:prison\s+)?(?:sentence|term)\b)",
    r"\bsentenced\s+(?:\w+\s+){0,2}?" + _PERSON + r"\s+to\s+" + _YEARS + r"\s+years?\b",
    r"\b" + _YEARS + r"-year\s+(?:prison\s+)?(?:term|sentence)\s+(?:given|handed)\s+(?:to\s+)?" + _PERSON)]


def _prison_terms(units: Sequence[Unit], by_id: dict[str, Article]) -> list[Disagreement]:
    """Prison terms of one named person ("Qin Yongmin ... 12 years" / "13 years"): one slot per
    person; a sentence naming several terms for several people ("13 and 11 years") is not read."""
    told: list[_Told] = []
    for u in units:
        for pattern in _TERMS:
            for m in pattern.finditer(u.text):
                name = m.group("name")
                if name.split()[0].lower() in _NOT_NAME or any(w.lower().rstrip(".") in _TITLE_WORDS for w in name.split()):
                    continue
                years = _value(m.group("n"), None)
                if years is None or not 0 < years <= 99:
                    continue
                for a, s, _ in u.places:
                    told.append((name, int(years), Citation(a.id, s + m.start("n"), s + m.end("n"), a.source),
                                 " ".join(m.group(0).split()), _term_written(m)))
    return _per_person(told, TERM_SLOT, "years in prison", by_id)


def _term_written(m: re.Match[str]) -> str:
    """A prison term as its sentence writes it: "12 years", "thirteen-and-a-half years", "13-year"."""
    end = m.end("half") if m.group("half") else m.end("n")
    unit = _YEAR_WORD.match(m.string, end)
    return " ".join(m.string[m.start("n"):unit.end() if unit else end].split())


_YEAR_WORD = re.compile(r"[\s-]+years?\b")


# a thing's size told as a compound before it: "a 16-inch strip of metal", "the 72-foot tall spruce", "a
# nearly 9-pound tire part" (a size is one figure and a unit joined by a hyphen; the thing, the noun after it)
_SIZE_UNITS = {"foot": "foot", "feet": "foot", "inch": "inch", "yard": "yard", "mile": "mile", "meter": "metre",
               "metre": "metre", "kilometer": "kilometre", "kilometre": "kilometre", "centimeter": "centimetre",
               "centimetre": "centimetre", "pound": "pound", "ton": "ton", "tonne": "tonne", "kilogram": "kilogram",
               "acre": "acre", "hectare": "hectare"}
_SIZE = re.compile(r"(?<![\w.,-])(?:(?P<q>nearly|almost|about|around|some|roughly|approximately)\s+)?(?P<n>\d{1,3}(?:,\d{3})*"
                   r"(?:\.\d+)?)-(?P<unit>" + "|".join(_SIZE_UNITS) + r")(?:-(?:long|tall|high|wide|deep|thick))?\s+"
                   r"(?:(?:long|tall|high|wide|deep|thick|heavy)\s+)?(?P<thing>[a-z][a-z]{2,})\b(?![-'’])"
                   r"(?:\s+of\s+(?:the\s+|an?\s+)?(?P<of>[\w-]+(?:\s+\d[\w-]*)?))?")
SIZE_RATIO = 1.25  # sizes of one thing told differently lie this close ("16-inch" / "17-inch"); further apart, two things


def _sizes(units: Sequence[Unit], by_id: dict[str, Article]) -> list[Disagreement]:
    """The size of one thing told differently ("a 16-inch strip of metal" / "the 17-inch strip of metal"):
    one slot per thing and unit, each article's first statement its claim; an article giving two sizes of
    it tells two things (no slot), and so do sizes further apart than ``SIZE_RATIO`` and things told of
    two different wholes ("a 10-mile stretch of Route 9" / "the 12-mile stretch of Route 40")."""
    wholes: dict[tuple[str, str], set[str]] = defaultdict(set)  # what each thing is told to be of ("route 9")
    told: dict[tuple[str, str], dict[str, tuple[tuple[float, str], Citation, str, str, frozenset[str]]]] = \
        defaultdict(dict)
    for u in units:
        for m in _SIZE.finditer(u.text):
            value = _value(m.group("n"), None)
            if not value:
                continue
            key = (m.group("thing"), _SIZE_UNITS[m.group("unit")])
            if m.group("of"):
                wholes[key].add(m.group("of").lower())
            claim = (value, (m.group("q") or "").lower())
            written = u.text[m.start():m.end("unit")]
            told_of = _told_of(u.text, m)
            for a, s, _ in u.places:
                first = told[key].get(a.id)
                if first is not None and first[0][0] != value:
                    told[key][a.id] = ((-1.0, ""), first[1], "", "", frozenset())  # two sizes in one article: two things
                elif first is None:
                    told[key][a.id] = (claim, Citation(a.id, s + m.start("n"), s + m.end("unit"), a.source),
                                       excerpt(u.text, m.start(), m.end("thing")), written, told_of)
    out = []
    for (thing, unit), by_article in told.items():
        by_key: dict[tuple[float, str], list[tuple[tuple[float, str], Citation, str, str, frozenset[str]]]] = \
            defaultdict(list)
        for c in by_article.values():
            by_key[c[0]].append(c)
        keys = sorted(by_key)
        if len(keys) < 2 or keys[0][0] < 0 or keys[-1][0] > SIZE_RATIO * keys[0][0] or _all_compatible(keys) \
                or len(wholes[(thing, unit)]) > 1 or not _one_thing([frozenset().union(*(c[4] for c in by_key[k]))
                                                                     for k in keys]):
            continue
        values = []
        for key in sorted(keys, key=lambda k: (-len(by_key[k]), k[0])):
            mine = by_key[key]
            values.append(_claim(f"{key[1]} {_fmt(key[0])}".strip(), [c[1] for c in mine], by_id, said=mine[0][2],
                                 written=mine[0][3]))
        units_word = {"foot": "feet", "inch": "inches"}.get(unit, unit + "s")
        out.append(Disagreement(slot=SIZE_SLOT.format(thing=thing), values=tuple(values), kind="number",
                                note=f"sizes in {units_word}, given before the thing"))
    return out


def _told_of(sentence: str, m: re.Match[str]) -> frozenset[str]:
    """What a sentence tells of the thing whose size it gives: its content stems but for the size and the
    thing's own words, and the whole the thing is told to be of ("of metal")."""
    whole = {"of " + m.group("of").lower()} if m.group("of") else set()
    return (_what(sentence) - _what(m.group())) | whole


def _one_thing(told: Sequence[frozenset[str]]) -> bool:
    """Whether the sizes of a slot can be one thing's: the sentences giving each size share a word with those
    giving another (the event, a place, the whole it is of: "their 20-foot boat capsized off Grenport" / "the
    24-foot boat overturned near Grenport"); a thing named alike in sentences that share nothing else is two
    things ("a 20-foot boat carrying migrants sank" / "a 24-foot patrol boat was sent from Valletta")."""
    return all(any(mine & other for j, other in enumerate(told) if j != i) for i, mine in enumerate(told))


AGE_SLOT, TERM_SLOT = "age of {name}", "prison term of {name}"  # the slots of one named person
SIZE_SLOT = "size of the {thing}"  # a thing's size told as a compound before it
MAX_VALUES = 4          # more competing values than this are several facts, not one disputed
MAX_RATIO = 10.0        # counts further apart than this count different things (60,000 dead vs 30)
MAX_DAYS_APART = 14     # disputed days of one event lie within this many days of each other
MAX_SPAN_DAYS = 30      # reports further apart than this tell of different events (a topic over years)
NUMBER_WINDOW_DAYS = 4  # counts compared are those published within this many days (4: a day and the three after it)
INCIDENT_RATIO = 3.0    # counts of one thing told differently lie within this factor of each other


def _number(value: str) -> float | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", value)
    return float(m.group().replace(",", "")) if m else None


_NOT_WHAT = ("monday tuesday wednesday thursday friday saturday sunday today yesterday "
             "said says told according officials police")


@lru_cache(maxsize=1)
def _not_what() -> frozenset[str]:
    from .summary_text import content_stems

    return frozenset(content_stems(_NOT_WHAT))


def _what(sentence: str) -> frozenset[str]:
    """The content stems a dated sentence tells besides its date and attribution."""
    from .summary_text import content_stems

    skip = _not_what()
    return frozenset(w for w in content_stems(sentence) if w not in skip and not _YEAR.fullmatch(w))


def _same_event(told: dict[date, list[frozenset[str]]], share: float = 0.5) -> bool:
    """Whether two sentences giving different days tell the same event: they share at least
    ``share`` of the shorter one's words ("The bridge collapsed on Monday" / "... on Tuesday");
    "two protesters were killed in Suez on Tuesday" and "three people were killed in Cairo on
    Sunday" are two events."""
    days = list(told)
    for i, d1 in enumerate(days):
        for d2 in days[i + 1:]:
            for a in told[d1]:
                for b in told[d2]:
                    shared = a & b
                    # or the same count: "crashed Sept. 2 ..., killing all 229" / "the Sept. 3 crash
                    # that took 229 lives"
                    if a and b and (len(shared) >= share * min(len(a), len(b))
                                    or any(w.isdigit() and len(w) >= 2 for w in shared)):
                        return True
    return False


def one_fact(d: Disagreement, by_id: dict[str, Article]) -> bool:
    """Whether the values of a number or date slot can be one fact told differently: a few values
    (at most ``MAX_VALUES``), none two of them in one article (one article stating two counts for a
    slot counts two things), counts within a factor ``MAX_RATIO``, days within ``MAX_DAYS_APART`` of
    each other, and the articles stating them published within ``MAX_SPAN_DAYS``. A story of one
    event passes; a topic that spans years ("percent killed": 5, 8, 22, ... 73,700) does not."""
    if not 2 <= len(d.values) <= MAX_VALUES:
        return False
    owner: dict[str, int] = {}
    for k, v in enumerate(d.values):
        for c in v.citations:
            # (a value told of one named person is that person's, even when one article gives two:
            # "reported to have received 12 years" and "had been sentenced to 13 years")
            if owner.setdefault(c.article_id, k) != k and not d.person:
                return False
    if d.kind == "number":
        nums = [n for n in (_number(v.value) for v in d.values) if n is not None]
        if nums and min(nums) > 0 and max(nums) / min(nums) > MAX_RATIO:
            return False
    else:
        days = [date.fromisoformat(v.value) for v in d.values]
        if (max(days) - min(days)).days > MAX_DAYS_APART:
            return False
    if d.kind == "date":
        return True  # days within two weeks of each other are one event's, however late it is retold
    published = [a.published for a in (by_id.get(c.article_id) for v in d.values for c in v.citations)
                 if a is not None and a.published is not None]
    return not published or (max(published) - min(published)).days <= MAX_SPAN_DAYS


def find_disagreements(articles: Sequence[Article], *, speakers: Iterable[str] = ()) -> list[Disagreement]:
    """Where the articles of one story disagree: numbers, dates and name spellings for the same
    slot, each value with every citation that states it. ``speakers`` (names of quoted people)
    lets a name without a role count as a person."""
    arts = [a for a in articles if a.text and a.text.strip()]
    if not arts:
        return []
    by_id = {a.id: a for a in arts}
    units = sentence_units(arts)
    out: list[Disagreement] = []
    steps: list[Callable[[], list[Disagreement]]] = [
        lambda: _numbers(units, by_id), lambda: _ages(units, by_id), lambda: _prison_terms(units, by_id),
        lambda: _dates(units, by_id), lambda: _spellings(units, by_id, set(speakers)), lambda: _sizes(units, by_id)]
    for name, step in zip(("numbers", "ages", "prison terms", "dates", "names", "sizes"), steps):
        try:
            out.extend(step())
        except Exception:  # one bad slot kind never loses the others
            log.exception("disagreements: the %s step failed", name)
    out = [d for d in out if d.kind not in ("number", "date") or one_fact(d, by_id)]
    kinds = {"number": 0, "date": 1, "name": 2}
    out.sort(key=lambda d: (kinds.get(d.kind, 3), -sum(len(v.citations) for v in d.values), d.slot))
    return out
