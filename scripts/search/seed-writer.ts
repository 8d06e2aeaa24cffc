/**
 * The build's two writes (build-search-index.ts): each article's statements
 * whose revision changed, then the whole seed when any did. Articles are
 * read one at a time and the seed is copied file by file, so memory does not
 * grow with the library.
 */
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { CompiledEntry, LibraryIndex } from "../../src/content/model";
import { articleStatements, CLEAR_STATEMENTS } from "./article-statements";
import { articleRevision, rowWriterFingerprint } from "./search-revision";
import type { SeedFolder, SeedManifest } from "./seed-folder";

export interface ArticleFiles {
  /** Every article's revision, in slug order. */
  revisions: Record<string, string>;
  /** The manifest before this build. */
  previous: SeedManifest;
  written: number;
  removed: number;
}

/** Writes the statements of each article of the library in `contentDir` whose revision the folder lacks. */
export function writeArticleFiles(contentDir: string, folder: SeedFolder): ArticleFiles {
  const index = JSON.parse(readFileSync(join(contentDir, "index.json"), "utf8")) as LibraryIndex;
  const fingerprint = rowWriterFingerprint();
  const previous = folder.manifest();
  const revisions: Record<string, string> = {};
  let written = 0;
  const articles = [...index.articles].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const { slug, files } of articles) {
    const revision = articleRevision(fingerprint, slug, files.article);
    revisions[slug] = revision;
    if (folder.holds(previous, slug, revision)) continue;
    const bytes = readFileSync(join(contentDir, "articles", `${slug}.json`));
    // The revision names these bytes: statements are never kept for a file the index does not describe.
    if (createHash("sha256").update(bytes).digest("hex") !== files.article)
      throw new Error(`${slug}.json does not hash to what index.json says: build the content again`);
    const entry = JSON.parse(bytes.toString("utf8")) as CompiledEntry;
    folder.write(slug, articleStatements(entry.article, revision));
    written++;
  }
  const removed = folder.removeOthers(new Set(Object.keys(revisions)));
  return { revisions, previous, written, removed };
}

/**
 * Writes the whole seed, the statements that empty the index and then every
 * article's file in slug order, unless it was last written from exactly
 * these revisions; then the manifest.
 */
export function writeSeed(folder: SeedFolder, { revisions, previous }: ArticleFiles): { written: boolean } {
  if (folder.seedCurrent(previous, revisions)) {
    folder.writeManifest({ revisions, seedBytes: previous.seedBytes });
    return { written: false };
  }
  const partial = `${folder.seedFile}.partial`;
  mkdirSync(dirname(partial), { recursive: true });
  const fd = openSync(partial, "w");
  let seedBytes = 0;
  try {
    seedBytes += writeAll(fd, Buffer.from(`${CLEAR_STATEMENTS.join("\n")}\n`));
    for (const slug of Object.keys(revisions)) seedBytes += writeAll(fd, readFileSync(folder.path(slug)));
  } finally {
    closeSync(fd);
  }
  renameSync(partial, folder.seedFile);
  folder.writeManifest({ revisions, seedBytes });
  return { written: true };
}

/** Writes all of `bytes` (a write may take fewer than it is given); their length. */
function writeAll(fd: number, bytes: Buffer): number {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  return bytes.length;
}
