/** The article collection: filtering by revision time and clinical code, and paging. */
import type { AssetReader } from "../content/article-files";
import type { ContentLibrary } from "../content/library";
import { lookupOf } from "./library-lookup";
import type { ArticleListQuery } from "./parameters";
import { articleSummary } from "./resources";
import type { ArticleList, WithdrawnSummary } from "./schemas";
import { urls } from "./urls";

export const DEFAULT_PAGE_SIZE = 20;

/** One page of the articles matching the query, with `self`, `first`, `last`, `next` and `prev` links. */
export async function articleList(
  library: ContentLibrary,
  assets: AssetReader,
  query: ArticleListQuery,
  base: string,
): Promise<ArticleList> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const matching = filterArticles(library, query);
  const totalPages = Math.max(1, Math.ceil(matching.length / pageSize));
  const shown = matching.slice((page - 1) * pageSize, page * pageSize);
  // A summary lists the article's sections' hashes, from its digest: never its text.
  const items = (await library.digestsOf(shown, assets)).map((article) => articleSummary(article, base));
  const pageUrl = (n: number) => listUrl(base, { ...query, page: n, pageSize });
  const links: Record<string, string> = { self: pageUrl(page), first: pageUrl(1), last: pageUrl(totalPages) };
  if (page < totalPages) links.next = pageUrl(page + 1);
  if (page > 1) links.prev = pageUrl(Math.min(page - 1, totalPages));
  return {
    items,
    withdrawn: withdrawnSince(library, query, base),
    page,
    pageSize,
    total: matching.length,
    totalPages,
    links,
  };
}

/** How many withdrawals a list reports at most: enough for a partner polling even monthly. */
export const WITHDRAWN_LISTED = 100;

/** Withdrawals dated on or after the day of `updatedSince`, newest first. */
function withdrawnSince(library: ContentLibrary, query: ArticleListQuery, base: string): WithdrawnSummary[] {
  const since = query.updatedSince?.slice(0, 10) ?? "";
  return library.withdrawn
    .filter((article) => article.withdrawnAt >= since)
    .slice(0, WITHDRAWN_LISTED)
    .map(({ slug, title, withdrawnAt, reason, replacedBy }) => ({
      slug,
      title,
      withdrawnAt,
      reason,
      replacedBy: replacedBy ? urls.article(base, replacedBy) : null,
    }));
}

/** The articles the query asks for: by code, from the library's lookup rather than by reading every article. */
function filterArticles(library: ContentLibrary, query: ArticleListQuery) {
  const candidates = query.code ? lookupOf(library).withAnyCode([query.code]) : library.articles;
  return candidates.filter((article) => !query.updatedSince || article.updatedAt >= query.updatedSince);
}

/** The canonical URL of a page of results: known parameters only, in a fixed order. */
function listUrl(base: string, query: ArticleListQuery & { page: number; pageSize: number }): string {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.updatedSince) params.set("updatedSince", query.updatedSince);
  if (query.code) params.set("code", query.code.system ? `${query.code.system}|${query.code.code}` : query.code.code);
  return `${urls.articles(base)}?${params}`;
}
