/** `sitemap.xml` (a sitemap index when one file cannot hold every URL), its parts, and `robots.txt`. */
import { urls } from "../api/urls";
import type { ContentLibrary } from "../content/library";
import type { IndexedArticle } from "../content/model";
import { element, fragment, xmlDocument } from "./xml";

const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

/**
 * The sitemaps protocol's limits on one file (sitemaps.org/protocol.html):
 * 50,000 URLs and 50 MB (52,428,800 bytes) uncompressed. Parts are cut by
 * URL count alone, because with this service's URLs the count binds first:
 * a `<url>` entry is its `<loc>` plus 51 bytes of markup and date, and a
 * `<loc>` is the base URL, `/articles/` and a slug. A slug is a content
 * folder's name (scripts/content/compile-article.ts), which file systems cap
 * at 255 bytes, of ASCII only (src/content/slug.ts); the base URL is an
 * origin (the request's, or PUBLIC_BASE_URL, an origin in wrangler.toml's
 * example): `https://`, a host name (at most 253 characters in DNS) and a
 * port. So an entry is under 600 bytes, and 50,000 of them under 30 MB: the
 * byte limit would bind only for URLs averaging nearly 1,000 characters.
 * test/worker/sitemap-index.test.ts renders a full part of such URLs.
 */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 52_428_800 } as const;

interface SitemapUrl {
  loc: string;
  /** When the page's content last changed here: an ISO instant. */
  lastmod: string;
}

/** How many parts the sitemap has: none while `/sitemap.xml` holds every URL (the index page and each article's). */
export function sitemapPartCount(library: ContentLibrary): number {
  const count = library.articles.length + 1;
  return count <= SITEMAP_LIMITS.urls ? 0 : Math.ceil(count / SITEMAP_LIMITS.urls);
}

/**
 * `/sitemap.xml`: a `urlset` of the HTML pages with the date their content
 * last changed here (`updatedAt`), newest first; past one file's limit, a
 * `sitemapindex` of the parts, each with the newest change among its URLs.
 */
export function renderSitemap(library: ContentLibrary, base: string): string {
  if (sitemapPartCount(library) === 0) return renderUrlset(pageUrls(library.articles, library, base));
  const entries = sitemapParts(library, base).map((part, index) =>
    element(
      "sitemap",
      {},
      element("loc", {}, urls.sitemapPart(base, index + 1)),
      element("lastmod", {}, newest(part).slice(0, 10)),
    ),
  );
  return xmlDocument(element("sitemapindex", { xmlns: SITEMAP_NAMESPACE }, fragment(entries)));
}

/** Part `part` (from 1, at most `sitemapPartCount`) of a sitemap too large for one file, and its newest change. */
export function renderSitemapPart(
  library: ContentLibrary,
  base: string,
  part: number,
): { text: string; lastModified: string } {
  const entries = sitemapPart(articlesBySlug(library), library, base, part - 1);
  return { text: renderUrlset(entries), lastModified: newest(entries) };
}

/**
 * Parts list the articles by slug rather than newest first, so that a change
 * to one article changes only the part that lists it (and that part's date
 * in the index), instead of moving every article it overtakes into another
 * part.
 */
function articlesBySlug(library: ContentLibrary): IndexedArticle[] {
  // Slugs are ASCII (src/content/slug.ts): code-unit order is their order, with no locale to consult.
  return [...library.articles].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** Every part's URLs, for the sitemap index. */
function sitemapParts(library: ContentLibrary, base: string): SitemapUrl[][] {
  const bySlug = articlesBySlug(library);
  return Array.from({ length: sitemapPartCount(library) }, (_, index) => sitemapPart(bySlug, library, base, index));
}

/**
 * Part `index` (from 0) of the URLs in sitemap order, at most the limit:
 * the index of articles first, then each article's page by slug. Only the
 * part's own URLs are built.
 */
function sitemapPart(
  bySlug: readonly IndexedArticle[],
  library: ContentLibrary,
  base: string,
  index: number,
): SitemapUrl[] {
  const size = SITEMAP_LIMITS.urls;
  // The index of articles takes the first place, so each part's articles start one before index × size.
  const articles = bySlug.slice(Math.max(0, index * size - 1), (index + 1) * size - 1);
  return index === 0 ? pageUrls(articles, library, base) : articles.map((article) => articleUrl(article, base));
}

/** The index of articles, then each article's page. */
function pageUrls(articles: readonly IndexedArticle[], library: ContentLibrary, base: string): SitemapUrl[] {
  return [
    { loc: urls.pages(base), lastmod: library.updatedAt },
    ...articles.map((article) => articleUrl(article, base)),
  ];
}

function articleUrl(article: IndexedArticle, base: string): SitemapUrl {
  return { loc: urls.page(base, article.slug), lastmod: article.updatedAt };
}

/** The latest `lastmod`: ISO instants in one form, so the greatest string is the latest time. */
function newest(entries: readonly SitemapUrl[]): string {
  let latest = "";
  for (const { lastmod } of entries) if (lastmod > latest) latest = lastmod;
  return latest;
}

function renderUrlset(entries: readonly SitemapUrl[]): string {
  const children = entries.map(({ loc, lastmod }) =>
    element("url", {}, element("loc", {}, loc), element("lastmod", {}, lastmod.slice(0, 10))),
  );
  return xmlDocument(element("urlset", { xmlns: SITEMAP_NAMESPACE }, fragment(children)));
}

/**
 * Everything may be crawled but search results (endless URLs, each a list of
 * what the pages already say); embeds are kept out of indexes by their own
 * noindex header. `/sitemap.xml` may be a sitemap index, which crawlers accept here too.
 */
export function renderRobots(base: string): string {
  return ["User-agent: *", "Allow: /", "Disallow: /v1/search", "", `Sitemap: ${base}/sitemap.xml`, ""].join("\n");
}
