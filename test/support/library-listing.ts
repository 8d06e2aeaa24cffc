/**
 * What tests expect of a library's lists, derived from its index in the
 * API's order (newest change first), so they hold however many articles the
 * library has. test/support/library.ts (workerd) and
 * test/node/support/library.ts (Node.js) read the index the Worker under test serves.
 */
import { ContentLibrary } from "../../src/content/library";
import type { LibraryIndex } from "../../src/content/model";

export function listingOf(index: LibraryIndex) {
  const articles = new ContentLibrary(index).articles;
  return {
    ARTICLES: articles,
    /** Every article's slug, in the API's order. */
    SLUGS: articles.map((article) => article.slug),
    /** The slugs of the articles this service mapped to a code (any system), in the API's order. */
    slugsMappedTo: (code: string): string[] =>
      articles
        .filter((article) => article.codeMappings.some((mapping) => mapping.code === code))
        .map((article) => article.slug),
    /** The slugs of the articles with this title, in the API's order. */
    slugsTitled: (title: string): string[] =>
      articles.filter((article) => article.title === title).map((article) => article.slug),
  };
}
