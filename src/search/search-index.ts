/**
 * Searching the library in D1 (FTS5; the tables in src/search/schema.ts).
 * Every value a reader sends is a bound parameter; the query text itself is
 * built by fts-query.ts, which cannot produce an FTS5 syntax error.
 *
 * Two round trips: one batch for the page of articles (ranked) and their
 * number, then the best sentences of that page's articles.
 */
import { allWords, anyWordInBody } from "./fts-query";
import { type Highlight, highlightRanges, MARK_END, MARK_START } from "./highlights";
import { BM25_WEIGHTS, TITLES, UNITS } from "./schema";

export interface SearchSnippet {
  section: string;
  sectionTitle: string | null;
  /** A whole sentence or list item, verbatim. */
  text: string;
  highlights: Highlight[];
}

export interface SearchHit {
  slug: string;
  title: string;
  snippets: SearchSnippet[];
}

export interface SearchPage {
  /** How many articles match. */
  total: number;
  hits: SearchHit[];
}

export interface SearchRequest {
  words: readonly string[];
  page: number;
  pageSize: number;
  /** Sentences shown per article, at most. */
  snippets: number;
}

const COUNT = `SELECT COUNT(DISTINCT slug) AS total FROM ${UNITS.table} WHERE ${UNITS.table} MATCH ?1`;

/**
 * The articles, best first: those whose title has every word, then by their
 * best sentence's bm25 (title, headings and text weighted), then by slug.
 * (bm25 cannot be aggregated where it is computed, hence the CTE.)
 */
const PAGE = `WITH hits AS MATERIALIZED (
  SELECT slug, title, bm25(${UNITS.table}, ${BM25_WEIGHTS}) AS score FROM ${UNITS.table} WHERE ${UNITS.table} MATCH ?1
), titled AS MATERIALIZED (
  SELECT slug FROM ${TITLES.table} WHERE ${TITLES.table} MATCH ?1
)
SELECT slug, MIN(title) AS title, slug IN titled AS titled, MIN(score) AS best FROM hits
GROUP BY slug ORDER BY titled DESC, best, slug LIMIT ?2 OFFSET ?3`;

/** The best sentences of some articles (a JSON array of slugs) that hold any of the words. */
const SNIPPETS = `WITH hits AS MATERIALIZED (
  SELECT rowid AS id, slug, section, section_title, body,
    highlight(${UNITS.table}, 2, char(${MARK_START.charCodeAt(0)}), char(${MARK_END.charCodeAt(0)})) AS marked,
    bm25(${UNITS.table}, ${BM25_WEIGHTS}) AS score
  FROM ${UNITS.table} WHERE ${UNITS.table} MATCH ?1 AND slug IN (SELECT value FROM json_each(?2))
)
SELECT slug, section, section_title, body, marked FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY slug ORDER BY score, id) AS n FROM hits
) WHERE n <= ?3 ORDER BY slug, n`;

interface PageRow {
  slug: string;
  title: string;
}
interface SnippetRow {
  slug: string;
  section: string;
  section_title: string | null;
  body: string;
  marked: string;
}

/** One page of the articles that hold every word, each with its best sentences. */
export async function searchIndex(db: D1Database, request: SearchRequest): Promise<SearchPage> {
  const query = allWords(request.words);
  const [count, page] = await db.batch<Record<string, unknown>>([
    db.prepare(COUNT).bind(query),
    db.prepare(PAGE).bind(query, request.pageSize, (request.page - 1) * request.pageSize),
  ]);
  const total = Number(count?.results[0]?.total ?? 0);
  const rows = (page?.results ?? []) as unknown as PageRow[];
  if (rows.length === 0) return { total, hits: [] };
  const snippets = await db
    .prepare(SNIPPETS)
    .bind(anyWordInBody(request.words), JSON.stringify(rows.map((row) => row.slug)), request.snippets)
    .all<SnippetRow>();
  const bySlug = new Map<string, SnippetRow[]>();
  for (const row of snippets.results) bySlug.set(row.slug, [...(bySlug.get(row.slug) ?? []), row]);
  return {
    total,
    hits: rows.map(({ slug, title }) => ({
      slug,
      title,
      snippets: (bySlug.get(slug) ?? []).map((row) => ({
        section: row.section,
        sectionTitle: row.section_title,
        text: row.body,
        highlights: highlightRanges(row.marked, row.body),
      })),
    })),
  };
}
