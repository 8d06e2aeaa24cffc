/**
 * Where the app gets its library. The Worker reads the index from its assets
 * on the first request of an isolate that needs it, and keeps it, so neither
 * the bundle nor an isolate's start grows with the library (BENCHMARKS.md,
 * "Library at scale"); a request for one article reads only the shard of the
 * index that holds its row (src/content/row-shards.ts), so it does not grow
 * with the library either. Tests may hand the app an index they hold.
 */

import { ArticleFileCache, type AssetReader, readContentFile } from "./article-files";
import { CONTENT_FILES } from "./content-assets";
import { ContentUnavailable } from "./content-unavailable";
import { ContentLibrary, type RequestedArticle } from "./library";
import type { LibraryIndex, WithdrawnArticle } from "./model";
import { rowShardOf } from "./row-shards";

/** What a slug names: an article, an article its publisher withdrew, or nothing. */
export type FoundArticle = { article: RequestedArticle } | { withdrawn: WithdrawnArticle } | undefined;

export interface LibrarySource {
  /**
   * When the library last changed, known without reading it: routes that
   * need no article (the service index, robots.txt, /embed.js) date their
   * answers by it, and keep answering when the index cannot be read.
   */
  readonly updatedAt: string;
  /** The library, reading what it needs through `assets`; ContentUnavailable when its index cannot be read. */
  library(assets: AssetReader): Promise<ContentLibrary>;
  /** What `slug` names, from its row alone; ContentUnavailable when the index's shard holding it cannot be read. */
  find(slug: string, assets: AssetReader): Promise<FoundArticle>;
}

/** The library around an index already in memory. */
export function libraryOf(index: LibraryIndex): LibrarySource {
  const library = new ContentLibrary(index);
  const loaded = Promise.resolve(library);
  return {
    updatedAt: library.updatedAt,
    library: () => loaded,
    find: async (slug, assets) => found(library, slug, assets),
  };
}

/** What `slug` names in a library, or in the library of one shard of its index. */
function found(library: ContentLibrary, slug: string, assets: AssetReader): FoundArticle {
  const article = library.requested(slug, assets);
  if (article) return { article };
  const withdrawn = library.withdrawal(slug);
  return withdrawn && { withdrawn };
}

/** What the build tells the bundle about the library it wrote (src/content/generated/library.ts). */
export interface BuiltLibrary {
  /** The index's version: the bundle refuses an index file, or a shard of one, of another. */
  version: string;
  /** The newest change of any article. */
  updatedAt: string;
  /** How many shards the index is split into (src/content/row-shards.ts). */
  rowShards: number;
}

/**
 * The library whose index the content build wrote into the assets, as
 * `built` (the generated module's `builtLibrary`) names it. Concurrent
 * first requests share one read of the index, or of a shard; a failed read
 * is not kept, so the next request tries again. Once the whole index is read,
 * a slug is found in it, and the shards read before are let go: the index
 * holds their rows.
 */
export function libraryInAssets(built: BuiltLibrary): LibrarySource {
  const files = new ArticleFileCache();
  let whole: ContentLibrary | undefined;
  const library = keptRead(async (assets: AssetReader) => {
    whole = new ContentLibrary(await readLibraryIndex(assets, built.version), files);
    shards.clear();
    return whole;
  });
  const shards = new Map<number, (assets: AssetReader) => Promise<ContentLibrary>>();
  const shard = (n: number) => {
    let read = shards.get(n);
    if (!read) {
      read = keptRead(async (assets) => new ContentLibrary(await readShard(assets, built.version, n), files));
      shards.set(n, read);
    }
    return read;
  };
  return {
    updatedAt: built.updatedAt,
    library,
    async find(slug, assets) {
      return found(whole ?? (await shard(rowShardOf(slug, built.rowShards))(assets)), slug, assets);
    },
  };
}

/** `read`, shared by the calls that wait for it; kept once it succeeds, forgotten when it fails. */
function keptRead<T>(read: (assets: AssetReader) => Promise<T>): (assets: AssetReader) => Promise<T> {
  let reading: Promise<T> | undefined;
  return (assets) => {
    if (reading) return reading;
    const attempt = read(assets);
    reading = attempt;
    attempt.catch(() => {
      if (reading === attempt) reading = undefined;
    });
    return attempt;
  };
}

/** The index file, when it is the one `version` names. */
export function readLibraryIndex(assets: AssetReader, version: string): Promise<LibraryIndex> {
  return readIndexFile(assets, CONTENT_FILES.libraryIndex, version);
}

/** Shard `n` of the index, when it is of the index `version` names. */
function readShard(assets: AssetReader, version: string, n: number): Promise<LibraryIndex> {
  return readIndexFile(assets, CONTENT_FILES.rowShard(n), version);
}

async function readIndexFile(assets: AssetReader, path: string, version: string): Promise<LibraryIndex> {
  const index = await readContentFile<LibraryIndex>(assets, path, INDEX);
  // The bundle and the assets are built and deployed together; another version means a stale build.
  if (index?.version !== version || !Array.isArray(index.articles)) {
    throw new ContentUnavailable(
      INDEX,
      `${path} is version ${String(index?.version)}, not ${version}; run the content build`,
    );
  }
  return index;
}

const INDEX = { kind: "index" } as const;
