-- The working copy of every article. Columns that lists, filters and sorts need are kept
-- outside the JSON so that they can be indexed; `meta` holds the rest of redaksi_article::Meta.
CREATE TABLE articles (
    -- Small columns first: SQLite reads a row from its start, and a column placed after the
    -- body would drag the body's overflow pages in just to read a date.
    id          TEXT PRIMARY KEY NOT NULL,          -- UUID, hyphenated lower case
    title       TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'draft',
    category    TEXT,
    byline      TEXT,
    word_count  INTEGER NOT NULL DEFAULT 0,
    score       INTEGER,                            -- set by the app from the SEO report, 0..=100
    created_at  INTEGER NOT NULL,                   -- microseconds since the Unix epoch, UTC
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER,                            -- set while the article is in the trash
    excerpt     TEXT NOT NULL DEFAULT '',
    meta        TEXT NOT NULL DEFAULT '{}',         -- JSON of Meta without `extra`
    extra       TEXT,                               -- YAML of Meta::extra (unknown front-matter keys)
    body        TEXT NOT NULL
) STRICT;

CREATE INDEX articles_live_updated ON articles (updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_deleted ON articles (deleted_at) WHERE deleted_at IS NOT NULL;
