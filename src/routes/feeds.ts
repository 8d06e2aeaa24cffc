/** `/feeds/articles.atom` and `/feeds/articles.json`: the articles, newest change first. */
import { type Context, Hono } from "hono";
import { articlesFeed, FEED_ITEMS, JsonFeed } from "../api/feeds";
import type { DigestedArticle } from "../content/library";
import type { AppEnv } from "../env";
import { collectionCacheTag } from "../http/cache-tags";
import { chooseMedia, onlyMedia } from "../http/negotiation";
import { representationKey } from "../http/representation-store";
import { sendRepresentation } from "../http/send";
import { honoPath, type Operation } from "../openapi/operation";
import { renderArticlesAtom } from "../render/articles-atom";

const ATOM = "application/atom+xml";
export const JSON_FEED = "application/feed+json";

export const getAtomFeed = {
  path: "/feeds/articles.atom",
  operationId: "getAtomFeed",
  summary: "Atom feed of articles",
  description:
    `Atom 1.0: one entry per article for the ${FEED_ITEMS} most recently changed, newest first, ` +
    "with its title, description (the publisher's words), page, attribution, licence and when this API's copy last changed; `hc:article` and `hc:section` elements (namespace `urn:health-content-api:feed`) give the article's and every section's content hash, so a reader can tell which sections changed. The sitemap and `/v1/articles?updatedSince=` list every article.",
  tag: "Discovery",
  content: { "application/atom+xml": { text: "An Atom 1.0 feed." } },
  errors: [503],
} as const satisfies Operation;

export const getJsonFeed = {
  path: "/feeds/articles.json",
  operationId: "getJsonFeed",
  summary: "JSON Feed of articles",
  description:
    "The same feed as JSON Feed 1.1 (`application/feed+json`), each item's `_health_content` extension giving its API URL, content hashes, attribution and licence.",
  tag: "Discovery",
  content: { "application/feed+json": { schema: JsonFeed, component: "JsonFeed" } },
  errors: [503],
} as const satisfies Operation;

/** This file's operations, for the OpenAPI document (src/routes/operations.ts). */
export const FEED_OPERATIONS: readonly Operation[] = [getAtomFeed, getJsonFeed];

export const feedRoutes = new Hono<AppEnv>()
  .get(honoPath(getAtomFeed.path), onlyMedia(ATOM), async (c) => {
    const { baseUrl, representations } = c.var;
    const library = await c.var.library();
    const representation = await representations.get(representationKey(getAtomFeed.operationId, baseUrl), async () => ({
      text: renderArticlesAtom(articlesFeed(await newest(c), baseUrl), library.updatedAt, baseUrl),
      contentType: `${ATOM}; charset=utf-8`,
      lastModified: library.updatedAt,
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  })
  .get(honoPath(getJsonFeed.path), async (c) => {
    // JSON Feed's own media type, also served to a client that asks for plain JSON.
    chooseMedia(c.req.header("Accept"), [JSON_FEED, "application/json"]);
    const { baseUrl, representations } = c.var;
    const library = await c.var.library();
    const representation = await representations.get<JsonFeed>(
      representationKey(getJsonFeed.operationId, baseUrl),
      async () => ({
        json: articlesFeed(await newest(c), baseUrl),
        contentType: `${JSON_FEED}; charset=utf-8`,
        lastModified: library.updatedAt,
        headers: collectionCacheTag(),
      }),
    );
    return sendRepresentation(c, representation);
  });

/** The articles a feed holds, with their digests: the library's newest. */
async function newest(c: Context<AppEnv>): Promise<DigestedArticle[]> {
  const library = await c.var.library();
  return library.digestsOf(library.articles.slice(0, FEED_ITEMS), c.env.ASSETS);
}
