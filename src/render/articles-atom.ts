/**
 * The feed of articles (src/api/feeds.ts) as Atom 1.0. Each entry carries the
 * article's and every section's content hash in this service's own namespace,
 * so a reader can tell which sections changed.
 */
import { type ArticleItem, FEED_DESCRIPTION, type JsonFeed, type WithdrawnItem } from "../api/feeds";
import { licenceText } from "../api/resources";
import { urls } from "../api/urls";
import { element, type Xml, xmlDocument } from "./xml";

const ATOM = "http://www.w3.org/2005/Atom";
/** RFC 6721's namespace: an entry the feed no longer has. */
const TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";
/** The namespace of this service's feed extensions; a name, not a URL to fetch. */
export const FEED_NAMESPACE = "urn:health-content-api:feed";

export function renderArticlesAtom(feed: JsonFeed, updated: string, base: string): string {
  const entries = feed.items.map((item) =>
    "withdrawn" in item._health_content ? deletedEntry(item as WithdrawnItem) : entry(item as ArticleItem),
  );
  const [author] = feed.authors;
  return xmlDocument(
    element(
      "feed",
      { xmlns: ATOM, "xmlns:hc": FEED_NAMESPACE, "xmlns:at": TOMBSTONES },
      element("id", {}, urls.atomFeed(base)),
      element("title", { type: "text" }, feed.title),
      element("subtitle", { type: "text" }, FEED_DESCRIPTION),
      element("updated", {}, updated),
      element("link", { rel: "self", type: "application/atom+xml", href: urls.atomFeed(base) }),
      element("link", { rel: "alternate", type: "text/html", href: feed.home_page_url }),
      element("link", { rel: "alternate", type: "application/feed+json", href: feed.feed_url }),
      ...(author ? [element("author", {}, element("name", {}, author.name), element("uri", {}, author.url))] : []),
      ...entries,
    ),
  );
}

/**
 * A withdrawn article, as RFC 6721 says a feed tells of an entry removed:
 * the entry's id, when, why, and a link to what replaces it.
 */
function deletedEntry(item: WithdrawnItem): Xml {
  const { withdrawn } = item._health_content;
  return element(
    "at:deleted-entry",
    { ref: item.id, when: item.date_modified },
    element("at:comment", { type: "text" }, item.content_text),
    ...(withdrawn.replaced_by
      ? [element("link", { rel: "alternate", type: "text/html", href: withdrawn.replaced_by })]
      : []),
  );
}

function entry(item: ArticleItem): Xml {
  const extension = item._health_content;
  return element(
    "entry",
    { "xml:lang": item.language },
    element("id", {}, item.id),
    element("title", { type: "text" }, item.title),
    element("updated", {}, item.date_modified),
    element("link", { rel: "alternate", type: "text/html", hreflang: item.language, href: item.url }),
    element("link", { rel: "alternate", type: "application/json", href: extension.api_url }),
    element("summary", { type: "text" }, item.summary),
    ...item.authors.map((author) => element("author", {}, element("name", {}, author.name))),
    element("rights", { type: "text" }, `${extension.attribution} ${licenceText(extension.licence)}`),
    element(
      "hc:article",
      { hash: extension.hash },
      ...extension.sections.map((section) =>
        element("hc:section", { id: section.id, hash: section.hash, title: section.title ?? undefined }),
      ),
    ),
  );
}
