/**
 * What changed in the library since it was last announced, as events: an
 * article new to the library is published, one whose content hash differs is
 * updated (naming the sections that changed), one no longer in it is
 * withdrawn. Finding them compares hashes only; sections are read for the
 * articles that changed.
 */
import { urls } from "../api/urls";
import type { IndexedArticle, WithdrawnArticle } from "../content/model";
import type { ArticlePublished, ArticleUpdated, ArticleWithdrawn, SectionState } from "./events";

/** An article as last announced: its content hash and its sections'. */
export interface AnnouncedArticle {
  slug: string;
  hash: string;
  sections: SectionState[];
}

export interface LibraryChanges {
  published: IndexedArticle[];
  updated: IndexedArticle[];
  /** Slugs announced before and no longer in the library. */
  withdrawn: string[];
}

/** The articles new, changed and gone, from the hashes announced (by slug) and the library's index. */
export function libraryChanges(
  announced: ReadonlyMap<string, string>,
  articles: readonly IndexedArticle[],
): LibraryChanges {
  const current = new Set(articles.map((article) => article.slug));
  return {
    published: articles.filter((article) => !announced.has(article.slug)),
    updated: articles.filter((article) => announced.has(article.slug) && announced.get(article.slug) !== article.hash),
    withdrawn: [...announced.keys()].filter((slug) => !current.has(slug)).sort(),
  };
}

/** The shared part of an article's events: what it now is, and where. */
function articleState(article: IndexedArticle, base: string) {
  const { slug, title, hash, updatedAt } = article;
  return { slug, title, hash, updatedAt, links: { api: urls.article(base, slug), page: urls.page(base, slug) } };
}

export function publishedEvent(
  article: IndexedArticle,
  sections: SectionState[],
  base: string,
  timestamp: string,
): ArticlePublished {
  return { type: "article.published", timestamp, data: { ...articleState(article, base), sections } };
}

/**
 * The sections that are new or whose hash differs, and those gone. An
 * article can change with no section changing (its title or dates): the
 * event still says so, with both lists empty.
 */
export function updatedEvent(
  before: readonly SectionState[],
  article: IndexedArticle,
  sections: SectionState[],
  base: string,
  timestamp: string,
): ArticleUpdated {
  const hashBefore = new Map(before.map((section) => [section.id, section.hash]));
  const now = new Set(sections.map((section) => section.id));
  return {
    type: "article.updated",
    timestamp,
    data: {
      ...articleState(article, base),
      changedSections: sections.filter((section) => hashBefore.get(section.id) !== section.hash),
      removedSections: before.map((section) => section.id).filter((id) => !now.has(id)),
    },
  };
}

/**
 * An article no longer published: withdrawn by its publisher (when, why and
 * what replaces it, from the index), or simply gone from the library, dated
 * the day its absence was found.
 */
export function withdrawnEvent(
  slug: string,
  withdrawal: WithdrawnArticle | undefined,
  base: string,
  timestamp: string,
): ArticleWithdrawn {
  const replacedBy = withdrawal?.replacedBy;
  return {
    type: "article.withdrawn",
    timestamp,
    data: {
      slug,
      withdrawnAt: withdrawal?.withdrawnAt ?? timestamp.slice(0, 10),
      reason: withdrawal?.reason ?? null,
      replacedBy: replacedBy ? urls.article(base, replacedBy) : null,
    },
  };
}
