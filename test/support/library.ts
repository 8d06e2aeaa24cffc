/**
 * The library the Worker under test serves, read as the Worker reads it: its
 * index through the ASSETS binding (miniflare's simulation of the files the
 * build wrote), and what tests expect of its lists (library-listing.ts).
 */
import { env } from "cloudflare:workers";
import { builtLibrary } from "../../src/content/generated/library";
import { readLibraryIndex } from "../../src/content/library-source";
import type { LibraryIndex } from "../../src/content/model";
import { listingOf } from "./library-listing";

export const libraryIndex = await readLibraryIndex(env.ASSETS, builtLibrary.version);

export const { ARTICLES, SLUGS, slugsMappedTo, slugsTitled } = listingOf(libraryIndex);

/**
 * An index of `count` copies of the library's newest article, under other
 * slugs (`copy-000000`...) and with the change times `updatedAt` gives: for
 * lists longer than the library. The copies share the article's nested
 * objects, so even 50,000 of them are cheap; they have no files, so only
 * what the index alone answers (lists, index pages, the sitemap) serves them.
 */
export function indexOfCopies(count: number, updatedAt: (n: number) => string): LibraryIndex {
  const [newest] = ARTICLES;
  if (!newest) throw new Error("the library is empty");
  const articles = Array.from({ length: count }, (_, n) => ({
    ...newest,
    slug: `copy-${String(n).padStart(6, "0")}`,
    updatedAt: updatedAt(n),
  }));
  return { ...libraryIndex, articles };
}
