/**
 * The OpenAPI document and the app agree: every route the app serves is
 * documented, every documented operation answers as documented, and every
 * JSON body matches the zod schema its documentation was generated from.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { library } from "../../src/content/generated/library";
import { OPERATIONS } from "../../src/openapi/operations";
import { call, ORIGIN } from "../support/worker";

interface Document {
  paths: Record<string, Record<string, { parameters: { name: string; in: string; example: string }[] }>>;
}

/** Hono's `/:slug` as OpenAPI's `/{slug}`. */
const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, "{$1}");

describe("OpenAPI coverage", () => {
  it("documents every route the app serves, and nothing else", async () => {
    const app = createApp(library);
    const served = new Set(
      app.routes.filter((route) => route.method === "GET").map((route) => toOpenApiPath(route.path)),
    );
    const document = await (await call("/openapi.json")).json<Document>();
    expect(new Set(Object.keys(document.paths))).toEqual(served);
  });

  it.each(OPERATIONS.map((operation) => [operation.path, operation] as const))(
    "%s answers 200 with its examples, as documented",
    async (_path, operation) => {
      const document = await (await call("/openapi.json")).json<Document>();
      const parameters = document.paths[operation.path]?.get?.parameters ?? [];
      let path = operation.path;
      const query = new URLSearchParams();
      for (const parameter of parameters) {
        if (parameter.in === "path") path = path.replace(`{${parameter.name}}`, parameter.example);
        // The code example names a code the real article does not carry: still a valid request.
        else query.set(parameter.name, parameter.example);
      }
      const response = await call(`${path}${query.size > 0 ? `?${query}` : ""}`);
      expect(response.status).toBe(200);
      const media = Object.keys(operation.content)[0] ?? "";
      expect(response.headers.get("Content-Type")).toBe(`${media}; charset=utf-8`);
      const body = operation.content[media];
      if (body && "schema" in body) {
        const parsed = body.schema.safeParse(await response.json());
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      }
      expect(response.headers.get("ETag")).not.toBeNull();
    },
  );

  it("serves /docs as an interactive reference to /openapi.json", async () => {
    const response = await call("/docs");
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain(`data-url="${ORIGIN}/openapi.json"`);
    expect(response.headers.get("Content-Security-Policy")).toContain("script-src https://cdn.jsdelivr.net");
  });

  it("builds the document once per isolate", async () => {
    const app = createApp(library);
    const first = await app.request("/openapi.json", {}, env);
    const second = await app.request("/openapi.json", {}, env);
    expect(second.headers.get("ETag")).toBe(first.headers.get("ETag"));
  });
});
