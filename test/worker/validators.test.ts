/**
 * Each route validates with the schema its operation documents: for every
 * documented parameter, its example passes and a value its documented
 * pattern or enum rejects is a 400 naming it; a body its documented schema
 * rejects is a 400 naming the field. Read from the served document, so a
 * route that checked anything else than what /openapi.json says would fail.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { operations } from "../../src/app";
import { call } from "../support/worker";

interface Parameter {
  name: string;
  in: "path" | "query";
  example: string;
  schema: Schema;
}
/** What a documented parameter's schema says of its value: a pattern, an enum, an integer's range, or alternatives. */
interface Schema {
  type?: string;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  enum?: string[];
  anyOf?: Schema[];
}
interface DocumentedOperation {
  parameters: Parameter[];
  requestBody?: { content: Record<string, { example: unknown }> };
}
type Document = { paths: Record<string, Record<string, DocumentedOperation>> };

/** Values tried in turn until one breaks the documented pattern or enum. */
const CANDIDATES = ["!", "x y", "\u0001", "0", "ü", "x".repeat(201), "\n", ""];

/** Whether the schema's pattern or enum refuses a value; alternatives refuse it when each of them does. */
function refuses(schema: Schema, value: string): boolean {
  if (schema.anyOf) return schema.anyOf.length > 0 && schema.anyOf.every((option) => refuses(option, value));
  if (schema.type === "integer") {
    const number = Number(value);
    const inRange = (schema.minimum ?? number) <= number && number <= (schema.maximum ?? number);
    return value.trim() === "" || !Number.isInteger(number) || !inRange;
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) return true;
  return schema.enum !== undefined && !schema.enum.includes(value);
}

function rejected(schema: Schema): string | undefined {
  return CANDIDATES.find((value) => refuses(schema, value));
}

function url(path: string, parameters: Parameter[], replaced: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const { name, in: where, example } of parameters) {
    const value = replaced[name] ?? example;
    if (where === "path") path = path.replace(`{${name}}`, encodeURIComponent(value));
    else query.set(name, value);
  }
  return `${path}${query.size > 0 ? `?${query}` : ""}`;
}

let document: Document;
beforeAll(async () => {
  document = await (await call("/openapi.json")).json<Document>();
});

/** Every parameter a route checks: each of its query's, and each path parameter with a form to match. */
const checked = operations().flatMap((operation) => {
  const path = Object.entries(operation.pathParameters ?? {})
    .filter(([, parameter]) => parameter.schema || parameter.pattern)
    .map(([name, parameter]) => ({ name, in: "path" as const, routed: parameter.pattern !== undefined }));
  const query = Object.keys(operation.query?.schema.shape ?? {}).map((name) => ({
    name,
    in: "query" as const,
    routed: false,
  }));
  return [...path, ...query].map(
    (parameter) => [`${operation.operationId} ${parameter.in} ${parameter.name}`, operation, parameter] as const,
  );
});

describe("every route's validators are its documented schemas", () => {
  it.each(checked)(
    "%s: the example passes; a value the document rejects is refused",
    async (_, operation, { name, in: where, routed }) => {
      const documented = document.paths[operation.path]?.[operation.method ?? "get"];
      const parameters = documented?.parameters ?? [];
      const parameter = parameters.find((candidate) => candidate.name === name && candidate.in === where);
      const value = parameter && rejected(parameter.schema);
      expect(value, `${name} is documented with a pattern or enum`).toBeDefined();
      const body = documented?.requestBody?.content["application/json"]?.example;
      const init = {
        method: (operation.method ?? "get").toUpperCase(),
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
      };
      expect((await call(url(operation.path, parameters), init)).status).not.toBe(400);
      // Problems as JSON, also where a person would be shown a page (src/routes/errors.ts).
      const response = await call(url(operation.path, parameters, { [name]: value ?? "" }), {
        ...init,
        headers: { ...init.headers, Accept: "application/problem+json" },
      });
      // A path parameter the router matches by pattern: any other value is no route at all.
      if (routed) return expect(response.status).toBe(404);
      expect(response.status, `${name}=${JSON.stringify(value)}`).toBe(400);
      const problem = await response.json<{ errors: { in: string; name: string }[] }>();
      expect(problem.errors).toContainEqual(expect.objectContaining({ in: where, name }));
    },
  );

  it.each(operations().filter((operation) => operation.requestBody))(
    "$operationId: a body its documented schema rejects is a 400 naming the field",
    async (operation) => {
      const path = operation.path.replace(
        /\{(\w+)\}/g,
        (_, name: string) => operation.pathParameters?.[name]?.example ?? "",
      );
      // The documented example, its first field made a number: no field of any request body is one.
      const [field = ""] = Object.keys(operation.requestBody?.example as object);
      const response = await call(path, {
        method: "POST",
        body: JSON.stringify({ ...(operation.requestBody?.example as object), [field]: 42 }),
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${env.ADMIN_TOKEN}` },
      });
      expect(response.status).toBe(400);
      const problem = await response.json<{ errors: { in: string; name: string }[] }>();
      expect(problem.errors).toContainEqual(expect.objectContaining({ in: "body", name: field }));
    },
  );
});
