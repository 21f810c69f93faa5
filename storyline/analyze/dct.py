"""Publication dates (DCT) for articles that do not carry one.

An undated article still dates itself: "Kim arrived in Beijing Tuesday ... visiting the country
Jan. 7-10" says the article was written on the Tuesday that falls in Jan. 7-10. The year comes
from the other articles of the story (their publication dates), else from the article's own
fully specified dates. The inferred date is marked ``published_inferred=True``. A page a crawler
captured (``meta["captured"]``, a WARC-Date or a saved page's date) was published on or before its
capture: no later day is its date, and when nothing else dates it the capture does, as a last
resort noted ``meta["dated_by"] = "capture"``.

The method, for a candidate day D near the reference date R:
- every weekday the article reports in the past should fall on or shortly before D, every weekday
  it announces in the future shortly after D (D makes the named days most recent);
- a weekday is worth most when it lands on a calendar day the article names ("Jan. 7-10");
- among equals, the D closest to R wins.

Before the story: a date the article's own web address carries ("/2010/05/05/", "/20070503/") is
its date. And the story's date does not overrule the article's own dates: when none of the days it
names lies within weeks of the story's date (a "Saturday December 13 2008" in a story of May 2010),
the article is of another time; it is dated from its own evidence when that ties (a weekday on a day
it writes with that weekday), else not at all. Such an article shows the story mixes two times, and
there the story's date is an undated article's only when a day it names confirms it or it names the
people and places of the dated articles rather than the other time's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

from ..records import Article
from .timex import MONTHS, WEEKDAYS, Timex, _sent_bounds, _tense, tag_timexes

__all__ = ["DctEvidence", "dateline_day", "dct_evidence", "infer_dct", "reference_date", "url_date",
           "with_inferred_dates"]

# a wire dateline that names the day of writing: "OTTAWA, August 27 (Xinhua) --", "PARIS, Aug. 15 (AFP) -"
_DATELINE_DAY = re.compile(r"\s*[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30})?,\s+"
                           r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})"
                           r"\s*(?:\(|--|—|-|_)")


def dateline_day(text: str, published: date | None) -> date | None:
    """The day a wire dateline names when it is one to three days before ``published`` (the agency
    wrote the story a day before the paper's date, in its own time zone): "OTTAWA, August 27
    (Xinhua) --" in an Aug. 28 item. None otherwise."""
    m = _DATELINE_DAY.match(text or "", 0, 160)
    if m is None or published is None:
        return None
    try:
        day = date(published.year, MONTHS[m.group(1).lower()[:3]], int(m.group(2)))
    except ValueError:
        return None
    if day > published:
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:
            return None
    return day if 0 < (published - day).days <= 3 else None


# the date a news site writes into an article's address: "/2010/05/05/", "/2013/3/8/", "/2010-05-05-",
# "/2009/0428-", "/20070503/", "-20100505-", "/2013/aug/02/"; (a year, a month and a day that are no
# part of a longer number)
_URL_YMD = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})([/_.-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12][0-9]|3[01])(?![0-9])")
_URL_Y_MD = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})/(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![0-9])")
_URL_COMPACT = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?![0-9])")
_URL_MONTH_NAME = re.compile(r"(?<![0-9a-z])((?:19|20)[0-9]{2})[/_-]"
                             r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[/_-]"
                             r"(0?[1-9]|[12][0-9]|3[01])(?![0-9])", re.IGNORECASE)
_URL_EARLIEST = date(1994, 1, 1)  # before news sites had addresses of their own


