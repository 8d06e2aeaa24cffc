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
import type { AppEnv } from "../env";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { sendRepresentation } from "../http/send";
import { renderDocsPage } from "../render/docs-page";

export const docsRoutes = new Hono<AppEnv>()
  .get("/openapi.json", onlyMedia(MEDIA.json), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(`openapi ${baseUrl}`, async () => {
      // Loaded on first use: the generator and the full content schemas are not needed to serve content.
      const { openApiDocument } = await import("../openapi/document");
      const [first] = library.entries;
      const examples: Record<string, unknown> = {
        ServiceIndex: serviceIndex(baseUrl),
        ArticleList: articleList(library, {}, baseUrl),
      };
      if (first) {
        const [section] = library.sections(first.article.slug);
        examples.Condition = conditionResource(first, baseUrl);
        if (section) {
          // A one-section article keeps the example readable.
          examples.Article = articleResource(first, baseUrl, new Set([section.section.id]));
          examples.SectionResponse = sectionResource(first, section, baseUrl);
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
  .get("/docs", onlyMedia(MEDIA.html), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const representation = await representations.get(`docs ${baseUrl}`, async () => {
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
