/**
 * The library the real Worker serves (src/index.ts, build/assets), read from
 * the index file the content build wrote, and what tests expect of its lists.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ASSET_PATHS } from "../../../src/api/asset-paths";
import type { LibraryIndex } from "../../../src/content/model";
import { listingOf } from "../../support/library-listing";

const ASSETS = resolve(import.meta.dirname, "../../../build/assets");

const libraryIndex = JSON.parse(readFileSync(join(ASSETS, ASSET_PATHS.libraryIndex), "utf8")) as LibraryIndex;

export const { ARTICLES, slugsMappedTo } = listingOf(libraryIndex);
