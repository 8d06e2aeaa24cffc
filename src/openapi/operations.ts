/**
 * Every operation the service offers, described once with the same zod
 * schemas that validate requests and type responses. The OpenAPI document is
 * generated from this list, and a test checks it against the app's routes.
 * Every GET serves a stored representation, so each has ETag,
 * Last-Modified, Cache-Control and 304 responses; a POST (a CDS Hooks
 * service) is answered afresh and never stored.
 */
import type * as z from "zod/mini";
import { CdsResponse, CdsServices, PatientViewRequest } from "../api/cds-hooks";
import { JsonFeed } from "../api/feeds";
import { InfobuttonFeed } from "../api/infobutton";
import { ArticleListQuery, ArticleQuery, EmbedQuery, InfobuttonQuery, LIMITS, OEmbedQuery } from "../api/parameters";
import {
  ArticleList,
  ArticleResource,
  ConditionResource,
  JsonLdGraph,
  OEmbed,
  OpenApiDocument,
  Problem,
  ProblemTypeDescription,
  ProblemTypeList,
  SectionResource,
  ServiceIndex,
} from "../api/schemas";
import { MEDIA } from "../http/media-types";

/** A response body: a named zod schema (a component), or plain text of a media type. */
export type Body = { schema: z.ZodMiniType; component: string; example?: unknown } | { text: string; example?: string };

export interface Operation {
  path: string;
  /** GET (also answering HEAD) unless said otherwise. */
  method?: "post";
  operationId: string;
  summary: string;
  description: string;
  tag: "Articles" | "Conditions" | "Clinical systems" | "Pages" | "Embeds" | "Discovery" | "Problems";
  pathParameters?: Record<string, { description: string; example: string }>;
  /** Query parameters; `{base}` in an example stands for this server's base URL. */
  query?: { schema: z.ZodMiniObject; describe: Record<string, { description: string; example: string }> };
  /** A POST's JSON request body. */
  requestBody?: { schema: z.ZodMiniType; component: string; description: string; example: unknown };
  /** The success response, keyed by media type. */
  content: Record<string, Body>;
  /** Error statuses this operation can answer besides 405, 406, 414, 429 and 431 (which all can). */
  errors: (400 | 404 | 412 | 413 | 415 | 501)[];
}

const slug = { slug: { description: "The article's slug, e.g. `leg-cramps`.", example: "leg-cramps" } };
const json = (schema: z.ZodMiniType, component: string): Record<string, Body> => ({
  [MEDIA.json]: { schema, component },
});
const html = (text: string): Record<string, Body> => ({ [MEDIA.html]: { text } });

export const COMPONENTS = { Problem } as const;

