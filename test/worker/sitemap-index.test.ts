/**
 * The sitemap past one file's limit (sitemaps.org: 50,000 URLs, 50 MB): a
 * sitemap index of parts, read with a real XML parser. The library here is
 * copies of the real article, just past the limit, at the production limit.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { ContentLibrary } from "../../src/content/library";
import { libraryOf } from "../../src/content/library-source";
import { renderSitemapPart, SITEMAP_LIMITS } from "../../src/render/crawler-files";
import { createWorker } from "../../src/worker";
import { indexOfCopies, libraryIndex } from "../support/library";
import { call, getProblem, ORIGIN, type ProblemBody } from "../support/worker";

const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => name === "url" || name === "sitemap",
});

interface Entry {
  loc: string;
  lastmod: string;
}
interface Urlset {
  urlset: { "@_xmlns": string; url?: Entry[] };
}
interface SitemapIndex {
  sitemapindex: { "@_xmlns": string; sitemap: Entry[] };
}

/** A well-formed XML document, parsed. */
function parse<T>(xml: string): T {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as T;
}

/** Change times spread over years and not in slug order, so parts' dates differ from the library's newest. */
const updatedAt = (n: number) => new Date(Date.UTC(2020, 0, 1) + ((n * 7919) % 50_021) * 3_600_000).toISOString();

// Just past the limit: a first part of 50,000 URLs (the index page and 49,999 articles) and a second of 11.
const index = indexOfCopies(SITEMAP_LIMITS.urls + 10, updatedAt);
const library = new ContentLibrary(index);
const app = createApp(libraryOf(index));
const get = (path: string, init?: RequestInit) => app.request(`${ORIGIN}${path}`, init, env);

