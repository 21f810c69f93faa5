"""The Brief of one story: headline, cited summary and every other consolidated part."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..records import Article, Brief, SummarySentence
from .novelty import new_since as _new_since
from .summary import summarize

__all__ = ["build_brief", "choose_headline"]


def choose_headline(articles: Sequence[Article], summary: Sequence[SummarySentence]) -> str:
    """The title of the article whose words the summary uses most, else the first summary sentence."""
    titled = [a for a in articles if a.title]
    if titled:
        weight = {a.id: 0 for a in titled}
        for s in summary:
            for c in s.citations:
                if c.article_id in weight:
                    weight[c.article_id] += 1
        best = max(titled, key=lambda a: (weight[a.id], -len(a.title or "")))
        return best.title or ""
    if summary:
        words = summary[0].text.split()
        return " ".join(words[:14]) + (" …" if len(words) > 14 else "")
    return "Untitled story"


def _article_info(a: Article) -> dict[str, object]:
    return {"id": a.id, "title": a.title, "source": a.source, "url": a.url,
            "published": a.published.isoformat() if a.published else None,
            "published_inferred": a.published_inferred}


def build_brief(story_id: str, articles: Sequence[Article], *, max_words: int = 100,
                new_ids: Iterable[str] = ()) -> Brief:
    """Consolidate the articles of one story into its Brief; ``new_ids`` (the articles added since the
    last brief) fill ``new_since`` with what they added."""
    arts = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
    summary = summarize(arts, max_words=max_words)
    dates = sorted(a.published.isoformat() for a in arts if a.published)
    return Brief(
        story_id=story_id,
        headline=choose_headline(arts, summary),
        summary=tuple(summary),
        articles=tuple(_article_info(a) for a in arts),
        new_since=_new_since(arts, new_ids),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )
