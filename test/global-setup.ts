/**
 * Compiles content/ and the test content before any Worker starts, so
 * `vitest` works on its own as well as through `npm test`.
 */
import { execFileSync } from "node:child_process";

function compile(...args: string[]): void {
  execFileSync("npx", ["tsx", "scripts/content/compile.ts", ...args], { stdio: "inherit" });
}

export default function setup(): void {
  compile();
  compile("--content", "test/fixtures/content", "--out", "test/fixtures/generated/library.ts");
}
