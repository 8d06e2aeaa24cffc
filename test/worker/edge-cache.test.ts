/**
 * What Cloudflare's cache in front of the Worker (wrangler.toml `[cache]`) is
 * told: whether and how long it may keep each content response
 * (`Cloudflare-CDN-Cache-Control`), and which article each one shows
 * (`Cache-Tag`), so that a content change can be purged precisely.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { libraryOf } from "../../src/content/library-source";
import { createWorker } from "../../src/worker";
import { libraryIndex } from "../support/library";
import { CONTENT_PATHS, CONTENT_ROUTES } from "../support/routes";
import { SUBJECT } from "../support/subject";
import { call } from "../support/worker";

const ARTICLE = `article:${SUBJECT.slug}`;
const COLLECTION = "articles";

/** Each content route's tags: the article it shows, the collection it lists, or none. */
const TAGS: Record<keyof typeof CONTENT_ROUTES, string | null> = {
  serviceIndex: null,
  articleList: COLLECTION,
  article: ARTICLE,
  articleSelection: ARTICLE,
  section: ARTICLE,
  jsonLd: ARTICLE,
  condition: ARTICLE,
  pageIndex: COLLECTION,
  page: ARTICLE,
  sitemap: COLLECTION,
  robots: null,
  embed: ARTICLE,
  embedScript: null,
  oEmbed: ARTICLE,
};
const TAG_OF = new Map<string, string | null>(
  Object.entries(CONTENT_ROUTES).map(([route, path]) => [path, TAGS[route as keyof typeof CONTENT_ROUTES]]),
);

const CACHE_CONTROL = "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400";

describe("Cache-Tag", () => {
  it.each(CONTENT_PATHS)("%s names the article it shows, or the collection it lists", async (path) => {
    const response = await call(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Tag")).toBe(TAG_OF.get(path));
  });

  it.each(["application/json", "application/ld+json", "text/markdown"])(
    "is the same for every representation of an article (%s): Cloudflare purges all of a URL's variants together",
    async (accept) => {
      const response = await call(SUBJECT.path, { headers: { Accept: accept } });
      expect(response.status).toBe(200);
      expect(response.headers.get("Cache-Tag")).toBe(ARTICLE);
    },
  );

  it("comes with a 304 too, as the cache revalidates", async () => {
    const { headers } = await call(CONTENT_ROUTES.condition);
    const response = await call(CONTENT_ROUTES.condition, {
      headers: { "If-None-Match": headers.get("ETag") ?? "" },
    });
    expect(response.status).toBe(304);
    expect(response.headers.get("Cache-Tag")).toBe(ARTICLE);
  });

  it("is not on errors, which no cache keeps", async () => {
    const response = await call("/v1/articles/no-such-article");
    expect(response.status).toBe(404);
    expect(response.headers.get("Cache-Tag")).toBeNull();
    expect(response.headers.get("Cloudflare-CDN-Cache-Control")).toBeNull();
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("Cloudflare-CDN-Cache-Control", () => {
  it.each(CONTENT_PATHS)("%s: not kept at the edge while absolute links follow the request's host", async (path) => {
    const response = await call(path);
    expect(response.headers.get("Cloudflare-CDN-Cache-Control")).toBe("no-store");
    expect(response.headers.get("Cache-Control")).toBe(CACHE_CONTROL);
  });

  it.each(CONTENT_PATHS)(
    "%s: kept for s-maxage, and served stale while revalidated, once PUBLIC_BASE_URL is set",
    async (path) => {
      const base = "https://health.example.org";
      const worker = createWorker(libraryOf(libraryIndex));
      const context = createExecutionContext();
      // oEmbed's url names a page of this service, now at the configured base.
      const own = path.replace(encodeURIComponent("https://health.test"), encodeURIComponent(base));
      const response = await worker.fetch(
        new Request(`https://health.test${own}`, { headers: { "CF-Connecting-IP": "192.0.2.1" } }),
        { ...env, PUBLIC_BASE_URL: base },
        context,
      );
      await waitOnExecutionContext(context);
      expect(response.status).toBe(200);
      expect(response.headers.get("Cloudflare-CDN-Cache-Control")).toBe(
        "public, max-age=3600, stale-while-revalidate=86400",
      );
      expect(response.headers.get("Cache-Control")).toBe(CACHE_CONTROL);
    },
  );
});
