/**
 * One article's statements for the search index, on their own: applied to a
 * database in any order after any other article's, they add that article.
 * Its rowids are not fixed here but taken by the database when they run
 * (migrations/0002_search_revisions.sql): the article's row in
 * `search_revisions` claims the block of unit rowids after the largest one
 * held, and the units and the article's row are inserted relative to it. So
 * an article's statements depend on nothing but the article, can be written
 * once and kept while it does not change, and its units still have
 * consecutive rowids with `first_unit`/`last_unit` on its `search_articles`
 * row, as src/search/search-index.ts reads them.
 *
 * No Node.js module is used here: the Worker's tests seed a scratch
 * database with it inside workerd.
 */
import type { CompiledArticle } from "../../src/content/model";
import { ARTICLES, UNITS } from "../../src/search/schema";
import { articleRow, searchUnits } from "./search-text";
import { literal, MAX_STATEMENT_BYTES, utf8Length, ValuesBatcher } from "./sql-text";

/** The table of each article's applied revision and rowids (migrations/0002_search_revisions.sql). */
export const REVISIONS = "search_revisions";

/** A row of `search_revisions`: what the database holds of an article, and where. */
export interface HeldRevision {
  article: number;
  slug: string;
  revision: string;
  first_unit: number;
  last_unit: number;
}

/** The statements a whole seed starts with: it replaces what the index held. */
export const CLEAR_STATEMENTS = [
  `DELETE FROM ${ARTICLES.table};`,
  `DELETE FROM ${UNITS.table};`,
  `DELETE FROM ${REVISIONS};`,
];

/** The statements that take an article out of the index, by the rowids the database says it holds. */
export function removalStatements(held: HeldRevision): string[] {
  return [
    `DELETE FROM ${UNITS.table} WHERE rowid BETWEEN ${held.first_unit} AND ${held.last_unit};`,
    `DELETE FROM ${ARTICLES.table} WHERE rowid = ${held.article};`,
    `DELETE FROM ${REVISIONS} WHERE slug = ${literal(held.slug)};`,
  ];
}

/**
 * The statements that add `article` at `revision`, one a line, each under
 * `maxBytes`: its claim on rowids, its units, then its row (an article whose
 * text will not fit one statement gets the rest of its text by UPDATEs).
 */
export function articleStatements(
  article: CompiledArticle,
  revision: string,
  maxBytes = MAX_STATEMENT_BYTES,
): string[] {
  const statements: string[] = [];
  const slug = literal(article.slug);
  const units = searchUnits(article);
  statements.push(
    `INSERT INTO ${REVISIONS} (slug, revision, first_unit, last_unit) SELECT ${slug}, ${literal(revision)}, held + 1, held + ${units.length} FROM (SELECT coalesce(max(last_unit), 0) AS held FROM ${REVISIONS});`,
  );
  // Each unit's offset in the block, then its columns; the block's start and the slug come from the claim.
  const batcher = new ValuesBatcher(
    `INSERT INTO ${UNITS.table} (rowid, body, slug, section, section_title) SELECT r.first_unit + v.column1, v.column2, r.slug, v.column3, v.column4 FROM ${REVISIONS} AS r, (VALUES `,
    `) AS v WHERE r.slug = ${slug};`,
    (statement) => statements.push(statement),
    maxBytes,
  );
  units.forEach((unit, offset) => {
    if (!batcher.tryAdd([offset, unit.body, unit.section, unit.section_title]))
      throw new Error(`a sentence of ${article.slug} is too long for one statement`);
  });
  batcher.flush();
  statements.push(
    ...rowStatements(
      article,
      units.map((unit) => unit.body),
      maxBytes,
    ),
  );
  return statements;
}

/**
 * The article's row in `search_articles`, at the rowid its claim was given:
 * with as many of its sentences as fit one statement, the rest appended by
 * UPDATEs of its row, each under the limit.
 */
function rowStatements(article: CompiledArticle, sentences: string[], maxBytes: number): string[] {
  const row = articleRow(article, sentences);
  const slug = literal(article.slug);
  const insert = (body: string) =>
    `INSERT INTO ${ARTICLES.table} (rowid, title, headings, body, slug, first_unit, last_unit) SELECT article, ${literal(row.title)}, ${literal(row.headings)}, ${literal(body)}, slug, first_unit, last_unit FROM ${REVISIONS} WHERE slug = ${slug};`;
  const whole = insert(row.body);
  if (utf8Length(whole) <= maxBytes) return [whole];
  const append = (chunk: string) =>
    `UPDATE ${ARTICLES.table} SET body = body || ' ' || ${literal(chunk)} WHERE rowid = (SELECT article FROM ${REVISIONS} WHERE slug = ${slug});`;
  const room = maxBytes - Math.max(utf8Length(insert("")), utf8Length(append("")));
  const chunks: string[] = [];
  for (const sentence of sentences) {
    const last = chunks.at(-1);
    if (last !== undefined && utf8Length(literal(`${last} ${sentence}`)) <= room) {
      chunks[chunks.length - 1] = `${last} ${sentence}`;
    } else if (utf8Length(literal(sentence)) <= room) chunks.push(sentence);
    else throw new Error(`a sentence of ${article.slug} is too long for one statement`);
  }
  const [first = "", ...rest] = chunks;
  return [insert(first), ...rest.map(append)];
}
