/**
 * Response shapes of the JSON API, as zod schemas: the single definition the
 * resource builders are typed from and the OpenAPI document is generated from.
 */
import * as z from "zod/mini";
import {
  CareAdvice,
  CompiledArticle,
  Facts,
  HttpUrl,
  Id,
  IsoDate,
  Licence,
  PublisherText,
  Section,
  SectionSummary,
  Text,
} from "../content/model";

import { Wording } from "./wording";

const Url = z.string();
export const Links = z.record(z.string(), Url);

/** Travels with every article, section and fact response. */
export const Attribution = z.strictObject({
  /** Credit line to show next to the content. */
  text: Text,
  /** Link back to the article page on this service. */
  url: Url,
  authors: z.array(Text),
  publisher: z.strictObject({ name: Text, url: z.nullable(HttpUrl) }),
  /** The publisher's own copy of the article, when it gave one. */
  sourceUrl: z.nullable(HttpUrl),
});
export type Attribution = z.infer<typeof Attribution>;

/** Urgent care advice of the article (see `Facts.careAdvice`), with a link to where the article gives it. */
export const UrgentCareAdvice = z.extend(CareAdvice, { url: Url });
export type UrgentCareAdvice = z.infer<typeof UrgentCareAdvice>;

const provenance = {
  /** Which strings of `facts` and `urgentCareAdvice` are the publisher's words and which this service's labels. */
  wording: Wording,
  attribution: Attribution,
  /** Null: the publisher supplied no licence, so none is claimed. */
  licence: z.nullable(Licence),
  disclaimer: z.array(Text),
  /** When to get help urgently, in the publisher's words: show it with any fragment shown on its own. */
  urgentCareAdvice: z.array(UrgentCareAdvice),
};

export const ArticleRef = z.extend(z.pick(CompiledArticle, { slug: true, title: true, language: true }), {
  canonicalUrl: Url,
});
export type ArticleRef = z.infer<typeof ArticleRef>;

/**
 * The whole article: the compiled article (src/content/model/article.ts) with
 * its canonical URL and links, and the provenance every fragment carries in
 * place of the bare attribution line, licence, disclaimer and source URL.
 */
export const ArticleResource = z.extend(
  z.omit(CompiledArticle, { attribution: true, licence: true, disclaimer: true, sourceUrl: true }),
  { canonicalUrl: Url, ...provenance, links: Links },
);
export type ArticleResource = z.infer<typeof ArticleResource>;

export const SectionResource = z.strictObject({
  article: ArticleRef,
  section: Section,
  /** Section ids from the top level down to this section. */
  path: z.array(Id),
  canonicalUrl: Url,
  dates: CompiledArticle.shape.dates,
  updatedAt: CompiledArticle.shape.updatedAt,
  ...provenance,
  links: Links,
});
export type SectionResource = z.infer<typeof SectionResource>;

export const ConditionResource = z.strictObject({
  slug: Id,
  name: Text,
  article: ArticleRef,
  updatedAt: CompiledArticle.shape.updatedAt,
  /** Codes this service mapped the condition's article to (see ArticleResource). */
  codeMappings: CompiledArticle.shape.codeMappings,
  facts: Facts,
  ...provenance,
  links: Links,
});
export type ConditionResource = z.infer<typeof ConditionResource>;

/** An article in a list: the compiled article's identity, and every section's content hash. */
export const ArticleSummary = z.extend(
  z.pick(CompiledArticle, {
    slug: true,
    title: true,
    description: true,
    language: true,
    updatedAt: true,
    hash: true,
    codes: true,
    codeMappings: true,
  }),
  {
    canonicalUrl: Url,
    /** Every section at any depth with its content hash: compare hashes to see what changed. */
    sections: z.array(SectionSummary),
    links: Links,
  },
);
export type ArticleSummary = z.infer<typeof ArticleSummary>;

/** An article its publisher withdrew, as lists report it: remove any copy you keep. */
export const WithdrawnSummary = z.strictObject({
  slug: Id,
  title: Text,
  /** The date of the withdrawal, `YYYY-MM-DD`. */
  withdrawnAt: IsoDate,
  reason: Text,
  /** The article that replaces it in this API, when one does. */
  replacedBy: z.nullable(Url),
});
export type WithdrawnSummary = z.infer<typeof WithdrawnSummary>;

