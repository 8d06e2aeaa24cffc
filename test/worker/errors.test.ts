import { describe, expect, it } from "vitest";
import { MAX_HEADER_BYTES } from "../../src/http/limits";
import { DEEPEST, SIBLINGS, SUBJECT } from "../support/subject";
import { call, getJson, getProblem } from "../support/worker";

/** The article asked for, and its sections, are read from the library (test/support/subject.ts). */
const ARTICLE = SUBJECT.path;

describe("errors are RFC 9457 problem+json", () => {
  it("answers 404 for a path nothing serves", async () => {
    const problem = await getProblem("/no/such/route", 404);
    expect(problem).toEqual({
      type: "/problems/not-found",
      title: "Not Found",
      status: 404,
      detail: "Nothing is served at /no/such/route.",
    });
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("answers %s on a content route with 405 and Allow", async (method) => {
    const response = await call(ARTICLE, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ type: "/problems/method-not-allowed", status: 405 });
  });

  it.each([
    ["page=0", "page", "must be a whole number from 1 to 10000"],
    ["page=-1", "page", "must be a whole number from 1 to 10000"],
    ["page=1.5", "page", "must be a whole number from 1 to 10000"],
    ["page=abc", "page", "must be a whole number from 1 to 10000"],
    ["page=", "page", "must be a whole number from 1 to 10000"],
    ["page=99999999999", "page", "must be a whole number from 1 to 10000"],
    ["pageSize=0", "pageSize", "must be a whole number from 1 to 100"],
    ["pageSize=101", "pageSize", "must be a whole number from 1 to 100"],
    ["pageSize=1&pageSize=2", "pageSize", "must be given only once"],
    ["updatedSince=yesterday", "updatedSince", expect.stringContaining("must be an ISO 8601 date")],
    ["updatedSince=2026-02-30", "updatedSince", expect.stringContaining("must be an ISO 8601 date")],
    ["updatedSince=2026-13-01", "updatedSince", expect.stringContaining("must be an ISO 8601 date")],
    // Times and offsets that look like ISO 8601 but do not exist (once a 500: Date could not read them).
    ...["T25:00Z", "T23:61Z", "T00:00:60Z", "T24:00Z", "T00:00+24:00", "T00:00-25:00", "T00:00+99:00"].map((time) => [
      `updatedSince=2026-01-01${encodeURIComponent(time)}`,
      "updatedSince",
      expect.stringContaining("must be an ISO 8601 date"),
    ]),
    ["code=", "code", expect.stringContaining("must be a clinical code")],
    ["code=<script>", "code", expect.stringContaining("must be a clinical code")],
  ])("answers ?%s on /v1/articles with 400 naming %s", async (query, name, detail) => {
    const problem = await getProblem(`/v1/articles?${query}`, 400);
    expect(problem.type).toBe("/problems/invalid-parameters");
    expect(problem.errors).toEqual([{ in: "query", name, detail }]);
  });

  it.each([
    ["sections=", "must be comma-separated section ids (lowercase letters, digits and hyphens)"],
    // A section's id as a reader might mistype it.
    [
      `sections=${DEEPEST.section.id.replace(/-/g, "_").toUpperCase()}`,
      "must be comma-separated section ids (lowercase letters, digits and hyphens)",
    ],
    [`sections=${Array.from({ length: 51 }, (_, i) => `s${i}`).join(",")}`, "must list at most 50 section ids"],
    ["sections=a&sections=b", "must be given only once"],
  ])("answers ?%s on an article with 400 naming sections", async (query, detail) => {
    const problem = await getProblem(`${ARTICLE}?${query}`, 400);
    expect(problem.errors).toEqual([{ in: "query", name: "sections", detail }]);
  });

  it("refuses an unknown section id whatever form the article is asked in", async () => {
    for (const accept of ["application/json", "text/markdown", "application/ld+json"]) {
      const problem = await getProblem(`${ARTICLE}?sections=nope`, 400, { headers: { Accept: accept } });
      expect(problem.errors?.[0]?.name, accept).toBe("sections");
    }
  });

  it.each(["/sitemap.xml", "/robots.txt"])("answers %s with 406 for an Accept it cannot serve", async (path) => {
    const problem = await getProblem(path, 406, { headers: { Accept: "image/png" } });
    expect(problem.type).toBe("/problems/not-acceptable");
  });

  it("ignores parameters it does not know", async () => {
    const response = await call(`${ARTICLE}?utm_source=newsletter`);
    expect(response.status).toBe(200);
  });

  it("documents each problem type at its type URI", async () => {
    const about = await getJson<{ type: string; status: number }>("/problems/invalid-parameters");
    expect(about).toMatchObject({ type: "/problems/invalid-parameters", status: 400 });
    await getProblem("/problems/no-such-problem", 404);
  });
});

describe("request size limits", () => {
  /** The headers the API reads, each limited to MAX_HEADER_BYTES. */
  const HEADERS_READ = ["Accept", "If-None-Match", "If-Modified-Since"];

  it("answers a URL over 2048 characters with 414 problem+json", async () => {
    const problem = await getProblem(`/v1/articles?code=${"A".repeat(2100)}`, 414);
    expect(problem.type).toBe("/problems/uri-too-long");
  });

  it.each(HEADERS_READ)("answers a %s header over 8 KiB with 431 problem+json naming it", async (name) => {
    const value = `${"x".repeat(MAX_HEADER_BYTES)}, */*`;
    const problem = await getProblem("/v1/articles", 431, { headers: { [name]: value } });
    expect(problem).toMatchObject({ type: "/problems/headers-too-large", status: 431 });
    expect(problem.detail).toContain(name);
  });

  it.each(HEADERS_READ)(
    "answers the same 431 for an oversized %s when the response is already stored",
    async (name) => {
      expect((await call(ARTICLE)).status).toBe(200);
      const problem = await getProblem(ARTICLE, 431, {
        headers: { [name]: "x".repeat(MAX_HEADER_BYTES + 1) },
      });
      expect(problem.detail).toContain(name);
    },
  );

  it("accepts each header it reads at exactly 8 KiB", async () => {
    const atLimit = "x".repeat(MAX_HEADER_BYTES);
    const response = await call("/v1/articles", {
      headers: { "If-None-Match": atLimit, "If-Modified-Since": atLimit },
    });
    expect(response.status).toBe(200);
  });

  it("serves a request with large headers it never reads (cookies)", async () => {
    const response = await call("/v1/articles", { headers: { Cookie: `session=${"x".repeat(17_000)}` } });
    expect(response.status).toBe(200);
  });

  it("serves a long but reasonable URL", async () => {
    const sections = SIBLINGS.map((section) => section.id).join(",");
    const response = await call(`${ARTICLE}?sections=${sections}&utm_campaign=${"x".repeat(1500)}`);
    expect(response.status).toBe(200);
  });
});
