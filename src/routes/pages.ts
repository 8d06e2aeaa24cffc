/** Crawlable HTML: `/articles` (the index) and `/articles/{slug}` (an article with its JSON-LD). */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { notFound } from "../http/problem";
import { sendRepresentation } from "../http/send";
import { honoPath, html, type Operation, slugParameter } from "../openapi/operation";
import { articlePage, articlesIndexPage } from "../responses/article";

export const getArticlesPage = {
  path: "/articles",
  operationId: "getArticlesPage",
  summary: "HTML index of articles",
  description: "A crawlable HTML page listing every article with its description and a link to its page.",
  tag: "Pages",
  content: html("An HTML page listing every article."),
  errors: [],
} as const satisfies Operation;

export const getArticlePage = {
  path: "/articles/{slug}",
  operationId: "getArticlePage",
  summary: "Crawlable article page",
  description:
    "The article as HTML with its JSON-LD, canonical link, meta description, Open Graph and Twitter tags, and oEmbed discovery.",
  tag: "Pages",
  pathParameters: slugParameter,
  content: html("The article page."),
  errors: [404],
} as const satisfies Operation;

/** This file's operations, for the OpenAPI document (src/routes/operations.ts). */
export const PAGE_OPERATIONS: readonly Operation[] = [getArticlesPage, getArticlePage];

export const pageRoutes = new Hono<AppEnv>()
  .get(honoPath(getArticlesPage.path), onlyMedia(MEDIA.html), async (c) => {
    const { library, baseUrl, representations } = c.var;
    return sendRepresentation(c, await articlesIndexPage(representations, library, baseUrl));
  })
  .get(honoPath(getArticlePage.path), onlyMedia(MEDIA.html), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const slug = c.req.param("slug");
    const article = (await library.article(slug, c.env.ASSETS)) ?? notFound(`There is no article "${slug}".`);
    return sendRepresentation(c, await articlePage(representations, article.entry, baseUrl));
  });
