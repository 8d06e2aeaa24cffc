/** `/feeds/articles.atom` and `/feeds/articles.json`: the articles, newest change first. */
import { Hono } from "hono";
import { articlesFeed, type JsonFeed } from "../api/feeds";
import type { AppEnv } from "../env";
import { collectionCacheTag } from "../http/cache-tags";
import { chooseMedia, onlyMedia } from "../http/negotiation";
import { sendRepresentation } from "../http/send";
import { renderArticlesAtom } from "../render/articles-atom";

const ATOM = "application/atom+xml";
export const JSON_FEED = "application/feed+json";

export const feedRoutes = new Hono<AppEnv>()
  .get("/articles.atom", onlyMedia(ATOM), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(`atom ${baseUrl}`, () => ({
      text: renderArticlesAtom(articlesFeed(library, baseUrl), library.updatedAt, baseUrl),
      contentType: `${ATOM}; charset=utf-8`,
      lastModified: library.updatedAt,
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  })
  .get("/articles.json", async (c) => {
    // JSON Feed's own media type, also served to a client that asks for plain JSON.
    chooseMedia(c.req.header("Accept"), [JSON_FEED, "application/json"]);
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get<JsonFeed>(`jsonfeed ${baseUrl}`, () => ({
      json: articlesFeed(library, baseUrl),
      contentType: `${JSON_FEED}; charset=utf-8`,
      lastModified: library.updatedAt,
      headers: collectionCacheTag(),
    }));
    return sendRepresentation(c, representation);
  });
