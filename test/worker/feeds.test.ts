/**
 * The feeds of articles, read by a real feed parser (feedsmith): Atom 1.0 and
 * JSON Feed 1.1, newest change first, each article with the publisher's
 * description, its page, when it last changed here and every section's
 * content hash; discoverable from the pages and the service index; 304 on
 * revalidation.
 */
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { FEED_ITEMS } from "../../src/api/feeds";
import type { ArticleList, ArticleResource, ServiceIndex } from "../../src/api/schemas";
import { scan } from "../support/html";
import { ARTICLES, SLUGS } from "../support/library";
import { SUBJECT } from "../support/subject";

/** A feed's items: the newest articles, newest first. */
const FED = SLUGS.slice(0, FEED_ITEMS).map((slug) => `${ORIGIN}/articles/${slug}`);

import { call, getJson, ORIGIN } from "../support/worker";

const ATOM = "/feeds/articles.atom";
const JSON_FEED = "/feeds/articles.json";
/** An article of the library, whichever it holds (test/support/subject.ts). */
const { slug, page: PAGE } = SUBJECT;

async function expected() {
  const [article, list] = await Promise.all([
    getJson<ArticleResource>(SUBJECT.path),
    getJson<ArticleList>("/v1/articles"),
  ]);
  const summary = list.items.find((item) => item.slug === slug);
  if (!summary) throw new Error(`${slug} is not listed`);
  return { article, sections: summary.sections };
}

describe("GET /feeds/articles.atom", () => {
  it("is Atom 1.0 with an entry per article in the publisher's words, and every section's hash", async () => {
    const { article, sections } = await expected();
    const response = await call(ATOM);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    const feed = parseAtomFeed(xml);
    expect(feed.id).toBe(`${ORIGIN}${ATOM}`);
    expect(feed.links?.find((link) => link.rel === "self")?.href).toBe(`${ORIGIN}${ATOM}`);
    expect(feed.updated).toBe(ARTICLES[0]?.updatedAt);
    expect(feed.entries?.map((entry) => entry.id)).toEqual(FED);
    const entry = feed.entries?.find((candidate) => candidate.id === PAGE);
    expect(entry?.title?.value).toBe(article.title);
    expect(entry?.summary?.value).toBe(article.description);
    expect(entry?.updated).toBe(article.updatedAt);
    expect(entry?.links?.map((link) => [link.rel, link.type, link.href])).toEqual([
      ["alternate", "text/html", PAGE],
      ["alternate", "application/json", `${ORIGIN}${SUBJECT.path}`],
    ]);
    if (article.licence === null) {
      expect(entry?.rights?.value).toBe(
        `${article.attribution.text} Licence: not stated by the publisher; ask the publisher before reusing this text.`,
      );
    } else expect(entry?.rights?.value).toContain(article.licence.name);
    // The hashes are this service's extension (namespace urn:health-content-api:feed).
    expect(xml).toContain('xmlns:hc="urn:health-content-api:feed"');
    expect(xml).toContain(`<hc:article hash="${article.hash}">`);
    expect(sections.map((section) => section.id)).toEqual(SUBJECT.sections.map(({ section }) => section.id));
    for (const section of sections) expect(xml).toContain(`<hc:section id="${section.id}" hash="${section.hash}"`);
  });
});

describe("GET /feeds/articles.json", () => {
  it("is JSON Feed 1.1 with the same articles and section hashes", async () => {
    const { article, sections } = await expected();
    const response = await call(JSON_FEED);
    expect(response.headers.get("Content-Type")).toBe("application/feed+json; charset=utf-8");
    const body = await response.json<{ items: { _health_content: { sections: unknown[]; hash: string } }[] }>();
    const feed = parseJsonFeed(body);
    expect(feed.title).toBe("Health content API: articles");
    expect(feed.feed_url).toBe(`${ORIGIN}${JSON_FEED}`);
    expect(feed.items?.map((candidate) => candidate.id)).toEqual(FED);
    const index = feed.items?.findIndex((candidate) => candidate.id === PAGE) ?? -1;
    expect(feed.items?.[index]).toMatchObject({
      id: PAGE,
      url: PAGE,
      title: article.title,
      summary: article.description,
      date_modified: article.updatedAt,
      language: "en-GB",
    });
    expect(body.items[index]?._health_content.hash).toBe(article.hash);
    expect(body.items[index]?._health_content.sections).toEqual(
      sections.map(({ id, title, hash }) => ({ id, title, hash })),
    );
  });

  it("is served to a client asking for plain JSON, and refuses what it cannot serve", async () => {
    const json = await call(JSON_FEED, { headers: { Accept: "application/json" } });
    expect(json.status).toBe(200);
    expect((await call(JSON_FEED, { headers: { Accept: "image/png" } })).status).toBe(406);
    expect((await call(ATOM, { headers: { Accept: "application/json" } })).status).toBe(406);
  });
});

describe("the feeds", () => {
  it.each([ATOM, JSON_FEED])("%s answers 304 on revalidation", async (path) => {
    const first = await call(path);
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).not.toBe("");
    expect((await call(path, { headers: { "If-None-Match": etag } })).status).toBe(304);
  });

  it.each([`/articles/${slug}`, "/articles"])("are linked from %s", async (page) => {
    const html = await (await call(page)).text();
    const found = await scan(html, ["link[rel=alternate]"]);
    const feeds = (found["link[rel=alternate]"] ?? [])
      .filter((link) => /atom|feed/.test(link.attributes.type ?? ""))
      .map((link) => [link.attributes.type, link.attributes.href]);
    expect(feeds).toEqual([
      ["application/atom+xml", `${ORIGIN}${ATOM}`],
      ["application/feed+json", `${ORIGIN}${JSON_FEED}`],
    ]);
  });

  it("are linked from the service index", async () => {
    const index = await getJson<ServiceIndex>("/");
    expect(index.links).toMatchObject({ feedAtom: `${ORIGIN}${ATOM}`, feedJson: `${ORIGIN}${JSON_FEED}` });
  });
});
