/**
 * A typed client for the health content API, using only `fetch`. Every
 * operation of the OpenAPI document is one `call`, typed from the document:
 * its path and query parameters, its request body, its success body, and its
 * errors as RFC 9457 problems with the statuses the document gives it.
 *
 * @example
 * ```ts
 * import { createClient } from "@health-content/client";
 *
 * const api = createClient("https://health.example.org");
 * const result = await api.call("getArticle", { path: { slug: "leg-cramps" } });
 * if (result.ok && result.status === 200) console.log(result.data.title);
 * else if (!result.ok && result.status === 404) console.log(result.problem.detail);
 * ```
 */
import type { components, operations } from "./generated/openapi.js";
import { ROUTES } from "./generated/routes.js";

export { type ChangeEvent, verifyWebhook, WebhookVerificationError } from "./webhooks.js";
export type { components, operations };

/** An operation's id, as in the OpenAPI document (`getArticle`, `listArticles`, ...). */
export type OperationId = keyof operations & keyof typeof ROUTES;

/** The body of every error: RFC 9457 problem details. */
export type Problem = components["schemas"]["Problem"];

type Responses<Id extends OperationId> = operations[Id]["responses"];
/** The status an operation answers when it succeeds: 200, or 201 (made) or 204 (done, no body). */
export type SuccessStatus<Id extends OperationId> = Extract<keyof Responses<Id>, 200 | 201 | 204>;
type Content<Id extends OperationId> = Responses<Id>[SuccessStatus<Id>] extends { content: infer C } ? C : never;

/** The media types an operation can answer with, as its document lists them. */
export type MediaType<Id extends OperationId> = keyof Content<Id> & string;

/**
 * An operation's success body: by default its JSON (or JSON-LD) schema; when
 * the call asks for a media type (`accept`), that one's: its schema for a
 * JSON one, text for HTML, Markdown, Atom and the like.
 */
export type Data<Id extends OperationId, Media extends MediaType<Id> = never> = [Media] extends [never]
  ? Content<Id> extends { "application/json": infer T }
    ? T
    : Content<Id> extends { "application/ld+json": infer T }
      ? T
      : string
  : Media extends `${string}json`
    ? Content<Id>[Media]
    : string;

/** The error statuses the document gives an operation. */
export type ErrorStatus<Id extends OperationId> = Exclude<keyof Responses<Id>, 200 | 201 | 204 | 304> & number;

/** What a call answers: the data, "not modified", or the problem, each with the raw response. */
export type Result<Id extends OperationId, Media extends MediaType<Id> = never> =
  | { ok: true; status: SuccessStatus<Id>; data: Data<Id, Media>; etag: string | null; response: Response }
  | { ok: true; status: 304; data: undefined; etag: string | null; response: Response }
  | { ok: false; status: ErrorStatus<Id>; problem: Problem; response: Response };

type Parameters<Id extends OperationId> = operations[Id]["parameters"];
type PathParams<Id extends OperationId> = Parameters<Id> extends { path: infer P } ? P : never;
type QueryParams<Id extends OperationId> = Parameters<Id> extends { query?: infer Q } ? Q : never;
type Body<Id extends OperationId> = operations[Id] extends { requestBody: { content: { "application/json": infer B } } }
  ? B
  : never;

/** An operation's inputs: `path` and `body` when it has them, `query` when it takes one. */
export type Params<Id extends OperationId> = ([PathParams<Id>] extends [never] ? unknown : { path: PathParams<Id> }) &
  ([QueryParams<Id>] extends [never | undefined] ? unknown : { query?: QueryParams<Id> }) &
  ([Body<Id>] extends [never] ? unknown : { body: Body<Id> });

export interface ClientOptions {
  /** The fetch to use (a test double, or one with retries); the global fetch by default. */
  fetch?: typeof fetch;
  /** Headers sent with every call, such as `If-None-Match` for a cached copy. */
  headers?: Record<string, string>;
}

/** Which media type to ask for, of those the operation answers with; its default when absent. */
export interface Accept<Id extends OperationId, Media extends MediaType<Id>> {
  accept?: Media;
}

export interface Client {
  /** Calls one operation of the API; `accept` asks for one of its media types, and types `data` as that one. */
  call<Id extends OperationId, Media extends MediaType<Id> = never>(
    id: Id,
    params: Params<Id> & Accept<Id, Media>,
    init?: RequestInit,
  ): Promise<Result<Id, Media>>;
  /** The URL a call would request, e.g. for a link or an `<iframe>`. */
  url<Id extends OperationId>(id: Id, params: Params<Id>): string;
}

export function createClient(baseUrl: string, options: ClientOptions = {}): Client {
  const base = baseUrl.replace(/\/+$/, "");
  const fetcher = options.fetch ?? fetch;

  const url = <Id extends OperationId>(id: Id, params: Params<Id>): string => {
    const { path: pathParams, query } = params as { path?: Record<string, string>; query?: Record<string, unknown> };
    const path = ROUTES[id].path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(String(pathParams?.[name] ?? "")),
    );
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(name, String(value));
    return `${base}${path}${search.size > 0 ? `?${search}` : ""}`;
  };

  return {
    url,
    async call<Id extends OperationId, Media extends MediaType<Id> = never>(
      id: Id,
      params: Params<Id> & Accept<Id, Media>,
      init: RequestInit = {},
    ): Promise<Result<Id, Media>> {
      const { body, accept } = params as { body?: unknown; accept?: string };
      const headers = new Headers({ Accept: accept ?? "application/json, */*;q=0.1", ...options.headers });
      new Headers(init.headers).forEach((value, name) => {
        headers.set(name, value);
      });
      if (body !== undefined) headers.set("Content-Type", "application/json");
      const response = await fetcher(url(id, params), {
        ...init,
        method: ROUTES[id].method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const etag = response.headers.get("ETag");
      if (response.status === 304) return { ok: true, status: 304, data: undefined, etag, response };
      const type = response.headers.get("Content-Type") ?? "";
      const parsed: unknown =
        response.status === 204 ? undefined : /json/.test(type) ? await response.json() : await response.text();
      if (response.ok) {
        const status = response.status as SuccessStatus<Id>;
        return { ok: true, status, data: parsed as Data<Id, Media>, etag, response };
      }
      return { ok: false, status: response.status as ErrorStatus<Id>, problem: parsed as Problem, response };
    },
  };
}
