/**
 * The library the Worker under test serves, in the API's order (newest change
 * first). Tests that list or look up articles derive what they expect from it,
 * so they hold however many articles the library has.
 */
import { libraryIndex } from "../../src/content/generated/library";
import { ContentLibrary } from "../../src/content/library";

export const ARTICLES = new ContentLibrary(libraryIndex).articles;

/** Every article's slug, in the API's order. */
export const SLUGS = ARTICLES.map((article) => article.slug);

/** The slugs of the articles this service mapped to a code (any system), in the API's order. */
export function slugsMappedTo(code: string): string[] {
  return ARTICLES.filter((article) => article.codeMappings.some((mapping) => mapping.code === code)).map(
    (article) => article.slug,
  );
}

/** The slugs of the articles with this title, in the API's order. */
export function slugsTitled(title: string): string[] {
  return ARTICLES.filter((article) => article.title === title).map((article) => article.slug);
}
