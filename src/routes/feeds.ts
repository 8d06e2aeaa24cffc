/** `/feeds/articles.atom` and `/feeds/articles.json`: the articles, newest change first. */
import type { Context } from "hono";
import { articlesFeed, FEED_ITEMS, feedContents, JsonFeed } from "../api/feeds";
import type { AppEnv } from "../http/app-env";
import { collectionCacheTag } from "../http/cache-tags";
import { MEDIA } from "../http/media-types";
import { sendRepresentation } from "../http/send";
import type { Operation } from "../openapi/operation";
import { renderArticlesAtom } from "../render/articles-atom";
import { defineRoute, representationOf } from "./route";

const ATOM = "application/atom+xml";
export const JSON_FEED = "application/feed+json";

const getAtomFeed = {
  path: "/feeds/articles.atom",
  operationId: "getAtomFeed",
  summary: "Atom feed of articles",
  description:
    `Atom 1.0: one entry per article for the ${FEED_ITEMS} most recently changed, newest first, ` +
    "with its title, description (the publisher's words), page, attribution, licence and when this API's copy last changed; `hc:article` and `hc:section` elements (namespace `urn:health-content-api:feed`) give the article's and every section's content hash, so a reader can tell which sections changed. The sitemap and `/v1/articles?updatedSince=` list every article.",
  tag: "Discovery",
  content: { [ATOM]: { text: "An Atom 1.0 feed." } },
  errors: [503],
} as const satisfies Operation;

const getJsonFeed = {
  path: "/feeds/articles.json",
  operationId: "getJsonFeed",
  summary: "JSON Feed of articles",
  description:
    "The same feed as JSON Feed 1.1 (`application/feed+json`), each item's `_health_content` extension giving its API URL, content hashes, attribution and licence.",
  tag: "Discovery",
  // JSON Feed's own media type, and plain JSON for a client that asks for that.
  content: {
    [JSON_FEED]: { schema: JsonFeed, component: "JsonFeed" },
    [MEDIA.json]: { schema: JsonFeed, component: "JsonFeed" },
  },
  errors: [503],
} as const satisfies Operation;

export const FEED_ROUTES = [
  defineRoute(getAtomFeed, async (c) => {
    const { baseUrl } = c.var;
    const library = await c.var.library();
    const representation = await representationOf(c, [baseUrl], async () => ({
      text: renderArticlesAtom(await feed(c), library.updatedAt, baseUrl),
      contentType: `${ATOM}; charset=utf-8`,
      lastModified: library.updatedAt,
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  }),
  defineRoute(getJsonFeed, async (c) => {
    const { baseUrl, media } = c.var;
    const library = await c.var.library();
    const representation = await representationOf<JsonFeed>(c, [baseUrl, media], async () => ({
      json: await feed(c),
      contentType: `${media}; charset=utf-8`,
      lastModified: library.updatedAt,
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation, "Accept");
  }),
] as const;

/** The feed: the library's newest changes, the articles with their digests and the withdrawals. */
async function feed(c: Context<AppEnv>): Promise<JsonFeed> {
  const library = await c.var.library();
  const { articles, withdrawn } = feedContents(library);
  return articlesFeed(await library.digestsOf(articles, c.env.ASSETS), withdrawn, c.var.baseUrl);
}
