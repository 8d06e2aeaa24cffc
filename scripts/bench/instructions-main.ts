/**
 * `npm run bench:instructions [-- --route TEXT --requests N]`: instructions
 * per request, real Worker against constant Worker, counted by valgrind's
 * callgrind in each workerd. Unlike req/s, the count barely depends on what
 * else the machine is doing, so the ratio holds still on a shared machine.
 *
 * Both Workers start as `npm run bench` starts them, but each workerd runs
 * under callgrind (Miniflare starts whatever MINIFLARE_WORKERD_PATH names: a
 * generated script that execs valgrind on the real binary). Per route and
 * Worker: warm-up requests, counters zeroed, N requests, counters dumped.
 */
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { buildBundle } from "./bundle";
import { startConstantWorkers } from "./constant-worker";
import { onExit } from "./exit-cleanup";
import { type CapturedResponse, differences, httpGet } from "./http-get";
import { machineInfo } from "./machine";
import { bundleEntry, withAssets } from "./miniflare-workers";
import { OptionError, TARGETS, wholeFlag } from "./options";
import { hasCommand } from "./proc";
import { type RunningWorker, startWorker } from "./real-worker";
import { writeResults } from "./report";
import { BENCH_ROUTES, type BenchRoute, routeLabel } from "./routes";
import { count, renderTable } from "./table";
import { readWorkerConfig } from "./wrangler-config";

const run = promisify(execFile);

const USAGE = `Usage: npm run bench:instructions [-- options]

  --route TEXT     only routes whose label contains TEXT
  --requests N     measured requests per route and Worker (default 2000)
  --warmup N       requests before counting, so V8 has compiled the hot code (default 500)
  --host NAME      Host header for both Workers (default bench.localhost)
  --config FILE    wrangler configuration to build and serve (default wrangler.toml)
  --out FILE       JSON results (default .bench/instructions.json)`;

/** Connections kept open and busy at once: a little concurrency, as under load, without queueing much. */
const CONCURRENCY = 4;

interface Side {
  requests: number;
  instructions: number;
  perRequest: number;
}

interface RouteCount {
  route: string;
  path: string;
  headers: Record<string, string>;
  bytes: number;
  real: Side;
  constant: Side;
  /** Constant over real instructions per request: the throughput ratio a CPU-bound server would reach. */
  ratio: number;
  pass: boolean;
}

/** A workerd under callgrind, with the process id callgrind_control addresses it by. */
interface Counted<T> {
  worker: T;
  pid: number;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      route: { type: "string" },
      requests: { type: "string", default: "2000" },
      warmup: { type: "string", default: "500" },
      host: { type: "string", default: "bench.localhost" },
      config: { type: "string", default: "wrangler.toml" },
      out: { type: "string", default: ".bench/instructions.json" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    log(USAGE);
    return 0;
  }
  const requests = wholeFlag("requests", values.requests, 1);
  const warmup = wholeFlag("warmup", values.warmup, 0);
  const host = values.host;
  const filter = values.route;
  const routes = filter ? BENCH_ROUTES.filter((route) => routeLabel(route).includes(filter)) : [...BENCH_ROUTES];
  if (routes.length === 0) throw new OptionError(`no route matches "${filter}"`);
  for (const tool of ["valgrind", "callgrind_control"]) {
    if (!hasCommand(tool)) throw new OptionError(`${tool} is not installed: apt-get install -y valgrind`);
  }

  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), "bench-callgrind-"));
  onExit(() => rmSync(workDir, { recursive: true, force: true }));
  process.env.MINIFLARE_WORKERD_PATH = writeWrapper(workDir);
  const machine = machineInfo();
  const valgrind = (await run("valgrind", ["--version"])).stdout.trim();
  log(`${machine.cpuModel}, ${machine.cores} cores; ${machine.workerd}; ${valgrind}`);
  log(`${routes.length} route(s), ${warmup} warm-up then ${requests} counted requests per route and Worker\n`);

  const config = readWorkerConfig(values.config);
  const bundle = await buildBundle(values.config, config.main);
  log("starting the real Worker under callgrind (slow)");
  const real = await startCounted(workDir, () => startWorker(withAssets(bundleEntry(bundle, config), config), host));
  const results: RouteCount[] = [];
  try {
    const responses: CapturedResponse[] = [];
    for (const route of routes) responses.push(await capture(real.worker, route, host));
    log("starting the constant Workers under callgrind");
    const constants = await startCounted(workDir, async () => {
      const { workers } = await startConstantWorkers(responses, config);
      // All of them share one workerd, and so one dispose.
      return { workers, dispose: () => workers[0]?.dispose() ?? Promise.resolve() };
    });
    try {
      for (const [index, route] of routes.entries()) {
        const response = responses[index];
        const constant = constants.worker.workers[index];
        if (!response || !constant) throw new Error("constant Workers and routes do not line up");
        const headers = { Host: host, ...route.headers };
        const changed = differences(response, await httpGet(constant.origin, route.path, headers));
        if (changed.length > 0) throw new Error(`${route.path}: the constant Worker differs: ${changed.join("; ")}`);
        log(routeLabel(route));
        const measure = (worker: RunningWorker, pid: number) =>
          countInstructions(workDir, pid, worker.origin, route, headers, response, warmup, requests);
        const realSide = await measure(real.worker, real.pid);
        log(`  real      ${count(realSide.perRequest).padStart(12)} instructions/request`);
        const constantSide = await measure(constant, constants.pid);
        log(`  constant  ${count(constantSide.perRequest).padStart(12)} instructions/request`);
        const ratio = constantSide.perRequest / realSide.perRequest;
        results.push({
          route: routeLabel(route),
          path: route.path,
          headers: { ...route.headers },
          bytes: response.body.byteLength,
          real: realSide,
          constant: constantSide,
          ratio,
          pass: ratio >= TARGETS.throughputRatio,
        });
      }
    } finally {
      await constants.worker.dispose();
    }
  } finally {
    await real.worker.dispose();
    bundle.dispose();
  }

  const minutes = (performance.now() - started) / 60_000;
  await writeResults(values.out, {
    generatedAt: new Date().toISOString(),
    machine,
    valgrind,
    settings: { requests, warmup, concurrency: CONCURRENCY, host, config: values.config },
    targets: { throughputRatio: TARGETS.throughputRatio },
    minutes,
    routes: results,
  });
  log(`\n${printTable(results)}`);
  log("\nIr/req: instructions workerd executed per request (all threads), counted by callgrind after the warm-up.");
  log(`ratio: constant Ir/req over real Ir/req; target >= ${TARGETS.throughputRatio}. Instructions are not time:`);
  log("cache misses, stalls and I/O waits are not counted (scripts/bench/README.md).");
  log(`\n${minutes.toFixed(1)} min; JSON: ${values.out}`);
  return 0;
}

