/**
 * The library the Worker under test serves, read as the Worker reads it: its
 * index through the ASSETS binding (miniflare's simulation of the files the
 * build wrote), and what tests expect of its lists (library-listing.ts).
 */
import { env } from "cloudflare:workers";
import { libraryVersion } from "../../src/content/generated/library";
import { readLibraryIndex } from "../../src/content/library-source";
import { listingOf } from "./library-listing";

export const libraryIndex = await readLibraryIndex(env.ASSETS, libraryVersion);

export const { ARTICLES, SLUGS, slugsMappedTo, slugsTitled } = listingOf(libraryIndex);
