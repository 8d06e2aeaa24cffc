/**
 * The change log the build writes into each article (scripts/content/change-log.ts),
 * from a git history made here: two commits and an edit not yet committed.
 * Each revision names the sections it changed with their new hashes, the
 * oldest lists every section, and the texts read from git are kept by blob.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLibrary } from "../../scripts/content/build-library";
import type { CompiledEntry } from "../../src/content/model";
import { editFile } from "./support/edit-file";

const FIXTURES = join(import.meta.dirname, "../fixtures/content");
const SLUG = "sample-condition";

describe("an article's change log, from its history", () => {
  let root: string;
  let entry: CompiledEntry;

  const git = (args: string[], date: string) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", ...args], {
      cwd: root,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      stdio: "ignore",
    });
  const edit = (find: string, replace: string) => editFile(join(root, "content", SLUG, "article.md"), find, replace);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "history-"));
    cpSync(join(FIXTURES, SLUG), join(root, "content", SLUG), { recursive: true });
    git(["init", "-q"], "2026-01-01T00:00:00Z");
    git(["add", "."], "2026-01-01T00:00:00Z");
    git(["commit", "-q", "-m", "first"], "2026-01-01T00:00:00Z");
    edit("A paragraph in the first topic.", "A paragraph in the first topic, corrected.");
    git(["commit", "-q", "-am", "second"], "2026-02-01T00:00:00Z");
    edit("Yes, this is the answer.", "Yes, this is the answer, revised.");
    const options = {
      contentDir: join(root, "content"),
      cwd: root,
      outDir: join(root, "out"),
      cacheRoot: join(root, "cache"),
      threads: 1,
    };
    await buildLibrary(options);
    entry = JSON.parse(readFileSync(join(root, "out/articles", `${SLUG}.json`), "utf8")) as CompiledEntry;
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const changed = (index: number) => entry.changes?.[index]?.changedSections?.map((section) => section.id);

  it("has every revision, newest first: the edit not yet committed, then each commit", () => {
    expect(entry.changes?.map((revision) => revision.date.slice(0, 10))).toEqual([
      entry.article.updatedAt.slice(0, 10),
      "2026-02-01",
      "2026-01-01",
    ]);
  });

  it("names the sections each revision changed, with the hashes they have now", () => {
    // A subsection's change is its parent's too (a section's hash covers its subsections').
    expect(changed(0)).toEqual(["questions", "is-this-a-question"]);
    // The paragraph is the section's own: its subsection is unchanged.
    expect(changed(1)).toEqual(["first-topic"]);
    const now = new Map(entry.article.sections.map((section) => [section.id, section.hash]));
    expect(entry.changes?.[0]?.changedSections?.[0]?.hash).toBe(now.get("questions"));
    expect(entry.changes?.[1]?.changedSections?.[0]?.hash).toBe(now.get("first-topic"));
  });

  it("lists every section the first revision had", () => {
    const all = (sections: CompiledEntry["article"]["sections"]): string[] =>
      sections.flatMap((section) => [section.id, ...all(section.sections)]);
    expect(changed(2)).toEqual(all(entry.article.sections));
    expect(entry.changes?.every((revision) => revision.removedSections?.length === 0)).toBe(true);
  });

  it("keeps each text read from git by its blob, for the next build", () => {
    const cached = readdirSync(join(root, "cache"), { recursive: true, encoding: "utf8" }).filter((name) =>
      name.includes(".revisions"),
    );
    // The two committed texts of the article.
    expect(cached.filter((name) => name.endsWith(".json"))).toHaveLength(2);
  });
});
