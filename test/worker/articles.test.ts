import { describe, expect, it } from "vitest";
import type { ArticleList, ArticleResource, SectionResource, ServiceIndex } from "../../src/api/schemas";
import { libraryIndex } from "../support/library";
import { DEEPEST, DEEPEST_TOP, FAQ_SECTION, LATER, SUBJECT } from "../support/subject";
import { call, getJson, getProblem, ORIGIN } from "../support/worker";

/**
 * What each test expects is read from the library (test/support/subject.ts), so an edit of the article
 * needs no edit here; test/fixtures-worker/articles.test.ts pins exact sections on a made-up article.
 */
const { slug, article: compiled, page: PAGE } = SUBJECT;
const ARTICLE = SUBJECT.path;
/** However many articles the library holds: the tests below hold for any number. */
const ARTICLE_COUNT = libraryIndex.articles.length;

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
    const summary = list.items.find((item) => item.slug === slug);
    expect(summary?.title).toBe(compiled.title);
    expect(summary?.canonicalUrl).toBe(PAGE);
    // Every section at any depth, in document order, each with its parent and its hash.
    expect(summary?.sections).toEqual(
      SUBJECT.sections.map(({ section, path }) => ({
        id: section.id,
        title: section.title,
        parentId: path.at(-2) ?? null,
        hash: section.hash,
      })),
    );
    for (const section of summary?.sections ?? []) expect(section.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
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
    // The front matter as the build read it: a field the publisher left out is null or empty, never filled in
    // (test/fixtures-worker/discovery.test.ts shows the fields a publisher did supply).
    expect(article).toMatchObject({
      slug,
      title: compiled.title,
      description: compiled.description,
      language: compiled.language,
      canonicalUrl: PAGE,
      dates: compiled.dates,
      licence: compiled.licence,
      codes: compiled.codes,
      publisher: compiled.publisher,
      authors: compiled.authors,
      editors: compiled.editors,
      editorsNote: compiled.editorsNote,
      disclaimer: compiled.disclaimer,
      hash: compiled.hash,
    });
    expect(article.attribution).toEqual({
      text: compiled.attribution,
      url: PAGE,
      authors: compiled.authors.map((author) => author.name),
      publisher: compiled.publisher,
      sourceUrl: compiled.sourceUrl,
    });
    expect(article.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("nests sections of typed blocks, keeping each one's parent and level", async () => {
    const article = await getJson<ArticleResource>(ARTICLE);
    expect(article.sections).toEqual(compiled.sections);
    for (const { section, path } of SUBJECT.sections) {
      expect(section.parentId, section.id).toBe(path.at(-2) ?? null);
      if (section.parentId) expect(section.level, section.id).toBe(SUBJECT.section(section.parentId).section.level + 1);
      else expect(section.level, section.id).toBe(2);
    }
    expect(DEEPEST.path.length).toBeGreaterThan(1);
  });

  it("carries the FAQ's questions, each with its answer: the subsections of the FAQ section", async () => {
    const article = await getJson<ArticleResource>(ARTICLE);
    expect(article.faq).toEqual(compiled.faq);
    expect(article.faq.map((entry) => [entry.id, entry.question, entry.answer])).toEqual(
      (FAQ_SECTION?.section.sections ?? []).map((question) => [question.id, question.title, question.blocks]),
    );
  });

  it("narrows to chosen sections at any depth, in document order", async () => {
    // Asked for in the other order: the later section first.
    const chosen = [LATER.section.id, DEEPEST.section.id];
    const article = await getJson<ArticleResource>(`${ARTICLE}?sections=${chosen.join(",")}`);
    expect(article.sections).toEqual([DEEPEST.section, LATER.section]);
    expect(article.faq).toEqual([]);
    expect(article.attribution.text).toBe(compiled.attribution);

    if (FAQ_SECTION) {
      const faq = await getJson<ArticleResource>(`${ARTICLE}?sections=${FAQ_SECTION.section.id}`);
      expect(faq.faq).toEqual(compiled.faq);
    }
    const nested = await getJson<ArticleResource>(
      `${ARTICLE}?sections=${DEEPEST_TOP.section.id},${DEEPEST.section.id}`,
    );
    // The deepest section is inside its top-level one, so it is not repeated.
    expect(nested.sections.map((section) => section.id)).toEqual([DEEPEST_TOP.section.id]);
  });

  it("refuses unknown section ids with a 400 that names them", async () => {
    const problem = await getProblem(`${ARTICLE}?sections=${DEEPEST.section.id},no-such-section`, 400);
    expect(problem.errors).toEqual([
      { in: "query", name: "sections", detail: `unknown section id(s) in "${slug}": no-such-section` },
    ]);
  });

  it("answers 404 problem+json for an unknown article", async () => {
    const problem = await getProblem("/v1/articles/no-such-article", 404);
    expect(problem.detail).toBe('There is no article "no-such-article".');
  });
});

describe("GET /v1/articles/{slug}/sections/{id}", () => {
  it.each(SUBJECT.sections.map((located) => [located.section.id, located] as const))(
    "serves %s with its path and the article's attribution, licence, disclaimer and dates",
    async (id, located) => {
      const body = await getJson<SectionResource>(`${ARTICLE}/sections/${id}`);
      expect(body.section).toEqual(located.section);
      // From the top-level section down.
      expect(body.path).toEqual(located.path);
      expect(body.canonicalUrl).toBe(`${PAGE}#${id}`);
      expect(body.article).toEqual({
        slug,
        title: compiled.title,
        language: compiled.language,
        canonicalUrl: PAGE,
      });
      expect(body.attribution.url).toBe(PAGE);
      expect(body.licence).toEqual(compiled.licence);
      expect(body.disclaimer).toEqual(compiled.disclaimer);
      expect(body.dates).toEqual(compiled.dates);
      expect(body.updatedAt).toBe(compiled.updatedAt);
    },
  );

  it("answers 404 for an unknown section or article", async () => {
    await getProblem(`${ARTICLE}/sections/no-such-section`, 404);
    await getProblem(`/v1/articles/nope/sections/${DEEPEST.section.id}`, 404);
  });
});
