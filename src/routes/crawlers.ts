/** `/sitemap.xml` and its parts, `/robots.txt` and the IndexNow key file. */
import { SitemapPart } from "../api/parameters";
import { collectionCacheTag } from "../http/cache-tags";
import { notFound } from "../http/problem";
import { sendRepresentation } from "../http/send";
import type { Operation } from "../openapi/operation";
import {
  renderRobots,
  renderSitemap,
  renderSitemapPart,
  SITEMAP_LIMITS,
  sitemapPartCount,
} from "../render/crawler-files";
import { defineRoute, representationOf } from "./route";

const MAX_URLS = SITEMAP_LIMITS.urls.toLocaleString("en");

const getSitemap = {
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

const getSitemapPart = {
  path: "/sitemaps/{part}",
  operationId: "getSitemapPart",
  summary: "Part of the sitemap",
  description: `One part of a sitemap too large for one file: a sitemaps.org \`urlset\` of at most ${MAX_URLS} URLs, the index first, then the article pages by slug. Parts exist only while \`/sitemap.xml\` is a sitemap index, which lists them; otherwise, and past the last part, a 404.`,
  tag: "Discovery",
  pathParameters: {
    part: { description: "The part's number, from 1, followed by `.xml`.", example: "1.xml", schema: SitemapPart },
  },
  content: { "application/xml": { text: "A sitemaps.org urlset of some of the HTML pages." } },
  errors: [400, 404, 503],
} as const satisfies Operation;

const getIndexNowKey = {
  path: "/{keyFile}",
  operationId: "getIndexNowKey",
  summary: "IndexNow key file",
  description:
    "The IndexNow key configured as `INDEXNOW_KEY`, served at `/{key}.txt` so search engines can check that submissions of this site's URLs come from its owner. Any other name is a 404, and so is every name when no key is configured.",
  tag: "Discovery",
  pathParameters: {
    // IndexNow's proof of ownership: no other name reaches this route.
    keyFile: {
      description: "The configured key followed by `.txt`.",
      example: "{indexNowKey}.txt",
      pattern: "[A-Za-z0-9-]{8,128}\\.txt",
    },
  },
  content: { "text/plain": { text: "The key." } },
  errors: [404],
} as const satisfies Operation;

const getRobots = {
  path: "/robots.txt",
  operationId: "getRobots",
  summary: "robots.txt",
  description: "Crawling rules and the sitemap's URL.",
  tag: "Discovery",
  content: { "text/plain": { text: "Crawling rules and the sitemap's URL." } },
  errors: [],
} as const satisfies Operation;

export const CRAWLER_ROUTES = [
  defineRoute(getSitemap, async (c) => {
    const { baseUrl } = c.var;
    const library = await c.var.library();
    const representation = await representationOf(c, [baseUrl], () => ({
      text: renderSitemap(library, baseUrl),
      contentType: "application/xml; charset=utf-8",
      lastModified: library.updatedAt,
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  }),
  defineRoute(getSitemapPart, async (c) => {
    const { baseUrl } = c.var;
    const library = await c.var.library();
    const { part } = c.req.valid("param");
    const parts = sitemapPartCount(library);
    if (parts === 0) notFound(`The sitemap is one file, /sitemap.xml, while it holds at most ${MAX_URLS} URLs.`);
    if (part > parts) notFound(`The sitemap has ${parts} parts.`);
    const representation = await representationOf(c, [baseUrl, part], () => ({
      ...renderSitemapPart(library, baseUrl, part),
      contentType: "application/xml; charset=utf-8",
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  }),
  defineRoute(getIndexNowKey, async (c) => {
    const key = c.env.INDEXNOW_KEY;
    if (!key || c.req.param("keyFile") !== `${key}.txt`) notFound(`Nothing is served at /${c.req.param("keyFile")}.`);
    const representation = await representationOf(c, [key], () => ({
      text: key,
      contentType: "text/plain; charset=utf-8",
      lastModified: c.var.contentUpdatedAt,
    }));
    return sendRepresentation(c, representation);
  }),
  defineRoute(getRobots, async (c) => {
    const { baseUrl } = c.var;
    const representation = await representationOf(c, [baseUrl], () => ({
      text: renderRobots(baseUrl),
      contentType: "text/plain; charset=utf-8",
      lastModified: c.var.contentUpdatedAt,
    }));
    return sendRepresentation(c, representation);
  }),
] as const;
