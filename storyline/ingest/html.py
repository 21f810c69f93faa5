"""HTML pages: main text, title and date extracted with trafilatura."""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError, NotAnArticle
from ..records import Article
from .records_in import parse_published

__all__ = ["parse_html"]


class _NoDiscardNotice(logging.Filter):
    """trafilatura logs "discarding data: None" at WARNING for every page it finds no text in; the
    caller reports that page once, as an input error, so the notice is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("discarding data")


_FILTER = _NoDiscardNotice()


def _quiet_trafilatura() -> None:
    log = logging.getLogger("trafilatura.core")
    if _FILTER not in log.filters:
        log.addFilter(_FILTER)


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


# the containers of a page that hold other pages' matter: menus, footers, side columns, and lists of
# other stories or of readers' comments (named so by their class or id: "most-read", "related-links")
_FURNITURE_TAGS = ("aside", "nav", "footer", "menu")
_FURNITURE_NAME = re.compile(r"(?:^|[\s_-])(?:most-?read|most-?popular|popular|related|trending|recommended|sidebar|"
                             r"comments?)(?:$|[\s_-])", re.IGNORECASE)


def _drop_furniture(tree: Any) -> None:
    """Remove the page's furniture containers (``_FURNITURE_TAGS``, ``_FURNITURE_NAME``) from ``tree``
    before anything is read from it: a date in a "most read" list is no date of the article (the
    metadata search takes any date it finds), and their text is no part of it. A container that holds
    most of the page's text is the article, whatever its name, and is kept."""
    body = tree.find(".//body")
    total = len(_squash(body.text_content())) if body is not None else 0
    for el in list(tree.iter(*_FURNITURE_TAGS, "div", "section", "ul", "ol")):
        if el.getparent() is None or el.tag in ("body", "html"):
            continue
        named = el.tag in _FURNITURE_TAGS or _FURNITURE_NAME.search(f"{el.get('class', '')} {el.get('id', '')}")
        if named and len(_squash(el.text_content())) <= total / 2:
            el.drop_tree()


_BLOCKS = ("p", "li", "div", "dd", "dt", "td")
_PROSE_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "article")


def _unwrap_layout_tables(tree: Any) -> None:
    """Make a table whose cells hold paragraphs or headings (an old site's page layout, not a table
    of figures) plain blocks: a table's text is written a row to a line, which would glue the whole
    article into one line between "|" marks."""
    for table in list(tree.iter("table")):
        cells = [c for c in table.iter("td", "th") if c.getparent() is not None]
        if any(next(c.iter(*_PROSE_BLOCKS), None) is not None for c in cells):
            for el in [table, *table.iter("thead", "tbody", "tfoot", "tr", "td", "th")]:
                el.tag = "div"


_WORD = re.compile(r"[^\W\d_]+")
_LINK_LINE_WORDS = 4   # at most this many words of a link-made line are not links: "READ MORE:", "Next story:"


def _unlinked_words(el: Any) -> int:
    """How many words of ``el``'s text stand outside its links."""
    linked = sum(len(_WORD.findall(a.text_content())) for a in el.iter("a"))
    return len(_WORD.findall(el.text_content())) - linked


def _link_lines(tree: Any) -> set[str]:
    """The texts (squashed) of the page's short blocks written mostly as links, with at most
    ``_LINK_LINE_WORDS`` words of their own: a "READ MORE:" or "Next story:" pointer, a "Print | Email"
    bar. Such a line in the extracted text leads elsewhere; a sentence with links in it (a blog's "As
    <a>the authority</a> said in <a>its statement</a>, ...") is the article's."""
    found: set[str] = set()
    for el in tree.iter(*_BLOCKS):
        text = _squash(el.text_content())
        if not text or len(text.split()) > 30 or any(child.tag in _BLOCKS for child in el.iterdescendants()):
            continue
        linked = sum(len(_squash(a.text_content())) for a in el.iter("a"))
        if linked >= 0.6 * len(text) and _unlinked_words(el) <= _LINK_LINE_WORDS:
            found.add(text)
    return found


_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
# a line that is only a date stamp ("Saturday, January 29, 2011", "29 Jan 2011 14:05 GMT",
# "Updated: 2011-01-29"), a poster's line ("Posted by admin in World News") or a label's
# ("Tags: Egypt, Protest"): page matter around the article's text
_EDGE_LINE = re.compile(
    r"^(?:(?:(?:Last\s+)?(?:Updated|Published|Posted)(?:\s+on)?\s*:?\s*)?(?:[A-Z][a-z]+day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
    r"|(?:Posted|Submitted|Filed|Written)\s+(?:by|in|on|under)\b[^.!?]{0,100}"
    r"|(?:Tags?|Tagged(?:\s+with)?|Filed\s+under|Categor(?:y|ies)|Topics|Related\s+topics|Keywords)\s*:[^.!?]{0,200})$",
    re.IGNORECASE)
_EDGE = 3   # lines at each end of the text where such page matter is looked for


