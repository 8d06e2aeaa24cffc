import type { Context, TypedResponse } from "hono";
import type { AppEnv } from "./app-env";
import { type ContentCachePolicy, contentCachePolicy } from "./cache-policy";
import { type Conditions, isNotModified, readConditions } from "./conditional";
import { STANDARD_HEADERS } from "./cross-origin";
import type { JsonResponse, Representation } from "./representation-store";
import { responseBody } from "./response-body";
import type { StoredResponse } from "./stored-responses";

/**
 * Serves a stored representation: 304 when the client's copy is current,
 * otherwise the stored bytes (none for HEAD). The response is left in
 * `c.var.stored`, for the app to remember for the fast path (src/app.ts).
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

/**
 * Serves a representation that is not kept (src/routes/search.ts): the same
 * headers and 304s, but not remembered for the fast path, so a flood of
 * distinct URLs cannot push stored responses out.
 */
export function sendUnstored<T>(c: Context<AppEnv>, representation: Representation<T>): JsonResponse<T> {
  const stored = { representation, headers: responseHeaders(representation, contentCachePolicy(c.env)) };
  return answer(c.req.method, readConditions(c.req.raw.headers), stored) as JsonResponse<T>;
}

/** Answers a request (its method and conditional headers) from a stored response. */
export function answer(method: string, conditions: Conditions, stored: StoredResponse): Response {
  if (isNotModified(conditions, stored.representation)) {
    return new Response(null, { status: 304, headers: stored.headers });
  }
  if (method === "HEAD") return new Response(null, { headers: headHeaders(stored) });
  return new Response(responseBody(stored.representation.body), { headers: stored.headers });
}

const headHeadersByHeaders = new WeakMap<Headers, Headers>();

/** A GET's headers plus the `Content-Length` its body would have: what a HEAD is answered with, built once. */
function headHeaders(stored: StoredResponse): Headers {
  let headers = headHeadersByHeaders.get(stored.headers);
  if (!headers) {
    headers = new Headers(stored.headers);
    headers.set("Content-Length", String(stored.representation.body.size));
    headHeadersByHeaders.set(stored.headers, headers);
  }
  return headers;
}

function respond(c: Context<AppEnv>, representation: Representation, vary?: string): Response {
  const stored = { representation, headers: responseHeaders(representation, contentCachePolicy(c.env), vary) };
  c.set("stored", stored);
  return answer(c.req.method, readConditions(c.req.raw.headers), stored);
}

const responseHeadersByRepresentation = new WeakMap<Representation, Map<string, Headers>>();

/**
 * The headers every stored response starts from, with names in lower case:
 * workerd copies these into every Response, and a name whose case differs
 * from its lower-case key is one more string to copy and free
 * (BENCHMARKS.md, #13). Field names are case-insensitive (RFC 9110 §5.1);
 * HTTP/2 and 3 send them in lower case anyway.
 */
const STANDARD = new Headers(Object.entries(STANDARD_HEADERS).map(([name, value]) => [name.toLowerCase(), value]));

/**
 * Every header a representation is sent with, built once per representation,
 * cache policy and Vary: the standard headers copied, then the
 * representation's own set over them (a route's own policy replaces a
 * standard one). Copying a Headers and setting a few names costs workerd a
 * fraction of reading the whole list as pairs, and a miss pays this once
 * per request (BENCHMARKS.md, "Misses near the floor").
 */
function responseHeaders(representation: Representation, policy: ContentCachePolicy, vary?: string): Headers {
  const variants = responseHeadersByRepresentation.get(representation) ?? new Map<string, Headers>();
  responseHeadersByRepresentation.set(representation, variants);
  const key = `${policy.cacheControl}\n${policy.edgeCacheControl}\n${vary ?? ""}`;
  let headers = variants.get(key);
  if (!headers) {
    headers = new Headers(STANDARD);
    headers.set("content-type", representation.contentType);
    headers.set("etag", representation.etag);
    headers.set("last-modified", representation.lastModified);
    headers.set("cache-control", policy.cacheControl);
    headers.set("cloudflare-cdn-cache-control", policy.edgeCacheControl);
    if (vary) headers.set("vary", vary);
    for (const [name, value] of Object.entries(representation.headers)) headers.set(name.toLowerCase(), value);
    variants.set(key, headers);
  }
  return headers;
}
