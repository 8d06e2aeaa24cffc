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
 * this origin or https (an article's own illustrations). A site page allows
 * `connect-src 'self'` so that tools that run in it (Lighthouse's robots.txt
 * check) can read this origin; it fetches nothing itself, and a framed page
 * (an embed) may connect nowhere.
 */
export async function inlineOnlyCsp(page: { style: string; script?: string; frameAncestors: string }): Promise<string> {
  const framed = page.frameAncestors !== "'none'";
  return [
    "default-src 'none'",
    `style-src ${await cspHash(page.style)}`,
    ...(page.script ? [`script-src ${await cspHash(page.script)}`] : []),
    // 'self': the favicon and social cards are this origin's static assets, over http too in development.
    "img-src 'self' https: data:",
    `connect-src ${framed ? "'none'" : "'self'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${page.frameAncestors}`,
  ].join("; ");
}
