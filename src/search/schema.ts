/**
 * The search index's tables as the Worker and the seed builder both name them
 * (created by migrations/0001_search_units.sql): FTS5 tables of the
 * publisher's whole sentences and list items, and of article titles.
 */

/** One row per whole sentence or list item. */
export const UNITS = {
  table: "search_units",
  /** The three searched columns, then what a result shows. */
  columns: ["title", "headings", "body", "slug", "section", "section_title"],
} as const;

/** One row per article: its title. */
export const TITLES = { table: "search_articles", columns: ["title", "slug"] } as const;

/** A row of `search_units`: a whole sentence or list item, with where it comes from. */
export type SearchUnit = {
  /** The article's title. */
  title: string;
  /** The headings above the sentence, outermost first, joined by " | "; empty for untitled text. */
  headings: string;
  /** The sentence or list item, verbatim. */
  body: string;
  slug: string;
  /** The id of the section the sentence is in. */
  section: string;
  /** That section's own heading; null for the untitled introduction. */
  section_title: string | null;
};

/** A row of `search_articles`. */
export type SearchTitle = {
  title: string;
  slug: string;
};

/**
 * bm25 weights of `search_units`' searched columns (title, headings, body):
 * a word of the title counts ten times a word of the text, one of a heading
 * four times.
 */
export const BM25_WEIGHTS = "10.0, 4.0, 1.0";
