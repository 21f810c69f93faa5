"""Pages that are no article, and a site's blocks inside one.

A crawl of news pages brings back pages where the site speaks to its reader instead of an article: a
web archive's capture notice, a cookie wall, "you must log in to continue", "JavaScript is disabled
in your browser", a tweet's or a Facebook page's embed text, a video player's "this feature is not
available right now", a page of menus and links. Such a page is no news article: stored, it would
join every other copy of the same notice in one large story.

A sentence is the site's when it speaks to the reader of the page itself: a second person or an
order ("you", "your", "click", "sign up", "learn more") with a word of the page's own machinery
(browser, cookies, account, tweet, video, page, link...), or of nothing but that machinery (three
such words, one in eight: "These crawls archive pages as they are created"), or one of a few
well-known notices ("Tweet with a location", "the Wayback Machine"). A short line with no verb is a menu's or a button's
("Home", "Share this", "More from this journal"). A text is no article when such sentences and lines
hold most of its words and what is left is too little to tell anything (``no_article``); a line of
the site's standing among an article's paragraphs ("Advertisement", an embed's notice) is dropped
from it (``without_site_lines``); ``read_page`` tells both from one pass over the text's lines.
Reported speech ("you must log in," the company said) is never the site's. Linear in the text's
sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["no_article", "without_site_lines", "read_page", "site_sentence"]

# words of the page's own machinery: what a site's notice to its reader is about (one word, or two)
_MACHINERY = frozenset(
    """cookie cookies javascript browser browsers login logins signin signup subscribe subscriber
    subscribers subscription account accounts password passwords newsletter newsletters click clicking tap app apps
    download website websites webpage webpages site sites web page pages link links tweet tweets twitter facebook
    instagram retweet retweets follower followers comment comments video videos rating feature features content
    search searches privacy captcha adblocker adblockers enable enabled disabled upgrade unavailable crawl crawls
    crawled archive archived archiving captures wayback url username profile notification notifications settings
    mobile legacy transcript playlist player refresh reload screen view views viewing replying""".split()
)
_MACHINERY_PAIRS = frozenset(
    {
        ("log", "in"),
        ("logged", "in"),
        ("sign", "in"),
        ("sign", "up"),
        ("signed", "in"),
        ("signed", "up"),
        ("email", "address"),
        ("mail", "address"),
        ("terms", "of"),
        ("location", "information"),
        ("location", "history"),
        ("ad", "blocker"),
        ("ad", "blockers"),
    }
)
_PAIR_FIRST = frozenset(p[0] for p in _MACHINERY_PAIRS)
# the words one of the well-known notices (``_KNOWN``) holds at least: only a sentence with one is searched for them
_KNOWN_WORDS = _MACHINERY | {"log", "continues", "captured"}
_YOU = re.compile(r"\b(?:you|your|yours|you're|you've|you'll|you'd)\b", re.IGNORECASE)
# an order to the reader opening a sentence: what a button or a notice says
_ORDER = re.compile(
    r"^(?:please\s+)?(?:click|tap|learn more|see more|find out more|read more|go to|sign (?:in|up)|log ?in|"
    r"subscribe|follow|share|try again|enable|upgrade|download|join|register|visit|continue reading|"
    r"check out|skip to|back to|watch|replying to|turn on|update your|allow)\b",
    re.IGNORECASE,
)
# well-known notices, one signal among the others (each is also what its words say of the page)
_KNOWN = re.compile(
    r"tweet with a location|wayback machine|internet archive|archive-it|focused crawls?|this crawl of|"
    r"uses? cookies|javascript is (?:disabled|required|not enabled|turned off)|you must log ?in|"
    r"this page (?:is|was) (?:not|no longer) available|page (?:was )?not found|"
    r"this feature is not available|rating is available when the video|interactive transcript could not|"
    r"to connect with .{1,60} sign up for facebook|see more of .{1,80} on facebook|"
    r"subscribe to continue reading|already a subscriber|story continues below|captured \d+ times?",
    re.IGNORECASE,
)
# reported speech: a notice quoted in an article is the article's
_REPORTED = re.compile(
    r"[\"“]\s*\S+(?:\s+\S+){3}|\b(?:said|says|told|according to|wrote|reported|announced)\b", re.IGNORECASE
)  # a reporting verb, or a quotation of four words or more
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|do|does|did|"
    r"said|says|told)\b",
    re.IGNORECASE,
)

# what a notice is, by its words, in the order tried (the first that its sentences name most)
_KINDS = (
    ("a web-archive notice", re.compile(r"wayback|internet archive|archive|crawl|captur", re.I)),
    ("a social-media embed or page notice", re.compile(r"tweet|twitter|facebook|instagram|retweet|replying to", re.I)),
    ("a cookie notice", re.compile(r"cookie", re.I)),
    ("a log-in or subscription notice", re.compile(r"log ?in|sign(?:ed)? ?in|subscri|account|password|paywall", re.I)),
    ("a browser notice", re.compile(r"javascript|browser|ad ?block|upgrade|enable", re.I)),
    ("a video player's notice", re.compile(r"video|transcript|playlist|player|rating", re.I)),
    ("a page-not-available notice", re.compile(r"not available|unavailable|not found|no longer|error", re.I)),
)

_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s|$)")  # before a space: "cnn.com" is one word
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_DENSE = 3  # a sentence with this many words of the page's machinery, one in _DENSE_WORDS at least,
_DENSE_WORDS = 8  # is about the page itself
_MENU_WORDS = 5  # a line of at most this many words and no verb: a menu's, a button's
_MENU_LINES = 5  # a text of this many menu lines and nothing else: a page of menus and links
_SITE_SHARE = 0.6  # the site's sentences hold at least this share of a text's words: no article
_TOLD_WORDS = 60  # ... and the rest is under this many words: too little to tell anything
_FURNITURE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?|"
    r"continue reading(?: below)?|skip (?:to )?(?:main )?content|back to top|share this(?: article| story)?|"
    r"print|email|share|tweet|comments?|related(?: articles| stories)?)\W*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def site_sentence(sentence: str) -> bool:
    """Whether ``sentence`` is the site's to its reader (see the module's docstring)."""
    s = sentence.strip()
    words = _WORD.findall(s.lower())
    found = sum(map(_MACHINERY.__contains__, words))
    if not _PAIR_FIRST.isdisjoint(words):
        found += sum(map(_MACHINERY_PAIRS.__contains__, zip(words, words[1:])))
    order = _ORDER.match(s) is not None
    if not found and _KNOWN_WORDS.isdisjoint(words):  # (each well-known notice holds a word of _KNOWN_WORDS)
        return order and len(words) <= _MENU_WORDS and not _REPORTED.search(s)  # a button: "Learn more"
    if _REPORTED.search(s):
        return False
    if _KNOWN.search(s):
        return True
    if not found:
        return order and len(words) <= _MENU_WORDS
    # to the reader ("you", an order), or of nothing but the page's machinery ("These crawls archive pages")
    return order or _YOU.search(s) is not None or (found >= _DENSE and _DENSE_WORDS * found >= len(words))


def _menu_line(line: str) -> bool:
    """A line of a menu or a button: a few words, no verb, no sentence's end."""
    s = line.strip()
    words = _WORD.findall(s)
    return 0 < len(words) <= _MENU_WORDS and not s.endswith((".", "!", "?", ":", '"', "”")) and not _VERB.search(s)


