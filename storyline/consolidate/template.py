"""Page template learned from the articles themselves, not from word lists.

A scraped page keeps lines of its site's template that no extractor removed: an advertisement
("An ultra-low latency infrastructure for electronic trading ..."), a comment notice ("Views
expressed in the comments do not represent those of Reuters."), a sidebar's trending headline.
Such a line is written word for word on many pages that otherwise tell different things. A
sentence of ``TEMPLATE_MIN_WORDS`` words or more (compared after case and whitespace
normalisation, ``line_key``) held by ``TEMPLATE_MIN_PAGES`` or more articles that are no copies
of each other (most of their other sentences are not in the other holders: ``_independent``) is
template. Copies (one article twice, a wire story reprinted by several papers, updates of one
report) share most of their sentences and keep them.

``without_template`` blanks such lines out of the articles, character for character, so every
offset still points at the same words and no section of a brief (summary, timeline, quotes,
novelty) reads them.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Collection, Iterable, Mapping, Sequence

from ..analyze.sentences import split_sentences
from ..records import AnalyzedArticle, Article, Sentence
from .summary_text import content_stems

__all__ = ["TEMPLATE_MIN_WORDS", "TEMPLATE_MIN_PAGES", "line_key", "line_hash", "line_hashes", "template_keys",
           "template_lines",
           "without_template", "blank_analyses"]

TEMPLATE_MIN_WORDS = 6   # a shorter line ("Reuters contributed.") may be said alike by chance
TEMPLATE_MIN_PAGES = 3   # independent articles holding one line make it template
TOLD_SHARE = 0.05        # ... unless most of its word pairs are written by this share of the other pages
COPY_SHARE = 0.5         # a holder sharing this share of its other lines with the other holders is a copy


def line_key(text: str) -> str:
    """A sentence compared as a line of a page: lower case, whitespace runs as one space; "" when
    shorter than ``TEMPLATE_MIN_WORDS`` words."""
    words = text.lower().split()
    return " ".join(words) if len(words) >= TEMPLATE_MIN_WORDS else ""


def line_hash(key: str) -> str:
    """A short stable digest of a ``line_key`` (what a store keeps per article)."""
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def _sentences(arts: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]] | None
               ) -> list[Sequence[Sentence]]:
    given = sentences or {}
    return [given[a.id] if a.id in given else split_sentences(a.text or "", a.id, a.lang) for a in arts]


def _keys(a: Article, ss: Sequence[Sentence]) -> set[str]:
    text = a.text or ""
    return {k for s in ss if (k := line_key(text[s.start:s.end]))}


def _independent(key: str, holders: Sequence[set[str]], skip: Collection[str]) -> int:
    """How many of the articles holding ``key`` (each a set of line keys) are no copy of the others:
    fewer than ``COPY_SHARE`` of their other lines (those in ``skip`` aside) are held by another."""
    held = Counter(k for h in holders for k in h)
    n = 0
    for h in holders:
        own = [k for k in h if k != key and k not in skip]
        if own and sum(held[k] > 1 for k in own) < COPY_SHARE * len(own):
            n += 1
    return n


def template_keys(pages: Sequence[set[str]], min_pages: int = TEMPLATE_MIN_PAGES,
                  lines: Collection[str] | None = None) -> frozenset[str]:
    """The template lines among the line keys of ``pages`` (one set per article; only those in
    ``lines`` when given). Lines found on many pages are set aside before a second look, so that
    pages sharing only a site's template (an advertisement, three comment notices) are not taken
    for copies of each other."""
    where: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(pages):
        for k in keys:
            where[k].append(i)
    repeated = {k: [pages[i] for i in at] for k, at in where.items()
                if len(at) >= min_pages and (lines is None or k in lines)}
    if lines is None and repeated:  # one story's pages: a line on most of them, or told in other words too, is news
        told = _told_elsewhere(pages, {k: where[k] for k in repeated})
        repeated = {k: hs for k, hs in repeated.items() if k not in told and 2 * len(hs) <= len(pages)}
    found: set[str] = set()
    for _ in range(2):
        more = {k for k, hs in repeated.items() if k not in found and _independent(k, hs, found) >= min_pages}
        if not more:
            break
        found |= more
    return frozenset(found)


def _pairs(key: str) -> set[tuple[str, str]]:
    stems = content_stems(key)
    return set(zip(stems, stems[1:]))


def _told_elsewhere(pages: Sequence[set[str]], where: Mapping[str, Sequence[int]]) -> set[str]:
    """The lines of ``where`` (line key -> the pages holding it) whose content-word pairs are mostly
    written by other pages too (``TOLD_SHARE`` of the pages not holding it, two at least): a story's
    fact repeated word for word ("Heavy storms flooded the valley ..."), not a site's template, whose
    words the story's own reports do not use ("Views expressed in the comments ...")."""
    page_pairs = [set().union(*map(_pairs, keys)) if keys else set() for keys in pages]
    out = set()
    for k, at in where.items():
        mine = _pairs(k)
        need = max(2.0, TOLD_SHARE * (len(pages) - len(at)))
        held = set(at)
        counts = Counter(p for i, pp in enumerate(page_pairs) if i not in held for p in mine & pp)
        if mine and sum(counts[p] >= need for p in mine) >= 0.5 * len(mine):
            out.add(k)
    return out


