/**
 * What the search index holds of an article: its units, the publisher's
 * whole sentences and list items (src/content/publisher-text.ts, ICU sentence
 * segmentation), never a clause cut out of one, so a snippet shown from the
 * index is always a whole sentence of the article; and its row, which finds
 * and ranks it. Figure captions are left out: they describe an illustration,
 * and pages do not show a caption without its image. No Node.js module is
 * used here: the Worker's tests seed a scratch database with it.
 */
import type { CompiledArticle, ListItem, Section } from "../../src/content/model";
import { sentencesOf } from "../../src/content/publisher-text";
import type { SearchArticle, SearchUnit } from "../../src/search/schema";

export type Unit = Omit<SearchUnit, "rowid">;

/** Every unit of an article, in document order. */
export function searchUnits(article: CompiledArticle): Unit[] {
  const units: Unit[] = [];
  const visit = (section: Section) => {
    for (const body of sectionSentences(section)) {
      units.push({ body, slug: article.slug, section: section.id, section_title: section.title });
    }
    for (const child of section.sections) visit(child);
  };
  for (const section of article.sections) visit(section);
  return units;
}

/** The whole sentences of a section's own paragraphs and list items (not its subsections'). */
function sectionSentences(section: Section): string[] {
  const items = (list: readonly ListItem[]): string[] =>
    list.flatMap((item) => [...sentencesOf(item.text), ...items(item.items)]);
  return section.blocks.flatMap((block) => {
    if (block.type === "paragraph") return sentencesOf(block.text);
    if (block.type === "list") return items(block.items);
    return [];
  });
}

/** Every heading of an article, in document order. */
function headingsOf(sections: readonly Section[]): string[] {
  return sections.flatMap((section) => [...(section.title ? [section.title] : []), ...headingsOf(section.sections)]);
}

/** The searched columns of an article's `search_articles` row, from its units' text (`sentences`). */
export function articleRow(
  article: CompiledArticle,
  sentences: readonly string[],
): Pick<SearchArticle, "title" | "headings" | "body"> {
  return {
    title: article.title,
    // Space-separated: the tokenizer splits them as a line break would, and no SQL expression is needed for one.
    headings: headingsOf(article.sections).join(" "),
    body: sentences.join(" "),
  };
}
