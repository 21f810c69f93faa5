"""The SQLite schema as forward migrations; ``PRAGMA user_version`` holds the applied count."""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, stories, briefs
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT,
        url TEXT,
        title TEXT,
        published TEXT,
        published_inferred INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL,
        lang TEXT NOT NULL DEFAULT 'en',
        meta TEXT NOT NULL DEFAULT '{}',
        ingested_at TEXT NOT NULL,
        seq INTEGER NOT NULL,
        story_id TEXT,
        duplicate_of TEXT
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_unassigned ON articles(seq) WHERE story_id IS NULL;
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_seen TEXT NOT NULL,
        updated TEXT NOT NULL,
        first_published TEXT,
        last_published TEXT,
        size INTEGER NOT NULL DEFAULT 0,
        dirty INTEGER NOT NULL DEFAULT 1,
        data TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX stories_updated ON stories(updated);
    CREATE INDEX stories_dirty ON stories(id) WHERE dirty = 1;
    CREATE TABLE briefs (
        story_id TEXT PRIMARY KEY REFERENCES stories(id),
        json TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
)
