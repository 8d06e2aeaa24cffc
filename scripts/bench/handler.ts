/**
 * Handler micro-benchmark: the cost of one call to the bundle's fetch
 * handler per route, with no network, next to a handler that only returns
 * the same bytes. Measured twice: inside workerd (the runtime that serves
 * the Worker) and in Node.js with mitata.
 */
import type { Bundle } from "./bundle";
import { benchHandlersInNode } from "./handler-node";
import { benchHandlersInWorkerd } from "./handler-workerd";
import type { BenchRoute } from "./routes";
import type { WorkerConfig } from "./wrangler-config";

export interface Timing {
  /** Nanoseconds per call: mean, and the median and p99 of the timed samples (batches of calls). */
  avgNs: number;
  p50Ns: number;
  p99Ns: number;
}

export interface HandlerRouteResult {
  route: string;
  status: number;
  /** First call in a fresh isolate or process: builds the representation and compiles the code on its path. */
  firstCallMs: number;
  handler: Timing;
  /** `new Response(sameBytes, sameHeaders)`. */
  constant: Timing;
  /** handler.avgNs - constant.avgNs */
  overheadNs: number;
}

export interface HandlerRun {
  runtime: string;
  method: string;
  /** Resolution of the clock that timed the first call. */
  clockResolutionMs: number;
  routes: HandlerRouteResult[];
}

export interface HandlerBenchResult {
  workerd: HandlerRun;
  node: HandlerRun;
}

export async function benchHandlers(
  bundle: Bundle,
  config: WorkerConfig,
  routes: readonly BenchRoute[],
  host: string,
  workerdVersion: string,
  onRoute?: (runtime: string, result: HandlerRouteResult) => void,
): Promise<HandlerBenchResult> {
  const workerd = await benchHandlersInWorkerd(bundle, config, routes, host, (result) => onRoute?.("workerd", result));
  const node = await benchHandlersInNode(bundle, config.vars, Object.keys(config.ratelimits), routes, host, (result) =>
    onRoute?.("node", result),
  );
  return {
    workerd: {
      runtime: workerdVersion,
      method: "calls timed in batches of >= 25 ms for 600 ms by a generated Worker, one fresh workerd per route",
      clockResolutionMs: 1,
      routes: workerd,
    },
    node: {
      runtime: `Node.js ${process.version} (V8 ${process.versions.v8})`,
      method: "mitata measure(), async calls",
      clockResolutionMs: 0,
      routes: node,
    },
  };
}
