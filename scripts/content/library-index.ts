/**
 * What a library built with `--out-dir` says about its articles without
 * their text, from what src/ reads: listing, paging and `updatedSince`
 * (src/api/article-list.ts: identity fields, and each section's id, title,
 * parent and hash for the summaries), `?code=` (codes and code mappings),
 * the sitemap (slug, updatedAt), the feeds (title, description, authors'
 * names, attribution, licence, hashes), Infobutton (language, the
 * condition's names, mapped codes' display text) and CDS Hooks cards
 * (publisher's name). Everything else is in the article's own file.
 *
 * It is written in two parts, because the sections are most of it (about
 * 88 % of the bytes for synthetic articles, 5 KiB an article: 50 MiB for
 * 10,000, more than a Worker can hold): `index.json`, every article without
 * its sections, small enough to load whole; and `sections/<slug>.json`, one
 * article's sections, read for the page of a list that shows them.
 */
import type { ClinicalCode, CodeMapping, CompiledEntry, Section } from "../../src/content/model";

/** The index file's shape; `format` changes when a field's meaning does. */
export interface LibraryIndex {
  format: 1;
  /** The newest `updatedAt` (the epoch for an empty library), as ContentLibrary gives it. */
  updatedAt: string;
  count: number;
  /** Newest change first, then by slug: the order every list serves. */
  articles: IndexEntry[];
}

/** An article in `index.json`. */
export type IndexEntry = Omit<IndexedArticle, "sections">;

/** `sections/<slug>.json`: an article's sections, with the article's hash to tell a stale file. */
export interface ArticleSections {
  slug: string;
  hash: string;
  sections: IndexedSection[];
}

export interface IndexedArticle {
  slug: string;
  title: string;
  description: string;
  language: string;
  updatedAt: string;
  /** `sha256:` digest of the whole article: ETags, feeds and IndexNow compare it. */
  hash: string;
  authors: string[];
  publisher: { name: string; url: string | null };
  attribution: string;
  licence: { name: string; url?: string | undefined } | null;
  codes: ClinicalCode[];
  codeMappings: CodeMapping[];
  /** The condition's name and alternate names (Infobutton matches a display name against them). */
  conditionNames: string[];
  /** Every section at any depth, in document order. */
  sections: IndexedSection[];
  /** Size of the article's file (`articles/<slug>.json`). */
  bytes: number;
}

export interface IndexedSection {
  id: string;
  title: string | null;
  parentId: string | null;
  hash: string;
}

export function indexedArticle({ article, facts }: CompiledEntry, bytes: number): IndexedArticle {
  return {
    slug: article.slug,
    title: article.title,
    description: article.description,
    language: article.language,
    updatedAt: article.updatedAt,
    hash: article.hash,
    authors: article.authors.map((author) => author.name),
    publisher: article.publisher,
    attribution: article.attribution,
    licence: article.licence,
    codes: article.codes,
    codeMappings: article.codeMappings,
    conditionNames: [facts.condition.name, ...facts.condition.alternateNames.map((alternate) => alternate.name)],
    sections: flatten(article.sections),
    bytes,
  };
}

/** An article's row in two parts: for `index.json`, and its sections. */
export function splitRow({ sections, ...entry }: IndexedArticle): { entry: IndexEntry; sections: ArticleSections } {
  return { entry, sections: { slug: entry.slug, hash: entry.hash, sections } };
}

/** The index of some articles, in ContentLibrary's order. */
export function libraryIndex(articles: IndexEntry[]): LibraryIndex {
  const sorted = [...articles].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.slug.localeCompare(b.slug));
  return {
    format: 1,
    updatedAt: sorted[0]?.updatedAt ?? new Date(0).toISOString(),
    count: sorted.length,
    articles: sorted,
  };
}

function flatten(sections: Section[], into: IndexedSection[] = []): IndexedSection[] {
  for (const section of sections) {
    into.push({ id: section.id, title: section.title, parentId: section.parentId, hash: section.hash });
    flatten(section.sections, into);
  }
  return into;
}
