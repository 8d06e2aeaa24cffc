/**
 * The incremental build's cache: each article's compiled entry (and its
 * index row), keyed by a hash of everything its compilation reads. The key
 * covers the folder's name and the bytes of each of its files (a file's
 * absence too), and a fingerprint of the compiler itself: its source, the
 * content model, the lockfile (the Markdown, YAML and schema libraries) and
 * the Node.js version (ICU's sentence rules decide which quotes pass). So an
 * entry is only ever reused for the same input to the same compiler, and
 * an edit to any of them recompiles. Only articles that compiled without a
 * problem are kept: a broken one is compiled, and reported, every build.
 *
 * One folder per content folder, under a git-ignored root (`.cache/content`).
 * Entries are written atomically (a temporary file, then a rename), and a
 * build removes the entries it did not use, so the cache holds one entry per
 * article of the library it last built.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { sourceFingerprint } from "../source-fingerprint";
import { ARTICLE_FILES, type ArticleBytes } from "./compile-article";
import type { IndexRow } from "./library-index";

/** What the compiler is: every file here and in src/content, and what they import from node_modules. */
const COMPILER_DIRS = ["scripts/content", "src/content"];
/** In those folders but not the compiler: the build's own output, and the synthetic content generator. */
const NOT_THE_COMPILER = /^(?:generated|synthetic)\//;

export interface CachedArticle {
  /** The article's index row, with `updatedAt` UNDATED and without its files' hashes. */
  row: IndexRow;
  /** The compiled entry as JSON, with `updatedAt` UNDATED. */
  entry: string;
  /** The article's digest as JSON. */
  digest: string;
}

export class ArticleCache {
  readonly dir: string;
  private readonly fingerprint: string;
  private readonly started = Date.now();

  /** The cache of the content folder `contentDir`, under `root`. */
  constructor(root: string, contentDir: string) {
    const absolute = resolve(contentDir);
    const name = basename(absolute).replace(/[^A-Za-z0-9._-]/g, "_");
    this.dir = join(resolve(root), `${name}-${sha256(absolute).slice(0, 12)}`);
    this.fingerprint = compilerFingerprint();
  }

  /** The key of an article folder's input. */
  key(name: string, files: ArticleBytes): string {
    const hash = createHash("sha256").update(this.fingerprint).update("\0").update(name);
    for (const file of ARTICLE_FILES) {
      const bytes = files[file];
      hash.update(`\0${file}\0`);
      if (bytes === undefined) hash.update("absent");
      else hash.update(`${bytes.byteLength}\0`).update(bytes);
    }
    return hash.digest("hex");
  }

  has(key: string): boolean {
    return existsSync(this.path(key));
  }

  /** The entry stored under `key`, or undefined (none, or not whole). */
  read(key: string): CachedArticle | undefined {
    let text: string;
    try {
      text = readFileSync(this.path(key), "utf8");
    } catch {
      return undefined;
    }
    // A line each: the row, the entry and the digest (JSON without indentation has no line breaks).
    const [row, entry, digest, end] = text.split("\n");
    if (row === undefined || entry === undefined || digest === undefined || end !== "") return undefined;
    return { row: JSON.parse(row) as IndexRow, entry, digest };
  }

  /** The compiled article `folder` under `key`, which the build has just compiled or found. */
  compiled(folder: string, key: string): CachedArticle {
    const found = this.read(key);
    if (!found) throw new Error(`the compiled ${folder} is missing from the cache (${this.dir}): build again`);
    return found;
  }

  write(key: string, article: CachedArticle): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = join(this.dir, `.${key}.${process.pid}.tmp`);
    writeFileSync(temporary, `${JSON.stringify(article.row)}\n${article.entry}\n${article.digest}\n`);
    renameSync(temporary, this.path(key));
  }

  /**
   * Removes entries this build did not use. Entries written since it started
   * are left alone: another build of the same folder may be using them.
   */
  prune(used: ReadonlySet<string>): number {
    let removed = 0;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      const path = join(this.dir, name);
      if (used.has(name.replace(/\.json$/, ""))) continue;
      try {
        if (statSync(path).mtimeMs >= this.started) continue;
        rmSync(path, { force: true });
        removed++;
      } catch {
        // Removed by another build meanwhile.
      }
    }
    return removed;
  }

  private path(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}

function compilerFingerprint(): string {
  // Below them too (src/content/model/, the claims rule): all of it decides what compiles.
  return sourceFingerprint(COMPILER_DIRS, NOT_THE_COMPILER);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
