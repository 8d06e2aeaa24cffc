/**
 * Each article's change log, from the content's git history: every commit
 * that changed its folder, dated by the commit, with the sections its
 * article.md changed (by the same section hashes the API serves), and, when
 * the folder has edits not yet committed, the build's own state last. Read
 * with one `git log` for the whole library and one `git cat-file` for the
 * article texts not seen before: each text's sections are kept by its blob
 * id, so a build reads only what is new. Outside git, the log is the one
 * revision being built.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleDigest, ArticleRevision, SectionSummary } from "../../src/content/model";
import type { ArticleCache } from "./article-cache";
import { parseArticle } from "./article-parser";
import { ARTICLE_FILE, finishSection } from "./compile-article";
import { outline } from "./library-index";

/** A section as a revision left it: its id, title and content hash. */
type SectionState = Pick<SectionSummary, "id" | "title" | "hash">;

/** One commit of an article's folder: when, and the blob of its article.md then (undefined: unchanged). */
interface Commit {
  date: string;
  blob: string | undefined;
}

/** Every article folder's commits, oldest first; undefined outside git. */
function commitsByFolder(contentDir: string): Map<string, Commit[]> | undefined {
  let log: string;
  try {
    log = execFileSync(
      "git",
      ["log", "--format=commit %cI", "--raw", "--no-abbrev", "--no-renames", "--relative", "--", "."],
      {
        cwd: contentDir,
        encoding: "utf8",
        maxBuffer: 1024 * 1024 * 1024,
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
  } catch {
    return undefined;
  }
  const commits = new Map<string, Commit[]>();
  let date = "";
  for (const line of log.split("\n")) {
    if (line.startsWith("commit ")) date = new Date(line.slice("commit ".length)).toISOString();
    // ":100644 100644 <old blob> <new blob> M\t<folder>/<file>"
    const raw = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) \w+\t([^/]+)\/(.+)$/.exec(line);
    if (!raw) continue;
    const [, blob = "", folder = "", file = ""] = raw;
    const list = commits.get(folder) ?? [];
    commits.set(folder, list);
    const last = list.at(-1);
    const article = file === ARTICLE_FILE && !/^0+$/.test(blob) ? blob : undefined;
    // git log lists a commit's files one line each: one commit, one entry.
    if (last?.date === date) last.blob ??= article;
    else list.push({ date, blob: article });
  }
  for (const list of commits.values()) list.reverse();
  return commits;
}

/** The sections of article texts, by blob id: from the cache, or read and parsed (null when a text no longer parses). */
function sectionsOfBlobs(
  contentDir: string,
  blobs: readonly string[],
  cacheDir: string,
): Map<string, SectionState[] | null> {
  mkdirSync(cacheDir, { recursive: true });
  const found = new Map<string, SectionState[] | null>();
  const missing = blobs.filter((blob) => {
    const path = join(cacheDir, `${blob}.json`);
    if (existsSync(path)) found.set(blob, JSON.parse(readFileSync(path, "utf8")) as SectionState[] | null);
    return !found.has(blob);
  });
  if (missing.length === 0) return found;
  const out = execFileSync("git", ["cat-file", "--batch"], {
    cwd: contentDir,
    input: `${missing.join("\n")}\n`,
    maxBuffer: 1024 * 1024 * 1024,
  });
  let at = 0;
  for (const blob of missing) {
    const header = out.subarray(at, out.indexOf(10, at)).toString("utf8");
    const size = Number(header.split(" ")[2]);
    const start = at + header.length + 1;
    const sections = sectionsOf(out.subarray(start, start + size).toString("utf8"));
    at = start + size + 1;
    found.set(blob, sections);
    writeFileSync(join(cacheDir, `${blob}.json`), JSON.stringify(sections));
  }
  return found;
}

/** An article text's sections at any depth, as the compiler hashes them; null when it does not parse. */
function sectionsOf(markdown: string): SectionState[] | null {
  const { article } = parseArticle(ARTICLE_FILE, markdown);
  if (!article) return null;
  return outline(article.sections.map(finishSection)).map(({ id, title, hash }) => ({ id, title, hash }));
}

/** What changed from one revision's sections to the next's (unknown sections before: all of them). */
function revision(date: string, before: SectionState[] | null, after: SectionState[] | null): ArticleRevision {
  if (after === null) return { date, changedSections: null, removedSections: null };
  const hashBefore = new Map((before ?? []).map((section) => [section.id, section.hash]));
  const now = new Set(after.map((section) => section.id));
  return {
    date,
    changedSections: after.filter((section) => hashBefore.get(section.id) !== section.hash),
    removedSections: (before ?? []).map((section) => section.id).filter((id) => !now.has(id)),
  };
}

export interface CurrentArticle {
  /** Its sections as built now. */
  sections: SectionState[];
  /** Its revision time as built (the last commit's, or its files' when git has not recorded it as it is). */
  updatedAt: string;
  /** Whether git has not recorded the folder as it is (edited since, or unknown to it). */
  uncommitted: boolean;
}

/** Each folder's revisions, newest first. */
export function changeLogs(
  contentDir: string,
  current: ReadonlyMap<string, CurrentArticle>,
  cacheDir: string,
): Map<string, ArticleRevision[]> {
  const commits = commitsByFolder(contentDir);
  const blobs = [...new Set([...(commits?.values() ?? [])].flatMap((list) => list.flatMap((c) => c.blob ?? [])))];
  const texts = commits ? sectionsOfBlobs(contentDir, blobs, cacheDir) : new Map<string, SectionState[] | null>();
  const logs = new Map<string, ArticleRevision[]>();
  for (const [folder, article] of current) {
    const revisions: ArticleRevision[] = [];
    let sections: SectionState[] | null = null;
    for (const { date, blob } of commits?.get(folder) ?? []) {
      const after: SectionState[] | null = blob === undefined ? sections : (texts.get(blob) ?? null);
      revisions.push(revision(date, revisions.length === 0 ? [] : sections, after));
      sections = after;
    }
    // The state being built, when git has not recorded it.
    if (revisions.length === 0 || article.uncommitted) {
      revisions.push(revision(article.updatedAt, revisions.length === 0 ? [] : sections, article.sections));
    }
    logs.set(folder, revisions.reverse());
  }
  return logs;
}

/** Each article as built now, for its change log: its sections (from its digest) and revision. */
export function currentArticles(
  folders: readonly string[],
  cache: ArticleCache,
  keys: Map<string, string>,
  times: Map<string, Date>,
  uncommitted: Set<string>,
): Map<string, CurrentArticle> {
  return new Map(
    folders.map((folder) => {
      const digest = JSON.parse(cache.compiled(folder, keys.get(folder) ?? "").digest) as ArticleDigest;
      const sections = digest.sections.map(({ id, title, hash }) => ({ id, title, hash }));
      const updatedAt = (times.get(folder) ?? new Date(0)).toISOString();
      return [folder, { sections, updatedAt, uncommitted: uncommitted.has(folder) }];
    }),
  );
}
