/**
 * `npm run load`: a load and soak test against `wrangler dev` (through
 * wrangler's own dev-server API, on a free loopback port). wrk drives a mix
 * of every content route and representation at high concurrency from many
 * client addresses, in rounds; between rounds it samples the Worker's V8
 * heap (through wrangler's inspector) and the memory of both workerd
 * processes wrangler dev runs: the one serving the Worker and the one
 * running wrangler's dev proxy in front of it (the process that listens on
 * the dev URL's port). Bounded in time, loopback only.
 *
 * It fails (exit 1) on any socket error or error status, or when the
 * isolate's V8 heap outgrows Workers' memory limit. The processes' resident
 * memory is reported, not judged: under this load the Worker's workerd
 * grows while the isolate's heap stays bounded, and a one-line Worker's
 * grows too (BENCHMARKS.md, "Load and soak on both toolchains").
 * Flags (or LOAD_* environment variables):
 *   --rounds N (9)  --seconds S (10)  --connections C (128)
 *   --baseline: a one-line Worker under the same harness instead, to tell
 *   what wrangler dev's proxy and workerd cost from what this Worker does.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { unstable_startWorker } from "wrangler";
import { connect } from "../bench/inspector";
import { childPids, hasCommand, pidListeningOn } from "../bench/proc";
import { readWorkerConfig } from "../bench/wrangler-config";
import { WRK_INSTALL_HINT } from "../bench/wrk";

const run = promisify(execFile);

const MIB = 1024 * 1024;

/** Workers' memory limit per isolate, 128 MB in Cloudflare's limits, read as the smaller decimal megabytes. */
const ISOLATE_MEMORY_LIMIT_MIB = 128_000_000 / MIB;

/** The traffic mix: every content route and representation, weighted towards the article. */
const MIX: { path: string; accept?: string; weight: number }[] = [
  { path: "/v1/articles/leg-cramps", weight: 4 },
  { path: "/v1/articles/leg-cramps", accept: "application/ld+json", weight: 1 },
  { path: "/v1/articles/leg-cramps", accept: "text/markdown", weight: 1 },
  { path: "/v1/articles/leg-cramps?sections=calf-extension,quinine-for-leg-cramps", weight: 2 },
  { path: "/v1/articles/leg-cramps/sections/heel-walk", weight: 2 },
  { path: "/v1/articles/leg-cramps/jsonld", weight: 1 },
  { path: "/v1/conditions/leg-cramps", weight: 2 },
  { path: "/v1/articles?pageSize=10", weight: 1 },
  { path: "/articles/leg-cramps", weight: 2 },
  { path: "/embed/leg-cramps?theme=dark", weight: 1 },
  { path: "/embed.js", weight: 1 },
  { path: "/", weight: 1 },
  { path: "/sitemap.xml", weight: 1 },
];

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: process.env.LOAD_ROUNDS ?? "9" },
    seconds: { type: "string", default: process.env.LOAD_SECONDS ?? "10" },
    connections: { type: "string", default: process.env.LOAD_CONNECTIONS ?? "128" },
    baseline: { type: "boolean", default: process.env.LOAD_BASELINE === "1" },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

/**
 * wrk's script: each request picks the next entry of the mix and the next of
 * 10,000 client addresses (about 60 requests a client a minute at 10k
 * requests a second, under the per-client limit); `done` prints a JSON summary.
 */
function luaScript(): string {
  const entries = MIX.flatMap((entry) => Array.from({ length: entry.weight }, () => entry));
  // JSON string literals are valid Lua string literals for these ASCII paths.
  const requests = entries.map(
    (entry) => `  { ${JSON.stringify(entry.path)}, ${entry.accept ? JSON.stringify(entry.accept) : "nil"} },`,
  );
  return `local mix = {
${requests.join("\n")}
}
local i = 0
request = function()
  i = i + 1
  local entry = mix[(i % #mix) + 1]
  local client = i % 10000
  local headers = { ["CF-Connecting-IP"] = string.format("10.%d.%d.%d", math.floor(client / 65536) % 256, math.floor(client / 256) % 256, client % 256) }
  if entry[2] then headers["Accept"] = entry[2] end
  return wrk.format("GET", entry[1], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('LOAD_RESULT {"requests":%d,"durationUs":%d,"errors":%d,"statusErrors":%d,"p50":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`;
}

interface Round {
  requests: number;
  requestsPerSecond: number;
  errors: number;
  statusErrors: number;
  p50Ms: number;
  p99Ms: number;
  /** The isolate's V8 heap: what it holds, and what it has reserved. */
  heapUsedMiB: number;
  heapTotalMiB: number;
  /** Resident memory of the workerd serving the Worker. */
  rssMiB: number;
  /** Resident memory of the workerd running wrangler's dev proxy. */
  proxyRssMiB: number;
}

async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

/** The baseline: a Worker that answers every request with the same two bytes, at this project's compatibility date. */
async function oneLineWorker(dir: string): Promise<{ entrypoint: string; compatibilityDate: string }> {
  const entrypoint = join(dir, "one-line.js");
  await writeFile(entrypoint, 'export default { fetch: () => new Response("ok") };\n');
  return { entrypoint, compatibilityDate: readWorkerConfig().compatibilityDate };
}

/**
 * The two workerd processes of `wrangler dev`: the dev proxy listens on the
 * URL's port; the Worker's own starts behind it, so one request is sent
 * first to be sure both are running.
 */
