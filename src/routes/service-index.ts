/** `GET /`: what this service is and where each route family lives. */
import { Hono } from "hono";
import { serviceIndex } from "../api/resources";
import { ServiceIndex } from "../api/schemas";
import type { AppEnv } from "../env";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { representationKey } from "../http/representation-store";
import { sendRepresentation } from "../http/send";
import { honoPath, json, type Operation } from "../openapi/operation";

export const getServiceIndex = {
  path: "/",
  operationId: "getServiceIndex",
  summary: "Service index",
  description: "The service's name and version, with links to every route family.",
  tag: "Discovery",
  content: json(ServiceIndex, "ServiceIndex"),
  errors: [],
} as const satisfies Operation;

/** This file's operations, for the OpenAPI document (src/routes/operations.ts). */
export const SERVICE_INDEX_OPERATIONS: readonly Operation[] = [getServiceIndex];

export const serviceIndexRoutes = new Hono<AppEnv>().get(
  honoPath(getServiceIndex.path),
  onlyMedia(MEDIA.json),
  async (c) => {
    const { baseUrl, representations } = c.var;
    const representation = await representations.get(representationKey(getServiceIndex.operationId, baseUrl), () => ({
      json: serviceIndex(baseUrl),
      lastModified: c.var.contentUpdatedAt,
    }));
    return sendRepresentation(c, representation);
  },
);