def url_date(url: str | None, today: date | None = None) -> date | None:
    """The publication date a news site wrote into ``url``'s path ("/2010/05/05/", "/20070503/",
    "/2010-05-05-...", "/2013/aug/02/"); None when it has none, when its dates disagree, when it is
    a blog's archive of a month ("/2005_05_01_archive.html") or when the day is not a day a news
    page can have (before 1994, after tomorrow)."""
    if not url or not isinstance(url, str):
        return None
    try:
        path = urlsplit(url.strip()).path if "://" in url else url
    except ValueError:
        return None
    found: set[date] = set()
    for rx, month_of in ((_URL_YMD, None), (_URL_Y_MD, None), (_URL_COMPACT, None), (_URL_MONTH_NAME, MONTHS)):
        for m in rx.finditer(path):
            if rx is _URL_YMD and m.group(2) == "/" and re.match(r"[A-Za-z-]", path[m.end():m.end() + 1]):
                continue  # "/2013/08/5-reasons-to-...": a month's folder and a title that opens on a number
            if re.match(r"[_-]?archive", path[m.end():m.end() + 9], re.IGNORECASE):
                continue  # "/2005_05_01_archive.html": a blog's archive of a month, from its first day
            last = m.lastindex or 0  # every pattern's day is its last group that took part
            y, mo, d = m.group(1), m.group(last - 1), m.group(last)
            try:
                month = month_of[mo.lower()[:3] if mo.lower() != "sept" else "sep"] if month_of else int(mo)
                found.add(date(int(y), month, int(d)))
            except (KeyError, ValueError):
                continue
    if len(found) != 1:
        return None
    (day,) = found
    latest = (today or date.today()) + timedelta(days=1)
    return day if _URL_EARLIEST <= day <= latest else None


def reference_date(article: Article) -> date | None:
    """The day an article's relative dates ("today", "on Tuesday") count from: the day its dateline
    names ("OTTAWA, August 27 (Xinhua)" in an Aug. 28 item), else its publication date."""
    return dateline_day(article.text, article.published) or article.published


@dataclasses.dataclass(frozen=True, slots=True)
class DctEvidence:
    """What an article says about its own date, read with no DCT."""

    full_dates: tuple[date, ...]
    month_days: tuple[tuple[int, int], ...]  # (month, day), year not given; ranges expanded
    weekdays: tuple[int, ...]  # ISO weekday numbers, in text order, one per mention
    years: tuple[int, ...]
    tenses: tuple[int, ...] = ()  # per weekday mention: -1 past, +1 future, 0 unknown
    weekday_dates: tuple[date, ...] = ()  # full dates written with their weekday ("Sunday, April 29, 2018")
    full_tenses: tuple[int, ...] = ()  # per full date: -1 past, +1 future ("will be held on ..."), 0 unknown
    md_tenses: tuple[int, ...] = ()  # per month-day, the same


@lru_cache(maxsize=2048)
def dct_evidence(text: str) -> DctEvidence:
    full: list[date] = []
    md: list[tuple[int, int]] = []
    wds: list[int] = []
    tenses: list[int] = []
    years: list[int] = []
    weekday_dates: list[date] = []
    full_tenses: list[int] = []
    md_tenses: list[int] = []

    def tense(t: Timex) -> int:
        lo, hi = _sent_bounds(text, t.start)
        return _tense(text, t.start, t.end, lo, hi)

    for t in tag_timexes(text, None):
        v = t.value
        wd = next((WEEKDAYS[w] for w in re.split(r"[\s,.']+", t.text.lower()) if w in WEEKDAYS), None)
        if wd is not None and t.type in ("DATE", "TIME") and v.startswith("XXXX-"):
            wds.append(wd)  # "Tuesday", and "Saturday, June 4" (whose day is then named too)
            tenses.append(tense(t))
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", v)
        if m:
            try:
                full.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                continue
            full_tenses.append(tense(t))
            if wd is not None and full[-1].isoweekday() == wd:
                weekday_dates.append(full[-1])
            continue
        m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", v)
        if m:
            mo, d1 = int(m.group(1)), int(m.group(2))
            d2 = d1
            if t.range_end:
                r = re.fullmatch(r"XXXX-\d\d-(\d\d)", t.range_end)
                if r:
                    d2 = int(r.group(1))
            days = range(d1, min(d2, 31) + 1)
            md.extend((mo, d) for d in days)
            md_tenses.extend([tense(t)] * len(days))
            continue
        m = re.fullmatch(r"(\d{4})(?:-\d\d)?", v)
        if m:
            years.append(int(m.group(1)))
    return DctEvidence(tuple(full), tuple(md), tuple(wds), tuple(years), tuple(tenses), tuple(weekday_dates),
                       tuple(full_tenses), tuple(md_tenses))


