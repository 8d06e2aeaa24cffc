/**
 * CORS and security headers for every response. Public content may be read
 * from any origin; only the headers a client needs for caching and paging
 * are exposed. Routes that set their own policy (HTML pages, the embed) keep it.
 */
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";

export const ALLOWED_METHODS = ["GET", "HEAD", "OPTIONS"];

export const publicCors = cors({
  origin: "*",
  allowMethods: ALLOWED_METHODS,
  allowHeaders: ["Accept", "If-None-Match", "If-Modified-Since", "Content-Type"],
  exposeHeaders: ["ETag", "Last-Modified", "Link", "Retry-After", "Content-Language"],
  maxAge: 86_400,
});

export const securityHeaders = secureHeaders({
  // A route's own Content-Security-Policy (pages, embed) wins over the default below.
  overwrite: false,
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  // Framing is governed by CSP frame-ancestors, so the embed route can allow it; pages add X-Frame-Options themselves.
  xFrameOptions: false,
  referrerPolicy: "strict-origin-when-cross-origin",
  strictTransportSecurity: "max-age=63072000; includeSubDomains",
  // Partner pages load /embed.js and the API from other origins.
  crossOriginResourcePolicy: "cross-origin",
  xXssProtection: "0",
});
