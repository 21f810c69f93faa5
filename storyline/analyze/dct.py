"""Publication dates (DCT) for articles that do not carry one.

An undated article still dates itself: "Kim arrived in Beijing Tuesday ... visiting the country
Jan. 7-10" says the article was written on the Tuesday that falls in Jan. 7-10. The year comes
from the other articles of the story (their publication dates), else from the article's own
fully specified dates. The inferred date is marked ``published_inferred=True``.

The method, for a candidate day D near the reference date R:
- every weekday the article reports in the past should fall on or shortly before D, every weekday
  it announces in the future shortly after D (D makes the named days most recent);
- a weekday is worth most when it lands on a calendar day the article names ("Jan. 7-10");
- among equals, the D closest to R wins.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from ..records import Article
from .timex import MONTHS, WEEKDAYS, _sent_bounds, _tense, tag_timexes

__all__ = ["DctEvidence", "dateline_day", "dct_evidence", "infer_dct", "reference_date", "with_inferred_dates"]

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


def dct_evidence(text: str) -> DctEvidence:
    full: list[date] = []
    md: list[tuple[int, int]] = []
    wds: list[int] = []
    tenses: list[int] = []
    years: list[int] = []
    weekday_dates: list[date] = []
    for t in tag_timexes(text, None):
        v = t.value
        wd = next((WEEKDAYS[w] for w in re.split(r"[\s,.']+", t.text.lower()) if w in WEEKDAYS), None)
        if wd is not None and t.type in ("DATE", "TIME") and v.startswith("XXXX-"):
            wds.append(wd)  # "Tuesday", and "Saturday, June 4" (whose day is then named too)
            lo, hi = _sent_bounds(text, t.start)
            tenses.append(_tense(text, t.start, t.end, lo, hi))
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", v)
        if m:
            try:
                full.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                continue
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
            md.extend((mo, d) for d in range(d1, min(d2, 31) + 1))
            continue
        m = re.fullmatch(r"(\d{4})(?:-\d\d)?", v)
        if m:
            years.append(int(m.group(1)))
    return DctEvidence(tuple(full), tuple(md), tuple(wds), tuple(years), tuple(tenses), tuple(weekday_dates))


def _resolve_md(md: Iterable[tuple[int, int]], ref: date) -> set[date]:
    out: set[date] = set()
    for mo, d in md:
        best = None
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                c = date(y, mo, d)
            except ValueError:
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


def infer_dct(article: Article, others: Sequence[Article] = ()) -> date | None:
    """The publication date of ``article`` (its own if it has one), inferred from its dates and
    weekdays and from the publication dates of ``others`` (the rest of its story); None when
    nothing dates it."""
    if article.published is not None:
        return article.published
    try:
        ev = dct_evidence(article.text or "")
    except (ValueError, TypeError, AttributeError, OverflowError):  # a bad article never fails its batch
        return None
    dated = sorted(o.published for o in others if o.published is not None and o.id != article.id)
    if dated:
        ref = dated[len(dated) // 2]
        named = _resolve_md(ev.month_days, ref) | set(ev.full_dates)
        if not ev.weekdays:
            return ref
        return _best_day(ev, _days(ref, range(-21, 22)), ref, named)[1]
    captured = _captured(article)
    if captured is not None and ev.weekdays and not ev.weekday_dates:
        # a page a crawler captured (a web archive's record) was written on or before its capture:
        # its weekdays name the days before it ("on Tuesday" in a page captured on a Thursday)
        named = _resolve_md(ev.month_days, captured) | set(ev.full_dates)
        return _best_day(ev, _days(captured, range(-21, 1)), captured, named)[1]
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


def _captured(article: Article) -> date | None:
    """The day a crawler captured the article's page (``meta["captured"]``, a WARC-Date), if known."""
    try:
        return date.fromisoformat(str(article.meta.get("captured") or "")[:10])
    except ValueError:
        return None


def with_inferred_dates(articles: Sequence[Article]) -> list[Article]:
    """The articles, each without a publication date given one inferred from itself and the others
    (``published_inferred=True``); articles that nothing dates stay as they are."""
    arts = list(articles)
    out: list[Article] = []
    for a in arts:
        if a.published is not None:
            out.append(a)
            continue
        out.append(_inferred(a, [o for o in arts if o is not a]))
    if all(a.published is None for a in arts) and any(a.published is not None for a in out):
        # a story of undated articles, one of which dates itself ("Sunday, April 29, 2018" ... "on
        # Sunday"): the others are dated from it, as from a story's published articles
        known = [a for a in out if a.published is not None]
        out = [a if a.published is not None else _inferred(a, known) for a in out]
    return out


def _inferred(article: Article, others: Sequence[Article]) -> Article:
    """``article`` with the date ``infer_dct`` gives it from ``others`` (marked inferred), or as it is."""
    d = infer_dct(article, others)
    return dataclasses.replace(article, published=d, published_inferred=True) if d else article

