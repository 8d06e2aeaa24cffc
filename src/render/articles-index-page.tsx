/** `/articles`: every article with its description, for readers and crawlers, a page at a time. */
import { urls } from "../api/urls";
import type { ContentLibrary } from "../content/library";
import { ARTICLES_INDEX_NAME } from "../schemaorg/web-page";
import { type RenderedPage, renderDocument } from "./document";

/** Articles per page of the index: a page stays a readable length and a few hundred KiB at most. */
export const INDEX_PAGE_SIZE = 100;

/** How many pages the index has (one, even for an empty library). */
export function indexPages(library: ContentLibrary): number {
  return Math.max(1, Math.ceil(library.articles.length / INDEX_PAGE_SIZE));
}

/** Page `page` (from 1, at most indexPages) of the index, linked to the pages before and after it. */
export function renderArticlesIndexPage(library: ContentLibrary, base: string, page: number): Promise<RenderedPage> {
  const articles = library.articles.slice((page - 1) * INDEX_PAGE_SIZE, page * INDEX_PAGE_SIZE);
  const pages = indexPages(library);
  const prev = page > 1 ? urls.pagesPage(base, page - 1) : undefined;
  const next = page < pages ? urls.pagesPage(base, page + 1) : undefined;
  const languages = new Set(articles.map((article) => article.language));
  const ofPages = pages > 1 ? `, page ${page} of ${pages}` : "";
  return renderDocument({
    // One language for the page when every article shares it.
    language: languages.size === 1 ? ([...languages][0] ?? "en") : "en",
    title: `${ARTICLES_INDEX_NAME}${ofPages}`,
    description: `${library.articles.length} patient-facing health article(s)${ofPages}.`,
    canonicalUrl: urls.pagesPage(base, page),
    base,
    pagination: { prev, next },
    body: (
      <main>
        <h1>{`${ARTICLES_INDEX_NAME}${ofPages}`}</h1>
        <ul>
          {articles.map((article) => (
            <li lang={article.language}>
              <a href={urls.page(base, article.slug)}>{article.title}</a>: {article.description}
            </li>
          ))}
        </ul>
        {pages > 1 && (
          <nav aria-label="Pages of articles">
            {prev && <a href={prev}>Previous page</a>} {next && <a href={next}>Next page</a>}
          </nav>
        )}
      </main>
    ),
  });
}
