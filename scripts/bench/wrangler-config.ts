/**
 * What the Worker runs with, read from wrangler.toml by wrangler's own
 * parser (the same one `wrangler dev` and `wrangler deploy` use), so the
 * benchmark never drifts from the configuration.
 */
import { dirname, resolve } from "node:path";
import { unstable_readConfig } from "wrangler";

export interface WorkerConfig {
  name: string;
  /** Absolute path of the entry module (`main`). */
  main: string;
  compatibilityDate: string;
  compatibilityFlags: string[];
  /** Plain-text `[vars]`, as the Worker sees them. */
  vars: Record<string, string>;
  /** `[[ratelimits]]` bindings by name. */
  ratelimits: Record<string, { namespaceId: string; simple: { limit: number; period: 10 | 60 } }>;
  /** `[assets]`: the folder (absolute), the binding the Worker reads it through, and the paths the Worker sees first. */
  assets?: { directory: string; binding: string | undefined; runWorkerFirst: string[] | boolean | undefined };
  /** `[[d1_databases]]` by binding: the database's id and its migrations folder (absolute). */
  d1Databases: Record<string, { databaseId: string; migrationsDir: string }>;
}

export function readWorkerConfig(configPath = "wrangler.toml"): WorkerConfig {
  const config = unstable_readConfig({ config: configPath }, { hideWarnings: true });
  if (!config.main) throw new Error(`${configPath} has no "main"`);
  if (!config.compatibility_date) throw new Error(`${configPath} has no "compatibility_date"`);
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.vars)) {
    // JSON vars reach the Worker as objects; this project only has strings, and the benchmark keeps it honest.
    if (typeof value !== "string") throw new Error(`${configPath}: [vars] ${name} is not a string`);
    vars[name] = value;
  }
  const ratelimits: WorkerConfig["ratelimits"] = {};
  for (const binding of config.ratelimits) {
    ratelimits[binding.name] = { namespaceId: binding.namespace_id, simple: binding.simple };
  }
  const d1Databases: WorkerConfig["d1Databases"] = {};
  for (const database of config.d1_databases) {
    d1Databases[database.binding] = {
      // Locally, only a name for the database's file: any id will do.
      databaseId: database.database_id ?? database.binding,
      migrationsDir: resolve(dirname(configPath), database.migrations_dir ?? "migrations"),
    };
  }
  const assets = config.assets?.directory && {
    directory: resolve(dirname(configPath), config.assets.directory),
    binding: config.assets.binding,
    runWorkerFirst: config.assets.run_worker_first,
  };
  return {
    ...(assets && { assets }),
    ratelimits,
    d1Databases,
    name: config.name ?? "worker",
    main: config.main,
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: [...config.compatibility_flags],
    vars,
  };
}
