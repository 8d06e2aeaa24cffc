-- Partners told of changes (src/partners/): subscriptions, the events this
-- service announced, each event's delivery to each subscription, and the
-- library as last announced, so a new deploy's changes can be found.
-- Operational state: kept apart from the search index, which the build
-- rebuilds from the content.

-- A partner's endpoint: where to post, with which secret, for which events
-- (a JSON array of event types) and which articles (a JSON array of slugs, or
-- NULL for all). disabled_at and disabled_reason say when and why deliveries
-- stopped; failed_deliveries counts deliveries given up on since the last success.
CREATE TABLE IF NOT EXISTS subscriptions (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  events TEXT NOT NULL,
  articles TEXT,
  created_at TEXT NOT NULL,
  disabled_at TEXT,
  disabled_reason TEXT,
  failed_deliveries INTEGER NOT NULL DEFAULT 0,
  last_success_at TEXT
);

-- Every event announced, with the exact JSON posted for it (what is signed).
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  slug TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- One event to one subscription: pending until delivered, or dead when every
-- retry failed. The pair is the idempotency key: a message delivered twice by
-- the queue is posted once.
CREATE TABLE IF NOT EXISTS deliveries (
  event_id TEXT NOT NULL REFERENCES events (id),
  subscription_id TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  last_result TEXT,
  PRIMARY KEY (event_id, subscription_id)
);
CREATE INDEX IF NOT EXISTS deliveries_by_subscription ON deliveries (subscription_id, last_attempt_at);

-- The library as last announced: each article's content hash and its
-- sections' hashes (a JSON array of {id, hash}), and the index version they
-- came from (one row).
CREATE TABLE IF NOT EXISTS announced_articles (
  slug TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  sections TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS announced_library (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version TEXT NOT NULL,
  announced_at TEXT NOT NULL
);