def template_lines(arts: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]] | None = None,
                   min_pages: int = TEMPLATE_MIN_PAGES) -> frozenset[str]:
    """The ``line_key`` of every template line of ``arts`` (``sentences``: article id -> its
    sentences, when already split)."""
    return _story_template(arts, _sentences(arts, sentences), min_pages)


def _story_template(arts: Sequence[Article], split: Sequence[Sequence[Sentence]],
                    min_pages: int = TEMPLATE_MIN_PAGES) -> frozenset[str]:
    """``template_lines`` of ``arts`` given each one's sentences (``split``, in the same order)."""
    if len(arts) < min_pages:
        return frozenset()
    return template_keys([_keys(a, ss) for a, ss in zip(arts, split)], min_pages)


# a page's lines as a store counts them: a line of text, cut after a sentence's final mark before a
# capital (no abbreviation rules: a template's advertisement or notice is a plain line, and this
# runs on every article stored, where the full sentence splitter would cost milliseconds)
_PAGE_LINE = re.compile(r"[^\n]+")
_LINE_CUT = re.compile(r"(?<=[.!?])([\"”’)]?)\s+(?=[\"“‘(]?[A-Z])")


def page_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of ``text``'s lines, each cut at its plain sentence ends."""
    out: list[tuple[int, int]] = []
    for m in _PAGE_LINE.finditer(text):
        start = m.start()
        for cut in _LINE_CUT.finditer(text, m.start(), m.end()):
            out.append((start, cut.end(1)))
            start = cut.end()
        out.append((start, m.end()))
    return out


def line_hashes(a: Article) -> set[str]:
    """The ``line_hash`` of every line of an article (``page_lines``: what a store keeps to find
    template lines across its stories)."""
    text = a.text or ""
    return {line_hash(k) for s, e in page_lines(text) if (k := line_key(text[s:e]))}


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with every character of ``spans`` but whitespace made a space (offsets unchanged)."""
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


def without_template(arts: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]] | None = None,
                     extra: Collection[str] = ()) -> tuple[list[Article], dict[str, list[Sentence]]]:
    """``arts`` with their template lines (``template_lines``, and the lines whose ``line_hash`` is in
    ``extra``: those a store has seen on the pages of other stories) blanked out, and their sentences
    (``sentences``, else split here) less those lines. Articles without such a line are returned as
    they are."""
    split = _sentences(arts, sentences)
    keys = _story_template(arts, split)
    if not keys and not extra:
        return list(arts), {a.id: list(ss) for a, ss in zip(arts, split)}
    out: list[Article] = []
    kept: dict[str, list[Sentence]] = {}
    for a, ss in zip(arts, split):
        text = a.text or ""
        spans = [(s.start, s.end) for s in ss if (k := line_key(text[s.start:s.end])) and k in keys]
        if extra:  # the store's lines are counted as ``page_lines`` cuts them
            spans += [(s, e) for s, e in page_lines(text) if (k := line_key(text[s:e])) and line_hash(k) in extra]
        if not spans:
            out.append(a)
            kept[a.id] = list(ss)
            continue
        blanked = _blank(text, spans)
        out.append(replace(a, text=blanked))
        kept[a.id] = [s for s in ss if _mostly_kept(text, blanked, s.start, s.end)]
    return out, kept


def _mostly_kept(text: str, blanked: str, start: int, end: int) -> bool:
    """Whether more than half of a sentence's characters (spaces aside) are left by the blanking."""
    before = sum(not ch.isspace() for ch in text[start:end])
    return 2 * sum(not ch.isspace() for ch in blanked[start:end]) > before


def blank_analyses(arts: Sequence[Article], analyses: Mapping[str, AnalyzedArticle]) -> dict[str, AnalyzedArticle]:
    """Each article's analysis less the sentences, mentions, timexes and quotes that lie in text ``arts`` has
    blanked (``without_template``)."""
    out = {}
    for a in arts:
        an = analyses[a.id]
        text = a.text or ""
        if an.article.text == text:
            out[a.id] = an
            continue

        def live(start: int, end: int) -> bool:
            return bool(text[start:end].strip())

        out[a.id] = replace(an, article=a, sentences=tuple(s for s in an.sentences if live(s.start, s.end)),
                            mentions=tuple(m for m in an.mentions if live(m.start, m.end)),
                            timexes=tuple(t for t in an.timexes if live(t.start, t.end)),
                            quotes=tuple(q for q in an.quotes if live(q.start, q.end)))
    return out
