/** `/v1/articles`: the article collection, whole articles and single sections. */
import { Hono } from "hono";
import { articleList, DEFAULT_PAGE_SIZE } from "../api/article-list";
import { ArticleListQuery, ArticleQuery } from "../api/parameters";
import { sectionResource } from "../api/resources";
import type { SectionResource } from "../api/schemas";
import type { AppEnv } from "../env";
import { articleCacheTag, collectionCacheTag } from "../http/cache-tags";
import { MEDIA } from "../http/media-types";
import { chooseMedia, onlyMedia } from "../http/negotiation";
import { notFound } from "../http/problem";
import { sendAlternative, sendRepresentation } from "../http/send";
import { validQuery } from "../http/validation";
import { articleJson, articleJsonLd, articleMarkdown } from "../representations/article";
import { sectionSelection } from "./section-selection";

/** What `/v1/articles/{slug}` can be served as, in the order preferred when the client does not mind. */
const ARTICLE_MEDIA = [MEDIA.json, MEDIA.jsonLd, MEDIA.markdown] as const;

export const articleRoutes = new Hono<AppEnv>()
  .get("/", onlyMedia(MEDIA.json), validQuery(ArticleListQuery), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const query = c.req.valid("query");
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const code = query.code ? `${query.code.system ?? ""}|${query.code.code}` : "";
    const key = `list ${baseUrl} ${page} ${pageSize} ${query.updatedSince ?? ""} ${code}`;
    const representation = await representations.get(key, () => {
      const body = articleList(library, query, baseUrl);
      return {
        json: body,
        lastModified: library.updatedAt,
        headers: { Link: linkHeader(body.links), ...collectionCacheTag() },
      };
    });
    return sendRepresentation(c, representation);
  })
  .get("/:slug", validQuery(ArticleQuery), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const slug = c.req.param("slug");
    const entry = library.entry(slug) ?? notFound(`There is no article "${slug}".`);
    const media = chooseMedia(c.req.header("Accept"), ARTICLE_MEDIA);
    // Checked in every form, so an unknown id is a 400 whatever the Accept.
    const selection = sectionSelection(library, slug, c.req.valid("query").sections);
    // The graph describes the whole article: `sections` narrows the JSON and Markdown only.
    if (media === MEDIA.jsonLd) {
      return sendAlternative(c, await articleJsonLd(representations, entry, baseUrl), "Accept");
    }
    if (media === MEDIA.markdown) {
      return sendAlternative(c, await articleMarkdown(representations, entry, baseUrl, selection), "Accept");
    }
    return sendRepresentation(c, await articleJson(representations, entry, baseUrl, selection), "Accept");
  })
  .get("/:slug/jsonld", onlyMedia(MEDIA.jsonLd), async (c) => {
    const { library, baseUrl, representations } = c.var;
    const slug = c.req.param("slug");
    const entry = library.entry(slug) ?? notFound(`There is no article "${slug}".`);
    return sendRepresentation(c, await articleJsonLd(representations, entry, baseUrl));
  })
  .get("/:slug/sections/:id", onlyMedia(MEDIA.json), async (c) => {
    const { library, baseUrl } = c.var;
    const { slug, id } = c.req.param();
    const entry = library.entry(slug) ?? notFound(`There is no article "${slug}".`);
    const located = library.section(slug, id) ?? notFound(`Article "${slug}" has no section "${id}".`);
    const representation = await c.var.representations.get<SectionResource>(`section ${baseUrl} ${slug} ${id}`, () => ({
      json: sectionResource(entry, located, baseUrl),
      lastModified: entry.article.updatedAt,
      headers: articleCacheTag(slug),
    }));
    return sendRepresentation(c, representation);
  });

/** RFC 8288 `Link` header from named links. */
function linkHeader(links: Record<string, string>): string {
  return Object.entries(links)
    .filter(([rel]) => rel !== "self")
    .map(([rel, url]) => `<${url}>; rel="${rel}"`)
    .join(", ");
}
