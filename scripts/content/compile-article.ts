/**
 * Compiles one article folder (`article.md`, `facts.yaml` and, optionally,
 * `codes.yaml`), validating everything on the way. It reads nothing outside
 * the folder, so its result depends only on those files and the compiler:
 * what lets the incremental build (build-library.ts) cache it by their hash.
 * `updatedAt` comes from git, not the files, so it is left as UNDATED here
 * and filled in by `dated`.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import * as z from "zod/mini";
import {
  articleMetadata,
  type CompiledArticle,
  CompiledEntry,
  Facts,
  type FaqEntry,
  FrontMatter,
  type Section,
} from "../../src/content/model";
import { type DraftSection, parseArticle } from "./article-parser";
import { checkClaims } from "./claims-checker";
import { CODES_FILE, readCodeMappings } from "./code-mappings";
import { ContentError } from "./content-error";
import { checkFacts } from "./facts-checker";
import { contentHash } from "./hash";
import { YamlSource } from "./yaml-source";

// English messages for schema errors at build time (zod/mini ships none by default).
z.config(z.locales.en());

export const ARTICLE_FILE = "article.md";
export const FACTS_FILE = "facts.yaml";
/** Every file an article folder may have; only these are read. */
export const ARTICLE_FILES = [ARTICLE_FILE, FACTS_FILE, CODES_FILE] as const;

/** The `updatedAt` of an article before the build dates it: a valid time no real revision has. */
export const UNDATED = new Date(0).toISOString();

/** The bytes of each file of an article folder; undefined when it cannot be read (or, for codes.yaml, is absent). */
export type ArticleBytes = Record<(typeof ARTICLE_FILES)[number], Buffer | undefined>;
/** The same files as text. */
export type ArticleFiles = Record<(typeof ARTICLE_FILES)[number], string | undefined>;

export function readArticleBytes(folder: string): ArticleBytes {
  const read = (name: string) => {
    try {
      return readFileSync(join(folder, name));
    } catch {
      return undefined;
    }
  };
  return { [ARTICLE_FILE]: read(ARTICLE_FILE), [FACTS_FILE]: read(FACTS_FILE), [CODES_FILE]: read(CODES_FILE) };
}

/** UTF-8 text of the files, as `readFileSync(path, "utf8")` gives it. */
export function articleText(bytes: ArticleBytes): ArticleFiles {
  const text = (file: Buffer | undefined) => file?.toString("utf8");
  return {
    [ARTICLE_FILE]: text(bytes[ARTICLE_FILE]),
    [FACTS_FILE]: text(bytes[FACTS_FILE]),
    [CODES_FILE]: text(bytes[CODES_FILE]),
  };
}

export function readArticleFiles(folder: string): ArticleFiles {
  return articleText(readArticleBytes(folder));
}

export interface CompiledArticleResult {
  /** Validated against the model; `updatedAt` is UNDATED. */
  entry?: CompiledEntry;
  errors: ContentError[];
}

/**
 * Compiles the folder `name` at `folder` from its `files` (read from the
 * folder unless given: the incremental build hashes and compiles the same
 * bytes). File names in errors are relative to `cwd`. An entry is returned
 * only when there are no errors.
 */
export function compileArticle(
  folder: string,
  name: string,
  cwd: string,
  files: ArticleFiles = readArticleFiles(folder),
): CompiledArticleResult {
  const errors: ContentError[] = [];
  const entry = compileEntry(folder, name, cwd, files, errors);
  if (!entry || errors.length > 0) return { errors };
  // The compiled article must itself satisfy the model the Worker relies on:
  // a partial or corrupted build never reaches the Worker.
  const checked = CompiledEntry.safeParse(entry);
  if (!checked.success) {
    const problem = `compiled article is invalid: ${z.prettifyError(checked.error)}`;
    return { errors: [new ContentError(relative(cwd, folder), 1, problem)] };
  }
  return { entry: checked.data, errors };
}

/** The entry with its revision time; every other byte is as compiled. */
export function dated(entry: CompiledEntry, updatedAt: Date): CompiledEntry {
  return { ...entry, article: { ...entry.article, updatedAt: updatedAt.toISOString() } };
}

