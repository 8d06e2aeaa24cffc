/**
 * The HTML document shell shared by the site's pages: head essentials, the
 * feeds' discovery links, the inline stylesheet and its CSP.
 */

import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { ASSET_PATHS } from "../api/asset-paths";
import { FEED_TITLE } from "../api/feeds";
import { urls } from "../api/urls";
import { inlineOnlyCsp } from "./hash";
import { PAGE_STYLES } from "./page-styles";

export interface DocumentProps {
  language: string;
  title: string;
  description: string;
  canonicalUrl: string;
  /** This service's base URL, for links to its feeds. */
  base: string;
  /** The previous and next pages of a paged list (`<link rel="prev">` and `rel="next"`). */
  pagination?: { prev?: string | undefined; next?: string | undefined };
  /** Extra `<head>` elements: alternates, social tags, JSON-LD. */
  head?: Child;
  body: Child;
}

export interface RenderedPage {
  html: string;
  /** Content-Security-Policy allowing exactly this page's inline style. */
  csp: string;
}

/** What every HTML document of the service starts its `<head>` with, the site's pages and embeds alike. */
export function HeadEssentials(props: { title: string; description: string; canonicalUrl: string }) {
  return (
    <>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{props.title}</title>
      <meta name="description" content={props.description} />
      <link rel="canonical" href={props.canonicalUrl} />
    </>
  );
}

export async function renderDocument(props: DocumentProps): Promise<RenderedPage> {
  const document = (
    <html lang={props.language}>
      <head>
        <HeadEssentials title={props.title} description={props.description} canonicalUrl={props.canonicalUrl} />
        <link rel="icon" href={`${props.base}${ASSET_PATHS.favicon}`} sizes="32x32" />
        <link rel="alternate" type="application/atom+xml" title={FEED_TITLE} href={urls.atomFeed(props.base)} />
        <link rel="alternate" type="application/feed+json" title={FEED_TITLE} href={urls.jsonFeed(props.base)} />
        {props.pagination?.prev && <link rel="prev" href={props.pagination.prev} />}
        {props.pagination?.next && <link rel="next" href={props.pagination.next} />}
        {props.head}
        <style>{raw(PAGE_STYLES)}</style>
      </head>
      <body>{props.body}</body>
    </html>
  );
  return {
    html: `<!doctype html>${await document}`,
    csp: await inlineOnlyCsp({ style: PAGE_STYLES, frameAncestors: "'none'" }),
  };
}
