/** Crawlable HTML: `/articles` (the index) and `/articles/{slug}` (an article with its JSON-LD). */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { notFound } from "../http/problem";
import { sendRepresentation } from "../http/send";
import { articlePage, articlesIndexPage } from "../representations/article";

export const pageRoutes = new Hono<AppEnv>()
  .get("/", onlyMedia(MEDIA.html), async (c) => {
    const { library, baseUrl, representations } = c.var;
    return sendRepresentation(c, await articlesIndexPage(representations, library, baseUrl));
  })
  .get("/:slug", onlyMedia(MEDIA.html), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const slug = c.req.param("slug");
    const entry = library.entry(slug) ?? notFound(`There is no article "${slug}".`);
    return sendRepresentation(c, await articlePage(representations, entry, baseUrl));
  });
