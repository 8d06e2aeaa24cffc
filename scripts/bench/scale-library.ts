/**
 * A synthetic library of N articles, built the way `npm run build` builds
 * content/ (the project's own compiler, timed and measured from outside), and
 * a Worker around it: the real src/worker.ts, its index and articles in an
 * assets folder, with wrangler.toml's settings otherwise.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { CONTENT_ASSETS } from "../../src/content/content-assets";
import { writeSyntheticLibrary } from "../content/synthetic/library";
import type { WorkerConfig } from "./wrangler-config";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");

export interface BuildRun {
  seconds: number;
  /** The largest resident set of the build's processes (GNU time's %M). */
  peakMiB: number;
}

export interface ScaleLibrary {
  slugs: string[];
  /** wrangler configuration of the Worker around the library. */
  configPath: string;
  /** The content build. */
  cold: BuildRun;
  /** The content build again after editing one article. */
  incremental: BuildRun;
  /** The whole-article bodies rendered from the content build's files: all, then after the edit. */
  bodies: { cold: BuildRun; incremental: BuildRun };
}

export async function buildScaleLibrary(count: number, dir: string, config: WorkerConfig): Promise<ScaleLibrary> {
  const contentDir = join(dir, "content");
  mkdirSync(join(dir, "worker"), { recursive: true });
  const { slugs } = writeSyntheticLibrary({ count, out: contentDir });
  const outDir = join(dir, "assets", CONTENT_ASSETS);
  const compile = () =>
    timed("scripts/content/compile.ts", [
      ...["--content", contentDir, "--out", join(dir, "worker/library.ts")],
      ...["--out-dir", outDir, "--cache", join(dir, "cache")],
    ]);
  const renderBodies = () => timed("scripts/bodies/build-article-bodies.ts", ["--out-dir", outDir]);
  const cold = await compile();
  const bodiesCold = await renderBodies();
  const [edited] = slugs;
  if (!edited) throw new Error("the synthetic library is empty");
  const article = join(contentDir, edited, "article.md");
  writeFileSync(article, readFileSync(article, "utf8").replace(/^title: (.*)$/m, "title: $1, edited"));
  const incremental = await compile();
  const bodies = { cold: bodiesCold, incremental: await renderBodies() };
  return { slugs, configPath: writeWorker(dir, config), cold, incremental, bodies };
}

/** Runs one of the build's scripts under GNU time. */
async function timed(script: string, scriptArgs: string[]): Promise<BuildRun> {
  const args = ["-f", "BUILD %e %M", join(ROOT, "node_modules/.bin/tsx"), join(ROOT, script), ...scriptArgs];
  const { stderr } = await run("/usr/bin/time", args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const match = /BUILD ([\d.]+) (\d+)/.exec(stderr);
  if (!match) throw new Error(`no timing from the build:\n${stderr}`);
  return { seconds: Number(match[1]), peakMiB: Number(match[2]) / 1024 };
}

export interface SearchSeed {
  /** The seed `npm run build:search` writes, for this library's articles. */
  path: string;
  bytes: number;
  /** The seed builder's run, tsx's start included. */
  seconds: number;
}

/** Writes the library's search seed with the project's own seed builder, from the articles the build wrote in `dir`. */
export async function buildSearchSeed(dir: string): Promise<SearchSeed> {
  const path = join(dir, "search/seed.sql");
  const args = [join(ROOT, "scripts/search/build-search-index.ts")];
  args.push("--out-dir", join(dir, "assets", CONTENT_ASSETS), "--out", path);
  const started = performance.now();
  await run(join(ROOT, "node_modules/.bin/tsx"), args, { cwd: ROOT });
  return { path, bytes: statSync(path).size, seconds: (performance.now() - started) / 1000 };
}

/** The entry module and wrangler configuration of the Worker around the library in `dir`. */
function writeWorker(dir: string, config: WorkerConfig): string {
  const worker = join(ROOT, "src/worker.ts");
  const source = join(ROOT, "src/content/library-source.ts");
  writeFileSync(
    join(dir, "worker/index.ts"),
    [
      `import { createWorker } from ${JSON.stringify(worker)};`,
      `import { libraryInAssets } from ${JSON.stringify(source)};`,
      `import { builtLibrary } from "./library";`,
      "export default { fetch: createWorker(libraryInAssets(builtLibrary)).fetch };",
      "",
    ].join("\n"),
  );
  const configPath = join(dir, "wrangler.json");
  const wrangler = {
    name: config.name,
    main: "worker/index.ts",
    compatibility_date: config.compatibilityDate,
    compatibility_flags: config.compatibilityFlags,
    minify: true,
    keep_names: false,
    // wrangler.toml's assets settings, with this library's folder.
    assets: { directory: "assets", binding: config.assets?.binding, run_worker_first: config.assets?.runWorkerFirst },
    vars: config.vars,
    d1_databases: Object.entries(config.d1Databases).map(([binding, { databaseId, migrationsDir }]) => ({
      binding,
      database_id: databaseId,
      migrations_dir: migrationsDir,
    })),
    // A limit the benchmark cannot reach: it is one client sending thousands of requests, and not about the limiter.
    ratelimits: Object.entries(config.ratelimits).map(([name, { namespaceId, simple }]) => ({
      name,
      namespace_id: namespaceId,
      simple: { ...simple, limit: 1_000_000_000 },
    })),
  };
  writeFileSync(configPath, JSON.stringify(wrangler, null, 2));
  return configPath;
}
