/**
 * How long content may be kept, from the lifetimes in wrangler.toml [vars]:
 * `Cache-Control` for browsers and every shared cache, and a directive of
 * its own for Cloudflare's cache in front of the Worker (wrangler.toml
 * `[cache]`), which Cloudflare reads instead and strips from responses.
 */

const DEFAULTS = { maxAge: 300, sMaxAge: 3600, staleWhileRevalidate: 86400 };

export interface ContentCachePolicy {
  /** `Cache-Control`. */
  readonly cacheControl: string;
  /**
   * `Cloudflare-CDN-Cache-Control`. Cloudflare's cache keys a Worker's
   * responses by path and query, not host, so it may only keep them when
   * their absolute links do not come from the request's host, that is when
   * PUBLIC_BASE_URL is set. It says `max-age` rather than `s-maxage`: with
   * `s-maxage` that cache would neither serve stale copies while it
   * revalidates nor fall back to them when the Worker fails.
   */
  readonly edgeCacheControl: string;
}

let cached: { key: string; value: ContentCachePolicy } | undefined;

export function contentCachePolicy(env: Env): ContentCachePolicy {
  const linksFollowHost = !env.PUBLIC_BASE_URL?.trim();
  const key = `${env.CACHE_MAX_AGE}/${env.CACHE_S_MAXAGE}/${env.CACHE_STALE_WHILE_REVALIDATE}/${linksFollowHost}`;
  if (cached?.key !== key) {
    const maxAge = seconds(env.CACHE_MAX_AGE, DEFAULTS.maxAge);
    const sMaxAge = seconds(env.CACHE_S_MAXAGE, DEFAULTS.sMaxAge);
    const swr = seconds(env.CACHE_STALE_WHILE_REVALIDATE, DEFAULTS.staleWhileRevalidate);
    cached = {
      key,
      value: {
        cacheControl: `public, max-age=${maxAge}, s-maxage=${sMaxAge}, stale-while-revalidate=${swr}`,
        edgeCacheControl: linksFollowHost ? "no-store" : `public, max-age=${sMaxAge}, stale-while-revalidate=${swr}`,
      },
    };
  }
  return cached.value;
}

/**
 * The caching of answers whose URL says what someone looked for (a search's
 * words, a clinical code): the reader's browser may keep them, a shared
 * cache may not (`private`), and Cloudflare's cache never does, so no cache
 * between the reader and the Worker keeps a record of what people looked
 * for. These replace the representation's content policy.
 */
export function privateCacheHeaders(env: Env): Record<string, string> {
  return {
    "Cache-Control": `private, max-age=${seconds(env.CACHE_MAX_AGE, DEFAULTS.maxAge)}`,
    "Cloudflare-CDN-Cache-Control": "no-store",
  };
}

/** How long shared caches may keep content (s-maxage), e.g. for oEmbed's cache_age. */
export function contentCacheSeconds(env: Env): number {
  return seconds(env.CACHE_S_MAXAGE, DEFAULTS.sMaxAge);
}

/** A configured lifetime; a missing or malformed value falls back to the default. */
function seconds(value: string | undefined, fallback: number): number {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : fallback;
}
