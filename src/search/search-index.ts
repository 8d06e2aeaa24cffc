/**
 * Searching the library in D1 (FTS5; the tables in src/search/schema.ts).
 * Every value a reader sends is a bound parameter; the query text itself is
 * built by fts-query.ts, which cannot produce an FTS5 syntax error.
 *
 * Two round trips: one batch for the page of articles (ranked, from one row
 * per article) and their number, then one batch for the best sentences of
 * that page's articles, each read within its article's range of rowids.
 */
import { allWords, allWordsInTitle, anyWord } from "./fts-query";
import { type Highlight, highlightRanges, MARK_END, MARK_START } from "./highlights";
import { ARTICLES, BM25_WEIGHTS, UNITS } from "./schema";

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

const A = ARTICLES.table;
const U = UNITS.table;

const COUNT = `SELECT COUNT(*) AS total FROM ${A} WHERE ${A} MATCH ?1`;

/** The articles, best first: those whose title has every word, then by bm25 (title, headings, text weighted), then slug. */
const PAGE = `WITH titled AS MATERIALIZED (SELECT rowid AS id FROM ${A} WHERE ${A} MATCH ?2)
SELECT slug, title, first_unit, last_unit FROM ${A} WHERE ${A} MATCH ?1
ORDER BY rowid IN titled DESC, bm25(${A}, ${BM25_WEIGHTS}), slug LIMIT ?3 OFFSET ?4`;

/**
 * An article's best sentences holding any of the words, at most ?4. The
 * rowid range, bound per article, lets FTS5 read only that article's
 * sentences; one statement per article, all in one batch.
 */
const SNIPPETS = `SELECT section, section_title, body,
  highlight(${U}, 0, char(${MARK_START.charCodeAt(0)}), char(${MARK_END.charCodeAt(0)})) AS marked
FROM ${U} WHERE ${U} MATCH ?1 AND rowid BETWEEN ?2 AND ?3
ORDER BY bm25(${U}), rowid LIMIT ?4`;

interface PageRow {
  slug: string;
  title: string;
  first_unit: number;
  last_unit: number;
}
interface SnippetRow {
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
    db
      .prepare(PAGE)
      .bind(query, allWordsInTitle(request.words), request.pageSize, (request.page - 1) * request.pageSize),
  ]);
  const total = Number(count?.results[0]?.total ?? 0);
  const rows = (page?.results ?? []) as unknown as PageRow[];
  if (rows.length === 0) return { total, hits: [] };
  const anyOfTheWords = anyWord(request.words);
  const snippets = await db.batch<SnippetRow>(
    rows.map((row) => db.prepare(SNIPPETS).bind(anyOfTheWords, row.first_unit, row.last_unit, request.snippets)),
  );
  return {
    total,
    hits: rows.map(({ slug, title }, index) => ({
      slug,
      title,
      snippets: (snippets[index]?.results ?? []).map((row) => ({
        section: row.section,
        sectionTitle: row.section_title,
        text: row.body,
        highlights: highlightRanges(row.marked, row.body),
      })),
    })),
  };
}

/** Resolves when the index's tables exist and answer: the readiness check's question. */
export async function checkSearchIndex(db: D1Database): Promise<void> {
  await db.prepare(`SELECT 1 FROM ${ARTICLES.table} LIMIT 1`).first();
}
