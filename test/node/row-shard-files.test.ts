/** The build writes the index's shards only when they change, and removes those a smaller library no longer has. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeRowShards } from "../../scripts/content/row-shard-files";
import type { IndexedArticle, LibraryIndex } from "../../src/content/model";
import { rowShardOf } from "../../src/content/row-shards";

/** An index of `count` rows: only their slugs matter to the shards. */
const indexOf = (count: number, version = "v1"): LibraryIndex => ({
  version,
  articles: Array.from({ length: count }, (_, n) => ({ slug: `article-${n}` }) as IndexedArticle),
});

describe("the index's shard files", () => {
  let outDir = "";
  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), "shards-"));
  });
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));
  const shardNames = () => readdirSync(join(outDir, "rows")).sort();

  it("are written once, rewritten when the index changes, and those past a smaller count removed", () => {
    expect(writeRowShards(outDir, indexOf(40))).toBe(2);
    expect(shardNames()).toEqual(["0.json", "1.json"]);
    const second = JSON.parse(readFileSync(join(outDir, "rows/1.json"), "utf8")) as LibraryIndex;
    expect(second.articles.every(({ slug }) => rowShardOf(slug, 2) === 1)).toBe(true);
    expect(writeRowShards(outDir, indexOf(40))).toBe(0);
    expect(writeRowShards(outDir, indexOf(40, "v2"))).toBe(2);
    // Ten rows fit one shard: 0.json rewritten, 1.json removed.
    expect(writeRowShards(outDir, indexOf(10, "v2"))).toBe(2);
    expect(shardNames()).toEqual(["0.json"]);
    expect(existsSync(join(outDir, "rows/1.json"))).toBe(false);
  });
});
