/**
 * An article its publisher withdrew (test/fixtures/content/withdrawn-condition,
 * replaced by sample-condition): every URL of it answers 410 Gone saying when
 * and why, as a problem or a page; it is out of the lists, the sitemap and
 * the code lookups; the list reports it as withdrawn, and the feeds carry it
 * as deleted (Atom per RFC 6721, read by a real XML parser).
 */
import { XMLParser } from "fast-xml-parser";
import { parseJsonFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import type { ArticleList } from "../../src/api/schemas";
import { call, getJson, ORIGIN } from "../support/worker";

const SLUG = "withdrawn-condition";
const PAGE = `${ORIGIN}/articles/${SLUG}`;
const REASON = "Merged into the sample condition article.";
const REPLACEMENT = `${ORIGIN}/articles/sample-condition`;

const WITHDRAWN_URLS = [
  `/v1/articles/${SLUG}`,
  `/v1/articles/${SLUG}/sections/only-section`,
  `/v1/articles/${SLUG}/jsonld`,
  `/v1/conditions/${SLUG}`,
  `/articles/${SLUG}`,
  `/embed/${SLUG}`,
  `/oembed?url=${encodeURIComponent(PAGE)}`,
];

describe("a withdrawn article", () => {
  it.each(WITHDRAWN_URLS)("%s answers 410 Gone: when, why, and what replaces it", async (path) => {
    // An embed answers a person's page unless the client prefers a problem (src/routes/errors.ts).
    const response = await call(path, { headers: { Accept: "application/problem+json, */*;q=0.1" } });
    expect(response.status).toBe(410);
    expect(response.headers.get("Link")).toBe(`<${REPLACEMENT}>; rel="successor-version"`);
    const problem = await response.json<{ type: string; detail: string; replacedBy: string }>();
    expect(problem.type).toBe("/problems/gone");
    expect(problem.detail).toBe(`The article "${SLUG}" was withdrawn by its publisher on 2026-11-30: ${REASON}`);
    expect(problem.replacedBy).toBe(REPLACEMENT);
  });

  it.each([`/articles/${SLUG}`, `/embed/${SLUG}`])(
    "%s shows a person a page saying so, linking to its replacement",
    async (path) => {
      const response = await call(path, { headers: { Accept: "text/html" } });
      expect(response.status).toBe(410);
      expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
      const html = await response.text();
      expect(html).toContain(REASON);
      expect(html).toContain(`href="${REPLACEMENT}"`);
    },
  );

  it("is out of the list, and the list reports it withdrawn, from its date on", async () => {
    const list = await getJson<ArticleList>("/v1/articles?pageSize=100");
    expect(list.items.map((item) => item.slug)).not.toContain(SLUG);
    const withdrawn = { slug: SLUG, title: "Withdrawn condition", withdrawnAt: "2026-11-30", reason: REASON };
    expect(list.withdrawn).toEqual([{ ...withdrawn, replacedBy: `${ORIGIN}/v1/articles/sample-condition` }]);
    expect((await getJson<ArticleList>("/v1/articles?updatedSince=2026-11-30T12:00:00Z")).withdrawn).toHaveLength(1);
    expect((await getJson<ArticleList>("/v1/articles?updatedSince=2026-12-01")).withdrawn).toEqual([]);
  });

  it("is out of the sitemap, the code lookups and Infobutton", async () => {
    expect(await (await call("/sitemap.xml")).text()).not.toContain(PAGE);
    expect((await getJson<ArticleList>("/v1/articles?code=X00.2")).items).toEqual([]);
    const infobutton = await getJson<{ feed: { entry: unknown[] } }>(
      "/v1/infobutton?mainSearchCriteria.v.c=X00.2&knowledgeResponseType=application/json",
    );
    expect(infobutton.feed.entry).toEqual([]);
  });

  it("is a deleted entry of the Atom feed (RFC 6721), with when, why and what replaces it", async () => {
    const xml = await (await call("/feeds/articles.atom")).text();
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as {
      feed: Record<string, unknown> & { "xmlns:at": string; entry: { id: string }[] };
    };
    expect(parsed.feed["xmlns:at"]).toBe("http://purl.org/atompub/tombstones/1.0");
    expect(parsed.feed["at:deleted-entry"]).toEqual({
      ref: PAGE,
      when: "2026-11-30T00:00:00.000Z",
      "at:comment": { "#text": `Withdrawn by its publisher on 2026-11-30: ${REASON}`, type: "text" },
      link: { rel: "alternate", type: "text/html", href: REPLACEMENT },
    });
    expect(parsed.feed.entry.map((entry) => entry.id)).not.toContain(PAGE);
  });

  it("is a withdrawn item of the JSON Feed, in place of its item", async () => {
    const text = await (await call("/feeds/articles.json")).text();
    // A valid JSON Feed to a real parser, which keeps no extension: read those from the JSON itself.
    expect(parseJsonFeed(text).items?.map((item) => item.id)).toContain(PAGE);
    const feed = JSON.parse(text) as { items: { id: string; title?: string; _health_content?: unknown }[] };
    const items = feed.items.filter((item) => item.id === PAGE);
    expect(items).toHaveLength(1);
    expect(items[0]?.title).toBe("Withdrawn: Withdrawn condition");
    expect(items[0]?._health_content).toEqual({
      withdrawn: { date: "2026-11-30", reason: REASON, replaced_by: REPLACEMENT },
    });
  });
});
