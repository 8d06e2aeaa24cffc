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
 * The built bundle as `bundleEntry` gives it, but with each rate limiting
 * binding answered in the Worker's own isolate: a module of the bench's
 * wraps the bundle's main module and hands its `fetch` an env whose
 * limiters are fixed-window counters in memory. Miniflare 5 simulates the
 * binding with a fetch to a Durable Object whose counters are in SQLite,
 * which costs workerd more CPU than a miss's whole work; Cloudflare keeps
 * the binding's counters on the machine the Worker runs on and updates them
 * in the background (developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/,
 * "Performance"). This shows the Worker's own cost with a call that
 * costs what an in-memory count costs, beside the runs with Miniflare's.
 */
export function bundleWithLocalRateLimiter(bundle: Bundle, config: WorkerConfig): WorkerEntry {
  const code = bundleCode(bundle);
  const wrapper = localRateLimiterModule(code.mainModule, Object.keys(config.ratelimits));
  const modules = { ...code.modules, [LOCAL_LIMITER_MODULE]: { type: "esm" as const, contents: wrapper } };
  return workerEntry(config.name, { ...code, mainModule: LOCAL_LIMITER_MODULE, modules }, config, configEnv(config));
}

const LOCAL_LIMITER_MODULE = "bench-local-rate-limiter.mjs";

/** The wrapping module: what the platform's binding answers, counted per key in 60-second windows; the bench never reaches the limit. */
const localRateLimiterModule = (
  mainModule: string,
  bindings: readonly string[],
) => `import worker from ${JSON.stringify(`./${mainModule}`)};
const counts = new Map();
const limiter = {
  async limit({ key }) {
    const id = Math.floor(Date.now() / 60000) + " " + key;
    const count = (counts.get(id) ?? 0) + 1;
    if (counts.size > 10000) counts.clear();
    counts.set(id, count);
    return { success: count <= 1000000000 };
  },
};
const envs = new WeakMap();
function withLimiters(env) {
  let local = envs.get(env);
  if (!local) envs.set(env, (local = { ...env, ${bindings.map((name) => `${JSON.stringify(name)}: limiter`).join(", ")} }));
  return local;
}
export default { fetch: (request, env, context) => worker.fetch(request, withLimiters(env), context) };
`;
