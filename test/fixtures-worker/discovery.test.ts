/** Behaviour the real article cannot show: several articles, codes, dates and a licence. */
import { describe, expect, it } from "vitest";
import type { InfobuttonFeed } from "../../src/api/infobutton";
import type { ArticleList, ArticleResource } from "../../src/api/schemas";
import { call, getJson, ORIGIN } from "../support/worker";

describe("the article collection with more than one article", () => {
  it("pages through them with next and prev links", async () => {
    const first = await call("/v1/articles?pageSize=1");
    const page1 = await first.json<ArticleList>();
    expect(page1).toMatchObject({ page: 1, pageSize: 1, total: 3, totalPages: 3 });
    expect(page1.links.next).toBe(`${ORIGIN}/v1/articles?page=2&pageSize=1`);
    expect(first.headers.get("Link")).toContain(`<${ORIGIN}/v1/articles?page=2&pageSize=1>; rel="next"`);
    const page2 = await getJson<ArticleList>("/v1/articles?page=2&pageSize=1");
    expect(page2.links.prev).toBe(`${ORIGIN}/v1/articles?page=1&pageSize=1`);
    const page3 = await getJson<ArticleList>("/v1/articles?page=3&pageSize=1");
    expect(page3.links.next).toBeUndefined();
    const slugs = [...page1.items, ...page2.items, ...page3.items].map((item) => item.slug).sort();
    expect(slugs).toEqual(["coded-condition", "hostile-condition", "sample-condition"]);
  });

  it.each([
    ["X00.1", ["coded-condition"]],
    ["x00.1", ["coded-condition"]],
    ["TEST-10|X00.1", ["coded-condition"]],
    ["OTHER|X00.1", []],
    ["R25.2", []],
  ])("finds articles by clinical code %s in any system, or the one named", async (code, slugs) => {
    const list = await getJson<ArticleList>(`/v1/articles?code=${encodeURIComponent(code)}`);
    expect(list.items.map((item) => item.slug)).toEqual(slugs);
    expect(list.total).toBe(slugs.length);
  });

  it("answers an Infobutton request by the publisher's code, labelled as the publisher's", async () => {
    const feed = await getJson<InfobuttonFeed>(
      "/v1/infobutton?mainSearchCriteria.v.c=X00.1&knowledgeResponseType=application/json",
    );
    expect(feed.feed.entry.map((entry) => entry.id._value)).toEqual([`${ORIGIN}/articles/coded-condition`]);
    expect(feed.feed.entry[0]?.category).toEqual([
      { scheme: "TEST-10", term: "X00.1", label: "TEST-10 X00.1 A made-up code, supplied by the publisher" },
    ]);
    expect(feed.feed.entry[0]?.codeMappings).toEqual([]);
  });
});

describe("metadata the publisher did supply", () => {
  it("is served as given: dates, licence, publisher URL and source URL", async () => {
    const article = await getJson<ArticleResource>("/v1/articles/sample-condition");
    expect(article.dates).toEqual({ published: "2026-01-15", modified: null, reviewed: null, nextReview: null });
    expect(article.licence).toEqual({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" });
    expect(article.attribution.sourceUrl).toBe("https://publisher.example/sample-condition");
    expect(article.publisher.url).toBe("https://publisher.example/");
  });
});

describe("articles without the optional fields", () => {
  // coded-condition has no editors, dates, licence, FAQ, source URL or facts beyond its name.
  it.each([
    "/v1/articles/coded-condition",
    "/v1/articles/coded-condition/sections/only-section",
    "/v1/articles/coded-condition/jsonld",
    "/v1/conditions/coded-condition",
    "/articles/coded-condition",
    "/embed/coded-condition",
    `/oembed?url=${encodeURIComponent("https://health.test/articles/coded-condition")}`,
  ])("still serves %s", async (path) => {
    const response = await call(path);
    expect(response.status).toBe(200);
  });
});
