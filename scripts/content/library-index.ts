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
} from "../../src/content/model";

/** An article's index row, but for the hashes of its files, which the build adds once it has written their bytes. */
export type IndexRow = Omit<IndexedArticle, "files">;

export function indexedArticle({ article, facts }: CompiledEntry): IndexRow {
  return {
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

/** The article's digest: its sections' hashes and what travels with any fragment of it. */
export function articleDigest({ article, facts }: CompiledEntry): ArticleDigest {
  const outline = (sections: readonly Section[]): SectionSummary[] =>
    sections.flatMap(({ id, title, parentId, hash, sections: inner }) => [
      { id, title, parentId, hash },
      ...outline(inner),
    ]);
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

/** The index of some articles, in the order the library serves them, named by a hash of them. */
export function libraryIndex(articles: IndexedArticle[]): LibraryIndex {
  const sorted = [...articles].sort(newestFirst);
  return {
    version: createHash("sha256").update(JSON.stringify(sorted)).digest("hex"),
    articles: sorted,
  };
}
