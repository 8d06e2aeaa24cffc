/**
 * The library's whole articles, read as the Worker reads them (through the
 * ASSETS binding, miniflare's simulation of the files the build wrote), for
 * workerd tests whose expectations need the articles' text.
 */
import { env } from "cloudflare:workers";
import { ContentLibrary, type LoadedArticle } from "../../src/content/library";
import { libraryIndex } from "./library";

const library = new ContentLibrary(libraryIndex);

/** Every article, by slug, in the API's order. */
export async function loadArticles(): Promise<Map<string, LoadedArticle>> {
  const loaded = await Promise.all(library.articles.map((article) => library.article(article.slug, env.ASSETS)));
  return new Map(loaded.flatMap((article) => (article ? [[article.entry.article.slug, article] as const] : [])));
}
