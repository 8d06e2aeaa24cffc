/**
 * An article's entry in the library's index (src/content/model/library-index.ts):
 * what the Worker keeps in memory about it, everything but its text.
 */
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

/** The index of some articles, in the order the library serves them. */
export function libraryIndex(articles: IndexedArticle[]): LibraryIndex {
  return {
    articles: [...articles].sort(newestFirst),
  };
}