def _without_page_lines(text: str, links: set[str]) -> str:
    """``text`` without its lines made of links (``_link_lines``) and, among its first and last
    ``_EDGE`` lines, without date stamps, posters' and labels' lines (``_EDGE_LINE``)."""
    lines = [ln for ln in text.split("\n") if _squash(ln) not in links]
    n = len(lines)
    kept = [ln for i, ln in enumerate(lines)
            if not ((i < _EDGE or i >= n - _EDGE) and _EDGE_LINE.match(ln.strip()))]
    return "\n".join(kept).strip() if any(ln.strip() for ln in kept) else text


_TEASER_WORDS = 60    # a teaser: a heading that links to another page, and at most this many words
_TEASERS = 4          # this many teasers holding most of the page's text: an index of other pages


def _links_away(heading: Any) -> bool:
    """Whether ``heading`` links to another page (not to a place on this one, "#entry-3")."""
    links = [*heading.iter("a"), *heading.iterancestors("a")]
    return any(not (a.get("href") or "#").startswith("#") for a in links)


def _is_teaser(el: Any) -> bool:
    """Whether ``el`` is one story's teaser on an index page: a heading (or the whole block) linking
    to another page, and a line or two, at most ``_TEASER_WORDS`` words."""
    return len(el.text_content().split()) <= _TEASER_WORDS and any(map(_links_away, el.iter("h2", "h3", "h4")))


def _is_index(tree: Any) -> bool:
    """Whether the page lists other pages' teasers (``_is_teaser``) rather than telling an article: at
    least ``_TEASERS`` of them, holding most of its text (once the furniture is gone)."""
    body = tree.find(".//body")
    if body is None or sum(map(_links_away, body.iter("h2", "h3", "h4"))) < _TEASERS:
        return False
    teasers = [el for el in body.iter("div", "li", "article", "section")
               if _is_teaser(el) and not any(_is_teaser(up) for up in el.iterancestors("div", "li", "article", "section"))]
    if len(teasers) < _TEASERS:
        return False
    return sum(len(_squash(t.text_content())) for t in teasers) > 0.6 * len(_squash(body.text_content()))


def _headings(tree: Any) -> list[str]:
    """The texts of the page's first <h1> and <h2> elements (read before the extraction, which may
    leave a heading out), once the furniture is gone: a site's logo may come first."""
    found = (" ".join(el.text_content().split()) for el in tree.iter("h1", "h2"))
    return [h for h in found if h][:3]


def _head_date(tree: Any) -> str | None:
    """The date the page's <head> declares in its meta tags and JSON-LD, read by htmldate from them
    alone (not from the <title>: a headline may name another day)."""
    import htmldate
    from lxml.html import Element

    head = tree.find(".//head")
    if head is None:
        return None
    page = Element("html")
    kept = Element("head")
    for el in head.iter("meta", "script"):
        kept.append(deepcopy(el))
    page.append(kept)
    found = htmldate.find_date(page, extensive_search=False, original_date=True)
    return str(found) if found else None


def _time_date(tree: Any) -> str | None:
    """The ``datetime`` of the page's first <time> element that has one (a byline's), once the
    furniture is gone."""
    for el in tree.iter("time"):
        value = (el.get("datetime") or "").strip()
        if value:
            return value
    return None


# the dates htmldate reads from the page's markup and address (a byline's element of class "date", a
# "/2019/04/09/" path), not its guesses from the free text: a year the article names ("since 1996") or a
# reader's comment's date is no publication date, and an undated page is dated from its own words
_DECLARED_DATES = {"extensive_search": False, "original_date": True}


def _published(candidates: list[str | None], where: str) -> date | None:
    """The first of ``candidates`` that reads as a date."""
    for value in candidates:
        try:
            found = parse_published(value, where)
        except InputError:
            continue
        if found is not None:
            return found
    return None


def _headline(title: str | None, sitename: str | None, text: str,
              headings: list[str]) -> tuple[str | None, str | None]:
    """(title, site name): a page whose <title> names only the site ("Valley Gazette", no headline
    in it) is titled by its first other heading, and the name is the site's. The <title> names only
    the site when it is the site's declared name, or a name of at most four words found nowhere in
    the text while the heading is longer."""
    heading = next((h for h in headings if _squash(h) != _squash(title or "")), None)
    if not title or not heading or _squash(title) in _squash(text):
        return title, sitename
    if _squash(title) == _squash(sitename or "") or len(title.split()) <= 4 < len(heading.split()):
        return heading, sitename or title
    return title, sitename


def _without_headline(text: str, title: str | None) -> str:
    """The text without its first line when that line is the page's title (trafilatura keeps the
    article's <h1> in the text; the title is the Article's own field, and a headline left in the
    text would run into the first sentence, which has no full stop before it)."""
    first, sep, rest = text.partition("\n")
    if title and sep and rest.strip() and _squash(first) == _squash(title):
        return rest.strip()
    return text


