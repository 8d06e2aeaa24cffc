/**
 * `/healthz` and `/readyz`, for load balancers and uptime checks. Liveness
 * reads no storage: it says the Worker runs. Readiness says whether content
 * and search can be served: the index is readable and of this build, and the
 * search database answers with its tables. Both are answered afresh, never
 * stored or cached.
 */
import * as z from "zod/mini";
import { ContentUnavailable } from "../content/content-unavailable";
import { STANDARD_HEADERS } from "../http/cross-origin";
import { MEDIA } from "../http/media-types";
import { ProblemError, problem, UNAVAILABLE_RETRY_SECONDS } from "../http/problem";
import { json, type Operation } from "../openapi/operation";
import { checkSearchIndex } from "../search/search-index";
import { defineRoute } from "./route";

export const Liveness = z.strictObject({ status: z.literal("ok") });
export const Readiness = z.strictObject({
  status: z.literal("ready"),
  /** Each dependency checked, and what was found. */
  checks: z.strictObject({ index: z.literal("ok"), search: z.literal("ok") }),
});

const getLiveness = {
  path: "/healthz",
  operationId: "getLiveness",
  summary: "Liveness",
  description:
    "200 while the Worker runs. Reads no storage, so it answers whatever the content's state: for uptime checks.",
  tag: "Discovery",
  content: json(Liveness, "Liveness"),
  fresh: true,
  errors: [],
} as const satisfies Operation;

const getReadiness = {
  path: "/readyz",
  operationId: "getReadiness",
  summary: "Readiness",
  description:
    "200 when content and search can be served: the library's index is readable and of this build, and the search database answers with its tables. Otherwise 503, whose `detail` says which is not ready and what fixes it: for load balancers.",
  tag: "Discovery",
  content: json(Readiness, "Readiness"),
  fresh: true,
  errors: [503],
} as const satisfies Operation;

const FRESH_JSON = { ...STANDARD_HEADERS, "Content-Type": `${MEDIA.json}; charset=utf-8`, "Cache-Control": "no-store" };

export const HEALTH_ROUTES = [
  defineRoute(getLiveness, (c) => c.json({ status: "ok" } satisfies z.infer<typeof Liveness>, 200, FRESH_JSON)),
  defineRoute(getReadiness, async (c) => {
    const notReady = [
      ...(await failure(
        () => c.var.library(),
        "The library's index cannot be read (missing, damaged or from another build).",
      )),
      ...(await failure(
        () => checkSearchIndex(c.env.SEARCH),
        "The search database does not answer with its tables (run `npm run search:local` locally, or apply the migration in production).",
      )),
    ];
    if (notReady.length > 0) {
      throw new ProblemError(problem("unavailable", `Not ready: ${notReady.join(" ")}`), {
        "Retry-After": String(UNAVAILABLE_RETRY_SECONDS),
        "Cache-Control": "no-store",
      });
    }
    return c.json(
      { status: "ready", checks: { index: "ok", search: "ok" } } satisfies z.infer<typeof Readiness>,
      200,
      FRESH_JSON,
    );
  }),
] as const;

/** `[why]` when the check fails, else nothing; an unexpected failure is logged for operators. */
async function failure(check: () => Promise<unknown>, why: string): Promise<string[]> {
  try {
    await check();
    return [];
  } catch (error) {
    console.error(`readiness: ${error instanceof ContentUnavailable ? error.reason : String(error)}`);
    return [why];
  }
}
