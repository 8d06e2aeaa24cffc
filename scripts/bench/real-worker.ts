/**
 * Serves the built bundle in workerd through Miniflare, on a loopback socket
 * that goes straight to the Worker (no Miniflare entry Worker in between, as
 * in production where nothing runs in front of the isolate), and measures
 * how long that takes to answer its first request.
 */
import { Miniflare } from "miniflare";
import type { Bundle } from "./bundle";
import { httpGet } from "./http-get";
import { bundleEntry, LOOPBACK, type WorkerEntry, withAssets, workerEntry } from "./miniflare-workers";
import { childPids, hasProc } from "./proc";
import type { WorkerConfig } from "./wrangler-config";

/** A path no route serves: the first request exercises routing and the error path, and builds no representation. */
export const STARTUP_PATH = "/__bench/startup";

/**
 * Start-ups timed per Worker, alternating with the one-line Worker so both
 * see the same machine: the first in this process, then more for a median.
 */
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
  /** The bundle's first start in this process (Node.js also compiles Miniflare's code paths for it). */
  first: StartupTimes;
  /** Median over the bundle's starts. */
  median: StartupTimes;
  samples: StartupTimes[];
  firstResponseStatus: number;
  /** Median for a one-line Worker: what Miniflare and workerd cost before any of the bundle's code. */
  baseline: StartupTimes;
}

/** The smallest Worker there is, to tell workerd's own start-up from the bundle's. */
const TRIVIAL_WORKER = 'export default { fetch() { return new Response("ok"); } };';

export async function startRealWorker(
  bundle: Bundle,
  config: WorkerConfig,
  host: string,
): Promise<{ worker: RunningWorker; startup: Startup }> {
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
  for (;;) {
    const reference = await timedStart([trivial], host);
    await reference.mf.dispose();
    baseline.push(reference.times);
    const started = await timedStart(real, host);
    samples.push(started.times);
    if (samples.length < STARTUP_SAMPLES) {
      await started.mf.dispose();
      continue;
    }
    // The last start stays up and serves the benchmark.
    const [first = started.times] = samples;
    return {
      worker: running(started),
      startup: {
        first,
        median: median(samples),
        samples,
        firstResponseStatus: started.status,
        baseline: median(baseline),
      },
    };
  }
}

/**
 * Starts `workers` once, untimed, the first served, keeping Miniflare to
 * reach its bindings from here (a D1 database to seed).
 */
export async function startWorker(workers: WorkerEntry[], host: string): Promise<RunningWorker & { mf: Miniflare }> {
  const started = await timedStart(workers, host);
  return { ...running(started), mf: started.mf };
}

interface Started {
  mf: Miniflare;
  origin: URL;
  /** The workerd process it started (Linux only). */
  pid: number | undefined;
  times: StartupTimes;
  status: number;
}

function running({ mf, origin, pid }: Started): RunningWorker {
  return { origin, pid, dispose: () => mf.dispose() };
}

/** Starts `workers`, the first of which is the one timed and served. */
async function timedStart(workers: WorkerEntry[], host: string): Promise<Started> {
  const [worker] = workers;
  if (!worker) throw new Error("no Worker to start");
  const before = new Set(hasProc ? childPids("workerd") : []);
  const started = performance.now();
  const mf = new Miniflare({ host: LOOPBACK, port: 0, cf: false, workers });
  try {
    await mf.ready;
    const readyMs = performance.now() - started;
    const origin = await mf.unsafeGetDirectURL(worker.config.name);
    const first = await httpGet(origin, STARTUP_PATH, { Host: host });
    const times = { readyMs, firstResponseMs: performance.now() - started };
    const pid = hasProc ? childPids("workerd").find((candidate) => !before.has(candidate)) : undefined;
    return { mf, origin, pid, times, status: first.status };
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
