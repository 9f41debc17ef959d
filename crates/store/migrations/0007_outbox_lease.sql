-- Two workers may share one database (the app and `redaksi outbox run`). A row being sent
-- belongs to the worker that claimed it until its lease runs out; only then may another
-- worker take it over (the owner died or lost the database).
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE outbox ADD COLUMN lease_until INTEGER;   -- microseconds since the epoch, UTC
