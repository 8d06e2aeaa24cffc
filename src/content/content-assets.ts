/**
 * Where the content build's files live in the static assets: one declaration
 * for the build that writes them (scripts/content/) and the Worker that reads
 * them. Only the Worker reads them (wrangler.toml runs it first for this
 * folder, so the files stay private).
 */

export const CONTENT_ASSETS = "/_content";

export const CONTENT_FILES = {
  /** The library's index (src/content/model/library-index.ts). */
  libraryIndex: `${CONTENT_ASSETS}/index.json`,
  /** The index's rows and withdrawals whose slugs fall in shard `n` (src/content/row-shards.ts), in the index's shape. */
  rowShard: (n: number) => `${CONTENT_ASSETS}/rows/${n}.json`,
  /** An article's compiled file; never served to clients. */
  article: (slug: string) => `${CONTENT_ASSETS}/articles/${slug}.json`,
  /** An article's digest (src/content/model/library-index.ts), read like its file. */
  digest: (slug: string) => `${CONTENT_ASSETS}/digests/${slug}.json`,
  /** One of an article's whole-article bodies, rendered by the build (src/content/article-bodies.ts). */
  body: (slug: string, kind: string) => `${CONTENT_ASSETS}/bodies/${slug}/${kind}.body`,
} as const;
