-- Which revision of each article the search index holds
-- (scripts/search/search-update.ts reads it to apply only what changed).
--
-- revision: a hash of the article's compiled file and of the code that
-- writes its rows, so the database itself says what it holds, whatever
-- local file claims otherwise. article: the rowid of its row in
-- search_articles. first_unit..last_unit: the consecutive rowids of its
-- sentences in search_units, a block each article's statements take at the
-- end (after the largest last_unit) when they are applied, so an article's
-- statements do not depend on any other article's.
CREATE TABLE IF NOT EXISTS search_revisions (
  article INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  revision TEXT NOT NULL,
  first_unit INTEGER NOT NULL,
  last_unit INTEGER NOT NULL
);

-- The next block starts after max(last_unit): an index makes that one lookup.
CREATE INDEX IF NOT EXISTS search_revisions_last_unit ON search_revisions (last_unit);
