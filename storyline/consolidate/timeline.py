"""The timeline of a story: dated events, merged across articles, each cited to every carrier.

Every DATE/TIME timex with a calendar value (day, month or year) dates the clause around it. Two
such events are the same when they share the date and their wording is alike; their citations are
pooled. Undated articles are first given an inferred publication date (see ``analyze.dct``), so
their "Tuesday" lands on a real day too.

A long-running topic (more than ``timeline_rank.SMALL_STORY`` articles), a smaller story that tells
of more than ``MAX_EVERY`` events, or a call with ``max_dates``/``per_date``, gets a summary
instead: the days that matter, a few central sentences each (see ``timeline_rank``).

``explicit_dates`` rewrites relative dates in a sentence for a reader who lacks the article's date:
"arrived Tuesday" -> "arrived Tuesday (Jan. 8, 2019)".
"""

from __future__ import annotations

import calendar
import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
import datetime
from datetime import date, timedelta
from functools import lru_cache

from ..analyze.dct import reference_date, with_inferred_dates
from ..analyze.sentences import headline_end, sentence_spans
from ..analyze.timex import (IRREGULAR_PAST, MONTHS, WEEKDAY_NAMES, WEEKDAYS, format_value, granularity_of, live_stamp_end,
                             span_joint, tag_timexes, today_as_the_present, value_to_date)
from ..records import AnalyzedArticle, Article, Citation, TimelineEntry, Timex
from .summary_text import (PHOTO_LEAD, PHOTO_PLACE, STAMP_TIME, UPDATED_STAMP, date_line_end, is_furniture,
                           personal_pages, speaks_for_self, supports, trim_span)
from .template import without_template
from .timeline_rank import (DEFAULT_PER_DATE, auto_size, fronted_day, holiday_modifier, in_participle_phrase,
                            leans_on_context, NOT_NOUNS, AsideWords, dates_an_aside, names_another_event,
                            summarize_timeline, written_day)

_log = logging.getLogger(__name__)

__all__ = ["Event", "dated_events", "explicit_dates", "explicit_span", "format_value", "timeline"]

_STOP = frozenset(
    ["the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "by", "with", "from", "as", "is", "was", "were", "be", "been", "has", "have", "had", "that", "this", "it", "its", "his", "her", "their", "he", "she", "they", "we", "said", "says", "will", "would", "also", "but", "not", "after", "before", "about", "into", "over", "than", "more"])
_MAX_TEXT = 240
_SIMILAR = 0.25
# an event of a group is cited for the text shown when it shares a word of what happened with it
# (names, days and numbers aside) or most of its words: "Investigators from the NTSA arrived on
# Tuesday" does not carry "The NTSA said on Tuesday that 12 cars had derailed", whatever names they share
_SHARED = 0.01  # (one word is enough)
_CLOSE = 0.6


@dataclass(frozen=True, slots=True)
class Event:
    """One dated clause of one article."""

    date: str  # ISO date (day), YYYY-MM (month) or YYYY (year); "start/end" for a range
    granularity: str  # day, month, year
    text: str
    citation: Citation
    published: datetime.date | None  # (``date`` is the field above inside the class)
    weekday: bool = False  # dated by a bare weekday ("on Tuesday"), resolved against ``published``
    written: bool = False  # a day its words spell out ("January 27"), not a weekday or a count of days
    fronted: bool = False  # a day written out that opens its clause ("On January 27, ..."; ``fronted_day``)


def week_shown(value: str) -> str | None:
    """A reader's form of a TIMEX3 week value, by its first day: ``1998-W46`` -> "week of Nov. 9, 1998"
    (its Monday), ``1998-W46-WE`` -> "weekend of Nov. 14, 1998" (its Saturday); None for other values."""
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value or "")
    if m is None:
        return None
    try:
        first = datetime.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 6 if m.group(3) else 1)
    except ValueError:
        return None
    return f"{'weekend' if m.group(3) else 'week'} of {format_value(first.isoformat())}"


_MONTH_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|"
                        r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


_NUMERIC_DAY = re.compile(r"\b\d{1,4}([/.-])\d{1,2}\1\d{2,4}\b")


def _is_relative(tx: Timex) -> bool:
    """True when the words of ``tx`` do not spell out its value ("Tuesday", "last June")."""
    g = granularity_of(tx.value)
    if g is None:
        return False
    t = tx.text
    has_year = bool(re.search(r"\b(?:1[5-9]|20)\d\d\b", t))
    if g == "day" and _MONTH_DAY.search(t):
        return False  # "July 8", "the 8th of July": the day is spelt out; only the year is left unsaid
    if g == "day" and _NUMERIC_DAY.search(t):
        return False  # "08/26/96", "26.08.96": day, month and year in figures, a two-digit year too
    return not has_year


def explicit_dates(sentence_text: str, timexes: Iterable[Timex], *, offset: int = 0) -> str:
    """``sentence_text`` with the calendar date written after each relative date in it:
    "Kim arrived Tuesday." -> "Kim arrived Tuesday (Jan. 8, 2019)." ``timexes`` are those of
    the article (offsets into the article text); ``offset`` is where the sentence starts in it."""
    out: list[str] = []
    pos = 0
    end_all = len(sentence_text)
    for tx in sorted(timexes, key=lambda t: t.start):
        s, e = tx.start - offset, tx.end - offset
        if s < pos or e > end_all or s < 0:
            continue
        if sentence_text[s:e] != tx.text or tx.type not in ("DATE", "TIME") or not _is_relative(tx):
            continue
        if tx.range_end or "/" in tx.value:  # a range ("Jan. 7-10"): one day would misstate it
            continue
        if holiday_modifier(sentence_text, tx, offset):
            continue
        if today_as_the_present(sentence_text, s, e):
            continue  # "more open than it is today", "China today is ...": the present, no day
        shown = format_value(tx.value[:10] if granularity_of(tx.value) == "day" else tx.value) or week_shown(tx.value)
        if not shown or shown.lower() == tx.text.lower():
            continue
        if sentence_text[e:e + 2] == " (":  # already explained
            continue
        if (granularity_of(tx.value) == "month" and tx.text.strip(" .").lower() in MONTHS
                and re.fullmatch(r"\d{4}-\d{2}", tx.value)):
            out.append(sentence_text[pos:e])  # a bare month takes its year: "since May 1998", not "May (May 1998)"
            out.append(f" {tx.value[:4]}")
            pos = e
            continue
        poss = re.match(r" ?['’]s\b", sentence_text[e:e + 4])  # "Tuesday's", tokenized "Tuesday 's"
        e2 = e + poss.end() if poss else e
        out.append(sentence_text[pos:e2])
        out.append(f" ({shown})")
        pos = e2
    out.append(sentence_text[pos:])
    return "".join(out)


