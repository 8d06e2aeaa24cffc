/** The per-article files of the library the build writes: each article's text and its digest. */
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { IndexedArticle } from "../../src/content/model";
import { writeIfChanged } from "../write-if-changed";
import type { IndexRow } from "./library-index";

/** An article as the build writes it: its index row, with its files' hashes, and the text of both files. */
export interface DatedArticle {
  row: IndexedArticle & Pick<IndexRow, "withdrawn">;
  entry: string;
  digest: string;
}

/** The two folders of per-article files in `outDir`, and which text of an article each holds. */
const ARTICLE_FILE_KINDS = [
  { folder: "articles", file: "article", text: (article: DatedArticle) => article.entry },
  { folder: "digests", file: "digest", text: (article: DatedArticle) => article.digest },
] as const;

/**
 * `articles/<slug>.json` and `digests/<slug>.json`, those whose bytes changed; how many were written.
 * `previous` is the article's row in the index the last build wrote: a file it names by the same
 * SHA-256, at the same size, is taken as written, without reading it back (the build's largest read).
 */
export function writeArticleFiles(
  outDir: string,
  slug: string,
  article: DatedArticle,
  previous: IndexedArticle | undefined,
): number {
  let written = 0;
  for (const { folder, text, file } of ARTICLE_FILE_KINDS) {
    const path = join(outDir, folder, `${slug}.json`);
    const bytes = text(article);
    const unchanged = previous?.files[file] === article.row.files[file] && sizeOf(path) === Buffer.byteLength(bytes);
    if (!unchanged && writeIfChanged(path, bytes)) written++;
  }
  return written;
}

function sizeOf(path: string): number | undefined {
  return statSync(path, { throwIfNoEntry: false })?.size;
}

/** Removes the files of articles no longer in the library; how many went. */
export function removeStaleFiles(outDir: string, slugs: readonly string[]): number {
  const kept = new Set(slugs.map((slug) => `${slug}.json`));
  return ARTICLE_FILE_KINDS.reduce((removed, { folder }) => removed + removeAllBut(join(outDir, folder), kept), 0);
}

/** Removes every entry of `dir` whose name is not in `kept` (none when `dir` is absent); how many went. */
export function removeAllBut(dir: string, kept: ReadonlySet<string>): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (kept.has(name)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
