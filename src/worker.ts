/**
 * The Worker: the stored response a previous identical request was answered
 * with, else the size gates, the rate limit and the app. Routing, validation
 * and negotiation run once per distinct request; after that the stored bytes
 * are served directly, without awaiting anything. The size gates still hold
 * for stored responses: a response is only stored under a URL and Accept
 * that passed them, and a repeat's own conditional headers are checked.
 */
import { type AppOptions, createApp } from "./app";
import type { LibrarySource } from "./content/library-source";
import { readConditions } from "./http/conditional";
import { RepresentationStore } from "./http/representation-store";
import {
  allowedByBinding,
  clientAddress,
  refuseOversized,
  refuseOversizedConditions,
  tooManyRequests,
} from "./http/request-gates";
import { answer } from "./http/send";
import { requestKey, StoredResponses } from "./http/stored-responses";

export function createWorker(source: LibrarySource, options: AppOptions = {}) {
  const representations = options.representations ?? new RepresentationStore();
  const storedResponses = options.storedResponses ?? new StoredResponses();
  const app = createApp(source, { representations, storedResponses });

  /** A refusal at the gates; a HEAD gets the headers of the GET and no body. */
  const refuse = (method: string, response: Response) => (method === "HEAD" ? new Response(null, response) : response);

  /** Requests that do work: counted by the shared rate-limit binding, then routed. */
  async function route(request: Request, env: Env, context: ExecutionContext): Promise<Response> {
    const client = clientAddress(request);
    if (client instanceof Response) return refuse(request.method, client);
    if (!(await allowedByBinding(client, env))) return refuse(request.method, tooManyRequests());
    return app.fetch(request, env, context);
  }

  return {
    app,
    fetch(request: Request, env: Env, context: ExecutionContext): Response | Promise<Response> {
      const { method, url, headers } = request;
      const accept = headers.get("Accept");
      const conditions = readConditions(headers);
      if (method === "GET" || method === "HEAD") {
        const stored = storedResponses.recall(requestKey(url, accept));
        if (stored) {
          const oversized = refuseOversizedConditions(conditions);
          return oversized ? refuse(method, oversized) : answer(method, conditions, stored);
        }
      }
      const oversized = refuseOversized(url, accept, conditions);
      if (oversized) return refuse(method, oversized);
      return route(request, env, context);
    },
  };
}
