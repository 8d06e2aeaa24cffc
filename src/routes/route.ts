/**
 * A route is one declaration: `defineRoute(operation, handler)`. Everything
 * the operation documents is derived from it here, in one order for every
 * route: the Hono path; then the validators (path, query, body), so a
 * malformed request is a 400 whatever it accepts; then the media type, so
 * the handler finds it in `c.var.media`. Route files export their routes as
 * one list; src/app.ts registers the lists and documents the same lists.
 */
import type { Context, Hono, Input, MiddlewareHandler, Next, ToSchema, TypedResponse } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import * as z from "zod/mini";
import type { AppEnv } from "../http/app-env";
import { requireBearerToken } from "../http/bearer-token";
import { MAX_REQUEST_BODY_BYTES } from "../http/limits";
import { MEDIA } from "../http/media-types";
import { chooseMedia } from "../http/negotiation";
import { invalidParameters, ProblemError, problem } from "../http/problem";
import { type Representation, type RepresentationSource, representationKey } from "../http/representation-store";
import { refuseUnboundedBody, validBody, validParams, validQuery } from "../http/validation";
import type { Operation } from "../openapi/operation";

/** A route: its operation, and how to add it to an app. `S` is its type for the typed client (`hono/client`). */
export interface Route<S = unknown> {
  readonly operation: Operation;
  register(app: Hono<AppEnv>): void;
  /** Type-level only, never set. */
  readonly schema?: S;
}

/** The input a validator hands on, as @hono/standard-validator types it. */
// biome-ignore lint/suspicious/noExplicitAny: matches the validator whatever its environment and path.
type Validated<V> = V extends (c: Context<any, any, infer I>, next: Next) => unknown ? I : never;

type QueryInput<O> = O extends { query: { schema: infer S extends z.ZodMiniObject } }
  ? Validated<ReturnType<typeof validQuery<S>>>
  : unknown;

type PathSchemas<O> = O extends { pathParameters: infer P }
  ? {
      [K in keyof P as P[K] extends { schema: z.ZodMiniType } ? K : never]: P[K] extends { schema: infer S }
        ? S
        : never;
    }
  : Record<never, never>;

type PathInput<O> = keyof PathSchemas<O> extends never
  ? unknown
  : {
      in: { param: { [K in keyof PathSchemas<O>]: z.input<PathSchemas<O>[K] & z.ZodMiniType> } };
      out: { param: { [K in keyof PathSchemas<O>]: z.output<PathSchemas<O>[K] & z.ZodMiniType> } };
    };

type BodyInput<O> = O extends { requestBody: { schema: infer S extends z.ZodMiniType } }
  ? { in: { json: z.input<S> }; out: { json: z.output<S> } }
  : unknown;

/** What the operation's validators give the handler through `c.req.valid(...)`. */
export type RouteInput<O> = QueryInput<O> & PathInput<O> & BodyInput<O> & Input;

type Method<O> = O extends { method: infer M extends string } ? M : "get";

/** The handler's answer as the typed client sees it: its typed response, or an untyped one. */
type Answer<R> = Awaited<R> extends TypedResponse ? Awaited<R> : TypedResponse;

export type RouteContext<O extends Operation> = Context<AppEnv, HonoPath<O["path"]>, RouteInput<O>>;

export function defineRoute<const O extends Operation, R extends Response | Promise<Response>>(
  operation: O,
  handler: (c: RouteContext<O>) => R,
): Route<ToSchema<Method<O>, HonoPath<O["path"]>, RouteInput<O>, Answer<R>>> {
  const path = honoPath(operation.path, pathPatterns(operation));
  const handlers: MiddlewareHandler<AppEnv>[] = [
    ...validators(operation),
    negotiation(operation),
    handler as unknown as MiddlewareHandler<AppEnv>,
  ];
  return {
    operation,
    register: (app) => {
      app.on((operation.method ?? "get").toUpperCase(), [path], ...handlers);
    },
  };
}

/** A list of routes as `hono/client` reads them: each route's own type, all together. */
export type RoutesSchema<Routes extends readonly Route[]> = UnionToIntersection<SchemaOf<Routes[number]>>;
type SchemaOf<R> = R extends Route<infer S> ? S : never;
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;

