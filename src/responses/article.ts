/**
 * The stored representations of an article that more than one route serves:
 * the same key gives the same bytes and ETag wherever they are asked for.
 */
import type { Graph } from "schema-dts";
import { articleResource } from "../api/resources";
import type { ArticleResource } from "../api/schemas";
import type { ContentLibrary } from "../content/library";
import type { CompiledEntry } from "../content/model";
import { articleCacheTag, collectionCacheTag } from "../http/cache-tags";
import { MEDIA } from "../http/media-types";
import { type Representation, type RepresentationStore, representationKey } from "../http/representation-store";
import { renderArticlePage } from "../render/article-page";
import { renderArticlesIndexPage } from "../render/articles-index-page";
import { renderMarkdown } from "../render/markdown";
import { articleGraph } from "../schemaorg/article-graph";

/** The owners of the representations this module builds: shared by routes, so not any one operation's. */
const SHARED = {
  json: "article",
  markdown: "article-markdown",
  jsonLd: "article-jsonld",
  page: "article-page",
  index: "articles-page",
} as const;

export function articleJson(
  store: RepresentationStore,
  entry: CompiledEntry,
  base: string,
  selection?: readonly string[],
): Promise<Representation<ArticleResource>> {
  const key = representationKey(SHARED.json, base, entry.article.slug, selection?.join(",") ?? "*");
  return store.get(key, () => ({
    json: articleResource(entry, base, selection ? new Set(selection) : undefined),
    lastModified: entry.article.updatedAt,
    headers: articleCacheTag(entry.article.slug),
  }));
}

export function articleMarkdown(
  store: RepresentationStore,
  entry: CompiledEntry,
  base: string,
  selection?: readonly string[],
): Promise<Representation> {
  const key = representationKey(SHARED.markdown, base, entry.article.slug, selection?.join(",") ?? "*");
  return store.get(key, () => ({
    text: renderMarkdown(articleResource(entry, base, selection ? new Set(selection) : undefined), !selection),
    contentType: `${MEDIA.markdown}; charset=utf-8`,
    lastModified: entry.article.updatedAt,
    headers: articleCacheTag(entry.article.slug),
  }));
}

export function articleJsonLd(
  store: RepresentationStore,
  entry: CompiledEntry,
  base: string,
): Promise<Representation<Graph>> {
  return store.get(representationKey(SHARED.jsonLd, base, entry.article.slug), () => ({
    json: articleGraph(entry, base),
    contentType: `${MEDIA.jsonLd}; charset=utf-8`,
    lastModified: entry.article.updatedAt,
    headers: articleCacheTag(entry.article.slug),
  }));
}

export function articlePage(store: RepresentationStore, entry: CompiledEntry, base: string): Promise<Representation> {
  return store.get(representationKey(SHARED.page, base, entry.article.slug), async () => {
    const page = await renderArticlePage(entry, articleGraph(entry, base), base);
    return {
      text: page.html,
      contentType: `${MEDIA.html}; charset=utf-8`,
      lastModified: entry.article.updatedAt,
      headers: {
        "Content-Security-Policy": page.csp,
        "X-Frame-Options": "DENY",
        ...articleCacheTag(entry.article.slug),
      },
    };
  });
}

/** Page `number` of the HTML index, which must exist (renderArticlesIndexPage). */
export function articlesIndexPage(
  store: RepresentationStore,
  library: ContentLibrary,
  base: string,
  number: number,
): Promise<Representation> {
  return store.get(representationKey(SHARED.index, base, number), async () => {
    const page = await renderArticlesIndexPage(library, base, number);
    return {
      text: page.html,
      contentType: `${MEDIA.html}; charset=utf-8`,
      lastModified: library.updatedAt,
      headers: { "Content-Security-Policy": page.csp, "X-Frame-Options": "DENY", ...collectionCacheTag() },
    };
  });
}
