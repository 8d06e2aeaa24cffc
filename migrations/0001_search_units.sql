-- Search (GET /v1/search, src/search/). Written by the build
-- (scripts/search/build-search-index.ts into build/search/seed.sql).
--
-- search_units: one row per whole sentence or list item of every article, as
-- the publisher wrote it, never a clause cut out of one. Every row also
-- carries its article's title and its section's headings (its own and its
-- ancestors'), so one query can match words of a title, a heading and a
-- sentence together, and bm25's column weights rank a sentence under a
-- matching heading above one that only mentions the words.
CREATE VIRTUAL TABLE IF NOT EXISTS search_units USING fts5(
  title,
  headings,
  body,
  slug UNINDEXED,
  section UNINDEXED,
  section_title UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- search_articles: one row per article, its title: an article whose title
-- holds every word searched for ranks above those that only mention them.
CREATE VIRTUAL TABLE IF NOT EXISTS search_articles USING fts5(
  title,
  slug UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
