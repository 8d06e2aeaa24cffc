/**
 * `npm run bench:scale -- --count N`: the library at scale. Builds a
 * synthetic library of N articles with the project's compiler (cold, then
 * after editing one article), bundles the real Worker around its index,
 * serves it with its articles as static assets, and measures start-up,
 * memory and throughput for one article repeated, for `--rotate` articles in
 * turn and for all N in turn, each after one warm-up pass over its paths
 * (so the first builds are not what is measured: what is kept per isolate
 * and what is not is), and the floor under all N (asset-read-worker.ts).
 * Then what a CDS Hooks request costs (scale-cds.ts), and, unless
 * `--no-search`, search (with `--only-search`, the build and search alone): the library's search seed built, the Worker
 * started again with its search database seeded, and throughput for a word
 * every article holds and for one few hold. BENCHMARKS.md records its figures.
 */
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startAssetReadWorker } from "./asset-read-worker";
import { type Bundle, buildBundle } from "./bundle";
import { onExit } from "./exit-cleanup";
import { httpGet } from "./http-get";
import { bundleWithLocalRateLimiter, withAssets } from "./miniflare-workers";
import { wholeFlag } from "./options";
import { CpuMeter } from "./proc";
import { type RunningWorker, startBundle, startWorker } from "./real-worker";
import { kib, writeResults } from "./report";
import { type CdsCost, measureCds } from "./scale-cds";
import { buildScaleLibrary, buildSearchSeed, type SearchSeed } from "./scale-library";
import { type Seeding, seedSearch, startSearchWorker } from "./scale-search";
import { measureStart } from "./scale-start";
import { readWorkerConfig, type WorkerConfig } from "./wrangler-config";
import { Wrk, type WrkResult, warmUp } from "./wrk";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    rotate: { type: "string", default: "500" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    // One client searching back to back: req/s is then one over a search's time and p99 its tail. With more,
    // p99 is the queue's length, and a search slow at scale waits past wrk's timeout and is not counted.
    "search-connections": { type: "string", default: "1" },
    // --no-search: the article loads only, without building and seeding the search index.
    search: { type: "boolean", default: true },
    // --only-search: the content build and search alone, without start-up, the article loads and CDS Hooks.
    "only-search": { type: "boolean", default: false },
  },
  allowNegative: true,
});
const count = wholeFlag("count", values.count, 1, 20_000);
const rotate = wholeFlag("rotate", values.rotate, 1, 20_000);
const seconds = wholeFlag("duration", values.duration, 1, 60);
const connections = wholeFlag("connections", values.connections, 1, 256);
const searchConnections = wholeFlag("search-connections", values["search-connections"], 1, 256);
const HOST = "health.example";
/** Searched for in the search loads: a word every synthetic article holds, and one that few hold. */
const SEARCH_WORDS = { common: "leg", rare: "quinine" };
/** Not the soak's port, so the two can run side by side. */
const HEAP_INSPECTOR_PORT = 9331;

const dir = await mkdtemp(join(tmpdir(), "bench-scale-"));
onExit(() => rmSync(dir, { recursive: true, force: true }));

async function main(): Promise<void> {
  log(`== ${count} synthetic article(s): content build (cold, then one article edited) ==`);
  const library = await buildScaleLibrary(count, dir, readWorkerConfig());
  log(`cold: ${library.cold.seconds.toFixed(1)} s, peak ${library.cold.peakMiB.toFixed(0)} MiB`);
  log(`incremental: ${library.incremental.seconds.toFixed(1)} s, peak ${library.incremental.peakMiB.toFixed(0)} MiB`);
  const { bodies } = library;
  log(`bodies: ${bodies.cold.seconds.toFixed(1)} s, after the edit ${bodies.incremental.seconds.toFixed(1)} s`);
  const config = readWorkerConfig(library.configPath);
  const bundle = await buildBundle(library.configPath, config.main, join(dir, "bundle"));
  log(`bundle: ${kib(bundle.rawBytes)} raw, ${kib(bundle.gzipBytes)} gzip`);
  const onlySearch = values["only-search"];
  if (onlySearch && !values.search) throw new Error("--only-search and --no-search leave nothing to measure");
  const { startup, started } = onlySearch
    ? { startup: undefined, started: undefined }
    : await measureStart(bundle, config, {
        host: HOST,
        dir,
        slug: library.slugs[0] ?? "",
        inspectorPort: HEAP_INSPECTOR_PORT,
      });
  const results = onlySearch ? undefined : await measureLoads(bundle, config, library.slugs);
  const cds = onlySearch ? undefined : await measureCdsAtScale(bundle, config);
  const search = values.search ? await measureSearch(bundle, config) : undefined;
  const out = `.bench/scale-${count}.json`;
  await writeResults(out, { count, library, bundle, startup, started, results, cds, search });
  log(`written: ${out}`);
}

