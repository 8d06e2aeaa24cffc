/**
 * Abuse controls in front of the app: requests larger than any client of
 * this API needs are refused before any work, and requests that do work are
 * held to a per-client rate limit.
 *
 * The rate limit is Cloudflare's RATE_LIMITER binding, shared across
 * isolates, asked about every request that goes on to routing, validation,
 * building or an error. A stored response (a repeat of a request already
 * answered in this isolate) is not counted: sending one costs the same CPU
 * as sending a 429 and is billed as one request either way, so refusing it
 * would protect nothing, while readers behind one address (a clinic's or a
 * council's network) would be refused a page they could be served. Floods
 * of cheap requests are for the platform's DDoS protection and WAF rules,
 * which run before the Worker. (Counting every request also slowed every
 * stored response: BENCHMARKS.md.)
 */

import type { Conditions } from "./conditional";
import { MAX_HEADER_BYTES, MAX_URL_LENGTH, RATE_LIMIT_PERIOD_SECONDS } from "./limits";
import { problem, problemResponse } from "./problem";

/** A 414 or 431 problem for a request too large to serve, or undefined. */
export function refuseOversized(url: string, accept: string | null, conditions: Conditions): Response | undefined {
  if (pathLength(url) > MAX_URL_LENGTH) {
    return problemResponse(problem("uri-too-long", `URLs are limited to ${MAX_URL_LENGTH} characters.`));
  }
  if (isOversized(accept)) return headerTooLarge("Accept");
  return refuseOversizedConditions(conditions);
}

/**
 * The part of `refuseOversized` that a request answered from a stored
 * response still needs: the URL and Accept it is stored under passed the
 * gates when it was stored, but its conditional headers are its own.
 */
export function refuseOversizedConditions({ ifNoneMatch, ifModifiedSince }: Conditions): Response | undefined {
  if (isOversized(ifNoneMatch)) return headerTooLarge("If-None-Match");
  if (isOversized(ifModifiedSince)) return headerTooLarge("If-Modified-Since");
  return undefined;
}

/** Length of the path and query: everything after the origin of an absolute URL. */
function pathLength(url: string): number {
  const pathStart = url.indexOf("/", url.indexOf("//") + 2);
  return pathStart < 0 ? 0 : url.length - pathStart;
}

/** The client's address (CF-Connecting-IP, set by Cloudflare's edge and wrangler dev), or a 431 problem. */
export function clientAddress(request: Request): string | Response {
  const address = request.headers.get("CF-Connecting-IP") ?? "unknown";
  return isOversized(address) ? headerTooLarge("CF-Connecting-IP") : address;
}

function isOversized(value: string | null): boolean {
  // Header values are byte strings: one character is one byte.
  return value !== null && value.length > MAX_HEADER_BYTES;
}

function headerTooLarge(name: string): Response {
  return problemResponse(problem("headers-too-large", `The ${name} header is limited to ${MAX_HEADER_BYTES} bytes.`));
}

/** The binding's verdict for a request that will do work. */
export async function allowedByBinding(client: string, env: Env): Promise<boolean> {
  return (await env.RATE_LIMITER.limit({ key: client })).success;
}

/** 429 problem+json with Retry-After. */
export function tooManyRequests(): Response {
  return problemResponse(
    problem("too-many-requests", `Too many requests from this client: wait ${RATE_LIMIT_PERIOD_SECONDS} seconds.`),
    { "Retry-After": String(RATE_LIMIT_PERIOD_SECONDS) },
  );
}
