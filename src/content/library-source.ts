/**
 * Where the app gets its library. The Worker reads the index from its assets
 * on an isolate's first request and keeps it, so neither the bundle nor an
 * isolate's start grows with the library (BENCHMARKS.md, "Library at
 * scale"); tests may hand the app an index they hold.
 */
import { ASSET_PATHS } from "../api/asset-paths";
import { type AssetReader, readContentFile } from "./article-files";
import { ContentLibrary } from "./library";
import type { LibraryIndex } from "./model";

export interface LibrarySource {
  /** The library, reading what it needs through `assets`. */
  library(assets: AssetReader): Promise<ContentLibrary>;
}

/** The library around an index already in memory. */
export function libraryOf(index: LibraryIndex): LibrarySource {
  const library = Promise.resolve(new ContentLibrary(index));
  return { library: () => library };
}

/**
 * The library whose index the content build wrote into the assets, as
 * `version` (the generated module's `libraryVersion`) names it. Concurrent
 * first requests share one read; a failed read is not kept, so the next
 * request tries again.
 */
export function libraryInAssets(version: string): LibrarySource {
  let loading: Promise<ContentLibrary> | undefined;
  return {
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
  const index = await readContentFile<LibraryIndex>(assets, ASSET_PATHS.libraryIndex);
  // The bundle and the assets are built and deployed together; another version means a stale build.
  if (index.version !== version) {
    throw new Error(`${ASSET_PATHS.libraryIndex} is version ${index.version}, not ${version}; run the content build`);
  }
  return index;
}
