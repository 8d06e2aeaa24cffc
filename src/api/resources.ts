/**
 * Pure functions from compiled content to the JSON API's resources. Every
 * fragment (article, section, facts) carries attribution, licence,
 * disclaimer and the article's urgent care advice, so it can be shown on its own.
 */
import { version } from "../../package.json";
import type { DigestedArticle, LocatedSection } from "../content/library";
import {
  type CareAdvice,
  type CompiledArticle,
  type CompiledEntry,
  type IndexedArticle,
  type Section,
  type SectionSummary,
  urgentCareAdviceOf,
} from "../content/model";
import type {
  ArticleRef,
  ArticleResource,
  ArticleSummary,
  Attribution,
  ConditionResource,
  SectionResource,
  ServiceIndex,
  UrgentCareAdvice,
} from "./schemas";
import { urls } from "./urls";
import { WORDING } from "./wording";

/** What an article's provenance is made of: its credits, licence and disclaimer, known from the index and its digest. */
type Credits = Pick<CompiledArticle, "slug" | "attribution" | "publisher" | "sourceUrl" | "licence" | "disclaimer"> & {
  authors: readonly { name: string }[];
};

export function attribution(article: Omit<Credits, "licence" | "disclaimer">, base: string): Attribution {
  return {
    text: article.attribution,
    url: urls.page(base, article.slug),
    authors: article.authors.map((author) => author.name),
    publisher: article.publisher,
    sourceUrl: article.sourceUrl,
  };
}

/** The article's urgent care advice in the publisher's words, each with a link to where the article gives it. */
export function urgentCareAdvice(slug: string, advice: readonly CareAdvice[], base: string): UrgentCareAdvice[] {
  return advice.map((item) => ({ ...item, url: urls.sectionAnchor(base, slug, item.section) }));
}

/** What travels with every fragment of an article: its credits and its urgent care advice. */
export function provenance(article: Credits, urgent: readonly CareAdvice[], base: string) {
  return {
    wording: WORDING,
    attribution: attribution(article, base),
    licence: article.licence,
    disclaimer: article.disclaimer,
    urgentCareAdvice: urgentCareAdvice(article.slug, urgent, base),
  };
}

/** The provenance of a whole compiled article. */
export function entryProvenance({ article, facts }: CompiledEntry, base: string) {
  return provenance(article, urgentCareAdviceOf(facts), base);
}

/** The provenance of an article known by its index row and digest, as lists and search results give it. */
export function digestedProvenance({ indexed, digest }: DigestedArticle, base: string) {
  return provenance({ ...indexed, ...digest }, digest.urgentCareAdvice, base);
}

export function articleLinks(base: string, slug: string): Record<string, string> {
  return {
    self: urls.article(base, slug),
    html: urls.page(base, slug),
    condition: urls.condition(base, slug),
    changes: urls.changes(base, slug),
    collection: urls.articles(base),
  };
}

export function articleRef(article: CompiledArticle, base: string): ArticleRef {
  return {
    slug: article.slug,
    title: article.title,
    language: article.language,
    canonicalUrl: urls.page(base, article.slug),
  };
}

/**
 * The whole article, or only the chosen sections (each with its subsections)
 * in document order. FAQ entries are kept when their question is selected.
 */
export function articleResource(entry: CompiledEntry, base: string, selected?: ReadonlySet<string>): ArticleResource {
  const { article } = entry;
  const sections = selected ? selectSections(article.sections, selected) : article.sections;
  const kept = selected ? new Set(allIds(sections)) : undefined;
  return {
    ...identity(article, base),
    dates: article.dates,
    authors: article.authors,
    editorsNote: article.editorsNote,
    editors: article.editors,
    publisher: article.publisher,
    ...entryProvenance(entry, base),
    sections,
    faq: kept ? article.faq.filter((entry) => kept.has(entry.id)) : article.faq,
    links: articleLinks(base, article.slug),
  };
}

