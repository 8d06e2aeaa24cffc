/** The per-article files of the library the build writes: each article's text and its digest. */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { IndexedArticle } from "../../src/content/model";
import type { IndexRow } from "./library-index";

/** An article as the build writes it: its index row, with its files' hashes, and the text of both files. */
export interface DatedArticle {
  row: IndexedArticle & Pick<IndexRow, "withdrawn">;
  entry: string;
  digest: string;
}

/** The two folders of per-article files in `outDir`, and which text of an article each holds. */
const ARTICLE_FILE_KINDS = [
  { folder: "articles", text: (article: DatedArticle) => article.entry },
  { folder: "digests", text: (article: DatedArticle) => article.digest },
] as const;

/** `articles/<slug>.json` and `digests/<slug>.json`, those whose bytes changed; how many were written. */
export function writeArticleFiles(outDir: string, slug: string, article: DatedArticle): number {
  let written = 0;
  for (const { folder, text } of ARTICLE_FILE_KINDS) {
    if (writeIfChanged(join(outDir, folder, `${slug}.json`), text(article))) written++;
  }
  return written;
}

/** Removes the files of articles no longer in the library; how many went. */
export function removeStaleFiles(outDir: string, slugs: readonly string[]): number {
  const kept = new Set(slugs.map((slug) => `${slug}.json`));
  let removed = 0;
  for (const { folder } of ARTICLE_FILE_KINDS) {
    const dir = join(outDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (kept.has(name)) continue;
      rmSync(join(dir, name), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

/** Writes `text` unless the file already holds it; true when written. */
export function writeIfChanged(path: string, text: string | Uint8Array): boolean {
  if (existsSync(path) && readFileSync(path).equals(typeof text === "string" ? Buffer.from(text) : text)) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return true;
}
