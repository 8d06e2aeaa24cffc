/** `/sitemap.xml`, `/robots.txt` and the IndexNow key file. */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { collectionCacheTag } from "../http/cache-tags";
import { onlyMedia } from "../http/negotiation";
import { notFound } from "../http/problem";
import { representationKey } from "../http/representation-store";
import { sendRepresentation } from "../http/send";
import { honoPath, type Operation } from "../openapi/operation";
import { renderRobots, renderSitemap } from "../render/crawler-files";

export const getSitemap = {
  path: "/sitemap.xml",
  operationId: "getSitemap",
  summary: "Sitemap",
  description: "A sitemaps.org `urlset` of the article pages and the index, with each page's last change.",
  tag: "Discovery",
  content: { "application/xml": { text: "A sitemaps.org urlset of the HTML pages." } },
  errors: [],
} as const satisfies Operation;

export const getIndexNowKey = {
  path: "/{keyFile}",
  operationId: "getIndexNowKey",
  summary: "IndexNow key file",
  description:
    "The IndexNow key configured as `INDEXNOW_KEY`, served at `/{key}.txt` so search engines can check that submissions of this site's URLs come from its owner. Any other name is a 404, and so is every name when no key is configured.",
  tag: "Discovery",
  pathParameters: {
    keyFile: { description: "The configured key followed by `.txt`.", example: "{indexNowKey}.txt" },
  },
  content: { "text/plain": { text: "The key." } },
  errors: [404],
} as const satisfies Operation;

export const getRobots = {
  path: "/robots.txt",
  operationId: "getRobots",
  summary: "robots.txt",
  description: "Crawling rules and the sitemap's URL.",
  tag: "Discovery",
  content: { "text/plain": { text: "Crawling rules and the sitemap's URL." } },
  errors: [],
} as const satisfies Operation;

/** This file's operations, for the OpenAPI document (src/routes/operations.ts). */
export const CRAWLER_OPERATIONS: readonly Operation[] = [getSitemap, getIndexNowKey, getRobots];

export const crawlerRoutes = new Hono<AppEnv>()
  .get(honoPath(getSitemap.path), onlyMedia("application/xml"), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(representationKey(getSitemap.operationId, baseUrl), () => ({
      text: renderSitemap(library, baseUrl),
      contentType: "application/xml; charset=utf-8",
      lastModified: library.updatedAt,
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  })
  // IndexNow's proof of ownership: the configured key, at /{key}.txt.
  .get(honoPath(getIndexNowKey.path, { keyFile: "[A-Za-z0-9-]{8,128}\\.txt" }), onlyMedia("text/plain"), async (c) => {
    const key = c.env.INDEXNOW_KEY;
    if (!key || c.req.param("keyFile") !== `${key}.txt`) notFound(`Nothing is served at /${c.req.param("keyFile")}.`);
    const { library, representations } = c.var;
    const representation = await representations.get(representationKey(getIndexNowKey.operationId, key), () => ({
      text: key,
      contentType: "text/plain; charset=utf-8",
      lastModified: library.updatedAt,
    }));
    return sendRepresentation(c, representation);
  })
  .get(honoPath(getRobots.path), onlyMedia("text/plain"), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(representationKey(getRobots.operationId, baseUrl), () => ({
      text: renderRobots(baseUrl),
      contentType: "text/plain; charset=utf-8",
      lastModified: library.updatedAt,
    }));
    return sendRepresentation(c, representation);
  });
