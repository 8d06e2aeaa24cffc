/**
 * The search index's tables as the Worker and the seed builder both name them
 * (created by migrations/0001_search_index.sql): FTS5 tables of articles (to
 * find and rank them) and of the publisher's whole sentences and list items
 * (the snippets).
 */

/** One row per article. */
export const ARTICLES = {
  table: "search_articles",
  columns: ["rowid", "title", "headings", "body", "slug", "first_unit", "last_unit"],
} as const;

/** One row per whole sentence or list item; an article's rows have consecutive rowids. */
export const UNITS = {
  table: "search_units",
  columns: ["rowid", "body", "slug", "section", "section_title"],
} as const;

/** A row of `search_articles`. */
export type SearchArticle = {
  rowid: number;
  title: string;
  /** Every section heading, separated by spaces. */
  headings: string;
  /** Every sentence and list item (the article's units), separated by spaces. */
  body: string;
  slug: string;
  first_unit: number;
  last_unit: number;
};

/** A row of `search_units`: a whole sentence or list item, with where it comes from. */
export type SearchUnit = {
  rowid: number;
  /** The sentence or list item, verbatim. */
  body: string;
  slug: string;
  /** The id of the section the sentence is in. */
  section: string;
  /** That section's own heading; null for the untitled introduction. */
  section_title: string | null;
};

/**
 * bm25 weights of `search_articles`' searched columns (title, headings,
 * body): a word of the title counts ten times a word of the text, one of a
 * heading four times.
 */
export const BM25_WEIGHTS = "10.0, 4.0, 1.0";
