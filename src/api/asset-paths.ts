/**
 * Where the static assets live: one declaration for the builds that write
 * them (scripts/assets/build-assets.ts, the content build) and the code that
 * links to or reads them. Cloudflare serves them without the Worker, except
 * the content build's files, which only the Worker reads.
 */

/** The reference viewer's version, as pinned in package.json (swagger-ui-dist). */
export const DOCS_VIEWER_VERSION = "5.35.0";

/** The content build's folder in the assets (wrangler.toml runs the Worker first for it, so it stays private). */
export const CONTENT_ASSETS = "/_content";

const viewer = `/docs/swagger-ui-${DOCS_VIEWER_VERSION}`;

export const ASSET_PATHS = {
  /** The library's index (src/content/model/library-index.ts), read like the articles' files. */
  libraryIndex: `${CONTENT_ASSETS}/index.json`,
  /** An article's compiled file, read by the Worker through its assets binding; never served to clients. */
  article: (slug: string) => `${CONTENT_ASSETS}/articles/${slug}.json`,
  /** An article's digest (src/content/model/library-index.ts), read like its file. */
  digest: (slug: string) => `${CONTENT_ASSETS}/digests/${slug}.json`,
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
