-- Images stored once, by content hash, under <data dir>/media; articles reference them.
CREATE TABLE media (
    hash        TEXT PRIMARY KEY NOT NULL,      -- SHA-256, lower-case hex
    ext         TEXT NOT NULL,
    size        INTEGER NOT NULL,
    source_name TEXT NOT NULL,                  -- the file name it was imported from
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE article_media (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    hash        TEXT NOT NULL REFERENCES media (hash),
    PRIMARY KEY (article_id, hash)
) STRICT, WITHOUT ROWID;
