/** Every content route of the real Worker that shared caches may keep, with a path that answers 200. */
export const CONTENT_PATHS = [
  "/",
  "/v1/articles",
  "/v1/articles/leg-cramps",
  "/v1/articles/leg-cramps?sections=calf-extension",
  "/v1/articles/leg-cramps/sections/heel-walk",
  "/v1/articles/leg-cramps/jsonld",
  "/v1/conditions/leg-cramps",
  "/articles",
  "/articles/leg-cramps",
  "/sitemap.xml",
  "/robots.txt",
  "/embed/leg-cramps",
  "/embed.js",
  `/oembed?url=${encodeURIComponent("https://health.test/articles/leg-cramps")}`,
] as const;

/**
 * Routes whose URL says what someone looked for (a search's words, a
 * clinical code), with a path that answers 200: revalidated like content,
 * but kept by the reader's browser only, never by a shared cache.
 */
export const PRIVATE_PATHS = [
  "/v1/search?q=leg+cramps",
  "/v1/infobutton?mainSearchCriteria.v.c=R25.2&knowledgeResponseType=application/json",
] as const;
