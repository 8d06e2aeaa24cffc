/**
 * The content build: compiles only the articles whose input changed since
 * the last build (article-cache.ts), on worker threads when there are enough
 * of them to pay for starting threads (compile-pool.ts), then writes the
 * library in the two parts the Worker reads:
 *
 * - `module`: the TypeScript module the Worker's bundle holds, naming the
 *   version of the index it is built with (library-module.ts);
 * - `dir`: the index (`index.json`, library-index.ts) and two JSON files per
 *   article (`articles/<slug>.json`, the compiled entry, and
 *   `digests/<slug>.json`, its digest), which the Worker reads from its
 *   static assets; the articles are written one at a time, so memory does
 *   not grow with the articles' text. The index holds each file's SHA-256.
 *
 * A problem in any article fails the whole build with every `file:line:
 * message`, and nothing is written: a half-built library is never served.
 * Files whose bytes did not change are not rewritten (watchers stay quiet,
 * and an upload can tell what changed by the files' hashes).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTENT_ASSETS, CONTENT_FILES } from "../../src/content/content-assets";
import type { ArticleRevision, IndexedArticle, LibraryIndex, WithdrawnArticle } from "../../src/content/model";
import { writeIfChanged } from "../write-if-changed";
import { ArticleCache } from "./article-cache";
import { changeLogs, currentArticles } from "./change-log";
import { articleText, readArticleBytes, UNDATED } from "./compile-article";
import { articleFolders, noArticles } from "./compile-library";
import { compileAll } from "./compile-pool";
import type { CompileTask } from "./compile-task";
import { ContentError, ContentErrors } from "./content-error";
import { type DatedArticle, removeStaleFiles, writeArticleFiles } from "./library-files";
import { fileHash, libraryIndex, withdrawnArticle } from "./library-index";
import { libraryModule } from "./library-module";
import { revisionState } from "./revision";
import { writeRowShards } from "./row-shard-files";
import { checkReplacements } from "./withdrawals";

export interface BuildOptions {
  contentDir: string;
  /** File names in errors are relative to this. */
  cwd?: string;
  /** Write the index's TypeScript module here. */
  moduleFile?: string;
  /** Write one file per article here. */
  outDir?: string;
  /** The cache's root folder; without one, a temporary cache that is removed afterwards (everything compiles). */
  cacheRoot?: string;
  /** Worker threads for the articles to compile (1: in this thread). */
  threads: number;
}

export interface BuildReport {
  slugs: string[];
  compiled: number;
  fromCache: number;
  /** Threads that compiled (1 when it was done in this one). */
  threads: number;
  /** Files written (unchanged files are not). */
  written: number;
  /** Article files of articles no longer in the library, removed. */
  removed: number;
}

/** Fewer articles than this per thread are compiled in this thread: starting a worker costs about as much. */
const ARTICLES_PER_THREAD = 16;

