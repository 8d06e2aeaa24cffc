/**
 * The headers every response carries: CORS for public content (any origin
 * may read; the caching and paging headers are exposed) and security
 * headers. They are the same for every response, so they are written once
 * into each stored representation's headers and into problem responses,
 * rather than set one by one on every response by middleware (Hono's `cors`
 * and `secureHeaders`), which measured far slower (BENCHMARKS.md).
 * Preflights still use Hono's `cors`.
 */
import type { Context } from "hono";
import { cors } from "hono/cors";

const EXPOSED_HEADERS = [
  "ETag",
  "Last-Modified",
  "Link",
  "Retry-After",
  "RateLimit",
  "RateLimit-Policy",
  "Content-Language",
];

/** The CORS preflight headers for a route: the methods it answers, the headers allowed, and a day's max-age. */
const preflight = (methods: readonly string[]) =>
  cors({
    origin: "*",
    allowMethods: [...methods],
    // Authorization: CDS clients send a JWT, which this open service accepts and ignores.
    allowHeaders: ["Accept", "If-None-Match", "If-Modified-Since", "Cache-Control", "Content-Type", "Authorization"],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 86_400,
  });

/** A Content-Security-Policy that allows nothing: right for JSON, text and errors. */
const DENY_ALL_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * CORS and security headers for every response. A route with its own policy
 * (HTML pages, the embed) replaces `Content-Security-Policy` and adds
 * `X-Frame-Options` itself: framing is governed by CSP so that the embed can allow it.
 */
export const STANDARD_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": EXPOSED_HEADERS.join(","),
  "Content-Security-Policy": DENY_ALL_CSP,
  "Cross-Origin-Opener-Policy": "same-origin",
  // Partner pages load /embed.js and the API from other origins.
  "Cross-Origin-Resource-Policy": "cross-origin",
  "Origin-Agent-Cluster": "?1",
  // Nothing this service serves uses a device or a payment: no page, and nothing a page frames, may ask for one.
  "Permissions-Policy":
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "X-DNS-Prefetch-Control": "off",
  "X-Permitted-Cross-Domain-Policies": "none",
  "X-XSS-Protection": "0",
};

/**
 * OPTIONS on a route: 204 with `Allow` (the route's methods), the CORS
 * preflight headers from Hono's `cors` allowing those methods only, and the
 * security headers every response carries.
 */
export async function optionsResponse(c: Context, methods: readonly string[]): Promise<Response> {
  const headers = new Headers({ ...STANDARD_HEADERS, Allow: methods.join(", ") });
  const preflighted = await preflight(methods)(c, async () => {});
  preflighted?.headers.forEach((value, name) => {
    headers.set(name, value);
  });
  return new Response(null, { status: 204, headers });
}
