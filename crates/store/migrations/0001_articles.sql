-- The working copy of every article. Columns that lists, filters and sorts need are kept
-- outside the JSON so that they can be indexed; `meta` holds the rest of redaksi_article::Meta.
CREATE TABLE articles (
    id          TEXT PRIMARY KEY NOT NULL,          -- UUID, hyphenated lower case
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    meta        TEXT NOT NULL DEFAULT '{}',         -- JSON of Meta without `extra`
    extra       TEXT,                               -- YAML of Meta::extra (unknown front-matter keys)
    status      TEXT NOT NULL DEFAULT 'draft',
    category    TEXT,
    byline      TEXT,
    word_count  INTEGER NOT NULL DEFAULT 0,
    excerpt     TEXT NOT NULL DEFAULT '',
    score       INTEGER,                            -- set by the app from the SEO report, 0..=100
    created_at  INTEGER NOT NULL,                   -- microseconds since the Unix epoch, UTC
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER                             -- set while the article is in the trash
) STRICT;

CREATE INDEX articles_live_updated ON articles (updated_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_deleted ON articles (deleted_at) WHERE deleted_at IS NOT NULL;
