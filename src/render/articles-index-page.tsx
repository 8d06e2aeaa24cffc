/** `/articles`: every article with its description, for readers and crawlers. */
import { urls } from "../api/urls";
import type { ContentLibrary } from "../content/library";
import { ARTICLES_INDEX_NAME } from "../schemaorg/web-page";
import { type RenderedPage, renderDocument } from "./document";

export function renderArticlesIndexPage(library: ContentLibrary, base: string): Promise<RenderedPage> {
  const { articles } = library;
  const languages = new Set(articles.map((article) => article.language));
  return renderDocument({
    // One language for the page when every article shares it.
    language: languages.size === 1 ? ([...languages][0] ?? "en") : "en",
    title: ARTICLES_INDEX_NAME,
    description: `${articles.length} patient-facing health article(s).`,
    canonicalUrl: urls.pages(base),
    base,
    body: (
      <main>
        <h1>{ARTICLES_INDEX_NAME}</h1>
        <ul>
          {articles.map((article) => (
            <li lang={article.language}>
              <a href={urls.page(base, article.slug)}>{article.title}</a>: {article.description}
            </li>
          ))}
        </ul>
      </main>
    ),
  });
}
