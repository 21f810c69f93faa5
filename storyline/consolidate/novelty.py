"""What the latest articles of a story added: their sentences not redundant with what it already had.

``new_since(articles, new_ids)`` looks at the sentences of each new article (in date order, compared with
all the earlier articles and with the new articles before it) and keeps those whose words are not already
carried by a sentence of the earlier articles: the cosine of word counts is below ``redundancy`` and under
``contained`` of the sentence's words sit in one earlier sentence ("Residents were allowed home the same
morning" after "Residents were allowed back into their homes on Wednesday morning..."). Only sentences
that stand on their own count (no question, no "He said..." or "But..." opener, no "Here is what we
know..." header), and the ones with the most words the story had not used yet come first. Each kept
sentence is cited to its own words. Near-duplicates thus add nothing, and an update adds its new
paragraph.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date
from typing import Iterable, Sequence

from ..analyze.sentences import report_sentences, split_sentences
from ..analyze.timex import MONTHS, WEEKDAY_NAMES, WEEKDAYS, live_stamp_end
from ..records import Article, Citation, NewSince, SummarySentence
from .timeline import past_page_stamp
from .summary_text import (caption_like, content_stems, cut_off, is_candidate_shape, is_dangling, is_furniture, leans_back,
                           lower_cased_page, lower_page_caption, lower_page_open_end, sentence_case, trim_span)

__all__ = ["latest_lead", "new_since", "redundant_with"]

_WORD = re.compile(r"\w[\w'’-]*")
_STOP = frozenset("the a an of to in and or for on at by with from as is was are were be been has have had it its "
                  "that this he she they his her their said says will would not but".split())
_FAR = date(9999, 12, 31)
_META = re.compile(r"^(?:here(?:'s| is| are)|what we know|this is|the latest|read more|watch|update:)", re.I)


def _word(t: str) -> str:
    w = t.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w  # "homes" -> "home"


def _bag(text: str) -> Counter[str]:
    return Counter(w for w in (_word(t) for t in _WORD.findall(text)) if w not in _STOP)


def _stands_alone(text: str) -> bool:
    return is_candidate_shape(text) and not is_dangling(text) and not _META.match(text.strip())


def _cos(a: Counter[str], b: Counter[str], na: float, nb: float) -> float:
    if not na or not nb:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0) for k, v in a.items()) / (na * nb)


def _norm(c: Counter[str]) -> float:
    return math.sqrt(sum(v * v for v in c.values()))


def redundant_with(a: str, b: str, redundancy: float = 0.5) -> bool:
    """Whether two sentences tell the same: the cosine of their word counts reaches ``redundancy``."""
    ba, bb = _bag(a), _bag(b)
    return _cos(ba, bb, _norm(ba), _norm(bb)) >= redundancy


class _Known:
    """The sentences a story already carries, indexed by word so that a sentence is compared only
    with the known sentences that share a word with it."""

    def __init__(self, redundancy: float, contained: float) -> None:
        self.redundancy, self.contained = redundancy, contained
        self.bags: list[tuple[Counter[str], float, set[str]]] = []
        self.postings: dict[str, list[int]] = {}

    def add(self, bag: Counter[str]) -> None:
        i = len(self.bags)
        self.bags.append((bag, _norm(bag), _figures(bag)))
        for w in bag:
            self.postings.setdefault(w, []).append(i)

    def carries(self, bag: Counter[str]) -> bool:
        nb = _norm(bag)
        seen: set[int] = set()
        figures = _figures(bag)
        for w in bag:
            for i in self.postings.get(w, ()):
                if i in seen:
                    continue
                seen.add(i)
                kb, kn, known = self.bags[i]
                if figures and known and not figures & known:
                    continue  # "has killed 120 people" after "has killed 45 people": the figure changed
                if _cos(bag, kb, nb, kn) >= self.redundancy:
                    return True
                if sum(min(v, kb.get(k, 0)) for k, v in bag.items()) >= self.contained * sum(bag.values()):
                    return True
        return False


def _figures(words: Iterable[str]) -> set[str]:
    """The figures among a sentence's (or a story's) words ("120", "1,500")."""
    return {w.replace(",", "") for w in words if w[:1].isdigit()}   # ("1,500" is "1500")


def _known(articles: Sequence[Article], skip: set[str], redundancy: float, contained: float) -> _Known:
    known = _Known(redundancy, contained)
    for a in articles:
        if a.id not in skip:
            for s in split_sentences(a.text, a.id, a.lang):
                known.add(_bag(a.text[s.start:s.end]))
    return known


def new_since(articles: Sequence[Article], new_ids: Iterable[str], *, redundancy: float = 0.5,
              contained: float = 0.7, max_sentences: int = 3, min_words: int = 6) -> tuple[NewSince, ...]:
    """For each new article of a story (``new_ids``, in date order), up to ``max_sentences`` of its
    sentences that the story did not already carry, each cited. Articles that add nothing are left out."""
    wanted = set(new_ids)
    if not wanted:
        return ()
    order = sorted(articles, key=lambda a: (a.published or _FAR, a.id))
    known = _known(order, wanted, redundancy, contained)  # what the story already had
    out: list[NewSince] = []
    for a in order:  # then each new article, after the new ones before it
        if a.id not in wanted:
            continue
        vocab = set(known.postings)
        known_figures = _figures(vocab)
        picked: list[tuple[bool, bool, int, int, SummarySentence]] = []
        lower_page: bool | None = None  # (asked once, of an article with something to show)
        text_end = len(a.text.rstrip())
        for k, s in enumerate(report_sentences(a)):
            start = past_page_stamp(a.text, s.start, s.end)  # "Page last updated at ... (an error occurred ...)"
            start = live_stamp_end(a.text, start, s.end)  # a live page's entry time ("2050 Preval tells ...")
            end = s.end
            if cut_off(a.text[start:end], end, text_end):
                # a truncated page's last sentence is read up to its first whole sentence, or not at all
                # ("... to leave behind her home, which sits": the page's words stop there)
                end = start + _whole_part(a.text[start:end], min_words)
            text = a.text[start:end]
            bag = _bag(text)
            new = not known.carries(bag)
            if new:
                # shown without its dateline ("PARIS (AP) -- ", "HARARE, May 4 (Xinhua) -- "), the page's words,
                # not news (the sentence is read whole, as before: its words new to the story are its own)
                shown = start + trim_span(text, lead=k == 0, attributions=False)[0]
                lower_page = lower_cased_page(a.text) if lower_page is None else lower_page
                # a lower-case page's matter, as the reader's brief trims it: its dateline ("New york ( reuters ) -
                # the ..."), an advertisement's label, a photo's credit or teaser ("Velk has apologized... (associated
                # press) in a statement ...")
                # (past a credit the dateline trimmed too: "( photo: bo dorn/staff ) velm – a former ...")
                lower = lower_page_open_end(text, lead=k == 0) if lower_page else 0
                shown = max(shown, start + lower)
                # a sentence's shape is that of what is shown past such matter ("( bo dorn/the velm post ) divers
                # found ..." is news, "... ( associated press ) it sank." too short to be)
                trimmed = lower_page and shown > start
                seen = sentence_case(a.text[shown:end]) if trimmed else text
                # a lower-case page's photo caption ("File - in this aug. 14 file image, ...", one a credit in brackets
                # follows) is no news
                new = len(seen.split()) >= min_words and _stands_alone(seen) \
                    and not (_PAGE_MATTER.search(seen) or is_furniture(seen)) \
                    and not (lower_page and lower_page_caption(a.text[shown:end], a.text, end))
            if new:
                cite = Citation(a.id, shown, end, a.source)
                fresh = sum(1 for w in bag if w not in vocab)
                # on the story's subject: at least two of its words the story already used
                on_topic = sum(1 for w in bag if w in vocab and not w[:1].isdigit()) >= 2
                figures = sum(2 for w in _figures(bag) if w not in known_figures)   # a new figure is news
                # a hard-news lead the story did not carry is the article's news ("... were sentenced
                # on Monday"): it comes before background paragraphs richer in new words
                lead = not picked and k < 2 and bool(_NEWS_DAY.search(text))
                shown_text = seen if trimmed else a.text[shown:end]
                picked.append((on_topic and lead, on_topic, fresh + figures, k, SummarySentence(
                    text=shown_text, citations=(cite,), article_id=a.id, start=shown, end=end)))
            known.add(bag)
        # the sentences on the story's subject with the most words (and figures) new to it, shown in the
        # article's order ("The Darkness of Wallis Simpson ..." in a story of an uprising: new words, no news)
        best = sorted(sorted(picked, key=lambda p: (not p[0], not p[1], -p[2], p[3]))[:max_sentences],
                      key=lambda p: p[3])
        added = [p[4] for p in best]
        if added:
            out.append(NewSince(article_id=a.id, added=tuple(added)))
    return tuple(out)


# a sentence's end inside a truncated page's run-on last sentence ("... in the lancaster area. "it takes a
# dangerous ..."): a final mark after a word of three letters or more, any closing quotes, and a space
_INNER_STOP = re.compile(r"(?<![\w.'’-])([a-z]{3,})[.!?][\"”’')]*(?=\s)", re.IGNORECASE)
# short forms that a dot closes inside a sentence ("aug. 11", "Rev. Ola Velk", "Velm Corp. said", "Tampa, Fla.
# on Monday"): a month's or a weekday's short form, a title's, a company's, a US state's; not a whole word
# that ends many a sentence ("... on Monday.", "... in May.", "... said the mayor.")
_DAYS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_SHORT_FORMS = frozenset(w for w in _DAYS if any(f != w and f.startswith(w) for f in _DAYS)) | frozenset("""
    mrs sen rep gov gen col capt prof rev sgt maj cpl pvt pfc spc atty supt insp brig cmdr adm msgr amb
    inc corp ltd bros est dept univ assn ave blvd ala ariz ark calif colo conn fla kan mich minn neb nev okla
    tenn tex wis wyo""".split())


def _whole_part(text: str, min_words: int) -> int:
    """Where the first whole sentence of at least ``min_words`` words inside a cut sentence ends (0:
    none): a truncated page's run-on last sentence ("People ... offered a reward thursday ... in the
    lancaster area. "it takes a dangerous lack o") keeps its whole first sentence."""
    for m in _INNER_STOP.finditer(text):
        if m.group(1).lower() not in _SHORT_FORMS and len(text[:m.end()].split()) >= min_words:
            return m.end()
    return 0


# a hard-news lead says when: "was driven from office Friday", "said Monday"; a feature lead ("As labor
# battles go, the current one ... is weird", "The agenda might be global, but the menu will be
# Malaysian") does not, nor does one that looks back on "last Friday" ("On a warm, sunny morning
# last Friday, ... Youssef Sughayer said goodbye to his grandmother")
_NEWS_DAY = re.compile(rf"(?<!\blast )(?<!\bLast )\b(?:{WEEKDAY_NAMES}|today|yesterday|tonight|"
                       r"this (?:morning|afternoon|evening))\b")


# what a web page puts before its news: a byline, a time stamp, a "|" between page fields
# or a syndication credit ("(Distributed by ... Special Features)")
_PAGE_MATTER = re.compile(r"\||^By\s+[A-Z]|\bPage last updated\b|\blast updated at\b|^\(?(?:Distributed|Syndicated)\s+by\b",
                          re.IGNORECASE)


def _page_matter(text: str) -> bool:
    """A lead that is page matter or a photo's caption, not a reporter's sentence: "January 28, 2011 |
    By Bryony Jones Members of the Muslim Brotherhood shout slogans ...", "Page last updated at 10:39
    GMT, Wednesday, ..."."""
    return bool(_PAGE_MATTER.search(text)) or caption_like(text) or leans_back(text) or is_furniture(text)


