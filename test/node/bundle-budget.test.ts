/**
 * The Worker's bundle stays within its budget: the production bundle, built
 * as a deploy builds it (`wrangler deploy --dry-run`, the same build as
 * `npm run bench`: scripts/bench/bundle.ts), every module gzip -9.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLE_BUDGET_GZIP_KIB, buildBundle } from "../../scripts/bench/bundle";

const ROOT = join(import.meta.dirname, "../..");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

describe("the production bundle", () => {
  const scratch = mkdtempSync(join(tmpdir(), "bundle-budget-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(`is within the budget of ${BUNDLE_BUDGET_GZIP_KIB} KiB gzip`, async () => {
    const bundle = await buildBundle(join(ROOT, "wrangler.toml"), "src/index.ts", scratch);
    expect(
      bundle.gzipBytes,
      `the bundle is ${kib(bundle.gzipBytes)} gzip (${kib(bundle.rawBytes)} raw); its budget is ${BUNDLE_BUDGET_GZIP_KIB} KiB`,
    ).toBeLessThanOrEqual(BUNDLE_BUDGET_GZIP_KIB * 1024);
  }, 120_000);
});
