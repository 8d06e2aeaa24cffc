/**
 * What an operation of the API is: its OpenAPI description, and all that its
 * route is derived from (src/routes/route.ts): the Hono path, the validators
 * and the media types it negotiates among.
 */
import type * as z from "zod/mini";
import { MEDIA } from "../http/media-types";

/** A response body: a named zod schema (a component), or plain text of a media type. */
export type Body = { schema: z.ZodMiniType; component: string; example?: unknown } | { text: string; example?: string };

/** The statuses an operation may answer besides 200, 304 and those every operation can (405, 406, 414, 429, 431). */
export type ErrorStatus = 400 | 401 | 404 | 410 | 412 | 413 | 415 | 501 | 503;

export type Tag =
  | "Articles"
  | "Search"
  | "Conditions"
  | "Clinical systems"
  | "Pages"
  | "Embeds"
  | "Discovery"
  | "Problems"
  | "Partners";

export interface Operation {
  /** OpenAPI's form, `/v1/articles/{slug}`: the one constant the route's Hono path is built from. */
  path: string;
  /** GET (also answering HEAD) unless said otherwise. */
  method?: "post" | "delete";
  operationId: string;
  summary: string;
  description: string;
  tag: Tag;
  pathParameters?: Readonly<Record<string, PathParameter>>;
  /** Query parameters; `{base}` in an example stands for this server's base URL. */
  query?: { schema: z.ZodMiniObject; describe: Readonly<Record<string, { description: string; example: string }>> };
  /** A POST's JSON request body. */
  requestBody?: { schema: z.ZodMiniType; component: string; description: string; example: unknown };
  /** The success response, keyed by media type, the default first: what the route negotiates among. */
  content: Readonly<Record<string, Body>>;
  /** A query parameter that names the media type to answer with, overriding `Accept` when given. */
  mediaParameter?: string;
  /** The success status, when not 200: 201 (created, with `Location`) or 204 (done, no body). */
  status?: 201 | 204;
  /** For this service's operators only: the admin token as a bearer token, else 401 before anything else. */
  admin?: true;
  /** A paged collection: its answers carry a `Link` header to the other pages. */
  paged?: true;
  /** Answered afresh every time (a health check): no validators, never stored or cached, as a POST is. */
  fresh?: true;
  /** A page or an embed: its errors are HTML pages for a client that prefers HTML (src/routes/errors.ts). */
  pageErrors?: true;
  errors: readonly ErrorStatus[];
}

export interface PathParameter {
  description: string;
  example: string;
  /** What the router matches (a regular expression): a path that does not match is no route, a 404. */
  pattern?: string;
  /** What the value must be once matched: a value that is not is a 400 naming the parameter. */
  schema?: z.ZodMiniType;
}

/** A JSON success body described by a zod schema, as the named component. */
export const json = (schema: z.ZodMiniType, component: string): Record<string, Body> => ({
  [MEDIA.json]: { schema, component },
});

/** An HTML success body. */
export const html = (text: string): Record<string, Body> => ({ [MEDIA.html]: { text } });

/** The `{slug}` path parameter of an article's routes. */
export const slugParameter = {
  slug: { description: "The article's slug, e.g. `leg-cramps`.", example: "leg-cramps" },
} as const;
