/**
 * Builds build/assets/, the files Cloudflare serves for this Worker as static
 * assets (wrangler.toml `[assets]`): each article's social card and the
 * favicon (drawn by scripts/social/images.ts from compiled content), and the
 * reference viewer behind /docs (Swagger UI, from the pinned swagger-ui-dist),
 * with their headers in `_headers`. These are the binary and vendor files:
 * too large for the Worker's bundle, and served without running it. Files are
 * written only when their bytes change.
 *
 *   tsx scripts/assets/build-assets.ts
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { ASSET_PATHS, DOCS_VIEWER_VERSION } from "../../src/api/asset-paths";
import { CONTENT_FILES } from "../../src/content/content-assets";
import type { LibraryIndex } from "../../src/content/model";
import { favicon, socialCard } from "../social/images";

const OUT = resolve(import.meta.dirname, "../../build/assets");
const require = createRequire(import.meta.url);
const SWAGGER_UI = dirname(require.resolve("swagger-ui-dist/package.json"));

function write(path: string, bytes: Uint8Array | string): void {
  const file = join(OUT, path);
  const data = typeof bytes === "string" ? Buffer.from(bytes) : Buffer.from(bytes);
  if (existsSync(file) && readFileSync(file).equals(data)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}

/** Swagger UI starts on the element that names the document (src/render/docs-page.ts); it calls out to nothing else. */
const DOCS_INIT = `window.addEventListener("load", function () {
  var target = document.getElementById("api-reference");
  window.ui = SwaggerUIBundle({ url: target.dataset.url, dom_id: "#api-reference", validatorUrl: null, deepLinking: true });
});
`;

/** Every asset's headers: what the Worker's own responses carry that applies to a file. */
const HEADERS = `/*
  X-Content-Type-Options: nosniff
  Access-Control-Allow-Origin: *
  Cross-Origin-Resource-Policy: cross-origin
  Referrer-Policy: strict-origin-when-cross-origin
  Strict-Transport-Security: max-age=63072000; includeSubDomains
/social/*
  Cache-Control: public, max-age=3600, stale-while-revalidate=86400
/favicon.ico
  Cache-Control: public, max-age=86400
/docs/*
  Cache-Control: public, max-age=31536000, immutable
`;

// The content build wrote the index beside the articles (npm run build runs it first).
const libraryIndex: LibraryIndex = JSON.parse(readFileSync(join(OUT, CONTENT_FILES.libraryIndex), "utf8"));
let cards = 0;
for (const article of libraryIndex.articles) {
  const png = await socialCard({
    title: article.title,
    attribution: article.attribution,
    site: article.publisher.name,
  });
  write(ASSET_PATHS.socialCard(article.slug), png);
  cards++;
}
// A removed article's card goes too: every file in build/assets is deployed and served.
const kept = new Set(libraryIndex.articles.map((article) => join(OUT, ASSET_PATHS.socialCard(article.slug))));
const cardsDir = dirname(join(OUT, ASSET_PATHS.socialCard("any")));
let removed = 0;
for (const name of existsSync(cardsDir) ? readdirSync(cardsDir) : []) {
  if (kept.has(join(cardsDir, name))) continue;
  rmSync(join(cardsDir, name));
  removed++;
}
write(ASSET_PATHS.favicon, await favicon());
const viewer = ASSET_PATHS.docsViewer;
write(viewer.script, readFileSync(join(SWAGGER_UI, "swagger-ui-bundle.js")));
write(viewer.styles, readFileSync(join(SWAGGER_UI, "swagger-ui.css")));
write(viewer.init, DOCS_INIT);
write("/_headers", HEADERS);
console.log(
  `assets: ${cards} social card(s) (${removed} of removed articles deleted), ` +
    `the favicon and Swagger UI ${DOCS_VIEWER_VERSION} in build/assets`,
);