export async function buildLibrary(options: BuildOptions): Promise<BuildReport> {
  const cwd = options.cwd ?? process.cwd();
  const folders = articleFolders(options.contentDir);
  if (folders.length === 0) throw new ContentErrors([noArticles(options.contentDir, cwd)]);
  const temporary = options.cacheRoot ? undefined : mkdtempSync(join(tmpdir(), "content-cache-"));
  try {
    const cache = new ArticleCache(options.cacheRoot ?? temporary ?? "", options.contentDir);
    return await build(options, cwd, folders, cache);
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}

async function build(options: BuildOptions, cwd: string, folders: string[], cache: ArticleCache): Promise<BuildReport> {
  const keys = new Map<string, string>();
  const pending = changedFolders(options.contentDir, folders, cache, keys);
  const threads = Math.max(1, Math.min(options.threads, Math.floor(pending.length / ARTICLES_PER_THREAD)));
  const problems = await compileIntoCache(compileTasks(options.contentDir, cwd, pending, cache, keys), threads, cache);
  if (problems.size > 0) throw new ContentErrors(folders.flatMap((folder) => problems.get(folder) ?? []));
  const { written, removed } = writeLibrary(options, folders, cache, keys);
  cache.prune(new Set(keys.values()));
  return {
    slugs: folders,
    compiled: pending.length,
    fromCache: folders.length - pending.length,
    threads,
    written,
    removed,
  };
}

/**
 * The folders whose articles changed: their files' hash (the cache key, set
 * in `keys`) against the cache, of the bytes: nothing is decoded to find out.
 */
function changedFolders(
  contentDir: string,
  folders: string[],
  cache: ArticleCache,
  keys: Map<string, string>,
): string[] {
  const pending: string[] = [];
  for (const folder of folders) {
    const key = cache.key(folder, readArticleBytes(join(contentDir, folder)));
    keys.set(folder, key);
    if (!cache.has(key)) pending.push(folder);
  }
  return pending;
}

/** A task for each pending article, read as it is compiled. */
function* compileTasks(
  contentDir: string,
  cwd: string,
  pending: string[],
  cache: ArticleCache,
  keys: Map<string, string>,
): Generator<CompileTask & { key: string }> {
  for (const name of pending) {
    const folder = join(contentDir, name);
    const bytes = readArticleBytes(folder);
    // Keyed by the bytes compiled, which an edit since the first look may have changed.
    const key = cache.key(name, bytes);
    keys.set(name, key);
    yield { folder, name, cwd, files: articleText(bytes), key };
  }
}

/** Compiles the tasks, each result into the cache; every problem, by article folder. */
async function compileIntoCache(
  tasks: Iterable<CompileTask & { key: string }>,
  threads: number,
  cache: ArticleCache,
): Promise<Map<string, ContentError[]>> {
  const problems = new Map<string, ContentError[]>();
  await compileAll(tasks, threads, (task, outcome) => {
    if (outcome.ok) cache.write(task.key, { row: outcome.row, entry: outcome.entry, digest: outcome.digest });
    else
      problems.set(
        task.name,
        outcome.errors.map(({ file, line, detail }) => new ContentError(file, line, detail)),
      );
  });
  return problems;
}

/**
 * Writes the library from the cache in one pass: each article's files are
 * written (and hashed) as its row is made, one article in memory at a time;
 * then the index and its module. Files written and stale files removed.
 */
function writeLibrary(
  options: BuildOptions,
  folders: string[],
  cache: ArticleCache,
  keys: Map<string, string>,
): { written: number; removed: number } {
  const { times, uncommitted } = revisionState(options.contentDir, folders);
  const logs = changeLogs(
    options.contentDir,
    currentArticles(folders, cache, keys, times, uncommitted),
    `${cache.dir}.revisions`,
  );
  let written = 0;
  const rows: IndexedArticle[] = [];
  const withdrawn: WithdrawnArticle[] = [];
  const previous = options.outDir ? previousRows(options.outDir) : new Map<string, IndexedArticle>();
  for (const folder of folders) {
    const article = datedArticle(folder, cache, keys.get(folder) ?? "", times.get(folder), logs.get(folder) ?? []);
    const { withdrawn: withdrawal, ...row } = article.row;
    // A withdrawn article is listed apart, and its text is not written: nothing serves it.
    if (withdrawal) withdrawn.push(withdrawnArticle(row, withdrawal));
    else {
      if (options.outDir) written += writeArticleFiles(options.outDir, folder, article, previous.get(row.slug));
      rows.push(row);
    }
  }
  checkReplacements(options.cwd ?? process.cwd(), options.contentDir, withdrawn, new Set(rows.map((row) => row.slug)));
  const removed = options.outDir
    ? removeStaleFiles(
        options.outDir,
        rows.map((row) => row.slug),
      )
    : 0;
  const index = libraryIndex(rows, withdrawn);
  if (options.outDir && writeIfChanged(indexFile(options.outDir), JSON.stringify(index))) written++;
  if (options.outDir) written += writeRowShards(options.outDir, index);
  if (options.moduleFile && writeIfChanged(options.moduleFile, libraryModule(index))) written++;
  return { written, removed };
}

/**
 * The compiled article from the cache, with its revision time as `updatedAt`,
 * its change log, and its files' hashes in its row.
 */
function datedArticle(
  folder: string,
  cache: ArticleCache,
  key: string,
  revised: Date | undefined,
  changes: readonly ArticleRevision[],
): DatedArticle {
  const found = cache.compiled(folder, key);
  const updatedAt = (revised ?? new Date(0)).toISOString();
  // The first `"updatedAt":"` is the article's own: inside a JSON string a quote is always escaped.
  const dated = found.entry.replace(`"updatedAt":"${UNDATED}"`, `"updatedAt":"${updatedAt}"`);
  // The entry is one JSON object: its change log is its last member.
  const entry = `${dated.slice(0, -1)},"changes":${JSON.stringify(changes)}}`;
  const files = { article: fileHash(entry), digest: fileHash(found.digest) };
  return { row: { ...found.row, updatedAt, files }, entry, digest: found.digest };
}

/** Where the index goes in `outDir`, the assets' content folder. */
/** The rows of the index the last build wrote into `outDir`, by slug; none when it is absent or unreadable. */
function previousRows(outDir: string): Map<string, IndexedArticle> {
  try {
    const index = JSON.parse(readFileSync(indexFile(outDir), "utf8")) as LibraryIndex;
    return new Map(index.articles.map((row) => [row.slug, row]));
  } catch {
    return new Map();
  }
}

export function indexFile(outDir: string): string {
  return join(outDir, CONTENT_FILES.libraryIndex.slice(CONTENT_ASSETS.length));
}
