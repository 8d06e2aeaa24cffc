/**
 * Builds the library the `library` test project serves: content/ with its
 * article edited as an editor might edit it (one section dropped, one
 * sentence reworded), plus a copy of the edited article under another slug.
 * The Worker's whole suite runs against it, which shows that no test pins
 * the real article's sections, counts or sentences, and that no test assumes
 * the library holds one article. content/ itself is never touched: the edit
 * is made to a copy in a temporary folder.
 *
 * Besides the compiled library it writes a module (`--edit-module`) that
 * records the edit, so a test can show it really happened, and gives the
 * publisher's text of each article edited the same way, for the tests that
 * compare the served text with the source it was built from.
 *
 *   tsx scripts/content/edited-library.ts [--content content] [--publisher test/fixtures/publisher]
 *                                        [--out test/fixtures/generated/edited-library.ts]
 *                                        [--out-dir test/fixtures/generated/edited-library-assets/_content]
 *                                        [--edit-module test/fixtures/generated/library-edit.ts]
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { isMap, isScalar, isSeq, type Node, parseDocument } from "yaml";
import { parseArticle, walk } from "./article-parser";

/**
 * The edit. The section is one no other part of the article leans on (no
 * fact outside it quotes it, no care advice names it, and the OpenAPI
 * document's examples do not name it), and the sentence one the article's
 * facts quote, so their quotes are reworded with it. When the real article
 * no longer has either, this build fails, naming what to choose again.
 */
const EDIT = {
  slug: "leg-cramps",
  drop: "heel-walk",
  reword: {
    before: "Overdosing on quinine can cause blindness and death.",
    after: "An overdose of quinine can cause blindness and death.",
  },
} as const;

const { values } = parseArgs({
  options: {
    content: { type: "string", default: "content" },
    publisher: { type: "string", default: "test/fixtures/publisher" },
    out: { type: "string", default: "test/fixtures/generated/edited-library.ts" },
    "out-dir": { type: "string", default: "test/fixtures/generated/edited-library-assets/_content" },
    "edit-module": { type: "string", default: "test/fixtures/generated/library-edit.ts" },
  },
});

class EditError extends Error {
  constructor(message: string) {
    super(`scripts/content/edited-library.ts: ${message}; choose another edit (EDIT)`);
  }
}

/** `text` with its one occurrence of `before` replaced; an error if it has none or several. */
function replaceOnce(text: string, before: string, after: string, where: string): string {
  const parts = text.split(before);
  if (parts.length !== 2) throw new EditError(`${where} holds "${before}" ${parts.length - 1} times, not once`);
  return parts.join(after);
}

/** Rewrites a file, keeping its time: outside git, an article's revision time is its files' newest change. */
function rewrite(file: string, edit: (text: string) => string): void {
  const { atime, mtime } = statSync(file);
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  utimesSync(file, atime, mtime);
}

interface Dropped {
  id: string;
  title: string;
  /** The section and every section inside it. */
  ids: string[];
  /** The title of the section after it, where its text ends. */
  nextTitle: string;
}

/** The article's Markdown without the section `id` (and the sections inside it). */
function dropSection(file: string, markdown: string, id: string): { markdown: string; dropped: Dropped } {
  const { article, errors } = parseArticle(file, markdown);
  if (!article || errors.length > 0) throw new Error(`${file} does not compile: ${errors.join("; ")}`);
  const sections = [...walk(article.sections)];
  const at = sections.findIndex((section) => section.id === id);
  const section = sections[at];
  if (!section?.title) throw new EditError(`${file} has no titled section "${id}"`);
  const inside = [...walk([section])];
  const next = sections[at + inside.length];
  if (!next?.title) throw new EditError(`section "${id}" of ${file} is not followed by a titled section`);
  const lines = markdown.split("\n");
  // Lines are counted from 1: the section runs from its heading to the next section's.
  lines.splice(section.line - 1, next.line - section.line);
  const dropped = { id, title: section.title, ids: inside.map((each) => each.id), nextTitle: next.title };
  return { markdown: lines.join("\n"), dropped };
}

/**
 * The facts without those the dropped sections state: a listed fact quoting
 * them, the ids of such facts where lists name them, and the sections'
 * aspects. Any other fact that still points at them is left for the
 * compiler to refuse. Every text holding the reworded sentence is reworded.
 */
