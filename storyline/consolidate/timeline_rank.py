"""The timeline of a long-running topic: the days that matter, a few sentences each.

``timeline.timeline`` lists every dated event of a story; for a topic of hundreds of articles that
is thousands of entries. Here the days are ranked and each chosen day is written with its most
central sentences, after Gholipour Ghalandari & Ifrim (2020, "news-tls"), unsupervised:

- a day's weight: the share of the input's articles that mention it (DATEMENTIONCOUNT) plus
  ``PUB_WEIGHT`` times the share published on it (PUBCOUNT), each article counted by its
  relevance to the topic (off-topic pieces swept in count little). Only days inside the articles'
  publication span (and up to ``EARLY_DAYS`` before it: the event that started the coverage)
  count: "in 1593" from a radio listing is no event of a 2009 topic. A day's weight is then
  divided by a root of the coverage around it (``SPREAD``), so that a busy month does not take
  every place.
- a day's candidate sentences: those that mention it, and the lead sentences of the articles
  published on it (PM).
- a day's sentences: greedily the one that brings the day's summary closest to its target
  (CENTROID-OPT): the PM-MEAN centroid of its candidates (the words both kinds of candidate
  share) plus ``TOPIC_WEIGHT`` times the topic's centroid, so that an off-topic page on a busy
  day does not speak for it. Never one that repeats a sentence chosen for this or another day.
  A chosen sentence is cited to every article that carries it (the same words, or nearly).

``PUB_WEIGHT``, ``SPREAD``, ``TOPIC_WEIGHT`` and the sentence limits were chosen on the six
shared T17 topics (``bench/timeline.py``); nothing is fitted per topic.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from ..analyze.dct import reference_date
from ..analyze.sentences import headline_end, sentence_spans
from ..analyze.timex import (IRREGULAR_PAST, MONTHS, granularity_of, live_stamp_end, tag_timexes, today_as_the_present,
                             value_to_date)
from ..records import Article, Citation, TimelineEntry, Timex
from .summary_text import (UPDATED_STAMP, caption_shape, date_line_end, is_dangling, is_furniture, leans_back,
                           personal_pages, speaks_for_self, supports, table_line, trim_span, verbless)

__all__ = ["SMALL_STORY", "AsideWords", "auto_size", "dates_an_aside", "day_mentions", "in_participle_phrase",
           "leans_on_context", "quote_only", "rank_days", "relevance", "summarize_timeline"]

SMALL_STORY = 40  # up to this many articles, a call without sizes lists every dated event
PUB_WEIGHT = 0.5  # a day's articles published on it count half as much as those that mention it
TOPIC_WEIGHT = 0.75  # a day's sentences aim at its centroid and, three quarters as much, at the topic's
SPREAD = 0.25  # a day's weight is divided by (1 + articles published within WINDOW days) ** SPREAD
WINDOW = 7
OFF_TOPIC = 0.5  # an article less than half as close to the topic as the median lends no sentence
EARLY_DAYS = 7  # days before the first article that still count: the event that started the coverage
DEFAULT_PER_DATE = 2
_LEAD = 5  # lead sentences of an article stand for its publication day
LEAD_DAYS = 2  # ... unless they name a day further from it than this
_MIN_WORDS, _MAX_WORDS = 5, 50
_REPEAT = 0.5  # cosine above which a sentence says what a chosen one says
_SAME = 0.7  # cosine above which another article's sentence carries the chosen one's fact (cited) ...
_SAME_WORDS = 0.3  # ... when its words other than names agree this much too
_WORD = re.compile(r"[A-Za-z0-9]+")
_LEAD_CHARS = 2000  # an article's relevance to the topic is read from its first characters
# page furniture scraped with the text ("Last updated at 14:59 GMT", "Click here to ..."): no event
# page furniture beyond the summary's (``is_furniture``: "click here", "all rights reserved", ...)
_FURNITURE = re.compile(r"\b(?:last updated|updated at \d|copyright ©|subscribe (?:now|today)|sign up for)\b",
                        re.IGNORECASE)


# a lead that tells of an earlier week, month or year ("At a shelter last week, Clinton spoke ...",
# "Two weeks ago, ...") tells no news of its paper's day; "last week's storm" only names an event
# (only where it opens the sentence or its fronted phrase, before the first comma: "from a year ago",
# "compared with last year", "who resigned last month" tell of today's news)
_PAST_PERIOD = re.compile(r"[^,;:]{0,80}?(?<!\bfrom\s)(?<!\bthan\s)(?<!\bwith\s)\b(?:(?:last|earlier\s+this)\s+"
                          r"(?:week|month|year)\b(?!['’])|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"several|few|\d+)\s+(?:weeks|months|years|week|month|year)\s+ago\b)[^,;:]{0,60},",
                          re.IGNORECASE)


# a sentence of a list's item, its bullet opening the line ("_ A broad-based tax cut that will benefit ...", "• Fares
# rise. Buses ..."): it goes on the sentence before ("the package will include:"), no news of its paper's day itself
_LIST_ITEM = re.compile(r"[ \t]*[_*•▪·-][ \t]+(?=\S)")


# a lead dated by an earlier year ("Benjamin became the first woman to lead the association in 2002.",
# "The clinic has served the bayou since 1987"): background, no news of its paper's day; not a year of
# a relative clause ("a dose of propofol, which killed him in 2009"), a year naming a thing ("the 2008
# law"), nor a sentence that reports ("Sales fell in 2008, the company said") or names a day. A span of
# years dates it by its end: "from 2009 to 2011", "between 2009 and 2011", "in 2009-2011" and a span
# that opens the sentence's subject ("The 2009-2011 drought left ...", as "The Aug. 7 bombing killed
# ...") are background where the span ends before ``dct``'s year ("from 2009 to 2014" is not)
_YEAR_DATES = re.compile(r"\b(?:in|during|since)\s+(?:(?:early|late|mid)[\s-]+)?$", re.IGNORECASE)
_SPAN_FROM = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_SPAN_TO = re.compile(r"\s*(?:to|until|till|through|and|[-–])\s*", re.IGNORECASE)
_SUBJECT_SPAN = re.compile(r"[\s\"“'‘(]*the\s+", re.IGNORECASE)
# a comparison the time is the measure of, no time of the sentence's event: "their lowest level since
# 1997", "the biggest drop since a cut in May 2009", "a tenth less than in 2009" (not a superlative alone:
# "Among the worst spills ever, the tanker dumped its crude in 1989" is that year's)
_COMPARED = re.compile(r"\b(?:than|(?:record|biggest|largest|highest|lowest|worst|best|greatest|smallest|longest|"
                       r"deepest|strongest|weakest)\b[^,;:.]{0,60}\bsince)\b[^,;:]{0,60}$", re.IGNORECASE)
# years counted back from the paper's day ("five years ago", "a decade ago"): as an earlier year written
_YEARS_AGO = re.compile(r"\b(?:\w+|\d+)(?:[\s-]+(?:and\s+a\s+half|\w+))?\s+(?:years?|decades?)\s+ago\b", re.IGNORECASE)
# a measure the years counted back are ("compared with five years ago", "the level of a decade ago"), as "from a
# year ago" and "compared with last year" are (``_PAST_PERIOD``)
_AGO_MEASURE = re.compile(r"\b(?:than|with|to|of|from)\s+$", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who|whom|whose|(?<=\w\s)that)\b[^,;:]*$", re.IGNORECASE)  # (not "That was ...")
_LOOKBACK = 300  # characters before a time read for its relative clause, comparison or preposition
_REPORTS = re.compile(r"\b(?:said|says|announced|reported|told)\b")


# a past participle's phrase set off by commas after a noun ("The man, convicted in 2009 of fraud, was arrested
# on Monday", "The cap, lowered on Tuesday, will hold") or opening the sentence ("Founded in 1998 by two
# brothers, the firm ..."): a passive participle (a preposition or the time right after it, not an object:
# ", killed 20 people on Monday," is a verb of the clause), and after the closing comma the clause's verb
_IRREGULAR_PARTICIPLES = ("born built hit held taken given shot seen known found made sold sent struck caught brought kept "
                          "left lost won written stolen chosen driven broken beaten hurt set put led spent paid told thrown "
                          "sworn frozen hidden shut cut begun done drawn grown").split()
_PARTICIPLE = (r"(?:(?!(?:indeed|need|speed|seed|feed|breed|greed|shed|embed|proceed|exceed|succeed)\b)[a-z]{2,}ed|"
               + "|".join(_IRREGULAR_PARTICIPLES) + r")")
# (not a participle of the report itself, whose time is its sentence's: "Asked on Monday about the deal signed in
# March, Holt said", "Reached by phone on Tuesday, ...")
_PHRASE_OPEN = re.compile(r"\s*(?:(?:\w+ly|first|once|later|already|also)\s+)?"
                          r"(?!(?:asked|reached|contacted|interviewed|questioned|pressed|told|quoted)\b)" + _PARTICIPLE
                          + r"(?:\s+(?:by|in|on|at|during|for|from|with|over|after|since|before|into|early|late|near|off|"
                          r"under|to|as|until|across|outside|inside)\b[^,;:()\[\]—–]*|\s+)", re.IGNORECASE)
_VERBS = (r"was|were|is|are|has|have|had|will|would|could|can|may|might|must|should|did|does|do|remains?|[a-z]{2,}ed|"
          r"said|says|sank|sought|fought|swept|spread|chose|drove|rode|bore|wore|tore|froze|woke|bit|" + "|".join(IRREGULAR_PAST))
_FINITE = r"(?:" + _VERBS + r"|[a-z]{2,}[^s\W]s)\b"   # (a verb in -s, or a plural noun: after a comma, mostly the verb)
_PHRASE_CLOSE = re.compile(r"[^,;:()\[\]—–.!?]*,\s+(?:(?:\w+ly|also|then|still|now)\s+)?" + _FINITE)
# the same phrase without commas, right after its noun ("The driver arrested on Monday appeared in court"): a
# determiner and its noun, the participle (no auxiliary before it: "The plan was approved on Monday" is the
# clause's own verb; no verb of saying, whose "that" is often left out: "The firm announced on Monday profits
# fell"), a preposition and a few words that are no verb; after the time, at most a short place, then the
# clause's verb (not a word in -s, which may be the said clause's noun)
_NO_NOUN = r"(?:was|were|is|are|be|been|being|has|have|had|get|gets|got|and|or|but|not|never|who|which|that)\b"
_SAYING = (r"(?:announced|reported|confirmed|revealed|disclosed|added|noted|warned|claimed|stated|declared|estimated|"
           r"predicted|insisted|argued|explained|suggested|admitted|denied|acknowledged|agreed|decided|promised|vowed|"
           r"pledged|threatened|urged|demanded|asked|told|signalled|signaled|indicated|conceded|complained|hinted)\b")
_REDUCED_OPEN = re.compile(r"\b(?i:the|a|an|this|that|these|those|its|his|her|their|our|two|three|four|five|six|seven|"
                           r"eight|nine|ten|several|many|some|\d+)\s+(?:[\w'’-]+\s+){0,3}?"
                           r"(?!" + _NO_NOUN + r")[A-Za-z][\w'’-]*\s+(?!" + _SAYING + r")" + _PARTICIPLE
                           + r"(?:\s+(?:by|in|on|at|during|for|from|after|since|before|near|outside|inside)\b"
                           r"(?:\s+(?!" + _FINITE + r")[\w'’.-]+){0,4})?\s+$")
# (a word in -ed right before a lower-case word that is no function word may be an adjective of the object that
# follows the time: "The ministry published on Tuesday revised guidelines")
_ED_BEFORE_NOUN = (r"[a-z]{2,}ed\s+(?!(?:the|a|an|this|that|his|her|its|their|our|in|on|at|to|by|for|from|with|of|"
                   r"after|before|into|as|over|up|out|off|down|and|or|but|when|while|until)\b)[a-z]")
_REDUCED_CLOSE = re.compile(r"(?:\s+(?:in|at|near|outside|by|of|for)\s+(?:the\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]*)?)?"
                            r"\s+(?:(?:\w+ly|also|then|still|now)\s+)?(?!" + _ED_BEFORE_NOUN + r")(?:" + _VERBS + r")\b")
_PHRASE_BREAK = re.compile(r"[;:()\[\]—–]")
# what ends a clause rather than a noun before a comma: a time (a year, a day, a month's full name that is no given
# name) or a verb ("climbed in 2007, peaked in 2008", "Talks stalled, resumed on Monday"; not "Theresa May, elected")
_ENDS_SERIES_ITEM = re.compile(r"(?:\d|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|july|september|"
                               r"october|november|december)|\b" + _PARTICIPLE + r")\W*$", re.IGNORECASE)


def in_participle_phrase(text: str, start: int, tx_start: int, tx_end: int) -> bool:
    """Whether the time at ``text[tx_start:tx_end]`` (of the sentence starting at ``start``) lies in a
    participle's phrase that describes a noun ("The man, convicted in 2009 of fraud, was arrested on Monday",
    "Founded in 1998, the firm ...", "The driver arrested on Monday appeared in court"): it dates what the
    noun went through, not the sentence's event."""
    return _in_set_off_phrase(text, start, tx_start, tx_end) or (
        # (the verb right after the time first: an anchored match, cheaper than the search before it)
        _REDUCED_CLOSE.match(text, tx_end, min(len(text), tx_end + 80)) is not None
        and _REDUCED_OPEN.search(text, max(start, tx_start - 120), tx_start) is not None)