@dataclass(frozen=True)
class _Read:
    """What one pass over a text's lines found (``_read``)."""

    lines: list[str]  # the text's lines
    drop: list[bool]  # each line wholly the site's: its standing furniture, or every sentence the site's
    total: int  # the text's words
    site: int  # the words of its site's sentences and menu lines
    menus: int  # its menu lines
    said: list[str]  # the site's sentences (not a menu line's)


def _read(text: str) -> _Read:
    """One pass over ``text``'s lines: each line's sentences are found and judged once, for
    ``no_article`` and ``without_site_lines`` alike."""
    lines = text.split("\n")
    drop: list[bool] = []
    total = site = menus = 0
    said: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            drop.append(False)
            continue
        n = len(line.split())
        total += n
        furniture = _FURNITURE.match(stripped) is not None
        sentences = [] if furniture else [line[a:b] for a, b in _spans(line)]
        sites = [site_sentence(s) for s in sentences]
        drop.append(furniture or (bool(sites) and all(sites)))
        if furniture or _menu_line(line):
            site += n
            menus += 1
            continue
        for s, is_site in zip(sentences, sites):
            if is_site:
                site += len(s.split())
                said.append(s)
    return _Read(lines, drop, total, site, menus, said)


def _kind(said: list[str]) -> str:
    """What the site's sentences ``said`` are a notice of (``_KINDS``), by the kind most of them name."""
    joined = " ".join(said)
    best = max(_KINDS, key=lambda k: len(k[1].findall(joined)))
    return best[0] if best[1].search(joined) else "a site's notice to its readers"


