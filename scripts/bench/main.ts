/**
 * `npm run bench`: builds the production bundle (bundle.ts) and serves it in
 * workerd through Miniflare; then, by default, drives each content route
 * (routes.ts) with wrk against a Worker that returns the same bytes as a
 * constant, in ABBA order (abba.ts); with --soak, every route in turn at
 * high concurrency, in rounds (soak.ts); with --profile, where each route's
 * CPU goes on both Workers (profile.ts). options.ts lists the flags, wrk.ts
 * says why the load settings are what they are.
 */
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { abba } from "./abba";
import { BUNDLE_BUDGET_GZIP_KIB, buildBundle } from "./bundle";
import { onExit } from "./exit-cleanup";
import { machineInfo } from "./machine";
import { type BenchOptions, OptionError, readOptions, USAGE } from "./options";
import { hasCommand, hasProc, pinSelf } from "./proc";
import { profile } from "./profile";
import { kib } from "./report";
import { BENCH_ROUTES, type BenchRoute, routeLabel, SOAK_ROUTES } from "./routes";
import { soak } from "./soak";
import { readWorkerConfig } from "./wrangler-config";
import { MissingToolError, WRK_INSTALL_HINT } from "./wrk";

/** What every mode runs on: the built bundle, its configuration, the routes chosen, and where wrk runs. */
export type BenchRun = Awaited<ReturnType<typeof prepare>>;

async function prepare(options: BenchOptions) {
  const all = options.mode === "soak" ? SOAK_ROUTES : BENCH_ROUTES;
  const filter = options.routeFilter;
  const routes: readonly BenchRoute[] = all.filter((route) => !filter || routeLabel(route).includes(filter));
  if (routes.length === 0) throw new OptionError(`no route matches "${filter}"`);
  if (!hasCommand("wrk")) throw new MissingToolError(WRK_INSTALL_HINT);
  const workDir = await mkdtemp(join(tmpdir(), "bench-"));
  onExit(() => rmSync(workDir, { recursive: true, force: true }));
  const machine = machineInfo();
  log(`${machine.cpuModel}, ${machine.cores} cores; Node.js ${machine.node}; ${machine.workerd}; ${machine.wrk}`);
  const config = readWorkerConfig(options.configPath);
  // A profile names the Worker's functions: minifying renames them (profile.ts).
  const unminified = options.mode === "profile";
  const bundle = await buildBundle(options.configPath, config.main, join(workDir, "bundle"), { unminified });
  log(
    `bundle (${options.configPath}${unminified ? ", unminified" : ""}): ` +
      `${kib(bundle.rawBytes)}, ${kib(bundle.gzipBytes)} gzip -9 ` +
      `(budget ${BUNDLE_BUDGET_GZIP_KIB} KiB, checked by npm test)`,
  );
  const wrkCores = pin(options);
  log(wrkCores ? `wrk on core ${wrkCores}, this process and workerd on the last` : "not pinned: wrk and workerd share");
  return { options, machine, config, bundle, routes, workDir, wrkCores };
}

/** Pins this process (so every workerd it starts) to the last core; returns the cores left for wrk. */
function pin(options: BenchOptions): string | undefined {
  const cores = availableParallelism();
  if (!options.pin || cores < 2 || !hasProc || !hasCommand("taskset")) return undefined;
  pinSelf(String(cores - 1));
  return cores === 2 ? "0" : `0-${cores - 2}`;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

try {
  const options = readOptions(process.argv.slice(2));
  if (options) {
    const run = await prepare(options);
    process.exitCode = await { abba, soak, profile }[options.mode](run);
  } else log(USAGE);
} catch (error) {
  const known = error instanceof OptionError || error instanceof MissingToolError;
  const flag = error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
  console.error(known || flag ? `bench: ${(error as Error).message}${flag ? `\n\n${USAGE}` : ""}` : error);
  process.exitCode = known || flag ? 2 : 1;
}
