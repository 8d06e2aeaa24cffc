import { describe, expect, it } from "vitest";
import type { ArticleList, ArticleResource, SectionResource, ServiceIndex } from "../../src/api/schemas";
import type { Section } from "../../src/content/model";
import { libraryIndex } from "../support/library";
import { call, getJson, getProblem, ORIGIN } from "../support/worker";

const ARTICLE = "/v1/articles/leg-cramps";
/** However many articles the library holds: the tests below hold for any number. */
const ARTICLE_COUNT = libraryIndex.articles.length;

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.sections)]);
}

describe("GET /", () => {
  it("names the service and links to every route family on the request's origin", async () => {
    const index = await getJson<ServiceIndex>("/");
    expect(index.name).toBe("Health content API");
    expect(index.links.articles).toBe(`${ORIGIN}/v1/articles`);
    expect(index.links.condition).toBe(`${ORIGIN}/v1/conditions/{slug}`);
    for (const [rel, href] of Object.entries(index.links)) {
      if (href.includes("{")) continue;
      const response = await call(href);
      expect(response.status, `${rel} ${href}`).toBe(200);
    }
  });
});

describe("GET /v1/articles", () => {
  it("lists the articles with every section's id and content hash", async () => {
    const list = await getJson<ArticleList>("/v1/articles");
    expect(list).toMatchObject({
      page: 1,
      pageSize: 20,
      total: ARTICLE_COUNT,
      totalPages: Math.ceil(ARTICLE_COUNT / 20),
    });
    expect(list.items).toHaveLength(Math.min(ARTICLE_COUNT, 20));
    const summary = list.items.find((item) => item.slug === "leg-cramps");
    expect(summary?.slug).toBe("leg-cramps");
    expect(summary?.title).toBe("Leg cramps");
    expect(summary?.canonicalUrl).toBe(`${ORIGIN}/articles/leg-cramps`);
    expect(summary?.sections).toHaveLength(33);
    for (const section of summary?.sections ?? []) expect(section.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(summary?.sections.find((section) => section.id === "calf-extension")?.parentId).toBe(
      "treating-leg-cramps-during-a-cramp",
    );
  });

  it("pages with Link headers and totals", async () => {
    const beyond = ARTICLE_COUNT + 1;
    const response = await call(`/v1/articles?pageSize=1&page=${beyond}`);
    expect(response.status).toBe(200);
    const list = await response.json<ArticleList>();
    expect(list).toMatchObject({
      items: [],
      page: beyond,
      pageSize: 1,
      total: ARTICLE_COUNT,
      totalPages: ARTICLE_COUNT,
    });
    const last = `${ORIGIN}/v1/articles?page=${ARTICLE_COUNT}&pageSize=1`;
    expect(list.links.prev).toBe(last);
    expect(list.links.next).toBeUndefined();
    expect(response.headers.get("Link")).toContain(`<${last}>; rel="prev"`);
  });

  it("filters by updatedSince", async () => {
    const recent = await getJson<ArticleList>("/v1/articles?updatedSince=2999-01-01");
    expect(recent.total).toBe(0);
    const all = await getJson<ArticleList>("/v1/articles?updatedSince=2000-01-01T00:00:00Z");
    expect(all.total).toBe(ARTICLE_COUNT);
  });

  it("finds nothing by a clinical code neither the publisher nor this service gave the article", async () => {
    // The publisher gave no codes; this service maps leg cramps to R25.2 and G47.62 (clinical-codes.test.ts).
    for (const code of ["R25.1", "ICD-10-CM|M62.831", "SNOMED CT|R25.2"]) {
      const list = await getJson<ArticleList>(`/v1/articles?code=${encodeURIComponent(code)}`);
      expect(list.total, code).toBe(0);
    }
  });
});

describe("GET /v1/articles/{slug}", () => {
  it("serves metadata, attribution, licence and disclaimer without inventing any", async () => {
    const article = await getJson<ArticleResource>(ARTICLE);
    expect(article).toMatchObject({
      slug: "leg-cramps",
      title: "Leg cramps",
      language: "en-GB",
      canonicalUrl: `${ORIGIN}/articles/leg-cramps`,
      // The publisher supplied no dates, licence, codes or source URL.
      dates: { published: null, modified: null, reviewed: null, nextReview: null },
      licence: null,
      codes: [],
      publisher: { name: "Spire Content Hub", url: null },
    });
    expect(article.authors).toEqual([expect.objectContaining({ type: "organization", name: "Cahoot Care Marketing" })]);
    expect(article.editors.map((editor) => [editor.name, editor.jobTitle])).toEqual([
      ["Lux Fatimathas", "Editor and Project Manager"],
      ["Catriona Shaw", "Lead Editor"],
      ["Alfie Jones", "Director"],
    ]);
    expect(article.attribution).toEqual({
      text: "Leg cramps, written by Cahoot Care Marketing for the Spire Content Hub.",
      url: `${ORIGIN}/articles/leg-cramps`,
      authors: ["Cahoot Care Marketing"],
      publisher: { name: "Spire Content Hub", url: null },
      sourceUrl: null,
    });
    expect(article.disclaimer[0]).toBe(
      "We hope you've found this article useful, however, it cannot be a substitute for a consultation with a specialist",
    );
    expect(article.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("nests sections of typed blocks, keeping each one's parent", async () => {
    const article = await getJson<ArticleResource>(ARTICLE);
    expect(article.sections.map((section) => section.id)).toEqual([
      "introduction",
      "what-are-leg-cramps",
      "what-causes-leg-cramps",
      "leg-cramps-diagnosis",
      "treatment-for-leg-cramps",
      "how-to-prevent-leg-cramps",
      "medications-for-leg-cramps",
      "leg-cramps-faqs",
    ]);
    const all = flatten(article.sections);
    const calf = all.find((section) => section.id === "calf-extension");
    expect(calf).toMatchObject({ title: "Calf extension", level: 4, parentId: "treating-leg-cramps-during-a-cramp" });
    const secondary = all.find((section) => section.id === "secondary-leg-cramps");
    const conditions = secondary?.blocks[3];
    expect(conditions?.type).toBe("list");
    if (conditions?.type !== "list") return;
    const neurological = conditions.items.find((item) => item.text.startsWith("Neurological diseases"));
    expect(neurological?.items.map((item) => item.text)).toEqual([
      "Conditions affecting your nerves eg motor neurone disease or peripheral neuropathy",
      "Degenerative brain conditions eg Parkinson’s disease",
    ]);
    const heelWalk = all.find((section) => section.id === "heel-walk");
    expect(heelWalk?.blocks.at(-1)).toEqual({
      type: "figure",
      caption: "A person receives help treating a leg cramp",
      image: null,
    });
  });

  it("carries all 12 FAQ questions with their answers", async () => {
    const article = await getJson<ArticleResource>(ARTICLE);
    expect(article.faq).toHaveLength(12);
    expect(article.faq[0]).toMatchObject({
      id: "how-do-you-stop-leg-cramps-fast",
      question: "How do you stop leg cramps fast?",
    });
    expect(article.faq.at(-1)?.answer[0]).toEqual({
      type: "paragraph",
      text: "Magnesium has been tried to treat leg cramps but studies show it is not effective for most people. However, in persistent or severe cases of leg cramps where exercise and quinine treatment are ineffective, your doctor may suggest trying magnesium.",
    });
  });

  it("narrows to chosen sections at any depth, in document order", async () => {
    const article = await getJson<ArticleResource>(`${ARTICLE}?sections=quinine-for-leg-cramps,calf-extension`);
    expect(article.sections.map((section) => section.id)).toEqual(["calf-extension", "quinine-for-leg-cramps"]);
    expect(article.faq).toEqual([]);
    expect(article.attribution.text).toContain("Cahoot Care Marketing");

    const faq = await getJson<ArticleResource>(`${ARTICLE}?sections=leg-cramps-faqs`);
    expect(faq.faq).toHaveLength(12);
    const nested = await getJson<ArticleResource>(`${ARTICLE}?sections=treatment-for-leg-cramps,heel-walk`);
    // heel-walk is inside treatment-for-leg-cramps, so it is not repeated.
    expect(nested.sections.map((section) => section.id)).toEqual(["treatment-for-leg-cramps"]);
  });

  it("refuses unknown section ids with a 400 that names them", async () => {
    const problem = await getProblem(`${ARTICLE}?sections=calf-extension,no-such-section`, 400);
    expect(problem.errors).toEqual([
      { in: "query", name: "sections", detail: 'unknown section id(s) in "leg-cramps": no-such-section' },
    ]);
  });

  it("answers 404 problem+json for an unknown article", async () => {
    const problem = await getProblem("/v1/articles/no-such-article", 404);
    expect(problem.detail).toBe('There is no article "no-such-article".');
  });
});

describe("GET /v1/articles/{slug}/sections/{id}", () => {
  it.each([
    ["introduction", null],
    ["what-causes-leg-cramps", "What causes leg cramps?"],
    ["idiopathic-leg-cramps", "Idiopathic leg cramps"],
    ["ankle-stretch", "Ankle stretch"],
    ["does-magnesium-help-leg-cramps", "Does magnesium help leg cramps?"],
  ])("serves %s with the article's attribution, licence, disclaimer and dates", async (id, title) => {
    const body = await getJson<SectionResource>(`${ARTICLE}/sections/${id}`);
    expect(body.section.id).toBe(id);
    expect(body.section.title).toBe(title);
    expect(body.path.at(-1)).toBe(id);
    expect(body.canonicalUrl).toBe(`${ORIGIN}/articles/leg-cramps#${id}`);
    expect(body.article).toEqual({
      slug: "leg-cramps",
      title: "Leg cramps",
      language: "en-GB",
      canonicalUrl: `${ORIGIN}/articles/leg-cramps`,
    });
    expect(body.attribution.url).toBe(`${ORIGIN}/articles/leg-cramps`);
    expect(body.licence).toBeNull();
    expect(body.disclaimer).toHaveLength(2);
    expect(body.dates.reviewed).toBeNull();
    expect(body.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("gives the path from the top-level section down", async () => {
    const body = await getJson<SectionResource>(`${ARTICLE}/sections/heel-walk`);
    expect(body.path).toEqual(["treatment-for-leg-cramps", "treating-leg-cramps-during-a-cramp", "heel-walk"]);
  });

  it("answers 404 for an unknown section or article", async () => {
    await getProblem(`${ARTICLE}/sections/no-such-section`, 404);
    await getProblem("/v1/articles/nope/sections/introduction", 404);
  });
});
