/**
 * `/docs`: an interactive reference for /openapi.json. The viewer (Swagger
 * UI, pinned in package.json) is one of this service's static assets
 * (src/api/asset-paths.ts), so the page loads nothing from anywhere else and
 * works offline; the page lists the raw document for readers without scripts.
 */
import { html } from "hono/html";
import { ASSET_PATHS } from "../api/asset-paths";

export interface DocsPage {
  html: string;
  csp: string;
}

export async function renderDocsPage(title: string, openApiUrl: string): Promise<DocsPage> {
  const viewer = ASSET_PATHS.docsViewer;
  const page = html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}: API reference</title>
    <meta name="description" content="Interactive reference for the ${title} (OpenAPI 3.1).">
    <link rel="stylesheet" href="${viewer.styles}">
  </head>
  <body>
    <main>
      <noscript><p>The reference needs JavaScript. The OpenAPI document is at <a href="${openApiUrl}">${openApiUrl}</a>.</p></noscript>
      <div id="api-reference" data-url="${openApiUrl}"></div>
    </main>
    <script src="${viewer.script}"></script>
    <script src="${viewer.init}"></script>
  </body>
</html>`;
  return {
    html: String(await page),
    // The viewer is served from this origin and reads the document, wherever it is; it styles elements inline.
    csp: [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      `connect-src 'self' ${new URL(openApiUrl).origin}`,
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
  };
}
