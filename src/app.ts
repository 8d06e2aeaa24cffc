/**
 * Assembles the app: shared per-isolate state, one sub-app per resource, and
 * the one error handler (src/routes/errors.ts), where every error becomes
 * problem+json (or its page). src/worker.ts puts the request gates and
 * stored responses in front of it.
 */
import { Hono } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { LibrarySource } from "./content/library-source";
import type { AppEnv } from "./env";
import { baseUrl } from "./http/base-url";
import { optionsResponse } from "./http/cross-origin";
import { problem, problemResponse } from "./http/problem";
import { RepresentationStore } from "./http/representation-store";
import { requestKey, type StoredResponses } from "./http/stored-responses";
import { articleRoutes } from "./routes/articles";
import { cdsRoutes } from "./routes/cds-services";
import { conditionRoutes } from "./routes/conditions";
import { crawlerRoutes } from "./routes/crawlers";
import { docsRoutes } from "./routes/docs";
import { embedRoutes } from "./routes/embeds";
import { notFound, onError } from "./routes/errors";
import { feedRoutes } from "./routes/feeds";
import { healthRoutes } from "./routes/health";
import { infobuttonRoutes } from "./routes/infobutton";
import { pageRoutes } from "./routes/pages";
import { problemRoutes } from "./routes/problems";
import { searchRoutes } from "./routes/search";
import { serviceIndexRoutes } from "./routes/service-index";

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
  app.use(async (c, next) => {
    c.set("library", () => source.library(c.env.ASSETS));
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

  // Each sub-app's routes carry their full paths (built from their operations), so all mount at the root.
  const routes = app
    .route("/", serviceIndexRoutes)
    .route("/", articleRoutes)
    .route("/", conditionRoutes)
    .route("/", searchRoutes)
    .route("/", infobuttonRoutes)
    .route("/", cdsRoutes)
    .route("/", feedRoutes)
    .route("/", pageRoutes)
    .route("/", crawlerRoutes)
    .route("/", docsRoutes)
    .route("/", embedRoutes)
    .route("/", problemRoutes)
    .route("/", healthRoutes);

  app.notFound(notFound);
  app.onError(onError);
  return routes;
}
