/**
 * The library lives outside the bundle, as static assets the Worker reads
 * through its ASSETS binding (miniflare's real assets simulation, seeded by
 * the content build): only the Worker reads them, the index once per isolate
 * and a bounded number of articles at a time, and a file whose bytes are not
 * the ones the build wrote is never served. (What a damaged file fails, and
 * what keeps answering, is faults.test.ts's.)
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ArticleFileCache, type AssetReader } from "../../src/content/article-files";
import { CONTENT_FILES } from "../../src/content/content-assets";
import { ContentUnavailable } from "../../src/content/content-unavailable";
import { builtLibrary } from "../../src/content/generated/library";
import { ContentLibrary } from "../../src/content/library";
import { libraryInAssets } from "../../src/content/library-source";
import { damagedAssets } from "../support/damaged-assets";
import { libraryIndex, SLUGS } from "../support/library";
import { getProblem } from "../support/worker";

/** The binding given, with a count of the paths read through it. */
function counting(through: AssetReader = env.ASSETS): { assets: AssetReader; reads: string[] } {
  const reads: string[] = [];
  const assets = {
    fetch: (input: string) => {
      reads.push(new URL(input).pathname);
      return through.fetch(input);
    },
  };
  return { assets, reads };
}

const [newest] = libraryIndex.articles;
if (!newest) throw new Error("the library is empty");

describe("article files", () => {
  it("are not served to clients: their paths reach the Worker, which has no route there", async () => {
    for (const slug of SLUGS) {
      await getProblem(CONTENT_FILES.article(slug), 404);
      await getProblem(CONTENT_FILES.digest(slug), 404);
    }
  });

  it("are read once while kept, and again once pushed out by others", async () => {
    const { assets, reads } = counting();
    const library = new ContentLibrary(libraryIndex, new ArticleFileCache(1));
    const [first, second = first] = SLUGS;
    if (!first || !second) throw new Error("the library is empty");
    await library.article(first, assets);
    await library.article(first, assets);
    expect(reads).toEqual([CONTENT_FILES.article(first)]);
    await library.article(second, assets);
    await library.article(first, assets);
    // With room for one, a second article pushes the first out (with one article, it is read again anyway).
    expect(reads.filter((path) => path === CONTENT_FILES.article(first)).length).toBe(first === second ? 1 : 2);
  });

  it("are read once for requests that arrive together", async () => {
    const { assets, reads } = counting();
    const library = new ContentLibrary(libraryIndex);
    const articles = await Promise.all(SLUGS.flatMap((slug) => [slug, slug]).map((s) => library.article(s, assets)));
    expect(articles.map((article) => article?.entry.article.slug)).toEqual(SLUGS.flatMap((slug) => [slug, slug]));
    expect(reads.sort()).toEqual(SLUGS.map((slug) => CONTENT_FILES.article(slug)).sort());
  });

  it("answer nothing for a slug the index does not hold, without reading", async () => {
    const { assets, reads } = counting();
    expect(await new ContentLibrary(libraryIndex).article("no-such-article", assets)).toBeUndefined();
    expect(reads).toEqual([]);
  });

  it("are checked by the bytes read: an edited title under the old hash field is refused, never served", async () => {
    const edited = damagedAssets({
      [CONTENT_FILES.article(newest.slug)]: (text) => text.replace(`"title":"${newest.title}"`, '"title":"Edited"'),
    });
    const read = new ContentLibrary(libraryIndex).article(newest.slug, edited);
    await expect(read).rejects.toBeInstanceOf(ContentUnavailable);
    await expect(read).rejects.toThrow(/its bytes are not the ones the index names/);
  });

  it("are refused when missing, and the next request reads again", async () => {
    const { assets, reads } = counting(damagedAssets({ [CONTENT_FILES.article(newest.slug)]: "missing" }));
    const library = new ContentLibrary(libraryIndex);
    await expect(library.article(newest.slug, assets)).rejects.toThrow(/run the content build/);
    await expect(library.article(newest.slug, assets)).rejects.toThrow(/run the content build/);
    expect(reads).toEqual([CONTENT_FILES.article(newest.slug), CONTENT_FILES.article(newest.slug)]);
  });

  it("include a digest per article that lists read instead of its text", async () => {
    const { assets, reads } = counting();
    const [digested] = await new ContentLibrary(libraryIndex).digestsOf([newest], assets);
    const article = await new ContentLibrary(libraryIndex).article(newest.slug, env.ASSETS);
    expect(digested?.digest.sections.map((section) => section.hash)).toEqual(
      article?.sections().map(({ section }) => section.hash),
    );
    expect(reads).toEqual([CONTENT_FILES.digest(newest.slug)]);
  });
});

describe("the index file", () => {
  it("is not served to clients: its path reaches the Worker, which has no route there", async () => {
    await getProblem(CONTENT_FILES.libraryIndex, 404);
  });

  it("is read once per isolate, also for requests that arrive together", async () => {
    const { assets, reads } = counting();
    const source = libraryInAssets(builtLibrary);
    const libraries = await Promise.all([source.library(assets), source.library(assets), source.library(assets)]);
    await source.library(assets);
    expect(reads).toEqual([CONTENT_FILES.libraryIndex]);
    expect(new Set(libraries).size).toBe(1);
    expect(libraries[0]?.articles.map((article) => article.slug)).toEqual(SLUGS);
  });

  it("is refused when another build wrote it, and the next request reads again", async () => {
    const { assets, reads } = counting();
    const source = libraryInAssets({ ...builtLibrary, version: "another-build" });
    await expect(source.library(assets)).rejects.toThrow(/not another-build; run the content build/);
    await expect(source.library(assets)).rejects.toBeInstanceOf(ContentUnavailable);
    expect(reads).toEqual([CONTENT_FILES.libraryIndex, CONTENT_FILES.libraryIndex]);
  });
});
