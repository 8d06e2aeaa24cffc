/**
 * The HL7 Infobutton endpoint, with MedlinePlus Connect's parameters: an
 * Atom feed (parsed here by a real feed parser) or JSON of the articles
 * matching a code or display name; no match is an empty feed; bad
 * parameters are problem+json 400.
 */
import { env } from "cloudflare:workers";
import { parseAtomFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { InfobuttonFeed, MAX_ENTRIES } from "../../src/api/infobutton";
import type { ArticleResource } from "../../src/api/schemas";
import { createApp } from "../../src/app";
import { libraryOf } from "../../src/content/library-source";
import { mappingText } from "../../src/content/mapping-text";
import { indexOfCopies, slugsMappedTo, slugsTitled } from "../support/library";
import { SUBJECT } from "../support/subject";
import { call, getJson, getProblem, ORIGIN } from "../support/worker";

const ICD_10_CM = "2.16.840.1.113883.6.90";
/** The article found by its codes, read from the library (test/support/subject.ts). */
const { slug, title, article: compiled, page: PAGE } = SUBJECT;

/** The pages of these articles, as the feed identifies its entries. */
function pages(slugs: string[]): string[] {
  expect(slugs).toContain(slug);
  return slugs.map((slug) => `${ORIGIN}/articles/${slug}`);
}

function request(params: Record<string, string>): string {
  return `/v1/infobutton?${new URLSearchParams(params)}`;
}

async function atom(params: Record<string, string>, init?: RequestInit) {
  const response = await call(request(params), init);
  expect(response.status).toBe(200);
  return { response, feed: parseAtomFeed(await response.text()) };
}

async function json(params: Record<string, string>) {
  const body = await getJson(request({ ...params, knowledgeResponseType: "application/json" }));
  const parsed = InfobuttonFeed.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return InfobuttonFeed.parse(body).feed;
}

describe("GET /v1/infobutton", () => {
  it("answers a code with its system's OID with an Atom feed listing the article, in the publisher's words", async () => {
    const article = await getJson<ArticleResource>(SUBJECT.path);
    const { response, feed } = await atom({ "mainSearchCriteria.v.c": "R25.2", "mainSearchCriteria.v.cs": ICD_10_CM });
    expect(response.headers.get("Content-Type")).toBe("text/xml; charset=utf-8");
    expect(feed.title?.value).toBe("Health content API");
    expect(feed.id).toBe(`${ORIGIN}/v1/infobutton?mainSearchCriteria.v.c=R25.2&mainSearchCriteria.v.cs=${ICD_10_CM}`);
    expect(feed.updated).toBeTruthy();
    expect(feed.categories?.map((category) => [category.scheme, category.term])).toEqual([
      ["mainSearchCriteria.v.c", "R25.2"],
      ["mainSearchCriteria.v.cs", ICD_10_CM],
    ]);
    expect(feed.entries?.map((candidate) => candidate.id)).toEqual(pages(slugsMappedTo("R25.2")));
    const entry = feed.entries?.find((candidate) => candidate.id === PAGE);
    expect(entry?.title?.value).toBe(title);
    expect(entry?.xml?.lang).toBe(compiled.language);
    expect(entry?.links?.[0]).toMatchObject({
      href: PAGE,
      rel: "alternate",
      type: "text/html",
      hreflang: compiled.language,
    });
    expect(entry?.id).toBe(PAGE);
    expect(entry?.summary?.value).toBe(article.description);
    expect(entry?.rights?.value).toContain(article.attribution.text);
    expect(entry?.authors?.map((author) => author.name)).toEqual(compiled.authors.map((author) => author.name));
    const [matched] = entry?.categories ?? [];
    expect(matched).toMatchObject({ scheme: "http://hl7.org/fhir/sid/icd-10-cm", term: "R25.2" });
    const mapping = article.codeMappings.find((item) => item.system.name === "ICD-10-CM" && item.code === "R25.2");
    expect(matched?.label).toBe(mapping && mappingText(mapping));
    expect(matched?.label).toContain("broader than this article's topic");
    expect(matched?.label).toContain("not by the publisher");
  });

  it("answers a UK request: WHO's ICD-10 R25.2 by its OID, with the mapping's fit and its source", async () => {
    const article = await getJson<ArticleResource>(SUBJECT.path);
    const { feed } = await atom({
      "mainSearchCriteria.v.c": "R25.2",
      "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.3",
    });
    expect(feed.entries?.map((candidate) => candidate.id)).toEqual(pages(slugsMappedTo("R25.2")));
    const entry = feed.entries?.find((candidate) => candidate.id === PAGE);
    const mapping = article.codeMappings.find((item) => item.system.name === "ICD-10" && item.code === "R25.2");
    expect(mapping).toBeDefined();
    expect(entry?.categories).toEqual([
      expect.objectContaining({
        scheme: "http://hl7.org/fhir/sid/icd-10",
        term: "R25.2",
        label: mapping && mappingText(mapping),
      }),
    ]);
    expect(entry?.categories?.[0]?.label).toContain(mapping?.source.url);
  });

  it("answers JSON in MedlinePlus Connect's shape, with the mapping's provenance", async () => {
    const feed = await json({ "mainSearchCriteria.v.c": "G47.62", "mainSearchCriteria.v.cs": ICD_10_CM });
    expect(feed.entry.map((entry) => entry.id._value)).toEqual(pages(slugsMappedTo("G47.62")));
    const entry = feed.entry.find((candidate) => candidate.id._value === PAGE);
    expect(entry?.title._value).toBe(title);
    expect(entry?.link[0]?.href).toBe(PAGE);
    expect(entry?.codeMappings.map((mapping) => [mapping.code, mapping.display, mapping.mappedBy])).toEqual([
      ["G47.62", "Sleep related leg cramps", "Health content API"],
    ]);
  });

  it("negotiates on Accept when no knowledgeResponseType is given, Atom first", async () => {
    const asJson = await call(request({ "mainSearchCriteria.v.c": "R25.2" }), {
      headers: { Accept: "application/json" },
    });
    expect(asJson.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(asJson.headers.get("Vary")).toBe("Accept");
    const asAtom = await call(request({ "mainSearchCriteria.v.c": "R25.2" }), {
      headers: { Accept: "application/atom+xml" },
    });
    expect(asAtom.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const notAcceptable = await call(request({ "mainSearchCriteria.v.c": "R25.2" }), {
      headers: { Accept: "image/png" },
    });
    expect(notAcceptable.status).toBe(406);
  });

  // Each request with the articles it should list: those mapped to the code, or named by the display name.
  it.each([
    [{ "mainSearchCriteria.v.c": "R25.2" }, slugsMappedTo("R25.2")],
    [{ "mainSearchCriteria.v.c": "r252", "mainSearchCriteria.v.cs": `urn:oid:${ICD_10_CM}` }, slugsMappedTo("R25.2")],
    [{ "mainSearchCriteria.v.c": "G47.62", "informationRecipient.languageCode.c": "en-GB" }, slugsMappedTo("G47.62")],
    [{ "mainSearchCriteria.v.dn": title }, slugsTitled(title)],
    [{ "mainSearchCriteria.v.dn": "cramp and spasm" }, slugsMappedTo("R25.2")],
    [
      {
        "mainSearchCriteria.v.c": "R25.2",
        "mainSearchCriteria.v.dn": "Cramp and spasm",
        "taskContext.c.c": "PROBLISTREV",
      },
      slugsMappedTo("R25.2"),
    ],
  ])("lists the article for %j", async (params, slugs) => {
    const feed = await json(params);
    expect(feed.entry.map((entry) => entry.id._value)).toEqual(pages(slugs));
  });

  it.each([
    [{ "mainSearchCriteria.v.c": "R25.1", "mainSearchCriteria.v.cs": ICD_10_CM }],
    // The right code in another system, and a system this service maps nothing to (ICD-9-CM).
    [{ "mainSearchCriteria.v.c": "R25.2", "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.96" }],
    [{ "mainSearchCriteria.v.c": "R25.2", "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.103" }],
    [{ "mainSearchCriteria.v.c": "R25.2", "informationRecipient.languageCode.c": "es" }],
    [{ "mainSearchCriteria.v.dn": "Headache" }],
  ])("answers %j with an empty feed, not an error", async (params) => {
    expect((await json(params)).entry).toEqual([]);
    const { feed } = await atom(params);
    expect(feed.entries ?? []).toEqual([]);
    expect(feed.title?.value).toBe("Health content API");
  });

  it.each([
    [{}, "mainSearchCriteria.v.c", "is required: give a code (mainSearchCriteria.v.c) or a display name"],
    [
      { "mainSearchCriteria.v.c": "R25.2", "mainSearchCriteria.v.cs": "ICD-10-CM" },
      "mainSearchCriteria.v.cs",
      "must be the code system's OID",
    ],
    [{ "mainSearchCriteria.v.c": "R25.2;DROP" }, "mainSearchCriteria.v.c", "must be a clinical code"],
    [
      { "mainSearchCriteria.v.c": "R25.2", knowledgeResponseType: "application/javascript" },
      "knowledgeResponseType",
      "JSONP is not served",
    ],
    [
      { "mainSearchCriteria.v.c": "R25.2", "informationRecipient.languageCode.c": "english!" },
      "informationRecipient.languageCode.c",
      "must be a language code",
    ],
  ])("refuses %j with 400 naming %s", async (params, name, detail) => {
    const problem = await getProblem(request(params), 400);
    expect(problem.errors?.[0]).toMatchObject({ in: "query", name });
    expect(problem.errors?.[0]?.detail).toContain(detail);
  });

  it("says why application/atom+xml sent as it is fails: its + arrives as a space", async () => {
    const problem = await getProblem(
      "/v1/infobutton?mainSearchCriteria.v.c=R25.2&knowledgeResponseType=application/atom+xml",
      400,
    );
    expect(problem.errors?.[0]?.detail).toContain(
      '"application/atom xml" is application/atom+xml with its "+" read as a space',
    );
    expect(problem.errors?.[0]?.detail).toContain('send the "+" as %2B');
    const encoded = await call(
      "/v1/infobutton?mainSearchCriteria.v.c=R25.2&knowledgeResponseType=application/atom%2Bxml",
    );
    expect(encoded.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
  });

  it("refuses a repeated parameter", async () => {
    const problem = await getProblem("/v1/infobutton?mainSearchCriteria.v.c=R25.2&mainSearchCriteria.v.c=G47.62", 400);
    expect(problem.errors).toEqual([
      { in: "query", name: "mainSearchCriteria.v.c", detail: "must be given only once" },
    ]);
  });

  it("revalidates with 304 like every other route", async () => {
    const path = request({ "mainSearchCriteria.v.c": "R25.2" });
    const first = await call(path);
    const etag = first.headers.get("ETag") ?? "";
    expect(etag).not.toBe("");
    const again = await call(path, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });
});

describe("GET /v1/infobutton, for a code many articles share", () => {
  it("lists the newest MAX_ENTRIES of them", async () => {
    // Copies of the library's newest article, each a day newer than the last: the last copies are the newest.
    const count = MAX_ENTRIES + 5;
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString();
    const app = createApp(libraryOf(indexOfCopies(count, day)));
    const params = { "mainSearchCriteria.v.c": "R25.2", knowledgeResponseType: "application/json" };
    const response = await app.request(`${ORIGIN}${request(params)}`, {}, env);
    expect(response.status).toBe(200);
    const { feed } = InfobuttonFeed.parse(await response.json());
    const newest = Array.from({ length: MAX_ENTRIES }, (_, n) => `copy-${String(count - 1 - n).padStart(6, "0")}`);
    expect(feed.entry.map((entry) => entry.id._value)).toEqual(newest.map((slug) => `${ORIGIN}/articles/${slug}`));
  });
});