function compileEntry(
  folder: string,
  name: string,
  cwd: string,
  files: ArticleFiles,
  errors: ContentError[],
): CompiledEntry | undefined {
  const articleFile = relative(cwd, join(folder, ARTICLE_FILE));
  const factsFile = relative(cwd, join(folder, FACTS_FILE));
  const articleText = present(files[ARTICLE_FILE], articleFile, errors);
  const factsText = present(files[FACTS_FILE], factsFile, errors);
  if (articleText === undefined || factsText === undefined) return undefined;

  const parsed = parseArticle(articleFile, articleText);
  errors.push(...parsed.errors);
  if (!parsed.article) return undefined;
  const { frontMatter: frontMatterSource, sections: drafts } = parsed.article;

  const frontMatter = frontMatterSource.validate(FrontMatter);
  if ("errors" in frontMatter) {
    errors.push(...frontMatter.errors);
    return undefined;
  }
  const meta = frontMatter.data;
  if (meta.slug !== name) {
    errors.push(frontMatterSource.error(["slug"], `slug "${meta.slug}" must match the folder name "${name}"`));
  }

  const factsSource = YamlSource.parse(factsFile, factsText, errors);
  if (!factsSource) return undefined;
  const facts = factsSource.validate(Facts);
  if ("errors" in facts) {
    errors.push(...facts.errors);
    return undefined;
  }
  const quoteErrors = checkFacts(facts.data, factsSource, drafts);
  // Relations are held to their sentences once the sentences are known to be the article's.
  const claims = quoteErrors.length === 0 ? checkClaims(facts.data, factsSource, drafts) : undefined;
  const factErrors = [...quoteErrors, ...(claims?.errors ?? [])];
  errors.push(...factErrors);
  const mappingErrors: ContentError[] = [];
  const codeMappings = readCodeMappings(files[CODES_FILE], relative(cwd, join(folder, CODES_FILE)), mappingErrors);
  errors.push(...mappingErrors);

  const sections = drafts.map(finishSection);
  const faq = meta.faqSection ? faqEntries(meta.faqSection, sections, frontMatterSource, errors) : [];
  if (!claims || parsed.errors.length > 0 || factErrors.length > 0 || mappingErrors.length > 0) return undefined;

  const withoutHash = {
    ...articleMetadata(meta),
    updatedAt: UNDATED,
    codeMappings,
    sections,
    faq,
  };
  const { updatedAt: _revision, ...hashed } = withoutHash;
  const article: CompiledArticle = { ...withoutHash, hash: contentHash({ ...hashed, facts: claims.facts }) };
  return { article, facts: claims.facts, ...(meta.withdrawn ? { withdrawn: meta.withdrawn } : {}) };
}

/** Adds content hashes bottom-up: a change anywhere in a section changes its hash. */
export function finishSection(draft: DraftSection): Section {
  const sections = draft.sections.map(finishSection);
  const hash = contentHash({
    id: draft.id,
    title: draft.title,
    blocks: draft.blocks,
    sections: sections.map((section) => section.hash),
  });
  return {
    id: draft.id,
    title: draft.title,
    level: draft.level,
    parentId: draft.parentId,
    hash,
    blocks: draft.blocks,
    sections,
  };
}

function faqEntries(id: string, sections: Section[], source: YamlSource, errors: ContentError[]): FaqEntry[] {
  const faqSection = sections.find((section) => section.id === id);
  if (!faqSection) {
    errors.push(source.error(["faqSection"], `faqSection "${id}" is not a top-level section of the article`));
    return [];
  }
  const entries: FaqEntry[] = [];
  for (const question of faqSection.sections) {
    if (question.title === null || question.blocks.length === 0 || question.sections.length > 0) {
      errors.push(
        source.error(["faqSection"], `FAQ question "${question.id}" must be a heading followed by its answer`),
      );
      continue;
    }
    entries.push({ id: question.id, question: question.title, answer: question.blocks, hash: question.hash });
  }
  if (entries.length === 0) {
    errors.push(source.error(["faqSection"], `faqSection "${id}" has no questions`));
  }
  return entries;
}

function present(text: string | undefined, file: string, errors: ContentError[]): string | undefined {
  if (text === undefined) errors.push(new ContentError(file, 1, "file is missing"));
  return text;
}
