/**
 * Writes the SQL that seeds the search index (GET /v1/search) from the
 * compiled library: migrations/ creates the FTS5 table, and this file fills
 * it, one row per whole sentence or list item (search-rows.ts).
 *
 *   tsx scripts/search/build-search-index.ts [--library src/content/generated/library.ts]
 *                                            [--out-dir DIR] [--out build/search/seed.sql]
 *
 * `--library` reads the module `npm run build:content` writes (the default);
 * `--out-dir` reads instead the per-article files `build:content -- --out-dir
 * DIR` writes (DIR/articles/<slug>.json), one at a time, for libraries too
 * large for one module. Either way the seed is written statement by
 * statement (each a multi-row INSERT under D1's 100 KB statement limit, one
 * per line), never held whole in memory, to a temporary file renamed into
 * place when complete. Apply it after the migrations:
 *
 *   npx wrangler d1 migrations apply SEARCH --local
 *   npx wrangler d1 execute SEARCH --local --file build/search/seed.sql
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { CompiledArticle, CompiledEntry, CompiledLibrary } from "../../src/content/model";
import { CLEAR_STATEMENTS, SeedWriter } from "./search-rows";

const { values } = parseArgs({
  options: {
    library: { type: "string", default: "src/content/generated/library.ts" },
    "out-dir": { type: "string" },
    out: { type: "string", default: "build/search/seed.sql" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log("usage: tsx scripts/search/build-search-index.ts [--library MODULE | --out-dir DIR] [--out FILE]");
  process.exit(0);
}

/** The articles, one at a time: from the per-article files when given, else from the library module. */
async function* articles(): AsyncGenerator<CompiledArticle> {
  const outDir = values["out-dir"];
  if (outDir) {
    const folder = join(resolve(outDir), "articles");
    for (const file of readdirSync(folder)
      .filter((name) => name.endsWith(".json"))
      .sort()) {
      yield (JSON.parse(readFileSync(join(folder, file), "utf8")) as CompiledEntry).article;
    }
    return;
  }
  const module = (await import(pathToFileURL(resolve(values.library)).href)) as { library: CompiledLibrary };
  for (const entry of module.library.entries) yield entry.article;
}

const out = resolve(values.out);
const partial = `${out}.partial`;
mkdirSync(dirname(out), { recursive: true });
const started = performance.now();
const fd = openSync(partial, "w");
try {
  for (const statement of CLEAR_STATEMENTS) writeSync(fd, `${statement}\n`);
  const writer = new SeedWriter((statement) => writeSync(fd, `${statement}\n`));
  for await (const article of articles()) writer.add(article);
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
