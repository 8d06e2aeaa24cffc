/**
 * One fault fails only what it touches. Faults are injected into the real
 * assets (test/support/damaged-assets.ts) and the real search database
 * (an empty one): a damaged article file (with its bodies) fails that
 * article's routes with a 503 and Retry-After, a damaged whole-article body
 * is rendered from the article instead, while every other article, the lists, search, feeds,
 * the sitemap and the OpenAPI document answer 200; a damaged index fails the
 * routes that need the whole library, while every article's own routes and
 * search (which read the index's shards holding their rows), the service index, robots.txt,
 * /embed.js, the OpenAPI document, /docs, /healthz and 404s answer as usual;
 * a damaged shard fails the routes of the articles whose rows it holds, until
 * the isolate reads the whole index;
 * a search database without its tables fails search, naming the fix.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app";
import { ARTICLE_BODY_KINDS } from "../../src/content/article-bodies";
import { CONTENT_FILES } from "../../src/content/content-assets";
import { builtLibrary } from "../../src/content/generated/library";
import { libraryInAssets } from "../../src/content/library-source";
import { rowShardOf } from "../../src/content/row-shards";
import { loadArticles } from "../support/articles";
import { type Damage, damagedAssets } from "../support/damaged-assets";
import { SLUGS } from "../support/library";
import { ORIGIN } from "../support/worker";

/** Each article's first section, whichever it is. */
const FIRST_SECTION = new Map([...(await loadArticles())].map(([slug, article]) => [slug, article.sections()[0]]));

/** The app around the built library, its assets damaged as given, and its search database as given. */
function appWith(damage: Readonly<Record<string, Damage>>, search: D1Database = env.SEARCH) {
  const app = createApp(libraryInAssets(builtLibrary));
  const faultyEnv = { ...env, ASSETS: damagedAssets(damage), SEARCH: search };
  return (path: string, accept = "*/*") => app.request(`${ORIGIN}${path}`, { headers: { Accept: accept } }, faultyEnv);
}

const [damaged = "", ...others] = SLUGS;
const articleRoutes = (slug: string) => [
  `/v1/articles/${slug}`,
  `/v1/articles/${slug}/jsonld`,
  `/v1/articles/${slug}/sections/${FIRST_SECTION.get(slug)?.section.id}`,
  `/v1/conditions/${slug}`,
];
const collectionRoutes = [
  "/v1/articles",
  "/v1/search?q=cramp",
  "/feeds/articles.json",
  "/feeds/articles.atom",
  "/sitemap.xml",
  "/openapi.json",
  "/articles",
];

/** Asserts a 503 problem+json with Retry-After, and returns its detail. */
async function expectUnavailable(response: Response): Promise<string> {
  expect(response.status).toBe(503);
  expect(response.headers.get("Retry-After")).toMatch(/^\d+$/);
  expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  const problem = await response.json<{ type: string; status: number; detail: string }>();
  expect(problem).toMatchObject({ type: "/problems/unavailable", status: 503 });
  return problem.detail;
}

afterEach(() => vi.restoreAllMocks());

/** The files of one article's whole-article bodies, each damaged as `damage`. */
const bodiesDamaged = (slug: string, damage: Damage) =>
  Object.fromEntries(ARTICLE_BODY_KINDS.map((kind) => [CONTENT_FILES.body(slug, kind), damage]));

/** A body file's text edited without its header's hash following. */
const editedBody = (text: string) => `${text.slice(0, -1)}!`;

describe.each<[string, Damage, Damage]>([
  ["missing", "missing", "missing"],
  ["truncated", "truncated", "truncated"],
  ["edited under the old hash", (text) => text.replace('"title":"', '"title":"Edited '), editedBody],
])("an article file %s (and its bodies with it)", (_, damage, bodyDamage) => {
  const request = appWith({ [CONTENT_FILES.article(damaged)]: damage, ...bodiesDamaged(damaged, bodyDamage) });

  it("fails that article's routes with 503, naming the article, and logs the file for operators", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const path of articleRoutes(damaged)) {
      const detail = await expectUnavailable(await request(path));
      expect(detail, path).toContain(`"${damaged}"`);
    }
    expect(logged.mock.calls.map((call) => String(call[0])).join("\n")).toContain(CONTENT_FILES.article(damaged));
  });

  it("leaves every other article, the lists, search, feeds, sitemap and OpenAPI answering 200", async () => {
    for (const path of [...others.flatMap(articleRoutes), ...collectionRoutes]) {
      expect((await request(path, "*/*")).status, path).toBe(200);
    }
  });

  it("shows a reader its page as an HTML error page, and a partner's iframe a framed one", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const html = "text/html,application/xhtml+xml,*/*;q=0.8";
    for (const path of [`/articles/${damaged}`, `/embed/${damaged}`]) {
      const response = await request(path, html);
      expect(response.status, path).toBe(503);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain("503 Service Unavailable");
    }
  });
});

