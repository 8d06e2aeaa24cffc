/**
 * `Cache-Tag` for Cloudflare's cache in front of the Worker: every response
 * built from one article names it, and every response that lists articles
 * names the collection, so a content change can be purged from that cache by
 * tag (`ctx.cache.purge({ tags })`) without touching anything else. Cloudflare
 * reads the header and strips it before a response reaches the client. It is
 * part of each stored representation's headers, so it costs nothing per
 * request. Tags are case-insensitive printable ASCII; slugs are lower-case
 * ASCII letters, digits and hyphens.
 */

/** The tag of every response that lists articles (collection, index page, sitemap). */
const COLLECTION_TAG = "articles";

/** Headers naming one article's tag. */
export function articleCacheTag(slug: string): { "Cache-Tag": string } {
  return { "Cache-Tag": `article:${slug}` };
}

/** Headers naming the collection's tag. */
export function collectionCacheTag(): { "Cache-Tag": string } {
  return { "Cache-Tag": COLLECTION_TAG };
}