def _topic_stems(articles: Sequence[Article]) -> frozenset[str]:
    """The content stems at least a third of the articles (and two) use: what the story is about."""
    df: Counter[str] = Counter()
    for a in articles:
        df.update(set(content_stems(a.text)))
    need = max(2, len(articles) / 3)
    return frozenset(w for w, n in df.items() if n >= need)


def latest_lead(articles: Sequence[Article], *, redundancy: float = 0.5, contained: float = 0.7,
                min_words: int = 8, lead_sentences: int = 2) -> SummarySentence | None:
    """The lead of the story's newest day when the earlier days do not carry it: the latest
    development ("Gingrich ... was driven from office Friday by a party that swiftly turned on him",
    the day after every other article had him fighting for the speakership). The first sentence
    that stands alone among each newest article's first ``lead_sentences``, when it says the day
    (a weekday, "today", "yesterday": a hard-news lead, not a feature's); None when the story has
    one day, or no newest lead tells news the earlier days did not carry."""
    days = sorted({a.published for a in articles if a.published is not None})
    if len(days) < 2:
        return None
    newest = sorted((a for a in articles if a.published == days[-1]), key=lambda a: a.id)
    known = _known(articles, {a.id for a in newest}, redundancy, contained)
    topic = _topic_stems([a for a in articles if a.published != days[-1]])
    for a in newest:
        for k, s in enumerate(report_sentences(a)[:lead_sentences]):
            i, j, _ = trim_span(a.text[s.start:s.end], lead=k == 0, attributions=False)  # no "CAIRO (AP) _"
            start, end = live_stamp_end(a.text, s.start + i, s.start + j), s.start + j
            text = a.text[start:end]
            if len(text.split()) < min_words or not _stands_alone(text) or _page_matter(text):
                continue
            if len(set(content_stems(text)) & topic) < 2:
                break  # another story's lead (a comedy review among war reports)
            if not _NEWS_DAY.search(text) or known.carries(_bag(text)):
                break  # this article's lead is old news, or no news
            cite = Citation(a.id, start, end, a.source)
            return SummarySentence(text=text, citations=(cite,), article_id=a.id, start=start, end=end)
    return None
