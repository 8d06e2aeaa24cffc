/**
 * Writes the SQL that fills the search index (GET /v1/search) from the
 * compiled library: migrations/ creates the tables, and this fills them,
 * one row per whole sentence or list item (search-text.ts).
 *
 *   tsx scripts/search/build-search-index.ts [--out-dir build/assets/_content] [--out build/search/seed.sql]
 *
 * Each article's statements go to a file of its own (seed-folder.ts:
 * `build/search/seed/<slug>.sql`), written only when the article's revision
 * changed: its compiled file's SHA-256, read from the library's index
 * (`--out-dir`, DIR/index.json), and the row writer's own code
 * (search-revision.ts). So a build after editing one article writes one
 * file. The whole seed, every article's file after the statements that
 * empty the index, is written again only when one of them changed; it is
 * what a fresh database, `wrangler d1 execute --file` and the tests apply.
 * Apply it after the migrations:
 *
 *   npx wrangler d1 migrations apply SEARCH --local
 *   npx wrangler d1 execute SEARCH --local --file build/search/seed.sql
 *
 * or, to bring the local database up to date with only what changed,
 * `npm run search:local` (update-local.ts).
 */
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONTENT_ASSETS } from "../../src/content/content-assets";
import { SeedFolder } from "./seed-folder";
import { writeArticleFiles, writeSeed } from "./seed-writer";

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

const started = performance.now();
const folder = new SeedFolder(resolve(values.out));
const files = writeArticleFiles(resolve(values["out-dir"]), folder);
const seed = writeSeed(folder, files);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const slugs = Object.keys(files.revisions).length;
console.log(
  `search: ${slugs} article(s) (${files.written} written, ${slugs - files.written} unchanged, ${files.removed} removed); ` +
    `${seed.written ? `${values.out} written` : `${values.out} unchanged`} (${seconds} s)`,
);
