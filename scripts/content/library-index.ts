/**
 * An article's entry in the library's index (src/content/model/library-index.ts):
 * what the Worker keeps in memory about it, everything but its text; and its
 * digest, the small file lists, feeds and search read instead of its text.
 */
import { createHash } from "node:crypto";
import { newestFirst } from "../../src/content/library";
import {
  type ArticleDigest,
  type CompiledEntry,
  type IndexedArticle,
  type LibraryIndex,
  type Section,
  type SectionSummary,
  urgentCareAdviceOf,
  type Withdrawal,
  type WithdrawnArticle,
} from "../../src/content/model";

/**
 * An article's index row, but for the hashes of its files, which the build
 * adds once it has written their bytes; with its withdrawal, when its
 * publisher withdrew it (the build then lists it apart, and writes no files).
 */
export type IndexRow = Omit<IndexedArticle, "files"> & { withdrawn?: Withdrawal };

export function indexedArticle({ article, facts, withdrawn }: CompiledEntry): IndexRow {
  return {
    ...(withdrawn ? { withdrawn } : {}),
    slug: article.slug,
    title: article.title,
    description: article.description,
    language: article.language,
    updatedAt: article.updatedAt,
    hash: article.hash,
    authors: article.authors.map((author) => ({ name: author.name })),
    publisher: article.publisher,
    attribution: article.attribution,
    licence: article.licence,
    codes: article.codes,
    codeMappings: article.codeMappings,
    conditionNames: [facts.condition.name, ...facts.condition.alternateNames.map((alternate) => alternate.name)],
  };
}

/** Every section at any depth, in document order, without its text. */
export function outline(sections: readonly Section[]): SectionSummary[] {
  return sections.flatMap(({ id, title, parentId, hash, sections: inner }) => [
    { id, title, parentId, hash },
    ...outline(inner),
  ]);
}

/** The article's digest: its sections' hashes and what travels with any fragment of it. */
export function articleDigest({ article, facts }: CompiledEntry): ArticleDigest {
  return {
    sections: outline(article.sections),
    sourceUrl: article.sourceUrl,
    disclaimer: article.disclaimer,
    urgentCareAdvice: urgentCareAdviceOf(facts),
  };
}

/** SHA-256 (hex) of a file's text as the build writes it (UTF-8): what the Worker checks the bytes it reads against. */
export function fileHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The index of some articles, and of those withdrawn, in the order the library serves them, named by a hash of both. */
export function libraryIndex(articles: IndexedArticle[], withdrawn: WithdrawnArticle[] = []): LibraryIndex {
  const sorted = [...articles].sort(newestFirst);
  const gone = [...withdrawn].sort(
    (a, b) => b.withdrawnAt.localeCompare(a.withdrawnAt) || a.slug.localeCompare(b.slug),
  );
  return {
    // A library with no withdrawals keeps the version it had before withdrawals were indexed.
    version: createHash("sha256")
      .update(JSON.stringify(gone.length > 0 ? [sorted, gone] : sorted))
      .digest("hex"),
    articles: sorted,
    withdrawn: gone,
  };
}

/** A withdrawn article as the index lists it. */
export function withdrawnArticle(row: IndexRow, { date, reason, replacedBy }: Withdrawal): WithdrawnArticle {
  return { slug: row.slug, title: row.title, withdrawnAt: date, reason, replacedBy: replacedBy ?? null };
}
