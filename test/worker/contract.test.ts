/**
 * The OpenAPI document is the truth of the server, checked from the document
 * itself: for every operation, property-based requests whose parameters are
 * drawn from the documented schemas (each documented pattern and enum, the
 * documented examples, and values outside them), and every answer held to
 * the document: a documented status, a documented media type, the documented
 * headers, and a body valid against the documented JSON Schema (draft
 * 2020-12, by @cfworker/json-schema, a validator made for Workers: ajv
 * compiles with `new Function`, which workerd forbids).
 */
import { Validator } from "@cfworker/json-schema";
import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { operations as documentedOperations } from "../../src/app";
import { call, ORIGIN } from "../support/worker";

declare module "vitest" {
  interface ProvidedContext {
    /** Requests per operation: CONTRACT_RUNS, a small default in `npm test`, 1000 in `npm run test:full`. */
    contractRuns: number;
  }
}

/** Requests per operation (vitest.config.ts). */
const RUNS = inject("contractRuns");
const DOCUMENT_ID = `${ORIGIN}/openapi.json`;

interface Schema {
  type?: string;
  pattern?: string;
  enum?: string[];
  $ref?: string;
}
interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  example: string;
  schema: Schema;
}
interface MediaType {
  schema: Schema;
  example?: unknown;
}
interface Response {
  $ref?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaType>;
}
interface Operation {
  parameters: Parameter[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, Response> };
}

let document: Document;
const validators = new Map<string, Validator>();

beforeAll(async () => {
  document = await (await call("/openapi.json")).json<Document>();
});

/** A documented response, its `$ref` followed. */
function resolve(response: Response): Response {
  const name = response.$ref?.replace("#/components/responses/", "");
  return name === undefined ? response : (document.components.responses[name] ?? {});
}

/** Validates against a documented schema; its `$ref`s resolve inside the document. */
function validate(schema: Schema, instance: unknown) {
  const key = JSON.stringify(schema);
  let validator = validators.get(key);
  if (!validator) {
    validator = new Validator(
      schema.$ref ? { $ref: `${DOCUMENT_ID}${schema.$ref}` } : (schema as object),
      "2020-12",
      false,
    );
    validator.addSchema(document as unknown as object, DOCUMENT_ID);
    validators.set(key, validator);
  }
  return validator.validate(instance);
}

/** Any text, including what no documented pattern admits. */
const anything = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom("", "0", "-1", "%", "..", "<x>", "R25.2", "leg-cramps", "json"),
);

/** A value for a documented parameter: its example, one its schema admits, or anything at all. */
function valueFor(parameter: Parameter): fc.Arbitrary<string> {
  const { schema } = parameter;
  const documented = schema.enum
    ? fc.constantFrom(...schema.enum)
    : schema.pattern
      ? fc.stringMatching(new RegExp(schema.pattern))
      : fc.string({ minLength: 1, maxLength: 20 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(parameter.example) },
    { weight: 3, arbitrary: documented },
    { weight: 1, arbitrary: anything },
  );
}

/** A request for an operation, drawn from its documented parameters and body. */
function requestFor(path: string, method: string, operation: Operation, mediaTypes: string[]) {
  const parameters = operation.parameters;
  // A path parameter is never empty, and "." and ".." cannot be a segment's value: URL parsing resolves them away.
  const segment = (parameter: Parameter) =>
    valueFor(parameter).filter((value) => value !== "" && value !== "." && value !== "..");
  const pathValues = fc.record(
    Object.fromEntries(parameters.filter((p) => p.in === "path").map((p) => [p.name, segment(p)])),
  );
  const queryValues = fc.record(
    Object.fromEntries(parameters.filter((p) => p.in === "query").map((p) => [p.name, valueFor(p)])),
    { requiredKeys: parameters.filter((p) => p.in === "query" && p.required).map((p) => p.name) },
  );
  const example = operation.requestBody?.content["application/json"]?.example;
  const body =
    example === undefined
      ? fc.constant(undefined)
      : fc.oneof(
          { weight: 3, arbitrary: fc.constant(JSON.stringify(example)) },
          { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
          { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
        );
  const accept = fc.oneof(fc.constantFrom(...mediaTypes, "*/*"), fc.constantFrom("image/png", "text/*;q=0.5"));
  const ifNoneMatch = fc.option(fc.constantFrom("*", '"stale"', 'W/"x", "y"'));
  const extra = fc.option(fc.tuple(anything, anything));
  return fc
    .record({ pathValues, queryValues, body, accept, ifNoneMatch, extra })
    .map(({ pathValues, queryValues, body, accept, ifNoneMatch, extra }) => {
      let target = path;
      for (const [name, value] of Object.entries(pathValues)) {
        target = target.replace(`{${name}}`, encodeURIComponent(value));
      }
      const query = new URLSearchParams(Object.entries(queryValues));
      // Parameters the document does not name are ignored by the server.
      if (extra) query.append(`x-${extra[0]}`, extra[1]);
      const headers: Record<string, string> = { Accept: accept };
      if (body !== undefined) headers["Content-Type"] = "application/json";
      if (ifNoneMatch) headers["If-None-Match"] = ifNoneMatch;
      return {
        url: `${target}${query.size > 0 ? `?${query}` : ""}`,
        init: { method: method.toUpperCase(), headers, ...(body === undefined ? {} : { body }) },
      };
    });
}

const operations = documentedOperations().map((operation) => [operation.method ?? "get", operation.path] as const);

describe("every operation, against its documentation", () => {
  it.each(operations)(
    `%s %s answers ${RUNS} requests drawn from its documented schemas as documented`,
    async (method, path) => {
      const operation = document.paths[path]?.[method];
      if (!operation) throw new Error(`${method} ${path} is not documented`);
      const success = resolve(operation.responses["200"] ?? {});
      const mediaTypes = Object.keys(success.content ?? {});
      await fc.assert(
        fc.asyncProperty(requestFor(path, method, operation, mediaTypes), async ({ url, init }) => {
          const response = await call(url, init);
          const described = `${init.method} ${url}`.slice(0, 300);
          const status = String(response.status);
          // A documented status: nothing the document allows may yield a 5xx or an answer it does not describe.
          expect(Object.keys(operation.responses), `${described} -> ${status}`).toContain(status);
          const documented = resolve(operation.responses[status] ?? {});
          for (const header of Object.keys(documented.headers ?? {})) {
            expect(response.headers.has(header), `${described}: ${header}`).toBe(true);
          }
          if (!documented.content) {
            expect(await response.text(), described).toBe("");
            return;
          }
          const media = response.headers.get("Content-Type")?.split(";")[0] ?? "";
          const content = documented.content[media];
          expect(content, `${described}: ${status} as ${media}`).toBeDefined();
          const schema = content?.schema;
          if (schema?.$ref) {
            const result = validate(schema, await response.json());
            expect(result.errors.slice(0, 3), described).toEqual([]);
          }
        }),
        { numRuns: RUNS },
      );
    },
    300_000,
  );
});

describe("the contract check", () => {
  it("is actually checking: a body that breaks its documented schema is reported", async () => {
    const article = await (await call("/v1/articles/leg-cramps")).json<Record<string, unknown>>();
    expect(validate({ $ref: "#/components/schemas/Article" }, article).valid).toBe(true);
    const { disclaimer: _dropped, ...withoutDisclaimer } = article;
    expect(validate({ $ref: "#/components/schemas/Article" }, withoutDisclaimer).valid).toBe(false);
    expect(validate({ $ref: "#/components/schemas/Article" }, { ...article, urgentCareAdvice: "call 111" }).valid).toBe(
      false,
    );
  });
});
