/**
 * Reads `article.md`: YAML front matter, then Markdown whose headings become
 * nested sections of typed blocks. Only what the content model can carry is
 * accepted (headings, paragraphs, lists, captioned images); anything else is
 * an error at its line rather than silently dropped text.
 */
import type { Heading, List, ListItem as MdListItem, Paragraph, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { frontmatter } from "micromark-extension-frontmatter";
import type { Block, ListItem } from "../../src/content/model";
import { SLUG, slugOf } from "../../src/content/slug";
import { type DraftSection, SectionOutline } from "./article-sections";
import { ContentError } from "./content-error";
import { YamlSource } from "./yaml-source";

// Defined in article-sections.ts; re-exported so that importers of the parser keep finding them here.
export { type DraftSection, INTRODUCTION_ID, walk } from "./article-sections";

export interface ParsedArticle {
  frontMatter: YamlSource;
  sections: DraftSection[];
}

const HEADING_ID = /\s*\{#([^}]*)\}\s*$/;

export function parseArticle(file: string, markdown: string): { article?: ParsedArticle; errors: ContentError[] } {
  const root = fromMarkdown(markdown, {
    extensions: [frontmatter(["yaml"])],
    mdastExtensions: [frontmatterFromMarkdown(["yaml"])],
  });
  const [first, ...body] = root.children;
  if (first?.type !== "yaml") {
    return { errors: [new ContentError(file, 1, "missing front matter: the file must start with a --- YAML block")] };
  }
  const yamlErrors: ContentError[] = [];
  const frontMatter = YamlSource.parse(file, first.value, yamlErrors, lineOf(first) + 1);
  if (!frontMatter) return { errors: yamlErrors };

  const errors: ContentError[] = [];
  const fail: Fail = (node, message) => {
    errors.push(new ContentError(file, lineOf(node), message));
  };
  const outline = new SectionOutline(body[0] ? lineOf(body[0]) : 1);
  for (const node of body) {
    if (node.type === "heading") {
      const section = headingSection(node, outline, fail);
      if (section) outline.open(section);
    } else {
      const block = toBlock(node, fail);
      if (block) outline.add(block);
    }
  }
  errors.push(...outline.problems(file));
  return { article: { frontMatter, sections: outline.sections() }, errors };
}

/** The section a heading opens in `outline`, or undefined when it cannot open one (the reason is reported). */
function headingSection(node: Heading, outline: SectionOutline, fail: Fail): DraftSection | undefined {
  if (node.depth === 1) {
    fail(node, "a level-1 heading is not allowed: the title comes from the front matter; start sections at ##");
    return undefined;
  }
  const parent = outline.parentOf(node.depth);
  const expectedDepth = (parent?.level ?? 1) + 1;
  if (node.depth > expectedDepth) {
    fail(node, `heading level ${node.depth} skips a level: expected at most ${expectedDepth}`);
    return undefined;
  }
  const raw = plainText(node.children, fail);
  const match = HEADING_ID.exec(raw);
  const title = match ? raw.slice(0, match.index).trim() : raw;
  const id = match ? (match[1] ?? "").trim() : slugOf(title);
  if (title === "") {
    fail(node, "empty text: heading has no title");
    return undefined;
  }
  if (!SLUG.test(id)) {
    fail(node, `section id "${id}" must be lowercase letters, digits and single hyphens`);
    return undefined;
  }
  const firstLine = outline.lineOf(id);
  if (firstLine !== undefined) {
    fail(node, `duplicate section id "${id}" (first used on line ${firstLine})`);
    return undefined;
  }
  return { id, title, level: node.depth, parentId: parent?.id ?? null, line: lineOf(node), blocks: [], sections: [] };
}

type Fail = (node: { position?: { start: { line: number } } }, message: string) => void;

function toBlock(node: RootContent, fail: Fail): Block | undefined {
  switch (node.type) {
    case "paragraph":
      return paragraphBlock(node, fail);
    case "list":
      return { type: "list", ordered: node.ordered === true, items: listItems(node, fail) };
    default:
      fail(node, `unsupported Markdown (${node.type}): articles use headings, paragraphs, lists and captioned images`);
      return undefined;
  }
}

function paragraphBlock(node: Paragraph, fail: Fail): Block | undefined {
  const [only] = node.children;
  if (only?.type === "image" && node.children.length === 1) {
    const caption = only.alt?.trim() ?? "";
    if (caption === "") {
      fail(node, "empty text: an image needs its caption as alt text");
      return undefined;
    }
    if (only.url !== "" && !/^https?:\/\//.test(only.url)) {
      fail(node, `image URL "${only.url}" must be http(s) or empty when the image was not supplied`);
      return undefined;
    }
    return { type: "figure", caption, image: only.url === "" ? null : only.url };
  }
  const text = plainText(node.children, fail);
  if (text === "") {
    fail(node, "empty text: paragraph has no text");
    return undefined;
  }
  return { type: "paragraph", text };
}

function listItems(list: List, fail: Fail): ListItem[] {
  return list.children.flatMap((item) => {
    const converted = listItem(item, fail);
    return converted ? [converted] : [];
  });
}

function listItem(item: MdListItem, fail: Fail): ListItem | undefined {
  const [first, ...rest] = item.children;
  if (first?.type !== "paragraph") {
    fail(item, "empty text: list item has no text");
    return undefined;
  }
  const text = plainText(first.children, fail);
  if (text === "") {
    fail(item, "empty text: list item has no text");
    return undefined;
  }
  const items: ListItem[] = [];
  for (const child of rest) {
    if (child.type === "list") items.push(...listItems(child, fail));
    else fail(child, `unsupported Markdown in a list item (${child.type}): use text and nested lists`);
  }
  return { text, items };
}

/** Inline content as plain text; formatting, links and HTML are refused. */
function plainText(children: PhrasingContent[], fail: Fail): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text") text += child.value;
    else if (child.type === "break") text += " ";
    else fail(child, `unsupported inline Markdown (${child.type}): article text is plain`);
  }
  return normaliseSpace(text);
}

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1;
}
