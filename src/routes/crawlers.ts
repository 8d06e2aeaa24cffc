/** `/sitemap.xml`, `/robots.txt` and the IndexNow key file. */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { collectionCacheTag } from "../http/cache-tags";
import { onlyMedia } from "../http/negotiation";
import { notFound } from "../http/problem";
import { sendRepresentation } from "../http/send";
import { renderRobots, renderSitemap } from "../render/crawler-files";

export const crawlerRoutes = new Hono<AppEnv>()
  .get("/sitemap.xml", onlyMedia("application/xml"), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(`sitemap ${baseUrl}`, () => ({
      text: renderSitemap(library, baseUrl),
      contentType: "application/xml; charset=utf-8",
      lastModified: library.updatedAt,
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  })
  // IndexNow's proof of ownership: the configured key, at /{key}.txt.
  .get("/:keyFile{[A-Za-z0-9-]{8,128}\\.txt}", onlyMedia("text/plain"), async (c) => {
    const key = c.env.INDEXNOW_KEY;
    if (!key || c.req.param("keyFile") !== `${key}.txt`) notFound(`Nothing is served at /${c.req.param("keyFile")}.`);
    const { library, representations } = c.var;
    const representation = await representations.get(`indexnow-key ${key}`, () => ({
      text: key,
      contentType: "text/plain; charset=utf-8",
      lastModified: library.updatedAt,
    }));
    return sendRepresentation(c, representation);
  })
  .get("/robots.txt", onlyMedia("text/plain"), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(`robots ${baseUrl}`, () => ({
      text: renderRobots(baseUrl),
      contentType: "text/plain; charset=utf-8",
      lastModified: library.updatedAt,
    }));
    return sendRepresentation(c, representation);
  });
