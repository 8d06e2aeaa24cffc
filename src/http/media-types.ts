/** The media types this API serves. */
export const MEDIA = {
  json: "application/json",
  jsonLd: "application/ld+json",
  markdown: "text/markdown",
  html: "text/html",
} as const;
