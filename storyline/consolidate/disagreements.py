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
     values outside them.
   - dates: the day an event happened ("derailed on Monday", "on March 9"; resolved against the
     article's publication date), when two reports put it on different days.
   - names: spelling variants of one person's name ("Kim Eui-keum"/"Kim Eui-kyeom",
     "Dariusz"/"Darius Kowalczyk") in the same role (every spelling introduced by a matching role
     word: "spokesman"/"spokesperson", "chief executive"), never two spellings in one article
     (that is two people: "Ivana"/"Ivanka Trump").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Sequence

from ..records import Article, Citation, ClaimValue, Disagreement
from .quotes import similar_names

__all__ = ["find_disagreements", "sentence_units", "number_claims", "Unit"]


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
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_NUMBER = re.compile(
    r"(?<![\w.,:/-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|(?:" + "|".join(sorted(list(_UNITS_WORDS) + list(_TENS), key=len, reverse=True)) +
    r")(?:-(?:" + "|".join(_UNITS_WORDS) + r"))?)"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion))?(?![\w:])", re.IGNORECASE)
_QUAL = re.compile(r"(?P<q>about|around|approximately|roughly|nearly|almost|some|more than|over|"
                   r"at least|fewer than|less than|under|up to|at most|an estimated)\s+$", re.IGNORECASE)
_NOUN_CLASS = {
    "people": "people residents persons inhabitants villagers evacuees passengers workers students "
              "civilians children adults families households homes houses",
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
    "killed": r"killed|dead\b|died|deaths?\b|death toll|fatalit\w*|lost their lives",
    "injured": r"injur\w*|hurt\b|wounded|hospitali[sz]ed|treated (?:at|in|for)|(?:taken|rushed|flown|admitted) to "
               r"(?:a |the )?(?:local |nearby )?hospitals?\b|in hospital\b",
    "missing": r"missing|unaccounted",
    "arrested": r"arrest\w*|detain\w*",
    "leaked": r"leak\w*|spill\w*",
    "cost": r"\bcosts?\b|compensation|damages?\b|losses\b",
}
# what a count of each kind of thing can tell: no "people leaked" ("1,000 people involved in efforts to
# stop oil leaking") nor "cars killed"
_MEASURE_AFTER = re.compile(r"[\s-]+(?:(?:more|other|long|short|full)\s+)?(?:seconds?|minutes?|hours?|nights?|days?|"
                            r"weeks?|months?|years?|decades?|miles?|kilometres?|kilometers?|km|metres?|meters?|"
                            r"feet|foot|inches|times)\b", re.IGNORECASE)
_EVENTS_OF = {"people": ("evacuated", "killed", "injured", "missing", "arrested"),
              "troops": ("evacuated", "killed", "injured", "missing", "arrested"),
              "cars": ("derailed", "leaked"), "vehicles": ("derailed", "leaked"), "money": ("cost",)}
