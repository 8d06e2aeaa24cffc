/**
 * The OpenAPI document and the app agree: every route the app serves is
 * documented, every documented operation answers as documented, and every
 * JSON body matches the zod schema its documentation was generated from.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp, operations } from "../../src/app";
import { libraryOf } from "../../src/content/library-source";
import { libraryIndex } from "../support/library";
import { call, ORIGIN } from "../support/worker";

interface Document {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: { name: string; in: string; example: string }[];
        requestBody?: { content: Record<string, { example: unknown }> };
      }
    >
  >;
}

/** Hono's `/:slug` (or `/:name{pattern}`) as OpenAPI's `/{slug}`. */
const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z]+)(?:\{[^/]*\})?/g, "{$1}");

describe("OpenAPI coverage", () => {
  it("documents every route the app serves, and nothing else", async () => {
    const app = createApp(libraryOf(libraryIndex));
    const served = new Set(
      app.routes
        .filter((route) => ["GET", "POST", "DELETE"].includes(route.method))
        .map((route) => `${route.method} ${toOpenApiPath(route.path)}`),
    );
    const document = await (await call("/openapi.json")).json<Document>();
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(new Set(documented)).toEqual(served);
  });

  // The sitemap's parts exist only past 50,000 URLs, far more than this library has:
  // test/worker/sitemap-index.test.ts calls their documented example in a library that large.
  // The operators' operations need the admin token and the partners database: test/partners/ calls them end to end.
  const answering = operations().filter((operation) => operation.operationId !== "getSitemapPart" && !operation.admin);

  it.each(answering.map((operation) => [operation.path, operation] as const))(
    "%s answers 200 with its examples, as documented",
    async (_path, operation) => {
      const document = await (await call("/openapi.json")).json<Document>();
      const method = operation.method ?? "get";
      const documented = document.paths[operation.path]?.[method];
      const parameters = documented?.parameters ?? [];
      let path = operation.path;
      const query = new URLSearchParams();
      for (const parameter of parameters) {
        if (parameter.in === "path") path = path.replace(`{${parameter.name}}`, parameter.example);
        // The code example names a code the real article does not carry: still a valid request.
        else query.set(parameter.name, parameter.example);
      }
      const example = documented?.requestBody?.content["application/json"]?.example;
      const response = await call(`${path}${query.size > 0 ? `?${query}` : ""}`, {
        method: method.toUpperCase(),
        ...(example === undefined
          ? {}
          : { body: JSON.stringify(example), headers: { "Content-Type": "application/json" } }),
      });
      expect(response.status).toBe(200);
      // The default media type, unless the examples name one.
      const media =
        (operation.mediaParameter && query.get(operation.mediaParameter)) || Object.keys(operation.content)[0];
      expect(response.headers.get("Content-Type")).toBe(`${media}; charset=utf-8`);
      const body = operation.content[media ?? ""];
      if (body && "schema" in body) {
        const parsed = body.schema.safeParse(await response.json());
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      }
      // A GET is a stored representation with a validator; a POST or a health check is never stored.
      if (method === "get" && !operation.fresh) expect(response.headers.get("ETag")).not.toBeNull();
      else expect(response.headers.get("Cache-Control")).toBe("no-store");
    },
  );

  it("serves /docs as an interactive reference to /openapi.json", async () => {
    const response = await call("/docs");
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain(`data-url="${ORIGIN}/openapi.json"`);
    // The viewer is this service's own static asset: nothing loads from elsewhere (test/browser/docs.test.ts).
    expect(response.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    // The viewer sets style attributes as it draws: inline styles are allowed there, scripts are not.
    expect(response.headers.get("Content-Security-Policy")).toContain("style-src 'self' 'unsafe-inline'");
  });

  it("builds the document once per isolate", async () => {
    const app = createApp(libraryOf(libraryIndex));
    const first = await app.request("/openapi.json", {}, env);
    const second = await app.request("/openapi.json", {}, env);
    expect(second.headers.get("ETag")).toBe(first.headers.get("ETag"));
  });
});
