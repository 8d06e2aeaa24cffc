/**
 * Content compiler CLI: validates `content/` and writes the generated module
 * the Worker imports. On bad content it prints `file:line: message` for every
 * problem and exits 1, so a broken build can never be served or deployed.
 *
 *   tsx scripts/content/compile.ts [--content content] [--out src/content/generated/library.ts]
 *
 * CONTENT_DIR, when set, replaces the default content folder (e.g. to build
 * the Worker around another content tree with `wrangler dev` or `deploy`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { compileLibrary } from "./compile-library";
import { ContentErrors } from "./content-error";
import { libraryModule } from "./library-module";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: process.env.CONTENT_DIR || "content" },
    out: { type: "string", default: "src/content/generated/library.ts" },
  },
});
const contentDir = resolve(values.content);
const outFile = resolve(values.out);

try {
  const library = compileLibrary(contentDir);
  const module = libraryModule(library, outFile);
  // Rewrite only on change, so watchers (wrangler dev, vitest) do not reload for nothing.
  if (!existsSync(outFile) || readFileSync(outFile, "utf8") !== module) {
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, module);
  }
  const articles = library.entries.map((entry) => entry.article.slug).join(", ");
  console.log(`content: compiled ${library.entries.length} article(s) (${articles}) into ${values.out}`);
} catch (error) {
  if (!(error instanceof ContentErrors)) throw error;
  for (const problem of error.errors) console.error(problem.message);
  console.error(`content: ${error.errors.length} problem(s); nothing was written`);
  process.exitCode = 1;
}
