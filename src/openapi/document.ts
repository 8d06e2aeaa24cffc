/**
 * The OpenAPI 3.1 document, generated from the operation list and the zod
 * schemas (OpenAPI 3.1 schemas are JSON Schema 2020-12, which zod emits).
 * Built on the first request for it and stored like any other representation.
 */
import * as z from "zod/mini";
import { MAX_CDS_REQUEST_BYTES } from "../api/cds-hooks";
import { Block, Facts, ListItem, Section } from "../content/model";
import { MAX_HEADER_BYTES, MAX_URL_LENGTH, RATE_LIMIT_PERIOD_SECONDS } from "../http/limits";
import { MEDIA } from "../http/media-types";
import { COMPONENTS, OPERATIONS, type Operation } from "./operations";

export interface DocumentOptions {
  base: string;
  title: string;
  version: string;
  /** Example bodies by component name, taken from the real content. */
  examples: Record<string, unknown>;
  /** The configured IndexNow key, for the key file's example. */
  indexNowKey?: string;
}

/** A key of the right form, for the key file's example where none is configured. */
const EXAMPLE_INDEXNOW_KEY = "0123456789abcdef";

const PROBLEM_JSON = "application/problem+json";

const TAGS: Record<Operation["tag"], string> = {
  Articles: "Articles as typed JSON, JSON-LD or Markdown: whole, narrowed to sections, or one section.",
  Conditions: "The structured medical facts behind an article, each quoting the publisher's words.",
  "Clinical systems": "Patient education by clinical code for EHRs: HL7 Infobutton and CDS Hooks.",
  Pages: "Crawlable HTML pages with schema.org JSON-LD.",
  Embeds: "For partner sites: an iframe page, the <health-article> element and oEmbed.",
  Discovery: "What is here: the service index, this document, sitemap and robots.txt.",
  Problems: "What each error `type` means.",
};

/** Shared content schemas get components of their own, so the recursive ones can refer to themselves. */
const SHARED = { Section, ListItem, Block, Facts } as const;

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  const seen = new Set<z.ZodMiniType>();
  const add = (name: string, schema: z.ZodMiniType) => {
    if (seen.has(schema)) return;
    seen.add(schema);
    registry.add(schema, { id: name });
  };
  for (const [name, schema] of Object.entries({ ...SHARED, ...COMPONENTS })) add(name, schema);
  for (const operation of OPERATIONS) {
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

function parameters(operation: Operation, { base, indexNowKey }: DocumentOptions): unknown[] {
  const path = Object.entries(operation.pathParameters ?? {}).map(([name, { description, example }]) => ({
    name,
    in: "path",
    required: true,
    description,
    example: example.replace("{indexNowKey}", indexNowKey || EXAMPLE_INDEXNOW_KEY),
    schema: { type: "string" },
  }));
  const query = operation.query;
  const queryParameters = query
    ? Object.entries(query.schema.shape).map(([name, schema]) => {
        const { $schema: _dialect, ...wire } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" });
        return {
          name,
          in: "query",
          required: schema._zod.optin !== "optional",
          description: query.describe[name]?.description,
          example: query.describe[name]?.example.replace("{base}", base),
          schema: wire,
        };
      })
    : [];
  return [...path, ...queryParameters];
}

const CACHE_HEADERS = {
  ETag: { description: "Strong validator of this representation.", schema: { type: "string" } },
  "Last-Modified": { description: "When the content last changed here.", schema: { type: "string" } },
  "Cache-Control": { description: "Lifetimes for browsers and shared caches.", schema: { type: "string" } },
};

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
  const link = {
    description: "RFC 8288 links to the first, last, next and previous pages.",
    schema: { type: "string" },
  };
  const headers = { ...CACHE_HEADERS, ...(operation.operationId === "listArticles" ? { Link: link } : {}) };
  // A POST is answered afresh every time: no validators, never stored.
  const success =
    operation.method === "post"
      ? { "200": { description: operation.summary, headers: { "Cache-Control": NO_STORE }, content } }
      : {
          "200": { description: operation.summary, headers, content },
          "304": { $ref: "#/components/responses/NotModified" },
        };
  return {
    ...success,
    ...Object.fromEntries(
      operation.errors.map((status) => [String(status), { $ref: `#/components/responses/${ERROR_RESPONSES[status]}` }]),
    ),
    "405": { $ref: "#/components/responses/MethodNotAllowed" },
    "406": { $ref: "#/components/responses/NotAcceptable" },
    "414": { $ref: "#/components/responses/UriTooLong" },
    "429": { $ref: "#/components/responses/TooManyRequests" },
    "431": { $ref: "#/components/responses/HeadersTooLarge" },
  };
}

const ERROR_RESPONSES = {
  400: "BadRequest",
  404: "NotFound",
  412: "PrefetchRequired",
  413: "ContentTooLarge",
  415: "UnsupportedMediaType",
  501: "NotImplemented",
} as const;

const NO_STORE = { description: "`no-store`: the answer depends on patient data.", schema: { type: "string" } };

