/**
 * An article's entry in the library's index (src/content/model/library-index.ts):
 * what the Worker keeps in memory about it, everything but its text.
 */
import { createHash } from "node:crypto";
import { newestFirst } from "../../src/content/library";
import type { CompiledEntry, IndexedArticle, LibraryIndex } from "../../src/content/model";

export function indexedArticle({ article, facts }: CompiledEntry): IndexedArticle {
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

/** The index of some articles, in the order the library serves them, named by a hash of them. */
export function libraryIndex(articles: IndexedArticle[]): LibraryIndex {
  const sorted = [...articles].sort(newestFirst);
  return {
    version: createHash("sha256").update(JSON.stringify(sorted)).digest("hex"),
    articles: sorted,
  };
}