/**
 * The script Miniflare runs as workerd. `exec` keeps the process id, which
 * it records so callgrind_control can address this workerd and not another.
 * Valgrind's own messages go to a file: Miniflare prints workerd's stderr.
 */
function writeWrapper(dir: string): string {
  const require = createRequire(import.meta.url);
  const binary: unknown = require("workerd");
  const workerd = typeof binary === "object" && binary !== null && "default" in binary ? binary.default : binary;
  if (typeof workerd !== "string") throw new Error("cannot find the workerd binary");
  const path = join(dir, "workerd");
  writeFileSync(
    path,
    [
      "#!/bin/sh",
      `echo $$ >> '${dir}/pids'`,
      `exec valgrind --tool=callgrind --callgrind-out-file='${dir}/callgrind.out.%p' --log-file='${dir}/valgrind.%p.log' '${workerd}' "$@"`,
      "",
    ].join("\n"),
  );
  chmodSync(path, 0o755);
  return path;
}

/** Starts a workerd through the wrapper and finds its process id, the last the wrapper recorded. */
async function startCounted<T extends { dispose(): Promise<void> }>(
  dir: string,
  start: () => Promise<T>,
): Promise<Counted<T>> {
  const worker = await start();
  const pid = Number(readFileSync(join(dir, "pids"), "utf8").trim().split("\n").pop());
  if (!Number.isInteger(pid) || pid <= 0) {
    await worker.dispose();
    throw new Error("the workerd wrapper recorded no process id");
  }
  return { worker, pid };
}

/** The real Worker's answer to a route, asked twice so the second is warm and both must agree. */
async function capture(real: RunningWorker, route: BenchRoute, host: string): Promise<CapturedResponse> {
  const headers = { Host: host, ...route.headers };
  const first = await httpGet(real.origin, route.path, headers);
  const next = await httpGet(real.origin, route.path, headers);
  if (next.status !== 200) throw new Error(`${route.path}: status ${next.status}`);
  const changed = differences(first, next);
  if (changed.length > 0)
    throw new Error(`${route.path}: a second request answered differently: ${changed.join("; ")}`);
  return next;
}

/** Warm-up, zero, `requests` requests, dump: the dump's total is what those requests cost. */
async function countInstructions(
  dir: string,
  pid: number,
  origin: URL,
  route: BenchRoute,
  headers: Record<string, string>,
  expected: CapturedResponse,
  warmup: number,
  requests: number,
): Promise<Side> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    await send(agent, origin, route, headers, expected, warmup);
    await run("callgrind_control", ["--zero", String(pid)]);
    await send(agent, origin, route, headers, expected, requests);
    await run("callgrind_control", ["--dump", String(pid)]);
  } finally {
    agent.destroy();
  }
  const instructions = dumpTotal(dir, pid);
  return { requests, instructions, perRequest: instructions / requests };
}

/** `total` requests over CONCURRENCY kept-alive connections; each answer must be the captured one. */
async function send(
  agent: Agent,
  origin: URL,
  route: BenchRoute,
  headers: Record<string, string>,
  expected: CapturedResponse,
  total: number,
): Promise<void> {
  let sent = 0;
  const client = async () => {
    while (sent < total) {
      sent++;
      const response = await httpGet(origin, route.path, headers, agent);
      if (response.status !== expected.status || !response.body.equals(expected.body)) {
        throw new Error(`${route.path}: answered ${response.status} with other bytes while counted`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
}

/** The `totals:` (or `summary:`) Ir of this process's newest dump, `callgrind.out.<pid>.<n>`. */
function dumpTotal(dir: string, pid: number): number {
  const prefix = `callgrind.out.${pid}.`;
  const newest = readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)))
    .pop();
  if (!newest) throw new Error(`callgrind wrote no dump for process ${pid}`);
  const text = readFileSync(join(dir, newest), "utf8");
  const line = text.match(/^totals:\s+(\d+)/m) ?? text.match(/^summary:\s+(\d+)/m);
  if (!line?.[1]) throw new Error(`${newest} has no totals line`);
  return Number(line[1]);
}

function printTable(results: readonly RouteCount[]): string {
  return renderTable(
    ["route", "bytes", "real Ir/req", "const Ir/req", "ratio", `>= ${TARGETS.throughputRatio}`],
    results.map((result) => [
      result.route,
      count(result.bytes),
      count(result.real.perRequest),
      count(result.constant.perRequest),
      result.ratio.toFixed(3),
      result.pass ? "yes" : "NO",
    ]),
    ["left", "right", "right", "right", "right", "left"],
  );
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof OptionError ? `bench:instructions: ${error.message}` : error);
  process.exitCode = error instanceof OptionError ? 2 : 1;
}
