/**
 * `npm run bench`: the production bundle's size and start-up, then each
 * content route under load against a Worker that returns the same bytes as
 * a constant, then the handler's in-process cost. routes.ts lists the
 * routes, options.ts the settings, wrk.ts why the load settings are what
 * they are.
 */
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { buildBundle } from "./bundle";
import { CpuMeter } from "./cpu-meter";
import { onExit } from "./exit-cleanup";
import { benchHandlers } from "./handler";
import { compareLoad, type LoadRun } from "./load";
import { machineInfo } from "./machine";
import { type BenchOptions, OptionError, readOptions, TARGETS, USAGE } from "./options";
import { hasCommand, hasProc, pinSelf } from "./proc";
import {
  type BenchResults,
  printBundle,
  printDiagnostics,
  printHandler,
  printLoad,
  printStartup,
  type RouteResult,
  writeResults,
} from "./report";
import { BENCH_ROUTES, type BenchRoute, routeLabel } from "./routes";
import { serveBoth } from "./serve";
import { count, micros } from "./table";
import { readWorkerConfig } from "./wrangler-config";
import { MissingToolError, Wrk } from "./wrk";

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2), process.env);
  if (!options) {
    log(`Usage: npm run bench [-- options]\n\n${USAGE}`);
    return 0;
  }
  const routes = selectRoutes(options);
  const workDir = await mkdtemp(join(tmpdir(), "bench-wrk-"));
  onExit(() => rmSync(workDir, { recursive: true, force: true }));
  // First, before anything slow: without wrk there is nothing to measure.
  const wrk = await Wrk.prepare(workDir);

  const config = readWorkerConfig(options.configPath);
  const machine = machineInfo();
  const perRoute = options.warmupSeconds * 2 + options.durationSeconds * 4 * options.rounds;
  log(`${machine.cpuModel}, ${machine.cores} cores; Node.js ${machine.node}; ${machine.workerd}; ${machine.wrk}`);
  log(`${routes.length} route(s), at least ${Math.ceil((routes.length * perRoute) / 60)} min of load\n`);

  log(`== Bundle: wrangler deploy --dry-run (${options.configPath}) ==`);
  const bundle = await buildBundle(options.configPath, config.main, options.keepBundle);
  if (options.keepBundle) log(`bundle kept in ${bundle.dir}`);
  const bundleSummary: BenchResults["bundle"] = {
    modules: bundle.modules,
    rawBytes: bundle.rawBytes,
    gzipBytes: bundle.gzipBytes,
    buildMs: bundle.buildMs,
    pass: bundle.gzipBytes <= TARGETS.gzipKiB * 1024,
  };
  log(printBundle({ bundle: bundleSummary }));

  const pinning = pin(options);
  log(
    pinning
      ? `\nwrk pinned to core ${pinning.wrk}; this process and workerd to core ${pinning.workerd}`
      : "\nnot pinned: wrk and workerd share the cores",
  );

  log("\n== Start-up: the bundle in workerd (Miniflare), direct loopback socket ==");
  const served = await serveBoth(bundle, config, routes, options.host);
  const routeResults: RouteResult[] = [];
  try {
    log(printStartup(served));
    log("verified: each constant Worker returns the real Worker's status, headers and body bytes");

    log(
      `\n== Load: wrk -t ${options.threads} -c ${options.connections} -d ${options.durationSeconds}s, ` +
        `ABBA x ${options.rounds} per route after ${options.warmupSeconds}s warm-up each ==`,
    );
    const meter = new CpuMeter(served.pids);
    for (const { route, headers, response, constant } of served.routes) {
      log(routeLabel(route));
      const comparison = await compareLoad(wrk, { real: served.real, constant }, route.path, headers, {
        settings: {
          seconds: options.durationSeconds,
          connections: options.connections,
          threads: options.threads,
          cores: pinning?.wrk,
        },
        warmupSeconds: options.warmupSeconds,
        rounds: options.rounds,
        retries: options.retries,
        meter,
        onRun: (run, discarded) => log(runLine(run) + (discarded ? "  (disturbed: repeating)" : "")),
      });
      routeResults.push({
        route: routeLabel(route),
        path: route.path,
        headers: { ...route.headers },
        bytes: response.body.byteLength,
        ...comparison,
        pass: comparison.ratio >= TARGETS.throughputRatio && comparison.runs.every((run) => run.errors === 0),
      });
    }
  } finally {
    await served.dispose();
  }

  let handler: BenchResults["handler"] = null;
  if (!options.skipHandler) {
    log("\n== Handler: fetch calls with no network, inside workerd ==");
    handler = await benchHandlers(bundle, config, routes, options.host, machine.workerd, (result) =>
      log(`  ${result.route}: ${(result.handler.avgNs / 1000).toFixed(2)} µs/call`),
    );
  }
  if (!options.keepBundle) bundle.dispose();

  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine,
    settings: {
      config: options.configPath,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      rounds: options.rounds,
      connections: options.connections,
      threads: options.threads,
      pinning,
      host: options.host,
      socket: "workerd direct socket on 127.0.0.1 (no Miniflare entry Worker)",
    },
    targets: TARGETS,
    bundle: bundleSummary,
    startup: served.startup,
    cold: served.cold,
    routes: routeResults,
    handler,
  };
  await writeResults(options.outFile, results);
  log(summary(results));
  log(`\nJSON: ${options.outFile}`);

  const failed = !results.bundle.pass || routeResults.some((route) => !route.pass);
  return failed && options.check ? 1 : 0;
}

