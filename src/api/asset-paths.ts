/**
 * Where the static assets clients fetch live: one declaration for the build
 * that writes them (scripts/assets/build-assets.ts) and the pages that link to
 * them. Cloudflare serves them without the Worker. The content build's files,
 * which only the Worker reads, are in src/content/content-assets.ts.
 */

/** The reference viewer's version, as pinned in package.json (swagger-ui-dist). */
export const DOCS_VIEWER_VERSION = "5.35.0";

const viewer = `/docs/swagger-ui-${DOCS_VIEWER_VERSION}`;

export const ASSET_PATHS = {
  socialCard: (slug: string) => `/social/${slug}.png`,
  favicon: "/favicon.ico",
  docsViewer: {
    script: `${viewer}/swagger-ui-bundle.js`,
    styles: `${viewer}/swagger-ui.css`,
    init: `${viewer}/init.js`,
  },
} as const;

/** A social card's size, as og:image:width and og:image:height state it. */
export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;
