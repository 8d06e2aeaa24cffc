/**
 * Reads `article.md`: YAML front matter, then Markdown whose headings become
 * nested sections of typed blocks. Only what the content model can carry is
 * accepted (headings, paragraphs, lists, captioned images); anything else is
 * an error at its line rather than silently dropped text.
 */
import type { List, ListItem as MdListItem, Paragraph, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { frontmatter } from "micromark-extension-frontmatter";
import type { Block, ListItem } from "../../src/content/model";
import { SLUG, slugOf } from "../../src/content/slug";
import { ContentError } from "./content-error";
import { YamlSource } from "./yaml-source";

/** A section before hashing, with the line its heading is on. */
export interface DraftSection {
  id: string;
  title: string | null;
  level: number;
  parentId: string | null;
  line: number;
  blocks: Block[];
  sections: DraftSection[];
}

export interface ParsedArticle {
  frontMatter: YamlSource;
  sections: DraftSection[];
}

/** Id of the untitled text before the first heading. */
export const INTRODUCTION_ID = "introduction";

const HEADING_ID = /\s*\{#([^}]*)\}\s*$/;

export function parseArticle(file: string, markdown: string): { article?: ParsedArticle; errors: ContentError[] } {
  const errors: ContentError[] = [];
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

  const fail = (node: { position?: { start: { line: number } } }, message: string) => {
    errors.push(new ContentError(file, lineOf(node), message));
  };

  const introduction: DraftSection = {
    id: INTRODUCTION_ID,
    title: null,
    level: 2,
    parentId: null,
    line: body[0] ? lineOf(body[0]) : 1,
    blocks: [],
    sections: [],
  };
  const topLevel: DraftSection[] = [];
  const seen = new Map<string, number>();
  // The open sections from the top level down to the current one.
  const open: DraftSection[] = [];

  for (const node of body) {
    if (node.type === "heading") {
      if (node.depth === 1) {
        fail(node, "a level-1 heading is not allowed: the title comes from the front matter; start sections at ##");
        continue;
      }
      const parent = open.filter((section) => section.level < node.depth).at(-1);
      const expectedDepth = (parent?.level ?? 1) + 1;
      if (node.depth > expectedDepth) {
        fail(node, `heading level ${node.depth} skips a level: expected at most ${expectedDepth}`);
        continue;
      }
      const raw = plainText(node.children, (child, message) => fail(child, message));
      const match = HEADING_ID.exec(raw);
      const title = match ? raw.slice(0, match.index).trim() : raw;
      const id = match ? (match[1] ?? "").trim() : slugOf(title);
      if (title === "") {
        fail(node, "empty text: heading has no title");
        continue;
      }
      if (!SLUG.test(id)) {
        fail(node, `section id "${id}" must be lowercase letters, digits and single hyphens`);
        continue;
      }
      const firstLine = seen.get(id);
      if (firstLine !== undefined) {
        fail(node, `duplicate section id "${id}" (first used on line ${firstLine})`);
        continue;
      }
      const line = lineOf(node);
      seen.set(id, line);
      const section: DraftSection = {
        id,
        title,
        level: node.depth,
        parentId: parent?.id ?? null,
        line,
        blocks: [],
        sections: [],
      };
      (parent ? parent.sections : topLevel).push(section);
      const depth = parent ? open.indexOf(parent) + 1 : 0;
      open.splice(depth, open.length - depth, section);
      continue;
    }
    const block = toBlock(node, fail);
    if (block) (open.at(-1) ?? introduction).blocks.push(block);
  }

  const introductionLine = seen.get(INTRODUCTION_ID);
  if (introductionLine !== undefined && introduction.blocks.length > 0) {
    errors.push(
      new ContentError(
        file,
        introductionLine,
        `section id "${INTRODUCTION_ID}" is reserved for the text before the first heading`,
      ),
    );
  }
  for (const section of walk(topLevel)) {
    if (section.blocks.length === 0 && section.sections.length === 0) {
      errors.push(new ContentError(file, section.line, `empty text: section "${section.id}" has no content`));
    }
  }
  const sections = introduction.blocks.length > 0 ? [introduction, ...topLevel] : topLevel;
  return { article: { frontMatter, sections }, errors };
}

/** Every section in document order, depth first. */
export function* walk(sections: DraftSection[]): Generator<DraftSection> {
  for (const section of sections) {
    yield section;
    yield* walk(section.sections);
  }
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
