/** `/v1/articles`: the article collection, whole articles and single sections. */
import { articleList, DEFAULT_PAGE_SIZE } from "../api/article-list";
import { ChangeLog, changeLog } from "../api/change-log";
import { ArticleListQuery, ArticleQuery, LIMITS } from "../api/parameters";
import { sectionResource } from "../api/resources";
import { ArticleList, ArticleResource, JsonLdGraph, SectionResource } from "../api/schemas";
import { articleCacheTag, collectionCacheTag } from "../http/cache-tags";
import { linkHeader } from "../http/link-header";
import { MEDIA } from "../http/media-types";
import { notFound } from "../http/problem";
import { sendAlternative, sendRepresentation } from "../http/send";
import { json, type Operation, slugParameter } from "../openapi/operation";
import { articleJson, articleJsonLd, articleMarkdown } from "../responses/article";
import { requestedArticle, requestedArticleRow } from "./requested-article";
import { defineRoute, representationOf } from "./route";
import { sectionSelection } from "./section-selection";

const listArticles = {
  path: "/v1/articles",
  operationId: "listArticles",
  summary: "List articles",
  description:
    "Article summaries, newest first, each with every section's id and content hash so a partner can see which sections changed. Paged with `Link` headers (`first`, `last`, `next`, `prev`).",
  tag: "Articles",
  query: {
    schema: ArticleListQuery,
    describe: {
      page: { description: `Page number, 1 to ${LIMITS.page}.`, example: "1" },
      pageSize: { description: `Articles per page, 1 to ${LIMITS.pageSize}; default 20.`, example: "20" },
      updatedSince: {
        description: "Only articles whose content changed here at or after this ISO 8601 date or date-time.",
        example: "2026-01-01",
      },
      code: {
        description:
          "Only articles with this clinical code, in any coding system, or in one system as `SYSTEM|CODE` (a name such as ICD-10-CM, an HL7 OID or a FHIR system URI). Matches the publisher's codes and this service's code mappings.",
        example: "ICD-10-CM|R25.2",
      },
    },
  },
  content: json(ArticleList, "ArticleList"),
  paged: true,
  errors: [400, 503],
} as const satisfies Operation;

const getArticle = {
  path: "/v1/articles/{slug}",
  operationId: "getArticle",
  summary: "Get an article",
  description:
    "The whole article: metadata, attribution, licence, disclaimer, nested `sections` of typed blocks and the `faq`. `Accept: application/ld+json` gives the schema.org graph (the same bytes as `/jsonld`) and `Accept: text/markdown` the article as Markdown.",
  tag: "Articles",
  pathParameters: slugParameter,
  query: {
    schema: ArticleQuery,
    describe: {
      sections: {
        description: `Only these sections (comma-separated ids, at any depth, at most ${LIMITS.sections}), each with its subsections. Narrows the JSON and Markdown.`,
        example: "calf-extension,quinine-for-leg-cramps",
      },
    },
  },
  // In the order preferred when the client does not mind.
  content: {
    ...json(ArticleResource, "Article"),
    [MEDIA.jsonLd]: { schema: JsonLdGraph, component: "JsonLdGraph" },
    [MEDIA.markdown]: { text: "The article as CommonMark, with its disclaimer, attribution, licence and credits." },
  },
  errors: [400, 404, 410, 503],
} as const satisfies Operation;

const getSection = {
  path: "/v1/articles/{slug}/sections/{id}",
  operationId: "getSection",
  summary: "Get one section",
  description:
    "One section at any depth, with its subsections and the article's attribution, licence, disclaimer, dates and canonical URL.",
  tag: "Articles",
  pathParameters: {
    ...slugParameter,
    id: { description: "The section's id (a slug of its heading).", example: "calf-extension" },
  },
  content: json(SectionResource, "SectionResponse"),
  errors: [404, 410, 503],
} as const satisfies Operation;

