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
import { MAX_HEADER_BYTES, MAX_URL_LENGTH, RATE_LIMIT_PERIOD_SECONDS, RATE_LIMIT_REQUESTS } from "./limits";
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

/**
 * The client the rate limit counts: its address (CF-Connecting-IP, set by
 * Cloudflare's edge and wrangler dev), an IPv6 address by its /64, which
 * one subscriber is given whole; or a 431 problem.
 */
export function clientAddress(request: Request): string | Response {
  const address = request.headers.get("CF-Connecting-IP") ?? "unknown";
  return isOversized(address) ? headerTooLarge("CF-Connecting-IP") : clientKey(address);
}

/** An IPv6 address as its /64 prefix (`2001:db8:0:1::/64`), an IPv4-mapped one as its IPv4 address; others as given. */
export function clientKey(address: string): string {
  if (!address.includes(":")) return address;
  const mappedIpv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mappedIpv4?.[1]) return mappedIpv4[1];
  const groups = ipv6Groups(address.toLowerCase());
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

/** The eight groups of an IPv6 address, each without leading zeros; undefined when it is not one. */
function ipv6Groups(address: string): string[] | undefined {
  const halves = address.split("::");
  if (halves.length > 2) return undefined;
  const [head = [], tail = []] = halves.map((half) => (half === "" ? [] : half.split(":")));
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(Math.max(0, missing)).fill("0"), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => group.replace(/^0+(?=.)/, ""));
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

/** The rate limit's policy, as the IETF RateLimit header fields name one (draft-ietf-httpapi-ratelimit-headers). */
const POLICY = `"per-client";q=${RATE_LIMIT_REQUESTS};w=${RATE_LIMIT_PERIOD_SECONDS}`;

/**
 * 429 problem+json with Retry-After and the RateLimit fields. The binding
 * answers only whether a request is allowed, not when its count resets; its
 * windows are aligned to the clock (as Miniflare's simulation of it is), so
 * the time left is what remains of the current one.
 */
export function tooManyRequests(now = Date.now()): Response {
  const period = RATE_LIMIT_PERIOD_SECONDS * 1000;
  const wait = Math.max(1, Math.ceil((period - (now % period)) / 1000));
  return problemResponse(problem("too-many-requests", `Too many requests from this client: wait ${wait} seconds.`), {
    "Retry-After": String(wait),
    "RateLimit-Policy": POLICY,
    RateLimit: `"per-client";r=0;t=${wait}`,
  });
}
