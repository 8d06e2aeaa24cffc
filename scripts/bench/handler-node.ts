/**
 * The handler's cost in Node.js, timed by mitata: the built bundle's fetch
 * handler called directly (no network, no workerd), per route, next to a
 * handler that only returns the same bytes and headers. Node.js has an older
 * V8 than workerd and a much slower Response (undici's, in JavaScript), so
 * read the overhead column rather than the absolute times; handler-workerd.ts
 * gives workerd's own figures.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { do_not_optimize, measure } from "mitata";
import type { Bundle } from "./bundle";
import type { HandlerRouteResult } from "./handler";
import { representationHeaders } from "./http-get";
import { type BenchRoute, routeLabel } from "./routes";

type FetchHandler = (request: Request, env: Record<string, unknown>, ctx: unknown) => Response | Promise<Response>;

/** A stand-in for the Workers ExecutionContext; this app never uses it. */
const CONTEXT = { waitUntil() {}, passThroughOnException() {}, props: {} };

/**
 * Stand-ins for wrangler.toml's [[ratelimits]] bindings, which exist only in
 * workerd: always allow, at the cost of one resolved promise per call.
 */
function allowAll(names: readonly string[]): Record<string, { limit(): Promise<{ success: boolean }> }> {
  return Object.fromEntries(names.map((name) => [name, { limit: async () => ({ success: true }) }]));
}

export async function benchHandlersInNode(
  bundle: Bundle,
  vars: Record<string, string>,
  rateLimiters: readonly string[],
  routes: readonly BenchRoute[],
  host: string,
  onRoute?: (result: HandlerRouteResult) => void,
): Promise<HandlerRouteResult[]> {
  const main = bundle.modules.find((module) => module.main);
  if (!main) throw new Error("the bundle has no main module");
  const handler = await loadHandler(join(bundle.dir, main.path));
  const env = { ...vars, ...allowAll(rateLimiters) };
  const results: HandlerRouteResult[] = [];
  for (const route of routes) {
    // Each call from its own client address, as at the edge, so the per-client
    // rate limit is exercised without ever refusing; both sides build the request.
    let client = 0;
    const nextRequest = () => {
      client = (client + 1) % 10_000;
      const ip = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
      return new Request(`http://${host}${route.path}`, { headers: { ...route.headers, "CF-Connecting-IP": ip } });
    };
    const started = performance.now();
    const first: unknown = await handler(nextRequest(), env, CONTEXT);
    const firstCallMs = performance.now() - started;
    if (!(first instanceof Response)) throw new Error(`${route.path}: the handler did not return a Response`);
    // Timing an error path would say nothing about serving content.
    if (first.status !== 200) throw new Error(`${route.path}: the handler answered ${first.status}, not 200`);
    const body = new Uint8Array(await first.arrayBuffer());
    const received: [string, string][] = [];
    first.headers.forEach((value, name) => {
      received.push([name, value]);
    });
    const headers = representationHeaders({ status: first.status, headers: received, body: Buffer.from(body), ms: 0 });
    // A Blob and a Headers object built once, as the real Worker and the constant Worker use.
    const init = { status: first.status, headers: new Headers(headers) };
    const blob = new Blob([body]);

    const handlerStats = await measure(async () => do_not_optimize(await handler(nextRequest(), env, CONTEXT)));
    // Async like the handler: Node's Response (undici) finishes setting up its body stream in microtasks,
    // so a synchronous loop that never yields measures garbage piling up rather than the call.
    const constantStats = await measure(async () => {
      nextRequest();
      return do_not_optimize(new Response(blob, init));
    });
    const result: HandlerRouteResult = {
      route: routeLabel(route),
      status: first.status,
      firstCallMs,
      handler: timing(handlerStats),
      constant: timing(constantStats),
      overheadNs: handlerStats.avg - constantStats.avg,
    };
    results.push(result);
    onRoute?.(result);
  }
  return results;
}

/** Imports the bundle's main module and checks it exports a fetch handler. */
async function loadHandler(path: string): Promise<FetchHandler> {
  const module: unknown = await import(pathToFileURL(path).href);
  const exported = typeof module === "object" && module !== null && "default" in module ? module.default : undefined;
  const fetch = typeof exported === "object" && exported !== null && "fetch" in exported ? exported.fetch : undefined;
  if (typeof fetch !== "function") throw new Error(`${path} has no default export with a fetch handler`);
  return (request, env, ctx) => fetch.call(exported, request, env, ctx);
}

function timing(stats: { avg: number; p50: number; p99: number }): HandlerRouteResult["handler"] {
  return { avgNs: stats.avg, p50Ns: stats.p50, p99Ns: stats.p99 };
}
