"""Per-article analysis: compose the analyzers (sentences, entities, dates, quotes) into one
AnalyzedArticle. Each analyzer is a pure function of the article; results are cached in the store
by ``ANALYSIS_VERSION`` so a story's brief never re-analyses articles it has seen."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, Callable, Sequence

from ..records import AnalyzedArticle, Article, Mention, Quote, Sentence, Timex, from_dict, to_dict
from .sentences import split_sentences

__all__ = ["analyze_article", "ANALYSIS_VERSION", "analysis_version", "analysis_to_dict",
           "analysis_from_dict", "ANALYZERS"]

log = logging.getLogger("storyline.analyze")

Analyzer = Callable[[Article, Sequence[Sentence], str], Sequence[Any]]


def _entities(article: Article, sentences: Sequence[Sentence], ner_mode: str = "accurate") -> Sequence[Mention]:
    """The article's names, less its reporter's byline ("By Salma Abdelaziz, CNN ..."): the writer
    is no one in the story, and a byline run into the first words makes false names ("CNN Wire
    Staff Egypt")."""
    from .entities import recognize_entities
    from .sentences import byline_end

    found = recognize_entities(article.text, ner_mode, article_id=article.id)
    byline = byline_end(article.text)
    return [m for m in found if m.start >= byline] if byline else found


def _timexes(article: Article, sentences: Sequence[Sentence], ner_mode: str = "accurate") -> Sequence[Timex]:
    from .dct import reference_date
    from .timex import tag_timexes

    return [replace(t, article_id=article.id) for t in tag_timexes(article.text, reference_date(article))]


def _quotes(article: Article, sentences: Sequence[Sentence], ner_mode: str = "accurate") -> Sequence[Quote]:
    from .quotes import extract_quotes

    return [replace(q, article_id=article.id) for q in extract_quotes(article.text)]


# field of AnalyzedArticle -> analyzer; the order is the order they run in
ANALYZERS: dict[str, Analyzer] = {"mentions": _entities, "timexes": _timexes, "quotes": _quotes}
ENGLISH_ONLY = frozenset(["mentions", "quotes"])  # left empty for an article in another language
ANALYSIS_VERSION = "149"   # raise it when an analyzer's output changes (sentence splits, NER models too)


def analysis_version(ner_mode: str = "accurate") -> str:
    """The cache key of an analysis: the analyzers' version, storyline's version (an upgrade
    analyses again what it reads, so that ``storyline rebuild`` shows its changes) and the NER
    setting."""
    from .. import __version__

    return f"{ANALYSIS_VERSION}-{__version__}-{ner_mode}"


def analyze_article(article: Article, *, ner_mode: str = "accurate") -> AnalyzedArticle:
    """Everything the per-article analysis finds. ``ner_mode`` is "accurate" (default) or "fast"
    (for bulk ingest). A failing analyzer is logged and left empty: one bad span never fails its
    article."""
    sentences = split_sentences(article.text, article.id, article.lang)
    parts: dict[str, tuple[Any, ...]] = {}
    for name, fn in ANALYZERS.items():
        if not article.english and name in ENGLISH_ONLY:
            parts[name] = ()  # an English model on another language finds noise, not names or quotes
            continue
        try:
            parts[name] = tuple(fn(article, sentences, ner_mode))
        except Exception:  # an analyzer bug must not stop the batch
            log.exception("%s analyzer failed on article %s", name, article.id)
            parts[name] = ()
    return AnalyzedArticle(article=article, sentences=tuple(sentences), **parts)


def analysis_to_dict(a: AnalyzedArticle) -> dict[str, Any]:
    """The analysis without the article itself (the store has it)."""
    d = to_dict(a)
    d.pop("article", None)
    return d


def analysis_from_dict(article: Article, data: dict[str, Any]) -> AnalyzedArticle:
    return replace(from_dict(AnalyzedArticle, {**data, "article": None}), article=article)
