"""Story assignment.

Walking-skeleton version: every article of a store belongs to one story. The online clusterer
replaces ``assign_stories`` with the same signature.
"""

from __future__ import annotations

import hashlib
from typing import Sequence

from ..records import Article

__all__ = ["assign_stories", "cluster", "story_id_for"]

SINGLE_STORY = "s-" + hashlib.blake2b(b"all", digest_size=6).hexdigest()


def assign_stories(new_articles: Sequence[Article], existing: dict[str, str] | None = None) -> dict[str, str]:
    """Story id for each new article (article id -> story id)."""
    return {a.id: SINGLE_STORY for a in new_articles}


def cluster(articles: Sequence[Article]) -> list[str]:
    """Story id per article, in order."""
    m = assign_stories(articles)
    return [m[a.id] for a in articles]


def story_id_for(articles: Sequence[Article]) -> str:
    """A stable story id from the ids of its articles."""
    h = hashlib.blake2b(digest_size=6)
    for aid in sorted(a.id for a in articles):
        h.update(aid.encode())
    return "s-" + h.hexdigest()