_EVENT_RE = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _EVENTS.items()), re.IGNORECASE)
_SKIP_BEFORE = re.compile(r"(?:\bnot|\bno|['’]s|\bof the|\bNo\.|\bnumber|\$)\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|percent of the vote)", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$")


def _value(num: str, scale: str | None) -> float | None:
    s = num.lower().replace(",", "")
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


def _quantities(sentence: str) -> Iterable[tuple[re.Match[str], float]]:
    """The numbers of one sentence that state a quantity, with their values: years, days of a
    month ("March 10") and times of day ("7:40 p.m.") left out."""
    for m in _NUMBER.finditer(sentence):
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
    owner = {e: min(counting, key=lambda q: gap(e, q)).start() for e in events} if counting else {}
    out = []
    for m, value in quantities:
        before = sentence[:m.start()]
        after = sentence[m.end():]
        if _SKIP_BEFORE.search(before):
            continue
        noun_cls = _count_noun(after, before)
        if noun_cls is None:
            continue
        mine = [e for e in events if owner.get(e) == m.start() and e[2] in _EVENTS_OF.get(noun_cls, _EVENTS)]
        if not mine:
            continue
        ev = min(mine, key=lambda e: gap(e, m))
        if gap(ev, m) > 80:
            continue
        q = _QUAL.search(before)
        out.append(NumberClaim(slot=f"{noun_cls} {ev[2]}", value=value,
                               qualifier=q.group("q").lower() if q else "",
                               surface=sentence[q.start() if q else m.start():m.end()],
                               start=m.start(), end=m.end()))
    return out


def _count_noun(after: str, before: str) -> str | None:
    """The noun class a number counts: the first known noun within four words after it (skipping
    adjectives), or after 'of the' ("Fourteen of the train's 52 cars")."""
    words = re.findall(r"[%$€£]|[\w']+", after[:80])
    if before.rstrip().endswith(("$", "€", "£")):
        return "money"
    for i, w in enumerate(words[:5]):
        lw = w.lower()
        if lw in _NOUNS:
            return _NOUNS[lw]
        if lw in ("of", "the", "train's", "its", "their") and i < 4:
            continue
    return None


def _compatible(a: tuple[float, str], b: tuple[float, str]) -> bool:
    (va, qa), (vb, qb) = a, b
    lower = ("more than", "over", "at least")
    upper = ("fewer than", "less than", "under", "up to", "at most")
    if qa in lower:
        return vb >= va
    if qb in lower:
        return va >= vb
    if qa in upper:
        return vb <= va
    if qb in upper:
        return va <= vb
    return va == vb


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


def _resolve_day(m: re.Match[str], kind: str, published: date) -> date | None:
    if kind == "weekday":
        return _resolve_weekday(m.group("wd"), published)
    try:
        d = date(published.year, _MONTHS[m.group("mon").lower()[:3]], int(m.group("day")))
    except ValueError:
        return None
    # "Dec. 30" in an article published on Jan. 2 is last year's
    return d.replace(year=d.year - 1) if d > published + timedelta(days=2) else d


def _resolve_weekday(wd: str, published: date) -> date:
    delta = (published.weekday() - _WEEKDAYS.index(wd.lower())) % 7
    return published - timedelta(days=delta)


# --- names ----------------------------------------------------------------------------------------

_NAME_RE = re.compile(r"\b[A-Z][\w’'\-]*[a-z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*[a-z][\w’'\-]*){1,6}\b")
_ROLE_RE = re.compile(r"(?i:(spokes(?:wo)?man|spokesperson|president|chief executive|executive|governor|"
                      r"minister|leader|chief|mayor|director|chairman|chairwoman|analyst|secretary|"
                      r"commissioner|ambassador|senator|official|officer|manager|founder))"
                      r"\s+(?:[A-Z][\w’'\-]+\s+)*$")
_NOT_NAME = frozenset("the a an in on at of and but for to from with by as it he she they we this that "
                      "there when while after before north south east west new".split())
_PLACE_SUFFIX = ("n", "s", "an", "ese", "ian", "ans", "ns", "es", "ern")


def _names(sentence: str) -> Iterable[tuple[str, int, int, str | None]]:
    """Person-like names (2-4 capitalised words) with their offsets and a role word before them."""
    for m in _NAME_RE.finditer(sentence):
        words = [(w.start() + m.start(), w.end() + m.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
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
        role = _ROLE_RE.search(sentence[max(0, start - 60):start])
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

def _sources(cites: Sequence[Citation], by_id: dict[str, Article]) -> tuple[str, ...]:
    out: list[str] = []
    for c in cites:
        a = by_id.get(c.article_id)
        name = (a.source or a.title or a.id) if a else c.article_id
        if name not in out:
            out.append(name)
    return tuple(out)


def _numbers(units: Sequence[Unit], by_id: dict[str, Article]) -> list[Disagreement]:
    slots: dict[str, dict[tuple[float, str], list[tuple[Unit, NumberClaim]]]] = defaultdict(lambda: defaultdict(list))
    for u in units:
        for c in number_claims(u.text):
            key = (c.value, c.qualifier if c.qualifier in ("more than", "over", "at least", "fewer than",
                                                           "less than", "under", "up to", "at most") else "")
            slots[c.slot][key].append((u, c))
    out = []
    for slot, vals in slots.items():
        keys = list(vals)
        if len(keys) < 2 or all(_compatible(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]):
            continue
        values = []
        for key in sorted(keys, key=lambda k: (-len(vals[k]), k[0])):
            cites: list[Citation] = []
            for u, c in vals[key]:
                for a, s, _ in u.places:
                    cites.append(Citation(a.id, s + c.start, s + c.end, a.source))
            qual = vals[key][0][1].qualifier
            shown = f"{qual} {_fmt(key[0])}" if qual else _fmt(key[0])
            values.append(ClaimValue(value=shown, citations=tuple(cites), sources=_sources(cites, by_id)))
        reports = sum(len(v) for v in vals.values())
        arts = len({c.article_id for v in values for c in v.citations})
        out.append(Disagreement(slot=slot, values=tuple(values), kind="number",
                                note=f"{reports} distinct reports in {arts} articles (wire copies counted once)"))
    return out


def _dates(units: Sequence[Unit], by_id: dict[str, Article]) -> list[Disagreement]:
    slots: dict[str, dict[date, list[Citation]]] = defaultdict(lambda: defaultdict(list))
    told: dict[str, dict[date, list[frozenset[str]]]] = defaultdict(lambda: defaultdict(list))
    weekday_of: dict[str, set[date]] = defaultdict(set)  # the days read from a bare weekday
    for u in units:
        events = {m.lastgroup for m in _EVENT_RE.finditer(u.text)}
        # "the ministry said on Tuesday that 26 were hurt": Tuesday is the day of the statement
        days = [(m, k) for m, k in _day_mentions(u.text) if not _SAID_BEFORE.search(u.text[:m.start()])]
        if len(events) != 1 or len(days) != 1:
            continue  # only unambiguous sentences: one event, one day
        ev = events.pop()
        m, kind = days[0]
        for a, s, _ in u.places:
            if a.published is None or a.published_inferred:
                continue
            d = _resolve_day(m, kind, a.published)
            if d is not None:
                slots[f"date {ev}"][d].append(Citation(a.id, s + m.start(), s + m.end(), a.source))
                told[f"date {ev}"][d].append(_what(u.text[:m.start()] + u.text[m.end():]))
                if kind == "weekday":
                    weekday_of[f"date {ev}"].add(d)
    out = []
    for slot, vals in slots.items():
        _fold_later_weekdays(vals, told[slot], weekday_of[slot])
        if len(vals) < 2 or not _same_event(told[slot]):
            continue
        values = tuple(ClaimValue(value=d.isoformat(), citations=tuple(c), sources=_sources(c, by_id))
                       for d, c in sorted(vals.items()))
        out.append(Disagreement(slot=slot, values=values, kind="date",
                                note="weekdays resolved against each article's publication date"))
    return out


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
    for u in units:
        for name, s0, e0, role in _names(u.text):
            for a, s, _ in u.places:
                occ[name].append(Citation(a.id, s + s0, s + e0, a.source))
            if role:
                roles[name].append(role)
    blocks: dict[str, set[str]] = defaultdict(set)
    for name in occ:
        for w in name.split():
            if len(w) >= 3:
                blocks[w].add(name)
    pairs: set[tuple[str, str]] = set()
    for names in blocks.values():
        ns = sorted(names)
        for i, a in enumerate(ns):
            for b in ns[i + 1:]:
                # "Ki-moon" / "Ki-Moon": one spelling in two house styles of capitals, not a variant
                if a.lower() != b.lower() and similar_names(a, b) and not _place_variant(a, b):
                    pairs.add((a, b))
    # union the pairs into variant groups
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in sorted(pairs):  # in a fixed order: the same groups, in the same order, every run
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in parent:
        groups[find(n)].append(n)
    out = []
    for names in groups.values():
        if not any(roles.get(n) or n in speakers for n in names):
            continue
        # the same role for every spelling ("spokesperson"/"spokesman" count as one)
        role_sets = [{_ROLE_NORM.get(r, r) for r in roles.get(n, [])} for n in names]
        if not all(role_sets) or not set.intersection(*role_sets):
            continue
        arts = [{c.article_id for c in occ[n]} for n in names]
        if any(arts[i] & arts[j] for i in range(len(arts)) for j in range(i + 1, len(arts))):
            continue  # both spellings in one article: two people ("Ivana"/"Ivanka"), not a variant
        role_words = [r for n in names for r in roles.get(n, [])]
        role = max(sorted(set(role_words)), key=role_words.count) if role_words else "person"  # ties: a fixed one
        values = tuple(ClaimValue(value=n, citations=tuple(occ[n]), sources=_sources(occ[n], by_id))
                       for n in sorted(names, key=lambda n: (-len(occ[n]), n)))
        out.append(Disagreement(slot=f"name of the {role}", values=values, kind="name",
                                note="spelling variants of one name"))
    return out


MAX_VALUES = 4          # more competing values than this are several facts, not one disputed
MAX_RATIO = 10.0        # counts further apart than this count different things (60,000 dead vs 30)
MAX_DAYS_APART = 14     # disputed days of one event lie within this many days of each other
MAX_SPAN_DAYS = 30      # reports further apart than this tell of different events (a topic over years)


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
    return frozenset(w for w in content_stems(sentence) if w not in skip and not w.isdigit())


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
                    if a and b and len(a & b) >= share * min(len(a), len(b)):
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
            if owner.setdefault(c.article_id, k) != k:
                return False
    if d.kind == "number":
        nums = [n for n in (_number(v.value) for v in d.values) if n is not None]
        if nums and min(nums) > 0 and max(nums) / min(nums) > MAX_RATIO:
            return False
    else:
        days = [date.fromisoformat(v.value) for v in d.values]
        if (max(days) - min(days)).days > MAX_DAYS_APART:
            return False
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
    for step in (_numbers, _dates):
        try:
            out.extend(step(units, by_id))
        except Exception:  # one bad slot never loses the others
            continue
    try:
        out.extend(_spellings(units, by_id, set(speakers)))
    except Exception:
        pass
    out = [d for d in out if d.kind not in ("number", "date") or one_fact(d, by_id)]
    kinds = {"number": 0, "date": 1, "name": 2}
    out.sort(key=lambda d: (kinds.get(d.kind, 3), -sum(len(v.citations) for v in d.values), d.slot))
    return out
