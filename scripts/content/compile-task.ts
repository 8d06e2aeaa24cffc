/**
 * One article compiled for the build: in this thread, or in a worker thread
 * (compile-worker.ts) with the same function, so both give the same bytes.
 * The result is what the cache stores (the entry as JSON and its index row)
 * or the problems, as plain data that crosses between threads.
 */

import type { IndexedArticle } from "../../src/content/model";
import { type ArticleFiles, compileArticle } from "./compile-article";
import { indexedArticle } from "./library-index";

export interface CompileTask {
  folder: string;
  name: string;
  cwd: string;
  files: ArticleFiles;
}

export type CompileOutcome =
  | { ok: true; row: IndexedArticle; entry: string }
  | { ok: false; errors: { file: string; line: number; detail: string }[] };

export function runCompileTask({ folder, name, cwd, files }: CompileTask): CompileOutcome {
  const { entry, errors } = compileArticle(folder, name, cwd, files);
  if (!entry) return { ok: false, errors: errors.map(({ file, line, detail }) => ({ file, line, detail })) };
  const json = JSON.stringify(entry);
  return { ok: true, row: indexedArticle(entry), entry: json };
}
