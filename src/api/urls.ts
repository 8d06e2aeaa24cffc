/** Absolute URLs of this service's resources, from the chosen base URL. */
export const urls = {
  articles: (base: string) => `${base}/v1/articles`,
  article: (base: string, slug: string) => `${base}/v1/articles/${slug}`,
  section: (base: string, slug: string, id: string) => `${base}/v1/articles/${slug}/sections/${id}`,
  condition: (base: string, slug: string) => `${base}/v1/conditions/${slug}`,
  jsonld: (base: string, slug: string) => `${base}/v1/articles/${slug}/jsonld`,
  /** An article's change log: its revisions and the sections each changed. */
  changes: (base: string, slug: string) => `${base}/v1/articles/${slug}/changes`,
  /** The HTML index of articles. */
  pages: (base: string) => `${base}/articles`,
  /** A page of the HTML index: the first is the index's own URL. */
  pagesPage: (base: string, page: number) => `${base}/articles${page > 1 ? `?page=${page}` : ""}`,
  /** The crawlable HTML page: the canonical URL of an article. */
  page: (base: string, slug: string) => `${base}/articles/${slug}`,
  sectionAnchor: (base: string, slug: string, id: string) => `${base}/articles/${slug}#${id}`,
  embed: (base: string, slug: string) => `${base}/embed/${slug}`,
  /** The feed of articles, newest change first. */
  atomFeed: (base: string) => `${base}/feeds/articles.atom`,
  jsonFeed: (base: string) => `${base}/feeds/articles.json`,
  /** A part of the sitemap, from 1, when one file cannot hold every URL. */
  sitemapPart: (base: string, part: number) => `${base}/sitemaps/${part}.xml`,
  /** Search across the library. */
  search: (base: string) => `${base}/v1/search`,
  /** HL7 Infobutton knowledge requests. */
  infobutton: (base: string) => `${base}/v1/infobutton`,
  /** CDS Hooks discovery, and one service under it. */
  cdsServices: (base: string) => `${base}/cds-services`,
};