const getArticleJsonLd = {
  path: "/v1/articles/{slug}/jsonld",
  operationId: "getArticleJsonLd",
  summary: "Get the schema.org graph",
  description:
    "One JSON-LD `@graph`: MedicalWebPage, MedicalCondition with its causes, risk factors, tests, differential diagnoses, treatments and prevention, drug therapies with their side effects, drugs, FAQ questions and the people behind the article.",
  tag: "Articles",
  pathParameters: slugParameter,
  content: { [MEDIA.jsonLd]: { schema: JsonLdGraph, component: "JsonLdGraph" } },
  errors: [404, 410, 503],
} as const satisfies Operation;

const getArticleChanges = {
  path: "/v1/articles/{slug}/changes",
  operationId: "getArticleChanges",
  summary: "An article's change log",
  description:
    "Every published revision of the article, newest first: its date (the content's commit, or the build for edits not yet committed), the sections it changed or added with their new content hashes, and the ids of those it removed; null where a past text can no longer be read. The oldest revision lists every section it had. Compare with the hashes of your copy to see what changed since.",
  tag: "Articles",
  pathParameters: slugParameter,
  content: json(ChangeLog, "ChangeLog"),
  errors: [404, 410, 503],
} as const satisfies Operation;

/** `/v1/articles` and what is under it, in the order the OpenAPI document lists them. */
export const ARTICLE_ROUTES = [
  defineRoute(listArticles, async (c) => {
    const { baseUrl } = c.var;
    const library = await c.var.library();
    const query = c.req.valid("query");
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const code = query.code ? `${query.code.system ?? ""}|${query.code.code}` : "";
    const representation = await representationOf(
      c,
      [baseUrl, page, pageSize, query.updatedSince ?? "", code],
      async () => {
        const body = await articleList(library, c.env.ASSETS, query, baseUrl);
        return {
          json: body,
          lastModified: library.updatedAt,
          headers: { Link: linkHeader(body.links), ...collectionCacheTag() },
        };
      },
    );
    return sendRepresentation(c, representation);
  }),
  defineRoute(getArticle, async (c) => {
    const { baseUrl, representations } = c.var;
    const article = await requestedArticleRow(c, c.req.param("slug"));
    const { sections } = c.req.valid("query");
    // Checked in every form, so an unknown id is a 400 whatever the Accept.
    const selection = sections && sectionSelection(await article.load(), sections);
    // The graph describes the whole article: `sections` narrows the JSON and Markdown only.
    if (c.var.media === MEDIA.jsonLd) {
      return sendAlternative(c, await articleJsonLd(representations, article, baseUrl), "Accept");
    }
    if (c.var.media === MEDIA.markdown) {
      return sendAlternative(c, await articleMarkdown(representations, article, baseUrl, selection), "Accept");
    }
    return sendRepresentation(c, await articleJson(representations, article, baseUrl, selection), "Accept");
  }),
  defineRoute(getSection, async (c) => {
    const { baseUrl } = c.var;
    const { slug, id } = c.req.param();
    const article = await requestedArticle(c, slug);
    const { entry } = article;
    const located = article.section(id) ?? notFound(`Article "${slug}" has no section "${id}".`);
    const representation = await representationOf<SectionResource>(c, [baseUrl, slug, id], () => ({
      json: sectionResource(entry, located, baseUrl),
      lastModified: entry.article.updatedAt,
      headers: articleCacheTag(slug),
    }));
    return sendRepresentation(c, representation);
  }),
  defineRoute(getArticleChanges, async (c) => {
    const { baseUrl } = c.var;
    const slug = c.req.param("slug");
    const { entry } = await requestedArticle(c, slug);
    const representation = await representationOf<ChangeLog>(c, [baseUrl, slug], () => ({
      json: changeLog(entry, baseUrl),
      lastModified: entry.article.updatedAt,
      headers: articleCacheTag(slug),
    }));
    return sendRepresentation(c, representation);
  }),
  defineRoute(getArticleJsonLd, async (c) => {
    const { baseUrl, representations } = c.var;
    const article = await requestedArticleRow(c, c.req.param("slug"));
    return sendRepresentation(c, await articleJsonLd(representations, article, baseUrl));
  }),
] as const;
