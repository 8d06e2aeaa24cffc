/** `GET /`: what this service is and where each route family lives. */
import { Hono } from "hono";
import type { ServiceIndex } from "../api/schemas";
import { urls } from "../api/urls";
import type { AppEnv } from "../env";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { sendRepresentation } from "../http/send";

export const SERVICE_NAME = "Health content API";
export const SERVICE_VERSION = "1.0.0";

export const serviceIndexRoutes = new Hono<AppEnv>().get("/", onlyMedia(MEDIA.json), async (c) => {
  const { baseUrl, library } = c.var;
  const representation = await c.var.representations.get<ServiceIndex>(`index ${baseUrl}`, () => {
    const body: ServiceIndex = {
      name: SERVICE_NAME,
      version: SERVICE_VERSION,
      description:
        "Patient-facing health articles as typed JSON sections, structured medical facts, schema.org JSON-LD, crawlable HTML pages and partner embeds.",
      links: {
        self: `${baseUrl}/`,
        articles: urls.articles(baseUrl),
        article: urls.article(baseUrl, "{slug}"),
        section: urls.section(baseUrl, "{slug}", "{id}"),
        condition: urls.condition(baseUrl, "{slug}"),
        problems: `${baseUrl}/problems`,
      },
    };
    return {
      json: body,
      lastModified: library.updatedAt,
    };
  });
  return sendRepresentation(c, representation);
});
