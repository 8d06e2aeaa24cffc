/**
 * One article compiled for the build: in this thread, or in a worker thread
 * (compile-worker.ts) with the same function, so both give the same bytes.
 * The result is what the cache stores (the entry and its digest as JSON, and its index row)
 * or the problems, as plain data that crosses between threads.
 */

import { type ArticleFiles, compileArticle } from "./compile-article";
import { articleDigest, type IndexRow, indexedArticle } from "./library-index";

export interface CompileTask {
  folder: string;
  name: string;
  cwd: string;
  files: ArticleFiles;
}

export type CompileOutcome =
  | { ok: true; row: IndexRow; entry: string; digest: string }
  | { ok: false; errors: { file: string; line: number; detail: string }[] };

export function runCompileTask({ folder, name, cwd, files }: CompileTask): CompileOutcome {
  const { entry, errors } = compileArticle(folder, name, cwd, files);
  if (!entry) return { ok: false, errors: errors.map(({ file, line, detail }) => ({ file, line, detail })) };
  return {
    ok: true,
    row: indexedArticle(entry),
    entry: JSON.stringify(entry),
    digest: JSON.stringify(articleDigest(entry)),
  };
}
