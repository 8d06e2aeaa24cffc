/**
 * Serves the built bundle in workerd through Miniflare, on a loopback socket
 * that goes straight to the Worker (no Miniflare entry Worker in between, as
 * in production where nothing runs in front of the isolate), and measures
 * how long that takes to answer its first request.
 */
import { join } from "node:path";
import { Miniflare } from "miniflare";
import type { Bundle } from "./bundle";
import { httpGet } from "./http-get";
import { childPids, hasProc } from "./proc";
import type { WorkerConfig } from "./wrangler-config";

export const LOOPBACK = "127.0.0.1";

/** A path no route serves: the first request exercises routing and the error path, and builds no representation. */
export const STARTUP_PATH = "/__bench/startup";

export interface RunningWorker {
  /** Origin of the socket that goes straight to the Worker. */
  origin: URL;
  /** The workerd process serving it (Linux only). */
  pid: number | undefined;
  dispose(): Promise<void>;
}

export interface Startup {
  /** From `new Miniflare(...)` until workerd listens (process started, bundle compiled and evaluated). */
  readyMs: number;
  /** From `new Miniflare(...)` until the first response has been read in full. */
  firstResponseMs: number;
  firstResponseStatus: number;
}

export async function startRealWorker(
  bundle: Bundle,
  config: WorkerConfig,
  host: string,
): Promise<{ worker: RunningWorker; startup: Startup }> {
  const before = new Set(hasProc ? childPids("workerd") : []);
  const started = performance.now();
  const mf = new Miniflare({
    host: LOOPBACK,
    port: 0,
    cf: false,
    workers: [
      {
        name: config.name,
        modulesRoot: bundle.dir,
        modules: bundle.modules.map((module) => ({ type: module.type, path: join(bundle.dir, module.path) })),
        compatibilityDate: config.compatibilityDate,
        compatibilityFlags: config.compatibilityFlags,
        bindings: config.vars,
        unsafeDirectSockets: [{ host: LOOPBACK, port: 0 }],
      },
    ],
  });
  try {
    await mf.ready;
    const readyMs = performance.now() - started;
    const origin = await mf.unsafeGetDirectURL(config.name);
    const first = await httpGet(origin, STARTUP_PATH, { Host: host });
    const firstResponseMs = performance.now() - started;
    const pid = hasProc ? childPids("workerd").find((candidate) => !before.has(candidate)) : undefined;
    return {
      worker: { origin, pid, dispose: () => mf.dispose() },
      startup: { readyMs, firstResponseMs, firstResponseStatus: first.status },
    };
  } catch (error) {
    await mf.dispose();
    throw error;
  }
}
