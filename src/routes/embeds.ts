/** Partner embeds: the iframe page, the <health-article> script, and oEmbed. */
import { articlePageOf, DEFAULT_SIZE, oEmbedResponse, oEmbedTarget } from "../api/oembed";
import { EmbedQuery, LIMITS, OEmbedQuery } from "../api/parameters";
import { articleResource } from "../api/resources";
import { OEmbed } from "../api/schemas";
import { EMBED_SCRIPT } from "../generated/embed-script";
import { contentCacheSeconds } from "../http/cache-policy";
import { articleCacheTag } from "../http/cache-tags";
import { MEDIA } from "../http/media-types";
import { notFound, ProblemError, problem } from "../http/problem";
import { sendRepresentation } from "../http/send";
import { html, json, type Operation, slugParameter } from "../openapi/operation";
import { renderEmbedPage } from "../render/embed-page";
import { requestedArticle } from "./requested-article";
import { defineRoute, representationOf } from "./route";
import { sectionSelection } from "./section-selection";

const getEmbed = {
  path: "/embed/{slug}",
  operationId: "getEmbed",
  summary: "Embeddable article for an iframe",
  description:
    'A small self-contained page (no external requests) that any site may frame. Attribution with a link back, licence and disclaimer are always shown. It posts its height to the parent page (`{type: "health-article:height", height}`) whenever it changes; /embed.js resizes the iframe.',
  tag: "Embeds",
  pathParameters: slugParameter,
  query: {
    schema: EmbedQuery,
    describe: {
      sections: {
        description: `Only these sections (comma-separated ids, at most ${LIMITS.sections}).`,
        example: "calf-extension,ankle-stretch",
      },
      theme: { description: "Colour theme: `light` (default) or `dark`.", example: "light" },
    },
  },
  content: html("The embed page."),
  pageErrors: true,
  errors: [400, 404, 410, 503],
} as const satisfies Operation;

const getEmbedScript = {
  path: "/embed.js",
  operationId: "getEmbedScript",
  summary: "The <health-article> element",
  description:
    "Defines `<health-article slug sections theme api>`, which renders an article from this API into Shadow DOM with its attribution and disclaimer, and sizes any /embed/ iframe of this service on the page.",
  tag: "Embeds",
  content: { "text/javascript": { text: "The element's script." } },
  errors: [],
} as const satisfies Operation;

const getOEmbed = {
  path: "/oembed",
  operationId: "getOEmbed",
  summary: "oEmbed",
  description:
    "oEmbed 1.0 for article pages: type `rich`, with an iframe of /embed/{slug} (a `#section` in the URL chooses that section). Any `format` but `json` (`xml`, say) is answered 501, as the specification asks.",
  tag: "Embeds",
  query: {
    schema: OEmbedQuery,
    describe: {
      url: {
        description: "The article page's URL, optionally with a `#section-id`.",
        example: "{base}/articles/leg-cramps",
      },
      format: { description: "`json` (the default); any other format is not served (501).", example: "json" },
      maxwidth: { description: "Maximum iframe width in pixels.", example: "480" },
      maxheight: { description: "Maximum iframe height in pixels.", example: "600" },
    },
  },
  content: json(OEmbed, "OEmbed"),
  errors: [400, 404, 410, 501, 503],
} as const satisfies Operation;

export const EMBED_ROUTES = [
  defineRoute(getEmbed, async (c) => {
    const { baseUrl } = c.var;
    const slug = c.req.param("slug");
    const loaded = await requestedArticle(c, slug);
    const { entry } = loaded;
    const query = c.req.valid("query");
    const selection = query.sections && sectionSelection(loaded, query.sections);
    const theme = query.theme ?? "light";
    const variant = [baseUrl, slug, selection?.join(",") ?? "*", theme];
    const representation = await representationOf(c, variant, async () => {
      const article = articleResource(entry, baseUrl, selection ? new Set(selection) : undefined);
      const page = await renderEmbedPage(article, theme, selection === undefined);
      return {
        text: page.html,
        contentType: `${MEDIA.html}; charset=utf-8`,
        lastModified: entry.article.updatedAt,
        // The canonical page is the one to index; this one exists to be framed.
        headers: { "Content-Security-Policy": page.csp, "X-Robots-Tag": "noindex", ...articleCacheTag(slug) },
      };
    });
    return sendRepresentation(c, representation);
  }),
  defineRoute(getEmbedScript, async (c) => {
    const representation = await representationOf(c, [], () => ({
      text: EMBED_SCRIPT,
      contentType: "text/javascript; charset=utf-8",
      lastModified: c.var.contentUpdatedAt,
    }));
    return sendRepresentation(c, representation);
  }),
  defineRoute(getOEmbed, async (c) => {
    const { baseUrl } = c.var;
    const query = c.req.valid("query");
    if (query.format !== undefined && query.format !== "json") {
      // oEmbed 1.0 §2.2: a provider answers 501 for a format it does not serve.
      throw new ProblemError(problem("not-implemented", "Only format=json is served."));
    }
    const notAPage = () => notFound(`${query.url} is not an article page of this service.`);
    const page = articlePageOf(baseUrl, query.url) ?? notAPage();
    // A withdrawn article's page is gone, said as its own URL would say it.
    const target = oEmbedTarget(await requestedArticle(c, page.slug), page.fragment) ?? notAPage();
    const maxwidth = query.maxwidth ?? DEFAULT_SIZE.width;
    const maxheight = query.maxheight ?? DEFAULT_SIZE.height;
    const variant = [baseUrl, target.entry.article.slug, target.section?.section.id ?? "", maxwidth, maxheight];
    const representation = await representationOf(c, variant, async () => ({
      json: await oEmbedResponse(target, baseUrl, { maxwidth, maxheight }, contentCacheSeconds(c.env)),
      lastModified: target.entry.article.updatedAt,
      headers: articleCacheTag(target.entry.article.slug),
    }));
    return sendRepresentation(c, representation);
  }),
] as const;