/** Every route's representations are keyed by its operation and the variant asked for. */
export function representationOf<T>(
  c: Context<AppEnv>,
  variant: readonly (string | number)[],
  build: () => RepresentationSource<T> | Promise<RepresentationSource<T>>,
): Promise<Representation<T>> {
  return c.var.representations.get(representationKey(c.var.operationId, ...variant), build);
}

function pathPatterns(operation: Operation): Record<string, string> {
  return Object.fromEntries(
    Object.entries(operation.pathParameters ?? {}).flatMap(([name, { pattern }]) => (pattern ? [[name, pattern]] : [])),
  );
}

/** The path's, the query's and the body's validators, each from the schema the operation documents. */
function validators(operation: Operation): MiddlewareHandler<AppEnv>[] {
  const pathSchemas = Object.entries(operation.pathParameters ?? {}).flatMap(([name, { schema }]) =>
    schema ? [[name, schema] as const] : [],
  );
  return [
    identify(operation.operationId),
    ...(operation.admin ? [adminOnly] : []),
    ...(pathSchemas.length > 0 ? [validParams(z.object(Object.fromEntries(pathSchemas)))] : []),
    ...(operation.query ? [validQuery(operation.query.schema)] : []),
    ...(operation.requestBody ? jsonBody(operation.requestBody.schema) : []),
  ] as MiddlewareHandler<AppEnv>[];
}

/** An operator's operation: the admin token first, so nothing about it is told to anyone else. */
const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  await requireBearerToken(c.req.header("Authorization"), c.env.ADMIN_TOKEN);
  await next();
});

function identify(operationId: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set("operationId", operationId);
    await next();
  });
}

/**
 * The media type to answer with: the operation's `mediaParameter` when the
 * request gives it, else the client's choice among the media types the
 * operation documents (the first when it does not mind); none is a 406.
 */
function negotiation(operation: Operation) {
  const offers = Object.keys(operation.content);
  const parameter = operation.mediaParameter;
  return createMiddleware<AppEnv>(async (c, next) => {
    // Nothing to choose for an answer without a body (204).
    if (offers.length === 0) return next();
    const requested = parameter === undefined ? undefined : c.req.query(parameter);
    c.set(
      "media",
      requested !== undefined && offers.includes(requested) ? requested : chooseMedia(c.req.header("Accept"), offers),
    );
    await next();
  });
}

/**
 * A JSON request body: at most MAX_REQUEST_BODY_BYTES, sent as JSON, within
 * BODY_LIMITS, then checked against the operation's schema; each failure is
 * the 413, 415 or 400 problem that names it.
 */
function jsonBody(schema: z.ZodMiniType): MiddlewareHandler<AppEnv>[] {
  return [
    bodyLimit({ maxSize: MAX_REQUEST_BODY_BYTES, onError: tooLarge }),
    createMiddleware<AppEnv>(async (c, next) => {
      const contentType = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase();
      if (contentType !== MEDIA.json) {
        throw new ProblemError(problem("unsupported-media-type", "Send the request body as application/json."));
      }
      const body = await c.req
        .json<unknown>()
        .catch(() => invalidParameters([{ in: "body", name: "", detail: "must be a JSON document" }]));
      refuseUnboundedBody(body);
      c.req.addValidatedData("json", validBody(schema, body) as object);
      await next();
    }),
  ];
}

function tooLarge(): never {
  throw new ProblemError(
    problem("content-too-large", `Request bodies are limited to ${MAX_REQUEST_BODY_BYTES} bytes.`),
  );
}

/** `/v1/articles/{slug}` as Hono writes it, `/v1/articles/:slug`, at the type level too (for the typed client). */
export type HonoPath<Path extends string> = Path extends `${infer Head}{${infer Name}}${infer Tail}`
  ? `${Head}:${Name}${HonoPath<Tail>}`
  : Path;

/** An operation's Hono path; `patterns` constrains parameters, as `/:keyFile{[a-z]+\\.txt}`. */
export function honoPath<const Path extends string>(
  path: Path,
  patterns: Readonly<Record<string, string>> = {},
): HonoPath<Path> {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    patterns[name] ? `:${name}{${patterns[name]}}` : `:${name}`,
  ) as HonoPath<Path>;
}
