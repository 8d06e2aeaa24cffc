/**
 * `npm run load`: a load and soak test against `wrangler dev` (through
 * wrangler's own dev-server API, on a free loopback port). wrk drives a mix
 * of every content route and representation at high concurrency from many
 * client addresses, in rounds; between rounds the workerd process's memory
 * is sampled. Bounded in time, loopback only.
 *
 * It fails (exit 1) on any socket error or error status, or when memory
 * keeps growing: workerd's memory rises while V8 and wrangler's dev proxy
 * warm up (a one-line Worker does the same), so "stable" means the last
 * third of the rounds averages within 5 % of the middle third.
 * Flags (or LOAD_* environment variables):
 *   --rounds N (9)  --seconds S (10)  --connections C (128)
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { unstable_startWorker } from "wrangler";
import { childPids, hasCommand } from "../bench/proc";
import { WRK_INSTALL_HINT } from "../bench/wrk";

const run = promisify(execFile);

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
  rssMiB: number;
}

async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
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
  const worker = await unstable_startWorker({
    config: "wrangler.toml",
    dev: { server: { hostname: "127.0.0.1", port: 0 }, inspector: false, watch: false, logLevel: "error" },
  });
  try {
    await worker.ready;
    const url = await worker.url;
    const workerd = childPids("workerd").find((pid) => !before.has(pid));
    if (workerd === undefined) throw new Error("could not find the workerd process wrangler dev started");
    console.log(`load: wrangler dev on ${url.origin}, workerd pid ${workerd}`);
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
      const result: Round = {
        requests: summary.requests ?? 0,
        requestsPerSecond: (summary.requests ?? 0) / ((summary.durationUs ?? 1) / 1e6),
        errors: summary.errors ?? 0,
        statusErrors: summary.statusErrors ?? 0,
        p50Ms: (summary.p50 ?? 0) / 1000,
        p99Ms: (summary.p99 ?? 0) / 1000,
        rssMiB: await residentMiB(workerd),
      };
      results.push(result);
      console.log(
        `round ${round}: ${result.requests} requests, ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(1)} ms, socket errors ${result.errors}, error statuses ${result.statusErrors}, workerd RSS ${result.rssMiB.toFixed(1)} MiB`,
      );
    }
    const total = results.reduce((sum, round) => sum + round.requests, 0);
    const errors = results.reduce((sum, round) => sum + round.errors + round.statusErrors, 0);
    const third = Math.max(1, Math.floor(results.length / 3));
    const meanRss = (part: Round[]) => part.reduce((sum, round) => sum + round.rssMiB, 0) / Math.max(1, part.length);
    const middle = meanRss(results.slice(third, 2 * third));
    const last = meanRss(results.slice(-third));
    const stable = last <= middle * 1.05;
    // The first round includes start-up: first builds of every representation and JIT warm-up.
    const warm = results.slice(1);
    const throughput = warm.reduce((sum, round) => sum + round.requestsPerSecond, 0) / Math.max(1, warm.length);
    const p99 = Math.max(...warm.map((round) => round.p99Ms));
    console.log(
      `load: ${total} requests, after warm-up mean ${Math.round(throughput)} req/s and worst p99 ${p99.toFixed(1)} ms; errors ${errors}; memory ${middle.toFixed(1)} -> ${last.toFixed(1)} MiB (${stable ? "stable" : "GROWING"})`,
    );
    console.log(`load: ${errors === 0 && stable ? "PASS" : "FAIL"}`);
    return errors === 0 && stable ? 0 : 1;
  } finally {
    await worker.dispose();
    await rm(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
