/** `Cache-Control` for content responses, from the lifetimes in wrangler.toml [vars]. */

const DEFAULTS = { maxAge: 300, sMaxAge: 3600, staleWhileRevalidate: 86400 };
let cached: { key: string; value: string } | undefined;

export function contentCacheControl(env: Env): string {
  const key = `${env.CACHE_MAX_AGE}/${env.CACHE_S_MAXAGE}/${env.CACHE_STALE_WHILE_REVALIDATE}`;
  if (cached?.key !== key) {
    const maxAge = seconds(env.CACHE_MAX_AGE, DEFAULTS.maxAge);
    const sMaxAge = seconds(env.CACHE_S_MAXAGE, DEFAULTS.sMaxAge);
    const swr = seconds(env.CACHE_STALE_WHILE_REVALIDATE, DEFAULTS.staleWhileRevalidate);
    cached = { key, value: `public, max-age=${maxAge}, s-maxage=${sMaxAge}, stale-while-revalidate=${swr}` };
  }
  return cached.value;
}

/** How long shared caches may keep content (s-maxage), e.g. for oEmbed's cache_age. */
export function contentCacheSeconds(env: Env): number {
  return seconds(env.CACHE_S_MAXAGE, DEFAULTS.sMaxAge);
}

/** A configured lifetime; a missing or malformed value falls back to the default. */
function seconds(value: string | undefined, fallback: number): number {
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : fallback;
}
