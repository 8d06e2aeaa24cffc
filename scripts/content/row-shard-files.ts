/** The index's shards the build writes beside it (src/content/row-shards.ts). */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_ASSETS, CONTENT_FILES } from "../../src/content/content-assets";
import type { LibraryIndex } from "../../src/content/model";
import { rowShardCount, rowShards } from "../../src/content/row-shards";
import { writeIfChanged } from "../write-if-changed";

/** Writes the shards of `index` whose bytes changed and removes those of a larger count; how many files changed. */
export function writeRowShards(outDir: string, index: LibraryIndex): number {
  const shards = rowShards(index, rowShardCount(index));
  let changed = 0;
  const kept = new Set<string>();
  shards.forEach((shard, n) => {
    const path = shardFile(outDir, n);
    kept.add(path);
    if (writeIfChanged(path, JSON.stringify(shard))) changed++;
  });
  const dir = join(outDir, "rows");
  if (!existsSync(dir)) return changed;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (kept.has(path)) continue;
    rmSync(path, { force: true });
    changed++;
  }
  return changed;
}

function shardFile(outDir: string, n: number): string {
  return join(outDir, CONTENT_FILES.rowShard(n).slice(CONTENT_ASSETS.length));
}
