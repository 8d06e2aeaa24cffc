/**
 * An error as a page a person can read: the status, the one-line reason and
 * where to go instead, in the site's style, for a browser that asked for a
 * page (a stale link) or an iframe that framed an embed. An embed's error
 * page may be framed by any site, like the embed, and reports its height.
 */
import { raw } from "hono/html";
import type { Problem } from "../http/problem";
import type { RenderedPage } from "./document";
import { EMBED_HEIGHT_SCRIPT, EMBED_STYLES } from "./embed-styles";
import { inlineOnlyCsp } from "./hash";
import { PAGE_STYLES } from "./page-styles";

export interface ErrorPageLink {
  href: string;
  text: string;
}

export async function renderErrorPage(
  problem: Problem,
  links: readonly ErrorPageLink[],
  { framed }: { framed: boolean },
): Promise<RenderedPage> {
  const style = framed ? EMBED_STYLES : PAGE_STYLES;
  const heading = `${problem.status} ${problem.title}`;
  const document = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{heading}</title>
        <meta name="robots" content="noindex" />
        <style>{raw(style)}</style>
      </head>
      <body>
        <main>
          <h1>{heading}</h1>
          <p>{problem.detail}</p>
          <ul>
            {links.map((link) => (
              <li>
                <a href={link.href} target={framed ? "_top" : undefined}>
                  {link.text}
                </a>
              </li>
            ))}
          </ul>
        </main>
        {framed ? <script>{raw(EMBED_HEIGHT_SCRIPT)}</script> : null}
      </body>
    </html>
  );
  return {
    html: `<!doctype html>${await document}`,
    csp: await inlineOnlyCsp(
      framed ? { style, script: EMBED_HEIGHT_SCRIPT, frameAncestors: "*" } : { style, frameAncestors: "'none'" },
    ),
  };
}
