/**
 * The article, or the sections chosen, as clean CommonMark: headings (a
 * selection's moved up under the title, one level at a time), paragraphs,
 * nested lists, the FAQ, the urgent advice chosen sections leave out, the
 * disclaimer and the credits. Text is escaped so that it reads as literal
 * text in any Markdown renderer: content can never become a link, an HTML
 * tag or formatting.
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

/** A section and its subsections, each heading `shift` levels above the article's (never above `##`). */
function renderSection(section: Section, shift = 0): string[] {
  const level = Math.max(2, section.level - shift);
  return [
    ...(section.title ? [`${"#".repeat(level)} ${escapeMarkdown(section.title)}`] : []),
    ...section.blocks.flatMap((item) => renderBlock(item) ?? []),
    ...section.sections.flatMap((inner) => renderSection(inner, shift)),
  ];
}

/**
 * Who wrote and edited it: with their biographies for the whole article;
 * for chosen sections, names and roles only, so a short extract is not
 * outweighed by its credits (the full article, linked, has them).
 */
function credits(article: ArticleResource, whole: boolean): string[] {
  const about = (lines: readonly string[] | undefined) =>
    whole && lines?.length ? `: ${escapeMarkdown(lines.join(" "))}` : "";
  return [
    ...article.authors.map((author) => `**${escapeMarkdown(author.name)}**${about(author.about)}`),
    ...(whole && article.editorsNote ? [escapeMarkdown(article.editorsNote)] : []),
    ...article.editors.map((editor) => {
      const role = [editor.jobTitle, editor.worksFor].filter(Boolean).join(" — ");
      return `**${escapeMarkdown(editor.name)}**${role ? `, ${escapeMarkdown(role)}` : ""}${about(editor.about)}`;
    }),
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
  // Each chosen section is `##` under the title's `#`, its subsections below it.
  const shift = (section: Section) => (whole ? 0 : section.level - 2);
  const licence = article.licence
    ? `Licence: ${article.licence.url ? `[${escapeMarkdown(article.licence.name)}](<${article.licence.url}>)` : escapeMarkdown(article.licence.name)}`
    : `Licence: ${NO_LICENCE}`;
  const urgent = urgentAdviceBoxes(article.urgentCareAdvice, article.sections, whole);
  const parts = [
    `# ${escapeMarkdown(article.title)}`,
    ...urgentBox(urgent.opening),
    ...article.sections.flatMap((section) => renderSection(section, shift(section))),
    ...urgentBox(urgent.closing),
    "---",
    quoted(article.disclaimer.map(escapeMarkdown)),
    `${escapeMarkdown(attribution.text)} [Read the full article](<${attribution.url}>)`,
    licence,
    ...(attribution.sourceUrl ? [`Publisher’s original: <${attribution.sourceUrl}>`] : []),
    ...credits(article, whole),
  ];
  return `${parts.join("\n\n")}\n`;
}
