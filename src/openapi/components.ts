/**
 * The document's shared components: the JSON Schemas (from the zod schemas:
 * OpenAPI 3.1 schemas are JSON Schema 2020-12, which zod emits) and a
 * response per problem type, from the one table of them (PROBLEM_TYPES).
 */
import * as z from "zod/mini";
import { Block, Facts, ListItem, Section } from "../content/model";
import { MEDIA } from "../http/media-types";
import { PROBLEM_TYPES, type ProblemType } from "../http/problem";
import { Problem } from "../http/problem-schema";
import type { Operation } from "./operation";

const PROBLEM_JSON = "application/problem+json";

/** Shared content schemas get components of their own, so the recursive ones can refer to themselves. */
const SHARED = { Section, ListItem, Block, Facts, Problem } as const;

export function componentSchemas(
  operations: readonly Operation[],
  more: Readonly<Record<string, z.ZodMiniType>> = {},
): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const seen = new Set<z.ZodMiniType>();
  const add = (name: string, schema: z.ZodMiniType) => {
    if (seen.has(schema)) return;
    seen.add(schema);
    registry.add(schema, { id: name });
  };
  for (const [name, schema] of Object.entries({ ...SHARED, ...more })) add(name, schema);
  for (const operation of operations) {
    for (const body of Object.values(operation.content)) if ("schema" in body) add(body.component, body.schema);
    if (operation.requestBody) add(operation.requestBody.component, operation.requestBody.schema);
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Each schema restates the dialect; OpenAPI 3.1 already declares it once for the document.
  return Object.fromEntries(
    Object.entries(schemas).map(([name, { $schema: _dialect, $id: _id, ...schema }]) => [name, schema]),
  );
}

export const CACHE_HEADERS = {
  ETag: { description: "Strong validator of this representation.", schema: { type: "string" } },
  "Last-Modified": { description: "When the content last changed here.", schema: { type: "string" } },
  "Cache-Control": { description: "Lifetimes for browsers and shared caches.", schema: { type: "string" } },
};

/** Headers that go with a problem: where to go instead (405) and when to come back (429, 503). */
const PROBLEM_HEADERS: Partial<Record<ProblemType, Record<string, unknown>>> = {
  "method-not-allowed": { Allow: { schema: { type: "string" }, example: "GET, HEAD, OPTIONS" } },
  "too-many-requests": { "Retry-After": { schema: { type: "integer" }, example: 60 } },
  unavailable: { "Retry-After": { schema: { type: "integer" }, example: 60 } },
};

/** A problem type's response component's name: its title in one word, e.g. `NotFound`. */
export function problemResponseName(type: ProblemType): string {
  return PROBLEM_TYPES[type].title.replace(/(?:^|\s+)(\w)/g, (_, letter: string) => letter.toUpperCase());
}

/** The problem type answered with a status: each status has exactly one. */
export function problemTypeOf(status: number): ProblemType {
  const found = (Object.keys(PROBLEM_TYPES) as ProblemType[]).find((type) => PROBLEM_TYPES[type].status === status);
  if (!found) throw new Error(`no problem type has status ${status}`);
  return found;
}

/**
 * Every reusable response: 304, and one per problem type with its example,
 * but the internal error, which no operation documents (a request never causes one).
 */
export function componentResponses(): Record<string, unknown> {
  const answerable = (Object.keys(PROBLEM_TYPES) as ProblemType[]).filter((type) => type !== "internal-error");
  return {
    NotModified: { description: "Your copy is current (conditional request).", headers: CACHE_HEADERS },
    ...Object.fromEntries(answerable.map((type) => [problemResponseName(type), problemResponseObject(type)])),
  };
}

/**
 * A problem type's response: problem+json, and for a page or an embed
 * (`asPage`) an HTML error page as well, which a client preferring HTML gets.
 */
export function problemResponseObject(type: ProblemType, asPage = false): Record<string, unknown> {
  const { status, title, about, example } = PROBLEM_TYPES[type];
  const headers = PROBLEM_HEADERS[type];
  return {
    description: about,
    ...(headers ? { headers } : {}),
    content: {
      [PROBLEM_JSON]: {
        schema: { $ref: "#/components/schemas/Problem" },
        example: { type: `/problems/${type}`, title, status, detail: example },
      },
      ...(asPage
        ? {
            [MEDIA.html]: {
              schema: { type: "string", description: "An error page: the status, the reason and where to go instead." },
            },
          }
        : {}),
    },
  };
}
