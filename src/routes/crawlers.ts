/** `/sitemap.xml` and its parts, `/robots.txt` and the IndexNow key file. */
import { Hono } from "hono";
import { SitemapPartParams } from "../api/parameters";
import type { AppEnv } from "../env";
import { collectionCacheTag } from "../http/cache-tags";
import { onlyMedia } from "../http/negotiation";
import { notFound } from "../http/problem";
import { representationKey } from "../http/representation-store";
import { sendRepresentation } from "../http/send";
import { validParams } from "../http/validation";
import { honoPath, type Operation } from "../openapi/operation";
import {
  renderRobots,
  renderSitemap,
  renderSitemapPart,
  SITEMAP_LIMITS,
  sitemapPartCount,
} from "../render/crawler-files";

const MAX_URLS = SITEMAP_LIMITS.urls.toLocaleString("en");

export const getSitemap = {
  path: "/sitemap.xml",
  operationId: "getSitemap",
  summary: "Sitemap",
  description: `A sitemaps.org \`urlset\` of the article pages and the index, with each page's last change. Past ${MAX_URLS} URLs, the most one file may hold, a sitemaps.org \`sitemapindex\` of the parts at \`/sitemaps/{part}\`, with each part's newest change.`,
  tag: "Discovery",
  content: {
    "application/xml": { text: `A sitemaps.org urlset of the HTML pages, or a sitemapindex past ${MAX_URLS} of them.` },
  },
  errors: [503],
} as const satisfies Operation;

export const getSitemapPart = {
  path: "/sitemaps/{part}",
  operationId: "getSitemapPart",
  summary: "Part of the sitemap",
  description: `One part of a sitemap too large for one file: a sitemaps.org \`urlset\` of at most ${MAX_URLS} URLs, the index first, then the article pages by slug. Parts exist only while \`/sitemap.xml\` is a sitemap index, which lists them; otherwise, and past the last part, a 404.`,
  tag: "Discovery",
  pathParameters: {
    part: { description: "The part's number, from 1, followed by `.xml`.", example: "1.xml" },
  },
  content: { "application/xml": { text: "A sitemaps.org urlset of some of the HTML pages." } },
  errors: [400, 404, 503],
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
export const CRAWLER_OPERATIONS: readonly Operation[] = [getSitemap, getSitemapPart, getIndexNowKey, getRobots];

export const crawlerRoutes = new Hono<AppEnv>()
  .get(honoPath(getSitemap.path), onlyMedia("application/xml"), async (c) => {
    const { baseUrl, representations } = c.var;
    const library = await c.var.library();
    const representation = await representations.get(representationKey(getSitemap.operationId, baseUrl), () => ({
      text: renderSitemap(library, baseUrl),
      contentType: "application/xml; charset=utf-8",
      lastModified: library.updatedAt,
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  })
  .get(honoPath(getSitemapPart.path), onlyMedia("application/xml"), validParams(SitemapPartParams), async (c) => {
    const { baseUrl, representations } = c.var;
    const library = await c.var.library();
    const { part } = c.req.valid("param");
    const parts = sitemapPartCount(library);
    if (parts === 0) notFound(`The sitemap is one file, /sitemap.xml, while it holds at most ${MAX_URLS} URLs.`);
    if (part > parts) notFound(`The sitemap has ${parts} parts.`);
    const key = representationKey(getSitemapPart.operationId, baseUrl, part);
    const representation = await representations.get(key, () => ({
      ...renderSitemapPart(library, baseUrl, part),
      contentType: "application/xml; charset=utf-8",
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  })
  // IndexNow's proof of ownership: the configured key, at /{key}.txt.
  .get(honoPath(getIndexNowKey.path, { keyFile: "[A-Za-z0-9-]{8,128}\\.txt" }), onlyMedia("text/plain"), async (c) => {
    const key = c.env.INDEXNOW_KEY;
    if (!key || c.req.param("keyFile") !== `${key}.txt`) notFound(`Nothing is served at /${c.req.param("keyFile")}.`);
    const { representations } = c.var;
    const representation = await representations.get(representationKey(getIndexNowKey.operationId, key), () => ({
      text: key,
      contentType: "text/plain; charset=utf-8",
      lastModified: c.var.contentUpdatedAt,
    }));
    return sendRepresentation(c, representation);
  })
  .get(honoPath(getRobots.path), onlyMedia("text/plain"), async (c) => {
    const { baseUrl, representations } = c.var;
    const representation = await representations.get(representationKey(getRobots.operationId, baseUrl), () => ({
      text: renderRobots(baseUrl),
      contentType: "text/plain; charset=utf-8",
      lastModified: c.var.contentUpdatedAt,
    }));
    return sendRepresentation(c, representation);
  });
