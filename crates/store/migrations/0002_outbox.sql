-- The publish outbox (owned by redaksi-publish). A publish request is a row here before any
-- byte goes to the network; the remote mapping is what makes a publish happen exactly once.

-- CMS accounts. The password or API key is in the OS keyring, never in this file.
CREATE TABLE publish_targets (
    name        TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('wordpress', 'ghost')),
    url         TEXT NOT NULL,
    username    TEXT,
    created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id      TEXT NOT NULL,
    target          TEXT NOT NULL,
    snapshot        TEXT NOT NULL,      -- the article as .md with front matter, at request time
    remote_status   TEXT NOT NULL,      -- draft | pending | publish | future
    publish_at      INTEGER,            -- microseconds, for `future`
    state           TEXT NOT NULL CHECK (state IN
                        ('queued', 'sending', 'sent', 'conflict', 'needs-auth', 'failed', 'needs-confirmation')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    remote_id       TEXT,
    remote_url      TEXT,
    version_token   TEXT,
    remote_copy     TEXT,               -- on conflict: the CMS's version, for the diff
    report          TEXT,               -- JSON: SEO fields read back, terms not created, notes
    overwrite       INTEGER NOT NULL DEFAULT 0,
    confirmed       INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
) STRICT;

CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'queued';
CREATE INDEX outbox_post ON outbox (article_id, target, state);

-- One row per article and target: the remote post it became. `create_intent_at` is set in
-- the same transaction that marks a create as about to be sent; a row with an intent and no
-- remote id means "the outcome is unknown: look the post up before creating again".
CREATE TABLE remote_posts (
    article_id       TEXT NOT NULL,
    target           TEXT NOT NULL,
    slug             TEXT NOT NULL,
    remote_id        TEXT,
    url              TEXT,
    version_token    TEXT,
    create_intent_at INTEGER,
    synced_at        INTEGER,
    PRIMARY KEY (article_id, target)
) STRICT;

-- Uploaded images, so that a retry never uploads the same file twice.
CREATE TABLE remote_media (
    target     TEXT NOT NULL,
    local_key  TEXT NOT NULL,
    remote_id  TEXT NOT NULL,
    url        TEXT NOT NULL,
    PRIMARY KEY (target, local_key)
) STRICT;
