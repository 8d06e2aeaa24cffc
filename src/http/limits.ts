/** The request limits this API enforces (see request-gates.ts), in one place for code, docs and tests. */

/** Longest URL (path and query) accepted; the longest real one is far shorter. */
export const MAX_URL_LENGTH = 2048;
/**
 * Longest value accepted for each request header the API reads (Accept,
 * If-None-Match, If-Modified-Since, CF-Connecting-IP): the work a header can
 * cause is parsing it, so that is what is bounded. 8 KiB is far above any
 * real value and matches common servers' per-field limit (Apache 8190 bytes,
 * nginx 8k). Headers the API never reads cost it nothing; the platform caps
 * their total before the Worker runs.
 */
export const MAX_HEADER_BYTES = 8 * 1024;
/** The rate limit's period in seconds: wrangler.toml's [[ratelimits]] period. */
export const RATE_LIMIT_PERIOD_SECONDS = 60;
/** Requests that do work one client may send per period: wrangler.toml's [[ratelimits]] limit. */
export const RATE_LIMIT_REQUESTS = 600;

/** The largest request body accepted (CDS Hooks requests): ample for a Bundle of a patient's conditions. */
export const MAX_REQUEST_BODY_BYTES = 512 * 1024;
