-- The review workflow across a newsroom (crates/desk/src/review.rs): which local article each
-- WordPress post under review is, what the site last said about it, and its local score.
-- `side` is who this data folder is for that post: the editor reviewing it, or the reporter
-- who submitted it (one folder may be both, on different posts).
CREATE TABLE review_posts (
    target        TEXT NOT NULL,
    remote_id     TEXT NOT NULL,
    side          TEXT NOT NULL CHECK (side IN ('editor', 'reporter')),
    article_id    TEXT NOT NULL,
    status        TEXT NOT NULL,            -- WordPress's status word as last seen
    author        TEXT NOT NULL DEFAULT '',
    submitted_at  TEXT,                     -- modified_gmt when last seen pending
    modified_gmt  TEXT NOT NULL,
    link          TEXT,
    note          TEXT,
    note_by       TEXT,
    note_at       TEXT,
    words         INTEGER NOT NULL DEFAULT 0,
    score         INTEGER,                  -- the desk's profile
    rankmath      INTEGER,                  -- Rank Math's number
    band          TEXT,
    failing       TEXT NOT NULL DEFAULT '[]',  -- JSON: the top failing checks' ids
    -- Reporter: the local article's updated_at (microseconds) when it was last in step with
    -- the post; a later local change is an unsynced edit that a sync never writes over.
    base_updated_at INTEGER,
    conflict      TEXT,                     -- why the last sync kept both texts, until resolved
    PRIMARY KEY (target, remote_id, side)
) STRICT;

CREATE INDEX review_posts_article ON review_posts (article_id);

-- How far each pull has read: the site's modification time of the newest post seen.
CREATE TABLE review_cursors (
    target     TEXT NOT NULL,
    side       TEXT NOT NULL CHECK (side IN ('editor', 'reporter')),
    cursor     TEXT NOT NULL,
    synced_at  INTEGER NOT NULL,            -- microseconds since the epoch, UTC
    PRIMARY KEY (target, side)
) STRICT;
