/**
 * The library the real Worker serves (src/index.ts, build/assets), read from
 * the index file the content build wrote, and what tests expect of its lists.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { CONTENT_FILES } from "../../../src/content/content-assets";
import type { LibraryIndex } from "../../../src/content/model";
import { listingOf } from "../../support/library-listing";

const ASSETS = resolve(import.meta.dirname, "../../../build/assets");

const libraryIndex = JSON.parse(readFileSync(join(ASSETS, CONTENT_FILES.libraryIndex), "utf8")) as LibraryIndex;

export const { ARTICLES, slugsMappedTo } = listingOf(libraryIndex);