@lru_cache(maxsize=256)
def _article_timexes(text: str, dct: date | None) -> tuple[Timex, ...]:
    return tuple(tag_timexes(text, dct))


def explicit_span(article: Article, start: int, end: int) -> str:
    """``article.text[start:end]`` (e.g. a summary sentence) with its relative dates written out,
    anchored at the article's (possibly inferred) publication date."""
    text = article.text or ""
    return explicit_dates(text[start:end], _article_timexes(text, reference_date(article)), offset=start)


_CLAUSE_MARK = re.compile(r"[;—–]|(?<!\d):|:(?!\d)|, (?:but|while|and|as|after|before|when|which|where)\b| -- ")


class _Clauses:
    """The clauses of an article's long sentences. A sentence's clause marks are found once (in the
    sentence as its own string), then a date's clause is cut by bisection: a table or a chronology
    writing hundreds of dates in one sentence is not read again from the sentence's start for each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._marks: dict[tuple[int, int], tuple[list[int], list[int]]] = {}

    def marks(self, s: int, e: int) -> tuple[list[int], list[int]]:
        """The starts and the ends of the clause marks in the sentence ``[s, e)``."""
        got = self._marks.get((s, e))
        if got is None:
            found = list(_CLAUSE_MARK.finditer(self.text[s:e]))
            got = self._marks[(s, e)] = ([s + m.start() for m in found], [s + m.end() for m in found])
        return got

    def around(self, s: int, e: int, ts: int, te: int) -> tuple[int, int]:
        """The span of the sentence ``[s, e)``, cut to the clause around the timex ``[ts, te)`` when
        long: from past the last mark starting before the timex to the first starting at or after its end."""
        if e - s <= _MAX_TEXT:
            return s, e
        starts, ends = self.marks(s, e)
        before = bisect_left(starts, ts)
        lo = ends[before - 1] if before else s
        after = bisect_left(starts, te, before)
        hi = starts[after] if after < len(starts) else e
        while lo < hi and self.text[lo] in " ,":
            lo += 1
        return lo, hi


_STRAY_CLOSER = re.compile(r"(?:''|”)\s+")  # the previous sentence's closing quotation mark
# a connective that ties a sentence to the one before it; out of its article, an entry does without it
_CONNECTIVE = re.compile(r"(?:But|And|However|Meanwhile|Still|Yet|Also|Moreover|Nonetheless|Nevertheless|"
                         r"Indeed|Instead|Separately)(?:,\s*|\s+)(?=[A-Za-z\"“])")


def _opens_paragraph(text: str, pos: int) -> bool:
    """True when ``pos`` starts the text or a line (where a dateline can stand)."""
    k = pos
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k == 0 or text[k - 1] == "\n"


def _dateline_len(sentence: str) -> int:
    """How many characters of ``sentence`` are a dateline ("BEIJING -- ", "PARIS (AP) _ "), as the
    summary trims them; 0 when it opens with none."""
    i, _, _ = trim_span(sentence, lead=True, attributions=False)
    return i or date_line_end(sentence)   # a dateline on a line of its own: "ST. LOUIS 1996-08-30"


_CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(
    "today yesterday tomorrow updated posted published".split())


# a web page's own stamp ("Page last updated at 07:43 GMT, Tuesday, 23 August 2011 08:43 UK"), and
# the server-side-include error some archived pages carry after it: page furniture, not news
_PAGE_STAMP = re.compile(
    r"(?:page\s+)?(?:last\s+)?(?:updated|modified|published|posted)\s*(?:at|on)?\s*:?\s*[^.!?\n]{0,60}?"
    r"\b(?:19|20)\d{2}\b(?:\s*,?\s*\d{1,2}[:.]\d{2})?(?:\s*(?:GMT|UTC|UK|BST|ET|EST|EDT|CET))*[\s,]*",
    re.IGNORECASE)
_SSI_ERROR = re.compile(r"(?:-LRB-|[(\[])\s*an error occurred while processing this directive\s*(?:-RRB-|[)\]])\s*",
                        re.IGNORECASE)


def past_page_stamp(text: str, start: int, end: int) -> int:
    """Where a sentence's news starts past a page stamp and an include error opening it (``start``
    when it opens with neither)."""
    m = _PAGE_STAMP.match(text, start, end)
    k = m.end() if m else start
    m2 = _SSI_ERROR.match(text, k, end)
    return m2.end() if m2 else k


# a page's time stamp inside its text (a scraped page's, its sentences often cut at the clock's colon: "4: 00 pm"): a
# date right after a stamp's label ("( last updated: aug 4, 2031 )", "/ updated oct. 26, 2031, 11: 58 pm gmt",
# "Posted: tuesday, june 28, 2031", "submitted by: velk on jan 4, 2031") or right before one, its clock time between
# ("jan 4, 2031 - ( last updated: ...", "Oct. 26, 2031, 4: 00 pm gmt / updated ..."); not a verb of the news ("the
# report, updated on March 3, found", "the bank on Monday updated its forecast": no label's colon or mark)
_STAMP_LABEL_BEFORE = re.compile(r"(?:\blast\s+updated|\b(?:updated?|posted|published|uploaded|modified)\s*:|[/|(]\s*updated"
                                 r"|\bsubmitted\s+by\s*:?\s*[\w.'’-]+(?:\s+[\w.'’-]+)?\s+on)\s*(?:(?:on|at)\s+)?:?\s*$",
                                 re.IGNORECASE)
_STAMP_LABEL_AFTER = re.compile(rf"(?:{STAMP_TIME})?"
                                r"(?:(?:\s*[-–—/|(])+\s*(?:last\s+)?updated\b|\s*(?:last\s+updated\b|updated\s*:))",
                                re.IGNORECASE)


def _page_stamp_date(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is a page's time stamp (``_STAMP_LABEL_BEFORE``,
    ``_STAMP_LABEL_AFTER``)."""
    return _STAMP_LABEL_BEFORE.search(text, max(0, start - 60), start) is not None \
        or _STAMP_LABEL_AFTER.match(text, end) is not None


