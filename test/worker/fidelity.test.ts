/**
 * The served article is the publisher's text, all of it and only it: every
 * heading, paragraph, list item and FAQ of the source is in the JSON, and
 * every text in the JSON is in the source. The source is the one the library
 * was built from (test/support/library-edit.ts): the publisher's text as
 * supplied, or in the `library` project edited as its article was.
 */
import { describe, expect, it } from "vitest";
import type { ArticleResource } from "../../src/api/schemas";
import type { Block, ListItem, Section } from "../../src/content/model";
import { SLUGS } from "../support/library";
import { PUBLISHER_SOURCES } from "../support/library-edit";
import { getJson } from "../support/worker";

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/** The articles served whose publisher's text the tests have. */
const SOURCED = SLUGS.filter((slug) => PUBLISHER_SOURCES[slug] !== undefined);

/** The source lines from the title to the end of the FAQ, as the publisher's README delimits the article. */
function articleLines(source: string, article: ArticleResource): string[] {
  const lines = source.split("\n").map((line) => normalise(line.replace(/^\s*•/, "")));
  // The article ends where its closing disclaimer starts.
  const end = lines.indexOf(normalise(article.disclaimer[0] ?? ""));
  expect(end).toBeGreaterThan(0);
  return lines.slice(0, end).filter((line) => line !== "");
}

function blockTexts(blocks: Block[]): string[] {
  const items = (list: ListItem[]): string[] => list.flatMap((item) => [item.text, ...items(item.items)]);
  return blocks.flatMap((block) => {
    if (block.type === "paragraph") return [block.text];
    if (block.type === "figure") return [block.caption];
    return items(block.items);
  });
}

function sectionTexts(sections: Section[]): string[] {
  return sections.flatMap((section) => [
    ...(section.title ? [section.title] : []),
    ...blockTexts(section.blocks),
    ...sectionTexts(section.sections),
  ]);
}

it("has the publisher's text of an article the library serves", () => {
  expect(SOURCED.length).toBeGreaterThan(0);
});

describe.each(SOURCED)("fidelity of %s to the publisher's text", (slug) => {
  const source = PUBLISHER_SOURCES[slug] ?? "";

  it("serves every heading, sentence, list item and FAQ of the source article", async () => {
    const article = await getJson<ArticleResource>(`/v1/articles/${slug}`);
    const served = new Set([article.title, ...sectionTexts(article.sections)]);
    const lines = articleLines(source, article);
    // From the title on.
    expect(lines[0]).toBe(article.title);
    const missing = lines.filter((line) => !served.has(line));
    expect(missing).toEqual([]);
  });

  it("serves no article text that is not in the source", async () => {
    const article = await getJson<ArticleResource>(`/v1/articles/${slug}`);
    const lines = new Set(articleLines(source, article));
    const invented = sectionTexts(article.sections).filter((text) => !lines.has(text));
    expect(invented).toEqual([]);
  });

  it("serves the FAQ as the source's questions, each with its answer", async () => {
    const article = await getJson<ArticleResource>(`/v1/articles/${slug}`);
    const lines = articleLines(source, article);
    const faqSection = article.sections.find((section) =>
      section.sections.some((question) => question.id === article.faq[0]?.id),
    );
    const faqStart = lines.indexOf(faqSection?.title ?? "");
    expect(faqStart >= 0 || article.faq.length === 0).toBe(true);
    const questions = lines.slice(faqStart + 1).filter((line) => line.endsWith("?"));
    expect(article.faq.map((entry) => entry.question)).toEqual(questions);
    for (const entry of article.faq) {
      const answer = lines[lines.indexOf(entry.question) + 1];
      expect(blockTexts(entry.answer)).toEqual([answer]);
    }
  });

  it("carries the disclaimer and the author and editor credits as metadata, verbatim", async () => {
    const article = await getJson<ArticleResource>(`/v1/articles/${slug}`);
    const text = normalise(source);
    for (const line of article.disclaimer) expect(text).toContain(line);
    for (const author of article.authors) {
      expect(text).toContain(author.name);
      for (const paragraph of author.about ?? []) expect(text).toContain(paragraph);
    }
    for (const editor of article.editors) {
      expect(text).toContain(`${editor.name}, ${editor.jobTitle}`);
      for (const paragraph of editor.about ?? []) expect(text).toContain(paragraph);
    }
    expect(text).toContain(article.editorsNote);
  });
});
