import type { Context, TypedResponse } from "hono";
import type { AppEnv } from "../env";
import { contentCacheControl } from "./cache-policy";
import { isNotModified } from "./conditional";
import type { JsonResponse, Representation } from "./representation";

/**
 * Serves a stored representation: 304 when the client's copy is current,
 * otherwise the stored bytes. HEAD is answered by Hono from the same handler.
 */
export function sendRepresentation<T>(
  c: Context<AppEnv>,
  representation: Representation<T>,
  vary?: string,
): JsonResponse<T> {
  // The stored bytes were serialised from a T: this is where that type is restated for the client.
  return respond(c, representation, vary) as JsonResponse<T>;
}

/**
 * Serves a negotiated alternative to a route's main representation (JSON-LD or
 * Markdown of an article). Typed as carrying no JSON body, so it does not
 * widen the route's type for the typed client, which describes the main one.
 */
export function sendAlternative(
  c: Context<AppEnv>,
  representation: Representation,
  vary: string,
): Response & TypedResponse<never, 200, "text"> {
  return respond(c, representation, vary) as Response & TypedResponse<never, 200, "text">;
}

function respond(c: Context<AppEnv>, representation: Representation, vary?: string): Response {
  const headers: Record<string, string> = {
    ETag: representation.etag,
    "Last-Modified": representation.lastModified,
    "Cache-Control": contentCacheControl(c.env),
    ...representation.headers,
  };
  if (vary) headers.Vary = vary;
  return isNotModified(c.req.raw.headers, representation)
    ? new Response(null, { status: 304, headers })
    : new Response(representation.body, { headers: { ...headers, "Content-Type": representation.contentType } });
}
