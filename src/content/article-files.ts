/**
 * Reads an article's file from the Worker's static assets (written by the
 * content build into build/assets/_content, not served to clients: wrangler.toml's
 * `run_worker_first`) and keeps the most recently used articles per isolate.
 */
import { ASSET_PATHS } from "../api/asset-paths";
import { BoundedMap } from "../http/bounded-map";
import type { CompiledEntry, IndexedArticle } from "./model";

/** The assets binding, or anything else that answers an asset path. */
export interface AssetReader {
  fetch(input: string): Promise<Response>;
}

/**
 * Parsed articles kept per isolate. Each is a few hundred KiB of heap once its
 * representations are built, so a few dozen stay well inside an isolate's
 * 128 MB; the responses built from them are kept separately (representation-store.ts).
 */
const KEPT_ARTICLES = 64;

/** Asset paths are resolved against this origin: the binding ignores the host. */
const ASSET_ORIGIN = "https://assets.invalid";

export class ArticleFileCache {
  private readonly kept: BoundedMap<Promise<unknown>>;

  constructor(capacity = KEPT_ARTICLES) {
    this.kept = new BoundedMap(capacity);
  }

  /** The article `indexed` names, parsed and turned into `T` once while it is kept. */
  read<T>(indexed: IndexedArticle, assets: AssetReader, wrap: (entry: CompiledEntry) => T): Promise<T> {
    const key = `${indexed.slug}\n${indexed.hash}`;
    const kept = this.kept.get(key) as Promise<T> | undefined;
    if (kept) return kept;
    const reading = readEntry(indexed, assets).then(wrap);
    this.kept.set(key, reading);
    // A failed read is not kept: the next request tries again.
    reading.catch(() => this.kept.delete(key));
    return reading;
  }
}

/** A JSON file the content build wrote into the assets; a missing file is an error (the build did not run). */
export async function readContentFile<T>(assets: AssetReader, path: string): Promise<T> {
  const response = await assets.fetch(`${ASSET_ORIGIN}${path}`);
  if (!response.ok) throw new Error(`${path}: the assets answered ${response.status}; run the content build`);
  return (await response.json()) as T;
}

async function readEntry(indexed: IndexedArticle, assets: AssetReader): Promise<CompiledEntry> {
  const path = ASSET_PATHS.article(indexed.slug);
  const entry = await readContentFile<CompiledEntry>(assets, path);
  // The index and the files are built and deployed together; a different hash means a stale build.
  if (entry.article.hash !== indexed.hash) {
    throw new Error(`${path} holds another version of "${indexed.slug}" than the index; run the content build`);
  }
  return entry;
}
