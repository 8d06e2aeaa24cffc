/**
 * The load comparison for one route: the real Worker against its constant
 * Worker, in ABBA order (real, constant, constant, real) so that a machine
 * that speeds up or slows down during the route affects both alike.
 */
import type { CpuMeter } from "./cpu-meter";
import type { RunningWorker } from "./real-worker";
import type { Wrk, WrkResult, WrkSettings } from "./wrk";

export type Side = "real" | "constant";

export interface LoadRun extends WrkResult {
  side: Side;
  /** 1-based position in the route's sequence. */
  order: number;
}

export interface SideSummary {
  requestsPerSecond: number;
  /** Means over the side's runs, in microseconds. */
  p50Us: number;
  p99Us: number;
  maxUs: number;
  serverCpuUsPerRequest: number | undefined;
  /** (max - min) / mean of the runs' req/s. */
  spread: number;
}

export interface LoadComparison {
  runs: LoadRun[];
  /** Runs thrown away because other processes took CPU during them, each repeated once the machine was quiet. */
  discarded: LoadRun[];
  real: SideSummary;
  constant: SideSummary;
  /** Mean real req/s over mean constant req/s. */
  ratio: number;
  /** Why this route's figures may not be trustworthy; empty when the runs were clean. */
  warnings: string[];
}

export interface LoadPlan {
  settings: WrkSettings;
  warmupSeconds: number;
  rounds: number;
  meter: CpuMeter;
  /** How many disturbed runs a route may repeat, so a busy machine still ends the benchmark in bounded time. */
  retries: number;
  /** Called after each measured run, for progress output. */
  onRun?: (run: LoadRun, discarded: boolean) => void;
}

const ABBA: readonly Side[] = ["real", "constant", "constant", "real"];

export async function compareLoad(
  wrk: Wrk,
  workers: Record<Side, RunningWorker>,
  path: string,
  headers: Readonly<Record<string, string>>,
  plan: LoadPlan,
): Promise<LoadComparison> {
  const target = (side: Side) => ({ origin: workers[side].origin, path, headers, serverPid: workers[side].pid });
  if (plan.warmupSeconds > 0) {
    for (const side of ["real", "constant"] as const) {
      await wrk.run(target(side), { ...plan.settings, seconds: plan.warmupSeconds }, plan.meter);
    }
  }
  const runs: LoadRun[] = [];
  const discarded: LoadRun[] = [];
  let retries = plan.retries;
  for (let round = 0; round < plan.rounds; round++) {
    for (const side of ABBA) {
      for (;;) {
        await plan.meter.waitForQuiet(LIMITS.otherCores, QUIET_WAIT_SECONDS);
        const run: LoadRun = {
          side,
          order: runs.length + 1,
          ...(await wrk.run(target(side), plan.settings, plan.meter)),
        };
        const disturbed = run.cpu.other > LIMITS.otherCores && retries > 0;
        plan.onRun?.(run, disturbed);
        if (!disturbed) {
          runs.push(run);
          break;
        }
        discarded.push(run);
        retries--;
      }
    }
  }
  const real = summarise(runs.filter((run) => run.side === "real"));
  const constant = summarise(runs.filter((run) => run.side === "constant"));
  return {
    runs,
    discarded,
    real,
    constant,
    ratio: real.requestsPerSecond / constant.requestsPerSecond,
    warnings: [
      ...(discarded.length > 0 ? [`${discarded.length} run(s) repeated after other processes took CPU`] : []),
      ...warningsFor(runs, real, constant),
    ],
  };
}

function summarise(runs: readonly LoadRun[]): SideSummary {
  const rps = runs.map((run) => run.requestsPerSecond);
  const cpu = runs.map((run) => run.serverCpuUsPerRequest);
  const mean = average(rps);
  return {
    requestsPerSecond: mean,
    p50Us: average(runs.map((run) => run.latencyUs.p50)),
    p99Us: average(runs.map((run) => run.latencyUs.p99)),
    maxUs: Math.max(...runs.map((run) => run.latencyUs.max)),
    serverCpuUsPerRequest: cpu.every((value) => value !== undefined) ? average(cpu) : undefined,
    spread: (Math.max(...rps) - Math.min(...rps)) / mean,
  };
}

/** Thresholds past which a route's ratio says more about the machine than about the Worker. */
export const LIMITS = { spread: 0.1, otherCores: 0.25, clientCores: 0.9, serverCores: 0.8, ratioDisagreement: 0.1 };

/** Longest wait for other processes to calm down before a run. */
const QUIET_WAIT_SECONDS = 3;

function warningsFor(runs: readonly LoadRun[], real: SideSummary, constant: SideSummary): string[] {
  const warnings: string[] = [];
  if (runs.some((run) => run.errors > 0)) warnings.push("errors or non-2xx/3xx responses during load");
  for (const [side, summary] of [
    ["real", real],
    ["constant", constant],
  ] as const) {
    if (summary.spread > LIMITS.spread) warnings.push(`${side} runs differ by ${percent(summary.spread)}`);
  }
  const other = Math.max(...runs.map((run) => run.cpu.other));
  if (other > LIMITS.otherCores) warnings.push(`other processes used up to ${other.toFixed(2)} cores in a kept run`);
  const client = Math.max(...runs.map((run) => run.cpu.client));
  if (client > LIMITS.clientCores) warnings.push(`wrk used ${client.toFixed(2)} cores: the client may be the limit`);
  const idle = runs.filter((run) => run.cpu.server !== undefined && run.cpu.server < LIMITS.serverCores);
  if (idle.length > 0) warnings.push(`workerd below ${LIMITS.serverCores} cores busy in ${idle.length} run(s)`);
  if (real.serverCpuUsPerRequest !== undefined && constant.serverCpuUsPerRequest !== undefined) {
    const cpuRatio = constant.serverCpuUsPerRequest / real.serverCpuUsPerRequest;
    const ratio = real.requestsPerSecond / constant.requestsPerSecond;
    if (Math.abs(cpuRatio - ratio) > LIMITS.ratioDisagreement) {
      warnings.push(`req/s ratio ${ratio.toFixed(2)} and CPU ratio ${cpuRatio.toFixed(2)} disagree`);
    }
  }
  return warnings;
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(0)}%`;
}
