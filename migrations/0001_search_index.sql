-- Search (GET /v1/search, src/search/). Filled by the build's seed
-- (scripts/search/build-search-index.ts into build/search/seed.sql).
--
-- search_articles: one row per article, to find and rank articles: its
-- title, its headings and its text, so an article matches when it holds every
-- word searched for anywhere, and bm25's column weights rank a title's words
-- above a heading's and a heading's above the text's. first_unit and
-- last_unit are the rowids of its sentences in search_units.
CREATE VIRTUAL TABLE IF NOT EXISTS search_articles USING fts5(
  title,
  headings,
  body,
  slug UNINDEXED,
  first_unit UNINDEXED,
  last_unit UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- search_units: one row per whole sentence or list item of every article, as
-- the publisher wrote it, never a clause cut out of one: the snippets. An
-- article's rows have consecutive rowids, so its best sentences are found
-- within its rowid range without reading other articles'.
CREATE VIRTUAL TABLE IF NOT EXISTS search_units USING fts5(
  body,
  slug UNINDEXED,
  section UNINDEXED,
  section_title UNINDEXED,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
