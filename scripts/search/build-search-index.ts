/**
 * Writes the SQL that seeds the search index (GET /v1/search) from the
 * compiled library: migrations/ creates the FTS5 table, and this file fills
 * it, one row per whole sentence or list item (search-rows.ts).
 *
 *   tsx scripts/search/build-search-index.ts [--out-dir build/assets/_content] [--out build/search/seed.sql]
 *
 * It reads the per-article files `npm run build:content` writes
 * (`--out-dir`, DIR/articles/<slug>.json), one at a time, so memory does not
 * grow with the library. The seed is written statement by
 * statement (each a multi-row INSERT under D1's 100 KB statement limit, one
 * per line), never held whole in memory, to a temporary file renamed into
 * place when complete. Apply it after the migrations:
 *
 *   npx wrangler d1 migrations apply SEARCH --local
 *   npx wrangler d1 execute SEARCH --local --file build/search/seed.sql
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONTENT_ASSETS } from "../../src/content/content-assets";
import type { CompiledArticle, CompiledEntry } from "../../src/content/model";
import { CLEAR_STATEMENTS, SeedWriter } from "./search-rows";

const { values } = parseArgs({
  options: {
    "out-dir": { type: "string", default: join("build/assets", CONTENT_ASSETS) },
    out: { type: "string", default: "build/search/seed.sql" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log("usage: tsx scripts/search/build-search-index.ts [--out-dir DIR] [--out FILE]");
  process.exit(0);
}

/** The articles, one at a time, from the per-article files. */
function* articles(): Generator<CompiledArticle> {
  const folder = join(resolve(values["out-dir"]), "articles");
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    yield (JSON.parse(readFileSync(join(folder, file), "utf8")) as CompiledEntry).article;
  }
}

const out = resolve(values.out);
const partial = `${out}.partial`;
mkdirSync(dirname(out), { recursive: true });
const started = performance.now();
const fd = openSync(partial, "w");
try {
  for (const statement of CLEAR_STATEMENTS) writeSync(fd, `${statement}\n`);
  const writer = new SeedWriter((statement) => writeSync(fd, `${statement}\n`));
  for (const article of articles()) writer.add(article);
  writer.finish();
  closeSync(fd);
  renameSync(partial, out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const statements = writer.units.statements + writer.articles.statements;
  console.log(
    `search: ${writer.units.count} sentence(s) and list item(s) of ${writer.articles.count} article(s) in ${statements} INSERT(s) into ${values.out} (${seconds} s)`,
  );
} catch (error) {
  closeSync(fd);
  throw error;
}
