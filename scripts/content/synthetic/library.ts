/**
 * Writes a synthetic library: N article folders (see article.ts). The same N
 * and seed always give the same bytes and file times; files are rewritten
 * only when they change, and `synthetic-*` folders beyond N are removed, so
 * the folder is exactly the library asked for. It never writes into content/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { syntheticArticle } from "./article";
import { readSourceText } from "./source-text";

const ROOT = resolve(import.meta.dirname, "../../..");
const PREFIX = "synthetic-";

export interface SyntheticLibraryOptions {
  count: number;
  out: string;
  seed?: string;
  /** The real article whose sentences and sections are reused. */
  source?: string;
}

export interface SyntheticLibraryResult {
  slugs: string[];
  written: number;
  removed: number;
}

export function writeSyntheticLibrary(options: SyntheticLibraryOptions): SyntheticLibraryResult {
  const out = resolve(options.out);
  const content = resolve(ROOT, "content");
  if (out === content || out.startsWith(content + sep)) throw new Error(`refusing to write into ${content}`);
  const source = readSourceText(options.source ?? join(content, "leg-cramps/article.md"));
  const seed = options.seed ?? "synthetic";
  mkdirSync(out, { recursive: true });
  const slugs: string[] = [];
  let written = 0;
  for (let index = 0; index < options.count; index++) {
    const article = syntheticArticle(index, seed, source);
    const folder = join(out, article.slug);
    mkdirSync(folder, { recursive: true });
    for (const name of readdirSync(folder)) if (!(name in article.files)) rmSync(join(folder, name));
    for (const [name, text] of Object.entries(article.files)) {
      const path = join(folder, name);
      if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
        writeFileSync(path, text);
        written++;
      }
      utimesSync(path, article.modified, article.modified);
    }
    slugs.push(article.slug);
  }
  const kept = new Set(slugs);
  let removed = 0;
  for (const name of readdirSync(out)) {
    if (name.startsWith(PREFIX) && !kept.has(name)) {
      rmSync(join(out, name), { recursive: true, force: true });
      removed++;
    }
  }
  return { slugs, written, removed };
}