describe("the sitemap past 50,000 URLs", () => {
  it("is a sitemap index of parts, each a urlset within both limits, listing every page once", async () => {
    const response = await get("/sitemap.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const { sitemapindex } = parse<SitemapIndex>(await response.text());
    expect(sitemapindex["@_xmlns"]).toBe(NAMESPACE);
    expect(sitemapindex.sitemap.map((part) => part.loc)).toEqual([
      `${ORIGIN}/sitemaps/1.xml`,
      `${ORIGIN}/sitemaps/2.xml`,
    ]);

    const listed: Entry[] = [];
    const sizes: number[] = [];
    const lastModified: (string | null)[] = [];
    for (const part of sitemapindex.sitemap) {
      const answer = await get(new URL(part.loc).pathname);
      expect(answer.status, part.loc).toBe(200);
      expect(answer.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
      const bytes = await answer.arrayBuffer();
      expect(bytes.byteLength).toBeLessThanOrEqual(SITEMAP_LIMITS.bytes);
      const { urlset } = parse<Urlset>(new TextDecoder().decode(bytes));
      expect(urlset["@_xmlns"]).toBe(NAMESPACE);
      const urls = urlset.url ?? [];
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.length).toBeLessThanOrEqual(SITEMAP_LIMITS.urls);
      // The index dates each part by the newest change among its URLs.
      expect(part.lastmod).toBe(
        urls
          .map((url) => url.lastmod)
          .sort()
          .at(-1),
      );
      listed.push(...urls);
      sizes.push(urls.length);
      lastModified.push(answer.headers.get("Last-Modified"));
    }
    expect(sizes).toEqual([SITEMAP_LIMITS.urls, 11]);

    // The index of articles first, then every article's page exactly once, by slug, with its last change.
    const bySlug = [...library.articles].sort((a, b) => (a.slug < b.slug ? -1 : 1));
    expect(listed).toEqual([
      { loc: `${ORIGIN}/articles`, lastmod: library.updatedAt.slice(0, 10) },
      ...bySlug.map((article) => ({
        loc: `${ORIGIN}/articles/${article.slug}`,
        lastmod: article.updatedAt.slice(0, 10),
      })),
    ]);
    expect(new Set(listed.map((url) => url.loc)).size).toBe(index.articles.length + 1);
    // Last-Modified says when the part's newest page changed, to the second.
    const newestOf = (articles: typeof bySlug) =>
      articles
        .map((article) => article.updatedAt)
        .sort()
        .at(-1) ?? "";
    expect(lastModified).toEqual(
      [newestOf(bySlug), newestOf(bySlug.slice(SITEMAP_LIMITS.urls - 1))].map((time) => new Date(time).toUTCString()),
    );
    // The second part's newest change is older than the library's: its date is its own, not the library's.
    expect(sitemapindex.sitemap[1]?.lastmod).not.toBe(library.updatedAt.slice(0, 10));
  });

  it("answers a part past the last with a 404 and a malformed part with a 400, as problem+json", async () => {
    for (const [path, status] of [
      ["/sitemaps/3.xml", 404],
      ["/sitemaps/0.xml", 400],
      ["/sitemaps/x.xml", 400],
      ["/sitemaps/1", 400],
      ["/sitemaps/-1.xml", 400],
      ["/sitemaps/1.5.xml", 400],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      if (status === 400) {
        const problem = await response.json<ProblemBody>();
        expect(problem.errors?.map((error) => [error.in, error.name])).toEqual([["path", "part"]]);
      }
    }
  });

  it("serves parts as /sitemap.xml is served: ETag, 304, caching, Cache-Tag and CORS", async () => {
    const worker = createWorker(libraryOf(index));
    const fetch = async (path: string, headers: Record<string, string> = {}) => {
      const context = createExecutionContext();
      const request = new Request(`${ORIGIN}${path}`, { headers: { "CF-Connecting-IP": "192.0.2.1", ...headers } });
      const response = await worker.fetch(request, env, context);
      await waitOnExecutionContext(context);
      return response;
    };
    const reference = await call("/sitemap.xml");
    for (const path of ["/sitemap.xml", "/sitemaps/2.xml"]) {
      const response = await fetch(path, { Origin: "https://partner.test" });
      expect(response.status).toBe(200);
      for (const header of [
        "Cache-Control",
        "Cache-Tag",
        "Access-Control-Allow-Origin",
        "Access-Control-Expose-Headers",
      ]) {
        expect(response.headers.get(header), `${path}: ${header}`).toBe(reference.headers.get(header));
      }
      expect(response.headers.get("Last-Modified")).not.toBeNull();
      const etag = response.headers.get("ETag") ?? "";
      expect(etag).toMatch(/^"[\w-]+"$/);
      const revalidated = await fetch(path, { "If-None-Match": etag });
      expect(revalidated.status).toBe(304);
      expect(await revalidated.text()).toBe("");
    }
  });

  it("documents the part route with an example that answers here", async () => {
    const document = await (await call("/openapi.json")).json<{
      paths: Record<string, { get: { parameters: { name: string; example: string }[] } }>;
    }>();
    const [parameter] = document.paths["/sitemaps/{part}"]?.get.parameters ?? [];
    expect(parameter?.name).toBe("part");
    expect((await get(`/sitemaps/${parameter?.example}`)).status).toBe(200);
  });

  it("keeps robots.txt pointing at /sitemap.xml, the index", async () => {
    expect(await (await get("/robots.txt")).text()).toContain(`Sitemap: ${ORIGIN}/sitemap.xml\n`);
  });

  it("stays under 50 MB with a full part of the longest URLs this service makes", () => {
    // 50,001 URLs: the first part is a full 50,000 (as the first test shows of parts in general).
    // A slug is a folder name (at most 255 bytes); the base an origin with a 253-character host and a port.
    const slug = (n: number) => `${String(n).padStart(6, "0")}-${"a".repeat(248)}`;
    const longest = new ContentLibrary({
      ...libraryIndex,
      articles: indexOfCopies(SITEMAP_LIMITS.urls, updatedAt).articles.map((article, n) => ({
        ...article,
        slug: slug(n),
      })),
    });
    const host = [63, 63, 63, 61].map((length) => "b".repeat(length)).join(".");
    expect(host.length).toBe(253);
    const { text } = renderSitemapPart(longest, `https://${host}:65535`, 1);
    const bytes = new TextEncoder().encode(text).byteLength;
    expect(bytes).toBeLessThan(SITEMAP_LIMITS.bytes);
  });
});

describe("the sitemap within 50,000 URLs", () => {
  it("is one urlset, with no parts, up to exactly the limit", async () => {
    // The index page and 49,999 articles: 50,000 URLs, the most one file holds.
    const full = createApp(libraryOf(indexOfCopies(SITEMAP_LIMITS.urls - 1, updatedAt)));
    const { urlset } = parse<Urlset>(await (await full.request(`${ORIGIN}/sitemap.xml`, {}, env)).text());
    expect(urlset.url?.length).toBe(SITEMAP_LIMITS.urls);
    const response = await full.request(`${ORIGIN}/sitemaps/1.xml`, {}, env);
    expect(response.status).toBe(404);
  });

  it("is the real library's urlset, and its parts route answers 404", async () => {
    const { urlset } = parse<Urlset>(await (await call("/sitemap.xml")).text());
    expect(urlset.url?.length).toBe(libraryIndex.articles.length + 1);
    const problem = await getProblem("/sitemaps/1.xml", 404);
    expect(problem.detail).toContain("/sitemap.xml");
  });
});
