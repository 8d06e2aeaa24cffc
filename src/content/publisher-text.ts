/**
 * What counts as the publisher's words: whole sentences and whole list items
 * of the article, never a clause cut out of one. The compiler holds every
 * quote in the facts to this, and the tests hold every text of the JSON-LD
 * graph to it. Sentences are found by ICU's sentence segmentation
 * (`Intl.Segmenter`), not by a hand-written rule.
 */
import type { Block, ListItem } from "./model";

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** The sentences of a text, trimmed; a line break always ends one. */
export function sentencesOf(text: string): string[] {
  return [...segmenter.segment(text)].map(({ segment }) => segment.trim()).filter((sentence) => sentence !== "");
}

/** Every sentence of some blocks: of each paragraph, each list item at any depth, and each caption. */
export function blockSentences(blocks: readonly Block[]): string[] {
  const items = (list: readonly ListItem[]): string[] =>
    list.flatMap((item) => [...sentencesOf(item.text), ...items(item.items)]);
  return blocks.flatMap((block) => {
    if (block.type === "paragraph") return sentencesOf(block.text);
    if (block.type === "list") return items(block.items);
    return sentencesOf(block.caption);
  });
}

/**
 * The sentences of `text` that are not whole sentences of the source: empty
 * when the text is one or more of them, joined by white space.
 */
export function cutSentences(text: string, source: ReadonlySet<string>): string[] {
  return sentencesOf(text).filter((sentence) => !source.has(sentence));
}
