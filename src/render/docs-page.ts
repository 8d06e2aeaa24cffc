/**
 * `/docs`: an interactive reference for /openapi.json. The reference viewer
 * (Scalar) is loaded from a CDN by the reader's browser, pinned to one
 * version; the page lists the raw document for readers without scripts.
 */
import { html } from "hono/html";

export const SCALAR_VERSION = "1.76.0";
const SCALAR_ORIGIN = "https://cdn.jsdelivr.net";
const SCALAR_SCRIPT = `${SCALAR_ORIGIN}/npm/@scalar/api-reference@${SCALAR_VERSION}`;

export interface DocsPage {
  html: string;
  csp: string;
}

export async function renderDocsPage(title: string, openApiUrl: string): Promise<DocsPage> {
  const page = html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}: API reference</title>
    <meta name="description" content="Interactive reference for the ${title} (OpenAPI 3.1)." />
  </head>
  <body>
    <noscript><p>The reference needs JavaScript. The OpenAPI document is at <a href="${openApiUrl}">${openApiUrl}</a>.</p></noscript>
    <script id="api-reference" data-url="${openApiUrl}"></script>
    <script src="${SCALAR_SCRIPT}"></script>
  </body>
</html>`;
  return {
    html: String(await page),
    // The viewer injects its own styles and fetches the document from this origin.
    csp: [
      "default-src 'none'",
      `script-src ${SCALAR_ORIGIN}`,
      `style-src 'unsafe-inline' ${SCALAR_ORIGIN}`,
      `font-src ${SCALAR_ORIGIN} data:`,
      "img-src https: data:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join("; "),
  };
}
