/**
 * A broken content tree can never reach a deployment: wrangler runs the
 * content compiler before bundling, the compiler refuses, and no bundle is
 * written. (The compiler's own messages are tested in compiler.test.ts.)
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "../..");

describe("deploying broken content", () => {
  const scratch = mkdtempSync(join(tmpdir(), "deploy-guard-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("stops `wrangler deploy` before a bundle is built, naming the problem", async () => {
    const content = join(scratch, "content");
    cpSync(join(ROOT, "content"), content, { recursive: true });
    const facts = join(content, "leg-cramps/facts.yaml");
    // A partial edit: the facts file cut off in the middle of a list.
    const text = readFileSync(facts, "utf8");
    writeFileSync(
      facts,
      text.slice(0, text.indexOf("drugTherapies:") + "drugTherapies:\n  - id: quinine\n    name:".length),
    );
    const outdir = join(scratch, "dist");
    const result = await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: content },
    }).then(
      () => ({ failed: false, output: "" }),
      (error: { stdout?: string; stderr?: string }) => ({ failed: true, output: `${error.stdout}${error.stderr}` }),
    );
    expect(result.failed).toBe(true);
    expect(result.output).toMatch(/facts\.yaml:\d+: /);
    expect(existsSync(join(outdir, "index.js"))).toBe(false);
  }, 120_000);
});
