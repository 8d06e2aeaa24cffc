/**
 * Assembles the app: shared per-isolate state, every route (each declared
 * once, in its route file) and the one error handler (src/routes/errors.ts),
 * where every error becomes problem+json (or its page). src/worker.ts puts
 * the request gates and stored responses in front of it.
 */
import { Hono } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { LibrarySource } from "./content/library-source";
import type { AppEnv } from "./http/app-env";
import { baseUrl } from "./http/base-url";
import { optionsResponse } from "./http/cross-origin";
import { problem, problemResponse } from "./http/problem";
import { RepresentationStore } from "./http/representation-store";
import { requestKey, type StoredResponses } from "./http/stored-responses";
import { trailingSlash } from "./http/trailing-slash";
import type { Operation } from "./openapi/operation";
import { ADMIN_ROUTES } from "./routes/admin";
import { ARTICLE_ROUTES } from "./routes/articles";
import { CDS_ROUTES } from "./routes/cds-services";
import { CONDITION_ROUTES } from "./routes/conditions";
import { CRAWLER_ROUTES } from "./routes/crawlers";
import { docsRoutes } from "./routes/docs";
import { EMBED_ROUTES } from "./routes/embeds";
import { notFound, onError } from "./routes/errors";
import { FEED_ROUTES } from "./routes/feeds";
import { HEALTH_ROUTES } from "./routes/health";
import { INFOBUTTON_ROUTES } from "./routes/infobutton";
import { PAGE_ROUTES } from "./routes/pages";
import { PROBLEM_ROUTES } from "./routes/problems";
import type { RoutesSchema } from "./routes/route";
import { SEARCH_ROUTES } from "./routes/search";
import { SERVICE_INDEX_ROUTES } from "./routes/service-index";

/** Every route, in the order the OpenAPI document lists them. A new route file adds its list here. */
export const ROUTES = [
  ...SERVICE_INDEX_ROUTES,
  ...ARTICLE_ROUTES,
  ...CONDITION_ROUTES,
  ...SEARCH_ROUTES,
  ...INFOBUTTON_ROUTES,
  ...CDS_ROUTES,
  ...PAGE_ROUTES,
  ...EMBED_ROUTES,
  ...FEED_ROUTES,
  ...CRAWLER_ROUTES,
  ...docsRoutes(operations),
  ...PROBLEM_ROUTES,
  ...HEALTH_ROUTES,
  ...ADMIN_ROUTES,
] as const;

/** Every route's operation: what the OpenAPI document describes. */
export function operations(): readonly Operation[] {
  return ROUTES.map((route) => route.operation);
}

export interface AppOptions {
  /** Where built responses are kept; one per app unless a caller wants to inspect it. */
  representations?: RepresentationStore;
  /** Where the responses sent are remembered for the Worker's fast path; none when not given. */
  storedResponses?: StoredResponses;
}

/** Builds the app around the library; the library and stored responses live as long as the isolate. */
export function createApp(source: LibrarySource, options: AppOptions = {}) {
  const representations = options.representations ?? new RepresentationStore();

  const app = new Hono<AppEnv>();
  app.use(trailingSlash);
  app.use(async (c, next) => {
    c.set("library", () => source.library(c.env.ASSETS));
    c.set("findArticle", (slug) => source.find(slug, c.env.ASSETS));
    c.set("contentUpdatedAt", source.updatedAt);
    c.set("representations", representations);
    await next();
  });
  const { storedResponses } = options;
  if (storedResponses) {
    // The next identical request (URL and Accept) is answered from this response without routing.
    app.use(async (c, next) => {
      await next();
      const { stored } = c.var;
      if (stored) storedResponses.remember(requestKey(c.req.url, c.req.header("Accept") ?? null), stored);
    });
  }
  app.use(baseUrl);
  app.use(
    methodNotAllowed({
      app,
      // OPTIONS is answered here, for the routes that exist, rather than by a route of its own on every path.
      onMethodNotAllowed: (c, methods) => {
        const allowed = [...new Set([...methods, "OPTIONS"])];
        if (c.req.method === "OPTIONS") return optionsResponse(c, allowed);
        const allow = allowed.join(", ");
        return problemResponse(problem("method-not-allowed", `This resource supports ${allow}.`), { Allow: allow });
      },
    }),
  );

  for (const route of ROUTES) route.register(app);
  app.notFound(notFound);
  app.onError(onError);
  // The routes were added one by one; their types, which the typed client reads, are restated here once.
  return app as unknown as Hono<AppEnv, RoutesSchema<typeof ROUTES>>;
}