export function sectionResource(entry: CompiledEntry, located: LocatedSection, base: string): SectionResource {
  const { article } = entry;
  return {
    article: articleRef(article, base),
    section: located.section,
    path: located.path,
    canonicalUrl: urls.sectionAnchor(base, article.slug, located.section.id),
    dates: article.dates,
    updatedAt: article.updatedAt,
    ...entryProvenance(entry, base),
    links: {
      self: urls.section(base, article.slug, located.section.id),
      article: urls.article(base, article.slug),
      html: urls.sectionAnchor(base, article.slug, located.section.id),
    },
  };
}

export function conditionResource(entry: CompiledEntry, base: string): ConditionResource {
  const { article, facts } = entry;
  return {
    slug: article.slug,
    name: facts.condition.name,
    article: articleRef(article, base),
    updatedAt: article.updatedAt,
    codeMappings: article.codeMappings,
    facts,
    ...entryProvenance(entry, base),
    links: {
      self: urls.condition(base, article.slug),
      article: urls.article(base, article.slug),
      html: urls.page(base, article.slug),
    },
  };
}

/** What both the whole article and its summary say about it: what the index holds. */
function identity(
  article: Pick<
    IndexedArticle,
    "slug" | "title" | "description" | "language" | "updatedAt" | "hash" | "codes" | "codeMappings"
  >,
  base: string,
) {
  return {
    slug: article.slug,
    title: article.title,
    description: article.description,
    language: article.language,
    canonicalUrl: urls.page(base, article.slug),
    updatedAt: article.updatedAt,
    hash: article.hash,
    codes: article.codes,
    codeMappings: article.codeMappings,
  };
}

/** An article in a list: its index row, and every section's content hash from its digest. */
export function articleSummary({ indexed, digest }: DigestedArticle, base: string): ArticleSummary {
  return {
    ...identity(indexed, base),
    sections: digest.sections satisfies SectionSummary[],
    links: articleLinks(base, indexed.slug),
  };
}

/** Sections whose id is selected, outermost first; a selected section brings its subsections. */
function selectSections(sections: Section[], selected: ReadonlySet<string>): Section[] {
  return sections.flatMap((section) =>
    selected.has(section.id) ? [section] : selectSections(section.sections, selected),
  );
}

function allIds(sections: Section[]): string[] {
  return sections.flatMap((section) => [section.id, ...allIds(section.sections)]);
}

/** What every representation says where the publisher gave no licence: never an assumed one. */
export const NO_LICENCE = "not stated by the publisher; ask the publisher before reusing this text.";

/** The licence as one line of text: its name, or that the publisher stated none. */
export function licenceText(licence: CompiledArticle["licence"]): string {
  return `Licence: ${licence ? `${licence.name}.` : NO_LICENCE}`;
}

export const SERVICE_NAME = "Health content API";
/** The API's version: package.json's, the one number (the client package carries it too). */
export const SERVICE_VERSION = version;

/** `GET /`: what this service is and where each route family lives (templates in braces). */
export function serviceIndex(base: string): ServiceIndex {
  return {
    name: SERVICE_NAME,
    version: SERVICE_VERSION,
    description:
      "Patient-facing health articles as typed JSON sections, structured medical facts, schema.org JSON-LD, crawlable HTML pages and partner embeds.",
    links: {
      self: `${base}/`,
      articles: urls.articles(base),
      search: `${urls.search(base)}?q={q}`,
      article: urls.article(base, "{slug}"),
      section: urls.section(base, "{slug}", "{id}"),
      jsonld: urls.jsonld(base, "{slug}"),
      condition: urls.condition(base, "{slug}"),
      pages: urls.pages(base),
      page: urls.page(base, "{slug}"),
      openapi: `${base}/openapi.json`,
      docs: `${base}/docs`,
      sitemap: `${base}/sitemap.xml`,
      feedAtom: urls.atomFeed(base),
      feedJson: urls.jsonFeed(base),
      infobutton: `${urls.infobutton(base)}?mainSearchCriteria.v.c={code}&mainSearchCriteria.v.cs={codeSystemOid}`,
      cdsServices: urls.cdsServices(base),
      robots: `${base}/robots.txt`,
      problems: `${base}/problems`,
    },
  };
}
