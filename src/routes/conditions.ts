/** `/v1/conditions/{slug}`: the structured medical facts behind an article. */
import { Hono } from "hono";
import { conditionResource } from "../api/resources";
import type { ConditionResource } from "../api/schemas";
import type { AppEnv } from "../env";
import { articleCacheTag } from "../http/cache-tags";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { notFound } from "../http/problem";
import { sendRepresentation } from "../http/send";

export const conditionRoutes = new Hono<AppEnv>().get("/:slug", onlyMedia(MEDIA.json), async (c) => {
  const { library, baseUrl } = c.var;
  const slug = c.req.param("slug");
  const entry = library.entry(slug) ?? notFound(`There is no condition "${slug}".`);
  const representation = await c.var.representations.get<ConditionResource>(`condition ${baseUrl} ${slug}`, () => ({
    json: conditionResource(entry, baseUrl),
    lastModified: entry.article.updatedAt,
    headers: articleCacheTag(slug),
  }));
  return sendRepresentation(c, representation);
});
