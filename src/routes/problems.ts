/** `GET /problems` and `GET /problems/{type}`: what each problem type in an error response means. */
import { ProblemTypeDescription, ProblemTypeList } from "../api/schemas";
import { notFound, PROBLEM_TYPES, type ProblemType } from "../http/problem";
import { sendRepresentation } from "../http/send";
import { json, type Operation } from "../openapi/operation";
import { defineRoute, representationOf } from "./route";

function isProblemType(name: string): name is ProblemType {
  return Object.hasOwn(PROBLEM_TYPES, name);
}

const listProblemTypes = {
  path: "/problems",
  operationId: "listProblemTypes",
  summary: "Problem types",
  description: "Every `type` an error response can have.",
  tag: "Problems",
  content: json(ProblemTypeList, "ProblemTypeList"),
  errors: [],
} as const satisfies Operation;

const getProblemType = {
  path: "/problems/{type}",
  operationId: "getProblemType",
  summary: "What a problem type means",
  description: "The status, title and meaning of one problem `type` an error response can have.",
  tag: "Problems",
  pathParameters: { type: { description: "A problem type's slug.", example: "invalid-parameters" } },
  content: json(ProblemTypeDescription, "ProblemTypeDescription"),
  errors: [404],
} as const satisfies Operation;

export const PROBLEM_ROUTES = [
  defineRoute(listProblemTypes, async (c) => {
    const representation = await representationOf(c, [], () => ({
      json: Object.entries(PROBLEM_TYPES).map(([type, { status, title }]) => ({
        type: `/problems/${type}`,
        status,
        title,
      })),
      lastModified: c.var.contentUpdatedAt,
    }));
    return sendRepresentation(c, representation);
  }),
  defineRoute(getProblemType, async (c) => {
    const type = c.req.param("type");
    if (!isProblemType(type)) notFound(`There is no problem type "${type}".`);
    const representation = await representationOf(c, [type], () => {
      const { status, title, about } = PROBLEM_TYPES[type];
      return {
        json: { type: `/problems/${type}`, status, title, description: about },
        lastModified: c.var.contentUpdatedAt,
      };
    });
    return sendRepresentation(c, representation);
  }),
] as const;