export const OPERATIONS: Operation[] = [
  {
    path: "/",
    operationId: "getServiceIndex",
    summary: "Service index",
    description: "The service's name and version, with links to every route family.",
    tag: "Discovery",
    content: json(ServiceIndex, "ServiceIndex"),
    errors: [],
  },
  {
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
    errors: [400],
  },
  {
    path: "/v1/articles/{slug}",
    operationId: "getArticle",
    summary: "Get an article",
    description:
      "The whole article: metadata, attribution, licence, disclaimer, nested `sections` of typed blocks and the `faq`. `Accept: application/ld+json` gives the schema.org graph (the same bytes as `/jsonld`) and `Accept: text/markdown` the article as Markdown.",
    tag: "Articles",
    pathParameters: slug,
    query: {
      schema: ArticleQuery,
      describe: {
        sections: {
          description: `Only these sections (comma-separated ids, at any depth, at most ${LIMITS.sections}), each with its subsections. Narrows the JSON and Markdown.`,
          example: "calf-extension,quinine-for-leg-cramps",
        },
      },
    },
    content: {
      ...json(ArticleResource, "Article"),
      [MEDIA.jsonLd]: { schema: JsonLdGraph, component: "JsonLdGraph" },
      [MEDIA.markdown]: { text: "The article as CommonMark, with its disclaimer, attribution, licence and credits." },
    },
    errors: [400, 404],
  },
  {
    path: "/v1/articles/{slug}/sections/{id}",
    operationId: "getSection",
    summary: "Get one section",
    description:
      "One section at any depth, with its subsections and the article's attribution, licence, disclaimer, dates and canonical URL.",
    tag: "Articles",
    pathParameters: {
      ...slug,
      id: { description: "The section's id (a slug of its heading).", example: "calf-extension" },
    },
    content: json(SectionResource, "SectionResponse"),
    errors: [404],
  },
  {
    path: "/v1/articles/{slug}/jsonld",
    operationId: "getArticleJsonLd",
    summary: "Get the schema.org graph",
    description:
      "One JSON-LD `@graph`: MedicalWebPage, MedicalCondition with its causes, risk factors, tests, differential diagnoses, treatments and prevention, drug therapies with their side effects, drugs, FAQ questions and the people behind the article.",
    tag: "Articles",
    pathParameters: slug,
    content: { [MEDIA.jsonLd]: { schema: JsonLdGraph, component: "JsonLdGraph" } },
    errors: [404],
  },
  {
    path: "/v1/conditions/{slug}",
    operationId: "getCondition",
    summary: "Get a condition's structured facts",
    description:
      "Names, codes, anatomy, symptoms, course, epidemiology, causes by kind, risk factors, tests, differential diagnoses, treatments, exercises, prevention, drugs and care advice by urgency. Every fact names the section it comes from and quotes it.",
    tag: "Conditions",
    pathParameters: slug,
    content: json(ConditionResource, "Condition"),
    errors: [404],
  },
  {
    path: "/v1/infobutton",
    operationId: "getInfobuttonKnowledge",
    summary: "HL7 Infobutton knowledge request",
    description:
      "Patient education by clinical code, with MedlinePlus Connect's parameters (HL7 Context-Aware Knowledge Retrieval, URL-based), so an EHR configured for MedlinePlus Connect can point here. Answers an Atom feed (`text/xml`, the default) or the same feed as JSON; no match is an empty feed. Codes this service mapped an article to are labelled as its mappings, never the publisher's. JSONP is not served: any origin may read the JSON (CORS).",
    tag: "Clinical systems",
    query: {
      schema: InfobuttonQuery,
      describe: {
        "mainSearchCriteria.v.c": { description: "The clinical code.", example: "R25.2" },
        "mainSearchCriteria.v.cs": {
          description:
            "The code system's OID: ICD-10-CM 2.16.840.1.113883.6.90, SNOMED CT 2.16.840.1.113883.6.96, RxNorm 2.16.840.1.113883.6.88, LOINC 2.16.840.1.113883.6.1. Any system when absent; an OID of another system matches nothing.",
          example: "2.16.840.1.113883.6.90",
        },
        "mainSearchCriteria.v.dn": {
          description: "The concept's display name; used to match article and condition names when no code is given.",
          example: "Cramp and spasm",
        },
        "informationRecipient.languageCode.c": {
          description: "The reader's language (`en` by default); articles in other languages are not listed.",
          example: "en",
        },
        knowledgeResponseType: {
          description: "`text/xml` (Atom, the default), `application/atom+xml` or `application/json`.",
          example: "application/json",
        },
      },
    },
    content: {
      ...json(InfobuttonFeed, "InfobuttonFeed"),
      "text/xml": {
        text: "The default: an Atom 1.0 feed, one entry per matching article, with the matching code as a `category`.",
      },
      "application/atom+xml": { text: "The same Atom feed, with Atom's own media type." },
    },
    errors: [400],
  },
  {
    path: "/cds-services",
    operationId: "getCdsServices",
    summary: "CDS Hooks discovery",
    description: "The CDS Hooks 2.0 services this API offers: `patient-education`, for the `patient-view` hook.",
    tag: "Clinical systems",
    content: json(CdsServices, "CdsServices"),
    errors: [],
  },
  {
    path: "/cds-services/{id}",
    method: "post",
    operationId: "callCdsService",
    summary: "Call a CDS Hooks service",
    description: `CDS Hooks 2.0 \`patient-view\`: reads the patient's FHIR R4 Condition resources from the \`conditions\` prefetch (this service never calls your FHIR server) and returns an \`info\` card linking to the article for each article matching one of their current conditions' codes; none matching is \`{"cards": []}\`. Bodies are limited to 512 KiB, never stored or logged, and answered with \`Cache-Control: no-store\`. A JWT in \`Authorization\` is accepted and not required.`,
    tag: "Clinical systems",
    pathParameters: { id: { description: "The service's id from discovery.", example: "patient-education" } },
    requestBody: {
      schema: PatientViewRequest,
      component: "PatientViewRequest",
      description: "A CDS Hooks `patient-view` request with the `conditions` prefetch.",
      example: {
        hook: "patient-view",
        hookInstance: "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        context: { userId: "Practitioner/example", patientId: "1288992" },
        prefetch: {
          conditions: {
            resourceType: "Bundle",
            entry: [
              {
                resource: {
                  resourceType: "Condition",
                  clinicalStatus: {
                    coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }],
                  },
                  code: {
                    coding: [
                      {
                        system: "http://hl7.org/fhir/sid/icd-10-cm",
                        code: "G47.62",
                        display: "Sleep related leg cramps",
                      },
                    ],
                  },
                },
              },
            ],
          },
        },
      },
    },
    content: json(CdsResponse, "CdsResponse"),
    errors: [400, 404, 412, 413, 415],
  },
  {
    path: "/articles",
    operationId: "getArticlesPage",
    summary: "HTML index of articles",
    description: "A crawlable HTML page listing every article with its description and a link to its page.",
    tag: "Pages",
    content: html("An HTML page listing every article."),
    errors: [],
  },
  {
    path: "/articles/{slug}",
    operationId: "getArticlePage",
    summary: "Crawlable article page",
    description:
      "The article as HTML with its JSON-LD, canonical link, meta description, Open Graph and Twitter tags, and oEmbed discovery.",
    tag: "Pages",
    pathParameters: slug,
    content: html("The article page."),
    errors: [404],
  },
  {
    path: "/embed/{slug}",
    operationId: "getEmbed",
    summary: "Embeddable article for an iframe",
    description:
      'A small self-contained page (no external requests) that any site may frame. Attribution with a link back, licence and disclaimer are always shown. It posts its height to the parent page (`{type: "health-article:height", height}`) whenever it changes; /embed.js resizes the iframe.',
    tag: "Embeds",
    pathParameters: slug,
    query: {
      schema: EmbedQuery,
      describe: {
        sections: {
          description: `Only these sections (comma-separated ids, at most ${LIMITS.sections}).`,
          example: "calf-extension,ankle-stretch",
        },
        theme: { description: "Colour theme: `light` (default) or `dark`.", example: "light" },
      },
    },
    content: html("The embed page."),
    errors: [400, 404],
  },
  {
    path: "/embed.js",
    operationId: "getEmbedScript",
    summary: "The <health-article> element",
    description:
      "Defines `<health-article slug sections theme api>`, which renders an article from this API into Shadow DOM with its attribution and disclaimer, and sizes any /embed/ iframe of this service on the page.",
    tag: "Embeds",
    content: { "text/javascript": { text: "The element's script." } },
    errors: [],
  },
  {
    path: "/oembed",
    operationId: "getOEmbed",
    summary: "oEmbed",
    description:
      "oEmbed 1.0 for article pages: type `rich`, with an iframe of /embed/{slug} (a `#section` in the URL chooses that section). Any `format` but `json` (`xml`, say) is answered 501, as the specification asks.",
    tag: "Embeds",
    query: {
      schema: OEmbedQuery,
      describe: {
        url: {
          description: "The article page's URL, optionally with a `#section-id`.",
          example: "{base}/articles/leg-cramps",
        },
        format: { description: "`json` (the default); any other format is not served (501).", example: "json" },
        maxwidth: { description: "Maximum iframe width in pixels.", example: "480" },
        maxheight: { description: "Maximum iframe height in pixels.", example: "600" },
      },
    },
    content: json(OEmbed, "OEmbed"),
    errors: [400, 404, 501],
  },
  {
    path: "/feeds/articles.atom",
    operationId: "getAtomFeed",
    summary: "Atom feed of articles",
    description:
      "Atom 1.0: one entry per article, newest change first, with its title, description (the publisher's words), page, attribution, licence and when this API's copy last changed; `hc:article` and `hc:section` elements (namespace `urn:health-content-api:feed`) give the article's and every section's content hash, so a reader can tell which sections changed.",
    tag: "Discovery",
    content: { "application/atom+xml": { text: "An Atom 1.0 feed." } },
    errors: [],
  },
  {
    path: "/feeds/articles.json",
    operationId: "getJsonFeed",
    summary: "JSON Feed of articles",
    description:
      "The same feed as JSON Feed 1.1 (`application/feed+json`), each item's `_health_content` extension giving its API URL, content hashes, attribution and licence.",
    tag: "Discovery",
    content: { "application/feed+json": { schema: JsonFeed, component: "JsonFeed" } },
    errors: [],
  },
  {
    path: "/sitemap.xml",
    operationId: "getSitemap",
    summary: "Sitemap",
    description: "A sitemaps.org `urlset` of the article pages and the index, with each page's last change.",
    tag: "Discovery",
    content: { "application/xml": { text: "A sitemaps.org urlset of the HTML pages." } },
    errors: [],
  },
  {
    path: "/{keyFile}",
    operationId: "getIndexNowKey",
    summary: "IndexNow key file",
    description:
      "The IndexNow key configured as `INDEXNOW_KEY`, served at `/{key}.txt` so search engines can check that submissions of this site's URLs come from its owner. Any other name is a 404, and so is every name when no key is configured.",
    tag: "Discovery",
    pathParameters: {
      keyFile: { description: "The configured key followed by `.txt`.", example: "{indexNowKey}.txt" },
    },
    content: { "text/plain": { text: "The key." } },
    errors: [404],
  },
  {
    path: "/robots.txt",
    operationId: "getRobots",
    summary: "robots.txt",
    description: "Crawling rules and the sitemap's URL.",
    tag: "Discovery",
    content: { "text/plain": { text: "Crawling rules and the sitemap's URL." } },
    errors: [],
  },
  {
    path: "/openapi.json",
    operationId: "getOpenApi",
    summary: "This OpenAPI document",
    description: "OpenAPI 3.1, generated from the same zod schemas that validate requests and type responses.",
    tag: "Discovery",
    content: json(OpenApiDocument, "OpenApiDocument"),
    errors: [],
  },
  {
    path: "/docs",
    operationId: "getDocs",
    summary: "Interactive API reference",
    description: "An interactive reference for this OpenAPI document, in the browser.",
    tag: "Discovery",
    content: html("An interactive reference for this document."),
    errors: [],
  },
  {
    path: "/problems",
    operationId: "listProblemTypes",
    summary: "Problem types",
    description: "Every `type` an error response can have.",
    tag: "Problems",
    content: json(ProblemTypeList, "ProblemTypeList"),
    errors: [],
  },
  {
    path: "/problems/{type}",
    operationId: "getProblemType",
    summary: "What a problem type means",
    description: "The status, title and meaning of one problem `type` an error response can have.",
    tag: "Problems",
    pathParameters: { type: { description: "A problem type's slug.", example: "invalid-parameters" } },
    content: json(ProblemTypeDescription, "ProblemTypeDescription"),
    errors: [404],
  },
];