# the words of a page's stamp besides its date: its labels, a clock's, a byline's "by"
_STAMP_WORDS = _CALENDAR_WORDS | frozenset("last update submitted by on at am pm gmt utc et est edt ct cst cdt pt pst pdt "
                                           "bst cet".split())
_MAX_STAMP_OTHER = 2  # a stamp's other words: a byline's name ("velk", "ann dorn"), a section's label ("summary")


def _stamp_only(clause: str) -> bool:
    """Whether ``clause`` holds nothing but a page's stamp: besides its numbers and ``_STAMP_WORDS``, at most
    ``_MAX_STAMP_OTHER`` words."""
    return sum(w.lower() not in _STAMP_WORDS for w in re.findall(r"[A-Za-z]{2,}", clause)) <= _MAX_STAMP_OTHER


def _date_only(rest: str) -> bool:
    """Whether the words of a clause besides its date are only more calendar words and numbers."""
    return not any(w.lower() not in _CALENDAR_WORDS for w in re.findall(r"[A-Za-z]{2,}", rest))


class _CalendarWords:
    """``_date_only`` of an article's clauses. A long clause (a table's, a chronology's, running for
    pages) is not read again for each of its dates: where its words (runs of two letters or more) are,
    and which are no calendar words, is found once a clause, then bisected."""

    def __init__(self, text: str) -> None:
        self.text = text
        # (clause start, end) -> the starts and ends of its letter runs, and how many of the first k are
        # words that are no calendar word
        self._words: dict[tuple[int, int], tuple[list[int], list[int], list[int]]] = {}

    def _calendar(self, a: int, b: int) -> bool:
        return b - a < 2 or self.text[a:b].lower() in _CALENDAR_WORDS

    def words(self, s: int, e: int) -> tuple[list[int], list[int], list[int]]:
        """The letter runs of the clause ``[s, e)`` (cut at its ends): starts, ends, and ``other``:
        ``other[k]`` of the first k runs are words that are no calendar word."""
        got = self._words.get((s, e))
        if got is None:
            runs = [m.span() for m in re.finditer(r"[A-Za-z]+", self.text[s:e])]
            other = [0]
            for a, b in runs:
                other.append(other[-1] + (not self._calendar(s + a, s + b)))
            got = self._words[(s, e)] = ([s + a for a, _ in runs], [s + b for _, b in runs], other)
        return got

    def other_word(self, s: int, e: int, a: int, b: int) -> bool:
        """Whether ``text[a:b]``, a stretch of the clause ``[s, e)``, writes a word that is no calendar
        word (a word the stretch cuts counts as its part inside)."""
        if a >= b:
            return False
        starts, ends, other = self.words(s, e)
        i = bisect_right(ends, a)  # the first run ending past a
        k = bisect_left(starts, b)  # the runs starting before b are runs[:k]
        if i >= k:
            return False
        if not self._calendar(max(a, starts[i]), min(b, ends[i])) \
                or not self._calendar(max(a, starts[k - 1]), min(b, ends[k - 1])):
            return True  # (the runs at the ends, as the stretch cuts them)
        return other[k - 1] > other[i + 1]  # (those between, whole)

    def date_only(self, s: int, e: int, ts: int, te: int) -> bool:
        """``_date_only`` of the clause ``[s, e)`` less its date ``[ts, te)``."""
        if e - s <= _MAX_TEXT or not s <= ts <= te <= e:
            return _date_only(self.text[s:ts] + " " + self.text[te:e])
        return not (self.other_word(s, e, s, ts) or self.other_word(s, e, te, e))


_SPECULATIVE = re.compile(r"\b(?:could|might|may|would|forecasts?|forecasters?|predicts?|predicted|expects?|"
                         r"expected|likely|possibly|perhaps)\b", re.IGNORECASE)


# what a year names when it is a yardstick ("1990 levels", "from 1990 baselines", "the 1990 emissions")
_BASELINE = re.compile(r"\s+(?:levels?|baselines?|emissions|figures|prices|standards?|values?|benchmarks?|base)\b",
                       re.IGNORECASE)


_ATTRIBUTIVE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_PREFIX = {"day": 10, "month": 7, "year": 4}  # the characters of an ISO date a granularity writes
# a year set before a noun as its name, after a determiner or a possessive: "have denounced the 1993 Oslo
# accord", "would have waited for their 2005 tax returns", "one of Taiwan's 2008 presidential candidates" (or
# after "of" before a name: "the torch of 2008 Summer Olympics")
_YEAR_DETERMINER = re.compile(r"(?:\b(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your)"
                              r"|(?<![\w'’])[A-Z][\w.-]*['’]s|\b(?P<of>of))\s+$", re.IGNORECASE)
_NOUN_NEXT = re.compile(r"\s+([A-Za-z][\w-]*)")
# ... which still dates its clause after a time's preposition ("During the 2006 Winter Olympics, Pavarotti
# mimed", "In the 2004 Games he won six", "since the 2004 tsunami", "on the eve of his 1995 inauguration", "who
# were 12 at the time of the 2014 attack")
_TIME_PREPOSITION = re.compile(r"\b(?:in|at|during|throughout|before|after|following|since|until|till|through|"
                               r"ahead\s+of|prior\s+to|(?:eve|run-up|wake|aftermath|time|day|night|start|end|"
                               r"beginning|height|days|weeks|months)\s+of)\s+"
                               r"(?:(?-i:[A-Z])[\w.'’-]*\s+){0,3}$", re.IGNORECASE)  # ("After Lyndon B. Johnson's")
