/**
 * The feed of articles, the newest changes first: JSON Feed 1.1 here, the
 * same feed as Atom 1.0 in src/render/articles-atom.ts. Each item is an article:
 * its title, its description (the publisher's words), its page, when this
 * API's copy last changed, and every section's content hash, so a reader can
 * tell which sections changed since it last looked. A feed says what changed
 * lately, so it holds the newest FEED_ITEMS articles; the sitemap and
 * `/v1/articles?updatedSince=` list them all.
 */
import * as z from "zod/mini";
import { type ContentLibrary, type DigestedArticle, withdrawalTime } from "../content/library";
import type { IndexedArticle, WithdrawnArticle } from "../content/model";
import { SERVICE_NAME } from "./resources";
import { urls } from "./urls";

export const FEED_TITLE = `${SERVICE_NAME}: articles`;
export const FEED_DESCRIPTION =
  "Patient-facing health articles, newest change first, with each section's content hash.";

/** How many articles a feed holds, newest change first (a common length for a feed's recent items). */
export const FEED_ITEMS = 50;

const SectionHash = z.strictObject({ id: z.string(), title: z.nullable(z.string()), hash: z.string() });

/** This service's extension of a JSON Feed item (JSON Feed extensions start with an underscore). */
const ItemExtension = z.strictObject({
  /** The article in the JSON API. */
  api_url: z.string(),
  /** `sha256:` digest of the whole article. */
  hash: z.string(),
  sections: z.array(SectionHash),
  /** The credit line to show with the article, and its licence (null: the publisher stated none). */
  attribution: z.string(),
  licence: z.nullable(z.strictObject({ name: z.string(), url: z.optional(z.string()) })),
});

const ArticleItem = z.strictObject({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  /** The article's description: the publisher's words. */
  summary: z.string(),
  content_text: z.string(),
  date_modified: z.string(),
  language: z.string(),
  authors: z.array(z.strictObject({ name: z.string() })),
  _health_content: ItemExtension,
});

/**
 * An article its publisher withdrew, in place of its item (JSON Feed has no
 * tombstone of its own; Atom's is RFC 6721's `deleted-entry`): the same `id`,
 * and this service's extension saying when, why and what replaces it.
 */
const WithdrawnItem = z.strictObject({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  content_text: z.string(),
  date_modified: z.string(),
  _health_content: z.strictObject({
    withdrawn: z.strictObject({ date: z.string(), reason: z.string(), replaced_by: z.nullable(z.string()) }),
  }),
});

export const JsonFeed = z.strictObject({
  version: z.literal("https://jsonfeed.org/version/1.1"),
  title: z.string(),
  home_page_url: z.string(),
  feed_url: z.string(),
  description: z.string(),
  authors: z.array(z.strictObject({ name: z.string(), url: z.string() })),
  items: z.array(z.union([ArticleItem, WithdrawnItem])),
});
export type JsonFeed = z.infer<typeof JsonFeed>;
export type ArticleItem = z.infer<typeof ArticleItem>;
export type WithdrawnItem = z.infer<typeof WithdrawnItem>;

/** What a feed holds: the library's newest changes, articles changed and articles withdrawn together. */
export interface FeedContents {
  articles: readonly IndexedArticle[];
  withdrawn: readonly WithdrawnArticle[];
}

/** The FEED_ITEMS newest changes: the articles changed last and the latest withdrawals, by date. */
export function feedContents(library: ContentLibrary): FeedContents {
  const changes = [
    ...library.articles.slice(0, FEED_ITEMS).map((article) => ({ at: article.updatedAt, article })),
    ...library.withdrawn.slice(0, FEED_ITEMS).map((withdrawn) => ({ at: withdrawalTime(withdrawn), withdrawn })),
  ]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, FEED_ITEMS);
  return {
    articles: changes.flatMap((change) => ("article" in change ? [change.article] : [])),
    withdrawn: changes.flatMap((change) => ("withdrawn" in change ? [change.withdrawn] : [])),
  };
}

/** The feed of the articles, with their digests, and of the withdrawals, newest first. */
export function articlesFeed(
  articles: readonly DigestedArticle[],
  withdrawn: readonly WithdrawnArticle[],
  base: string,
): JsonFeed {
  const items: JsonFeed["items"] = [
    ...articles.map((article) => item(article, base)),
    ...withdrawn.map((article) => withdrawnItem(article, base)),
  ].sort((a, b) => b.date_modified.localeCompare(a.date_modified));
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: FEED_TITLE,
    home_page_url: urls.pages(base),
    feed_url: urls.jsonFeed(base),
    description: FEED_DESCRIPTION,
    authors: [{ name: SERVICE_NAME, url: `${base}/` }],
    items,
  };
}

function withdrawnItem(article: WithdrawnArticle, base: string): WithdrawnItem {
  const page = urls.page(base, article.slug);
  return {
    id: page,
    url: page,
    title: `Withdrawn: ${article.title}`,
    content_text: `Withdrawn by its publisher on ${article.withdrawnAt}: ${article.reason}`,
    date_modified: withdrawalTime(article),
    _health_content: {
      withdrawn: {
        date: article.withdrawnAt,
        reason: article.reason,
        replaced_by: article.replacedBy ? urls.page(base, article.replacedBy) : null,
      },
    },
  };
}

function item({ indexed: article, digest }: DigestedArticle, base: string): ArticleItem {
  const page = urls.page(base, article.slug);
  return {
    id: page,
    url: page,
    title: article.title,
    summary: article.description,
    content_text: article.description,
    date_modified: article.updatedAt,
    language: article.language,
    authors: article.authors.map((author) => ({ name: author.name })),
    _health_content: {
      api_url: urls.article(base, article.slug),
      hash: article.hash,
      sections: digest.sections.map(({ id, title, hash }) => ({ id, title, hash })),
      attribution: article.attribution,
      licence: article.licence,
    },
  };
}
