/**
 * Abuse controls in front of every route: requests larger than any client of
 * this API needs are refused before any work, and each client is held to the
 * rate limit of the RATE_LIMITER binding.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { ProblemError, problem } from "./problem";

/** Longest URL (path and query) accepted; the longest real one is far shorter. */
export const MAX_URL_LENGTH = 2048;
/** Largest total size of request header names and values accepted. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** The rate limit's period in seconds (wrangler.toml [[ratelimits]]), sent as Retry-After. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

export const requestLimits = createMiddleware<AppEnv>(async (c, next) => {
  const { pathname, search } = new URL(c.req.url);
  if (pathname.length + search.length > MAX_URL_LENGTH) {
    throw new ProblemError(problem("uri-too-long", `URLs are limited to ${MAX_URL_LENGTH} characters.`));
  }
  let headerBytes = 0;
  for (const [name, value] of c.req.raw.headers) headerBytes += name.length + value.length;
  if (headerBytes > MAX_HEADER_BYTES) {
    throw new ProblemError(
      problem("headers-too-large", `Request headers are limited to ${MAX_HEADER_BYTES} bytes in total.`),
    );
  }
  await next();
});

export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  // Set by Cloudflare's edge (and by wrangler dev); absent only when called without one.
  const client = c.req.header("CF-Connecting-IP") ?? "unknown";
  const { success } = await c.env.RATE_LIMITER.limit({ key: client });
  if (!success) {
    throw new ProblemError(
      problem("too-many-requests", `Too many requests from this client: wait ${RATE_LIMIT_PERIOD_SECONDS} seconds.`),
      { "Retry-After": String(RATE_LIMIT_PERIOD_SECONDS) },
    );
  }
  await next();
});
