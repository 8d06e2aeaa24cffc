/** One URL per resource: a trailing slash is redirected (308) to the URL without it, query and method kept. */
import { describe, expect, it } from "vitest";
import { SLUGS } from "../support/library";
import { call, ORIGIN } from "../support/worker";

const [SLUG] = SLUGS;

describe("a URL with a trailing slash", () => {
  it.each([
    ["/docs/", "/docs"],
    [`/v1/articles/${SLUG}/`, `/v1/articles/${SLUG}`],
    [`/v1/articles/${SLUG}//?sections=x`, `/v1/articles/${SLUG}?sections=x`],
    [`/articles/${SLUG}/`, `/articles/${SLUG}`],
    ["/no-such-path/", "/no-such-path"],
  ])("%s is redirected for good to %s", async (path, target) => {
    const response = await call(path, { redirect: "manual" });
    expect(response.status).toBe(308);
    expect(response.headers.get("Location")).toBe(`${ORIGIN}${target}`);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("keeps a POST a POST: 308, not 301", async () => {
    const response = await call("/cds-services/patient-education/", { method: "POST", redirect: "manual", body: "{}" });
    expect(response.status).toBe(308);
    expect(response.headers.get("Location")).toBe(`${ORIGIN}/cds-services/patient-education`);
  });

  it("lands where it says: the canonical URL answers", async () => {
    const redirected = await call(`/v1/articles/${SLUG}/`, { redirect: "manual" });
    const landed = await call(redirected.headers.get("Location") ?? "");
    expect(landed.status).toBe(200);
  });

  it("leaves the root alone", async () => {
    expect((await call("/", { redirect: "manual" })).status).toBe(200);
  });
});
