-- What the folder mirror last wrote or read for each file, so that it can tell its own writes
-- (echoes) from real edits, and edits on both sides (conflicts) from edits on one.
CREATE TABLE folder_files (
    folder      TEXT NOT NULL,
    rel_path    TEXT NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    file_hash   TEXT NOT NULL,      -- SHA-256 of the file as last synced
    synced_at   INTEGER NOT NULL,   -- the article's updated_at when last synced
    PRIMARY KEY (folder, rel_path)
) STRICT;
CREATE INDEX folder_files_article ON folder_files (article_id);