_CLAUSE_OPEN = re.compile(r"[\s\"“'‘(]*")
# the first finite verb after a clause's subject: a present tells the thing's state now ("That 1997 agreement is
# set to expire"), a past what happened in the year ("The 2004 tsunami killed 230,000 people")
_SUBJECT_VERB = re.compile(r"\b(?:(is|are|has|have|remains?)|was|were|had|did|will|would|[a-z]{2,}ed|"
                           + "|".join(IRREGULAR_PAST) + r")\b")


def _year_names_a_thing(text: str, tx: Timex, s: int) -> bool:
    """Whether the year ``tx`` of the clause starting at ``s`` is a noun's name ("the 1993 Oslo accord") that
    dates none of the clause's events: not after a time's preposition ("during the 2006 Olympics"), nor as
    the clause's subject of a past ("The 2004 tsunami killed ...")."""
    if not tx.text.isdigit() or len(tx.text) != 4:
        return False
    det = _YEAR_DETERMINER.search(text, max(s, tx.start - 40), tx.start)
    noun = _NOUN_NEXT.match(text, tx.end)
    if det is None or noun is None or noun.group(1).lower() in NOT_NOUNS or noun.group(1).lower() in MONTHS \
            or (det["of"] and not noun.group(1)[0].isupper()):
        return False
    if _TIME_PREPOSITION.search(text, max(s, det.start() - 56), det.start()):
        return False
    if _CLAUSE_OPEN.fullmatch(text, s, det.start()):  # the clause's subject
        verb = _SUBJECT_VERB.search(text, noun.end(), min(len(text), noun.end() + 80))
        return verb is not None and verb.group(1) is not None
    return True


# a clause of comparison set after its main clause, with the verb it stands for ("may deliver a forecast, as they did
# in 1997", "would finish first, as it did in the last election in 1996", "did not say, as he had in 1992, that
# ..."): its date is of the earlier event it compares, none of the main clause's
_COMPARED_WITH = re.compile(r"(?:,|\bjust)\s+as\s+(?:it|he|she|they|we|I|you|(?:the|its|his|her|their)\s+[\w-]+"
                            r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\s+(?:also\s+)?(?:did|does|do|had|has|have|was|were)"
                            # (the verb left out: only its adjuncts follow, "did in 1996", "had once before in
                            # 1992"; "as the council had cut the fare in 2029" is a clause of its own, a cause)
                            r"(?:\s+(?:once|twice|so|then|also|\w+ly))*\s+(?:in|on|at|during|by|since|after|before"
                            r"|back|last|until|through)\b[^,;:.!?()\[\]—–]*$")


