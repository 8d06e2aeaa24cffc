/**
 * Reads the content build's files from the Worker's static assets (written
 * into build/assets/_content, not served to clients: wrangler.toml's
 * `run_worker_first`), each checked against the SHA-256 the index holds for
 * its bytes, and keeps the most recently used per isolate.
 */

import { BoundedMap } from "../lib/bounded-map";
import { sha256Hex } from "../lib/sha256";
import { CONTENT_FILES } from "./content-assets";
import { type ContentPart, ContentUnavailable } from "./content-unavailable";
import type { ArticleDigest, CompiledEntry, IndexedArticle } from "./model";

/** The assets binding, or anything else that answers an asset path. */
export interface AssetReader {
  fetch(input: string): Promise<Response>;
}

/**
 * Parsed articles kept per isolate. Each is a few hundred KiB of heap once its
 * representations are built, so a few dozen stay well inside an isolate's
 * 128 MB; the responses built from them are kept separately (representation-store.ts).
 * Digests are a few KiB: a list page's, a feed's and a search page's worth stay.
 */
const KEPT_ARTICLES = 64;
const KEPT_DIGESTS = 512;

/** Asset paths are resolved against this origin: the binding ignores the host. */
const ASSET_ORIGIN = "https://assets.invalid";

/** An article's two files, read on demand and kept while recently used. */
export class ArticleFileCache {
  private readonly articles: KeptReads;
  private readonly digests: KeptReads;

  constructor(capacity = KEPT_ARTICLES) {
    this.articles = new KeptReads(capacity);
    this.digests = new KeptReads(Math.max(capacity, KEPT_DIGESTS));
  }

  /** The article `indexed` names, parsed and turned into `T` once while it is kept. */
  read<T>(indexed: IndexedArticle, assets: AssetReader, wrap: (entry: CompiledEntry) => T): Promise<T> {
    return this.articles.read(indexed, () =>
      readCheckedFile<CompiledEntry>(assets, CONTENT_FILES.article(indexed.slug), indexed.files.article, {
        kind: "article",
        slug: indexed.slug,
      }).then(wrap),
    );
  }

  /** The article's digest: its sections' hashes and what travels with any fragment of it. */
  digest(indexed: IndexedArticle, assets: AssetReader): Promise<ArticleDigest> {
    return this.digests.read(indexed, () =>
      readCheckedFile<ArticleDigest>(assets, CONTENT_FILES.digest(indexed.slug), indexed.files.digest, {
        kind: "article",
        slug: indexed.slug,
      }),
    );
  }
}

/** Reads kept per isolate, by the article and the hash of what is read; a failed read is not kept. */
class KeptReads {
  private readonly kept: BoundedMap<Promise<unknown>>;

  constructor(capacity: number) {
    this.kept = new BoundedMap(capacity);
  }

  read<T>(indexed: IndexedArticle, read: () => Promise<T>): Promise<T> {
    const key = `${indexed.slug}\n${indexed.hash}`;
    const kept = this.kept.get(key) as Promise<T> | undefined;
    if (kept) return kept;
    const reading = read();
    this.kept.set(key, reading);
    // The next request tries again.
    reading.catch(() => this.kept.delete(key));
    return reading;
  }
}

/**
 * A JSON file of the content build whose bytes must hash (SHA-256) to
 * `sha256`: an edited, truncated or stale file is refused, whatever it says
 * of itself.
 */
async function readCheckedFile<T>(assets: AssetReader, path: string, sha256: string, part: ContentPart): Promise<T> {
  const bytes = await readAsset(assets, path, part);
  if ((await sha256Hex(bytes)) !== sha256) {
    throw new ContentUnavailable(
      part,
      `${path}: its bytes are not the ones the index names (damaged, or another build's)`,
    );
  }
  return parseJson<T>(bytes, path, part);
}

/** A JSON file of the content build, unchecked (the index, whose version the caller checks). */
export async function readContentFile<T>(assets: AssetReader, path: string, part: ContentPart): Promise<T> {
  return parseJson<T>(await readAsset(assets, path, part), path, part);
}

/** A file of the content build, as bytes; ContentUnavailable, naming it, when the assets cannot give it. */
export async function readAsset(assets: AssetReader, path: string, part: ContentPart): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await assets.fetch(`${ASSET_ORIGIN}${path}`);
  } catch (error) {
    throw new ContentUnavailable(part, `${path}: the assets could not be read (${String(error)})`);
  }
  if (!response.ok)
    throw new ContentUnavailable(part, `${path}: the assets answered ${response.status}; run the content build`);
  return response.arrayBuffer();
}

function parseJson<T>(bytes: ArrayBuffer, path: string, part: ContentPart): T {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T;
  } catch {
    throw new ContentUnavailable(part, `${path}: not valid JSON (truncated or damaged)`);
  }
}
