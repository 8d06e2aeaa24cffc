/**
 * Whole-article bodies the build rendered once for every base
 * (scripts/bodies/build-article-bodies.ts): the Worker serves each from its
 * file, filled with the request's base, and the bytes are exactly what the
 * Worker renders itself, here in workerd, for that base. So a stale build,
 * or a renderer that behaves differently in Node.js than in workerd, fails
 * here. A base a template cannot take is rendered for itself.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app";
import { ARTICLE_BODY_KINDS } from "../../src/content/article-bodies";
import { builtLibrary } from "../../src/content/generated/library";
import { libraryInAssets } from "../../src/content/library-source";
import { WHOLE_ARTICLE_BODIES } from "../../src/responses/article";
import { loadArticles } from "../support/articles";
import { call, ORIGIN } from "../support/worker";

const ARTICLES = await loadArticles();

/** Where each body is served, and the Accept that asks for it. */
const ROUTE = {
  json: { path: (slug: string) => `/v1/articles/${slug}`, accept: "application/json" },
  jsonld: { path: (slug: string) => `/v1/articles/${slug}/jsonld`, accept: "application/ld+json" },
  markdown: { path: (slug: string) => `/v1/articles/${slug}`, accept: "text/markdown" },
  page: { path: (slug: string) => `/articles/${slug}`, accept: "text/html" },
} as const;

const CASES = [...ARTICLES.keys()].flatMap((slug) => ARTICLE_BODY_KINDS.map((kind) => [slug, kind] as const));

afterEach(() => vi.restoreAllMocks());

describe("whole-article bodies", () => {
  it.each(CASES)("%s %s: served from the build's file, the bytes workerd renders for the base", async (slug, kind) => {
    const warned = vi.spyOn(console, "warn");
    const response = await call(ROUTE[kind].path(slug), { headers: { Accept: ROUTE[kind].accept } });
    expect(response.status).toBe(200);
    const entry = ARTICLES.get(slug)?.entry;
    if (!entry) throw new Error(`no article ${slug}`);
    const rendered = await WHOLE_ARTICLE_BODIES[kind].render(entry, ORIGIN);
    expect(await response.text()).toBe(rendered.text);
    expect(response.headers.get("Content-Type")).toBe(WHOLE_ARTICLE_BODIES[kind].contentType);
    for (const [name, value] of Object.entries(rendered.headers ?? {})) expect(response.headers.get(name)).toBe(value);
    // A warning would mean the body was rendered, not read: the build's file did not stand for the article.
    expect(warned).not.toHaveBeenCalled();
  });

  it("has an ETag of its own for each base, the same on every request", async () => {
    const app = createApp(libraryInAssets(builtLibrary));
    const [slug = ""] = ARTICLES.keys();
    const etag = async (base: string) =>
      (await app.request(`${base}/v1/articles/${slug}`, {}, env)).headers.get("ETag");
    const first = await etag("https://one.example");
    expect(first).toMatch(/^"[\w-]+"$/);
    expect(await etag("https://one.example")).toBe(first);
    expect(await etag("https://two.example")).not.toBe(first);
  });

  it("renders a base no template can take (an IPv6 literal) for itself, links and all", async () => {
    const app = createApp(libraryInAssets(builtLibrary));
    for (const [slug, article] of ARTICLES) {
      for (const kind of ARTICLE_BODY_KINDS) {
        const base = "http://[2001:db8::1]:8787";
        const response = await app.request(
          `${base}${ROUTE[kind].path(slug)}`,
          {
            headers: { Accept: ROUTE[kind].accept },
          },
          env,
        );
        expect(await response.text()).toBe((await WHOLE_ARTICLE_BODIES[kind].render(article.entry, base)).text);
      }
    }
  });
});
