/**
 * An article's metadata, declared once: what authors write in the front
 * matter (fields they may leave out), and what the compiler serves (each such
 * field null or empty rather than absent), with the mapping between them
 * beside the two. The API's shapes are derived from these (src/api/schemas.ts).
 */
import * as z from "zod/mini";
import { FaqEntry, Section } from "./article-text";
import { ClinicalCode, CodeMapping } from "./codes";
import { HttpUrl, Id, IsoDate, Text } from "./text";

export const Person = z.strictObject({
  type: z.optional(z.literal("person")),
  name: Text,
  jobTitle: z.optional(Text),
  worksFor: z.optional(Text),
  about: z.optional(z.array(Text)),
});
export type Person = z.infer<typeof Person>;
export const Organization = z.strictObject({
  type: z.literal("organization"),
  name: Text,
  url: z.optional(HttpUrl),
  about: z.optional(z.array(Text)),
});
export const Author = z.union([Organization, Person]);

export const Licence = z.strictObject({ name: Text, url: z.optional(HttpUrl) });

/** Publisher dates. Each is given only when the publisher supplied it. */
export const ArticleDates = z.strictObject({
  published: z.optional(IsoDate),
  modified: z.optional(IsoDate),
  reviewed: z.optional(IsoDate),
  nextReview: z.optional(IsoDate),
});

/**
 * An article the publisher withdrew: when, why, and the article that
 * replaces it, if any. Its URLs then answer 410 Gone saying so, and partners
 * are told; its text is no longer served.
 */
export const Withdrawal = z.strictObject({
  date: IsoDate,
  reason: Text,
  /** The slug of the article that replaces it, in this library. */
  replacedBy: z.optional(Id),
});
export type Withdrawal = z.infer<typeof Withdrawal>;

/**
 * One published revision of an article, from the content's history: when,
 * the sections it changed (new, or with a new content hash) and those it
 * removed. Both are null where that revision's text can no longer be read.
 */
export const ArticleRevision = z.strictObject({
  date: z.string(),
  changedSections: z.nullable(z.array(z.strictObject({ id: Id, title: z.nullable(Text), hash: z.string() }))),
  removedSections: z.nullable(z.array(Id)),
});
export type ArticleRevision = z.infer<typeof ArticleRevision>;

/** What authors write at the top of `content/<slug>/article.md`. */
export const FrontMatter = z.strictObject({
  slug: Id,
  title: Text,
  description: Text,
  language: z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, "must be a language tag such as en-GB")),
  dates: z.optional(ArticleDates),
  authors: z.array(Author).check(z.minLength(1, "at least one author is required")),
  editorsNote: z.optional(Text),
  editors: z.optional(z.array(Person)),
  publisher: z.strictObject({ name: Text, url: z.optional(HttpUrl) }),
  licence: z.optional(Licence),
  attribution: Text,
  disclaimer: z.array(Text).check(z.minLength(1, "a disclaimer is required")),
  /** The publisher's own URL for the article, when it gave one. */
  sourceUrl: z.optional(HttpUrl),
  codes: z.optional(z.array(ClinicalCode)),
  /** Id of the section whose subsections are the FAQ questions. */
  faqSection: z.optional(Id),
  withdrawn: z.optional(Withdrawal),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

/** The metadata as served: nothing the publisher left out is filled in; it is null or empty. */
export const ArticleMetadata = z.strictObject({
  ...z.pick(FrontMatter, {
    slug: true,
    title: true,
    description: true,
    language: true,
    authors: true,
    attribution: true,
    disclaimer: true,
  }).shape,
  /** Publisher dates; null where the publisher gave none. */
  dates: z.strictObject({
    published: z.nullable(IsoDate),
    modified: z.nullable(IsoDate),
    reviewed: z.nullable(IsoDate),
    nextReview: z.nullable(IsoDate),
  }),
  editorsNote: z.nullable(Text),
  editors: z.array(Person),
  publisher: z.strictObject({ name: Text, url: z.nullable(HttpUrl) }),
  licence: z.nullable(Licence),
  /** The publisher's own URL for the article, when it gave one. */
  sourceUrl: z.nullable(HttpUrl),
  /** Codes the publisher supplied with the article. */
  codes: z.array(ClinicalCode),
});
export type ArticleMetadata = z.infer<typeof ArticleMetadata>;

/** Front matter as served metadata: each field the publisher may leave out becomes null or empty. */
export function articleMetadata(front: FrontMatter): ArticleMetadata {
  return {
    slug: front.slug,
    title: front.title,
    description: front.description,
    language: front.language,
    dates: {
      published: front.dates?.published ?? null,
      modified: front.dates?.modified ?? null,
      reviewed: front.dates?.reviewed ?? null,
      nextReview: front.dates?.nextReview ?? null,
    },
    authors: front.authors,
    editorsNote: front.editorsNote ?? null,
    editors: front.editors ?? [],
    publisher: { name: front.publisher.name, url: front.publisher.url ?? null },
    licence: front.licence ?? null,
    attribution: front.attribution,
    disclaimer: front.disclaimer,
    sourceUrl: front.sourceUrl ?? null,
    codes: front.codes ?? [],
  };
}

/** A compiled article: its metadata, its text, this service's code mappings, and when and how it last changed. */
export const CompiledArticle = z.extend(ArticleMetadata, {
  /** When this API's copy of the content last changed (not a publisher date). */
  updatedAt: z.iso.datetime(),
  /** Codes this service mapped the article to, with their provenance (`codes.yaml`). */
  codeMappings: z.array(CodeMapping),
  /** `sha256:` digest of the whole article (metadata, sections, facts and code mappings). */
  hash: z.string(),
  sections: z.array(Section),
  faq: z.array(FaqEntry),
});
export type CompiledArticle = z.infer<typeof CompiledArticle>;
