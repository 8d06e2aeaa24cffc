import { describe, expect, it } from "vitest";
import type { IndexedArticle, LibraryIndex, WithdrawnArticle } from "./model";
import { rowShardCount, rowShardOf, rowShards } from "./row-shards";

/** An index of `count` rows and `withdrawn` withdrawals: only their slugs matter here. */
function indexOf(count: number, withdrawn = 0): LibraryIndex {
  const row = (n: number) => ({ slug: `article-${n}` }) as IndexedArticle;
  const gone = (n: number) => ({ slug: `withdrawn-${n}` }) as WithdrawnArticle;
  return {
    version: "v1",
    articles: Array.from({ length: count }, (_, n) => row(n)),
    withdrawn: Array.from({ length: withdrawn }, (_, n) => gone(n)),
  };
}

describe("the index's shards", () => {
  it("grow in count with the library, so a shard holds a few dozen rows at any size", () => {
    for (const [rows, shards] of [
      [1, 1],
      [32, 1],
      [33, 2],
      [2_000, 64],
      [10_000, 512],
      [100_000, 4_096],
    ] as const) {
      expect(rowShardCount(indexOf(rows)), `${rows} rows`).toBe(shards);
    }
    expect(rowShardCount(indexOf(32, 1))).toBe(2);
  });

  it("hold every row and withdrawal once, in the shard its slug falls in, with the index's version", () => {
    const index = indexOf(10_000, 40);
    const count = rowShardCount(index);
    const shards = rowShards(index, count);
    expect(shards).toHaveLength(count);
    expect(shards.flatMap((shard) => shard.articles)).toHaveLength(10_000);
    expect(shards.flatMap((shard) => shard.withdrawn ?? [])).toHaveLength(40);
    shards.forEach((shard, n) => {
      expect(shard.version).toBe("v1");
      for (const { slug } of [...shard.articles, ...(shard.withdrawn ?? [])]) expect(rowShardOf(slug, count)).toBe(n);
    });
    // A hash that spreads the slugs: no shard holds more than three times its share.
    const largest = Math.max(...shards.map((shard) => shard.articles.length));
    expect(largest).toBeLessThan((3 * 10_000) / count);
  });

  it("place a slug by FNV-1a of its characters, as the published test vectors give it", () => {
    // With 2^32 shards the shard is the hash itself.
    expect(rowShardOf("", 2 ** 32)).toBe(0x811c9dc5);
    expect(rowShardOf("a", 2 ** 32)).toBe(0xe40c292c);
    expect(rowShardOf("foobar", 2 ** 32)).toBe(0xbf9cf968);
    expect(rowShardOf("leg-cramps", 1)).toBe(0);
  });
});
