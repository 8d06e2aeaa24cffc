/** `GET /`: what this service is and where each route family lives. */
import { serviceIndex } from "../api/resources";
import { ServiceIndex } from "../api/schemas";
import { sendRepresentation } from "../http/send";
import { json, type Operation } from "../openapi/operation";
import { defineRoute, representationOf } from "./route";

const getServiceIndex = {
  path: "/",
  operationId: "getServiceIndex",
  summary: "Service index",
  description: "The service's name and version, with links to every route family.",
  tag: "Discovery",
  content: json(ServiceIndex, "ServiceIndex"),
  errors: [],
} as const satisfies Operation;

export const SERVICE_INDEX_ROUTES = [
  defineRoute(getServiceIndex, async (c) => {
    const { baseUrl } = c.var;
    const representation = await representationOf(c, [baseUrl], () => ({
      json: serviceIndex(baseUrl),
      lastModified: c.var.contentUpdatedAt,
    }));
    return sendRepresentation(c, representation);
  }),
] as const;
