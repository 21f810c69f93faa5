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
    # 2: per-article analysis cache, grouping state, full-text search, story entities
    """
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        version TEXT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE TABLE story_state (
        story_id TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE article_sigs (
        article_id TEXT PRIMARY KEY,
        sig BLOB NOT NULL
    );
    CREATE TABLE story_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        story_id TEXT NOT NULL,
        other_id TEXT,
        detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE story_entities (
        story_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        articles INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (story_id, entity_id)
    );
    CREATE INDEX story_entities_name ON story_entities(name COLLATE NOCASE);
    CREATE VIRTUAL TABLE stories_fts USING fts5(story_id UNINDEXED, headline, summary, entities,
                                                tokenize = 'porter unicode61');
    CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text,
                                                 tokenize = 'porter unicode61');
    """,
    # 3: indexes for appends and story lists at scale
    """
    CREATE INDEX articles_seq ON articles(seq);
    CREATE INDEX stories_size ON stories(size DESC, updated DESC);
    CREATE INDEX stories_last_published ON stories(last_published DESC);
    """,
    # 4: every name of a story's entities (canonical name and aliases), so that a spelling finds it; the
    # aliases of the briefs already stored are read in Python after it (``SQLiteStore._backfill_names``),
    # whatever shape an old brief's JSON has
    """
    CREATE TABLE story_entity_names (
        story_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (story_id, entity_id, name)
    );
    CREATE INDEX story_entity_names_name ON story_entity_names(name COLLATE NOCASE);
    INSERT OR IGNORE INTO story_entity_names (story_id, entity_id, name)
        SELECT story_id, entity_id, name FROM story_entities;
    """,
    # 5: the earlier versions of an article that came again changed (a correction under the same link,
    # a file read again once complete), newest last
    """
    CREATE TABLE article_revisions (
        article_id TEXT NOT NULL,
        revised_at TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        published TEXT,
        meta TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX article_revisions_article ON article_revisions(article_id);
    """,
    # 6: each entity name's sound (``name_sound``: "Gadhafi", "Gaddafi" and "Qaddafi" alike), so that a
    # spelling finds the stories that write another (filled in Python after it: ``_backfill_sounds``);
    # articles by address, so that an article posted again under another id is found as the same
    """
    ALTER TABLE story_entity_names ADD COLUMN sound TEXT;
    CREATE INDEX story_entity_names_sound ON story_entity_names(sound);
    CREATE INDEX articles_url ON articles(url);
    """,
    # 7: the lines of every article (``template.line_hashes``: its lines of six words or more), so that
    # a line written on many pages of several stories is found to be page template
    # (``SQLiteStore.template_pages``); filled in Python for the articles already stored (``_backfill_lines``)
    """
    CREATE TABLE article_lines (
        line TEXT NOT NULL,
        article_id TEXT NOT NULL,
        PRIMARY KEY (line, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_lines_article ON article_lines(article_id);
    """,
    # 8: each story's brief rendered as a reader reads it (``serve.views``: the web page, the Markdown),
    # kept until its brief changes (``put_brief`` drops them), so that serving a brief is a look-up
    """
    CREATE TABLE brief_views (
        story_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        body BLOB NOT NULL,
        PRIMARY KEY (story_id, kind)
    ) WITHOUT ROWID;
    """,
    # 9: the stories' search rows folded as a reader types a query (``sqlite.search_fold``: "ß" as "ss",
    # accents off), filled in Python for the stories already stored (``_backfill_search_fold``)
    "",
    # 10: each entity name's sound of its words folded alike (``name_sound`` through ``search_fold``:
    # "orsted" finds "Ørsted"), computed again in Python for the names already stored (``_backfill_sounds``)
    "",
    # 11: the stories' search rows with each letter of a script written without spaces (Han, kana) a word of
    # its own (``sqlite.search_text``: "北京" found in "今天北京下雨"), folded again in Python for the stories
    # already stored (``_backfill_search_fold``)
    "",
)

SEARCH_SPACED = 11   # the schema from which those rows hold Han and kana letter by letter (``search_text``)
SEARCH_FOLDED = 9   # the schema from which the stories' search rows are stored folded (``search_fold``)
