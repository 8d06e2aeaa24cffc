/**
 * In-process micro-benchmark of the handler: the built bundle's fetch
 * handler called directly in Node.js (no network, no workerd), per route,
 * next to a handler that only returns the same bytes and headers. The
 * difference is what routing, middleware and the stored-representation
 * lookup cost per request.
 *
 * It runs in Node.js rather than workerd because workerd freezes its clocks
 * while JavaScript runs (timers only move on I/O), so a loop timed inside
 * an isolate measures nothing, and vitest's workers pool does not run
 * `vitest bench`. Node.js has a different V8 from workerd's: read the
 * figures as relative, not as workerd's exact cost.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { do_not_optimize, measure } from "mitata";
import type { Bundle } from "./bundle";
import { representationHeaders } from "./http-get";
import { type BenchRoute, routeLabel } from "./routes";

type FetchHandler = (request: Request, env: Record<string, string>, ctx: unknown) => Response | Promise<Response>;

export interface Timing {
  /** Nanoseconds per call. */
  avgNs: number;
  p50Ns: number;
  p99Ns: number;
}

export interface HandlerRouteResult {
  route: string;
  status: number;
  /** First call in this process: builds the representation, and compiles the code on its path. */
  firstCallMs: number;
  handler: Timing;
  constant: Timing;
  /** handler.avgNs - constant.avgNs */
  overheadNs: number;
}

export interface HandlerBenchResult {
  runtime: string;
  routes: HandlerRouteResult[];
}

/** A stand-in for the Workers ExecutionContext; this app never uses it. */
const CONTEXT = { waitUntil() {}, passThroughOnException() {}, props: {} };

export async function benchHandlers(
  bundle: Bundle,
  vars: Record<string, string>,
  routes: readonly BenchRoute[],
  host: string,
  onRoute?: (result: HandlerRouteResult) => void,
): Promise<HandlerBenchResult> {
  const main = bundle.modules.find((module) => module.main);
  if (!main) throw new Error("the bundle has no main module");
  const handler = await loadHandler(join(bundle.dir, main.path));
  const results: HandlerRouteResult[] = [];
  for (const route of routes) {
    const request = new Request(`http://${host}${route.path}`, { headers: { ...route.headers } });
    const started = performance.now();
    const first: unknown = await handler(request, vars, CONTEXT);
    const firstCallMs = performance.now() - started;
    if (!(first instanceof Response)) throw new Error(`${route.path}: the handler did not return a Response`);
    const body = new Uint8Array(await first.arrayBuffer());
    const received: [string, string][] = [];
    first.headers.forEach((value, name) => {
      received.push([name, value]);
    });
    const headers = representationHeaders({ status: first.status, headers: received, body: Buffer.from(body), ms: 0 });
    const init = { status: first.status, headers };

    const handlerStats = await measure(async () => do_not_optimize(await handler(request, vars, CONTEXT)));
    // Async like the handler: Node's Response (undici) finishes setting up its body stream in microtasks,
    // so a synchronous loop that never yields measures garbage piling up rather than the call.
    const constantStats = await measure(async () => do_not_optimize(new Response(body, init)));
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
  return { runtime: `Node.js ${process.version} (V8 ${process.versions.v8})`, routes: results };
}

/** Imports the bundle's main module and checks it exports a fetch handler. */
async function loadHandler(path: string): Promise<FetchHandler> {
  const module: unknown = await import(pathToFileURL(path).href);
  const exported = typeof module === "object" && module !== null && "default" in module ? module.default : undefined;
  const fetch = typeof exported === "object" && exported !== null && "fetch" in exported ? exported.fetch : undefined;
  if (typeof fetch !== "function") throw new Error(`${path} has no default export with a fetch handler`);
  return (request, env, ctx) => fetch.call(exported, request, env, ctx);
}

function timing(stats: { avg: number; p50: number; p99: number }): Timing {
  return { avgNs: stats.avg, p50Ns: stats.p50, p99Ns: stats.p99 };
}
