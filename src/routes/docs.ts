/** `/openapi.json` (OpenAPI 3.1 from the zod schemas) and `/docs` (an interactive reference). */
import { Hono } from "hono";
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
import type { AppEnv } from "../env";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { representationKey } from "../http/representation-store";
import { sendRepresentation } from "../http/send";
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
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(representationKey(getOpenApi.operationId, baseUrl), async () => {
      // Loaded on first use: the generator and the full content schemas are not needed to serve content.
      const { openApiDocument } = await import("../openapi/document");
      const [newest] = library.articles;
      const article = newest && (await library.article(newest.slug, c.env.ASSETS));
      const examples: Record<string, unknown> = {
        ServiceIndex: serviceIndex(baseUrl),
        ArticleList: await articleList(library, c.env.ASSETS, {}, baseUrl),
      };
      if (article) {
        const [section] = article.sections();
        examples.Condition = conditionResource(article.entry, baseUrl);
        if (section) {
          // A one-section article keeps the example readable.
          examples.Article = articleResource(article.entry, baseUrl, new Set([section.section.id]));
          examples.SectionResponse = sectionResource(article.entry, section, baseUrl);
        }
      }
      return {
        json: openApiDocument({
          base: baseUrl,
          title: SERVICE_NAME,
          version: SERVICE_VERSION,
          examples,
          indexNowKey: c.env.INDEXNOW_KEY,
        }),
        lastModified: library.updatedAt,
      };
    });
    return sendRepresentation(c, representation);
  })
  .get(honoPath(getDocs.path), onlyMedia(MEDIA.html), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(representationKey(getDocs.operationId, baseUrl), async () => {
      const page = await renderDocsPage(SERVICE_NAME, `${baseUrl}/openapi.json`);
      return {
        text: page.html,
        contentType: `${MEDIA.html}; charset=utf-8`,
        lastModified: library.updatedAt,
        headers: { "Content-Security-Policy": page.csp, "X-Frame-Options": "DENY" },
      };
    });
    return sendRepresentation(c, representation);
  });
