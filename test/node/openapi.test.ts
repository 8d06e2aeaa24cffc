/** /openapi.json is a valid OpenAPI 3.1 document (checked with its official JSON Schema). */
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "./support/worker-process";

describe("the OpenAPI document", () => {
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker();
  }, 120_000);
  afterAll(() => worker.stop());

  it("validates as OpenAPI 3.1 with every $ref resolving", async () => {
    const response = await worker.fetch("/openapi.json");
    expect(response.status).toBe(200);
    const document = await response.json();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // Resolving every $ref proves none points at a missing component.
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("is actually checking: a dangling $ref or a missing field is an error", async () => {
    const document = (await (await worker.fetch("/openapi.json")).json()) as Record<string, unknown>;
    const dangling = structuredClone(document) as {
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    };
    const operation = dangling.paths["/v1/articles"]?.get;
    if (!operation) throw new Error("no /v1/articles operation");
    operation.responses["404"] = { $ref: "#/components/responses/NoSuchResponse" };
    const danglingValidator = new Validator();
    await danglingValidator.validate(dangling);
    expect(() => danglingValidator.resolveRefs()).toThrow();
    const { info: _info, ...withoutInfo } = document;
    expect((await new Validator().validate(withoutInfo)).valid).toBe(false);
  });

  it("documents the qualifiers of facts as fields, and marks labels apart from the publisher's words", async () => {
    const document = (await (await worker.fetch("/openapi.json")).json()) as {
      components: { schemas: Record<string, unknown> };
    };
    type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[] } & Record<string, unknown>;
    const facts = document.components.schemas.Facts as Schema;
    const cause = facts.properties?.causativeDrugs?.properties?.drugs?.items;
    for (const field of ["scope", "frequency", "evidence", "caveats", "careAdvice"]) {
      expect(cause?.properties, field).toHaveProperty(field);
    }
    expect(cause?.properties?.frequency?.properties?.value?.enum).toEqual(["common", "small-minority", "rare"]);
    expect(cause?.properties?.evidence?.properties?.value?.enum).toEqual(["theory", "no-clear-evidence"]);
    expect(cause?.properties?.name?.["x-wording"]).toBe("label");
    expect(cause?.properties?.quote?.["x-wording"]).toBe("publisher");
    expect(cause?.properties?.scope?.properties?.label?.["x-wording"]).toBe("label");
  });

  it("names this server", async () => {
    const document = (await (await worker.fetch("/openapi.json")).json()) as { servers: { url: string }[] };
    expect(document.servers).toEqual([{ url: worker.url.origin }]);
  });
});
