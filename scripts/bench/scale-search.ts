/**
 * The scale benchmark's search section: the real Worker with its `SEARCH`
 * binding, a D1 database in Miniflare's own simulation (workerd's SQLite, as
 * `wrangler dev` runs it), seeded with the library's seed. The seed is
 * applied through Miniflare's binding in batches of statements rather than
 * with `wrangler d1 execute --local --file`, which fails on a seed of
 * hundreds of megabytes (docs/scale-evaluation.md).
 */
import { createReadStream, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Miniflare } from "miniflare";
import { unstable_splitSqlQuery } from "wrangler";
import type { Bundle } from "./bundle";
import { bundleEntry, configEnv, withAssets } from "./miniflare-workers";
import { type RunningWorker, startWorker } from "./real-worker";
import type { WorkerConfig } from "./wrangler-config";

/** The binding src/search/ reads. */
const SEARCH_BINDING = "SEARCH";
/** Seed bytes per batch: one round trip to workerd and one transaction each. */
const BATCH_BYTES = 8 * 1024 * 1024;

type Database = Awaited<ReturnType<Miniflare["getD1Database"]>>;

export interface Seeding {
  statements: number;
  seconds: number;
  /** The database file's size once seeded, as D1 reports it. */
  databaseBytes: number;
}

/**
 * The real Worker with its assets and an empty search database, which
 * `seedSearch` fills. The other starts have no D1 binding: it adds
 * Miniflare's D1 simulation to workerd, which the start-up figures would
 * count as the Worker's.
 */
export async function startSearchWorker(
  bundle: Bundle,
  config: WorkerConfig,
  host: string,
): Promise<RunningWorker & { database: Database }> {
  const database = config.d1Databases[SEARCH_BINDING];
  if (!database) throw new Error(`wrangler.toml has no [[d1_databases]] binding ${SEARCH_BINDING}`);
  const env = { ...configEnv(config), [SEARCH_BINDING]: { type: "d1" as const, id: database.databaseId } };
  const worker = await startWorker(withAssets(bundleEntry(bundle, config, env), config), host);
  return { ...worker, database: await worker.mf.getD1Database(SEARCH_BINDING, config.name) };
}

/** The migrations, then the seed's statements (one a line), in batches; timed from the first to the last. */
export async function seedSearch(db: Database, config: WorkerConfig, seedPath: string): Promise<Seeding> {
  const migrationsDir = config.d1Databases[SEARCH_BINDING]?.migrationsDir;
  if (!migrationsDir) throw new Error(`wrangler.toml has no [[d1_databases]] binding ${SEARCH_BINDING}`);
  const started = performance.now();
  const migrations = readdirSync(migrationsDir)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .flatMap((name) => unstable_splitSqlQuery(readFileSync(join(migrationsDir, name), "utf8")));
  await db.batch(migrations.map((sql) => db.prepare(sql)));

  let statements = 0;
  let databaseBytes = 0;
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const results = await db.batch(batch.map((sql) => db.prepare(sql)));
    databaseBytes = results.at(-1)?.meta.size_after ?? databaseBytes;
    batch = [];
    bytes = 0;
  };
  // Read a line at a time: the seed is hundreds of megabytes at scale, and is never held whole.
  for await (const line of createInterface({ input: createReadStream(seedPath), crlfDelay: Infinity })) {
    if (line === "") continue;
    batch.push(line);
    statements++;
    bytes += line.length;
    if (bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  return { statements, seconds: (performance.now() - started) / 1000, databaseBytes };
}
