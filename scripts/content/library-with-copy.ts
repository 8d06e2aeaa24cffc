/**
 * Builds the library the `library` test project serves: content/ plus a copy
 * of its first article under another slug, so the Worker's whole suite runs
 * against two articles and shows no test assumes there is only one.
 *
 *   tsx scripts/content/library-with-copy.ts [--out test/fixtures/generated/library-with-copy.ts]
 *                                            [--out-dir test/fixtures/generated/library-with-copy-assets/_content]
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    out: { type: "string", default: "test/fixtures/generated/library-with-copy.ts" },
    "out-dir": { type: "string", default: "test/fixtures/generated/library-with-copy-assets/_content" },
  },
});
const contentDir = resolve(values.content);
const [original] = readdirSync(contentDir).sort();
if (!original) throw new Error(`${contentDir} holds no article to copy`);
const copy = `${original}-copy`;

const workDir = mkdtempSync(join(tmpdir(), "library-with-copy-"));
try {
  // preserveTimestamps: outside git, an article's revision time is its files' newest change.
  cpSync(contentDir, workDir, { recursive: true, preserveTimestamps: true });
  cpSync(join(contentDir, original), join(workDir, copy), { recursive: true, preserveTimestamps: true });
  const articleFile = join(workDir, copy, "article.md");
  const text = readFileSync(articleFile, "utf8").replace(new RegExp(`^slug: ${original}$`, "m"), `slug: ${copy}`);
  writeFileSync(articleFile, text);
  const compile = [
    "scripts/content/compile.ts",
    "--content",
    workDir,
    "--out",
    values.out,
    "--out-dir",
    values["out-dir"],
  ];
  execFileSync("tsx", compile, { stdio: "inherit" });
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
