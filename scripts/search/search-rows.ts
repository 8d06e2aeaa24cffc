/**
 * The whole search index's SQL for a library held in memory (the Worker's
 * tests and small libraries): the statements that empty the index, then each
 * article's (article-statements.ts). The build writes the same, an article
 * at a time, with each article's statements kept while it does not change
 * (build-search-index.ts). No Node.js module is used here: the Worker's
 * tests seed a scratch database with it inside workerd.
 */
import type { CompiledArticle } from "../../src/content/model";
import { articleStatements, CLEAR_STATEMENTS } from "./article-statements";
import { MAX_STATEMENT_BYTES } from "./sql-text";

/** The seed statements for `articles`, each article at its content hash as its revision. */
export function seedStatements(articles: Iterable<CompiledArticle>, maxBytes = MAX_STATEMENT_BYTES): string[] {
  const statements = [...CLEAR_STATEMENTS];
  for (const article of articles) statements.push(...articleStatements(article, article.hash, maxBytes));
  return statements;
}
