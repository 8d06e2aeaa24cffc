/** Each operation as an OpenAPI path item: its parameters, request body and every response it can give. */
import * as z from "zod/mini";
import { WIRE_TYPES } from "../api/parameters";
import { MEDIA } from "../http/media-types";
import { CACHE_HEADERS, problemResponseName, problemResponseObject, problemTypeOf } from "./components";
import type { Operation } from "./operation";

export interface PathOptions {
  base: string;
  /** Example bodies by component name, taken from the real content. */
  examples: Record<string, unknown>;
  /** The configured IndexNow key, for the key file's example. */
  indexNowKey?: string;
}

/** A key of the right form, for the key file's example where none is configured. */
const EXAMPLE_INDEXNOW_KEY = "0123456789abcdef";

/** Statuses every operation can answer, whatever it is: the request gates' and negotiation's. */
const EVERY_OPERATION = [405, 406, 414, 429, 431] as const;

const LINK_HEADER = {
  Link: { description: "RFC 8288 links to the first, last, next and previous pages.", schema: { type: "string" } },
};
const LOCATION = {
  Location: { description: "The URL of what was made.", schema: { type: "string", format: "uri" } },
};
const NO_STORE = {
  "Cache-Control": {
    description: "`no-store`: the answer is made for this request (from patient data, or the service's state).",
    schema: { type: "string" },
  },
};

export function pathItem(operation: Operation, options: PathOptions): Record<string, unknown> {
  const { requestBody } = operation;
  return {
    [operation.method ?? "get"]: {
      operationId: operation.operationId,
      summary: operation.summary,
      description: operation.description,
      tags: [operation.tag],
      // The document's default is no security (public content); an operator's operation needs the admin token.
      ...(operation.admin ? { security: [{ adminToken: [] }] } : {}),
      parameters: parameters(operation, options),
      ...(requestBody
        ? {
            requestBody: {
              required: true,
              description: requestBody.description,
              content: {
                [MEDIA.json]: {
                  schema: { $ref: `#/components/schemas/${requestBody.component}` },
                  example: requestBody.example,
                },
              },
            },
          }
        : {}),
      responses: responses(operation, options.examples),
    },
  };
}

function parameters(operation: Operation, { base, indexNowKey }: PathOptions): unknown[] {
  const path = Object.entries(operation.pathParameters ?? {}).map(
    ([name, { description, example, pattern, schema }]) => ({
      name,
      in: "path",
      required: true,
      description,
      example: example.replace("{indexNowKey}", indexNowKey || EXAMPLE_INDEXNOW_KEY),
      schema: schema ? wireSchema(schema) : { type: "string", ...(pattern ? { pattern: `^${pattern}$` } : {}) },
    }),
  );
  const query = operation.query;
  const queryParameters = query
    ? Object.entries(query.schema.shape).map(([name, schema]) => {
        const wire = wireSchema(schema);
        const example = query.describe[name]?.example.replace("{base}", base);
        return {
          name,
          in: "query",
          required: schema._zod.optin !== "optional",
          description: query.describe[name]?.description,
          // An integer's example is a number, as a generated client passes it.
          example: wire.type === "integer" && example !== undefined ? Number(example) : example,
          schema: wire,
        };
      })
    : [];
  return [...path, ...queryParameters];
}

function responses(operation: Operation, examples: Record<string, unknown>): Record<string, unknown> {
  const content = Object.fromEntries(
    Object.entries(operation.content).map(([media, body]) => {
      if ("schema" in body) {
        const example = body.example ?? examples[body.component];
        return [media, { schema: { $ref: `#/components/schemas/${body.component}` }, ...(example ? { example } : {}) }];
      }
      return [media, { schema: { type: "string", description: body.text } }];
    }),
  );
  const headers = { ...CACHE_HEADERS, ...(operation.paged ? LINK_HEADER : {}) };
  const status = String(operation.status ?? 200);
  const body = Object.keys(content).length > 0 ? { content } : {};
  const fresh = { ...NO_STORE, ...(operation.status === 201 ? LOCATION : {}) };
  // A POST (and a health check, and an operator's call) is answered afresh every time: no validators, never stored.
  const success =
    operation.method !== undefined || operation.fresh
      ? { [status]: { description: operation.summary, headers: fresh, ...body } }
      : {
          [status]: { description: operation.summary, headers, ...body },
          "304": { $ref: "#/components/responses/NotModified" },
        };
  const errors = [...operation.errors, ...EVERY_OPERATION].sort((a, b) => a - b);
  return {
    ...success,
    ...Object.fromEntries(
      errors.map((status) => [
        String(status),
        // A page's errors may be pages too (src/routes/errors.ts): described in place, with both media types.
        operation.pageErrors
          ? problemResponseObject(problemTypeOf(status), true)
          : { $ref: `#/components/responses/${problemResponseName(problemTypeOf(status))}` },
      ]),
    ),
  };
}

/**
 * A parameter's schema as the text on the wire must match it: the input
 * side, each pattern included; a whole number as an integer with its range.
 */
function wireSchema(schema: z.core.$ZodType): Record<string, unknown> {
  const inner = schema instanceof z.ZodMiniOptional ? schema._zod.def.innerType : schema;
  const typed = WIRE_TYPES.get(inner);
  if (typed) return { ...typed };
  const { $schema: _dialect, ...wire } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" });
  return wire;
}
