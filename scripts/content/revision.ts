/**
 * When this API's copy of an article last changed: the time of the last git
 * commit that touched its folder, or the newest file time when the folder has
 * uncommitted edits (or no git history at all). This feeds `updatedAt`,
 * `Last-Modified` and `updatedSince`; it is never presented as a publisher date.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function revisionTime(directory: string): Date {
  const committed = gitCommitTime(directory);
  return committed ?? newestFileTime(directory);
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
