/** CSP source expression for an inline `<style>` or `<script>`: its SHA-256, base64. */
export async function cspHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/**
 * The Content-Security-Policy of a page that loads nothing of its own: only
 * its inline style (and script, if any) run, allowed by hash; images from
 * this origin or https. `connect-src 'self'` lets tools that run in the page (Lighthouse's
 * robots.txt check) read this origin; the page itself fetches nothing.
 */
export async function inlineOnlyCsp(page: { style: string; script?: string; frameAncestors: string }): Promise<string> {
  return [
    "default-src 'none'",
    `style-src ${await cspHash(page.style)}`,
    ...(page.script ? [`script-src ${await cspHash(page.script)}`] : []),
    // 'self': the favicon and social cards are this origin's static assets, over http too in development.
    "img-src 'self' https: data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${page.frameAncestors}`,
  ].join("; ");
}
