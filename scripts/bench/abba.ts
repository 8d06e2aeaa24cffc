/**
 * `npm run bench`'s default mode: each route, the real Worker against its
 * constant Worker (constant-worker.ts), in ABBA order (real, constant,
 * constant, real) so that a machine that speeds up or slows down during the
 * route affects both alike. A run during which other processes took CPU is
 * thrown away and repeated, a few times per route at most, and what remains
 * doubtful is named in warnings.
 */
import { serveBoth } from "./constant-worker";
import type { BenchRun } from "./main";
import { HOST, THROUGHPUT_TARGET } from "./options";
import { CpuMeter } from "./proc";
import type { RunningWorker } from "./real-worker";
import { printRoutes, runLine, writeResults } from "./report";
import { routeLabel } from "./routes";
import { Wrk, type WrkResult, type WrkSettings } from "./wrk";

export type Side = "real" | "constant";
export type LoadRun = WrkResult & { side: Side };
export type RouteResult = Awaited<ReturnType<typeof compareLoad>> & {
  route: string;
  path: string;
  headers: Record<string, string>;
  bytes: number;
  /** The route's first request after start-up: builds and stores its representation. */
  coldMs: number;
  pass: boolean;
};

const ABBA: readonly Side[] = ["real", "constant", "constant", "real"];
/** Thresholds past which a route's ratio says more about the machine than about the Worker. */
const LIMITS = { spread: 0.1, otherCores: 0.25, clientCores: 0.9, serverCores: 0.8, ratioDisagreement: 0.1 };
/** Disturbed runs a route may repeat, so a busy machine still ends the benchmark in bounded time. */
const RETRIES = 2;
/** Longest wait for other processes to calm down before a run. */
const QUIET_WAIT_SECONDS = 3;

export async function abba(run: BenchRun): Promise<number> {
  const { options, routes } = run;
  const { durationSeconds: seconds, connections, rounds, warmupSeconds } = options;
  console.log(`\n== ${routes.length} route(s): wrk -c ${connections} -d ${seconds}s, ABBA x ${rounds} ==`);
  const served = await serveBoth(run.bundle, run.config, routes, HOST);
  const results: RouteResult[] = [];
  try {
    const meter = new CpuMeter(served.pids);
    const settings = { seconds, connections, cores: run.wrkCores };
    for (const { route, headers, response, coldMs, constant } of served.routes) {
      console.log(routeLabel(route));
      const wrk = await Wrk.prepare(run.workDir, [{ path: route.path, headers }]);
      const plan = { settings, warmupSeconds, rounds, meter };
      const comparison = await compareLoad(wrk, { real: served.real, constant }, plan);
      const pass = comparison.ratio >= THROUGHPUT_TARGET && comparison.runs.every((one) => one.errors === 0);
      const bytes = response.body.byteLength;
      const { path, headers: sent = {} } = route;
      results.push({ route: routeLabel(route), path, headers: { ...sent }, bytes, coldMs, ...comparison, pass });
    }
  } finally {
    await served.dispose();
  }
  const { rawBytes, gzipBytes } = run.bundle;
  const settings = { seconds, connections, rounds, warmupSeconds, wrkCores: run.wrkCores, host: HOST };
  const { machine } = run;
  await writeResults(options.outFile, { machine, settings, bundle: { rawBytes, gzipBytes }, routes: results });
  console.log(`\n${printRoutes(results)}\n\nJSON: ${options.outFile}`);
  return options.check && results.some((result) => !result.pass) ? 1 : 0;
}

interface LoadPlan {
  settings: WrkSettings & { seconds: number };
  warmupSeconds: number;
  rounds: number;
  meter: CpuMeter;
}

async function compareLoad(wrk: Wrk, workers: Record<Side, RunningWorker>, plan: LoadPlan) {
  const runOn = (side: Side, seconds: number) =>
    wrk.run(workers[side].origin, workers[side].pid, { ...plan.settings, seconds }, plan.meter);
  if (plan.warmupSeconds > 0) for (const side of ["real", "constant"] as const) await runOn(side, plan.warmupSeconds);
  const runs: LoadRun[] = [];
  let discarded = 0;
  for (let round = 0; round < plan.rounds; round++) {
    for (const side of ABBA) {
      for (;;) {
        await plan.meter.waitForQuiet(LIMITS.otherCores, QUIET_WAIT_SECONDS);
        const run: LoadRun = { side, ...(await runOn(side, plan.settings.seconds)) };
        const disturbed = run.cpu.other > LIMITS.otherCores && discarded < RETRIES;
        console.log(runLine(run, disturbed));
        if (!disturbed) {
          runs.push(run);
          break;
        }
        discarded++;
      }
    }
  }
  const real = summarise(runs.filter((run) => run.side === "real"));
  const constant = summarise(runs.filter((run) => run.side === "constant"));
  /** Constant CPU per request over real: the ratio a CPU-bound server reaches. */
  const cpuRatio =
    real.serverCpuUsPerRequest && constant.serverCpuUsPerRequest
      ? constant.serverCpuUsPerRequest / real.serverCpuUsPerRequest
      : undefined;
  const ratio = real.requestsPerSecond / constant.requestsPerSecond;
  const warnings = warningsFor(runs, { real, constant, ratio, cpuRatio });
  if (discarded > 0) warnings.unshift(`${discarded} run(s) repeated after other processes took CPU`);
  return { runs, discarded, real, constant, ratio, cpuRatio, warnings };
}

function summarise(runs: readonly LoadRun[]) {
  const rps = runs.map((run) => run.requestsPerSecond);
  const cpu = runs.map((run) => run.serverCpuUsPerRequest);
  const mean = average(rps);
  return {
    requestsPerSecond: mean,
    p50Us: average(runs.map((run) => run.latencyUs.p50)),
    p99Us: average(runs.map((run) => run.latencyUs.p99)),
    serverCpuUsPerRequest: cpu.every((value) => value !== undefined) ? average(cpu) : undefined,
    /** (max - min) / mean of the runs' req/s. */
    spread: (Math.max(...rps) - Math.min(...rps)) / mean,
  };
}

interface Figures {
  real: ReturnType<typeof summarise>;
  constant: ReturnType<typeof summarise>;
  ratio: number;
  cpuRatio: number | undefined;
}

function warningsFor(runs: readonly LoadRun[], { real, constant, ratio, cpuRatio }: Figures): string[] {
  const warnings: string[] = [];
  if (runs.some((run) => run.errors > 0)) warnings.push("errors or error statuses during load");
  for (const [side, summary] of Object.entries({ real, constant })) {
    if (summary.spread > LIMITS.spread) warnings.push(`${side} runs differ by ${(summary.spread * 100).toFixed(0)}%`);
  }
  const other = Math.max(...runs.map((run) => run.cpu.other));
  if (other > LIMITS.otherCores) warnings.push(`other processes used up to ${other.toFixed(2)} cores in a kept run`);
  const client = Math.max(...runs.map((run) => run.cpu.client));
  if (client > LIMITS.clientCores) warnings.push(`wrk used ${client.toFixed(2)} cores: the client may be the limit`);
  const idle = runs.filter((run) => run.cpu.server !== undefined && run.cpu.server < LIMITS.serverCores);
  if (idle.length > 0) warnings.push(`workerd below ${LIMITS.serverCores} cores busy in ${idle.length} run(s)`);
  if (cpuRatio !== undefined && Math.abs(cpuRatio - ratio) > LIMITS.ratioDisagreement) {
    warnings.push(`req/s ratio ${ratio.toFixed(2)} and CPU ratio ${cpuRatio.toFixed(2)} disagree`);
  }
  return warnings;
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