function summary(results: BenchResults): string {
  const { machine } = results;
  return [
    "\n================ Results ================",
    `${machine.cpuModel}, ${machine.cores} cores, Node.js ${machine.node}, ${machine.workerd}\n`,
    printLoad(results),
    "\np50/p99: mean over the runs of wrk's latency percentiles (wrk corrects for coordinated omission).",
    `ratio: mean real req/s over mean constant req/s; target >= ${TARGETS.throughputRatio}.`,
    "*: the runs were disturbed or uneven (see warnings below); repeat before trusting this verdict.\n",
    printDiagnostics(results),
    "\nCPU/req: workerd CPU time per request, from /proc. CPU ratio: const CPU/req over real CPU/req, the",
    "throughput ratio a CPU-bound server reaches; steadier than req/s when other processes share the machine.\n",
    printBundle(results),
    "",
    printStartup(results),
    ...(results.handler ? ["", printHandler(results.handler)] : []),
  ].join("\n");
}

function selectRoutes(options: BenchOptions): BenchRoute[] {
  const filter = options.routeFilter;
  const routes = filter ? BENCH_ROUTES.filter((route) => routeLabel(route).includes(filter)) : [...BENCH_ROUTES];
  if (routes.length === 0) throw new OptionError(`no route matches "${filter}"`);
  return routes;
}

/** Pins wrk to the first core(s) and this process (so every workerd it starts) to the last. */
function pin(options: BenchOptions): { wrk: string; workerd: string } | null {
  const cores = availableParallelism();
  if (!options.pin || cores < 2 || !hasProc || !hasCommand("taskset")) return null;
  const workerd = String(cores - 1);
  pinSelf(workerd);
  return { wrk: cores === 2 ? "0" : `0-${cores - 2}`, workerd };
}

function runLine(run: LoadRun): string {
  const cpu = (value: number | undefined) => (value === undefined ? "?" : value.toFixed(2));
  return (
    `  ${run.order}. ${run.side.padEnd(8)} ${count(run.requestsPerSecond).padStart(7)} req/s` +
    `  p50 ${micros(run.latencyUs.p50).padStart(8)}  p99 ${micros(run.latencyUs.p99).padStart(8)}` +
    `  cores: workerd ${cpu(run.cpu.server)} wrk ${cpu(run.cpu.client)} other ${cpu(run.cpu.other)}` +
    (run.errors > 0 ? `  ERRORS ${run.errors}` : "")
  );
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof OptionError || error instanceof MissingToolError) {
    console.error(`bench: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`bench: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error("bench failed:", error);
    process.exitCode = 1;
  }
}
