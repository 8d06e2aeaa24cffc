/**
 * The served article is the publisher's text, all of it and only it: every
 * heading, paragraph, list item and FAQ of the source is in the JSON, and
 * every text in the JSON is in the source.
 */
import { describe, expect, it } from "vitest";
import type { ArticleResource } from "../../src/api/schemas";
import type { Block, ListItem, Section } from "../../src/content/model";
import source from "../fixtures/publisher/leg-cramps.txt?raw";
import { getJson } from "../support/worker";

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/** The source lines from the title to the end of the FAQ, as the publisher's README delimits the article. */
function articleLines(): string[] {
  const lines = source.split("\n").map((line) => normalise(line.replace(/^\s*•/, "")));
  const end = lines.indexOf(
    "We hope you've found this article useful, however, it cannot be a substitute for a consultation with a specialist",
  );
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

describe("fidelity to the publisher's text", () => {
  it("serves every heading, sentence, list item and FAQ of the source article", async () => {
    const article = await getJson<ArticleResource>("/v1/articles/leg-cramps");
    const served = new Set([article.title, ...sectionTexts(article.sections)]);
    const lines = articleLines();
    expect(lines.length).toBeGreaterThan(100);
    const missing = lines.filter((line) => !served.has(line));
    expect(missing).toEqual([]);
  });

  it("serves no article text that is not in the source", async () => {
    const article = await getJson<ArticleResource>("/v1/articles/leg-cramps");
    const lines = new Set(articleLines());
    const invented = sectionTexts(article.sections).filter((text) => !lines.has(text));
    expect(invented).toEqual([]);
  });

  it("serves the FAQ as the source's 12 questions, each with its answer", async () => {
    const article = await getJson<ArticleResource>("/v1/articles/leg-cramps");
    const lines = articleLines();
    const faqStart = lines.indexOf("Leg cramps FAQs");
    const questions = lines.slice(faqStart + 1).filter((line) => line.endsWith("?"));
    expect(article.faq.map((entry) => entry.question)).toEqual(questions);
    for (const entry of article.faq) {
      const answer = lines[lines.indexOf(entry.question) + 1];
      expect(blockTexts(entry.answer)).toEqual([answer]);
    }
  });

  it("carries the disclaimer and the author and editor credits as metadata, verbatim", async () => {
    const article = await getJson<ArticleResource>("/v1/articles/leg-cramps");
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
