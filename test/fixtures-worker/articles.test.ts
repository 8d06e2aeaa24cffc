/**
 * Exact sections, levels, lists, figures, FAQ and selections, pinned on a
 * made-up article (test/fixtures/content/sample-condition) whose text never
 * changes for medical reasons. The real-content suites (test/worker) read what
 * they expect from the library instead, so that an edit of the real article
 * needs no test change; these pins keep what those could only derive.
 */
import { describe, expect, it } from "vitest";
import type { ArticleList, ArticleResource, OEmbed, SectionResource } from "../../src/api/schemas";
import { scan } from "../support/html";
import { call, getJson, getProblem, ORIGIN } from "../support/worker";

const SLUG = "sample-condition";
const ARTICLE = `/v1/articles/${SLUG}`;
const PAGE = `${ORIGIN}/articles/${SLUG}`;
const HASH = /^sha256:[0-9a-f]{64}$/;

describe("an article's sections", () => {
  it("are listed with their parents, every one at any depth, in document order", async () => {
    const list = await getJson<ArticleList>("/v1/articles");
    const summary = list.items.find((item) => item.slug === SLUG);
    expect(summary?.sections.map((section) => [section.id, section.title, section.parentId])).toEqual([
      ["introduction", null, null],
      ["first-topic", "First topic", null],
      ["a-subtopic", "A subtopic", "first-topic"],
      ["questions", "Questions", null],
      ["is-this-a-question", "Is this a question?", "questions"],
    ]);
    for (const section of summary?.sections ?? []) expect(section.hash).toMatch(HASH);
  });

  it("nest typed blocks: paragraphs, lists with nested items, and a figure whose image was not supplied", async () => {
    const article = await getJson<ArticleResource>(ARTICLE);
    expect(article.sections.map((section) => section.id)).toEqual(["introduction", "first-topic", "questions"]);
    const [introduction, first] = article.sections;
    expect(introduction).toMatchObject({ title: null, level: 2, parentId: null });
    expect(first?.blocks).toEqual([
      { type: "paragraph", text: "A paragraph in the first topic." },
      {
        type: "list",
        ordered: false,
        items: [
          { text: "An item", items: [] },
          { text: "Another item", items: [{ text: "A nested item", items: [] }] },
        ],
      },
    ]);
    expect(first?.sections[0]).toMatchObject({
      id: "a-subtopic",
      title: "A subtopic",
      level: 3,
      parentId: "first-topic",
      blocks: [
        { type: "paragraph", text: "Text of the subtopic." },
        { type: "figure", caption: "A captioned picture that was not supplied", image: null },
      ],
    });
  });

  it("give the FAQ: the FAQ section's one question with its answer", async () => {
    const article = await getJson<ArticleResource>(ARTICLE);
    expect(article.faq).toEqual([
      {
        id: "is-this-a-question",
        question: "Is this a question?",
        answer: [{ type: "paragraph", text: "Yes, this is the answer." }],
        hash: expect.stringMatching(HASH),
      },
    ]);
  });

  it("narrow to the ones chosen, in document order, a section inside a chosen one not repeated", async () => {
    const chosen = await getJson<ArticleResource>(`${ARTICLE}?sections=is-this-a-question,a-subtopic`);
    expect(chosen.sections.map((section) => section.id)).toEqual(["a-subtopic", "is-this-a-question"]);
    // A question chosen is the selection's FAQ; a selection without one has none.
    expect(chosen.faq.map((entry) => entry.id)).toEqual(["is-this-a-question"]);
    expect((await getJson<ArticleResource>(`${ARTICLE}?sections=a-subtopic`)).faq).toEqual([]);
    const nested = await getJson<ArticleResource>(`${ARTICLE}?sections=a-subtopic,first-topic`);
    expect(nested.sections.map((section) => section.id)).toEqual(["first-topic"]);
    const faq = await getJson<ArticleResource>(`${ARTICLE}?sections=questions`);
    expect(faq.faq.map((entry) => entry.id)).toEqual(["is-this-a-question"]);
    const problem = await getProblem(`${ARTICLE}?sections=a-subtopic,no-such-section`, 400);
    expect(problem.errors).toEqual([
      { in: "query", name: "sections", detail: 'unknown section id(s) in "sample-condition": no-such-section' },
    ]);
  });

  it.each([
    ["introduction", null, ["introduction"]],
    ["first-topic", "First topic", ["first-topic"]],
    ["a-subtopic", "A subtopic", ["first-topic", "a-subtopic"]],
    ["is-this-a-question", "Is this a question?", ["questions", "is-this-a-question"]],
  ])("serve %s alone, with its path from the top level down", async (id, title, path) => {
    const body = await getJson<SectionResource>(`${ARTICLE}/sections/${id}`);
    expect(body.section).toMatchObject({ id, title });
    expect(body.path).toEqual(path);
    expect(body.canonicalUrl).toBe(`${PAGE}#${id}`);
    expect(body.article).toEqual({ slug: SLUG, title: "Sample condition", language: "en-GB", canonicalUrl: PAGE });
  });
});

describe("an article's sections in the other forms", () => {
  it("are Markdown headings at their levels, with nested lists", async () => {
    const response = await call(ARTICLE, { headers: { Accept: "text/markdown" } });
    const text = await response.text();
    expect(text.startsWith("# Sample condition\n\n")).toBe(true);
    for (const heading of ["## First topic", "### A subtopic", "## Questions", "### Is this a question?"]) {
      expect(text).toContain(`\n${heading}\n`);
    }
    expect(text).toContain("- An item\n- Another item\n  - A nested item\n");
    const selection = await (
      await call(`${ARTICLE}?sections=a-subtopic`, { headers: { Accept: "text/markdown" } })
    ).text();
    // A chosen section is `##` under the title, as in an embed of it: no jump from `#` to `###`.
    expect(selection).toContain("\n## A subtopic\n");
    expect(selection).not.toMatch(/^###/m);
    expect(selection).not.toContain("## First topic");
  });

  it("are headings from h2 in an embed of chosen sections, and named by an oEmbed URL's fragment", async () => {
    const html = await (await call(`/embed/${SLUG}?sections=a-subtopic,is-this-a-question`)).text();
    const found = await scan(html, ["section[id]", "section h2", "h3"]);
    expect(found["section[id]"]?.map((section) => section.attributes.id)).toEqual(["a-subtopic", "is-this-a-question"]);
    expect(found["section h2"]?.map((heading) => heading.text)).toEqual(["A subtopic", "Is this a question?"]);
    expect(found.h3).toEqual([]);
    const oembed = await getJson<OEmbed>(`/oembed?${new URLSearchParams({ url: `${PAGE}#a-subtopic` })}`);
    expect(oembed.title).toBe("A subtopic — Sample condition");
    expect(oembed.html).toContain(`src="${ORIGIN}/embed/${SLUG}?sections=a-subtopic"`);
  });

  it("are the page's sections, the untitled opening one a div", async () => {
    const html = await (await call(`/articles/${SLUG}`)).text();
    const found = await scan(html, ["section[id]", "div[id]", "h2", "h3"]);
    expect(found["section[id]"]?.map((section) => section.attributes.id)).toEqual([
      "first-topic",
      "a-subtopic",
      "questions",
      "is-this-a-question",
    ]);
    expect(found["div[id]"]?.map((element) => element.attributes.id)).toEqual(["introduction"]);
    expect(found.h3?.map((heading) => heading.text)).toEqual(
      expect.arrayContaining(["A subtopic", "Is this a question?"]),
    );
  });
});
