/**
 * What changed between two builds, as the URLs a search engine should
 * recrawl: each article page whose article changed (or appeared or went),
 * and the sitemap when anything did. A build is remembered as a manifest of
 * its articles' content hashes, not dates.
 *
 * Sections are not submitted on their own: a section's URL on the page is a
 * fragment, which no crawler ever requests (HTTP does not send it), so each
 * would be the page's URL again, against the site's crawl quota.
 */
import { urls } from "../../src/api/urls";
import type { LibraryIndex } from "../../src/content/model";

/**
 * Content hashes by article slug. (Manifests written before sections were
 * left out also hold each section's hash; only `hash` is read.)
 */
export type Manifest = Record<string, { hash: string }>;

export function manifestOf(index: LibraryIndex): Manifest {
  return Object.fromEntries(index.articles.map((article) => [article.slug, { hash: article.hash }]));
}

export function changedUrls(previous: Manifest, current: Manifest, base: string): string[] {
  const changed: string[] = [];
  for (const slug of new Set([...Object.keys(previous), ...Object.keys(current)])) {
    if (previous[slug]?.hash !== current[slug]?.hash) changed.push(urls.page(base, slug));
  }
  return changed.length > 0 ? [...changed, `${base}/sitemap.xml`] : [];
}
