/**
 * Compiles `content/` (one folder per article: `article.md`, `facts.yaml`
 * and, optionally, `codes.yaml`) into the library the Worker imports,
 * validating everything on the way. In one process and with no cache: the
 * build (build-library.ts) adds both; this is the reference it is tested
 * against, and what tools that need the library in memory use.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { CompiledEntry, CompiledLibrary } from "../../src/content/model";
import { compileArticle, dated } from "./compile-article";
import { ContentError, ContentErrors } from "./content-error";
import { revisionTimes } from "./revision";

/** The article folders under `contentDir`, by name, sorted. */
export function articleFolders(contentDir: string): string[] {
  return readdirSync(contentDir)
    .filter((name) => statSync(join(contentDir, name)).isDirectory())
    .sort();
}

/** The error for a content folder with no article in it. */
export function noArticles(contentDir: string, cwd: string): ContentError {
  return new ContentError(relative(cwd, contentDir) || ".", 1, "no article folders found");
}

/**
 * Compiles every article folder under `contentDir`. File names in errors are
 * relative to `cwd`. Throws ContentErrors listing every problem found.
 */
export function compileLibrary(contentDir: string, cwd = process.cwd()): CompiledLibrary {
  const errors: ContentError[] = [];
  const entries: CompiledEntry[] = [];
  const folders = articleFolders(contentDir);
  for (const folder of folders) {
    const result = compileArticle(join(contentDir, folder), folder, cwd);
    errors.push(...result.errors);
    if (result.entry) entries.push(result.entry);
  }
  if (folders.length === 0) errors.push(noArticles(contentDir, cwd));
  if (errors.length > 0) throw new ContentErrors(errors);
  const times = revisionTimes(contentDir, folders);
  return { entries: entries.map((entry) => dated(entry, times.get(entry.article.slug) ?? new Date(0))) };
}
