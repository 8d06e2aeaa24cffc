/**
 * Where the app gets its library. The Worker reads the index from its assets
 * on the first request of an isolate that needs it, and keeps it, so neither
 * the bundle nor an isolate's start grows with the library (BENCHMARKS.md,
 * "Library at scale"); tests may hand the app an index they hold.
 */

import { type AssetReader, readContentFile } from "./article-files";
import { CONTENT_FILES } from "./content-assets";
import { ContentUnavailable } from "./content-unavailable";
import { ContentLibrary } from "./library";
import type { LibraryIndex } from "./model";

export interface LibrarySource {
  /**
   * When the library last changed, known without reading it: routes that
   * need no article (the service index, robots.txt, /embed.js) date their
   * answers by it, and keep answering when the index cannot be read.
   */
  readonly updatedAt: string;
  /** The library, reading what it needs through `assets`; ContentUnavailable when its index cannot be read. */
  library(assets: AssetReader): Promise<ContentLibrary>;
}

/** The library around an index already in memory. */
export function libraryOf(index: LibraryIndex): LibrarySource {
  const library = new ContentLibrary(index);
  const loaded = Promise.resolve(library);
  return { updatedAt: library.updatedAt, library: () => loaded };
}

/** What the build tells the bundle about the library it wrote (src/content/generated/library.ts). */
export interface BuiltLibrary {
  /** The index's version: the bundle refuses an index file of another. */
  version: string;
  /** The newest change of any article. */
  updatedAt: string;
}

/**
 * The library whose index the content build wrote into the assets, as
 * `version` (the generated module's `builtLibrary`) names it. Concurrent
 * first requests share one read; a failed read is not kept, so the next
 * request tries again.
 */
export function libraryInAssets({ version, updatedAt }: BuiltLibrary): LibrarySource {
  let loading: Promise<ContentLibrary> | undefined;
  return {
    updatedAt,
    library(assets) {
      if (loading) return loading;
      const reading = readLibraryIndex(assets, version).then((index) => new ContentLibrary(index));
      loading = reading;
      reading.catch(() => {
        if (loading === reading) loading = undefined;
      });
      return reading;
    },
  };
}

/** The index file, when it is the one `version` names. */
export async function readLibraryIndex(assets: AssetReader, version: string): Promise<LibraryIndex> {
  const index = await readContentFile<LibraryIndex>(assets, CONTENT_FILES.libraryIndex, INDEX);
  // The bundle and the assets are built and deployed together; another version means a stale build.
  if (index?.version !== version || !Array.isArray(index.articles)) {
    throw new ContentUnavailable(
      INDEX,
      `${CONTENT_FILES.libraryIndex} is version ${String(index?.version)}, not ${version}; run the content build`,
    );
  }
  return index;
}

const INDEX = { kind: "index" } as const;
