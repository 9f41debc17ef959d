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

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, tags, byline)
    VALUES ('delete', old.rowid, old.title, old.body, old.tags, old.byline);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, tags, byline ON articles
WHEN old.title IS NOT new.title OR old.body IS NOT new.body
  OR old.tags IS NOT new.tags OR old.byline IS NOT new.byline
BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, tags, byline)
    VALUES ('delete', old.rowid, old.title, old.body, old.tags, old.byline);
    INSERT INTO articles_fts (rowid, title, body, tags, byline)
    VALUES (new.rowid, new.title, new.body, new.tags, new.byline);
END;

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
