/**
 * When this API's copy of an article last changed: the time of the last git
 * commit that touched its folder, or the newest file time when the folder has
 * uncommitted edits (or no git history at all). This feeds `updatedAt`,
 * `Last-Modified` and `updatedSince`; it is never presented as a publisher date.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

export function revisionTime(directory: string): Date {
  const committed = gitCommitTime(directory);
  return committed ?? newestFileTime(directory);
}

/**
 * The revision time of every article folder (by name) under `contentDir`,
 * with two git commands for the whole library instead of two per article
 * (10,000 articles would otherwise start 20,000 git processes). Same rule
 * as `revisionTime`: a folder with uncommitted or untracked changes takes
 * its newest file time; otherwise the newest commit that changed a file in
 * it; a folder git knows nothing of takes its newest file time.
 */
export function revisionTimes(contentDir: string, folders: readonly string[]): Map<string, Date> {
  return revisionState(contentDir, folders).times;
}

/** The revision times, and the folders git has not recorded as they are (edited since, or unknown to it). */
export function revisionState(
  contentDir: string,
  folders: readonly string[],
): { times: Map<string, Date>; uncommitted: Set<string> } {
  const git = gitState(contentDir);
  const times = new Map<string, Date>();
  const uncommitted = new Set<string>();
  for (const folder of folders) {
    const committed = git && !git.dirty.has(folder) ? git.committed.get(folder) : undefined;
    if (committed === undefined) uncommitted.add(folder);
    times.set(folder, committed ?? newestFileTime(join(contentDir, folder)));
  }
  return { times, uncommitted };
}

interface GitState {
  /** Folders with uncommitted or untracked changes. */
  dirty: Set<string>;
  /** Each folder's newest commit time. */
  committed: Map<string, Date>;
}

function gitState(contentDir: string): GitState | undefined {
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: contentDir,
      encoding: "utf8",
      maxBuffer: 1024 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
  let top: string;
  let status: string;
  let log: string;
  try {
    top = git("rev-parse", "--show-toplevel").trim();
    // -z: paths as they are, relative to the repository's top; -uall: untracked files one by one.
    status = git("status", "--porcelain", "-z", "-uall", "--", ".");
    // Newest first; --relative names files from contentDir. Merge commits list no files, as in `git log -1 -- folder`.
    log = git("log", "--format=%x00%cI", "--name-only", "--relative", "-z", "--", ".");
  } catch {
    return undefined;
  }
  const root = resolve(contentDir);
  const folderOf = (path: string) => path.split("/")[0] ?? "";
  const dirty = new Set<string>();
  const fields = status.split("\0");
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] ?? "";
    if (field.length < 4) continue;
    const code = field.slice(0, 2);
    const paths = [field.slice(3)];
    // A rename or copy is followed by the path it came from.
    if (code.includes("R") || code.includes("C")) paths.push(fields[++i] ?? "");
    for (const path of paths) {
      const inside = relative(root, resolve(top, path));
      if (inside !== "" && !inside.startsWith(`..${sep}`) && inside !== "..") dirty.add(folderOf(inside));
    }
  }
  // Each commit is "\0<time>\0" then "\n" and its files, each ending in "\0". File names are never
  // empty, so the token after an empty one is a commit's time.
  const committed = new Map<string, Date>();
  const tokens = log.split("\0");
  let time: Date | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (token === "") {
      time = new Date(tokens[++i] ?? "");
      continue;
    }
    const folder = folderOf(token.replace(/^\n/, ""));
    if (time && !committed.has(folder)) committed.set(folder, time);
  }
  return { dirty, committed };
}

function gitCommitTime(directory: string): Date | undefined {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: directory, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (git("status", "--porcelain", "--", ".") !== "") return undefined;
    const time = git("log", "-1", "--format=%cI", "--", ".");
    return time === "" ? undefined : new Date(time);
  } catch {
    return undefined;
  }
}

function newestFileTime(directory: string): Date {
  const times = readdirSync(directory).map((name) => statSync(join(directory, name)).mtimeMs);
  // Whole seconds, as HTTP dates carry no more.
  return new Date(Math.floor(Math.max(...times) / 1000) * 1000);
}
