/**
 * A URL with a trailing slash (`/docs/`, `/v1/articles/leg-cramps/`) is sent
 * to the same URL without it: one canonical URL per resource, for caches and
 * crawlers alike. 308, not Hono's trimTrailingSlash's 301: permanent, and the
 * method and body are kept for every client, a POST included.
 */
import { createMiddleware } from "hono/factory";
import { STANDARD_HEADERS } from "./cross-origin";

export const trailingSlash = createMiddleware(async (c, next) => {
  const url = new URL(c.req.url);
  if (url.pathname.length <= 1 || !url.pathname.endsWith("/")) return next();
  url.pathname = url.pathname.replace(/\/+$/, "") || "/";
  return new Response(null, {
    status: 308,
    headers: { ...STANDARD_HEADERS, Location: url.href, "Cache-Control": "max-age=86400" },
  });
});
