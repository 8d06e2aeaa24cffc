/**
 * Compiles `content/` (one folder per article: `article.md`, `facts.yaml`
 * and, optionally, `codes.yaml`) into the library the Worker imports,
 * validating everything on the way.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import * as z from "zod/mini";
import {
  articleMetadata,
  type CompiledArticle,
  type CompiledEntry,
  CompiledLibrary,
  Facts,
  type FaqEntry,
  FrontMatter,
  type Section,
} from "../../src/content/model";
import { type DraftSection, parseArticle } from "./article-parser";
import { CODES_FILE, readCodeMappings } from "./code-mappings";
import { ContentError, ContentErrors } from "./content-error";
import { checkFacts } from "./facts-checker";
import { contentHash } from "./hash";
import { revisionTime } from "./revision";
import { YamlSource } from "./yaml-source";

// English messages for schema errors at build time (zod/mini ships none by default).
z.config(z.locales.en());

const ARTICLE_FILE = "article.md";
const FACTS_FILE = "facts.yaml";

/**
 * Compiles every article folder under `contentDir`. File names in errors are
 * relative to `cwd`. Throws ContentErrors listing every problem found.
 */
export function compileLibrary(contentDir: string, cwd = process.cwd()): CompiledLibrary {
  const errors: ContentError[] = [];
  const entries: CompiledEntry[] = [];
  const folders = readdirSync(contentDir)
    .filter((name) => statSync(join(contentDir, name)).isDirectory())
    .sort();
  for (const folder of folders) {
    const entry = compileEntry(join(contentDir, folder), folder, cwd, errors);
    if (entry) entries.push(entry);
  }
  if (folders.length === 0) {
    errors.push(new ContentError(relative(cwd, contentDir) || ".", 1, "no article folders found"));
  }
  if (errors.length > 0) throw new ContentErrors(errors);

  // The compiled library must itself satisfy the model the Worker relies on:
  // a partial or corrupted build never reaches the bundle.
  const checked = CompiledLibrary.safeParse({ entries });
  if (!checked.success) {
    throw new ContentErrors([
      new ContentError(relative(cwd, contentDir), 1, `compiled library is invalid: ${z.prettifyError(checked.error)}`),
    ]);
  }
  return checked.data;
}

function compileEntry(folder: string, name: string, cwd: string, errors: ContentError[]): CompiledEntry | undefined {
  const articleFile = relative(cwd, join(folder, ARTICLE_FILE));
  const factsFile = relative(cwd, join(folder, FACTS_FILE));
  const articleText = readText(join(folder, ARTICLE_FILE), articleFile, errors);
  const factsText = readText(join(folder, FACTS_FILE), factsFile, errors);
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

  let factsSource: YamlSource;
  try {
    factsSource = YamlSource.parse(factsFile, factsText);
  } catch (error) {
    if (error instanceof ContentError) errors.push(error);
    else throw error;
    return undefined;
  }
  const facts = factsSource.validate(Facts);
  if ("errors" in facts) {
    errors.push(...facts.errors);
    return undefined;
  }
  const factErrors = checkFacts(facts.data, factsSource, drafts);
  errors.push(...factErrors);
  const mappingErrors: ContentError[] = [];
  const codeMappings = readCodeMappings(
    join(folder, CODES_FILE),
    relative(cwd, join(folder, CODES_FILE)),
    mappingErrors,
  );
  errors.push(...mappingErrors);

  const sections = drafts.map(finishSection);
  const faq = meta.faqSection ? faqEntries(meta.faqSection, sections, frontMatterSource, errors) : [];
  if (parsed.errors.length > 0 || factErrors.length > 0 || mappingErrors.length > 0) return undefined;

  const withoutHash = {
    ...articleMetadata(meta),
    updatedAt: revisionTime(folder).toISOString(),
    codeMappings,
    sections,
    faq,
  };
  const { updatedAt: _revision, ...hashed } = withoutHash;
  const article: CompiledArticle = { ...withoutHash, hash: contentHash({ ...hashed, facts: facts.data }) };
  return { article, facts: facts.data };
}

/** Adds content hashes bottom-up: a change anywhere in a section changes its hash. */
function finishSection(draft: DraftSection): Section {
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

function readText(path: string, file: string, errors: ContentError[]): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    errors.push(new ContentError(file, 1, "file is missing"));
    return undefined;
  }
}