# a saved page's note of its address: a browser's "Save page as" ("<!-- saved from url=(0042)https://...
# -->") or SingleFile's ("<!-- Page saved with SingleFile url: https://... saved date: Tue Mar 05 2024 ...")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<url>https?://[^\s>]+?)\s*-->"
                         r"|<!--\s*Page saved with SingleFile\s+url:\s*(?P<sf_url>https?://\S+)(?:\s+saved date:\s*"
                         r"(?:[A-Z][a-z]{2}\s+)?(?P<mon>[A-Z][a-z]{2})\s+(?P<day>\d{1,2})\s+(?P<year>\d{4}))?",
                         re.IGNORECASE)
_SAVED_HEAD = 4096   # such a note stands before or at the top of the page


def _saved_from(html: str) -> tuple[str | None, date | None]:
    """The address a saved page was read from and the day it was saved, as its note at the page's
    top writes them (``_SAVED_FROM``); (None, None) without one."""
    m = _SAVED_FROM.search(html, 0, _SAVED_HEAD)
    if m is None:
        return None, None
    try:
        saved = datetime.strptime(f"{m['mon']} {m['day']} {m['year']}", "%b %d %Y").date() if m["year"] else None
    except ValueError:
        saved = None
    return m["url"] or m["sf_url"], saved


def _named_site(sitename: str | None, url: str | None) -> str | None:
    """The site name the page declares: None for the one trafilatura makes of the address's host
    when none is declared (``check_article`` then names the site by its address, as for any article)."""
    if not sitename or not url:
        return sitename
    host = urlsplit(url).hostname or ""
    return None if _squash(sitename) in (host, host.removeprefix("www.")) else sitename


_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}", re.IGNORECASE)


def _page_names(tree: Any) -> tuple[str, str]:
    """The page's <title> and the text of its metadata (meta tags' contents and JSON-LD, each on a
    line of its own), each with its spaces squeezed: where a site name can come from."""
    title = tree.find(".//head//title")
    meta = [*tree.xpath("//meta/@content"), *tree.xpath("//script[@type='application/ld+json']/text()")]
    return (" ".join((title.text_content() if title is not None else "").split()),
            "".join(f"\n{' '.join(str(m).split())}\n" for m in meta))


def _declared(name: str, page_meta: str) -> bool:
    """Whether the page's metadata (``_page_names``) declares ``name`` whole: a meta tag's whole content
    ("og:site_name") or a JSON-LD string ("publisher": {"name": ...}), not a part of its headline or its
    description ("U.S. and Varn negotiators met")."""
    return f"\n{name}\n" in page_meta or f'"{name}"' in page_meta


def _site_name(sitename: str | None, page_title: str, page_meta: str) -> str | None:
    """The site name trafilatura found, unless it guessed it from a part of the <title> that holds
    a full stop, which it takes for a domain name: "U.S." of "U.S. - China trade talks resume". A
    name only the <title> holds must then be a domain name ("riverton.com"); one the page's
    metadata declares ("St. Louis Post-Dispatch") stays."""
    if not sitename or sitename not in page_title or _declared(sitename, page_meta):
        return sitename
    return sitename if _DOMAIN.fullmatch(sitename) else None


def parse_html(html: str, where: str, *, url: str | None = None) -> Article:
    """Extract the article in an HTML page. Raises InputError when it cannot be read, NotAnArticle when
    it holds no article text (an empty page, a section page of headlines)."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - trafilatura is a core dependency
        raise InputError(where, "reading HTML needs trafilatura: pip install trafilatura") from exc
    if not html.strip():
        raise NotAnArticle(where, "empty HTML page")
    _quiet_trafilatura()
    try:
        tree = trafilatura.load_html(html)
        if tree is None:
            raise InputError(where, "HTML could not be parsed (no document in it)")
        _drop_furniture(tree)
        if _is_index(tree):
            raise NotAnArticle(where, "not an article page: it lists other pages' headlines and teasers (an index "
                                      "or section page); give the addresses of the articles it links to")
        _unwrap_layout_tables(tree)
        links = _link_lines(tree)
        declared = [_head_date(tree), _time_date(tree)]
        headings = _headings(tree)
        page_title, page_meta = _page_names(tree)
        doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                          favor_precision=True, date_extraction_params=_DECLARED_DATES)
    except InputError:
        raise
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(where, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict() if hasattr(doc, "as_dict") else vars(doc)
    text = (doc or {}).get("text") or ""
    if not text.strip():
        raise NotAnArticle(where, "no article text found in the HTML page")
    text = _without_page_lines(text.strip(), links)
    saved_url, saved_on = _saved_from(html)
    url = url or (doc or {}).get("url") or saved_url or None
    title, sitename = _headline((doc or {}).get("title") or None,
                                _named_site(_site_name((doc or {}).get("sitename") or None, page_title, page_meta),
                                            url), text, headings)
    text = _without_headline(text, title)
    # the date the page declares (its head's metadata, then a <time> element), before one htmldate
    # finds in the text or the address
    published = _published([*declared, (doc or {}).get("date")], where)
    return Article(
        text=text,
        title=title,
        published=published,
        source=sitename,
        url=url,
        meta={"path": where, **({"captured": saved_on.isoformat()} if saved_on else {})},
    )
