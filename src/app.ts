/**
 * Assembles the app: shared per-isolate state, one sub-app per resource, and
 * the single place where errors become problem+json. src/worker.ts puts the
 * request gates and stored responses in front of it.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { LibrarySource } from "./content/library-source";
import type { AppEnv } from "./env";
import { baseUrl } from "./http/base-url";
import { optionsResponse } from "./http/cross-origin";
import { PROBLEM_TYPES, ProblemError, type ProblemType, problem, problemResponse } from "./http/problem";
import { RepresentationStore } from "./http/representation-store";
import { requestKey, type StoredResponses } from "./http/stored-responses";
import { articleRoutes } from "./routes/articles";
import { cdsRoutes } from "./routes/cds-services";
import { conditionRoutes } from "./routes/conditions";
import { crawlerRoutes } from "./routes/crawlers";
import { docsRoutes } from "./routes/docs";
import { embedRoutes } from "./routes/embeds";
import { feedRoutes } from "./routes/feeds";
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
    c.set("library", await source.library(c.env.ASSETS));
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
        const allow = [...new Set([...methods, "OPTIONS"])].join(", ");
        if (c.req.method === "OPTIONS") return optionsResponse(c, allow);
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
    .route("/", problemRoutes);

  app.notFound((c) => problemResponse(problem("not-found", `Nothing is served at ${new URL(c.req.url).pathname}.`)));
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error.problem, error.headers);
    if (error instanceof HTTPException) {
      const type = problemTypeFor(error.status);
      return problemResponse(problem(type, PROBLEM_TYPES[type].about));
    }
    // Unexpected: log it for operators, tell the client nothing internal.
    console.error(`${c.req.method} ${c.req.path}:`, error);
    return problemResponse(problem("internal-error", PROBLEM_TYPES["internal-error"].about));
  });
  return routes;
}

function problemTypeFor(status: number): ProblemType {
  const known = Object.entries(PROBLEM_TYPES).find(([, type]) => type.status === status);
  return known ? (known[0] as ProblemType) : status < 500 ? "invalid-parameters" : "internal-error";
}
