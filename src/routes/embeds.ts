/** Partner embeds: the iframe page, the <health-article> script, and oEmbed. */
import { Hono } from "hono";
import { DEFAULT_SIZE, oEmbedResponse, resolveOEmbedUrl } from "../api/oembed";
import { EmbedQuery, OEmbedQuery } from "../api/parameters";
import { articleResource } from "../api/resources";
import type { AppEnv } from "../env";
import { EMBED_SCRIPT } from "../generated/embed-script";
import { contentCacheSeconds } from "../http/cache-policy";
import { articleCacheTag } from "../http/cache-tags";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { notFound, ProblemError, problem } from "../http/problem";
import { sendRepresentation } from "../http/send";
import { validQuery } from "../http/validation";
import { renderEmbedPage } from "../render/embed-page";
import { sectionSelection } from "./section-selection";

export const embedRoutes = new Hono<AppEnv>()
  .get("/embed/:slug", onlyMedia(MEDIA.html), validQuery(EmbedQuery), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const slug = c.req.param("slug");
    const entry = library.entry(slug) ?? notFound(`There is no article "${slug}".`);
    const query = c.req.valid("query");
    const selection = sectionSelection(library, slug, query.sections);
    const theme = query.theme ?? "light";
    const key = `embed ${baseUrl} ${slug} ${selection?.join(",") ?? "*"} ${theme}`;
    const representation = await representations.get(key, async () => {
      const article = articleResource(entry, baseUrl, selection ? new Set(selection) : undefined);
      const page = await renderEmbedPage(article, theme);
      return {
        text: page.html,
        contentType: `${MEDIA.html}; charset=utf-8`,
        lastModified: entry.article.updatedAt,
        // The canonical page is the one to index; this one exists to be framed.
        headers: { "Content-Security-Policy": page.csp, "X-Robots-Tag": "noindex", ...articleCacheTag(slug) },
      };
    });
    return sendRepresentation(c, representation);
  })
  .get("/embed.js", onlyMedia("text/javascript"), async (c) => {
    const { library, representations } = c.var;
    const representation = await representations.get("embed.js", () => ({
      text: EMBED_SCRIPT,
      contentType: "text/javascript; charset=utf-8",
      lastModified: library.updatedAt,
    }));
    return sendRepresentation(c, representation);
  })
  .get("/oembed", onlyMedia(MEDIA.json), validQuery(OEmbedQuery), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const query = c.req.valid("query");
    if (query.format !== undefined && query.format !== "json") {
      // oEmbed 1.0 §2.2: a provider answers 501 for a format it does not serve.
      throw new ProblemError(problem("not-implemented", "Only format=json is served."));
    }
    const target =
      resolveOEmbedUrl(library, baseUrl, query.url) ?? notFound(`${query.url} is not an article page of this service.`);
    const maxwidth = query.maxwidth ?? DEFAULT_SIZE.width;
    const maxheight = query.maxheight ?? DEFAULT_SIZE.height;
    const key = `oembed ${baseUrl} ${target.entry.article.slug} ${target.section?.section.id ?? ""} ${maxwidth} ${maxheight}`;
    const representation = await representations.get(key, async () => ({
      json: await oEmbedResponse(target, baseUrl, { maxwidth, maxheight }, contentCacheSeconds(c.env)),
      lastModified: target.entry.article.updatedAt,
      headers: articleCacheTag(target.entry.article.slug),
    }));
    return sendRepresentation(c, representation);
  });
