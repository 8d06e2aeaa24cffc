/**
 * An article's revision in the search index: a hash of what its statements
 * depend on, and nothing else. That is the bytes of its compiled file (which
 * the library's index names by SHA-256) and the code that turns them into
 * statements, with the Node.js version (ICU's sentence rules cut the units).
 * The build keeps an article's statements while its revision holds, and the
 * database records the revision it applied (search-update.ts).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
/** The row writer: these files and their imports from this project, which decide every statement's text. */
const ROW_WRITER = [
  "scripts/search/article-statements.ts",
  "scripts/search/search-text.ts",
  "scripts/search/sql-text.ts",
  "src/search/schema.ts",
  "src/content/publisher-text.ts",
];

/** A hash of the row writer: any change to it changes every article's revision. */
export function rowWriterFingerprint(): string {
  const hash = createHash("sha256").update(process.version);
  for (const file of ROW_WRITER) hash.update(`\0${file}\0`).update(readFileSync(resolve(ROOT, file)));
  return hash.digest("hex");
}

/** The revision of the article `slug` whose compiled file hashes to `articleSha256`. */
export function articleRevision(fingerprint: string, slug: string, articleSha256: string): string {
  return createHash("sha256").update(`${fingerprint}\0${slug}\0${articleSha256}`).digest("hex");
}

/** The project files the row writer is made of (a test holds the list to their imports). */
export const ROW_WRITER_FILES: readonly string[] = ROW_WRITER;
