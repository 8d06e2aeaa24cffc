/** The article the <health-article> element shows, fetched from the JSON API once per page. */
import type { ArticleResource } from "../api/schemas";

/** The parts of the JSON API's article (see /openapi.json) that the element renders. */
export type Article = Pick<
  ArticleResource,
  "title" | "language" | "canonicalUrl" | "sections" | "attribution" | "licence" | "disclaimer" | "urgentCareAdvice"
>;

/** The API refused this article (4xx): asking again would get the same answer. */
class ArticleRefused extends Error {}

/**
 * Each article URL fetched once per page: elements showing the same one share
 * the request, and one the API refused (a slug it does not have) is not asked
 * for again. A network failure is forgotten, so a later element tries again.
 */
const articles = new Map<string, Promise<Article>>();

export function fetchArticle(url: URL): Promise<Article> {
  let found = articles.get(url.href);
  if (!found) {
    found = fetch(url, { headers: { Accept: "application/json" } }).then(async (response) => {
      if (response.status >= 400 && response.status < 500) throw new ArticleRefused(`HTTP ${response.status}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // The JSON API's documented article shape (see /openapi.json).
      return (await response.json()) as Article;
    });
    const request = found;
    articles.set(url.href, request);
    request.catch((error: unknown) => {
      if (!(error instanceof ArticleRefused) && articles.get(url.href) === request) articles.delete(url.href);
    });
  }
  return found;
}
