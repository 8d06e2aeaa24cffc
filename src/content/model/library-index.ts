/**
 * The library's index: what the Worker keeps in memory about every article,
 * without the article's text. It answers listing, filters, `?code=`, the
 * sitemap, Infobutton and CDS Hooks; everything else is in the article's own
 * file, read on demand (src/content/article-files.ts). The index is a file in
 * the assets too, read once per isolate (src/content/library-source.ts).
 */
import type { CompiledArticle } from "./article";

/** An article as the index holds it: its identity, provenance and codes; authors by name only. */
export interface IndexedArticle
  extends Pick<
    CompiledArticle,
    | "slug"
    | "title"
    | "description"
    | "language"
    | "updatedAt"
    | "hash"
    | "publisher"
    | "attribution"
    | "licence"
    | "codes"
    | "codeMappings"
  > {
  authors: { name: string }[];
  /** The condition's name and alternate names (Infobutton matches a display name against them). */
  conditionNames: string[];
}

export interface LibraryIndex {
  /**
   * Names this build's index (a hash of its articles): the Worker's bundle
   * holds the version it was built with and refuses an index file of another.
   */
  version: string;
  /** Every article, in no particular order (the library sorts them). */
  articles: IndexedArticle[];
}
