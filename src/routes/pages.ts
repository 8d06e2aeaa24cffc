/** Crawlable HTML: `/articles` (the index) and `/articles/{slug}` (an article with its JSON-LD). */
import { ArticlesPageQuery } from "../api/parameters";
import { notFound } from "../http/problem";
import { sendRepresentation } from "../http/send";
import { html, type Operation, slugParameter } from "../openapi/operation";
import { INDEX_PAGE_SIZE, indexPages } from "../render/articles-index-page";
import { articlePage, articlesIndexPage } from "../responses/article";
import { requestedArticleRow } from "./requested-article";
import { defineRoute } from "./route";

const getArticlesPage = {
  path: "/articles",
  operationId: "getArticlesPage",
  summary: "HTML index of articles",
  description: `A crawlable HTML page listing the articles, newest change first, each with its description and a link to its page: ${INDEX_PAGE_SIZE} to a page, linked with \`rel="prev"\` and \`rel="next"\`.`,
  tag: "Pages",
  query: {
    schema: ArticlesPageQuery,
    describe: { page: { description: `Page number, from 1; the first page is \`/articles\` itself.`, example: "1" } },
  },
  content: html("A page of the HTML index of articles."),
  pageErrors: true,
  errors: [400, 404, 503],
} as const satisfies Operation;

const getArticlePage = {
  path: "/articles/{slug}",
  operationId: "getArticlePage",
  summary: "Crawlable article page",
  description:
    "The article as HTML with its JSON-LD, canonical link, meta description, Open Graph and Twitter tags, and oEmbed discovery.",
  tag: "Pages",
  pathParameters: slugParameter,
  content: html("The article page."),
  pageErrors: true,
  errors: [404, 410, 503],
} as const satisfies Operation;

export const PAGE_ROUTES = [
  defineRoute(getArticlesPage, async (c) => {
    const { baseUrl, representations } = c.var;
    const library = await c.var.library();
    const page = c.req.valid("query").page ?? 1;
    const pages = indexPages(library);
    if (page > pages) notFound(`The index of articles has ${pages} page(s).`);
    return sendRepresentation(c, await articlesIndexPage(representations, library, baseUrl, page));
  }),
  defineRoute(getArticlePage, async (c) => {
    const { baseUrl, representations } = c.var;
    const article = await requestedArticleRow(c, c.req.param("slug"));
    return sendRepresentation(c, await articlePage(representations, article, baseUrl));
  }),
] as const;
