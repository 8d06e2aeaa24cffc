/**
 * /openapi.json passes the linters made for it, with no error and no warning:
 * Redocly's `recommended` rules and Spectral's `spectral:oas` ruleset (pinned
 * in package.json; see support/openapi-linters.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redoclyRecommended, spectralOas } from "./support/openapi-linters";
import { type RunningWorker, startWorker } from "./support/worker-process";

describe("the OpenAPI document, linted", () => {
  let worker: RunningWorker;
  let document: Record<string, unknown>;
  beforeAll(async () => {
    worker = await startWorker();
    document = (await (await worker.fetch("/openapi.json")).json()) as Record<string, unknown>;
  }, 120_000);
  afterAll(() => worker.stop());

  // Linting takes seconds of CPU: generous timeouts, so a busy machine only makes it slower.
  it("has no problem under Redocly's recommended rules", async () => {
    expect(await redoclyRecommended(document)).toEqual([]);
  }, 60_000);

  it("has no problem under Spectral's oas ruleset", async () => {
    expect(await spectralOas(document)).toEqual([]);
  }, 60_000);

  it("is actually linted: an operation without security or a description is reported by each", async () => {
    const { security: _open, ...withoutSecurity } = document;
    expect((await redoclyRecommended(withoutSecurity)).map((problem) => problem.rule)).toContain("security-defined");
    const undescribed = structuredClone(document) as { paths: Record<string, { get?: { description?: string } }> };
    const operation = undescribed.paths["/v1/articles"]?.get;
    if (!operation) throw new Error("no GET /v1/articles");
    delete operation.description;
    expect((await spectralOas(undescribed)).map((problem) => problem.rule)).toContain("operation-description");
  }, 60_000);
});
