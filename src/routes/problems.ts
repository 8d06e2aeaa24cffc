/** `GET /problems` and `GET /problems/{type}`: what each problem type in an error response means. */
import { Hono } from "hono";
import { ProblemTypeDescription, ProblemTypeList } from "../api/schemas";
import type { AppEnv } from "../env";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { notFound, PROBLEM_TYPES, type ProblemType } from "../http/problem";
import { representationKey } from "../http/representation-store";
import { sendRepresentation } from "../http/send";
import { honoPath, json, type Operation } from "../openapi/operation";

function isProblemType(name: string): name is ProblemType {
  return Object.hasOwn(PROBLEM_TYPES, name);
}

export const listProblemTypes = {
  path: "/problems",
  operationId: "listProblemTypes",
  summary: "Problem types",
  description: "Every `type` an error response can have.",
  tag: "Problems",
  content: json(ProblemTypeList, "ProblemTypeList"),
  errors: [],
} as const satisfies Operation;

export const getProblemType = {
  path: "/problems/{type}",
  operationId: "getProblemType",
  summary: "What a problem type means",
  description: "The status, title and meaning of one problem `type` an error response can have.",
  tag: "Problems",
  pathParameters: { type: { description: "A problem type's slug.", example: "invalid-parameters" } },
  content: json(ProblemTypeDescription, "ProblemTypeDescription"),
  errors: [404],
} as const satisfies Operation;

/** This file's operations, for the OpenAPI document (src/routes/operations.ts). */
export const PROBLEM_OPERATIONS: readonly Operation[] = [listProblemTypes, getProblemType];

export const problemRoutes = new Hono<AppEnv>()
  .get(honoPath(listProblemTypes.path), onlyMedia(MEDIA.json), async (c) => {
    const { representations } = c.var;
    const representation = await representations.get(representationKey(listProblemTypes.operationId), () => ({
      json: Object.entries(PROBLEM_TYPES).map(([type, { status, title }]) => ({
        type: `/problems/${type}`,
        status,
        title,
      })),
      lastModified: c.var.contentUpdatedAt,
    }));
    return sendRepresentation(c, representation);
  })
  .get(honoPath(getProblemType.path), onlyMedia(MEDIA.json), async (c) => {
    const { representations } = c.var;
    const type = c.req.param("type");
    if (!isProblemType(type)) notFound(`There is no problem type "${type}".`);
    const representation = await representations.get(representationKey(getProblemType.operationId, type), () => {
      const { status, title, about } = PROBLEM_TYPES[type];
      return {
        json: { type: `/problems/${type}`, status, title, description: about },
        lastModified: c.var.contentUpdatedAt,
      };
    });
    return sendRepresentation(c, representation);
  });
