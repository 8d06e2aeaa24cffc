import { describe, expect, it } from "vitest";
import { call, getProblem, ORIGIN } from "../support/worker";

describe("content negotiation", () => {
  it.each([
    [undefined, "application/json; charset=utf-8"],
    ["*/*", "application/json; charset=utf-8"],
    ["application/*", "application/json; charset=utf-8"],
    ["application/ld+json", "application/ld+json; charset=utf-8"],
    ["text/markdown", "text/markdown; charset=utf-8"],
    ["text/*", "text/markdown; charset=utf-8"],
    ["application/ld+json;q=0.5, text/markdown", "text/markdown; charset=utf-8"],
    ["application/json;q=0.1, application/ld+json;q=0.9", "application/ld+json; charset=utf-8"],
    ["text/html, */*;q=0.1", "application/json; charset=utf-8"],
  ])("serves the article for Accept: %s as %s", async (accept, type) => {
    const response = await call("/v1/articles/leg-cramps", accept ? { headers: { Accept: accept } } : {});
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(type);
    expect(response.headers.get("Vary")).toBe("Accept");
  });

  it.each([
    ["/v1/articles/leg-cramps", "image/png"],
    ["/v1/articles/leg-cramps", "application/json;q=0"],
    ["/v1/articles", "text/markdown"],
    ["/v1/conditions/leg-cramps", "text/html"],
    ["/v1/articles/leg-cramps/jsonld", "application/json"],
    ["/articles/leg-cramps", "application/json"],
  ])("answers %s with Accept: %s by 406 problem+json listing what it can serve", async (path, accept) => {
    const problem = await getProblem(path, 406, { headers: { Accept: accept } });
    expect(problem.type).toBe("/problems/not-acceptable");
    expect(problem.detail).toMatch(/^This resource can be served as: /);
  });
});

describe("the article as Markdown", () => {
  async function markdown(path = "/v1/articles/leg-cramps"): Promise<string> {
    const response = await call(path, { headers: { Accept: "text/markdown" } });
    expect(response.status).toBe(200);
    return response.text();
  }

  it("has the title, headings at their levels, nested lists and the FAQ", async () => {
    const text = await markdown();
    expect(text.startsWith("# Leg cramps\n\n")).toBe(true);
    expect(text).toContain("\n## What causes leg cramps?\n");
    expect(text).toContain("\n### Idiopathic leg cramps\n");
    expect(text).toContain("\n#### Calf extension\n");
    expect(text).toContain(
      "- Neurological diseases — this includes:\n  - Conditions affecting your nerves eg motor neurone disease or peripheral neuropathy\n",
    );
    expect(text).toContain("\n### How do you stop leg cramps fast?\n");
    expect(text).toContain("\n### Does magnesium help leg cramps?\n");
  });

  it("ends with the disclaimer, attribution, licence and credits", async () => {
    const text = await markdown();
    expect(text).toContain(
      "> We hope you've found this article useful, however, it cannot be a substitute for a consultation with a specialist",
    );
    expect(text).toContain(
      `Leg cramps, written by Cahoot Care Marketing for the Spire Content Hub. [Read the full article](<${ORIGIN}/articles/leg-cramps>)`,
    );
    expect(text).toContain("Licence: not stated by the publisher");
    expect(text).toContain("**Lux Fatimathas**, Editor and Project Manager: ");
  });

  it("narrows to chosen sections like the JSON", async () => {
    const text = await markdown("/v1/articles/leg-cramps?sections=heel-walk");
    expect(text).toContain("#### Heel walk");
    expect(text).not.toContain("## What causes leg cramps?");
    expect(text).toContain("Read the full article");
  });
});

describe("methods", () => {
  it.each(["/", "/v1/articles", "/v1/articles/leg-cramps/jsonld", "/articles/leg-cramps", "/sitemap.xml"])(
    "answers POST %s with 405, Allow and problem+json",
    async (path) => {
      const response = await call(path, { method: "POST", body: "{}" });
      expect(response.status).toBe(405);
      expect(response.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
      expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    },
  );
});
