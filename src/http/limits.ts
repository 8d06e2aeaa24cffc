/** The request limits this API enforces (see request-gates.ts), in one place for code, docs and tests. */

/** Longest URL (path and query) accepted; the longest real one is far shorter. */
export const MAX_URL_LENGTH = 2048;
/** Largest total size of request header names and values accepted. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** The rate limit's period in seconds: wrangler.toml's [[ratelimits]] period, sent as Retry-After. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;
