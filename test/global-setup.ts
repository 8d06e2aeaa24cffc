/**
 * Builds what the Worker imports (content/, /embed.js) and the test content
 * before any Worker starts, so `vitest` works on its own as well as through `npm test`.
 */
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  execFileSync("npm", ["run", "--silent", "build:test-content"], { stdio: "inherit" });
}