async function devProcesses(url: URL, before: ReadonlySet<number>): Promise<{ workerd: number; proxy: number }> {
  await (await fetch(url)).arrayBuffer();
  const started = childPids("workerd").filter((pid) => !before.has(pid));
  const proxy = pidListeningOn(Number(url.port), started);
  const workerd = started.filter((pid) => pid !== proxy);
  if (proxy === undefined || workerd.length !== 1 || workerd[0] === undefined) {
    throw new Error(`expected wrangler dev's proxy and one Worker among workerd processes ${started.join(", ")}`);
  }
  return { workerd: workerd[0], proxy };
}

async function main(): Promise<number> {
  if (!hasCommand("wrk")) {
    console.error(`load: ${WRK_INSTALL_HINT}`);
    return 2;
  }
  const workDir = await mkdtemp(join(tmpdir(), "load-"));
  const script = join(workDir, "mix.lua");
  await writeFile(script, luaScript());
  const before = new Set(childPids("workerd"));
  const dev = {
    server: { hostname: "127.0.0.1", port: 0 },
    inspector: { hostname: "127.0.0.1", port: 0 },
    watch: false,
    logLevel: "error",
  } as const;
  const worker = await unstable_startWorker(
    values.baseline ? { ...(await oneLineWorker(workDir)), dev } : { config: "wrangler.toml", dev },
  );
  let inspector: Awaited<ReturnType<typeof connect>> | undefined;
  try {
    await worker.ready;
    const url = await worker.url;
    const { workerd, proxy } = await devProcesses(url, before);
    const inspectorUrl = await worker.inspectorUrl;
    if (!inspectorUrl) throw new Error("wrangler dev started no inspector");
    inspector = await connect(Number(inspectorUrl.port));
    const served = values.baseline ? "a one-line Worker" : "this Worker";
    console.log(`load: ${served} in wrangler dev on ${url.origin}, workerd pid ${workerd} (dev proxy: pid ${proxy})`);
    console.log(`load: ${rounds} rounds of ${seconds} s, ${connections} connections, ${MIX.length} routes in the mix`);
    const results: Round[] = [];
    for (let round = 1; round <= rounds; round++) {
      const { stdout } = await run(
        "wrk",
        [
          `--threads=2`,
          `--connections=${connections}`,
          `--duration=${seconds}s`,
          "--timeout=10s",
          `--script=${script}`,
          url.origin,
        ],
        { maxBuffer: 1024 * 1024, timeout: (seconds + 60) * 1000 },
      );
      const line = stdout.split("\n").find((text) => text.startsWith("LOAD_RESULT "));
      if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
      const summary = JSON.parse(line.slice("LOAD_RESULT ".length)) as Record<string, number>;
      const heap = (await inspector.send("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number };
      const result: Round = {
        requests: summary.requests ?? 0,
        requestsPerSecond: (summary.requests ?? 0) / ((summary.durationUs ?? 1) / 1e6),
        errors: summary.errors ?? 0,
        statusErrors: summary.statusErrors ?? 0,
        p50Ms: (summary.p50 ?? 0) / 1000,
        p99Ms: (summary.p99 ?? 0) / 1000,
        heapUsedMiB: heap.usedSize / MIB,
        heapTotalMiB: heap.totalSize / MIB,
        rssMiB: await residentMiB(workerd),
        proxyRssMiB: await residentMiB(proxy),
      };
      results.push(result);
      console.log(
        `round ${round}: ${result.requests} requests, ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(1)} ms, socket errors ${result.errors}, error statuses ${result.statusErrors}, V8 heap ${result.heapUsedMiB.toFixed(1)} of ${result.heapTotalMiB.toFixed(1)} MiB, workerd RSS ${result.rssMiB.toFixed(1)} MiB (dev proxy ${result.proxyRssMiB.toFixed(1)} MiB)`,
      );
    }
    const total = results.reduce((sum, round) => sum + round.requests, 0);
    const errors = results.reduce((sum, round) => sum + round.errors + round.statusErrors, 0);
    const largestHeap = Math.max(...results.map((round) => round.heapTotalMiB));
    const withinLimit = largestHeap <= ISOLATE_MEMORY_LIMIT_MIB;
    const firstRss = results[0]?.rssMiB ?? Number.NaN;
    const lastRss = results.at(-1)?.rssMiB ?? Number.NaN;
    // The first round includes start-up: first builds of every representation and JIT warm-up.
    const warm = results.slice(1);
    const throughput = warm.reduce((sum, round) => sum + round.requestsPerSecond, 0) / Math.max(1, warm.length);
    const p99 = Math.max(...warm.map((round) => round.p99Ms));
    console.log(
      `load: ${total} requests, after warm-up mean ${Math.round(throughput)} req/s and worst p99 ${p99.toFixed(1)} ms; errors ${errors}; largest V8 heap ${largestHeap.toFixed(1)} MiB (limit ${ISOLATE_MEMORY_LIMIT_MIB.toFixed(1)}); workerd RSS ${firstRss.toFixed(0)} -> ${lastRss.toFixed(0)} MiB`,
    );
    const pass = errors === 0 && withinLimit;
    console.log(`load: ${pass ? "PASS" : "FAIL"}`);
    return pass ? 0 : 1;
  } finally {
    inspector?.close();
    await worker.dispose();
    await rm(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