class _ByStart:
    """An article's timexes in the order they start, so that those starting in a stretch of the text
    are found by bisection: a date's neighbours are read, not every timex of a long page."""

    def __init__(self, txs: Sequence[Timex]) -> None:
        self.txs = sorted(txs, key=lambda t: t.start)
        self.starts = [t.start for t in self.txs]
        self.undated = [0]  # undated[k]: how many of the first k timexes are days that cannot be dated
        for t in self.txs:
            self.undated.append(self.undated[-1] + t.value.startswith("XXXX-XX-"))

    def within(self, lo: int, hi: int) -> list[Timex]:
        """The timexes starting in ``[lo, hi)``."""
        return self.txs[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def undated_day_within(self, lo: int, hi: int) -> bool:
        """Whether a timex starting in ``[lo, hi)`` is a day that cannot be dated ("XXXX-XX-04")."""
        return self.undated[bisect_left(self.starts, hi)] > self.undated[bisect_left(self.starts, lo)]


def _finer_date_near(txs: _ByStart, tx: Timex, reach: int = 200) -> bool:
    """Whether a day or a month is written within ``reach`` characters of ``tx``, in its sentence or a
    neighbour (the passage dates itself by that)."""
    return any(o is not tx and granularity_of(o.value) in ("day", "month")
               for o in txs.within(tx.start - reach + 1, tx.start + reach))


def _dated_elsewhere(txs: _ByStart, tx: Timex, start: int, end: int) -> bool:
    """Whether the sentence at ``start``-``end`` writes a date besides ``tx``."""
    return any(o is not tx and o.type in ("DATE", "TIME") for o in txs.within(start, end))


def _undated_day_before(txs: _ByStart, tx: Timex, start: int) -> bool:
    """Whether a day that cannot be dated (a weekday of an article without a date: "late Thursday")
    is written between ``start`` (its sentence's) and ``tx``: the sentence tells of that day, and the
    year after it is part of what is told."""
    return txs.undated_day_within(start, tx.start)  # (``tx`` starts where the stretch ends)


def _tells_no_event(sentence: str, *, last: bool) -> bool:
    """Whether a sentence tells no event of the story, whatever date it writes: a comment's time stamp
    ("January 27, 2011 at 7:59 pm | Report abuse |"), a reader's own account ("My partner and I
    returned from Cancun yesterday"), or the text's ``last`` sentence cut off mid-sentence ("During a
    2012"), which tells no whole event."""
    return is_furniture(sentence) or speaks_for_self(sentence) or (last and _CUT_OFF.search(sentence) is not None)


def dated_events(article: Article, timexes: Sequence[Timex] | None = None) -> list[Event]:
    """The dated clauses of one (dated) article."""
    text = article.text or ""
    txs = list(timexes) if timexes is not None else tag_timexes(text, reference_date(article), article_id=article.id)
    if not txs:
        return []
    txs = _spans_of_days(text, txs)
    spans = sentence_spans(text, article.lang)
    head = headline_end(text, article.title)  # the headline the text opens with
    by_start = _ByStart(txs)
    clauses = _Clauses(text)
    words = _CalendarWords(text)
    aside_words = AsideWords(text)
    no_event: dict[int, bool] = {}  # sentence -> whether it tells no event of the story
    out: list[Event] = []
    j = 0
    seen: set[tuple[str, int]] = set()
    for tx in txs:
        if tx.type not in ("DATE", "TIME"):
            continue
        g = granularity_of(tx.value)
        if g not in ("day", "month", "year") or "X" in tx.value:
            continue
        if names_another_event(text, tx):  # "Monday's derailment", "the Aug. 7 bombing" date no other event
            continue
        if g == "year" and _BASELINE.match(text, tx.end):
            continue  # "cuts of 25-40% from 1990 levels": a year to measure against, no event of it
        if g == "year" and _ATTRIBUTIVE.search(text, max(0, tx.start - 8), tx.start) \
                and re.match(r"\s+[A-Za-z]", text[tx.end:tx.end + 2]) and _finer_date_near(by_start, tx):
            continue  # "said Annan would travel on Saturday ... on the 1988 Pan Am bombing": the year names that bombing
        if holiday_modifier(text, tx):  # "Halloween revelers" dates nothing
            continue
        if today_as_the_present(text, tx.start, tx.end):
            continue  # "China today is a lot more open", "than they are today": the present, no event
        if _SINCE_RECORD.search(text, max(0, tx.start - 120), tx.start):
            continue  # "the fourth government to collapse since 1995" tells of no event in 1995
        while j < len(spans) and spans[j][1] <= tx.start:
            j += 1
        if j >= len(spans) or spans[j][0] > tx.start:
            continue
        first = spans[j][0]
        if in_participle_phrase(text, first, tx.start, tx.end) and (
                g != "day" or _dated_elsewhere(by_start, tx, first, spans[j][1])):
            continue  # "The man, convicted in 2009 of fraud, was arrested on Monday": the time of what the man
            # went through ("Firefighters, called to the mill on Monday, found two bodies": the sentence's day)
        if g == "year" and _undated_day_before(by_start, tx, first):
            continue  # "Trump late Thursday tweeted that ... no collusion in 2016": the event has a day, unknown
        if _UNTIL_DAY.search(text, max(0, tx.start - 24), tx.start) and not _SCHEDULED.search(
                text, max(first, tx.start - 80), tx.start):
            continue  # the day a past state ends dates no event
        if spans[j][1] <= head:
            continue  # the headline the text opens with tells the lead's event again
        if j not in no_event:  # (read once a sentence, however many dates it writes)
            no_event[j] = _tells_no_event(text[spans[j][0]:spans[j][1]], last=j == len(spans) - 1)
        if no_event[j]:
            continue
        news = past_page_stamp(text, first, spans[j][1])
        if news > first:
            if tx.start < news:
                continue  # the page's own time stamp dates no event
            first = news
        stamp = UPDATED_STAMP.match(text, first, spans[j][1])
        if stamp:
            if tx.start < stamp.end():
                continue  # "(Updated: 1:38 a.m. Monday, Libya; ...):" dates the page, not an event
            first = stamp.end()
        # a live page's entry time dates its entry, but is no word of it ("2050 Preval tells CNN ...")
        entry = live_stamp_end(text, first, spans[j][1])
        stamped = tx.start < entry
        first = entry
        if _opens_paragraph(text, first):  # "BEIJING -- The motorcade ..." -> "The motorcade ..."
            dateline = _dateline_len(text[first:spans[j][1]])
            # "OTTAWA, August 27 (Xinhua) -- Canada announced ...": the day of writing dates the lead,
            # which is shown without its dateline
            first = first + dateline if tx.end <= first + dateline else min(first + dateline, tx.start)
        closer = _STRAY_CLOSER.match(text, first, tx.start)  # "'' That was in 1988" -> "That was in 1988"
        if closer:
            first = closer.end()
        opener = _CONNECTIVE.match(text, first, tx.start)  # "But even after ..." -> "Even after ..."
        if opener and opener.end() < tx.start:
            first = opener.end()
        photo = PHOTO_LEAD.match(text, first, spans[j][1])
        if photo:  # "In this June 19, 2018, file photo ..., Xi shakes hands with Kim ...": what it shows
            first = photo.end()
        if (photo or stamped) and tx.start < first:  # the photo's day is the day of what it shows
            s, e = clauses.around(first, spans[j][1], first, first)
        else:
            s, e = clauses.around(first, spans[j][1], tx.start, tx.end)
        if _COMPARED_WITH.search(text, max(s, tx.start - 80), tx.start):
            continue  # "the party would finish first, as it did in 1996": the date of the event compared with
        if g == "year" and _year_names_a_thing(text, tx, s):
            continue  # "Hamas has denounced the 1993 Oslo accord": the year names the accord, no event of the clause
        if words.date_only(s, e, tx.start, tx.end):
            continue  # a dateline on its own ("Friday, July 6, 2007") tells no event
        if _page_stamp_date(text, tx.start, tx.end) and _stamp_only(text[s:e]):
            continue  # "velk on jan 4, 2031 - ( last updated", "00 pm gmt / updated oct. 26, 2031, 11": a page's
            # stamp cut out of its text at a clock's colon, no event (a stamp before its lead dates the lead)
        ahead = g == "day" and article.published is not None and tx.value[:10] > article.published.isoformat()
        if (g != "day" or ahead) and dates_an_aside(text, s, tx.start, e, aside_words, day_ahead=ahead,
                                                     end=tx.end):
            continue  # "This is the fifth such operation of her patrol, which commenced in September.", "Ode
            # said the ferry crews will meet the board on the trip, which is to begin on Nov. 16."
        value = tx.value[:10] if g == "day" else tx.value
        if article.published and value > article.published.isoformat()[:_PREFIX[g]] \
                and _SPECULATIVE.search(text, s, e):
            continue  # a forecast ("winds could push the oil ashore on Sunday", "could turn into a liability
            #           ahead of November elections") dates no event yet
        if g in ("month", "year") and article.published and _far_ahead(value, article.published):
            continue  # "Ten years from now Libyans will be discussing ...", "contracts in force to 2042": no event yet
        if tx.range_end and granularity_of(tx.range_end) == g:
            value = f"{value}/{tx.range_end}"  # "Jan. 7-10": an ISO 8601 interval
        if (value, s) in seen:
            continue
        seen.add((value, s))
        shown = text[s:e].strip()
        if photo:
            shown = PHOTO_PLACE.sub("", shown)
        if opener and s == first and shown[:1].islower():
            shown = shown[:1].upper() + shown[1:]
        if e < spans[j][1]:  # a clause cut out of a longer sentence says so
            shown = shown.rstrip(" ,;:") + " …"
        if s > first:
            shown = "… " + shown
        out.append(Event(date=value, granularity=g, text=shown,
                         citation=Citation(article_id=article.id, start=s, end=e, source=article.source),
                         published=article.published, weekday=bool(_BARE_WEEKDAY.fullmatch(tx.text)),
                         written=written_day(tx), fronted=fronted_day(text, s, tx, article.published)))
    return _one_date_per_clause(out, article.published)


# the last sentence of a text cut off in the middle: it ends on a word, not on a sentence's mark
_CUT_OFF = re.compile(r"\b(?:the|a|an|of|in|on|at|to|for|and|or|but|with|by|from|that|during|after|before|"
                      r"his|her|their|its|\d{4})\s*$", re.IGNORECASE)


def _far_ahead(value: str, published: date) -> bool:
    """A month more than a year, or a year more than one year, after the article's date: a forecast
    or a target, no event of the story yet."""
    try:
        if len(value) == 4:
            return int(value) > published.year + 1
        y, m = int(value[:4]), int(value[5:7])
    except ValueError:
        return False
    return (y - published.year) * 12 + m - published.month > 12


# a record or a count held since a date ("the first time since 1932", "the fourth government to
# collapse since 1995", "its lowest level since June"): no event of that date ("split since 1953", the
# start of a state, is one)
# the end of a state told in the past ("declared an emergency and asked residents to boil their water
# until Wednesday"): no event of that day; a state's announced end ("schools will stay closed until
# Friday") and a put-off event ("the hearing was postponed until Monday") are the schedule of that day
_UNTIL_DAY = re.compile(r"\b(?:until|till|'til|through|thru)\s+(?:at\s+least\s+)?(?:on\s+)?$", re.IGNORECASE)
_SCHEDULED = re.compile(r"\b(?:will|shall|won't|would|going\s+to|(?:expected|set|scheduled|due)\s+to|postpon|delay|"
                        r"adjourn|defer|put\s+off|push(?:ed)?\s+back|reschedul)|'ll\b", re.IGNORECASE)
_SINCE_RECORD = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|worst|best|most|least|only|"
                           r"(?:high|low|bigg|small|larg|great|long|short|strong|weak|deadli|cold|hott|wett|dri|"
                           r"earli|lat|fast|slow|sharp|steep|heavi|busi|clos|wid|deep|rich|poor)est)\b"
                           r"[^.;:!?]{0,120}\bsince\s+(?:(?:early|mid|late|the\s+(?:end|start|beginning)\s+of)[\s-]+"
                           r"|the\s+(?:[\w-]+\s+){1,3}of\s+)?$",
                           re.IGNORECASE)
