/** The search results resource: a page of matching articles, their best sentences, and paging links. */
import type { DigestedArticle } from "../content/library";
import type { SearchHit, SearchPage } from "../search/search-index";
import { digestedProvenance } from "./resources";
import type { SearchResults } from "./schemas";
import { urls } from "./urls";

export const DEFAULT_SEARCH_PAGE_SIZE = 10;
/** Sentences shown per article, at most. */
export const SNIPPETS_PER_ARTICLE = 3;

export interface SearchParameters {
  q: string;
  page: number;
  pageSize: number;
}

/**
 * One page of results, with `self`, `first`, `last`, `next` and `prev` links
 * as `/v1/articles` gives them. `articles` holds every hit's article, by
 * slug, with its digest: each result carries its article's provenance and
 * urgent care advice.
 */
export function searchResults(
  found: SearchPage,
  articles: ReadonlyMap<string, DigestedArticle>,
  query: SearchParameters,
  base: string,
): SearchResults {
  const { page, pageSize } = query;
  const totalPages = Math.max(1, Math.ceil(found.total / pageSize));
  const pageUrl = (n: number) => searchUrl(base, { ...query, page: n });
  const links: Record<string, string> = { self: pageUrl(page), first: pageUrl(1), last: pageUrl(totalPages) };
  if (page < totalPages) links.next = pageUrl(page + 1);
  if (page > 1) links.prev = pageUrl(Math.min(page - 1, totalPages));
  return {
    query: query.q,
    items: found.hits.map((hit) => {
      const article = articles.get(hit.slug);
      if (!article) throw new Error(`search results without the article "${hit.slug}"`);
      return searchResult(hit, article, base);
    }),
    page,
    pageSize,
    total: found.total,
    totalIsLowerBound: found.totalIsLowerBound,
    totalPages,
    links,
  };
}

function searchResult(
  { slug, title, snippets }: SearchHit,
  article: DigestedArticle,
  base: string,
): SearchResults["items"][number] {
  return {
    slug,
    title,
    canonicalUrl: urls.page(base, slug),
    snippets: snippets.map((snippet) => ({
      text: snippet.text,
      highlights: snippet.highlights,
      section: { id: snippet.section, title: snippet.sectionTitle },
      links: {
        self: urls.section(base, slug, snippet.section),
        html: urls.sectionAnchor(base, slug, snippet.section),
      },
    })),
    ...digestedProvenance(article, base),
    links: { self: urls.article(base, slug), html: urls.page(base, slug) },
  };
}

/** The canonical URL of a page of results: known parameters only, in a fixed order. */
function searchUrl(base: string, query: SearchParameters): string {
  const params = new URLSearchParams({ q: query.q, page: String(query.page), pageSize: String(query.pageSize) });
  return `${urls.search(base)}?${params}`;
}
