/**
 * Drives one Worker with wrk for a bounded time and reads wrk's own summary.
 *
 * Settings, for a 2-core machine: workerd runs a Worker's requests on one
 * thread, so one core serves and the other generates load. wrk gets one
 * thread (`-t 1`) pinned to core 0, and this process (and so every workerd it
 * starts) is pinned to the last core, so the load generator never takes CPU
 * from the server it measures. 16 keep-alive connections (`-c 16`) keep a
 * request waiting at workerd at every moment, so throughput is the server's
 * (with 1 or 4 connections workerd sat idle between responses here), while
 * the queue stays short: p50 is about 16 requests' worth of service time.
 * One wrk thread uses about 0.15 of a core at these rates, and each run
 * reports wrk's CPU, so a client-bound run would show.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { CpuMeter, type CpuUsage } from "./cpu-meter";
import { onExit } from "./exit-cleanup";
import { hasCommand } from "./proc";

const run = promisify(execFile);

export const WRK_INSTALL_HINT = "wrk is not installed. Install it with: apt-get install -y wrk";

/**
 * wrk's hooks: requests come from 10,000 client addresses in turn (and, when
 * paths are given, go to each path in turn instead of the command line's), with a
 * CF-Connecting-IP header as Cloudflare's edge sends (repeats of a stored
 * response do not read it; a request that does work is counted under it,
 * and at ~20k requests/s each address sends about 120 a minute, well under
 * the per-client limit), and `done` prints wrk's totals and latency
 * histogram as one JSON line.
 */
const doneScript = (
  paths: readonly string[],
) => `-- Written by scripts/bench: rotates client addresses and prints wrk's summary as JSON.
local client = 0
local paths = { ${paths.map((path) => JSON.stringify(path)).join(", ")} }
local next_path = 0
request = function()
  client = (client + 1) % 10000
  wrk.headers["CF-Connecting-IP"] = string.format("10.%d.%d.%d",
    math.floor(client / 65536) % 256, math.floor(client / 256) % 256, client % 256)
  if #paths == 0 then return wrk.format(nil) end
  next_path = next_path % #paths + 1
  return wrk.format(nil, paths[next_path])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"mean":%.1f,"p50":%d,"p90":%d,"p99":%d,"max":%d}}\\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
`;

export interface WrkSettings {
  seconds: number;
  connections: number;
  threads: number;
  /** Cores for wrk (`taskset -c`), or undefined to leave it to the scheduler. */
  cores: string | undefined;
}

export interface WrkTarget {
  origin: URL;
  path: string;
  /** Request headers, Host included. */
  headers: Readonly<Record<string, string>>;
  /** The workerd serving it, to measure its CPU. */
  serverPid: number | undefined;
}

export interface WrkResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  bytes: number;
  /** Socket errors plus responses with a status of 400 or more. */
  errors: number;
  /**
   * Latency in microseconds as wrk reports it: wrk corrects for coordinated
   * omission, adding samples for the requests a stalled connection did not
   * send, so p99 and mean weigh every stall by how long it lasted.
   */
  latencyUs: { mean: number; p50: number; p90: number; p99: number; max: number };
  /** CPU seconds per wall second (1 = one core busy). */
  cpu: CpuUsage;
  /** Server CPU microseconds per request. */
  serverCpuUsPerRequest: number | undefined;
}

export class Wrk {
  private constructor(private readonly scriptPath: string) {}

  /** Checks wrk is installed and writes its hooks into `workDir`; with `paths`, each request goes to the next. */
  static async prepare(workDir: string, paths: readonly string[] = []): Promise<Wrk> {
    if (!hasCommand("wrk")) throw new MissingToolError(WRK_INSTALL_HINT);
    const scriptPath = join(workDir, `bench-${paths.length}-paths.lua`);
    await writeFile(scriptPath, doneScript(paths));
    return new Wrk(scriptPath);
  }

  /** One bounded run, with the CPU each party used during it. */
  async run(target: WrkTarget, settings: WrkSettings, meter: CpuMeter): Promise<WrkResult> {
    const args = [
      `--threads=${settings.threads}`,
      `--connections=${settings.connections}`,
      `--duration=${settings.seconds}s`,
      "--timeout=5s",
      `--script=${this.scriptPath}`,
      ...Object.entries(target.headers).flatMap(([name, value]) => ["--header", `${name}: ${value}`]),
      new URL(target.path, target.origin).href,
    ];
    const [command, commandArgs] = settings.cores ? ["taskset", ["-c", settings.cores, "wrk", ...args]] : ["wrk", args];

    const before = meter.sample(target.serverPid);
    const pending = run(command, commandArgs, { maxBuffer: 1024 * 1024, timeout: (settings.seconds + 30) * 1000 });
    const cancel = onExit(() => pending.child.kill());
    const { stdout } = await pending.finally(cancel);
    const after = meter.sample(target.serverPid);

    const summary = parseSummary(stdout);
    const cpu = CpuMeter.usage(before, after);
    const serverSeconds =
      after.server !== undefined && before.server !== undefined ? after.server - before.server : undefined;
    const seconds = summary.durationUs / 1e6;
    const e = summary.errors;
    return {
      requests: summary.requests,
      seconds,
      requestsPerSecond: summary.requests / seconds,
      bytes: summary.bytes,
      errors: e.connect + e.read + e.write + e.status + e.timeout,
      latencyUs: summary.latencyUs,
      cpu,
      serverCpuUsPerRequest: serverSeconds !== undefined ? (serverSeconds / summary.requests) * 1e6 : undefined,
    };
  }
}

interface WrkSummary {
  requests: number;
  durationUs: number;
  bytes: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  latencyUs: { mean: number; p50: number; p90: number; p99: number; max: number };
}

function parseSummary(stdout: string): WrkSummary {
  const line = stdout.split("\n").find((text) => text.startsWith("BENCH_RESULT "));
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
  const parsed: unknown = JSON.parse(line.slice("BENCH_RESULT ".length));
  const errors = field(parsed, "errors");
  const latency = field(parsed, "latencyUs");
  return {
    requests: numberField(parsed, "requests"),
    durationUs: numberField(parsed, "durationUs"),
    bytes: numberField(parsed, "bytes"),
    errors: {
      connect: numberField(errors, "connect"),
      read: numberField(errors, "read"),
      write: numberField(errors, "write"),
      status: numberField(errors, "status"),
      timeout: numberField(errors, "timeout"),
    },
    latencyUs: {
      mean: numberField(latency, "mean"),
      p50: numberField(latency, "p50"),
      p90: numberField(latency, "p90"),
      p99: numberField(latency, "p99"),
      max: numberField(latency, "max"),
    },
  };
}

function field(value: unknown, name: string): unknown {
  if (typeof value !== "object" || value === null || !(name in value)) throw new Error(`wrk summary has no ${name}`);
  return (value as Record<string, unknown>)[name];
}

function numberField(value: unknown, name: string): number {
  const found = field(value, name);
  if (typeof found !== "number" || !Number.isFinite(found)) throw new Error(`wrk summary: ${name} is not a number`);
  return found;
}

/** A tool the benchmark needs is missing: reported as one line with how to install it. */
export class MissingToolError extends Error {}
