/**
 * The stored representations of an article that more than one route serves:
 * the same key gives the same bytes and ETag wherever they are asked for.
 */
import type { Graph } from "schema-dts";
import { articleResource } from "../api/resources";
import type { ArticleResource } from "../api/schemas";
import type { ArticleBodyKind } from "../content/article-bodies";
import type { ContentLibrary, RequestedArticle } from "../content/library";
import type { CompiledEntry } from "../content/model";
import { articleCacheTag, collectionCacheTag } from "../http/cache-tags";
import { MEDIA } from "../http/media-types";
import {
  type Representation,
  type RepresentationSource,
  type RepresentationStore,
  representationKey,
} from "../http/representation-store";
import { fillableBase } from "../lib/body-template";
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

/** How each whole-article body is rendered: by the build once for every base (article-bodies.ts), or here when it cannot be used. */
export const WHOLE_ARTICLE_BODIES: Record<ArticleBodyKind, WholeArticleBody> = {
  json: {
    contentType: `${MEDIA.json}; charset=utf-8`,
    render: async (entry, base) => ({ text: JSON.stringify(articleResource(entry, base)) }),
  },
  jsonld: {
    contentType: `${MEDIA.jsonLd}; charset=utf-8`,
    render: async (entry, base) => ({ text: JSON.stringify(articleGraph(entry, base)) }),
  },
  markdown: {
    contentType: `${MEDIA.markdown}; charset=utf-8`,
    render: async (entry, base) => ({ text: renderMarkdown(articleResource(entry, base), true) }),
  },
  page: {
    contentType: `${MEDIA.html}; charset=utf-8`,
    render: async (entry, base) => {
      const page = await renderArticlePage(entry, articleGraph(entry, base), base);
      return { text: page.html, headers: { "Content-Security-Policy": page.csp, "X-Frame-Options": "DENY" } };
    },
  },
};

export interface WholeArticleBody {
  contentType: string;
  render(entry: CompiledEntry, base: string): Promise<{ text: string; headers?: Record<string, string> }>;
}

export function articleJson(
  store: RepresentationStore,
  article: RequestedArticle,
  base: string,
  selection?: readonly string[],
): Promise<Representation<ArticleResource>> {
  const { slug } = article.indexed;
  const key = representationKey(SHARED.json, base, slug, selection?.join(",") ?? "*");
  if (!selection) return store.get(key, () => wholeArticle("json", article, base));
  return store.get(key, async () => {
    const { entry } = await article.load();
    return {
      json: articleResource(entry, base, new Set(selection)),
      lastModified: entry.article.updatedAt,
      headers: articleCacheTag(slug),
    };
  });
}

export function articleMarkdown(
  store: RepresentationStore,
  article: RequestedArticle,
  base: string,
  selection?: readonly string[],
): Promise<Representation> {
  const { slug } = article.indexed;
  const key = representationKey(SHARED.markdown, base, slug, selection?.join(",") ?? "*");
  if (!selection) return store.get(key, () => wholeArticle("markdown", article, base));
  return store.get(key, async () => {
    const { entry } = await article.load();
    return {
      text: renderMarkdown(articleResource(entry, base, new Set(selection)), false),
      contentType: WHOLE_ARTICLE_BODIES.markdown.contentType,
      lastModified: entry.article.updatedAt,
      headers: articleCacheTag(slug),
    };
  });
}

export function articleJsonLd(
  store: RepresentationStore,
  article: RequestedArticle,
  base: string,
): Promise<Representation<Graph>> {
  const key = representationKey(SHARED.jsonLd, base, article.indexed.slug);
  return store.get(key, () => wholeArticle<Graph>("jsonld", article, base));
}

export function articlePage(
  store: RepresentationStore,
  article: RequestedArticle,
  base: string,
): Promise<Representation> {
  return store.get(representationKey(SHARED.page, base, article.indexed.slug), () =>
    wholeArticle("page", article, base),
  );
}

/**
 * A whole-article body: the build's template filled with `base`, read
 * without parsing the article; rendered from the article when the base is
 * not one a template can take or the body's file cannot stand for the article.
 */
async function wholeArticle<T>(
  kind: ArticleBodyKind,
  article: RequestedArticle,
  base: string,
): Promise<RepresentationSource<T>> {
  const { contentType } = WHOLE_ARTICLE_BODIES[kind];
  const { slug, updatedAt } = article.indexed;
  if (fillableBase(base)) {
    const stored = await article.body(kind);
    if ("template" in stored) {
      const headers = { ...stored.headers, ...articleCacheTag(slug) };
      return { template: stored.template, base, contentType, lastModified: updatedAt, headers };
    }
    console.warn(`${stored.unusable}: rendering the article instead`);
  }
  const { entry } = await article.load();
  const rendered = await WHOLE_ARTICLE_BODIES[kind].render(entry, base);
  return {
    text: rendered.text,
    contentType,
    lastModified: entry.article.updatedAt,
    headers: { ...rendered.headers, ...articleCacheTag(slug) },
  };
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
