/** `/openapi.json` (OpenAPI 3.1 from the zod schemas) and `/docs` (an interactive reference). */
import type { Context } from "hono";
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
import type { AppEnv } from "../http/app-env";
import { MEDIA } from "../http/media-types";
import { representation } from "../http/representation-store";
import { sendRepresentation, sendUnstored } from "../http/send";
import { html, json, type Operation } from "../openapi/operation";
import { renderDocsPage } from "../render/docs-page";
import { defineRoute, representationOf } from "./route";

const getOpenApi = {
  path: "/openapi.json",
  operationId: "getOpenApi",
  summary: "This OpenAPI document",
  description: "OpenAPI 3.1, generated from the same zod schemas that validate requests and type responses.",
  tag: "Discovery",
  content: json(OpenApiDocument, "OpenApiDocument"),
  errors: [],
} as const satisfies Operation;

const getDocs = {
  path: "/docs",
  operationId: "getDocs",
  summary: "Interactive API reference",
  description: "An interactive reference for this OpenAPI document, in the browser.",
  tag: "Discovery",
  content: html("An interactive reference for this document."),
  errors: [],
} as const satisfies Operation;

/**
 * The document and its reference. The document describes every route's
 * operation, these two included: src/app.ts hands them over once all are listed.
 */
export function docsRoutes(documented: () => readonly Operation[]) {
  return [
    defineRoute(getOpenApi, async (c) => {
      try {
        const built = await representationOf(c, [c.var.baseUrl], async () =>
          openApiDocumentOf(c, documented(), await contentExamples(c)),
        );
        return sendRepresentation(c, built);
      } catch (error) {
        if (!(error instanceof ContentUnavailable)) throw error;
        // The document does not need the content, only its examples do: it is sent without them, and not kept,
        // so the next request tries the content again.
        console.error(`${c.req.method} ${c.req.path}: examples left out, content unavailable: ${error.reason}`);
        return sendUnstored(c, await representation(await openApiDocumentOf(c, documented(), {})));
      }
    }),
    defineRoute(getDocs, async (c) => {
      const { baseUrl } = c.var;
      const built = await representationOf(c, [baseUrl], async () => {
        const page = await renderDocsPage(SERVICE_NAME, `${baseUrl}/openapi.json`);
        return {
          text: page.html,
          contentType: `${MEDIA.html}; charset=utf-8`,
          lastModified: c.var.contentUpdatedAt,
          headers: { "Content-Security-Policy": page.csp, "X-Frame-Options": "DENY" },
        };
      });
      return sendRepresentation(c, built);
    }),
  ] as const;
}

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

/** The OpenAPI document of these operations, with these examples from the content besides the service index's. */
async function openApiDocumentOf(
  c: Context<AppEnv>,
  operations: readonly Operation[],
  examples: Record<string, unknown>,
) {
  // Loaded on first use: the generator and the full content schemas are not needed to serve content.
  const { openApiDocument } = await import("../openapi/document");
  const { baseUrl } = c.var;
  return {
    json: openApiDocument(operations, {
      base: baseUrl,
      title: SERVICE_NAME,
      version: SERVICE_VERSION,
      examples: { ServiceIndex: serviceIndex(baseUrl), ...examples },
      indexNowKey: c.env.INDEXNOW_KEY,
    }),
    lastModified: c.var.contentUpdatedAt,
  };
}
