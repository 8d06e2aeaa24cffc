/**
 * Drives one Worker with wrk for a bounded time and reads wrk's own summary.
 *
 * Settings, for a 2-core machine: workerd runs a Worker's requests on one
 * thread, so one core serves and the other generates load. wrk gets one
 * thread pinned to core 0, and this process (and so every workerd it starts)
 * is pinned to the last core, so the load generator never takes CPU from the
 * server it measures. 16 keep-alive connections keep a request waiting at
 * workerd at every moment, so throughput is the server's (with 1 or 4
 * connections workerd sat idle between responses here), while the queue
 * stays short. One wrk thread uses about 0.15 of a core at these rates, and
 * each run reports wrk's CPU, so a client-bound run would show.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { onExit } from "./exit-cleanup";
import { httpGet } from "./http-get";
import { CpuMeter, type CpuUsage, hasCommand } from "./proc";

const run = promisify(execFile);

/** One request of a run; a run sends its requests in turn. */
export interface WrkRequest {
  path: string;
  /** Request headers, Host included. */
  headers: Readonly<Record<string, string>>;
}

/**
 * wrk's hooks: each request is the next of `requests` and comes from the
 * next of 10,000 client addresses, with a CF-Connecting-IP header as
 * Cloudflare's edge sends (a request that does work is counted under it; at
 * 20k requests/s each address sends about 120 a minute, under the
 * per-client limit); `done` prints wrk's totals and latency as one JSON line.
 * JSON string literals are Lua string literals for these ASCII paths and headers.
 */
const luaScript = (requests: readonly WrkRequest[]) => `-- Written by scripts/bench.
local requests = {
${requests.map(luaEntry).join("\n")}
}
local i = 0
request = function()
  i = i + 1
  local entry = requests[(i - 1) % #requests + 1]
  local client = i % 10000
  entry[2]["CF-Connecting-IP"] = string.format("10.%d.%d.%d",
    math.floor(client / 65536) % 256, math.floor(client / 256) % 256, client % 256)
  return wrk.format("GET", entry[1], entry[2])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"requestsPerSecond":%f,"errors":%d,"latencyUs":{"p50":%d,"p99":%d,"max":%d}}\\n',
    summary.requests, summary.requests / (summary.duration / 1e6), e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`;

function luaEntry({ path, headers }: WrkRequest): string {
  const fields = Object.entries(headers).map(([name, value]) => `[${JSON.stringify(name)}] = ${JSON.stringify(value)}`);
  return `  { ${JSON.stringify(path)}, { ${fields.join(", ")} } },`;
}

export interface WrkSettings {
  seconds: number;
  connections: number;
  /** Cores for wrk (`taskset -c`), or undefined to leave it to the scheduler. */
  cores?: string | undefined;
}

/** What wrk reports: its latency is corrected for coordinated omission, so p99 weighs every stall by its length. */
interface WrkSummary {
  requests: number;
  requestsPerSecond: number;
  /** Socket errors plus responses with a status of 400 or more. */
  errors: number;
  latencyUs: { p50: number; p99: number; max: number };
}

export interface WrkResult extends WrkSummary {
  /** CPU seconds per wall second (1 = one core busy). */
  cpu: CpuUsage;
  /** Server CPU microseconds per request. */
  serverCpuUsPerRequest: number | undefined;
}

export const WRK_INSTALL_HINT = "wrk is not installed. Install it with: apt-get install -y wrk";

export class Wrk {
  private constructor(private readonly scriptPath: string) {}

  /** Checks wrk is installed and writes its hooks into `workDir`. */
  static async prepare(workDir: string, requests: readonly WrkRequest[]): Promise<Wrk> {
    if (!hasCommand("wrk")) throw new MissingToolError(WRK_INSTALL_HINT);
    const scriptPath = join(workDir, `wrk-${Math.random().toString(36).slice(2)}.lua`);
    await writeFile(scriptPath, luaScript(requests));
    return new Wrk(scriptPath);
  }

  /** One bounded run against `origin`, with the CPU each party used during it. */
  async run(origin: URL, serverPid: number | undefined, settings: WrkSettings, meter: CpuMeter): Promise<WrkResult> {
    const args = ["--threads=1", `--connections=${settings.connections}`, `--duration=${settings.seconds}s`];
    args.push("--timeout=5s", `--script=${this.scriptPath}`, origin.href);
    const [command, commandArgs] = settings.cores ? ["taskset", ["-c", settings.cores, "wrk", ...args]] : ["wrk", args];
    const before = meter.sample(serverPid);
    const pending = run(command, commandArgs, { maxBuffer: 1024 * 1024, timeout: (settings.seconds + 30) * 1000 });
    const cancel = onExit(() => pending.child.kill());
    const { stdout } = await pending.finally(cancel);
    const after = meter.sample(serverPid);
    const line = stdout.split("\n").find((text) => text.startsWith("BENCH_RESULT "));
    if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
    const summary = JSON.parse(line.slice("BENCH_RESULT ".length)) as WrkSummary;
    const server = after.server !== undefined && before.server !== undefined ? after.server - before.server : undefined;
    const serverCpuUsPerRequest = server === undefined ? undefined : (server / summary.requests) * 1e6;
    return { ...summary, cpu: CpuMeter.usage(before, after), serverCpuUsPerRequest };
  }
}

/** One pass over `requests`, each of which must answer 200: a warm-up, and a check that the load is the one meant. */
export async function warmUp(origin: URL, requests: readonly WrkRequest[]): Promise<void> {
  for (const { path, headers } of requests) {
    const { status } = await httpGet(origin, path, headers);
    if (status !== 200) throw new Error(`warm-up: ${path} answered ${status}`);
  }
}

/** A tool the benchmark needs is missing: reported as one line with how to install it. */
export class MissingToolError extends Error {}
