/**
 * Builds build/assets/, the files Cloudflare serves for this Worker as static
 * assets (wrangler.toml `[assets]`): each article's social card and the
 * favicon (drawn by scripts/social/images.ts from compiled content), and the
 * reference viewer behind /docs (Swagger UI, from the pinned swagger-ui-dist),
 * with their headers in `_headers`. These are the binary and vendor files:
 * too large for the Worker's bundle, and served without running it.
 *
 * An image is drawn only when what it is drawn from changed since it was
 * last drawn (drawn-images.ts): a build after editing one article's title
 * draws that card alone, and one that changes no image loads no drawing
 * library. Many cards are drawn on `--threads` worker threads (default: the
 * machine's cores). Other files are written only when their bytes change.
 *
 *   tsx scripts/assets/build-assets.ts [--threads N] [--out build/assets] [--manifest build/images.json]
 *
 * `--out` is the assets folder, whose `_content/index.json` (the content
 * build's) names the articles; `--manifest` what its images were drawn from.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ASSET_PATHS, DOCS_VIEWER_VERSION } from "../../src/api/asset-paths";
import { writeIfChanged } from "../write-if-changed";
import { buildImages } from "./drawn-images";

const BUILD = resolve(import.meta.dirname, "../../build");
const require = createRequire(import.meta.url);
const SWAGGER_UI = dirname(require.resolve("swagger-ui-dist/package.json"));
const { values } = parseArgs({
  options: {
    threads: { type: "string", default: String(availableParallelism()) },
    out: { type: "string", default: join(BUILD, "assets") },
    manifest: { type: "string", default: join(BUILD, "images.json") },
  },
});
const OUT = resolve(values.out);
const threads = Number(values.threads);
if (!Number.isInteger(threads) || threads < 1)
  throw new Error(`--threads must be a whole number, not ${values.threads}`);

const write = (path: string, bytes: Uint8Array | string) => writeIfChanged(join(OUT, path), bytes);

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

const images = await buildImages({ out: OUT, manifest: resolve(values.manifest), threads });
const viewer = ASSET_PATHS.docsViewer;
write(viewer.script, readFileSync(join(SWAGGER_UI, "swagger-ui-bundle.js")));
write(viewer.styles, readFileSync(join(SWAGGER_UI, "swagger-ui.css")));
write(viewer.init, DOCS_INIT);
write("/_headers", HEADERS);
console.log(
  `assets: ${images.cards} social card(s) (${images.drawn.length} drawn, ${images.cards - images.drawn.length} unchanged, ` +
    `${images.removed.length} of removed articles deleted), the favicon${images.faviconDrawn ? " (drawn)" : ""} ` +
    `and Swagger UI ${DOCS_VIEWER_VERSION} in ${relative(process.cwd(), OUT)}`,
);