def _resolve_md(md: Iterable[tuple[int, int]], ref: date, tense: int = 0) -> set[date]:
    """Each (month, day) in the year that puts it nearest ``ref``; told as past (``tense`` -1), on or
    before ``ref``; told as coming (+1), on or after it."""
    out: set[date] = set()
    for mo, d in md:
        best = None
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                c = date(y, mo, d)
            except ValueError:
                continue
            if (tense < 0 and c > ref) or (tense > 0 and c < ref):
                continue
            if best is None or abs((c - ref).days) < abs((best - ref).days):
                best = c
        if best is not None:
            out.add(best)
    return out


def _days(start: date, offsets: Iterable[int]) -> list[date]:
    """``start`` shifted by each offset, leaving out the shifts past date.min or date.max."""
    out = []
    for k in offsets:
        try:
            out.append(start + timedelta(days=k))
        except OverflowError:
            continue
    return out


def infer_dct(article: Article, others: Sequence[Article] = (), *, mixed: bool = False) -> date | None:
    """The publication date of ``article`` (its own if it has one), inferred from its web address,
    its dates and weekdays and the publication dates of ``others`` (the rest of its story); None
    when nothing dates it. ``mixed``: the story is known to mix times (one of its articles is of
    another time than its dated ones), so their date is the article's only where a day it names
    confirms it."""
    if article.published is not None:
        return article.published
    try:
        ev = dct_evidence(article.text or "")
    except (ValueError, TypeError, AttributeError, OverflowError):  # a bad article never fails its batch
        return url_date(article.url)
    own = url_date(article.url)
    if own is not None and not _of_another_time(ev, own):
        # "/2010/05/05/": the site's own word, ahead of anything the story says (unless the article's
        # own days say it is of another time: an old text moved to a new address)
        return own
    dated = sorted(o.published for o in others if o.published is not None and o.id != article.id)
    captured = article.captured
    if dated:
        # (a page a crawler captured was up by then: the story's later days are not its own)
        ref = min(dated[len(dated) // 2], captured or date.max)
        if _of_another_time(ev, ref):
            # the article's own days disagree with the story's ("Saturday December 13 2008" in a story
            # of May 2010): the story does not date it; its own evidence may, else nothing does
            return _dated_alone(ev)
        named = _resolve_md(ev.month_days, ref) | set(ev.full_dates)
        if mixed and not any(abs((d - ref).days) <= _NEAR_DAYS for d in named):
            # a story of two times: an article that names none of its days may be of either
            return _dated_alone(ev)
        if not ev.weekdays:
            return ref
        return _best_day(ev, _days(ref, range(-21, 1 + min(21, _days_to(ref, captured)))), ref, named)[1]
    if captured is not None and ev.weekdays and not ev.weekday_dates:
        # a page a crawler captured (a web archive's record) was written on or before its capture:
        # its weekdays name the days before it ("on Tuesday" in a page captured on a Thursday)
        named = _resolve_md(ev.month_days, captured) | set(ev.full_dates)
        return _best_day(ev, _days(captured, range(-21, 1)), captured, named)[1]
    return _dated_alone(ev)


_NEAR_DAYS = 28  # a day the article names this close to the story's date: the story's time is its own


def _of_another_time(ev: DctEvidence, ref: date) -> bool:
    """Whether the days an article names say it is of another time than ``ref`` (its story's
    date): none of them lies within ``_NEAR_DAYS`` of it, and those that could be its news agree
    among themselves (within ``_NEAR_DAYS`` of one another) and are more than one date of
    background: a date written with its weekday ("Saturday December 13 2008"), or two days. A day
    after ``ref`` that is not told as past ("will be broadcast on Sunday, March 2, 2014") is a plan
    of the story's time; one date of its history ("was shot on Oct. 21, 2011", however often told)
    or dates of several times ("born on March 29, 1928 ... convicted on July 25, 1997") leave the
    story's date to it."""
    if any(abs((d - ref).days) <= _NEAR_DAYS for d in (*ev.full_dates, *_resolve_md(ev.month_days, ref))):
        return False
    named: list[tuple[date, int]] = list(zip(ev.full_dates, ev.full_tenses or (0,) * len(ev.full_dates)))
    for md, t in zip(ev.month_days, ev.md_tenses or (0,) * len(ev.month_days)):
        # (a day without its year told as past lies before the story's date; a tense is a hint only
        # for the year: "On October 1-2 Ashgabat hosts ..." is near whatever it says)
        named.extend((d, t) for d in _resolve_md((md,), ref, t))
    days = {d for d, t in named if d < ref or t < 0}
    if not days or (max(days) - min(days)).days > _NEAR_DAYS:
        return False
    return bool(days & set(ev.weekday_dates)) or len(days) >= 2


def _dated_alone(ev: DctEvidence) -> date | None:
    """The date an article gives itself with no other date to go by: the day one of its weekdays
    makes of a date it writes with that weekday; None when it ties none."""
    if not ev.weekday_dates or not ev.weekdays:
        # an article's own dates alone (history, maturities, plans) do not date it reliably
        return None
    # alone: the article must tie one of its weekdays to a date it writes with that weekday ("Sunday,
    # April 29, 2018", a caption's day ... "on Sunday"); a bare weekday that lands on a date of its
    # history by chance ("filed on Friday" ... "published on July 22, 2016", a Friday) does not
    best: tuple[float, date] | None = None
    for f in sorted(set(ev.weekday_dates)):
        named = _resolve_md(ev.month_days, f) | set(ev.full_dates)
        cand = _best_day(ev, _days(f, range(8)), f, named)
        if cand[0] >= _TIED and (best is None or cand[0] > best[0]):
            best = cand
    return best[1] if best else None


_TIED = 5.0  # a score this high means some weekday landed on a day the article names


def _best_day(ev: DctEvidence, days: Sequence[date], ref: date, named: set[date]) -> tuple[float, date]:
    """The candidate day that makes the article's weekdays most recent (past) or nearest (future),
    with a bonus for each weekday that lands on a day the article names."""
    best: tuple[float, date] | None = None
    tenses = ev.tenses or (0,) * len(ev.weekdays)
    for d in days:
        score = -abs((d - ref).days) / 30.0
        for wd, tense in zip(ev.weekdays, tenses):
            try:
                if tense > 0:  # "will reopen on Thursday": the coming one
                    when = d + timedelta(days=(wd - d.isoweekday()) % 7)
                    score -= 0.5 * (when - d).days
                else:  # the days an article reports lie in the week before it
                    when = d - timedelta(days=(d.isoweekday() - wd) % 7)
                    score -= (d - when).days
            except OverflowError:  # the weekday falls past date.min or date.max
                score -= 7.0
                continue
            if when in named and tense <= 0:  # (a day told as coming is no day the article reports)
                score += 10.0
        if best is None or score > best[0]:
            best = (score, d)
    if best is None:  # no candidate day at all (cannot happen for a date within the calendar)
        return (float("-inf"), ref)
    return best


def _days_to(day: date, later: date | None) -> int:
    """How many days ``later`` is after ``day`` (a large number when there is no such day)."""
    return (later - day).days if later is not None else 1 << 20


def with_inferred_dates(articles: Sequence[Article]) -> list[Article]:
    """The articles, each without a publication date given one inferred from itself and the others
    (``published_inferred=True``); articles that nothing dates stay as they are.

    A story whose undated articles include one of another time than its dated ones (a "Saturday
    December 13 2008" among articles of May 2010) mixes two times: there an undated article that
    names no day near the dated ones' is dated from them only when it names the people and places
    they name rather than those of the other time's articles."""
    arts = list(articles)
    apart = _of_other_times(arts)
    names = [_names(a.text) for a in arts] if apart else []
    dated = [j for j, a in enumerate(arts) if a.published is not None]
    out: list[Article] = []
    for k, a in enumerate(arts):
        if a.published is not None:
            out.append(a)
            continue
        mixed = bool(apart) and (k in apart or not _named_like_dated(k, names, dated, apart))
        out.append(_inferred(a, [o for o in arts if o is not a], mixed=mixed))
    if all(a.published is None for a in arts) and any(a.published is not None for a in out):
        # a story of undated articles, one of which dates itself ("Sunday, April 29, 2018" ... "on
        # Sunday"): the others are dated from it, as from a story's published articles
        known = [a for a in out if a.published is not None]
        out = [a if a.published is not None else _inferred(a, known) for a in out]
    return [_dated_by_capture(a) for a in out]


def _dated_by_capture(article: Article) -> Article:
    """An article nothing else dates, dated by the day a crawler captured its page as a last resort
    (it was published on or before it), marked inferred and ``meta["dated_by"] = "capture"``; unless
    the days it names say it is of another time (an old page captured years later), or it has no
    capture date."""
    captured = article.captured
    if article.published is not None or captured is None:
        return article
    try:
        if _of_another_time(dct_evidence(article.text or ""), captured):
            return article
    except (ValueError, TypeError, AttributeError, OverflowError):
        return article
    return dataclasses.replace(article, published=captured, published_inferred=True,
                               meta={**article.meta, "dated_by": "capture"})


def _of_other_times(arts: Sequence[Article]) -> set[int]:
    """The positions of the undated articles of a story whose own days say they are of another time
    than its dated ones (``_of_another_time``); none when no article is dated."""
    dated = sorted(a.published for a in arts if a.published is not None)
    if not dated:
        return set()
    ref = dated[len(dated) // 2]
    out = set()
    for k, a in enumerate(arts):
        if a.published is None and url_date(a.url) is None:
            try:
                if _of_another_time(dct_evidence(a.text or ""), ref):
                    out.add(k)
            except (ValueError, TypeError, AttributeError, OverflowError):
                continue
    return out


_NAMES_CLOSER = 0.1  # how much closer to a dated article's names an undated one must be than to the other time's


def _named_like_dated(k: int, names: Sequence[frozenset[str]], dated: Iterable[int], apart: Iterable[int]) -> bool:
    """Whether the ``k``-th article names the people and places of the story's ``dated`` articles
    clearly more than those of its articles of another time (``apart``; positions both): the most
    alike of each, by the cosine of their sets of capitalised words (``names``, one per article)."""
    near = max((_cosine(names[k], names[j]) for j in dated if j != k), default=0.0)
    other = max((_cosine(names[k], names[j]) for j in apart if j != k), default=0.0)
    return near > other + _NAMES_CLOSER


_NO_NAMES = frozenset(w.capitalize() for w in (
    *WEEKDAYS, *MONTHS, *"""the this that these those and but for nor yet with after before when while where
    what who how why his her its our their they she there then some many most also however meanwhile""".split()))


def _names(text: str | None) -> frozenset[str]:
    """The capitalised words of ``text`` that it never writes in lower case (names, not a sentence's
    first word), less the days, the months and the words that open sentences."""
    text = text or ""
    lower = set(re.findall(r"\b[a-z]{3,}\b", text))
    return frozenset(w for w in re.findall(r"\b[A-Z][a-z]{2,}\b", text)
                     if w.lower() not in lower and w not in _NO_NAMES)


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / (len(a) * len(b)) ** 0.5 if a and b else 0.0


def _inferred(article: Article, others: Sequence[Article], mixed: bool = False) -> Article:
    """``article`` with the date ``infer_dct`` gives it from ``others`` (marked inferred), or as it is."""
    d = infer_dct(article, others, mixed=mixed)
    return dataclasses.replace(article, published=d, published_inferred=True) if d else article