/** A whole-article body and a request the route answers with it. */
const BODY_REQUESTS = [
  ["json", `/v1/articles/${damaged}`, "application/json"],
  ["jsonld", `/v1/articles/${damaged}/jsonld`, "*/*"],
  ["markdown", `/v1/articles/${damaged}`, "text/markdown"],
  ["page", `/articles/${damaged}`, "text/html"],
] as const;

describe.each([
  ["missing", "missing" as const],
  ["truncated", "truncated" as const],
  ["edited under its own hash", editedBody],
  ["whose header names a form of the base no build writes", (text: string) => text.replace(',"raw"]', ',"rot"]')],
])("a whole-article body file %s", (_, damage) => {
  it.each(BODY_REQUESTS)(
    "is rendered from the article instead (%s): the same bytes, and a warning naming the file",
    async (kind, path, accept) => {
      const sound = await appWith({})(path, accept);
      const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
      const response = await appWith({ [CONTENT_FILES.body(damaged, kind)]: damage })(path, accept);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(await sound.text());
      expect(warned.mock.calls.flat().join("\n")).toContain(CONTENT_FILES.body(damaged, kind));
    },
  );
});

describe.each([
  ["missing", "missing" as const],
  ["truncated", "truncated" as const],
  ["of another build", (text: string) => text.replace('"version":"', '"version":"another-')],
])("the index %s", (_, damage) => {
  const request = appWith({ [CONTENT_FILES.libraryIndex]: damage });

  it("makes the routes that need the whole library answer 503 with Retry-After", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    for (const path of [
      "/v1/articles",
      "/sitemap.xml",
      "/v1/infobutton?mainSearchCriteria.v.c=R25.2&knowledgeResponseType=application/json",
    ]) {
      expect(await expectUnavailable(await request(path)), path).toContain("index");
    }
  });

  it("leaves every article's routes and search answering: they read the shards of the index holding their rows", async () => {
    for (const slug of SLUGS) {
      for (const path of articleRoutes(slug)) expect((await request(path)).status, path).toBe(200);
    }
    const found = await request("/v1/search?q=cramp");
    expect(found.status).toBe(200);
    expect((await found.json<{ items: unknown[] }>()).items.length).toBeGreaterThan(0);
  });

  it("leaves the service index, robots.txt, /embed.js, OpenAPI, /docs, discovery, /healthz and 404s answering", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    for (const path of [
      "/",
      "/robots.txt",
      "/embed.js",
      "/openapi.json",
      "/docs",
      "/cds-services",
      "/problems",
      "/healthz",
    ]) {
      expect((await request(path, "*/*")).status, path).toBe(200);
    }
    expect((await request("/no-such-route")).status).toBe(404);
    expect((await request("/readyz")).status).toBe(503);
  });
});

describe.each([
  ["missing", "missing" as const],
  ["truncated", "truncated" as const],
  ["of another build", (text: string) => text.replace('"version":"', '"version":"another-')],
])("the shard of the index holding an article's row %s", (_, damage) => {
  const shard = CONTENT_FILES.rowShard(rowShardOf(damaged, builtLibrary.rowShards));
  // An app of its own for each test: once an isolate has read the whole index, it finds articles there.
  const freshApp = () => appWith({ [shard]: damage });

  it("makes that article's routes and a search finding it answer 503 with Retry-After, naming the index", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const request = freshApp();
    // Every article of the libraries these tests run against holds "cramp".
    for (const path of [...articleRoutes(damaged), "/v1/search?q=cramp"]) {
      expect(await expectUnavailable(await request(path)), path).toContain("index");
    }
  });

  it("leaves the lists, feeds and the sitemap answering: they read the whole index", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const request = freshApp();
    for (const path of collectionRoutes.filter((path) => !path.startsWith("/v1/search"))) {
      expect((await request(path)).status, path).toBe(200);
    }
  });

  it("finds that article in the whole index once the isolate has read it", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const request = freshApp();
    expect((await request("/v1/articles")).status).toBe(200);
    for (const path of articleRoutes(damaged)) expect((await request(path)).status, path).toBe(200);
  });
});

describe("a search database without its tables", () => {
  const request = appWith({}, env.SEARCH_SCRATCH);

  it("makes search answer 503, naming the fix, and nothing else, and logs no word searched for", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const detail = await expectUnavailable(await request("/v1/search?q=cramp"));
    expect(logged.mock.calls.flat().join(" ")).not.toContain("cramp");
    expect(detail).toContain("npm run search:local");
    expect(detail).toContain("migrations apply");
    expect((await request("/v1/articles")).status).toBe(200);
    const ready = await request("/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.text()).toContain("search database");
  });
});

describe("readiness and liveness", () => {
  it("answer 200, never stored, when content and search can be served", async () => {
    const request = appWith({});
    for (const path of ["/healthz", "/readyz"]) {
      const response = await request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
    }
    expect(await (await request("/readyz")).json()).toEqual({ status: "ready", checks: { index: "ok", search: "ok" } });
  });
});
