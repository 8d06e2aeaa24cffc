import type { Context } from "hono";
import { urls } from "../api/urls";
import type { LoadedArticle, RequestedArticle } from "../content/library";
import type { AppEnv } from "../http/app-env";
import { gone, notFound } from "../http/problem";

/**
 * The article a route's `{slug}` names, read from the library; a 410 saying
 * when and why when its publisher withdrew it, a 404 naming it when there is none.
 */
export async function requestedArticle(c: Context<AppEnv>, slug: string, kind = "article"): Promise<LoadedArticle> {
  return (await requestedArticleRow(c, slug, kind)).load();
}

/** As `requestedArticle`, without reading the article's file: it is read when `load` is called. */
export async function requestedArticleRow(
  c: Context<AppEnv>,
  slug: string,
  kind = "article",
): Promise<RequestedArticle> {
  const found = await c.var.findArticle(slug);
  if (found && "article" in found) return found.article;
  if (found) {
    const { withdrawnAt, reason, replacedBy } = found.withdrawn;
    const replacement = replacedBy ? urls.page(c.var.baseUrl, replacedBy) : undefined;
    gone(`The article "${slug}" was withdrawn by its publisher on ${withdrawnAt}: ${reason}`, replacement);
  }
  notFound(`There is no ${kind} "${slug}".`);
}
