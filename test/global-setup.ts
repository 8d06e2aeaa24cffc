/**
 * Builds what the Worker imports (content/, /embed.js) and the test content
 * before any Worker starts, so `vitest` works on its own, on a fresh clone too.
 * A script that has just run both builds (`npm test`, `.ci/run`) sets
 * BUILT_FOR_TESTS=1 so they run once per run.
 */
import { execFileSync } from "node:child_process";

export default function setup(): void {
  if (process.env.BUILT_FOR_TESTS === "1") return;
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  execFileSync("npm", ["run", "--silent", "build:test-content"], { stdio: "inherit" });
}