_BARE_WEEKDAY = re.compile(rf"(?:(?:on|last|this|early|late)\s+)?{WEEKDAY_NAMES}(?:\s+(?:morning|afternoon|evening|night))?",
                           re.IGNORECASE)


_SPAN_FROM = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


def _spans_of_days(text: str, txs: Sequence[Timex]) -> list[Timex]:
    """Two days written as a span ("from June 4 through June 26", "between March 3 and March 9") are
    one timex with a range, as "June 4-26" is: the event lasted from one to the other."""
    out: list[Timex] = []
    k = 0
    while k < len(txs):
        a = txs[k]
        b = txs[k + 1] if k + 1 < len(txs) else None
        if b is not None and a.type == "DATE" and b.type == "DATE" and not a.range_end \
                and granularity_of(a.value) == "day" and granularity_of(b.value) == "day" \
                and a.value < b.value and _SPAN_FROM.search(text[max(0, a.start - 9):a.start]) \
                and span_joint(text, a, b):
            out.append(Timex(start=a.start, end=b.end, text=text[a.start:b.end], type="DATE", value=a.value,
                             article_id=a.article_id, anchor=a.anchor, mod=a.mod, range_end=b.value[:10]))
            k += 2
            continue
        out.append(a)
        k += 1
    return out


def _one_date_per_clause(events: list[Event], published: date | None) -> list[Event]:
    """One entry per clause: a clause naming several dates ("pulled into Beijing Tuesday morning,
    shortly after Xinhua confirmed a visit Jan. 7-10") is listed under the one nearest the article's
    publication (the news; the others are its background), the first on ties; in an article without
    a date, under its finest date ("on 1/6/17 ... sent the next day": the first day). A range of days
    ("will visit Jan. 7-10") is a span of its own and stays; a range of years ("the 1998-99 season")
    is background like a year. A day written out that opens the clause (``fronted_day``: "On
    January 27, the eve of the first of several Friday protests, Ghonim disappeared") dates it over a
    weekday or a count of days later in it, which tell of something else."""
    if len(events) < 2:
        return events

    def distance(ev: Event) -> int:
        if published is None:
            return {"day": 0, "month": 1}.get(ev.granularity, 2)
        d = value_to_date(ev.date.split("/")[0])
        return abs((d - published).days) if d is not None else 1 << 30

    def wins(ev: Event, kept: Event) -> bool:
        if ev.granularity == kept.granularity == "day":
            if ev.fronted and not kept.written:
                return True
            if kept.fronted and not ev.written:
                return False
        return distance(ev) < distance(kept)

    def day_range(ev: Event) -> bool:
        return "/" in ev.date and ev.granularity == "day"

    out: list[Event] = []
    for run in _runs_apart(events):  # (a clause's clash is looked for among its neighbours only)
        kept: list[Event] = []
        for ev in run:
            c = ev.citation
            if day_range(ev):
                kept.append(ev)
                continue
            clash = next((i for i, k in enumerate(kept)
                          if not day_range(k) and k.citation.start < c.end and c.start < k.citation.end), None)
            if clash is None:
                kept.append(ev)
            elif wins(ev, kept[clash]):
                kept[clash] = ev
        out.extend(kept)
    return out


