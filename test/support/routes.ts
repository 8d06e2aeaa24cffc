/**
 * Every content route of the real Worker that shared caches may keep, with a
 * path that answers 200, by what it serves: its article and sections are the
 * library's (test/support/subject.ts).
 */
import { DEEPEST, SIBLINGS, SUBJECT } from "./subject";
import { ORIGIN } from "./worker";

const { slug } = SUBJECT;

export const CONTENT_ROUTES = {
  serviceIndex: "/",
  articleList: "/v1/articles",
  article: `/v1/articles/${slug}`,
  articleSelection: `/v1/articles/${slug}?sections=${DEEPEST.section.id}`,
  section: `/v1/articles/${slug}/sections/${SIBLINGS.at(-1)?.id ?? DEEPEST.section.id}`,
  jsonLd: `/v1/articles/${slug}/jsonld`,
  condition: `/v1/conditions/${slug}`,
  pageIndex: "/articles",
  page: `/articles/${slug}`,
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  embed: `/embed/${slug}`,
  embedScript: "/embed.js",
  oEmbed: `/oembed?url=${encodeURIComponent(`${ORIGIN}/articles/${slug}`)}`,
} as const;

/** The paths of CONTENT_ROUTES. */
export const CONTENT_PATHS: readonly string[] = Object.values(CONTENT_ROUTES);

/**
 * Routes whose URL says what someone looked for (a search's words, a
 * clinical code), with a path that answers 200: revalidated like content,
 * but kept by the reader's browser only, never by a shared cache.
 */
export const PRIVATE_PATHS = [
  `/v1/search?q=${encodeURIComponent(SUBJECT.title)}`,
  "/v1/infobutton?mainSearchCriteria.v.c=R25.2&knowledgeResponseType=application/json",
] as const;
