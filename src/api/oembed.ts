/** oEmbed 1.0 for article pages: which article (and section) a URL names, and the `rich` answer for it. */
import { html } from "hono/html";
import type { LoadedArticle, LocatedSection } from "../content/library";
import type { CompiledEntry } from "../content/model";
import { SERVICE_NAME } from "./resources";
import type { OEmbed } from "./schemas";
import { urls } from "./urls";

/** The iframe's size when the consumer sets no maximum; the embed then resizes itself to its content. */
export const DEFAULT_SIZE = { width: 600, height: 800 } as const;

export interface OEmbedTarget {
  entry: CompiledEntry;
  /** The section named by the URL's fragment, if any. */
  section?: LocatedSection;
}

/** The article page `url` names on this service (its slug, and the section its fragment names), if it names one. */
export function articlePageOf(base: string, url: string): { slug: string; fragment: string } | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.origin !== new URL(base).origin) return undefined;
  const slug = /^\/articles\/([a-z0-9-]+)\/?$/.exec(parsed.pathname)?.[1];
  return slug ? { slug, fragment: parsed.hash.slice(1) } : undefined;
}

/** The article, or its section the fragment names; undefined for a fragment that names none. */
export function oEmbedTarget(article: LoadedArticle, fragment: string): OEmbedTarget | undefined {
  const { entry } = article;
  if (fragment === "") return { entry };
  const section = article.section(fragment);
  return section ? { entry, section } : undefined;
}

export async function oEmbedResponse(
  target: OEmbedTarget,
  base: string,
  size: { maxwidth?: number; maxheight?: number },
  cacheAge: number,
): Promise<OEmbed> {
  const { article } = target.entry;
  const width = Math.min(DEFAULT_SIZE.width, size.maxwidth ?? DEFAULT_SIZE.width);
  const height = Math.min(DEFAULT_SIZE.height, size.maxheight ?? DEFAULT_SIZE.height);
  const section = target.section?.section;
  const title = section?.title ? `${section.title} — ${article.title}` : article.title;
  const src = `${urls.embed(base, article.slug)}${section ? `?sections=${section.id}` : ""}`;
  const markup =
    await html`<iframe src="${src}" width="${width}" height="${height}" title="${title}" style="border:0;width:100%;max-width:${width}px" loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"></iframe><script async src="${base}/embed.js"></script>`;
  const [author] = article.authors;
  return {
    version: "1.0",
    type: "rich",
    html: String(markup),
    width,
    height,
    title,
    // The provider is this service, whose root provider_url is, as the page's og:site_name says;
    // the publisher is credited inside the embed, with its attribution line.
    provider_name: SERVICE_NAME,
    provider_url: `${base}/`,
    author_name: article.authors.map((person) => person.name).join(", "),
    ...(author && "url" in author && author.url ? { author_url: author.url } : {}),
    cache_age: cacheAge,
  };
}
