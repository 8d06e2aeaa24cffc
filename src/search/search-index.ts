/**
 * Searching the library in D1 (FTS5; the tables in src/search/schema.ts).
 * Every value a reader sends is a bound parameter; the query text itself is
 * built by fts-query.ts, which cannot produce an FTS5 syntax error.
 *
 * Two round trips: one batch for the page of articles (ranked, from one row
 * per article) and their number, then one batch for the best sentences of
 * that page's articles, each read within its article's range of rowids.
 *
 * What a search costs is bounded by RANKED_AT_MOST and the page asked for,
 * not by how many articles match: at most that many are ranked (past it,
 * those first in the index's order, and those whose title has every word),
 * and an article's row is read only for the articles up to the page's end.
 * What still grows with the matches is FTS5 reading the words' index entries
 * (bm25's counts, which titles hold the words): no row is read for those.
 */
import { allWords, allWordsInTitle, anyWord, titledRanking } from "./fts-query";
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
  /** How many articles were ranked: every one that matches, unless `totalIsLowerBound`. */
  total: number;
  /** More articles match than were ranked: `total` is how many at least match. */
  totalIsLowerBound: boolean;
  hits: SearchHit[];
}

export interface SearchRequest {
  words: readonly string[];
  page: number;
  pageSize: number;
  /** Sentences shown per article, at most. */
  snippets: number;
  /** RANKED_AT_MOST unless given (the tests give a smaller one, to rank past it on a small library). */
  rankedAtMost?: number;
}

/**
 * Articles ranked per search, at most. Up to this many matches, every
 * matching article is ranked exactly; past it, the first this many in the
 * index's order are, with (ahead of them) the first this many whose title
 * has every word. A word most articles hold has next to no weight in bm25
 * (FTS5's IDF of such a word is all but zero), so beyond the title's words
 * ranking all of them would cost the most where it tells the least apart.
 */
export const RANKED_AT_MOST = 1_000;

const A = ARTICLES.table;
const U = UNITS.table;

/**
 * The parameters of COUNT and PAGE: ?1 every word (allWords), ?2 every word
 * in the title (allWordsInTitle), ?3 both (titledRanking), ?4 the ranked
 * articles at most, ?5 the page's size, ?6 its offset.
 *
 * FOUND is the first matches in the index's order, one more than are ranked
 * (to tell whether more match); TITLED the first whose title has every word.
 * Both read index entries only.
 */
const FOUND = `found AS MATERIALIZED (SELECT rowid AS id FROM ${A} WHERE ${A} MATCH ?1 ORDER BY rowid LIMIT ?4 + 1),
bound AS MATERIALIZED (SELECT count(*) > ?4 AS capped, (SELECT id FROM found ORDER BY id LIMIT 1 OFFSET ?4 - 1) AS last FROM found),
titled AS MATERIALIZED (SELECT rowid AS id FROM ${A} WHERE ${A} MATCH ?2 ORDER BY rowid LIMIT ?4)`;

/** How many articles are ranked, and whether more match: the first matches and the titled ones past them. */
const COUNT = `WITH ${FOUND}
SELECT CASE WHEN capped THEN ?4 + (SELECT count(*) FROM titled WHERE id > last) ELSE (SELECT count(*) FROM found) END AS total,
  capped FROM bound`;

/**
 * The page: those whose title has every word first, then by bm25 (title,
 * headings, text weighted), then slug.
 *
 * RANKED is each ranked article's place as rowid and sort keys alone, from
 * the index (bm25 reads only the index and each row's size): every match
 * when no more than ?4 do; past that, the titled first ?4, by bm25 of
 * titledRanking (the only query FTS5 answers for them alone: a per-row look-up
 * costs each one a pass over the words' whole index), then the first ?4
 * matches. Only the rows up to the page's end (CUTOFF, with ties) are read
 * for their slug, which settles ties, and what is shown: an article's row
 * holds its whole text, and reading every match's is what made common words slow.
 */
