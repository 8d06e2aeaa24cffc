/**
 * Serves Workers in workerd through Miniflare (miniflare-workers.ts says
 * how), and measures how long the built bundle takes to answer its first
 * request, beside a one-line Worker.
 */
import { Miniflare } from "miniflare";
import type { Bundle } from "./bundle";
import { httpGet } from "./http-get";
import { bundleEntry, LOOPBACK, type WorkerEntry, withAssets, workerEntry } from "./miniflare-workers";
import { newWorkerdPid, workerdPids } from "./proc";
import type { WorkerConfig } from "./wrangler-config";

/** A path no route serves: the first request exercises routing and the error path, and builds no representation. */
export const STARTUP_PATH = "/__bench/startup";

/** Start-ups timed per Worker, for a median. */
const STARTUP_SAMPLES = 5;

export interface RunningWorker {
  /** Origin of the socket that goes straight to the Worker. */
  origin: URL;
  /** The workerd process serving it (Linux only). */
  pid: number | undefined;
  dispose(): Promise<void>;
}

/** Milliseconds from `new Miniflare(...)`. */
export interface StartupTimes {
  /** Until workerd listens: process started, configuration loaded, Worker compiled and its top level run. */
  readyMs: number;
  /** Until the first response has been read in full. */
  firstResponseMs: number;
}

export interface Startup {
  /** Median over the bundle's starts. */
  median: StartupTimes;
  samples: StartupTimes[];
  firstResponseStatus: number;
  /** Median for a one-line Worker: what Miniflare and workerd cost before any of the bundle's code. */
  baseline: StartupTimes;
}

/** The smallest Worker there is, to tell workerd's own start-up from the bundle's. */
const TRIVIAL_WORKER = 'export default { fetch() { return new Response("ok"); } };';

/** The bundle's start-up, timed STARTUP_SAMPLES times, alternating with a one-line Worker so both see the same machine. */
export async function timeStartup(bundle: Bundle, config: WorkerConfig, host: string): Promise<Startup> {
  const trivial = workerEntry(
    "baseline",
    {
      modulesRoot: bundle.dir,
      mainModule: "baseline.mjs",
      modules: { "baseline.mjs": { type: "esm", contents: TRIVIAL_WORKER } },
    },
    config,
  );
  const real = withAssets(bundleEntry(bundle, config), config);
  const baseline: StartupTimes[] = [];
  const samples: StartupTimes[] = [];
  let firstResponseStatus = 0;
  while (samples.length < STARTUP_SAMPLES) {
    for (const [workers, times] of [
      [[trivial], baseline],
      [real, samples],
    ] as const) {
      const started = await startWorker(workers, host);
      await started.dispose();
      times.push(started.times);
      firstResponseStatus = started.status;
    }
  }
  return { median: median(samples), samples, firstResponseStatus, baseline: median(baseline) };
}

/** The built bundle with its assets, started once; see `startWorker`. */
export function startBundle(bundle: Bundle, config: WorkerConfig, host: string, inspectorPort?: number) {
  return startWorker(withAssets(bundleEntry(bundle, config), config), host, inspectorPort);
}

/**
 * Starts `workers`, the first served, and times its start to the first
 * response. It keeps Miniflare, to reach its bindings from here (a D1
 * database to seed); with `inspectorPort`, workerd's V8 inspector listens there.
 */
export async function startWorker(workers: readonly WorkerEntry[], host: string, inspectorPort?: number) {
  const [worker] = workers;
  if (!worker) throw new Error("no Worker to start");
  const before = workerdPids();
  const started = performance.now();
  const options = { host: LOOPBACK, port: 0, cf: false, workers: [...workers] };
  const mf = new Miniflare(inspectorPort ? { ...options, inspectorPort } : options);
  try {
    await mf.ready;
    const readyMs = performance.now() - started;
    const origin = await mf.unsafeGetDirectURL(worker.config.name);
    const { status } = await httpGet(origin, STARTUP_PATH, { Host: host });
    const times: StartupTimes = { readyMs, firstResponseMs: performance.now() - started };
    return { mf, origin, pid: newWorkerdPid(before), times, status, dispose: () => mf.dispose() };
  } catch (error) {
    await mf.dispose();
    throw error;
  }
}

function median(samples: readonly StartupTimes[]): StartupTimes {
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return {
    readyMs: middle(samples.map((sample) => sample.readyMs)),
    firstResponseMs: middle(samples.map((sample) => sample.firstResponseMs)),
  };
}
