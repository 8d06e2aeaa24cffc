/**
 * Abuse controls in front of everything, stored responses included: requests
 * larger than any client of this API needs are refused before any work, and
 * each client is held to a rate limit.
 *
 * The rate limit is counted twice, cheaply and exactly where each count
 * matters. Every request is counted by an in-isolate counter (a Map
 * increment), which refuses a client's flood of any requests, stored ones
 * included, as soon as it passes the limit here. Requests that go on to do
 * work (routing, validation, building, errors) are also counted by the
 * RATE_LIMITER binding, Cloudflare's limit shared across isolates. Stored
 * responses skip the binding: serving one costs less than the binding call
 * itself (measured in BENCHMARKS.md), so calling it would spend more than it
 * could ever save.
 */
import { MAX_HEADER_BYTES, MAX_URL_LENGTH, RATE_LIMIT_PERIOD_SECONDS } from "./limits";
import { problem, problemResponse } from "./problem";
import type { RequestFacts } from "./request-facts";

/** A 414 or 431 problem for a request too large to serve, or undefined. */
export function refuseOversized(facts: RequestFacts): Response | undefined {
  if (facts.pathLength > MAX_URL_LENGTH) {
    return problemResponse(problem("uri-too-long", `URLs are limited to ${MAX_URL_LENGTH} characters.`));
  }
  if (facts.headerBytes > MAX_HEADER_BYTES) {
    return problemResponse(
      problem("headers-too-large", `Request headers are limited to ${MAX_HEADER_BYTES} bytes in total.`),
    );
  }
  return undefined;
}

/**
 * Requests per client in fixed windows of the rate limit's period, as the
 * binding counts them. At most `capacity` clients are tracked in a window;
 * past that the earliest-seen client's count is dropped, so a crowd of
 * one-off clients cannot grow memory without bound.
 *
 * Clients are tracked by a 30-bit hash of their address, not the address
 * itself: with small-integer keys and counts the Map is one flat table
 * that the garbage collector skips over, where ten thousand address
 * strings were ten thousand objects to mark on every full collection, a
 * cost every request paid (profiled under load: the counter's share of
 * the time halved). Two addresses share a count only if their hashes
 * collide, about one chance in a hundred thousand for a client among ten
 * thousand others; they are then counted together, which can only make
 * the limit stricter for them.
 */
export class ClientCounter {
  private window = 0;
  private readonly counts = new Map<number, number>();

  constructor(private readonly capacity = 50_000) {}

  /** Counts one request from `client`; true while the client is within `limit` this period. */
  allow(client: string, limit: number, now = Date.now()): boolean {
    const window = Math.floor(now / (RATE_LIMIT_PERIOD_SECONDS * 1000));
    if (window !== this.window) {
      this.window = window;
      this.counts.clear();
    }
    const key = clientHash(client);
    const count = (this.counts.get(key) ?? 0) + 1;
    if (count === 1 && this.counts.size >= this.capacity) {
      const earliest = this.counts.keys().next().value;
      if (earliest !== undefined) this.counts.delete(earliest);
    }
    this.counts.set(key, count);
    return count <= limit;
  }
}

/** FNV-1a over the address's UTF-16 code units, folded to 30 bits so it stays a small integer in V8. */
export function clientHash(client: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < client.length; index++) {
    hash = Math.imul(hash ^ client.charCodeAt(index), 0x01000193);
  }
  return (hash ^ (hash >>> 30)) & 0x3fffffff;
}

/** The configured limit per client and period (wrangler.toml [vars] RATE_LIMIT, equal to [[ratelimits]] limit). */
export function rateLimitOf(env: Env): number {
  // Parsed once per distinct setting: this runs on every request.
  if (env.RATE_LIMIT !== parsedLimit.text) {
    const limit = Number(env.RATE_LIMIT);
    parsedLimit = { text: env.RATE_LIMIT, limit: Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_RATE_LIMIT };
  }
  return parsedLimit.limit;
}

/** The limit when RATE_LIMIT is missing or not a positive whole number. */
const DEFAULT_RATE_LIMIT = 600;

let parsedLimit: { text: string | undefined; limit: number } = { text: undefined, limit: DEFAULT_RATE_LIMIT };

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
