import type { Context } from "hono";
import { urls } from "../api/urls";
import type { LoadedArticle } from "../content/library";
import type { AppEnv } from "../http/app-env";
import { gone, notFound } from "../http/problem";

/**
 * The article a route's `{slug}` names, read from the library; a 410 saying
 * when and why when its publisher withdrew it, a 404 naming it when there is none.
 */
export async function requestedArticle(c: Context<AppEnv>, slug: string, kind = "article"): Promise<LoadedArticle> {
  const library = await c.var.library();
  const article = await library.article(slug, c.env.ASSETS);
  if (article) return article;
  const withdrawal = library.withdrawal(slug);
  if (withdrawal) {
    const { withdrawnAt, reason, replacedBy } = withdrawal;
    const replacement = replacedBy ? urls.page(c.var.baseUrl, replacedBy) : undefined;
    gone(`The article "${slug}" was withdrawn by its publisher on ${withdrawnAt}: ${reason}`, replacement);
  }
  notFound(`There is no ${kind} "${slug}".`);
}
