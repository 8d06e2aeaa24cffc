/** `sitemap.xml` and `robots.txt`: where crawlers find the pages. */
import { urls } from "../api/urls";
import type { ContentLibrary } from "../content/library";
import { element, xmlDocument } from "./xml";

/** The HTML pages with the date their content last changed here (`updatedAt`). */
export function renderSitemap(library: ContentLibrary, base: string): string {
  const entries = [
    { loc: urls.pages(base), lastmod: library.updatedAt },
    ...library.articles.map((article) => ({ loc: urls.page(base, article.slug), lastmod: article.updatedAt })),
  ];
  return xmlDocument(
    element(
      "urlset",
      { xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9" },
      ...entries.map(({ loc, lastmod }) =>
        element("url", {}, element("loc", {}, loc), element("lastmod", {}, lastmod.slice(0, 10))),
      ),
    ),
  );
}

/**
 * Everything may be crawled but search results (endless URLs, each a list of
 * what the pages already say); embeds are kept out of indexes by their own
 * noindex header.
 */
export function renderRobots(base: string): string {
  return ["User-agent: *", "Allow: /", "Disallow: /v1/search", "", `Sitemap: ${base}/sitemap.xml`, ""].join("\n");
}