/** One article repeated, `--rotate` in turn, all in turn; then all in turn on a Worker that only reads them. */
async function measureLoads(bundle: Bundle, config: WorkerConfig, slugs: string[]) {
  const paths = slugs.map((slug) => `/v1/articles/${slug}`);
  const [all, allLocalLimiter] = [`rotating-${count}`, `rotating-${count}-local-limiter`];
  const [floor, limitedFloor] = [`asset-read-${count}`, `asset-read-${count}-rate-limited`];
  const runs: [() => Promise<RunningWorker>, Record<string, string[]>][] = [
    [
      () => startBundle(bundle, config, HOST),
      { one: paths.slice(0, 1), [`rotating-${Math.min(rotate, count)}`]: paths.slice(0, rotate), [all]: paths },
    ],
    // All in turn again, the rate limiting binding answered in the Worker's memory, not by Miniflare's Durable Object.
    [
      () => startWorker(withAssets(bundleWithLocalRateLimiter(bundle, config), config), HOST),
      { [allLocalLimiter]: paths },
    ],
    // The floor under every article in turn: the same paths, each only read from the assets.
    [() => startAssetReadWorker(config, HOST), { [floor]: paths }],
    // The same read behind the rate limiting binding's call, which every routed request pays.
    [() => startAssetReadWorker(config, HOST, { rateLimited: true }), { [limitedFloor]: paths }],
  ];
  const results: Record<string, WrkResult> = {};
  for (const [start, loads] of runs) {
    const worker = await start();
    try {
      for (const [name, some] of Object.entries(loads)) results[name] = await load(worker, name, some, connections);
    } finally {
      await worker.dispose();
    }
  }
  const rate = (name: string) => results[name]?.requestsPerSecond ?? Number.NaN;
  for (const name of Object.keys(results))
    if (name !== "one") log(`${name} / one: ${(rate(name) / rate("one")).toFixed(2)}`);
  for (const name of [all, allLocalLimiter]) log(`${name} / the floor: ${(rate(name) / rate(floor)).toFixed(2)}`);
  log(`${all} / the rate-limited floor: ${(rate(all) / rate(limitedFloor)).toFixed(2)}`);
  return results;
}

/** The Worker's CPU for the smallest and the worst CDS Hooks body it accepts, on a Worker of its own. */
async function measureCdsAtScale(bundle: Bundle, config: WorkerConfig): Promise<CdsCost> {
  log("== CDS Hooks: one coding against the worst body accepted ==");
  const worker = await startBundle(bundle, config, HOST);
  try {
    const cost = await measureCds(worker, HOST);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
    log(
      `cds: one coding ${median(cost.oneMs).toFixed(2)} ms CPU (${cost.bytes.one} B), worst ${median(cost.worstMs).toFixed(2)} ms ` +
        `(${cost.bytes.worst} B); worst / one, median of rounds: ${cost.ratio.toFixed(2)}`,
    );
    return cost;
  } finally {
    await worker.dispose();
  }
}
interface SearchResults {
  /** The seed's size and how long the build took to write it. */
  seed: Omit<SearchSeed, "path">;
  seeding: Seeding;
  /** By load name: the words searched, how many articles hold them, and the run. */
  results: Record<string, { q: string; total: number; wrk: WrkResult }>;
}

/**
 * `GET /v1/search` against the whole library: the seed built, the real
 * Worker started with the search database and the seed applied, then a
 * load for each of SEARCH_WORDS that finds articles.
 */
async function measureSearch(bundle: Bundle, config: WorkerConfig): Promise<SearchResults> {
  log("== search ==");
  const seed = await buildSearchSeed(dir);
  log(`seed: ${mib(seed.bytes)} built in ${seed.seconds.toFixed(1)} s`);
  const worker = await startSearchWorker(bundle, config, HOST);
  try {
    const seeding = await seedSearch(worker.database, config, seed.path);
    log(
      `seeded: ${seeding.statements} statements in ${seeding.seconds.toFixed(1)} s, ` +
        `database ${mib(seeding.databaseBytes)}`,
    );
    const results: SearchResults["results"] = {};
    for (const [name, q] of Object.entries(SEARCH_WORDS)) {
      const path = `/v1/search?${new URLSearchParams({ q })}`;
      const { status, body } = await httpGet(worker.origin, path, { Host: HOST });
      if (status !== 200) throw new Error(`${path} answered ${status}`);
      const { total, totalIsLowerBound } = JSON.parse(body.toString()) as {
        total: number;
        totalIsLowerBound?: boolean;
      };
      log(`search "${q}": ${totalIsLowerBound ? "at least " : ""}${total} article(s) of ${count}`);
      // A small library may not hold the rare word; a search that finds nothing is not the load meant.
      if (total === 0) continue;
      results[name] = { q, total, wrk: await load(worker, `search-${name}`, [path], searchConnections) };
    }
    return { seed: { bytes: seed.bytes, seconds: seed.seconds }, seeding, results };
  } finally {
    await worker.dispose();
  }
}

/** One wrk run over `paths` in turn, after one warm-up pass over them. */
async function load(worker: RunningWorker, name: string, paths: string[], connections: number): Promise<WrkResult> {
  const requests = paths.map((path) => ({ path, headers: { Host: HOST } }));
  const wrk = await Wrk.prepare(dir, requests);
  await warmUp(worker.origin, requests);
  const meter = new CpuMeter(worker.pid === undefined ? [] : [worker.pid]);
  const result = await wrk.run(worker.origin, worker.pid, { seconds, connections }, meter);
  log(
    `${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${(result.latencyUs.p99 / 1000).toFixed(1)} ms, ` +
      `${result.errors} error(s)`,
  );
  return result;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function log(line: string): void {
  console.log(line);
}

await main();
