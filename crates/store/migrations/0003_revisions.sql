-- Full copies of an article at moments worth going back to. Retention (see revisions.rs)
-- thins out old snapshots; `named` revisions are kept forever.
CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN
                    ('snapshot', 'save', 'before_restore', 'restore', 'before_publish', 'named')),
    name        TEXT,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    meta        TEXT NOT NULL,
    extra       TEXT
) STRICT;

CREATE INDEX revisions_article ON revisions (article_id, created_at DESC, id DESC);
