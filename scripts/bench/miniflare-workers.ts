/**
 * Workers as Miniflare 5 takes them: `config` is what the Worker is (its
 * modules, compatibility date and flags, bindings), `dev` how it is served
 * here. Every Worker the benchmarks start is described by this module, so
 * the real, constant, one-line and asset-read Workers all run the same way:
 * each on a loopback socket that goes straight to it, with no Miniflare
 * entry Worker in front (production has none either).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MiniflareOptions } from "miniflare";
import type { Bundle } from "./bundle";
import type { WorkerConfig } from "./wrangler-config";

export const LOOPBACK = "127.0.0.1";

export type WorkerEntry = MiniflareOptions["workers"][number];
type Manifest = NonNullable<WorkerEntry["config"]["manifest"]>;
type ManifestModule = Manifest["modules"][string];
type Binding = NonNullable<WorkerEntry["config"]["env"]>[string];

/** A Worker's code: module names relative to `modulesRoot`, with their contents. */
export interface WorkerCode {
  modulesRoot: string;
  mainModule: string;
  modules: Record<string, ManifestModule>;
}

/** One Worker, with wrangler.toml's compatibility date and flags. */
export function workerEntry(
  name: string,
  code: WorkerCode,
  config: Pick<WorkerConfig, "compatibilityDate" | "compatibilityFlags">,
  env: Record<string, Binding> = {},
): WorkerEntry {
  return {
    config: {
      name,
      compatibilityDate: config.compatibilityDate,
      compatibilityFlags: config.compatibilityFlags,
      manifest: code,
      env,
    },
    dev: { unsafeDirectSockets: [{ host: LOOPBACK, port: 0 }] },
  };
}

/** The built bundle's modules, read from its folder: Miniflare 5 takes contents, not paths. */
export function bundleCode(bundle: Bundle): WorkerCode {
  const modules: Record<string, ManifestModule> = {};
  for (const module of bundle.modules) {
    const path = join(bundle.dir, module.path);
    const { type } = module;
    const binary = type === "data" || type === "wasm";
    modules[module.path] = { type, contents: binary ? new Uint8Array(readFileSync(path)) : readFileSync(path, "utf8") };
  }
  const main = bundle.modules.find((module) => module.main);
  if (!main) throw new Error("the bundle has no main module");
  return { modulesRoot: bundle.dir, mainModule: main.path, modules };
}

/** wrangler.toml's `[vars]`, `[[ratelimits]]` and assets binding, as the Worker's bindings. */
export function configEnv(config: WorkerConfig): Record<string, Binding> {
  const env: Record<string, Binding> = {};
  for (const [name, value] of Object.entries(config.vars)) env[name] = { type: "text", value };
  for (const [name, { namespaceId, simple }] of Object.entries(config.ratelimits)) {
    env[name] = { type: "rate-limit", namespace: namespaceId, simple };
  }
  if (config.assets?.binding) env[config.assets.binding] = { type: "worker", worker: assetsWorkerName(config) };
  return env;
}

/** The built bundle with wrangler.toml's dates, flags, vars, rate limits and assets (or `env`). */
export function bundleEntry(bundle: Bundle, config: WorkerConfig, env = configEnv(config)): WorkerEntry {
  return workerEntry(config.name, bundleCode(bundle), config, env);
}

/**
 * The Workers to start for `entry`: it, and when wrangler.toml has assets,
 * a Worker that only serves them, which the assets binding calls. On
 * Cloudflare the assets and the routing in front of a Worker run outside
 * it; in Miniflare, a Worker with `assets` gets a router Worker in front of
 * it in the same workerd, which would be measured as the Worker's own cost.
 */
export function withAssets(entry: WorkerEntry, config: WorkerConfig): WorkerEntry[] {
  if (!config.assets) return [entry];
  const assets: WorkerEntry = {
    config: {
      name: assetsWorkerName(config),
      compatibilityDate: config.compatibilityDate,
      // Miniflare wants code for every Worker; with no user Worker, the assets service never calls it.
      manifest: {
        modulesRoot: config.assets.directory,
        mainModule: "unused.mjs",
        modules: { "unused.mjs": { type: "esm", contents: UNUSED_WORKER } },
      },
      assets: { directory: config.assets.directory, hasUserWorker: false },
    },
    dev: {},
  };
  return [entry, assets];
}

const UNUSED_WORKER = "export default { fetch() { return new Response(null, { status: 404 }); } };";

function assetsWorkerName(config: WorkerConfig): string {
  return `${config.name}-assets`;
}

/**
 * `workers` (as `withAssets` gives them) with each rate limiting binding of
 * the first answered by a Worker of the bench's own: a fixed-window counter
 * kept in that Worker's memory, called over RPC. Miniflare simulates the
 * binding with a fetch to a Durable Object for every `limit()`, which costs
 * workerd more CPU than a miss's whole work; Cloudflare keeps the counters on
 * the machine the Worker runs on. This shows the Worker's own cost without
 * that simulation, beside the runs with it.
 */
export function withLocalRateLimiter(workers: readonly WorkerEntry[], config: WorkerConfig): WorkerEntry[] {
  const [entry, ...others] = workers;
  if (!entry) throw new Error("no Worker to give a rate limiter");
  const name = `${config.name}-local-ratelimit`;
  const env = { ...entry.config.env };
  for (const binding of Object.keys(config.ratelimits)) env[binding] = { type: "worker", worker: name };
  const limiter = workerEntry(
    name,
    {
      modulesRoot: "/bench-ratelimit",
      mainModule: "limiter.mjs",
      modules: {
        "limiter.mjs": { type: "esm", contents: LOCAL_RATE_LIMITER },
      },
    },
    config,
  );
  return [{ ...entry, config: { ...entry.config, env } }, ...others, { ...limiter, dev: {} }];
}

/** What the platform's binding answers, counted per key in 60-second windows; the bench's limit is never reached. */
const LOCAL_RATE_LIMITER = `import { WorkerEntrypoint } from "cloudflare:workers";
const counts = new Map();
export default class extends WorkerEntrypoint {
  limit({ key }) {
    const window = Math.floor(Date.now() / 60000);
    const id = window + " " + key;
    const count = (counts.get(id) ?? 0) + 1;
    if (counts.size > 10000) counts.clear();
    counts.set(id, count);
    return { success: count <= 1000000000 };
  }
}
`;