def _runs_apart(events: Sequence[Event]) -> list[list[Event]]:
    """``events`` cut, in their order, into runs such that every citation of a later run starts where
    or after every citation of an earlier run ends: no event overlaps one of an earlier run."""
    later_start = [0] * len(events)  # the first start of events[i:]
    lowest = 1 << 62
    for i in range(len(events) - 1, -1, -1):
        lowest = min(lowest, events[i].citation.start)
        later_start[i] = lowest
    runs: list[list[Event]] = [[]]
    end = -(1 << 62)
    for i, ev in enumerate(events):
        runs[-1].append(ev)
        end = max(end, ev.citation.end)
        if i + 1 < len(events) and later_start[i + 1] >= end:
            runs.append([])
    return runs


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 1}


def _similar(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b)) ** 0.5 / max(len(a), len(b)) ** 0.5


def _representative(members: Sequence[Event]) -> str:
    """The member text that reads on its own ("He said it began ..." does not, when another article
    tells the same event with its actor), then the one most like the others, then the shorter."""
    if len(members) == 1:
        return members[0].text
    ws = [_words(m.text) for m in members]
    alone = [not leans_on_context(m.text) for m in members]
    best = max(range(len(members)), key=lambda i: (alone[i], sum(_similar(ws[i], ws[j]) for j in range(len(ws)) if j != i),
                                                   -len(members[i].text)))
    return members[best].text


_Group = tuple[Event, set[str], list[Event]]


def _fold(groups: list[_Group], home_of: Callable[[_Group], "_Group | None"]) -> list[_Group]:
    """``groups`` with each one that ``home_of`` gives a home merged into it (members and words)."""
    out: list[_Group] = []
    for g in groups:
        home = home_of(g)
        if home is None:
            out.append(g)
        else:
            home[2].extend(g[2])
            home[1].update(g[1])
    return out


# a sentence that tells of a time before its own day ("resigned on Monday over the fire a week
# earlier") is a new event on its weekday, not the earlier one told again ("A week after the quake
# struck on Tuesday" still tells of the quake's Tuesday)
_ANOTHER_TIME = re.compile(r"\b(?:(?:a|an|one|two|three|four|five|six|several|few|\d+)\s+(?:days?|weeks?|months?)\s+"
                           r"(?:earlier|ago|before)|last\s+week|(?:the\s+)?(?:week|day)\s+before|previous\s+week)\b",
                           re.IGNORECASE)  # (not "officials said earlier")


def _earlier_weekday(g: _Group, on_date: dict[str, list[_Group]]) -> _Group | None:
    """An event dated only by a bare weekday, whole weeks after an event of the same words on that
    weekday, is that event: a follow-up published a week later still writes "the earthquake on
    Tuesday" for the Tuesday the first reports give, and is read as the Tuesday before its own date."""
    first, words, members = g
    d = value_to_date(first.date) if first.granularity == "day" and "/" not in first.date else None
    if d is None or not all(m.weekday for m in members) or _ANOTHER_TIME.search(first.text):
        return None
    for k in (1, 2, 3):
        if d.toordinal() <= 7 * k:
            return None  # no weeks before the first days of the calendar
        for h in on_date.get((d - timedelta(weeks=k)).isoformat(), ()):
            if h is not g and _similar(h[1], words) >= _SIMILAR and supports(h[0].text, first.text, 0.0):
                return h
    return None


def _finer_day(g: _Group, on_date: dict[str, list[_Group]]) -> _Group | None:
    """An event dated by its month or year alone, told in the same words as an event on a day of
    that month or year, is that event ("Anwar was fired in September" and "He was fired by Mahathir
    on Sept. 2"): one entry, on the day."""
    first, words, _ = g
    if first.granularity not in ("month", "year") or "/" in first.date:
        return None
    home, best = None, _SIMILAR
    for key, hs in on_date.items():
        if not key.startswith(first.date + "-") or "/" in key:
            continue
        for h in hs:
            sim = _similar(h[1], words)
            if h is not g and sim >= best and supports(h[0].text, first.text, 0.0):
                home, best = h, sim
    return home


MAX_EVERY = 30  # a small story's timeline lists every event up to this many, else is summarised


def _sort_key(entry: TimelineEntry) -> tuple[date, int]:
    d = value_to_date(entry.date) or date.min
    return d, {"year": 0, "month": 1, "day": 2}.get(entry.granularity, 3)


