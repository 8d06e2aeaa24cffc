/**
 * The library's index: what the Worker keeps in memory about every article,
 * without the article's text. It answers listing, filters, `?code=`, the
 * sitemap, Infobutton and CDS Hooks; everything else is in the article's own
 * files, read on demand (src/content/article-files.ts). The index is a file in
 * the assets too, read once per isolate (src/content/library-source.ts).
 */
import type { CompiledArticle } from "./article";
import type { SectionSummary } from "./article-text";
import type { CareAdvice } from "./fact-kinds";

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
  /**
   * SHA-256 (hex) of the bytes of the article's two files, as the build
   * wrote them: the Worker hashes what it reads and refuses anything else.
   */
  files: { article: string; digest: string };
}

/**
 * What lists, feeds and search results need of an article besides its index
 * row, in a small file of its own (`_content/digests/<slug>.json`): every
 * section's content hash, and what travels with any fragment shown alone. So
 * they never read the article's text, and a damaged article file fails only
 * that article's own routes.
 */
export interface ArticleDigest {
  sections: SectionSummary[];
  sourceUrl: CompiledArticle["sourceUrl"];
  disclaimer: CompiledArticle["disclaimer"];
  /** The article's care advice of urgency `urgent`. */
  urgentCareAdvice: CareAdvice[];
}

/** An article its publisher withdrew: what its URLs, the lists, the feeds and partners say instead of its text. */
export interface WithdrawnArticle {
  slug: string;
  title: string;
  /** The date the publisher withdrew it, `YYYY-MM-DD`. */
  withdrawnAt: string;
  reason: string;
  /** The slug of the article that replaces it, when one does. */
  replacedBy: string | null;
}

export interface LibraryIndex {
  /**
   * Names this build's index (a hash of its articles): the Worker's bundle
   * holds the version it was built with and refuses an index file of another.
   */
  version: string;
  /** Every article, in no particular order (the library sorts them). */
  articles: IndexedArticle[];
  /** Articles withdrawn, newest withdrawal first; none when absent. */
  withdrawn?: WithdrawnArticle[];
}
