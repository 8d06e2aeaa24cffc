import type { Context } from "hono";
import type { LoadedArticle } from "../content/library";
import type { AppEnv } from "../http/app-env";
import { notFound } from "../http/problem";

/** The article a route's `{slug}` names, read from the library; a 404 naming it when there is none. */
export async function requestedArticle(c: Context<AppEnv>, slug: string, kind = "article"): Promise<LoadedArticle> {
  const library = await c.var.library();
  return (await library.article(slug, c.env.ASSETS)) ?? notFound(`There is no ${kind} "${slug}".`);
}
