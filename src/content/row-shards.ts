/**
 * The index split by slug, so a request for one article reads a small file,
 * not the whole library's index. The build writes every row of the index
 * (and every withdrawal) a second time, into the shard its slug falls in
 * (`CONTENT_FILES.rowShard`); the Worker reads the one shard an article
 * route needs (src/content/library-source.ts). The count of shards grows
 * with the library, so a shard holds about the same few rows at any size.
 */
import type { LibraryIndex } from "./model";

/** The most rows a shard holds on average: the count of shards is the least power of two that keeps to it. */
const ROWS_PER_SHARD = 32;

/** How many shards the build splits `index` into. */
export function rowShardCount(index: LibraryIndex): number {
  const rows = index.articles.length + (index.withdrawn?.length ?? 0);
  let count = 1;
  while (count * ROWS_PER_SHARD < rows) count *= 2;
  return count;
}

/** The shard holding `slug`'s row: FNV-1a (32-bit) of the slug, modulo the count. */
export function rowShardOf(slug: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < slug.length; at++) {
    hash ^= slug.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}

/** The index's rows and withdrawals in `count` shards, each with the index's version. */
export function rowShards(index: LibraryIndex, count: number): LibraryIndex[] {
  const shards = Array.from(
    { length: count },
    (): Required<LibraryIndex> => ({
      version: index.version,
      articles: [],
      withdrawn: [],
    }),
  );
  for (const row of index.articles) shards[rowShardOf(row.slug, count)]?.articles.push(row);
  for (const withdrawal of index.withdrawn ?? [])
    shards[rowShardOf(withdrawal.slug, count)]?.withdrawn.push(withdrawal);
  return shards;
}
