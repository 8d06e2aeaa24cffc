/**
 * `npm run bench:profile -- --route TEXT`: where the Worker's time goes under
 * load. Serves the production bundle in workerd with V8's inspector open,
 * drives the first matching route with wrk as `npm run bench` does, takes a
 * sampling CPU profile over the inspector protocol meanwhile, and prints the
 * functions with the most self time (minified names, with their position in
 * the bundle: `--keep-bundle` keeps it, with its source map, to look them up).
 *
 * A loop in one isolate (`npm run bench:handler`) keeps code and data hot and
 * showed a quarter of the per-request cost this finds under load; this is how
 * the copying of Uint8Array bodies and the cost of keeping recency order
 * were found (BENCHMARKS.md).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { buildBundle } from "./bundle";
import { CpuMeter } from "./cpu-meter";
import { connect } from "./inspector";
import { bundleEntry, LOOPBACK, withAssets } from "./miniflare-workers";
import { OptionError, readOptions, USAGE } from "./options";
import { BENCH_ROUTES, routeLabel } from "./routes";
import { readWorkerConfig } from "./wrangler-config";
import { Wrk } from "./wrk";

const INSPECTOR_PORT = 9329;
/** Microseconds between samples: fine enough for functions that take a few µs a request. */
const SAMPLING_INTERVAL_US = 50;
const TOP = 20;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2), process.env);
  if (!options) {
    console.log(`Usage: npm run bench:profile [-- --route TEXT --duration N --keep-bundle]\n\n${USAGE}`);
    return 0;
  }
  const filter = options.routeFilter ?? "embed.js";
  const route = BENCH_ROUTES.find((candidate) => routeLabel(candidate).includes(filter));
  if (!route) throw new OptionError(`no route matches "${filter}"`);
  const workDir = await mkdtemp(join(tmpdir(), "bench-profile-"));
  const wrk = await Wrk.prepare(workDir);
  const config = readWorkerConfig(options.configPath);
  const bundle = await buildBundle(options.configPath, config.main, options.keepBundle);
  if (options.keepBundle) console.log(`bundle kept in ${bundle.dir}`);
  const mf = new Miniflare({
    host: LOOPBACK,
    port: 0,
    cf: false,
    inspectorPort: INSPECTOR_PORT,
    workers: withAssets(bundleEntry(bundle, config), config),
  });
  try {
    await mf.ready;
    const target = {
      origin: await mf.unsafeGetDirectURL(),
      path: route.path,
      headers: { Host: options.host, ...route.headers },
      serverPid: undefined,
    };
    const settings = { connections: options.connections, threads: options.threads, cores: undefined };
    const meter = new CpuMeter([process.pid]);
    await wrk.run(target, { ...settings, seconds: Math.max(1, options.warmupSeconds) }, meter);
    const inspector = await connect(INSPECTOR_PORT);
    await inspector.send("Profiler.enable");
    await inspector.send("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
    await inspector.send("Profiler.start");
    const result = await wrk.run(target, { ...settings, seconds: options.durationSeconds }, meter);
    const { profile } = (await inspector.send("Profiler.stop")) as { profile: Profile };
    inspector.close();
    console.log(
      `${routeLabel(route)}: ${Math.round(result.requestsPerSecond).toLocaleString("en")} req/s while profiled`,
    );
    console.log(
      `share of samples (${profile.samples.length}), by self time; "(idle)" includes workerd's own I/O work\n`,
    );
    for (const [name, share] of selfTimeShares(profile).slice(0, TOP)) {
      console.log(`${(share * 100).toFixed(1).padStart(5)} %  ${name}`);
    }
  } finally {
    await mf.dispose();
    if (!options.keepBundle) bundle.dispose();
    await rm(workDir, { recursive: true, force: true });
  }
  return 0;
}

/** Each function's share of the samples that landed in it (not in what it called). */
function selfTimeShares(profile: Profile): [string, number][] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    const where = frame.url ? ` ${frame.url.split("/").pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : "";
    const name = `${frame.functionName || "(anonymous)"}${where}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]): [string, number] => [name, count / profile.samples.length])
    .sort((a, b) => b[1] - a[1]);
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof OptionError ? `bench:profile: ${error.message}` : error);
  process.exitCode = error instanceof OptionError ? 2 : 1;
}
