/**
 * Where the static assets (built by scripts/assets/build-assets.ts and
 * served by Cloudflare, not the Worker) live: one declaration for the build
 * that writes them and the pages that link to them.
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
