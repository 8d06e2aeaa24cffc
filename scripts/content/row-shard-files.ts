/** The index's shards the build writes beside it (src/content/row-shards.ts). */
import { basename, dirname, join } from "node:path";
import { CONTENT_ASSETS, CONTENT_FILES } from "../../src/content/content-assets";
import type { LibraryIndex } from "../../src/content/model";
import { rowShardCount, rowShards } from "../../src/content/row-shards";
import { writeIfChanged } from "../write-if-changed";
import { removeAllBut } from "./library-files";

/** Writes the shards of `index` whose bytes changed and removes those of a larger count; how many files changed. */
export function writeRowShards(outDir: string, index: LibraryIndex): number {
  const shards = rowShards(index, rowShardCount(index));
  let changed = 0;
  const kept = new Set<string>();
  shards.forEach((shard, n) => {
    const path = shardFile(outDir, n);
    kept.add(basename(path));
    if (writeIfChanged(path, JSON.stringify(shard))) changed++;
  });
  return changed + removeAllBut(dirname(shardFile(outDir, 0)), kept);
}

function shardFile(outDir: string, n: number): string {
  return join(outDir, CONTENT_FILES.rowShard(n).slice(CONTENT_ASSETS.length));
}
