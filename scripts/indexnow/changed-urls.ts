/**
 * What changed between two builds, as the URLs a search engine should
 * recrawl: each article page whose article changed (or appeared or went),
 * each changed section's canonical URL, and the sitemap when anything did.
 * A build is remembered as a manifest of content hashes, not dates.
 */
import { urls } from "../../src/api/urls";
import type { CompiledLibrary, Section } from "../../src/content/model";

/** Content hashes by article slug: the article's, and each section's by id. */
export type Manifest = Record<string, { hash: string; sections: Record<string, string> }>;

export function manifestOf(library: CompiledLibrary): Manifest {
  const sectionHashes = (sections: Section[]): [string, string][] =>
    sections.flatMap((section) => [[section.id, section.hash], ...sectionHashes(section.sections)]);
  return Object.fromEntries(
    library.entries.map(({ article }) => [
      article.slug,
      { hash: article.hash, sections: Object.fromEntries(sectionHashes(article.sections)) },
    ]),
  );
}

export function changedUrls(previous: Manifest, current: Manifest, base: string): string[] {
  const changed: string[] = [];
  for (const slug of new Set([...Object.keys(previous), ...Object.keys(current)])) {
    const before = previous[slug];
    const after = current[slug];
    if (before?.hash === after?.hash) continue;
    changed.push(urls.page(base, slug));
    for (const [id, hash] of Object.entries(after?.sections ?? {})) {
      if (before?.sections[id] !== hash) changed.push(urls.sectionAnchor(base, slug, id));
    }
  }
  return changed.length > 0 ? [...changed, `${base}/sitemap.xml`] : [];
}