def _in_set_off_phrase(text: str, start: int, tx_start: int, tx_end: int) -> bool:
    """``in_participle_phrase`` for a phrase set off by commas, or one that opens the sentence."""
    lo = max(start, tx_start - _LOOKBACK)
    comma = text.rfind(",", lo, tx_start)
    at = comma + 1 if comma >= 0 else start
    if comma < 0 and lo > start or _PHRASE_BREAK.search(text, at, tx_start) or comma >= 0 and _ENDS_SERIES_ITEM.search(
            text, max(lo, comma - 24), comma):
        return False  # ("Oil climbed in 2007, peaked in 2008, then fell": a series of the subject's verbs, no noun's)
    if _PHRASE_OPEN.fullmatch(text, at, tx_start) is None:
        return False
    if comma < 0:  # (the phrase opens the sentence: a comma, then its subject)
        return re.match(r"[^,;:()\[\]—–.!?]*,\s+\w", text[tx_end:tx_end + _LOOKBACK]) is not None
    return _PHRASE_CLOSE.match(text[tx_end:tx_end + _LOOKBACK]) is not None


def tells_earlier_year(sentence: str, dct: date) -> bool:
    """Whether ``sentence`` (of an article published on ``dct``) tells of a written year before
    ``dct``'s (or one counted back: "five years ago"), or a month of one, or a span of years that ends
    before it: a preposition puts it in that time ("in 2002", "since March 1987", "from 2009 to 2011",
    "That was five years ago"; not as a measure: "compared with five years ago"), or the span opens the sentence's
    subject ("The 2009-2011 drought left ..."), outside a relative clause ("The dispute, which began
    in 2009, flared again" is today's news) and a comparison ("the biggest rise since 2005"); and it
    neither reports anyone's words nor names a day."""
    if _REPORTS.search(sentence) or not (any(int(m.group()) < dct.year for m in _YEAR_WRITTEN.finditer(sentence))
                                         or _YEARS_AGO.search(sentence)):
        return False  # (no earlier year written or counted back: most leads are not tagged again)
    earlier = False
    txs = tag_timexes(sentence, dct)
    for k, tx in enumerate(txs):
        g = granularity_of(tx.value)
        if g == "day":
            return False
        lo = max(0, tx.start - _LOOKBACK)  # (what precedes a time is read near it: linear in a long sentence)
        if g not in ("year", "month") or _RELATIVE_BEFORE.search(sentence, lo, tx.start) \
                or _COMPARED.search(sentence, lo, tx.start) or in_participle_phrase(sentence, 0, tx.start, tx.end):
            continue
        if _SPAN_FROM.search(sentence, lo, tx.start):  # "from 2009 to 2011", "between 2009 and 2011"
            pair = txs[k + 1] if k + 1 < len(txs) and _SPAN_TO.fullmatch(sentence, tx.end, txs[k + 1].start) else None
            end = _year_before(tx.range_end or (pair.value if pair else None), dct)
        elif tx.range_end and _SUBJECT_SPAN.fullmatch(sentence, 0, tx.start):  # "The 2009-2011 drought ..."
            end = _year_before(tx.range_end, dct)
        elif _YEAR_DATES.search(sentence, lo, tx.start) or re.match(r"(?:in|during|since)\s", tx.text, re.IGNORECASE) \
                or (_YEARS_AGO.fullmatch(tx.text) and not _AGO_MEASURE.search(sentence, lo, tx.start)):
            end = _year_before(tx.range_end or tx.value, dct)
        else:
            continue
        earlier = earlier or end
    return earlier


