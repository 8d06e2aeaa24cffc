/**
 * Both Workers up and proven equal: the real Worker from the bundle (timing
 * its start-up and each route's first, cold request), then one constant
 * Worker per route built from the real Worker's answer, checked to return
 * the same status, headers and bytes before anything is measured.
 */
import type { Bundle } from "./bundle";
import { startConstantWorkers } from "./constant-worker";
import { type CapturedResponse, differences, httpGet } from "./http-get";
import { type RunningWorker, type Startup, startRealWorker } from "./real-worker";
import type { ColdRequest } from "./report";
import { type BenchRoute, routeLabel } from "./routes";
import type { WorkerConfig } from "./wrangler-config";

export interface ServedRoute {
  route: BenchRoute;
  /** Request headers, Host included. */
  headers: Record<string, string>;
  response: CapturedResponse;
  constant: RunningWorker;
}

export interface Served {
  real: RunningWorker;
  startup: Startup & { constantReadyMs: number };
  cold: ColdRequest[];
  routes: ServedRoute[];
  /** Both workerd processes (Linux only). */
  pids: number[];
  dispose(): Promise<void>;
}

export async function serveBoth(
  bundle: Bundle,
  config: WorkerConfig,
  routes: readonly BenchRoute[],
  host: string,
): Promise<Served> {
  const { worker: real, startup } = await startRealWorker(bundle, config, host);
  try {
    const cold: ColdRequest[] = [];
    const responses: CapturedResponse[] = [];
    for (const route of routes) {
      const headers = { Host: host, ...route.headers };
      const first = await httpGet(real.origin, route.path, headers);
      const next = await httpGet(real.origin, route.path, headers);
      if (next.status !== 200) {
        throw new Error(`${route.path}: status ${next.status}: ${next.body.toString("utf8", 0, 300)}`);
      }
      const changed = differences(first, next);
      if (changed.length > 0)
        throw new Error(`${route.path}: a second request answered differently: ${changed.join("; ")}`);
      cold.push({
        route: routeLabel(route),
        status: next.status,
        bytes: next.body.byteLength,
        coldMs: first.ms,
        warmMs: next.ms,
      });
      responses.push(next);
    }

    const constants = await startConstantWorkers(responses, config);
    const dispose = async () => {
      await real.dispose();
      await constants.workers[0]?.dispose();
    };
    try {
      const served: ServedRoute[] = [];
      for (const [index, route] of routes.entries()) {
        const constant = constants.workers[index];
        const response = responses[index];
        if (!constant || !response) throw new Error("constant Workers and routes do not line up");
        const headers = { Host: host, ...route.headers };
        const changed = differences(response, await httpGet(constant.origin, route.path, headers));
        if (changed.length > 0) {
          throw new Error(`${route.path}: the constant Worker answers differently: ${changed.join("; ")}`);
        }
        served.push({ route, headers, response, constant });
      }
      const pids = [real.pid, constants.workers[0]?.pid].filter((pid): pid is number => pid !== undefined);
      return { real, startup: { ...startup, constantReadyMs: constants.readyMs }, cold, routes: served, pids, dispose };
    } catch (error) {
      await constants.workers[0]?.dispose();
      throw error;
    }
  } catch (error) {
    await real.dispose();
    throw error;
  }
}
