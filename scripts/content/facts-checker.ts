/**
 * Checks that structured facts stand on the article: every `section` exists,
 * every quote appears word for word in that section and is whole sentences or
 * list items of it (never a clause cut out of one), ids are unique and
 * cross-references resolve. Schema shape is checked before this, by zod.
 */
import type { Facts, ListItem } from "../../src/content/model";
import { blockSentences, cutSentences, sentencesOf } from "../../src/content/publisher-text";
import { type DraftSection, normaliseSpace, walk } from "./article-parser";
import type { ContentError } from "./content-error";
import type { Path, YamlSource } from "./yaml-source";

export function checkFacts(facts: Facts, source: YamlSource, sections: DraftSection[]): ContentError[] {
  const texts = sectionTexts(sections);
  return [
    ...checkSourcedFacts(facts, source, texts, sectionSentences(sections)),
    ...checkUniqueIds(facts, source),
    ...checkCareAdviceReferences(facts, source),
    ...checkSectionAspects(facts, source, texts),
    ...checkExerciseReferences(facts, source),
  ];
}

/** Any object with a `section` is a sourced fact: the section must exist and its quotes must be in it. */
function checkSourcedFacts(
  facts: Facts,
  source: YamlSource,
  texts: Map<string, string>,
  sentences: Map<string, Set<string>>,
): ContentError[] {
  const errors: ContentError[] = [];
  const checkFact = (fact: Record<string, unknown>, sectionId: string, path: Path) => {
    if (!texts.has(sectionId)) {
      const label = typeof fact.id === "string" ? `fact "${fact.id}"` : `fact at ${path.join(".")}`;
      errors.push(source.error([...path, "section"], `${label} points at missing section "${sectionId}"`));
      return;
    }
    for (const [quote, at] of quotesOf(fact, path)) {
      const problem = quoteProblem(quote, sectionId, texts.get(sectionId), sentences.get(sectionId));
      if (problem !== undefined) errors.push(source.error(at, problem));
    }
  };
  const visit = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...path, index]);
      return;
    }
    if (!isRecord(value)) return;
    if (typeof value.section === "string") checkFact(value, value.section, path);
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === "object" && child !== null) visit(child, [...path, key]);
    }
  };
  visit(facts, []);
  return errors;
}

/** A sourced fact's quotes, each with its path: `quote`, `steps`, and each `when` condition's text and `includes`. */
function* quotesOf(fact: Record<string, unknown>, path: Path): Generator<[string, Path]> {
  if (typeof fact.quote === "string") yield [fact.quote, [...path, "quote"]];
  for (const [index, step] of stringsOf(fact.steps)) yield [step, [...path, "steps", index]];
  if (!Array.isArray(fact.when)) return;
  for (const [index, condition] of fact.when.entries()) {
    if (!isRecord(condition)) continue;
    const at = [...path, "when", index];
    if (typeof condition.text === "string") yield [condition.text, [...at, "text"]];
    for (const [i, item] of stringsOf(condition.includes)) yield [item, [...at, "includes", i]];
  }
}

/** What is wrong with `quote` of section `sectionId` (its text and whole sentences), if anything. */
function quoteProblem(
  quote: string,
  sectionId: string,
  text: string | undefined,
  sentences: Set<string> | undefined,
): string | undefined {
  if (text === undefined) return undefined;
  if (!text.includes(normaliseSpace(quote))) return `quote not found in section "${sectionId}": "${abbreviate(quote)}"`;
  const [cut] = cutSentences(quote, sentences ?? new Set());
  return cut === undefined
    ? undefined
    : `quote cuts a sentence or list item of section "${sectionId}": "${abbreviate(cut)}"`;
}

/** Ids must be unique within each list of facts. */
function checkUniqueIds(facts: Facts, source: YamlSource): ContentError[] {
  const errors: ContentError[] = [];
  const visit = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) {
      const seen = new Map<string, number>();
      value.forEach((item, index) => {
        if (isRecord(item) && typeof item.id === "string") {
          const first = seen.get(item.id);
          if (first !== undefined) {
            errors.push(source.error([...path, index, "id"], `duplicate id "${item.id}" (also at index ${first})`));
          } else seen.set(item.id, index);
        }
        visit(item, [...path, index]);
      });
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
    }
  };
  visit(facts, []);
  return errors;
}

/** Any fact may lead to care advice (a qualifier); each such id must name one. */
function checkCareAdviceReferences(facts: Facts, source: YamlSource): ContentError[] {
  const errors: ContentError[] = [];
  const careAdviceIds = new Set(facts.careAdvice.map((advice) => advice.id));
  const visit = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...path, index]);
    } else if (isRecord(value)) {
      if (typeof value.careAdvice === "string" && !careAdviceIds.has(value.careAdvice)) {
        errors.push(source.error([...path, "careAdvice"], `unknown care advice "${value.careAdvice}"`));
      }
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
    }
  };
  visit(facts, []);
  return errors;
}

/** Each section named in `sectionAspects` must exist. */
function checkSectionAspects(facts: Facts, source: YamlSource, texts: Map<string, string>): ContentError[] {
  return Object.keys(facts.sectionAspects)
    .filter((sectionId) => !texts.has(sectionId))
    .map((sectionId) =>
      source.error(["sectionAspects", sectionId], `sectionAspects names missing section "${sectionId}"`, true),
    );
}

/** Treatments and the exercise plan name exercises; each must be one of `exercises`. */
function checkExerciseReferences(facts: Facts, source: YamlSource): ContentError[] {
  const errors: ContentError[] = [];
  const exerciseIds = new Set(facts.exercises.map((exercise) => exercise.id));
  const reference = (id: string, path: Path) => {
    if (!exerciseIds.has(id)) errors.push(source.error(path, `unknown exercise "${id}"`));
  };
  facts.treatments.forEach((treatment, index) => {
    treatment.exercises?.forEach((id, i) => {
      reference(id, ["treatments", index, "exercises", i]);
    });
  });
  facts.exercisePlan?.exercises.forEach((id, index) => {
    reference(id, ["exercisePlan", "exercises", index]);
  });
  return errors;
}

/** Each section's own text (title, paragraphs, list items, captions), whitespace normalised. */
function sectionTexts(sections: DraftSection[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const section of walk(sections)) {
    const parts: string[] = section.title ? [section.title] : [];
    const addItems = (items: ListItem[]) => {
      for (const item of items) {
        parts.push(item.text);
        addItems(item.items);
      }
    };
    for (const block of section.blocks) {
      if (block.type === "paragraph") parts.push(block.text);
      else if (block.type === "figure") parts.push(block.caption);
      else addItems(block.items);
    }
    texts.set(section.id, parts.join("\n"));
  }
  return texts;
}

/** Each section's whole sentences (of its title, paragraphs, list items and captions). */
function sectionSentences(sections: DraftSection[]): Map<string, Set<string>> {
  const sentences = new Map<string, Set<string>>();
  for (const section of walk(sections)) {
    sentences.set(section.id, new Set([...sentencesOf(section.title ?? ""), ...blockSentences(section.blocks)]));
  }
  return sentences;
}

function* stringsOf(value: unknown): Generator<[number, string]> {
  if (!Array.isArray(value)) return;
  for (const [index, item] of value.entries()) if (typeof item === "string") yield [index, item];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function abbreviate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