def _check_size(name: str, value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ValueError(f"timeline: {name} must be a positive whole number or None, not {value!r}")


def timeline(articles: Sequence[Article], *, max_dates: int | None = None,
             per_date: int | None = None, reader: bool = False, template_out: bool = False,
             analyses: Mapping[str, AnalyzedArticle] | None = None) -> list[TimelineEntry]:
    """Dated events of one story, oldest first, duplicates across articles merged with all their
    citations. Articles without a date get an inferred one first.

    With ``max_dates`` and/or ``per_date`` the timeline is a summary: the ``max_dates`` most
    important days (all when None), each with at most ``per_date`` sentences (2 when None), the
    most central first, none repeating another. Without them a story of more than
    ``SMALL_STORY`` articles gets a summary sized by ``auto_size``; a smaller one every event,
    its ``importance`` the share of the articles that report it and its background kept short
    (``MAX_BACKGROUND``), or, past ``MAX_EVERY`` events,
    a summary of ``MAX_EVERY / 4`` days, two sentences each. ``reader`` (a reader's brief): a summary
    dates an article's lead sentence that names another day on that day only (``summarize_timeline``).
    Lines of the pages' template (``template.without_template``) tell no event (``template_out``: the
    caller has blanked them already). ``analyses`` (article id -> its analysis): the timexes of an
    article are not tagged again where its analysis read the same text (``_timexes_as_read``)."""
    _check_size("max_dates", max_dates)
    _check_size("per_date", per_date)
    arts = [a for a in articles if isinstance(a, Article)]
    arts = with_inferred_dates(arts if template_out else without_template(arts)[0])
    if max_dates is None and per_date is None:
        size = auto_size(len(arts))
        if size is not None:
            return summarize_timeline(arts, *size, reader=reader)
        every = _every_event(arts, analyses)
        if len(every) <= MAX_EVERY:
            return _brief_background(every, arts)
        # a small story that tells of too many days to scan (live pages, background pieces): its
        # weightiest days, as a long story gets them
        return summarize_timeline(arts, MAX_EVERY // (2 * DEFAULT_PER_DATE), DEFAULT_PER_DATE, reader=reader)
    return summarize_timeline(arts, max_dates, per_date if per_date is not None else DEFAULT_PER_DATE,
                              reader=reader)


MAX_BACKGROUND = 6      # a small story's timeline keeps this many entries of its background
BACKGROUND_DAYS = 60    # an event this long before the story's first article is background
BACKGROUND_PER_DATE = 2


def _brief_background(entries: list[TimelineEntry], arts: Sequence[Article]) -> list[TimelineEntry]:
    """A small story's timeline with its background kept short: of the events dated more than
    ``BACKGROUND_DAYS`` before its first article ("in 1994", "four years ago": the Republican
    revolution behind a 1998 speakership fight), the ``MAX_BACKGROUND`` that most of its articles
    tell, at most ``BACKGROUND_PER_DATE`` of one date, those that read on their own first ("It
    happened in 1959." does not); the story's own days are all kept. A story whose articles have no
    date is taken to happen around the latest day they name."""
    first = min((a.published for a in arts if a.published is not None), default=None)
    if first is None:  # the latest day named (not a year: "sea levels will rise by 2050")
        first = max((d for e in entries if e.granularity == "day" and (d := value_to_date(e.date)) is not None),
                    default=None)
    if first is None or first.toordinal() <= BACKGROUND_DAYS:
        return entries  # no background before the first days of the calendar
    cutoff = first - timedelta(days=BACKGROUND_DAYS)
    background = [e for e in entries if (_period_end(e) or first) < cutoff]
    if len(background) <= MAX_BACKGROUND:
        return entries
    kept: list[TimelineEntry] = []
    per_date: dict[str, int] = {}
    for e in sorted(background, key=lambda e: (leans_on_context(e.text), -e.importance, -len(e.citations), _sort_key(e))):
        if len(kept) < MAX_BACKGROUND and per_date.get(e.date, 0) < BACKGROUND_PER_DATE:
            kept.append(e)
            per_date[e.date] = per_date.get(e.date, 0) + 1
    drop = {id(e) for e in background} - {id(e) for e in kept}
    return [e for e in entries if id(e) not in drop]


def _period_end(entry: TimelineEntry) -> date | None:
    """The last day of an entry's date: Dec. 31 of a year, the month's last day, the day itself."""
    d = value_to_date(entry.date)
    if d is None:
        return None
    if entry.granularity == "year":
        return date(d.year, 12, 31)
    if entry.granularity == "month":
        return d.replace(day=calendar.monthrange(d.year, d.month)[1])
    return d


def _timexes_as_read(article: Article, analysis: AnalyzedArticle | None) -> Sequence[Timex] | None:
    """The timexes of ``analysis`` when it read ``article``'s text as it stands and anchored them at the
    same day (tagging the text again gives them again), else None: not those of a page whose template
    lines have been blanked since, nor of one dated since."""
    if analysis is None or analysis.article.text != article.text \
            or reference_date(analysis.article) != reference_date(article):
        return None
    return analysis.timexes


def _every_event(arts: Sequence[Article], analyses: Mapping[str, AnalyzedArticle] | None = None
                 ) -> list[TimelineEntry]:
    """Every dated event of ``arts`` (dated where they can be), oldest first; the timexes of an
    analysis in ``analyses`` that read the same text are not tagged again."""
    events: list[Event] = []
    personal = personal_pages(arts)  # readers' comments, a diary: no event of the story
    for k, a in enumerate(arts):
        if k in personal:
            continue
        try:
            events.extend(dated_events(a, _timexes_as_read(a, (analyses or {}).get(a.id))))
        except (ValueError, TypeError, AttributeError, IndexError) as exc:  # a bad article never fails the story
            _log.warning("timeline: article %s skipped: %s", a.id, exc)
    groups: list[tuple[Event, set[str], list[Event]]] = []
    on_date: dict[str, list[tuple[Event, set[str], list[Event]]]] = {}  # only a date's groups are compared
    for ev in sorted(events, key=lambda e: (e.published is None, e.published or date.min)):
        words = _words(ev.text)
        home = None
        for g in on_date.get(ev.date, ()):
            if _similar(g[1], words) >= _SIMILAR and supports(g[0].text, ev.text, 0.0):
                home = g
                break
        if home is None:
            groups.append((ev, words, [ev]))
            on_date.setdefault(ev.date, []).append(groups[-1])
        else:
            home[2].append(ev)
            home[1].update(words)
    groups = _fold(groups, lambda g: _earlier_weekday(g, on_date))
    groups = _fold(groups, lambda g: _finer_day(g, on_date))
    out: list[TimelineEntry] = []
    for first, _, members in groups:
        text = _representative([m for m in members if m.date == first.date] or members)  # the day's own words
        cites: list[Citation] = []
        seen: set[tuple[str, int, int]] = set()
        shown = _words(text)
        for m in members:
            key = (m.citation.article_id, m.citation.start, m.citation.end)
            if key not in seen and (m.text == text or supports(text, m.text, _SHARED)
                                    or _similar(shown, _words(m.text)) >= _CLOSE):
                seen.add(key)
                cites.append(m.citation)
        share = len({c.article_id for c in cites}) / max(1, len(arts))
        out.append(TimelineEntry(date=first.date, granularity=first.granularity, text=text, citations=tuple(cites),
                                 importance=round(share, 6)))
    out.sort(key=_sort_key)
    return out
