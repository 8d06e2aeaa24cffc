/** `/openapi.json` (OpenAPI 3.1 from the zod schemas) and `/docs` (an interactive reference). */
import { type Context, Hono } from "hono";
import { articleList } from "../api/article-list";
import {
  articleResource,
  conditionResource,
  SERVICE_NAME,
  SERVICE_VERSION,
  sectionResource,
  serviceIndex,
} from "../api/resources";
import { OpenApiDocument } from "../api/schemas";
import { ContentUnavailable } from "../content/content-unavailable";
import type { AppEnv } from "../env";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { representation, representationKey } from "../http/representation-store";
import { sendRepresentation, sendUnstored } from "../http/send";
import { honoPath, html, json, type Operation } from "../openapi/operation";
import { renderDocsPage } from "../render/docs-page";

export const getOpenApi = {
  path: "/openapi.json",
  operationId: "getOpenApi",
  summary: "This OpenAPI document",
  description: "OpenAPI 3.1, generated from the same zod schemas that validate requests and type responses.",
  tag: "Discovery",
  content: json(OpenApiDocument, "OpenApiDocument"),
  errors: [],
} as const satisfies Operation;

export const getDocs = {
  path: "/docs",
  operationId: "getDocs",
  summary: "Interactive API reference",
  description: "An interactive reference for this OpenAPI document, in the browser.",
  tag: "Discovery",
  content: html("An interactive reference for this document."),
  errors: [],
} as const satisfies Operation;

/** This file's operations, for the OpenAPI document (src/routes/operations.ts). */
export const DOCS_OPERATIONS: readonly Operation[] = [getOpenApi, getDocs];

export const docsRoutes = new Hono<AppEnv>()
  .get(honoPath(getOpenApi.path), onlyMedia(MEDIA.json), async (c) => {
    const key = representationKey(getOpenApi.operationId, c.var.baseUrl);
    try {
      const built = await c.var.representations.get(key, async () => openApiDocumentOf(c, await contentExamples(c)));
      return sendRepresentation(c, built);
    } catch (error) {
      if (!(error instanceof ContentUnavailable)) throw error;
      // The document does not need the content, only its examples do: it is sent without them, and not kept,
      // so the next request tries the content again.
      console.error(`${c.req.method} ${c.req.path}: examples left out, content unavailable: ${error.reason}`);
      return sendUnstored(c, await representation(await openApiDocumentOf(c, {})));
    }
  })
  .get(honoPath(getDocs.path), onlyMedia(MEDIA.html), async (c) => {
    const { baseUrl, representations } = c.var;
    const representation = await representations.get(representationKey(getDocs.operationId, baseUrl), async () => {
      const page = await renderDocsPage(SERVICE_NAME, `${baseUrl}/openapi.json`);
      return {
        text: page.html,
        contentType: `${MEDIA.html}; charset=utf-8`,
        lastModified: c.var.contentUpdatedAt,
        headers: { "Content-Security-Policy": page.csp, "X-Frame-Options": "DENY" },
      };
    });
    return sendRepresentation(c, representation);
  });

/** Example bodies from the real content: the newest article's, and the first page of the list. */
async function contentExamples(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const { baseUrl } = c.var;
  const library = await c.var.library();
  const [newest] = library.articles;
  const article = newest && (await library.article(newest.slug, c.env.ASSETS));
  const examples: Record<string, unknown> = { ArticleList: await articleList(library, c.env.ASSETS, {}, baseUrl) };
  if (article) {
    const [section] = article.sections();
    examples.Condition = conditionResource(article.entry, baseUrl);
    if (section) {
      // A one-section article keeps the example readable.
      examples.Article = articleResource(article.entry, baseUrl, new Set([section.section.id]));
      examples.SectionResponse = sectionResource(article.entry, section, baseUrl);
    }
  }
  return examples;
}

/** The OpenAPI document, with these examples from the content besides the service index's. */
async function openApiDocumentOf(c: Context<AppEnv>, examples: Record<string, unknown>) {
  // Loaded on first use: the generator and the full content schemas are not needed to serve content.
  const { openApiDocument } = await import("../openapi/document");
  const { baseUrl } = c.var;
  return {
    json: openApiDocument({
      base: baseUrl,
      title: SERVICE_NAME,
      version: SERVICE_VERSION,
      examples: { ServiceIndex: serviceIndex(baseUrl), ...examples },
      indexNowKey: c.env.INDEXNOW_KEY,
    }),
    lastModified: c.var.contentUpdatedAt,
  };
}