function editFacts(yaml: string, dropped: ReadonlySet<string>): string {
  const document = parseDocument(yaml);
  const removed = new Set<string>();
  const reword = (node: unknown): void => {
    if (isScalar(node) && typeof node.value === "string") {
      node.value = node.value.split(EDIT.reword.before).join(EDIT.reword.after);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) reword(isMap(node) ? (item as { value: unknown }).value : item);
    }
  };
  const pruneFacts = (node: unknown): void => {
    if (isSeq(node)) {
      node.items = node.items.filter((item) => {
        if (!isMap(item) || !dropped.has(String(item.get("section")))) return true;
        removed.add(String(item.get("id")));
        return false;
      });
      for (const item of node.items) pruneFacts(item);
    } else if (isMap(node)) {
      for (const pair of node.items) pruneFacts(pair.value);
    }
  };
  const pruneIds = (node: unknown): void => {
    if (isSeq(node)) {
      node.items = node.items.filter((item) => !(isScalar(item) && removed.has(String(item.value))));
      for (const item of node.items) pruneIds(item);
    } else if (isMap(node)) {
      for (const pair of node.items) pruneIds(pair.value);
    }
  };
  reword(document.contents);
  pruneFacts(document.contents);
  pruneIds(document.contents);
  const aspects = document.get("sectionAspects") as Node | undefined;
  if (isMap(aspects)) aspects.items = aspects.items.filter((pair) => !dropped.has(String((pair.key as Node).toJSON())));
  return document.toString({ lineWidth: 0 });
}

/** The publisher's text without the dropped section (from its heading to the next one's), the sentence reworded. */
function editPublisherText(text: string, dropped: Dropped, where: string): string {
  const lines = text.split("\n");
  const lineOf = (title: string, from: number) =>
    lines.findIndex((line, index) => index >= from && line.trim() === title);
  const start = lineOf(dropped.title, 0);
  if (start < 0 || lineOf(dropped.title, start + 1) >= 0) {
    throw new EditError(`${where} does not have the heading "${dropped.title}" on one line of its own`);
  }
  const end = lineOf(dropped.nextTitle, start + 1);
  if (end < 0) throw new EditError(`${where} has no heading "${dropped.nextTitle}" after "${dropped.title}"`);
  lines.splice(start, end - start);
  return replaceOnce(lines.join("\n"), EDIT.reword.before, EDIT.reword.after, where);
}

const contentDir = resolve(values.content);
if (!existsSync(join(contentDir, EDIT.slug))) throw new EditError(`${contentDir} has no article "${EDIT.slug}"`);
const copy = `${EDIT.slug}-copy`;
const workDir = mkdtempSync(join(tmpdir(), "edited-library-"));
try {
  cpSync(contentDir, workDir, { recursive: true, preserveTimestamps: true });
  const folder = join(workDir, EDIT.slug);
  const articleFile = join(folder, "article.md");
  let dropped: Dropped | undefined;
  rewrite(articleFile, (markdown) => {
    const edited = dropSection(`content/${EDIT.slug}/article.md`, markdown, EDIT.drop);
    dropped = edited.dropped;
    return replaceOnce(edited.markdown, EDIT.reword.before, EDIT.reword.after, `content/${EDIT.slug}/article.md`);
  });
  if (!dropped) throw new Error("unreachable: the section was dropped");
  const droppedIds = new Set(dropped.ids);
  for (const name of readdirSync(folder).filter((file) => file.endsWith(".yaml"))) {
    rewrite(join(folder, name), (yaml) => editFacts(yaml, droppedIds));
  }
  // The copy is of the edited article, under another slug.
  cpSync(folder, join(workDir, copy), { recursive: true, preserveTimestamps: true });
  rewrite(join(workDir, copy, "article.md"), (text) =>
    replaceOnce(text, `\nslug: ${EDIT.slug}\n`, `\nslug: ${copy}\n`, `the copy's article.md`),
  );
  const compile = ["--content", workDir, "--out", values.out, "--out-dir", values["out-dir"]];
  execFileSync("tsx", ["scripts/content/compile.ts", ...compile], { stdio: "inherit" });

  // The publisher's text of every article that has one, edited as its article was.
  const publisherDir = resolve(values.publisher);
  const sources: Record<string, string> = {};
  for (const slug of readdirSync(workDir).sort()) {
    const original = slug === copy ? EDIT.slug : slug;
    const file = join(publisherDir, `${original}.txt`);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    sources[slug] = original === EDIT.slug ? editPublisherText(text, dropped, file) : text;
  }
  const record = {
    slug: EDIT.slug,
    copy,
    dropped: { id: dropped.id, title: dropped.title, ids: dropped.ids },
    reworded: EDIT.reword,
  };
  mkdirSync(dirname(resolve(values["edit-module"])), { recursive: true });
  writeFileSync(
    values["edit-module"],
    [
      "// Generated by scripts/content/edited-library.ts: what the `library` test project's build edited. Do not edit.",
      "// It stands in for test/support/library-edit.ts in that project (vitest.config.ts).",
      "",
      `export const LIBRARY_EDIT = ${JSON.stringify(record, null, 2)};`,
      "",
      `export const PUBLISHER_SOURCES = ${JSON.stringify(sources, null, 2)};`,
      "",
    ].join("\n"),
  );
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
