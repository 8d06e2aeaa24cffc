/**
 * Content compiler CLI: validates `content/` and writes what the Worker
 * reads. On bad content it prints `file:line: message` for every problem and
 * exits 1, so a broken build can never be served or deployed.
 *
 *   tsx scripts/content/compile.ts [--content content] [--out src/content/generated/library.ts]
 *                                  [--out-dir build/assets/_content] [--cache .cache/content | --no-cache]
 *                                  [--threads N]
 *
 * `--out` is the TypeScript module naming the version of the library's
 * index, which the Worker imports; `--out-dir` the folder of the index
 * (`index.json`) and one JSON file per article (`articles/`), which the
 * Worker reads from its static assets. Only articles whose files changed since the
 * last build are compiled (build-library.ts), on up to `--threads` worker
 * threads (default: the machine's cores).
 *
 * CONTENT_DIR, when set, replaces the default content folder (e.g. to build
 * the Worker around another content tree with `wrangler dev` or `deploy`).
 */
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONTENT_ASSETS } from "../../src/content/content-assets";
import { buildLibrary } from "./build-library";
import { ContentErrors } from "./content-error";

const DEFAULT_MODULE = "src/content/generated/library.ts";
/** Where the Worker reads articles from: its assets folder (wrangler.toml), at CONTENT_ASSETS. */
const DEFAULT_ARTICLES_DIR = join("build/assets", CONTENT_ASSETS);
/** More slugs than this are counted, not listed. */
const LISTED = 20;

const { values } = parseArgs({
  options: {
    content: { type: "string", default: process.env.CONTENT_DIR || "content" },
    out: { type: "string", default: DEFAULT_MODULE },
    "out-dir": { type: "string", default: DEFAULT_ARTICLES_DIR },
    cache: { type: "string", default: ".cache/content" },
    "no-cache": { type: "boolean", default: false },
    threads: { type: "string", default: String(availableParallelism()) },
  },
});
const threads = Number(values.threads);
if (!Number.isInteger(threads) || threads < 1)
  throw new Error(`--threads must be a whole number, not ${values.threads}`);
const outDir = values["out-dir"];
const moduleFile = values.out;

try {
  const started = performance.now();
  const report = await buildLibrary({
    contentDir: resolve(values.content),
    moduleFile: resolve(moduleFile),
    outDir: resolve(outDir),
    cacheRoot: values["no-cache"] ? undefined : resolve(values.cache),
    threads,
  });
  const articles = report.slugs.length <= LISTED ? ` (${report.slugs.join(", ")})` : "";
  const into = `${moduleFile} and ${outDir}`;
  const work =
    `${report.compiled} compiled${report.threads > 1 ? ` on ${report.threads} threads` : ""}, ` +
    `${report.fromCache} unchanged; ${report.written} file(s) written` +
    (report.removed > 0 ? `, ${report.removed} removed` : "");
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`content: compiled ${report.slugs.length} article(s)${articles} into ${into} (${work}; ${seconds} s)`);
} catch (error) {
  if (!(error instanceof ContentErrors)) throw error;
  for (const problem of error.errors) console.error(problem.message);
  console.error(`content: ${error.errors.length} problem(s); nothing was written`);
  process.exitCode = 1;
}
