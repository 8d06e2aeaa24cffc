/**
 * Pure functions from compiled content to the JSON API's resources. Every
 * fragment (article, section, facts) carries attribution, licence,
 * disclaimer and the article's urgent care advice, so it can be shown on its own.
 */
import { version } from "../../package.json";
import type { LocatedSection } from "../content/library";
import type { CompiledArticle, CompiledEntry, Section } from "../content/model";
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

export function attribution(article: CompiledArticle, base: string): Attribution {
  return {
    text: article.attribution,
    url: urls.page(base, article.slug),
    authors: article.authors.map((author) => author.name),
    publisher: article.publisher,
    sourceUrl: article.sourceUrl,
  };
}

/** The article's urgent care advice in the publisher's words, each with a link to where the article gives it. */
export function urgentCareAdvice({ article, facts }: CompiledEntry, base: string): UrgentCareAdvice[] {
  return facts.careAdvice
    .filter((advice) => advice.urgency === "urgent")
    .map((advice) => ({ ...advice, url: urls.sectionAnchor(base, article.slug, advice.section) }));
}

/** What travels with every fragment of an article. */
export function provenance(entry: CompiledEntry, base: string) {
  const { article } = entry;
  return {
    wording: WORDING,
    attribution: attribution(article, base),
    licence: article.licence,
    disclaimer: article.disclaimer,
    urgentCareAdvice: urgentCareAdvice(entry, base),
  };
}

export function articleLinks(base: string, slug: string): Record<string, string> {
  return {
    self: urls.article(base, slug),
    html: urls.page(base, slug),
    condition: urls.condition(base, slug),
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
    ...provenance(entry, base),
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
    ...provenance(entry, base),
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
    ...provenance(entry, base),
    links: {
      self: urls.condition(base, article.slug),
      article: urls.article(base, article.slug),
      html: urls.page(base, article.slug),
    },
  };
}

/** What both the whole article and its summary say about it. */
function identity(article: CompiledArticle, base: string) {
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

export function articleSummary(article: CompiledArticle, sections: LocatedSection[], base: string): ArticleSummary {
  return {
    ...identity(article, base),
    sections: sections.map(({ section }) => ({
      id: section.id,
      title: section.title,
      parentId: section.parentId,
      hash: section.hash,
    })),
    links: articleLinks(base, article.slug),
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
