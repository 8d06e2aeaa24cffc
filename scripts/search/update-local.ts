/**
 * Brings the local search database that `wrangler dev` uses up to date
 * with the build's seed, applying only the articles that changed
 * (search-update.ts). Run after the migrations, as `npm run search:local`
 * does:
 *
 *   tsx scripts/search/update-local.ts [--seed build/search/seed.sql] [--persist-to .wrangler/state]
 *
 * The database is opened as `wrangler d1 execute --local` opens it (the
 * binding's database id, in `.wrangler/state/v3/d1` beside wrangler.toml,
 * or under `--persist-to`), through Miniflare, which wrangler runs it in:
 * the database `wrangler dev` serves, with no file of statements to pass
 * whole (wrangler refuses one of hundreds of megabytes).
 */
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { unstable_readConfig } from "wrangler";
import { updateSearchIndex } from "./search-update";
import { SeedFolder } from "./seed-folder";

const BINDING = "SEARCH";
const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "build/search/seed.sql" },
    config: { type: "string", default: "wrangler.toml" },
    "persist-to": { type: "string" },
  },
});

const config = unstable_readConfig({ config: values.config }, { hideWarnings: true });
const database = config.d1_databases.find((candidate: { binding: string }) => candidate.binding === BINDING);
if (!database) throw new Error(`${values.config} has no [[d1_databases]] binding ${BINDING}`);
// wrangler's choice of local database and folder (its d1 execute --local, and dev).
const id = database.preview_database_id ?? database.database_id ?? database.binding;
const persist = resolve(values["persist-to"] ?? join(dirname(resolve(values.config)), ".wrangler/state"));
const mf = new Miniflare(
  convertV4MiniflareOptions({
    modules: true,
    script: "",
    resourcePersistencePath: join(persist, "v3"),
    d1Databases: { DATABASE: id },
  }),
);
try {
  const started = performance.now();
  const delta = await updateSearchIndex(await mf.getD1Database("DATABASE"), new SeedFolder(resolve(values.seed)));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const named = (slugs: string[]) => (slugs.length > 0 && slugs.length <= 5 ? ` (${slugs.join(", ")})` : "");
  console.log(
    `search: local database ${BINDING} ${delta.emptied ? "filled" : "updated"}: ${delta.added.length} added${named(delta.added)}, ` +
      `${delta.replaced.length} replaced${named(delta.replaced)}, ${delta.removed.length} removed${named(delta.removed)}, ` +
      `${delta.unchanged} unchanged; ${delta.statements} statement(s) (${seconds} s)`,
  );
} finally {
  await mf.dispose();
}
