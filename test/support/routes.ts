/** Every content route of the real Worker, with a path that answers 200. */
export const CONTENT_PATHS = [
  "/",
  "/v1/articles",
  "/v1/articles/leg-cramps",
  "/v1/articles/leg-cramps?sections=calf-extension",
  "/v1/articles/leg-cramps/sections/heel-walk",
  "/v1/articles/leg-cramps/jsonld",
  "/v1/conditions/leg-cramps",
  "/v1/search?q=leg+cramps",
  "/articles",
  "/articles/leg-cramps",
  "/sitemap.xml",
  "/robots.txt",
  "/embed/leg-cramps",
  "/embed.js",
  `/oembed?url=${encodeURIComponent("https://health.test/articles/leg-cramps")}`,
] as const;