function problemResponse(description: string, example: unknown, headers?: Record<string, unknown>) {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { [PROBLEM_JSON]: { schema: { $ref: "#/components/schemas/Problem" }, example } },
  };
}

export function openApiDocument(options: DocumentOptions): Record<string, unknown> {
  const { base, title, version, examples } = options;
  const paths: Record<string, unknown> = {};
  for (const operation of OPERATIONS) {
    const { requestBody } = operation;
    paths[operation.path] = {
      [operation.method ?? "get"]: {
        operationId: operation.operationId,
        summary: operation.summary,
        description: operation.description,
        tags: [operation.tag],
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
        responses: responses(operation, examples),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title,
      version,
      contact: { name: `${title} maintainers` },
      // The service's code and description carry no open licence (an SPDX LicenseRef says so);
      // each article states its own licence, or that its publisher gave none.
      license: {
        name: "All rights reserved; article content under each article's own licence (`licence`)",
        identifier: "LicenseRef-All-Rights-Reserved",
      },
      description: [
        "Patient-facing health articles as typed JSON, schema.org JSON-LD, Markdown, HTML pages and partner embeds.",
        "Every route answers GET and HEAD (CDS Hooks services answer POST); any origin may read (CORS). Content responses carry a strong `ETag` and `Last-Modified` and answer conditional requests with 304. Errors are RFC 9457 `application/problem+json`.",
      ].join("\n\n"),
    },
    servers: [{ url: base }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    // Deliberately open: public content, no accounts or keys. An empty requirement says so for every operation.
    security: [],
    paths,
    components: {
      schemas: componentSchemas(),
      responses: {
        NotModified: { description: "Your copy is current (conditional request).", headers: CACHE_HEADERS },
        BadRequest: problemResponse("A parameter is malformed; `errors` names each one.", {
          type: "/problems/invalid-parameters",
          title: "Invalid parameters",
          status: 400,
          detail: "Invalid value for: pageSize.",
          errors: [{ in: "query", name: "pageSize", detail: "must be a whole number from 1 to 100" }],
        }),
        NotFound: problemResponse("No such article, section or resource.", {
          type: "/problems/not-found",
          title: "Not Found",
          status: 404,
          detail: 'There is no article "no-such-article".',
        }),
        MethodNotAllowed: problemResponse(
          "Only GET, HEAD and OPTIONS are supported.",
          {
            type: "/problems/method-not-allowed",
            title: "Method Not Allowed",
            status: 405,
            detail: "This resource supports GET, HEAD, OPTIONS.",
          },
          { Allow: { schema: { type: "string" }, example: "GET, HEAD, OPTIONS" } },
        ),
        NotAcceptable: problemResponse("None of the media types in `Accept` can be served here.", {
          type: "/problems/not-acceptable",
          title: "Not Acceptable",
          status: 406,
          detail: "This resource can be served as: application/json.",
        }),
        UriTooLong: problemResponse(`The URL is longer than ${MAX_URL_LENGTH} characters.`, {
          type: "/problems/uri-too-long",
          title: "URI Too Long",
          status: 414,
          detail: `URLs are limited to ${MAX_URL_LENGTH} characters.`,
        }),
        HeadersTooLarge: problemResponse(
          `A header the API reads (Accept, If-None-Match, If-Modified-Since, CF-Connecting-IP) is longer than ${MAX_HEADER_BYTES} bytes.`,
          {
            type: "/problems/headers-too-large",
            title: "Request Header Fields Too Large",
            status: 431,
            detail: `The Accept header is limited to ${MAX_HEADER_BYTES} bytes.`,
          },
        ),
        TooManyRequests: problemResponse(
          "This client sent too many requests; wait `Retry-After` seconds.",
          {
            type: "/problems/too-many-requests",
            title: "Too Many Requests",
            status: 429,
            detail: `Too many requests from this client: wait ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
          },
          { "Retry-After": { schema: { type: "integer" }, example: RATE_LIMIT_PERIOD_SECONDS } },
        ),
        PrefetchRequired: problemResponse("The CDS Hooks request lacks the prefetch data the service reads.", {
          type: "/problems/prefetch-required",
          title: "Precondition Failed",
          status: 412,
          detail: "Send the patient's Condition resources as the `conditions` prefetch.",
        }),
        ContentTooLarge: problemResponse("The request body is larger than this API accepts.", {
          type: "/problems/content-too-large",
          title: "Content Too Large",
          status: 413,
          detail: `Request bodies are limited to ${MAX_CDS_REQUEST_BYTES} bytes.`,
        }),
        UnsupportedMediaType: problemResponse("The request body is not JSON.", {
          type: "/problems/unsupported-media-type",
          title: "Unsupported Media Type",
          status: 415,
          detail: "Send the CDS Hooks request as application/json.",
        }),
        NotImplemented: problemResponse("An option the standard defines but this service does not serve.", {
          type: "/problems/not-implemented",
          title: "Not Implemented",
          status: 501,
          detail: "Only format=json is served.",
        }),
      },
    },
  };
}
