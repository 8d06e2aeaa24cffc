/**
 * The Worker: the request gates (size, rate limit), then the stored response
 * a previous identical request was answered with, then the app. Routing,
 * validation and negotiation run once per distinct request; after that the
 * stored bytes are served directly.
 */
import { type AppOptions, createApp } from "./app";
import type { CompiledLibrary } from "./content/model";
import { RepresentationStore } from "./http/representation";
import {
  allowedByBinding,
  ClientCounter,
  clientOf,
  rateLimitOf,
  refuseOversized,
  tooManyRequests,
} from "./http/request-gates";
import { answer, requestKey } from "./http/send";

export function createWorker(compiled: CompiledLibrary, options: AppOptions = {}) {
  const representations = options.representations ?? new RepresentationStore();
  const app = createApp(compiled, { representations });
  const counter = new ClientCounter();

  async function handle(request: Request, env: Env, context: ExecutionContext): Promise<Response> {
    const oversized = refuseOversized(request);
    if (oversized) return oversized;
    const client = clientOf(request);
    if (!counter.allow(client, rateLimitOf(env))) return tooManyRequests();
    if (request.method === "GET" || request.method === "HEAD") {
      const stored = representations.recall(requestKey(request));
      if (stored) return answer(request, stored);
    }
    if (!(await allowedByBinding(client, env))) return tooManyRequests();
    return app.fetch(request, env, context);
  }

  return {
    app,
    async fetch(request: Request, env: Env, context: ExecutionContext): Promise<Response> {
      const response = await handle(request, env, context);
      // A HEAD refused at the gates is answered with the headers of the GET, and no body.
      return request.method === "HEAD" && response.body !== null ? new Response(null, response) : response;
    },
  };
}