export const ArticleList = z.strictObject({
  items: z.array(ArticleSummary),
  /**
   * Articles withdrawn on or after `updatedSince` (every one when it is not
   * given), newest first, at most WITHDRAWN_LISTED, whatever the `code`: a
   * copy of any of them should be removed.
   */
  withdrawn: z.array(WithdrawnSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  totalPages: z.number(),
  links: Links,
});
export type ArticleList = z.infer<typeof ArticleList>;

const Offset = z.number().check(z.int(), z.minimum(0));

/** Where a searched-for word is in a snippet's text: `text.slice(start, end)`. */
export const SearchHighlight = z.strictObject({
  /** In UTF-16 code units, as JavaScript and JSON index strings. */
  start: Offset,
  end: Offset,
});

/** A sentence of an article that holds words searched for: the publisher's whole sentence or list item. */
export const SearchSnippet = z.strictObject({
  text: PublisherText,
  highlights: z.array(SearchHighlight),
  /** The section it is in; `title` is null for the untitled introduction. */
  section: z.strictObject({ id: Id, title: z.nullable(Text) }),
  links: Links,
});

/**
 * An article that holds every word searched for, with its best sentences
 * (none when only its title or headings do), and what travels with any
 * fragment shown on its own: attribution, licence, disclaimer and urgent care advice.
 */
export const SearchResult = z.strictObject({
  slug: Id,
  title: Text,
  canonicalUrl: Url,
  snippets: z.array(SearchSnippet),
  ...provenance,
  links: Links,
});

export const SearchResults = z.strictObject({
  /** The text searched for, as given. */
  query: z.string(),
  items: z.array(SearchResult),
  page: z.number(),
  pageSize: z.number(),
  /** How many articles were ranked: every one that matches, unless `totalIsLowerBound`. */
  total: z.number().check(
    z.meta({
      description:
        "How many articles the pages hold: every article that matches, unless `totalIsLowerBound` is true, when at least this many match.",
    }),
  ),
  /** More articles match than a search ranks (src/search/search-index.ts): `total` is then a lower bound. */
  totalIsLowerBound: z.boolean().check(
    z.meta({
      description:
        "True when more articles match than a search ranks: `total` is then how many at least match, and the pages hold that many. The articles whose title has every word come first all the same.",
    }),
  ),
  totalPages: z.number(),
  links: Links,
});
export type SearchResults = z.infer<typeof SearchResults>;

export const ServiceIndex = z.strictObject({
  name: Text,
  version: Text,
  description: Text,
  links: Links,
});
export type ServiceIndex = z.infer<typeof ServiceIndex>;

/** oEmbed 1.0 `rich` response (https://oembed.com/). */
export const OEmbed = z.strictObject({
  version: z.literal("1.0"),
  type: z.literal("rich"),
  /** An iframe of /embed/{slug}, followed by /embed.js which sizes it to its content. */
  html: z.string(),
  width: z.number().check(z.int()),
  height: z.number().check(z.int()),
  title: z.string(),
  provider_name: z.string(),
  provider_url: z.string(),
  author_name: z.string(),
  /** Only when the author has a URL in the content. */
  author_url: z.optional(z.string()),
  /** Seconds a consumer may cache this response. */
  cache_age: z.number().check(z.int()),
});
export type OEmbed = z.infer<typeof OEmbed>;

/** A schema.org JSON-LD document: one `@graph` of typed nodes (the vocabulary is checked in the tests). */
export const JsonLdGraph = z.looseObject({
  "@context": z.literal("https://schema.org"),
  "@graph": z.array(
    z.looseObject({ "@type": z.union([z.string(), z.array(z.string())]), "@id": z.optional(z.string()) }),
  ),
});

/** The OpenAPI 3.1 document itself, as far as a client reads it. */
export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({})),
});

/** A problem type, as `GET /problems` lists them. */
export const ProblemTypeSummary = z.strictObject({ type: z.string(), status: z.number(), title: z.string() });
export const ProblemTypeList = z.array(ProblemTypeSummary);
export const ProblemTypeDescription = z.strictObject({ ...ProblemTypeSummary.shape, description: z.string() });
