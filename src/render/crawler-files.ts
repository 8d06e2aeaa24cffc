/** `sitemap.xml` and `robots.txt`: where crawlers find the pages. */
import { urls } from "../api/urls";
import type { ContentLibrary } from "../content/library";

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[char] ?? char,
  );
}

/** The HTML pages with the date their content last changed here (`updatedAt`). */
export function renderSitemap(library: ContentLibrary, base: string): string {
  const entries = [
    { loc: urls.pages(base), lastmod: library.updatedAt },
    ...library.entries.map(({ article }) => ({ loc: urls.page(base, article.slug), lastmod: article.updatedAt })),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(
      ({ loc, lastmod }) => `  <url><loc>${escapeXml(loc)}</loc><lastmod>${lastmod.slice(0, 10)}</lastmod></url>`,
    ),
    "</urlset>",
    "",
  ].join("\n");
}

/** Everything may be crawled; embeds are kept out of indexes by their own noindex header. */
export function renderRobots(base: string): string {
  return ["User-agent: *", "Allow: /", "", `Sitemap: ${base}/sitemap.xml`, ""].join("\n");
}
