"""storyline: turn piles and streams of news articles into consolidated, cited stories.

The public Python API (stable; see README):

    read_article(source) -> Article
    summarize(articles, max_words=100, max_bytes=None, query=None) -> list[SummarySentence]
    brief(articles) -> Brief
    cluster(articles) -> list[str]
    tag_timexes(text, dct) -> list[Timex]
    timeline(articles, *, max_dates=None, per_date=None) -> list[TimelineEntry]
    extract_quotes(text) -> list[Quote]
    recognize_entities(text, mode="accurate") -> list[Mention]
    resolve_entities(articles, mentions) -> list[str]
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any, Sequence

from .errors import ConfigError, InputError, StoreError, StorylineError
from .ingest import read_article
from .ingest.checks import clean_text as _clean
from .records import (
    AnalyzedArticle,
    Article,
    Brief,
    Citation,
    ClaimValue,
    Disagreement,
    Entity,
    Mention,
    NewSince,
    Quote,
    QuoteGroup,
    Sentence,
    Story,
    SummarySentence,
    TimelineEntry,
    Timex,
    from_dict,
    to_dict,
)

__version__ = "0.1.0"

__all__ = [
    "__version__",
    # records
    "Article", "Sentence", "Mention", "Timex", "Quote", "Citation", "SummarySentence", "TimelineEntry",
    "Entity", "QuoteGroup", "ClaimValue", "Disagreement", "NewSince", "Story", "Brief", "AnalyzedArticle",
    "to_dict", "from_dict",
    # errors
    "StorylineError", "InputError", "StoreError", "ConfigError",
    # API
    "read_article", "summarize", "brief", "cluster", "split_sentences", "tag_timexes", "timeline",
    "extract_quotes", "recognize_entities", "resolve_entities",
]


_log = logging.getLogger("storyline")


def _clean_articles(articles: Sequence[Article], *, aligned: bool = False) -> list[Article]:
    """The articles with strings the taggers cannot take (lone surrogates, NUL) cleaned one code point
    for one, so every offset still points at the same words; ids unchanged. An item that is not an
    Article is left out with a warning naming its place in the list (an InputError with ``aligned``,
    for answers given per article); a text or a single Article instead of a list is an InputError."""
    from dataclasses import replace

    if isinstance(articles, (str, bytes, Article)) or not hasattr(articles, "__iter__"):
        raise InputError("articles", f"expected a list of storyline.Article, got {type(articles).__name__} "
                                     f"(storyline.read_article makes one from a path, a text or a dict)")
    out = []
    for i, a in enumerate(articles):
        if not isinstance(a, Article):  # one bad item never stops the rest: it is left out, and said so
            problem = f"not a storyline.Article but {type(a).__name__}"
            if aligned:  # (but an answer per article, in order, cannot leave one out)
                raise InputError(f"articles[{i}]", f"{problem} (storyline.read_article makes one)")
            _log.warning("%s", InputError(f"articles[{i}]", f"{problem}: left out (storyline.read_article makes one)"))
            continue
        changes: dict[str, Any] = {}
        for name in ("text", "title", "source", "url"):
            value = getattr(a, name)
            if isinstance(value, str) and (cleaned := _clean(value)) is not value:
                changes[name] = cleaned
        out.append(replace(a, **changes) if changes else a)
    return out


def summarize(articles: Sequence[Article], max_words: int = 100, max_bytes: int | None = None,
              query: str | None = None) -> list[SummarySentence]:
    """An extractive summary of ``articles`` (one story), each sentence cited to every article
    that carries it. ``max_words`` bounds words; ``max_bytes`` cuts the joined text as DUC does;
    ``query`` biases the summary toward a person, place or subject."""
    from .consolidate.summary import summarize as _summarize

    return _summarize(_clean_articles(articles), max_words=max_words, max_bytes=max_bytes, query=query)


def brief(articles: Sequence[Article], max_words: int = 100, *, about: str | None = None) -> Brief:
    """The whole consolidation of ``articles`` taken as one story. Its ``story_id`` is the id
    that ``cluster`` gives most of them (the id the CLI shows for the same articles).

    ``about`` focuses the summary on a person, organisation or place (any spelling the articles
    use) or a subject: only sentences about it are used, and ``Brief.about`` names it."""
    from collections import Counter

    from .consolidate.brief import build_brief
    from .group.stories import cluster as _cluster
    from .group.stories import story_id_for

    arts = _clean_articles(articles)
    ids = Counter(_cluster(arts)) if arts else Counter()
    return build_brief(ids.most_common(1)[0][0] if ids else story_id_for(arts), arts, max_words=max_words,
                       about=about)


def cluster(articles: Sequence[Article]) -> list[str]:
    """A story id for each article, in order (offline use of the online story clustering)."""
    from .group.stories import cluster as _cluster

    return _cluster(_clean_articles(articles, aligned=True))


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` with character offsets."""
    from .analyze.sentences import split_sentences as _split

    return _split(_clean(text))


def tag_timexes(text: str, dct: date | None = None) -> list[Timex]:
    """The temporal expressions of ``text`` with TimeML TIMEX3 type and value, anchored at the
    document creation time ``dct`` (the article's publication date; None leaves relative dates
    underspecified, e.g. ``XXXX-XX-XX``)."""
    from .analyze.timex import tag_timexes as _tag

    return _tag(_clean(text), dct)


def timeline(articles: Sequence[Article], *, max_dates: int | None = None,
             per_date: int | None = None) -> list[TimelineEntry]:
    """The dated events of ``articles`` (one story), oldest first, each cited to every article
    that reports it; undated articles get an inferred publication date first.

    ``max_dates``/``per_date`` make it a summary of a long-running topic: the ``max_dates`` most
    important days (by how many articles report them), each with at most ``per_date`` of its most
    central sentences, none repeating another. Without them, more than 40 articles get a summary
    of a readable size (10-40 days, two sentences each) and a smaller story every event.
    ``TimelineEntry.importance`` ranks entries (higher first)."""
    from .consolidate.timeline import timeline as _timeline

    return _timeline(_clean_articles(articles), max_dates=max_dates, per_date=per_date)


def extract_quotes(text: str, *, typewriter_marks_quote: bool = True) -> list[Quote]:
    """Direct, indirect and mixed quotes of ``text``: each with ``.start .end .kind`` (direct,
    indirect, mixed), ``.speaker_start .speaker_end`` (None when no speaker is named), the cue
    span and, for a pronoun or surname speaker, ``.speaker_resolved`` (full name when clear; for a
    list of speakers, "Reed, Hale and a spokesman", the group with each member's full name).
    ``typewriter_marks_quote=False`` counts only double quotation marks when telling direct from
    indirect (PolNeAR's convention); the spans are the same either way."""
    from .analyze.quotes import extract_quotes as _extract

    return _extract(_clean(text), typewriter_marks_quote=typewriter_marks_quote)


def recognize_entities(text: str, mode: str = "accurate") -> list[Mention]:
    """Named-entity mentions in ``text``: ``.start .end .text .label`` (PERSON, ORG, LOC, MISC) and
    ``.role`` for a person's title or apposition. ``mode="fast"`` for bulk ingest."""
    from .analyze.entities import recognize_entities as _recognize

    return _recognize(_clean(text), mode)


def resolve_entities(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[str]:
    """One entity id per given Mention (its ``article_id``, ``start``, ``end``), in order; mentions
    of the same entity get the same id, across articles."""
    from .consolidate.entities import resolve_mentions

    return resolve_mentions(_clean_articles(articles, aligned=True), list(mentions))