def no_article(text: str) -> str | None:
    """What ``text`` is when it is no article but a site's notice or furniture ("a web-archive notice",
    "a cookie notice", "a page of menus and links"...), None for an article (and for an empty text,
    told elsewhere). The site's sentences (``site_sentence``) and menu lines hold at least
    ``_SITE_SHARE`` of its words, and the rest is under ``_TOLD_WORDS`` words; and there is a notice
    among them, or it is a page of at least ``_MENU_LINES`` menu lines and nothing else."""
    return _verdict(_read(text))


def _verdict(read: _Read) -> str | None:
    """``no_article`` of the text ``read`` is of."""
    total, site = read.total, read.site
    if total == 0 or site < _SITE_SHARE * total or total - site >= _TOLD_WORDS:
        return None
    if read.said:
        return _kind(read.said)
    return "a page of menus and links" if read.menus >= _MENU_LINES and site == total else None


def read_page(text: str) -> tuple[str | None, str]:
    """(``no_article(text)``, ``without_site_lines(text)``) from one pass over ``text``'s lines; the
    second is ``text`` itself when the first tells it is no article."""
    read = _read(text)
    what = _verdict(read)
    return what, text if what else _kept(text, read)


def without_site_lines(text: str) -> str:
    """``text`` without what is wholly the site's around and among its prose: its lines whose every
    sentence is the site's (an "Advertisement" line, an embed's notice between paragraphs), and, at the
    start of its first line and the end of its last, a run of well-known notices (``_KNOWN``: a web
    archive's note run into the article's first sentence). ``text`` itself when nothing is dropped, or
    when nothing else would be left (``no_article`` tells such a text)."""
    return _kept(text, _read(text))


def _kept(text: str, read: _Read) -> str:
    """``without_site_lines`` of ``text``, which ``read`` is of."""
    kept = [ln for d, ln in zip(read.drop, read.lines) if not d]
    prose = [i for i, ln in enumerate(kept) if ln.strip()]
    if not prose:
        return text
    kept[prose[0]] = _without_known(kept[prose[0]], first=True)
    kept[prose[-1]] = _without_known(kept[prose[-1]], first=False)
    if not any(ln.strip() for ln in kept):
        return text
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return text if out == text.strip() else out


def _spans(line: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of ``line``: up to a run of ., ! or ? before a space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(line):
        spans.append((start, m.end()))
        start = m.end()
    if line[start:].strip():
        spans.append((start, len(line)))
    return [(a, b) for a, b in spans if line[a:b].strip()]


def _without_known(line: str, *, first: bool) -> str:
    """``line`` without the well-known notices (``_KNOWN``, not quoted) opening it (``first``) or ending it."""
    spans = _spans(line)
    order = spans if first else spans[::-1]
    n = 0
    for a, b in order:
        if not (_KNOWN.search(line, a, b) and site_sentence(line[a:b])):
            break
        n += 1
    if n == len(spans):
        return ""
    if not n:
        return line
    return line[order[n][0] :].lstrip() if first else line[: order[n][1]]
