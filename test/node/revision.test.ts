/**
 * Revision times for the whole library at once (two git commands) agree
 * with the one-folder-at-a-time rule: committed folders take their last
 * commit's time; edited, untracked or renamed ones, and folders outside git,
 * their newest file time.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { revisionTime, revisionTimes } from "../../scripts/content/revision";

/** Room for a shared, loaded machine: a limit, not a measurement. */
const SLOW = 120_000;

describe("revision times", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "revision-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
  const commit = (message: string, date: string) =>
    execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", message], {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date },
    });
  const write = (path: string, text: string, time = new Date("2025-06-01T12:00:00Z")) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
    utimesSync(join(root, path), time, time);
  };
  const both = (contentDir: string, folders: string[]) => {
    const batch = revisionTimes(contentDir, folders);
    return folders.map((folder) => [
      folder,
      batch.get(folder)?.toISOString(),
      revisionTime(join(contentDir, folder)).toISOString(),
    ]);
  };

  it(
    "agrees with the one-folder rule in a repository",
    () => {
      git("init", "-q");
      for (const folder of ["old", "newer", "edited", "renamed"]) write(`content/${folder}/article.md`, folder);
      git("add", ".");
      commit("first", "2024-01-01T10:00:00Z");
      write("content/newer/article.md", "changed");
      git("add", ".");
      commit("second", "2024-02-02T10:00:00Z");
      write("content/edited/article.md", "uncommitted", new Date("2025-07-07T07:07:07Z"));
      write("content/untracked/article.md", "new", new Date("2025-08-08T08:08:08Z"));
      git("mv", "content/renamed/article.md", "content/renamed/facts.yaml");
      const folders = ["old", "newer", "edited", "untracked", "renamed"];
      const times = both(join(root, "content"), folders);
      for (const [folder, batch, single] of times) expect(batch, folder).toBe(single);
      expect(times.map(([, time]) => time)).toEqual([
        "2024-01-01T10:00:00.000Z",
        "2024-02-02T10:00:00.000Z",
        "2025-07-07T07:07:07.000Z",
        "2025-08-08T08:08:08.000Z",
        "2025-06-01T12:00:00.000Z",
      ]);
    },
    SLOW,
  );

  it(
    "takes file times outside git",
    () => {
      write("a/article.md", "a", new Date("2025-01-02T03:04:05.678Z"));
      expect(both(root, ["a"])).toEqual([["a", "2025-01-02T03:04:05.000Z", "2025-01-02T03:04:05.000Z"]]);
    },
    SLOW,
  );

  it(
    "agrees with the one-folder rule on this repository's content",
    () => {
      const content = join(import.meta.dirname, "../../content");
      const fixtures = join(import.meta.dirname, "../fixtures/content");
      for (const [folder, batch, single] of [
        ...both(content, ["leg-cramps"]),
        ...both(fixtures, ["coded-condition", "hostile-condition", "sample-condition"]),
      ]) {
        expect(batch, folder).toBe(single);
      }
    },
    SLOW,
  );
});