const PAGE = `WITH ${FOUND},
ranked AS MATERIALIZED (
  SELECT rowid AS id, rowid IN titled AS t, bm25(${A}, ${BM25_WEIGHTS}) AS s FROM ${A}
  WHERE ${A} MATCH ?1 AND NOT (SELECT capped FROM bound)
  UNION ALL
  SELECT rowid, 1, bm25(${A}, ${BM25_WEIGHTS}) FROM ${A}
  WHERE ${A} MATCH ?3 AND rowid <= (SELECT max(id) FROM titled) AND (SELECT capped FROM bound)
  UNION ALL
  SELECT rowid, 0, bm25(${A}, ${BM25_WEIGHTS}) FROM ${A}
  WHERE ${A} MATCH ?1 AND rowid <= (SELECT last FROM bound) AND rowid NOT IN titled AND (SELECT capped FROM bound)
),
cutoff AS MATERIALIZED (SELECT t, s FROM ranked ORDER BY t DESC, s LIMIT 1 OFFSET ?6 + ?5 - 1),
head AS (SELECT id, t, s FROM ranked
  WHERE NOT EXISTS (SELECT 1 FROM cutoff) OR t > (SELECT t FROM cutoff) OR (t = (SELECT t FROM cutoff) AND s <= (SELECT s FROM cutoff)))
SELECT a.slug, a.title, a.first_unit, a.last_unit FROM head JOIN ${A} AS a ON a.rowid = head.id
ORDER BY head.t DESC, head.s, a.slug LIMIT ?5 OFFSET ?6`;

/**
 * Every sentence of an article holding any of the words, in its order. The
 * rowid range, bound per article, lets FTS5 read only that article's
 * sentences; one statement per article, all in one batch. They are not
 * ranked by bm25: its weights need each word's count over the whole index,
 * which FTS5 reads afresh in every statement, a pass over every sentence
 * holding a common word (bestSentences ranks them).
 * The bounds are cast: D1 binds a JavaScript number as a REAL, and FTS5
 * does not narrow its scan to a range given in REALs, reading every sentence
 * holding the words in the whole index instead.
 */
const SNIPPETS = `SELECT section, section_title, body,
  highlight(${U}, 0, char(${MARK_START.charCodeAt(0)}), char(${MARK_END.charCodeAt(0)})) AS marked
FROM ${U} WHERE ${U} MATCH ?1 AND rowid BETWEEN CAST(?2 AS INTEGER) AND CAST(?3 AS INTEGER)
ORDER BY rowid`;

interface PageRow {
  slug: string;
  title: string;
  first_unit: number;
  last_unit: number;
}
export interface SnippetRow {
  section: string;
  section_title: string | null;
  body: string;
  marked: string;
}

/** One page of the articles that hold every word, each with its best sentences. */
export async function searchIndex(db: D1Database, request: SearchRequest): Promise<SearchPage> {
  const { words, pageSize } = request;
  const parameters = [
    allWords(words),
    allWordsInTitle(words),
    titledRanking(words),
    request.rankedAtMost ?? RANKED_AT_MOST,
  ];
  const [count, page] = await db.batch<Record<string, unknown>>([
    db.prepare(COUNT).bind(...parameters),
    db.prepare(PAGE).bind(...parameters, pageSize, (request.page - 1) * pageSize),
  ]);
  const total = Number(count?.results[0]?.total ?? 0);
  const totalIsLowerBound = Boolean(count?.results[0]?.capped);
  const rows = (page?.results ?? []) as unknown as PageRow[];
  if (rows.length === 0) return { total, totalIsLowerBound, hits: [] };
  const anyOfTheWords = anyWord(request.words);
  const snippets = await db.batch<SnippetRow>(
    rows.map((row) => db.prepare(SNIPPETS).bind(anyOfTheWords, row.first_unit, row.last_unit)),
  );
  return {
    total,
    totalIsLowerBound,
    hits: rows.map(({ slug, title }, index) => ({
      slug,
      title,
      snippets: bestSentences(snippets[index]?.results ?? [], request.snippets),
    })),
  };
}

/**
 * An article's best `count` sentences: those holding the most different
 * words searched for (told apart as written: "cramp" and "cramps" count as
 * two), then the shortest (the words say more of it), then the first.
 */
export function bestSentences(rows: readonly SnippetRow[], count: number): SearchSnippet[] {
  return rows
    .map((row, order) => {
      const highlights = highlightRanges(row.marked, row.body);
      const words = new Set(highlights.map(({ start, end }) => row.body.slice(start, end).toLowerCase())).size;
      return { row, highlights, words, order };
    })
    .sort((a, b) => b.words - a.words || a.row.body.length - b.row.body.length || a.order - b.order)
    .slice(0, count)
    .map(({ row, highlights }) => ({
      section: row.section,
      sectionTitle: row.section_title,
      text: row.body,
      highlights,
    }));
}

/** Resolves when the index's tables exist and answer: the readiness check's question. */
export async function checkSearchIndex(db: D1Database): Promise<void> {
  await db.prepare(`SELECT 1 FROM ${ARTICLES.table} LIMIT 1`).first();
}
