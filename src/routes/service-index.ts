/** `GET /`: what this service is and where each route family lives. */
import { Hono } from "hono";
import { serviceIndex } from "../api/resources";
import type { AppEnv } from "../env";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { sendRepresentation } from "../http/send";

export const serviceIndexRoutes = new Hono<AppEnv>().get("/", onlyMedia(MEDIA.json), async (c) => {
  const { baseUrl, library, representations } = c.var;
  const representation = await representations.get(`index ${baseUrl}`, () => ({
    json: serviceIndex(baseUrl),
    lastModified: library.updatedAt,
  }));
  return sendRepresentation(c, representation);
});
