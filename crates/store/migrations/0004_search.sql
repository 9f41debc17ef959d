-- Full-text search over title, body, tags and byline. Diacritics are folded (é matches e) and
-- prefix indexes make "banj*" cheap. The index reads its text from `articles` (external
-- content), so each article is stored once; triggers keep the two in step.
ALTER TABLE articles ADD COLUMN tags TEXT NOT NULL DEFAULT '';  -- tags, one per line

CREATE TABLE article_tags (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag         TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (article_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag, article_id);

CREATE INDEX articles_live_score ON articles (score DESC) WHERE deleted_at IS NULL;
CREATE INDEX articles_live_title ON articles (title COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX articles_live_status ON articles (status, updated_at DESC) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, tags, byline,
    content = 'articles',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body, tags, byline)
    VALUES (new.rowid, new.title, new.body, new.tags, new.byline);
END;

-- Autosave must stay fast while a long article is typed, so an edit does not re-index at
-- once: the first edit after indexing parks the values the index holds in `fts_pending`
-- (needed to take them out of the index later), and `Store::flush_search_index` brings the
-- index up to date before every search and when the app is idle.
CREATE TABLE fts_pending (
    rowid   INTEGER PRIMARY KEY,
    title   TEXT,
    body    TEXT,
    tags    TEXT,
    byline  TEXT
) STRICT;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, tags, byline)
    SELECT 'delete', old.rowid, p.title, p.body, p.tags, p.byline
    FROM fts_pending p WHERE p.rowid = old.rowid
    UNION ALL
    SELECT 'delete', old.rowid, old.title, old.body, old.tags, old.byline
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE rowid = old.rowid);
    DELETE FROM fts_pending WHERE rowid = old.rowid;
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, tags, byline ON articles
WHEN old.title IS NOT new.title OR old.body IS NOT new.body
  OR old.tags IS NOT new.tags OR old.byline IS NOT new.byline
BEGIN
    -- Not `INSERT OR IGNORE`: the upsert that fires this trigger would override that policy.
    INSERT INTO fts_pending (rowid, title, body, tags, byline)
    SELECT old.rowid, old.title, old.body, old.tags, old.byline
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE rowid = old.rowid);
END;

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
