/**
 * The raw material of synthetic articles: the real article's top-level
 * sections as Markdown (each with its subsections) and what facts may quote
 * in them, its sentences, and its longer words. Real sentences keep the
 * library's text realistic in length and vocabulary, which is what search
 * and storage measurements need. The article is parsed once, here: parsing
 * every synthetic article again would be most of the generator's time.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { leadInsOf } from "../../../src/content/claims/lead-ins";
import type { ListItem } from "../../../src/content/model";
import { sentencesOf } from "../../../src/content/publisher-text";
import { type DraftSection, parseArticle, walk } from "../article-parser";

/** A whole sentence of a paragraph, or a whole list item (with the sentences introducing its list), and the heading of its section. */
export interface Quotable {
  heading: string;
  quote: string;
  leadIns: string[];
}

export interface SourceSection {
  /** Starts with its `## ` heading. */
  markdown: string;
  quotables: Quotable[];
}

export interface SourceText {
  /** Top-level sections after the opening text. */
  sections: SourceSection[];
  /** Paragraph sentences that start with a letter and end a sentence, so they read as text wherever they are put. */
  sentences: string[];
  /** Lower-case words of seven letters or more, for headings. */
  words: string[];
}

export function readSourceText(articlePath: string): SourceText {
  const markdown = readFileSync(articlePath, "utf8");
  const parsed = parseArticle(relative(process.cwd(), articlePath), markdown);
  if (!parsed.article || parsed.errors.length > 0) throw new Error(`${articlePath} does not compile`);
  const drafts = parsed.article.sections.filter((section) => section.title !== null);
  const chunks = topLevelSections(markdown);
  if (chunks.length !== drafts.length) throw new Error(`${articlePath}: cannot line its sections up`);
  const sections = drafts.map((draft, index) => ({ markdown: chunks[index] ?? "", quotables: quotables(draft) }));
  const sentences = new Set<string>();
  for (const section of walk(parsed.article.sections)) {
    for (const block of section.blocks) {
      if (block.type !== "paragraph") continue;
      for (const sentence of sentencesOf(block.text)) if (/^\p{L}.*[.?!]$/u.test(sentence)) sentences.add(sentence);
    }
  }
  const words = new Set([...sentences].flatMap((sentence) => sentence.toLowerCase().match(/\b[a-z]{7,}\b/g) ?? []));
  return { sections, sentences: [...sentences], words: [...words].sort() };
}

/** The Markdown after the front matter, cut at each level-2 heading; the opening text is left out. */
function topLevelSections(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, "");
  return body
    .split(/^(?=## )/m)
    .filter((chunk) => chunk.startsWith("## "))
    .map((chunk) => chunk.trim());
}

function quotables(top: DraftSection): Quotable[] {
  const found: Quotable[] = [];
  for (const section of walk([top])) {
    const heading = section.title ?? "";
    const items = (list: ListItem[]) => {
      for (const item of list) {
        found.push({ heading, quote: item.text, leadIns: leadInsOf(section.blocks, item.text) ?? [] });
        items(item.items);
      }
    };
    for (const block of section.blocks) {
      if (block.type === "paragraph") {
        for (const quote of sentencesOf(block.text)) found.push({ heading, quote, leadIns: [] });
      } else if (block.type === "list") items(block.items);
    }
  }
  return found;
}
