/** `/sitemap.xml` and `/robots.txt`. */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { collectionCacheTag } from "../http/cache-tags";
import { sendRepresentation } from "../http/send";
import { renderRobots, renderSitemap } from "../render/crawler-files";

export const crawlerRoutes = new Hono<AppEnv>()
  .get("/sitemap.xml", async (c) => {
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(`sitemap ${baseUrl}`, () => ({
      text: renderSitemap(library, baseUrl),
      contentType: "application/xml; charset=utf-8",
      lastModified: library.updatedAt,
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  })
  .get("/robots.txt", async (c) => {
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(`robots ${baseUrl}`, () => ({
      text: renderRobots(baseUrl),
      contentType: "text/plain; charset=utf-8",
      lastModified: library.updatedAt,
    }));
    return sendRepresentation(c, representation);
  });
