/**
 * The Worker: the request gates (size, rate limit), then the stored response
 * a previous identical request was answered with, then the app. Routing,
 * validation and negotiation run once per distinct request; after that the
 * stored bytes are served directly.
 */
import { type AppOptions, createApp } from "./app";
import type { CompiledLibrary } from "./content/model";
import { RepresentationStore } from "./http/representation";
import { readRequest, requestKey } from "./http/request-facts";
import { allowedByBinding, ClientCounter, rateLimitOf, refuseOversized, tooManyRequests } from "./http/request-gates";
import { answer } from "./http/send";

export function createWorker(compiled: CompiledLibrary, options: AppOptions = {}) {
  const representations = options.representations ?? new RepresentationStore();
  const app = createApp(compiled, { representations });
  const counter = new ClientCounter();

  async function handle(request: Request, env: Env, context: ExecutionContext): Promise<Response> {
    const facts = readRequest(request);
    const oversized = refuseOversized(facts);
    if (oversized) return oversized;
    const client = facts.client ?? "unknown";
    if (!counter.allow(client, rateLimitOf(env))) return tooManyRequests();
    const { method } = request;
    if (method === "GET" || method === "HEAD") {
      const stored = representations.recall(requestKey(facts.url, facts.accept));
      if (stored) return answer(method, facts, stored);
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