def _year_before(value: str | None, dct: date) -> bool:
    """Whether the year or month ``value`` (a TIMEX3 value) lies in a year before ``dct``'s."""
    d = value_to_date(value) if value and granularity_of(value) in ("year", "month") else None
    return d is not None and d.year < dct.year


def auto_size(n_articles: int) -> tuple[int, int] | None:
    """(max_dates, per_date) for a call without sizes, None for a small story (every event).

    Reference timelines of long-running topics hold 23-36 dates of 1-3 sentences (T17, CRISIS,
    ENTITIES; 500-2,300 articles each). The count grows with the square root of the input, so
    that 50 articles give 18 dates, 150 give 31, and from 260 articles on 40, the most a reader
    scans; two sentences a date."""
    if n_articles <= SMALL_STORY:
        return None
    return min(40, max(10, round(2.5 * math.sqrt(n_articles)))), DEFAULT_PER_DATE


# a day set before a noun, as its name, inside a phrase ("Investigators in the Aug. 7 bombing", "since
# the Jan. 7 deadline"); not the sentence's subject ("The Aug. 7 bombing killed 213 people") nor before
# a word that goes on the sentence ("the Aug. 7 and ...", "on Aug. 7 in Nairobi")
_NAMES_AN_EVENT = re.compile(r"\b(?:in|of|since|after|before|from|following|for|by|over|to|with|about|at|during|until|"
                             r"into|on|against)\s+(?:the|a|an)\s+$"
                             # (or a possessive after a preposition: "approved for Russia's March 26 presidential
                             # election"; "Kenya's Aug. 7 embassy bombing killed 213" is dated by it)
                             r"|\b(?:in|of|since|after|before|from|following|for|by|over|to|with|about|at|during|until|"
                             r"into|on|against)\s+(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,2})?"
                             r"(?:(?!(?:it|that|there|here|what|who|he|she)['’]s)[A-Z][\w.-]*['’]s"
                             r"|its|their|his)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r",?\s+([a-z][a-z-]+)\b")  # (", bombing" after "the Dec. 21, 1988")
# the words that make a year a time ("in 2008", "since 1995", "until 2010", "late 2008")
_YEAR_GOVERNED = re.compile(r"^(?:in|since|until|till|by|from|to|through|during|before|after|of|early|mid|late|"
                            r"around|about|circa|and|or|between|for|than|the|fiscal|year|summer|spring|winter|"
                            r"autumn|fall|[,(])$", re.IGNORECASE)
NOT_NOUNS = frozenset("""and or but of in on at to for from by with as than that which who when while after before
until since during is are was were be been has have had will would can could may might should must do does did
not also still""".split())


def names_another_event(text: str, tx: Timex) -> bool:
    """Whether a day names an event of its own rather than dating its sentence's: "Monday's
    derailment", "Investigators in the Aug. 7 bombing ... said Saturday"."""
    if re.match(r" ?['’]s\b", text[tx.end:tx.end + 4]):
        return True
    g = granularity_of(tx.value)
    if g == "year" and re.fullmatch(r"\d{4}", tx.text):
        # a year as a brand's: "If they still support Beijing 2008" (a capitalised word before it, no
        # word after it); "In the 2004 Games he won six" is dated by its year
        before = re.search(r"(\S+)\s+$", text[max(0, tx.start - 30):tx.start])
        word_before = before.group(1) if before else ""
        return word_before[:1].isupper() and word_before.isalpha() and not _YEAR_GOVERNED.search(word_before) \
            and word_before.lower() not in MONTHS and not re.match(r"\s+[A-Za-z]", text[tx.end:tx.end + 2])
    noun = _NOUN_AFTER.match(text, tx.end)
    return g == "day" and noun is not None and noun.group(1).lower() not in NOT_NOUNS \
        and _NAMES_AN_EVENT.search(text, max(0, tx.start - 24), tx.start) is not None


# a day written with its month: "January 27", "Dec. 13", "the 8th of July"
_MONTH_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|"
                        r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_FRONT = re.compile(r"[\s\"“'‘(]*(?:(?:early|late)\s+)?(?:on\s+)?", re.IGNORECASE)
_YEAR_WRITTEN = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
# what follows a day that labels rather than dates a clause: a page's stamp ("Thursday, January 6,
# 2011; 12:00 AM The ...", "February 04, 2011 | By ...", "8 September 2010 Last updated at ..."), a
# wire dateline ("Aug 21 (Reuters) - ..."), a caption's or a chronology's day ("June 17, 2010: Actor
# ...", "May 29 - BP says ...")
_LABEL_AFTER = re.compile(r"\s*(?:[;:|(\[\-–—]|-LRB-|(?:,\s*)?\d{1,2}[:.]\d\d\b|(?:last\s+)?updated\b|at\s+\d)",
                          re.IGNORECASE)


# a relative clause that runs to the sentence's end (", which commenced in September.", ", who was
# elected last year.", "a patrol that commenced in September, the navy said."), after a main clause told
# in the present or as a statement of the article's day ("This is the fifth operation", "has urged an
# end to the sanctions", "said Maskhadov")
_ASIDE_OPEN = re.compile(r"(?:,\s+(?:which|who)|\s+that(?=\s+(?:[a-z]+ed|is|was|are|were|has|had|have|will|shall|"
                         + "|".join(IRREGULAR_PAST) + r")\b))\s+[^,;:—–()]*$")
_PRESENT_MAIN = re.compile(r"\b(?:is|are|has|have|says|said|told|added)\b")
# what may follow the aside's date to the sentence's end: nothing but its mark, or a closing attribution
_ASIDE_END = re.compile(r"[^,;:—–()]*(?:,\s+(?:[\w.’'-]+\s+){1,5}(?:said|says|reported|added)\b[^,;:—–()]*)?")


# a past in an aside ("which opened on Monday", "who was shot"); not a participle after "is" or "be" ("which is
# scheduled for Monday", "that is expected to be held")
_ASIDE_PAST = re.compile(r"\b(?:was|were|had|did|(?-i:[a-z]{2,}ed)|" + "|".join(IRREGULAR_PAST) + r")\b", re.IGNORECASE)
_BE_BEFORE = re.compile(r"\b(?:is|are|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _aside_looks_ahead(text: str, lo: int, at: int) -> bool:
    """Whether the aside ``text[lo:at]`` tells no past (``_ASIDE_PAST``): what it dates is still ahead or
    running ("which is to begin on Nov. 16", "which takes place Thursday", "that will open on Monday")."""
    return not any(not _BE_BEFORE.search(text, max(lo, m.start() - 20), m.start())
                   for m in _ASIDE_PAST.finditer(text, lo, at))


_ASIDE_REACH = 240  # a day's aside and the rest of its sentence after the day are shorter than this


# the word an aside opens with, where ``_ASIDE_OPEN`` can match
_ASIDE_WORD = re.compile(r"(?<=\s)(?:which|who|that)")


class AsideWords:
    """Where an article's text writes the words an aside opens with, found once (lazily: most articles
    never ask), so that a clause holding hundreds of dates (a table's) is not read from its start for each
    of them: a clause with no such word before a date has no aside there."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._at: list[int] | None = None

    def first(self, s: int, at: int) -> int | None:
        """Where the first such word in ``[s, at)`` starts, None when there is none."""
        if self._at is None:
            self._at = [m.start() for m in _ASIDE_WORD.finditer(self.text)]
        i = bisect_left(self._at, s)
        return self._at[i] if i < len(self._at) and self._at[i] < at else None


def dates_an_aside(text: str, s: int, at: int, e: int, words: AsideWords | None = None, *,
                   day_ahead: bool = False, end: int | None = None) -> bool:
    """Whether the month or year at ``at`` in the clause ``[s, e)`` dates only a closing relative
    clause ("..., which commenced in September.") whose main clause tells the article's present: the
    entry would show the main clause's news under the aside's date. A main clause in the past ("the
    most notorious killing was that of Litsyev, who was shot in 1995") tells of the aside's time.
    A day after the article's (``day_ahead``) dates only such an aside when the aside tells no past
    (``_aside_looks_ahead``), whatever the main clause's tense: "the trip, which is to begin on Nov. 16",
    "the summit, which takes place Thursday", "a conference, that will take place next March 11" (an aside's
    past day is often the story's event: "the fire, which engulfed the disco Thursday", "the court, which on
    Monday set arguments for May 8"; a restrictive clause tells the main clause's own: "will visit Gaza
    during a four-day trip that will begin on Dec. 12").
    ``end`` (the date's end, ``at`` when None) is where the sentence's rest is read from, past the date's own
    commas ("on Nov. 16, 2031.", "on Tuesday, Nov. 16.").
    ``words`` (the text's) starts the search at the first word an aside could open with. A day's aside is
    sought within ``_ASIDE_REACH`` characters of its date, the sentence closing as near after it (a table's
    dates in one long sentence are not each read to its ends)."""
    if day_ahead:
        if e - at > _ASIDE_REACH:
            return False
        s = max(s, at - _ASIDE_REACH)
    lo = s
    if words is not None:
        k = words.first(s, at)
        if k is None:
            return False
        lo = k  # (back over the spaces and the comma before the word, where a match starts)
        while lo > s and text[lo - 1].isspace():
            lo -= 1
        if lo > s and text[lo - 1] == ",":
            lo -= 1
    aside = _ASIDE_OPEN.search(text, lo, at)
    if aside is None or _ASIDE_END.fullmatch(text, at if end is None else end, e) is None:
        return False
    if day_ahead:  # (set off by its comma: "a four-day trip that will begin on Dec. 12" is the main clause's own)
        return "," in text[max(0, aside.start() - 1):aside.start() + 1] and _aside_looks_ahead(text, aside.start(), at)
    return bool(_PRESENT_MAIN.search(text, s, aside.start()))


def written_day(tx: Timex) -> bool:
    """Whether ``tx`` is a day its words spell out ("January 27", "12/13/2008"), not a weekday or a
    count of days ("on Friday", "eight days ago") read from its article's date."""
    return granularity_of(tx.value) == "day" and bool(_MONTH_DAY.search(tx.text) or _YEAR_WRITTEN.search(tx.text))


def fronted_day(text: str, start: int, tx: Timex, dct: date | None) -> bool:
    """Whether ``tx`` is a day written out (with its month: "January 27", "Saturday, May 11, 2024")
    that opens the clause starting at ``start`` ("On January 27, the eve of the first of several
    Friday protests, Ghonim disappeared", "May 29 - BP says ..."): it dates the clause's main verb,
    and a weekday or a count of days later in the clause tells of something else. Not a day that
    labels the clause (a page's stamp: "Thursday, January 6, 2011; 12:00 AM The commission on
    Wednesday ..."; a dateline, a caption's day) nor a day after ``dct`` (a plan: "On Dec. 15
    voters will choose, the board said Monday" is Monday's news)."""
    if granularity_of(tx.value) != "day" or not _MONTH_DAY.search(tx.text):
        return False
    if _FRONT.fullmatch(text, start, tx.start) is None or _LABEL_AFTER.match(text, tx.end):
        return False
    day = value_to_date(tx.value[:10])
    return day is not None and (dct is None or day <= dct)


_HOLIDAY = re.compile(r"(?i)\b(?:christmas|new year's|independence day|fourth of july|halloween|valentine's|"
                      r"veterans day|thanksgiving|labor day|memorial day|election day|easter)\b")
_HOLIDAY_TIME = frozenset("day eve night morning afternoon evening weekend holiday holidays week".split())
# words after a holiday that are no noun it qualifies: the clause goes on ("on Thanksgiving and", "at Christmas when"),
# or a new one opens, run on in capitals ("... marked Easter The Pope said")
_NOT_QUALIFIED = frozenset("the a an he she it they we i you this that these those there his her their its our in "
                           "on at to of for with by from and or but nor as after before since until when while if so "
                           "because is was are were will would has had have".split())


def _noun_after_holiday(text: str, tx: Timex, offset: int = 0) -> str | None:
    """The noun that ``tx``, a holiday, qualifies, as the text writes it ("revelers", "Egg"), or None."""
    if not _HOLIDAY.search(tx.text):
        return None
    m = re.match(r"\s+([A-Za-z][a-z-]*)", text[tx.end - offset:tx.end - offset + 30])
    if m is None or m.group(1).lower() in _HOLIDAY_TIME or m.group(1).lower() in _NOT_QUALIFIED:
        return None
    return m.group(1)


def holiday_modifier(text: str, tx: Timex, offset: int = 0) -> bool:
    """Whether ``tx`` is a holiday named to qualify a noun ("Halloween revelers", "Christmas
    shopping"), also in a name's capitals ("Easter Egg Podcasts", "Christmas Island"): it tells what
    kind of thing, not when the event happened ("on Halloween night", "Christmas Day", "on
    Thanksgiving and on Christmas" do)."""
    return _noun_after_holiday(text, tx, offset) is not None


def holiday_in_name(text: str, tx: Timex) -> bool:
    """Whether ``tx`` is a holiday inside a name, before a capitalised noun ("Easter Egg Podcasts",
    "Christmas Island"): no day of the text's events ("the Memorial Day ceremony" still is one)."""
    noun = _noun_after_holiday(text, tx)
    return noun is not None and noun[0].isupper()


# an article's sentence spans, the (sentence, day) pairs it names, and the pairs that name another event
DayMentions = tuple[tuple[tuple[int, int], ...], tuple[tuple[int, date], ...], frozenset[tuple[int, date]]]


@lru_cache(maxsize=4096)
def day_mentions(text: str, dct: date | None, lang: str = "en") -> DayMentions:
    """(sentence spans, (sentence index, day) for every calendar day a sentence names, the pairs
    where the day only names another event: "the Aug. 7 bombing", "Monday's derailment", "our
    society today", a holiday inside a name: "Easter Egg Podcasts") of one article text; relative
    days ("on Thursday") are anchored at ``dct``.
    Ranges, months and years name no single day and are left out. A day that only names an event
    still tells that the day matters (it weighs in ``rank_days``), but its sentence tells of
    something else; so does a weekday or a count of days in a sentence that a written day opens
    (``fronted_day``: "On January 27, the eve of the first of several Friday protests, he
    disappeared" is January 27's)."""
    spans = tuple(sentence_spans(text, lang))
    starts = [s for s, _ in spans]
    out: list[tuple[int, date]] = []
    seen: set[tuple[int, date]] = set()
    dating: set[tuple[int, date]] = set()
    fronted: set[int] = set()  # the sentences a written day opens
    written: set[tuple[int, date]] = set()
    told: list[tuple[int, date]] = []  # the dating days that are not written out (weekdays, counts)
    asides = AsideWords(text)  # ("Ode said ..., which is to begin on Nov. 16.": the aside's day, no other)
    for tx in tag_timexes(text, dct):
        if tx.type not in ("DATE", "TIME") or "X" in tx.value or granularity_of(tx.value) != "day":
            continue
        if tx.range_end and tx.range_end[:10] != tx.value[:10]:
            continue
        day = value_to_date(tx.value[:10])
        i = bisect_right(starts, tx.start) - 1
        if day is None or i < 0 or tx.start >= spans[i][1]:
            continue
        stamp = UPDATED_STAMP.match(text, spans[i][0], spans[i][1])
        if stamp and tx.start < stamp.end():
            continue  # "(Updated 5:31 p.m. ...)" dates the page, not what the sentence tells
        if not (names_another_event(text, tx) or today_as_the_present(text, tx.start, tx.end) or holiday_in_name(text, tx)
                or (dct is not None and day > dct
                    and dates_an_aside(text, spans[i][0], tx.start, spans[i][1], asides, day_ahead=True,
                                       end=tx.end))):
            dating.add((i, day))
            if written_day(tx):
                written.add((i, day))
                if fronted_day(text, spans[i][0], tx, dct):
                    fronted.add(i)
            else:
                told.append((i, day))
        if (i, day) not in seen:
            seen.add((i, day))
            out.append((i, day))
    if fronted:
        dating -= {(i, day) for i, day in told if i in fronted and (i, day) not in written}
    return spans, tuple(out), frozenset(p for p in out if p not in dating)


@dataclass(frozen=True, slots=True)
class _Candidate:
    article: int  # index into the dated articles
    sentence: int
    mentions: bool  # it names the day (else it leads an article published on the day)


def relevance(articles: Sequence[Article]) -> np.ndarray:
    """Each article's weight in the topic, 0..1: the cosine of its lead with the centroid of all
    leads (tf-idf), relative to the median article's; those at least as close as the median
    weigh 1. An off-topic piece swept into the topic (a radio listing) weighs little."""
    n = len(articles)
    if n < 3:
        return np.ones(n)
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(
            [(a.text or "")[:_LEAD_CHARS] for a in articles])
    except ValueError:  # no word occurs twice
        return np.ones(n)
    centroid = np.asarray(x.mean(axis=0)).ravel()
    sims = np.asarray(x @ centroid).ravel() / (float(np.linalg.norm(centroid)) or 1.0)
    median = float(np.median(sims))
    if median <= 0:
        return np.ones(n)
    return np.clip(sims / median, 0.0, 1.0)


def rank_days(articles: Sequence[Article], analyses: Sequence[DayMentions], *, pub_weight: float = PUB_WEIGHT,
              weights: Sequence[float] | np.ndarray | None = None) -> list[tuple[date, float]]:
    """The days of the articles' publication span with their weight, heaviest first (ties: the
    older first). ``analyses`` are ``day_mentions`` of each (dated) article; ``weights`` (1 each
    when None) how much each article counts (see ``relevance``)."""
    if not articles:
        return []
    pubs = [a.published for a in articles if a.published is not None]
    lo, hi = min(pubs) - timedelta(days=EARLY_DAYS), max(pubs)
    n = len(articles)
    w = [1.0] * n if weights is None else [float(v) for v in weights]
    mentioned: dict[date, set[int]] = defaultdict(set)  # a day counts where it is reported, not announced
    for ai, (_, mentions, _) in enumerate(analyses):
        pub = articles[ai].published
        for _, day in mentions:
            if lo <= day <= hi and (pub is None or day <= pub):
                mentioned[day].add(ai)
    published: dict[date, float] = defaultdict(float)
    for ai, a in enumerate(articles):
        if a.published is not None:
            published[a.published] += w[ai]
    days = set(mentioned) | set(published)
    weight = {d: (sum(w[ai] for ai in mentioned.get(d, ())) + pub_weight * published.get(d, 0.0)) / n for d in days}
    if SPREAD > 0:
        weight = _spread(weight, published)
    return sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))


def _spread(weight: dict[date, float], published: dict[date, float]) -> dict[date, float]:
    """Weights divided by the coverage around each day (1 + the articles published within
    ``WINDOW`` days, to the power ``SPREAD``): a busy month does not take every place of the
    timeline, and a quiet month's one big day still gets in."""
    if not published:
        return weight
    first = min(published)
    span = (max(published) - first).days + 1
    daily = np.zeros(span)
    for d, v in published.items():
        daily[(d - first).days] += v
    cum = np.concatenate([[0.0], np.cumsum(daily)])
    out: dict[date, float] = {}
    for d, v in weight.items():
        i = (d - first).days
        lo, hi = max(0, i - WINDOW), min(span, i + WINDOW + 1)
        local = cum[hi] - cum[lo] if hi > lo else 0.0
        out[d] = v / (1.0 + local) ** SPREAD
    return out


def _usable(text: str) -> bool:
    words = _WORD.findall(text)
    return (_MIN_WORDS <= len(words) <= _MAX_WORDS and not text.rstrip().endswith(("?", "!"))
            and not _FURNITURE.search(text) and not is_furniture(text) and not caption_shape(text)
            and not table_line(text)
            and not quote_only(text) and not speaks_for_self(text)
            and date_line_end(text) < len(text.rstrip()))   # a dateline alone: "ST. LOUIS 1996-08-30"


# a quotation told by a pronoun and nothing else ("“It's either of the two,” he said."): someone's
# words out of their context, no event of the day
_QUOTE_ONLY = re.compile(r"\s*(?:``|\"|“)[^\"“”]+(?:''|\"|”)\s*,?\s*(?:he|she|they|it)\s+(?:said|says|added|told\s+\w+)"
                         r"\b[^.\"“”]{0,40}\.?\s*$", re.IGNORECASE)


def leans_on_context(text: str) -> bool:
    """Whether an entry's text leans on a sentence its article has before it ("It happened in 1959.", "However, the
    ferry's crew was safe.", "These boats ...")."""
    text = text.lstrip("… ")
    return is_dangling(text) or leans_back(text)


def quote_only(text: str) -> bool:
    """Whether ``text`` is a quotation told by a pronoun and nothing else ("“It's either,” he said.")."""
    return bool(_QUOTE_ONLY.match(text))


def _clean(text: str) -> str:
    """One line, without the previous sentence's closing quotation mark it opens with ("” The owners ...")."""
    return _STRAY_CLOSER.sub("", " ".join(text.split()))


_STRAY_CLOSER = re.compile(r"^(?:''|”|’’)\s+(?=\S)")


def summarize_timeline(articles: Sequence[Article], max_dates: int | None, per_date: int, *,
                       reader: bool = False) -> list[TimelineEntry]:
    """The ``max_dates`` weightiest days of ``articles`` (all days with candidates when None), each
    with at most ``per_date`` sentences, oldest first. Articles without a date are left out (give
    them an inferred one first). ``importance`` of an entry (0..1): its day's weight relative to
    the weightiest day's, times the sentence's similarity to what is said of the day. In a
    ``reader``'s brief a lead sentence that names another day than its article's ("closed lower on
    Wednesday" in a Thursday report) stands for that day only, not for the day of publication."""
    arts = [a for a in articles if isinstance(a, Article) and a.published is not None and a.text]
    if not arts or per_date < 1 or (max_dates is not None and max_dates < 1):
        return []
    # relative days count from the day a wire dateline names ("OTTAWA, August 27 (Xinhua)" in an Aug.
    # 28 item), which is also the day its lead reports
    refs = [reference_date(a) for a in arts]
    analyses = [day_mentions(a.text, ref, a.lang) for a, ref in zip(arts, refs)]
    weights = relevance(arts)
    ranked = rank_days(arts, analyses, weights=weights)
    top = ranked[0][1] if ranked and ranked[0][1] > 0 else 1.0
    by_day: dict[date, list[_Candidate]] = defaultdict(list)
    # readers' comments, a diary: the days they name weigh as the readers' attention, but what they
    # say of them is no event of the story (unless the story has nothing else)
    personal = personal_pages(arts)
    for ai, (spans, mentions, naming) in enumerate(analyses):
        if ai in personal:
            continue
        text = arts[ai].text
        head = headline_end(text, arts[ai].title)  # the headline the text opens with is no candidate
        for si, day in mentions:
            if (si, day) not in naming and spans[si][1] > head:
                by_day[day].append(_Candidate(ai, si, True))
        # the lead: its first sentences with a verb (a caption or by-line split off it is no lead), but
        # not one that names a day of another week's news ("Monday, however, in a Washington courtroom
        # ..." in a Saturday paper is Monday's, where it is a candidate already; yesterday's news is the
        # paper's own)
        elsewhere = {si for si, day in mentions if (si, day) not in naming and (
            day != refs[ai] if reader else abs((day - refs[ai]).days) > LEAD_DAYS)}  # type: ignore[operator]
        lead = [si for si, (s, e) in enumerate(spans[:3 * _LEAD])
                if e > head and not verbless(text[s:e]) and not _LIST_ITEM.match(text, text.rfind("\n", 0, s) + 1, e)][:_LEAD]
        for si in lead:
            if si not in elsewhere and not _PAST_PERIOD.match(text, *spans[si]) \
                    and not tells_earlier_year(text[spans[si][0]:spans[si][1]], refs[ai]):  # type: ignore[arg-type]
                by_day[refs[ai]].append(_Candidate(ai, si, False))  # type: ignore[index]

    def text_of(c: _Candidate) -> str:
        s, e = analyses[c.article][0][c.sentence]
        s = live_stamp_end(arts[c.article].text, s, e)  # a live page's entry time ("2050 Preval tells ...")
        return _clean(arts[c.article].text[s:e])

    # the candidates of the weightiest days, wire copies pooled: (day, weight, [(text, carriers)])
    limit = max_dates if max_dates is not None else len(ranked)
    pools: list[tuple[date, float, list[tuple[str, bool, list[_Candidate]]]]] = []
    for day, weight in ranked:
        if len(pools) >= 2 * limit:  # spares for days whose candidates turn out unusable
            break
        pooled: dict[str, tuple[bool, list[_Candidate]]] = {}
        for c in by_day.get(day, ()):
            if weights[c.article] < OFF_TOPIC:
                continue
            t = text_of(c)
            if not _usable(t):
                continue
            key = t.lower()
            if key in pooled:
                was, members = pooled[key]
                if all(m.article != c.article for m in members):
                    members.append(c)
                pooled[key] = (was or c.mentions, members)
            else:
                pooled[key] = (c.mentions, [c])
        if pooled:
            pools.append((day, weight, [(text_of(ms[0]), m, ms) for m, ms in pooled.values()]))
    if not pools:
        return []

    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [t for _, _, pool in pools for t, _, _ in pool]
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:  # nothing but stop words
        return []
    # the same words less the names and days: two sentences carry one fact when these agree too
    # ("The NTSA said on Tuesday that 12 cars had derailed" is not "Investigators from the NTSA
    # arrived on Tuesday and recovered the data recorder", whatever names they share)
    try:
        content = TfidfVectorizer(stop_words="english", sublinear_tf=True, lowercase=False,
                                  preprocessor=_without_names).fit_transform(texts)
    except ValueError:  # names and days only
        content = None
    carriers = [ms for _, _, pool in pools for _, _, ms in pool]
    topic = _unit(np.asarray(matrix.mean(axis=0)).ravel())  # what the weightiest days say, together
    out: list[TimelineEntry] = []
    chosen_rows: list[int] = []  # rows of ``matrix`` already in the timeline, on any day
    row = 0
    n_days = 0
    for day, weight, pool in pools:
        if n_days >= limit:
            break
        first = row
        x = matrix[row:row + len(pool)]
        row += len(pool)
        kinds = [m for _, m, _ in pool]
        told = np.zeros(len(pool), dtype=bool)  # what another day already says is not said again
        if chosen_rows:
            told = np.asarray((x @ matrix[chosen_rows].T).max(axis=1).toarray()).ravel() > _REPEAT
        target = _unit(_unit(_centroid(x, kinds)) + TOPIC_WEIGHT * topic)
        # a sentence that leans on the one before it in its article ("However, ...", "These drugs ...") reads wrong on
        # its own: a day that has a sentence reading on its own shows that one only (one that leans, where none does)
        gram = (x @ x.T).toarray()
        leaning = told | np.array([leans_on_context(t) for t, _, _ in pool], dtype=bool)
        picks = _centroid_opt(x, gram, target, per_date, leaning) if not leaning.all() else []
        picks = picks or _centroid_opt(x, gram, target, per_date, told)
        if not picks:
            continue
        n_days += 1
        centroid_sim = np.asarray(x @ target).ravel()
        for i in picks:
            chosen_rows.append(first + i)
            close = np.asarray((matrix @ x[i].T).toarray()).ravel() >= _SAME
            if content is not None:
                close &= np.asarray((content @ content[first + i].T).toarray()).ravel() >= _SAME_WORDS
            # (another day's report in the same words with other figures is another fact: "Turnovers
            # totaled 1.9 billion shares" a week later does not carry "Turnovers totaled 2.3 billion shares")
            same = [j for j in np.flatnonzero(close) if j == first + i or supports(texts[first + i], texts[j], 0.0)]
            out.append(TimelineEntry(date=day.isoformat(), granularity="day", text=_shown(pool[i][0]),
                                     citations=_citations(arts, analyses, [carriers[first + i]]
                                                          + [carriers[j] for j in same if j != first + i]),
                                     importance=round(weight / top * float(centroid_sim[i]), 6)))
    order = {id(e): k for k, e in enumerate(out)}
    out.sort(key=lambda e: (e.date, order[id(e)]))
    return out


def _without_names(text: str) -> str:
    """The words of ``text`` written in lower case (no names, no days), lower-cased."""
    return " ".join(w for w in text.split() if not w[:1].isupper()).lower()


def _shown(text: str) -> str:
    """An entry's text without the dateline, agency mark or page stamp that opens it ("(CNN) -- ",
    "(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday ET): ")."""
    i, j, _ = trim_span(text, lead=True, attributions=False)
    return text[i:j] if text[i:j].strip() else text


def _citations(arts: Sequence[Article], analyses: Sequence[DayMentions],
               groups: Sequence[Sequence[_Candidate]]) -> tuple[Citation, ...]:
    """One citation per carrying sentence, the chosen one first."""
    cites: list[Citation] = []
    seen: set[tuple[str, int, int]] = set()
    for group in groups:
        for c in group:
            a = arts[c.article]
            s, e = analyses[c.article][0][c.sentence]
            if (a.id, s, e) not in seen:
                seen.add((a.id, s, e))
                cites.append(Citation(article_id=a.id, start=s, end=e, source=a.source))
    return tuple(cites)


def _centroid(x, mentions: Sequence[bool]):  # type: ignore[no-untyped-def]
    """PM-MEAN: the mean of the sentences that name the day and the mean of the publication day's
    leads, summed over the words both share (either mean alone when one kind is missing)."""
    m = np.fromiter(mentions, dtype=bool, count=len(mentions))
    parts = [np.asarray(x[idx].mean(axis=0)).ravel() for idx in (np.flatnonzero(m), np.flatnonzero(~m)) if len(idx)]
    if len(parts) == 1:
        return parts[0]
    both = (parts[0] > 0) & (parts[1] > 0)
    c = np.where(both, parts[0] + parts[1], 0.0)
    return c if c.any() else parts[0] + parts[1]


def _unit(v: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def _centroid_opt(x, gram: np.ndarray, c: np.ndarray, k: int,  # type: ignore[no-untyped-def]
                  told: np.ndarray) -> list[int]:
    """Up to ``k`` rows of ``x`` (``gram``: their dot products) chosen greedily so that their sum
    is closest (cosine) to ``c``, skipping rows too like one already chosen and the rows ``told``
    (said on another day)."""
    if not c.any():
        return []
    xc = np.asarray(x @ c).ravel()
    chosen: list[int] = []
    s_dot_c = 0.0
    s_norm2 = 0.0
    s_dot_x = np.zeros(x.shape[0])
    blocked = told.copy()
    for _ in range(k):
        norm2 = s_norm2 + 1.0 + 2.0 * s_dot_x
        score = (s_dot_c + xc) / np.sqrt(np.maximum(norm2, 1e-12))
        score[blocked] = -np.inf
        i = int(np.argmax(score))
        if not np.isfinite(score[i]) or xc[i] <= 0:
            break
        chosen.append(i)
        blocked |= gram[i] > _REPEAT
        blocked[i] = True
        s_dot_c += xc[i]
        s_norm2 += 1.0 + 2.0 * s_dot_x[i]
        s_dot_x += gram[i]
    return chosen
