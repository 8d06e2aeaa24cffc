import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env";

/**
 * Chooses the origin for absolute links: the configured PUBLIC_BASE_URL, or
 * the request's own origin when it is empty (the local default).
 */
export const baseUrl = createMiddleware<AppEnv>(async (c, next) => {
  const configured = c.env.PUBLIC_BASE_URL?.trim().replace(/\/+$/, "");
  c.set("baseUrl", configured || new URL(c.req.url).origin);
  await next();
});
