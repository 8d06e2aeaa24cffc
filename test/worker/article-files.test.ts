/**
 * The library lives outside the bundle, as static assets the Worker reads
 * through its ASSETS binding (miniflare's real assets simulation, seeded by
 * the content build): only the Worker reads them, the index once per isolate
 * and a bounded number of articles at a time, and a file that does not match
 * the build is never served.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ASSET_PATHS } from "../../src/api/asset-paths";
import { createApp } from "../../src/app";
import { ArticleFileCache, type AssetReader } from "../../src/content/article-files";
import { libraryVersion } from "../../src/content/generated/library";
import { ContentLibrary } from "../../src/content/library";
import { libraryInAssets, libraryOf } from "../../src/content/library-source";
import { libraryIndex, SLUGS } from "../support/library";
import { getProblem } from "../support/worker";

/** The real binding, with a count of the paths read through it. */
function countingAssets(): { assets: AssetReader; reads: string[] } {
  const reads: string[] = [];
  const assets = {
    fetch: (input: string) => {
      reads.push(new URL(input).pathname);
      return env.ASSETS.fetch(input);
    },
  };
  return { assets, reads };
}

const [newest] = libraryIndex.articles;
if (!newest) throw new Error("the library is empty");

describe("article files", () => {
  it("are not served to clients: their paths reach the Worker, which has no route there", async () => {
    for (const slug of SLUGS) await getProblem(ASSET_PATHS.article(slug), 404);
  });

  it("are read once while kept, and again once pushed out by others", async () => {
    const { assets, reads } = countingAssets();
    const library = new ContentLibrary(libraryIndex, new ArticleFileCache(1));
    const [first, second = first] = SLUGS;
    if (!first || !second) throw new Error("the library is empty");
    await library.article(first, assets);
    await library.article(first, assets);
    expect(reads).toEqual([ASSET_PATHS.article(first)]);
    await library.article(second, assets);
    await library.article(first, assets);
    // With room for one, a second article pushes the first out (with one article, it is read again anyway).
    expect(reads.filter((path) => path === ASSET_PATHS.article(first)).length).toBe(first === second ? 1 : 2);
  });

  it("are read once for requests that arrive together", async () => {
    const { assets, reads } = countingAssets();
    const library = new ContentLibrary(libraryIndex);
    const articles = await Promise.all(SLUGS.flatMap((slug) => [slug, slug]).map((s) => library.article(s, assets)));
    expect(articles.map((article) => article?.entry.article.slug)).toEqual(SLUGS.flatMap((slug) => [slug, slug]));
    expect(reads.sort()).toEqual(SLUGS.map((slug) => ASSET_PATHS.article(slug)).sort());
  });

  it("answer nothing for a slug the index does not hold, without reading", async () => {
    const { assets, reads } = countingAssets();
    expect(await new ContentLibrary(libraryIndex).article("no-such-article", assets)).toBeUndefined();
    expect(reads).toEqual([]);
  });

  it("are refused when they hold another version than the index names: a 500, never the wrong text", async () => {
    const stale = { ...libraryIndex, articles: [{ ...newest, hash: "sha256:another-version" }] };
    const response = await createApp(libraryOf(stale)).request(`/v1/articles/${newest.slug}`, {}, env);
    expect(response.status).toBe(500);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    expect(await response.text()).not.toContain(newest.title);
  });

  it("are refused when missing from the assets: a 500, and the next request reads again", async () => {
    const missing = { ...libraryIndex, articles: [{ ...newest, slug: "not-built" }] };
    const { assets, reads } = countingAssets();
    const library = new ContentLibrary(missing);
    await expect(library.article("not-built", assets)).rejects.toThrow(/run the content build/);
    await expect(library.article("not-built", assets)).rejects.toThrow(/run the content build/);
    expect(reads).toEqual([ASSET_PATHS.article("not-built"), ASSET_PATHS.article("not-built")]);
  });
});

describe("the index file", () => {
  it("is not served to clients: its path reaches the Worker, which has no route there", async () => {
    await getProblem(ASSET_PATHS.libraryIndex, 404);
  });

  it("is read once per isolate, also for requests that arrive together", async () => {
    const { assets, reads } = countingAssets();
    const source = libraryInAssets(libraryVersion);
    const libraries = await Promise.all([source.library(assets), source.library(assets), source.library(assets)]);
    await source.library(assets);
    expect(reads).toEqual([ASSET_PATHS.libraryIndex]);
    expect(new Set(libraries).size).toBe(1);
    expect(libraries[0]?.articles.map((article) => article.slug)).toEqual(SLUGS);
  });

  it("is refused when another build wrote it: a 500 with no article, and the next request reads again", async () => {
    const { assets, reads } = countingAssets();
    const app = createApp(libraryInAssets("another-build"));
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await app.request("/v1/articles", {}, { ...env, ASSETS: assets });
      expect(response.status).toBe(500);
      expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      const body = await response.text();
      for (const slug of SLUGS) expect(body).not.toContain(slug);
    }
    expect(reads).toEqual([ASSET_PATHS.libraryIndex, ASSET_PATHS.libraryIndex]);
  });
});
