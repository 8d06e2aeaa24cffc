/**
 * The whole article as clean CommonMark: headings, paragraphs, nested lists,
 * the FAQ, the urgent advice its chosen sections leave out, the disclaimer and the credits. Text is escaped so that it reads
 * as literal text in any Markdown renderer: content can never become a link,
 * an HTML tag or formatting.
 */
import { NO_LICENCE } from "../api/resources";
import type { ArticleResource } from "../api/schemas";
import type { Block, ListItem, Section } from "../content/model";
import { escapeMarkdown } from "../lib/escape-markdown";
import { URGENT_ADVICE_HEADING, urgentAdviceBlocks, urgentAdviceBoxes } from "./urgent-advice";

function listItems(items: ListItem[], depth: number): string[] {
  return items.flatMap((item) => [
    `${"  ".repeat(depth)}- ${escapeMarkdown(item.text)}`,
    ...listItems(item.items, depth + 1),
  ]);
}

function renderBlock(block: Block): string | undefined {
  switch (block.type) {
    case "paragraph":
      return escapeMarkdown(block.text);
    case "list":
      return block.ordered
        ? block.items.map((item, index) => `${index + 1}. ${escapeMarkdown(item.text)}`).join("\n")
        : listItems(block.items, 0).join("\n");
    case "figure":
      // Without its image the caption is not shown, as on the page.
      return block.image ? `![${escapeMarkdown(block.caption)}](<${block.image}>)` : undefined;
  }
}

/** Markdown blocks as one block quote. */
function quoted(blocks: string[]): string {
  return blocks.map((block) => block.replace(/^/gm, "> ")).join("\n>\n");
}

function renderSection(section: Section): string[] {
  return [
    ...(section.title ? [`${"#".repeat(section.level)} ${escapeMarkdown(section.title)}`] : []),
    ...section.blocks.flatMap((item) => renderBlock(item) ?? []),
    ...section.sections.flatMap(renderSection),
  ];
}

/** The urgent advice box as one block quote under its heading; nothing when there is no advice. */
function urgentBox(advice: ArticleResource["urgentCareAdvice"]): string[] {
  const blocks = advice.flatMap((item) => urgentAdviceBlocks(item).flatMap((block) => renderBlock(block) ?? []));
  return blocks.length > 0 ? [quoted([`**${URGENT_ADVICE_HEADING}**`, ...blocks])] : [];
}

/** Markdown of an article resource: the whole article (`whole`), or the sections it was narrowed to. */
export function renderMarkdown(article: ArticleResource, whole: boolean): string {
  const { attribution } = article;
  const credits = [
    ...article.authors.map(
      (author) => `**${escapeMarkdown(author.name)}**: ${escapeMarkdown((author.about ?? []).join(" "))}`,
    ),
    ...(article.editorsNote ? [escapeMarkdown(article.editorsNote)] : []),
    ...article.editors.map((editor) => {
      const role = [editor.jobTitle, editor.worksFor].filter(Boolean).join(" — ");
      const about = (editor.about ?? []).join(" ");
      return `**${escapeMarkdown(editor.name)}**${role ? `, ${escapeMarkdown(role)}` : ""}${about ? `: ${escapeMarkdown(about)}` : ""}`;
    }),
  ];
  const licence = article.licence
    ? `Licence: ${article.licence.url ? `[${escapeMarkdown(article.licence.name)}](<${article.licence.url}>)` : escapeMarkdown(article.licence.name)}`
    : `Licence: ${NO_LICENCE}`;
  const urgent = urgentAdviceBoxes(article.urgentCareAdvice, article.sections, whole);
  const parts = [
    `# ${escapeMarkdown(article.title)}`,
    ...urgentBox(urgent.opening),
    ...article.sections.flatMap(renderSection),
    ...urgentBox(urgent.closing),
    "---",
    quoted(article.disclaimer.map(escapeMarkdown)),
    `${escapeMarkdown(attribution.text)} [Read the full article](<${attribution.url}>)`,
    licence,
    ...(attribution.sourceUrl ? [`Publisher’s original: <${attribution.sourceUrl}>`] : []),
    ...credits,
  ];
  return `${parts.join("\n\n")}\n`;
}
