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
  const errors: ContentError[] = [];
  const texts = sectionTexts(sections);
  const sentences = sectionSentences(sections);

  const checkQuote = (quote: string, sectionId: string, path: Path) => {
    const text = texts.get(sectionId);
    if (text === undefined) return;
    if (!text.includes(normaliseSpace(quote))) {
      errors.push(source.error(path, `quote not found in section "${sectionId}": "${abbreviate(quote)}"`));
      return;
    }
    const [cut] = cutSentences(quote, sentences.get(sectionId) ?? new Set());
    if (cut !== undefined) {
      errors.push(
        source.error(path, `quote cuts a sentence or list item of section "${sectionId}": "${abbreviate(cut)}"`),
      );
    }
  };

  // Any object with a `section` is a sourced fact; its quotes must be in that section.
  const visit = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...path, index]);
      return;
    }
    if (!isRecord(value)) return;
    const sectionId = value.section;
    if (typeof sectionId === "string") {
      const label = typeof value.id === "string" ? `fact "${value.id}"` : `fact at ${path.join(".")}`;
      if (!texts.has(sectionId)) {
        errors.push(source.error([...path, "section"], `${label} points at missing section "${sectionId}"`));
      } else {
        if (typeof value.quote === "string") checkQuote(value.quote, sectionId, [...path, "quote"]);
        for (const [index, step] of stringsOf(value.steps)) checkQuote(step, sectionId, [...path, "steps", index]);
        if (Array.isArray(value.when)) {
          value.when.forEach((condition: unknown, index) => {
            if (!isRecord(condition)) return;
            const at = [...path, "when", index];
            if (typeof condition.text === "string") checkQuote(condition.text, sectionId, [...at, "text"]);
            for (const [i, item] of stringsOf(condition.includes)) checkQuote(item, sectionId, [...at, "includes", i]);
          });
        }
      }
    }
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === "object" && child !== null) visit(child, [...path, key]);
    }
  };
  visit(facts, []);

  // Ids must be unique within each list of facts.
  const visitLists = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) {
      const seen = new Map<string, number>();
      value.forEach((item, index) => {
        if (isRecord(item) && typeof item.id === "string") {
          const first = seen.get(item.id);
          if (first !== undefined) {
            errors.push(source.error([...path, index, "id"], `duplicate id "${item.id}" (also at index ${first})`));
          } else seen.set(item.id, index);
        }
        visitLists(item, [...path, index]);
      });
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) visitLists(child, [...path, key]);
    }
  };
  visitLists(facts, []);

  // References between facts.
  const exerciseIds = new Set(facts.exercises.map((exercise) => exercise.id));
  const careAdviceIds = new Set(facts.careAdvice.map((advice) => advice.id));
  const reference = (ids: Set<string>, kind: string, id: string, path: Path) => {
    if (!ids.has(id)) errors.push(source.error(path, `unknown ${kind} "${id}"`));
  };
  // Any fact may lead to care advice (a qualifier); each such id must name one.
  const visitCareAdvice = (value: unknown, path: Path): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visitCareAdvice(item, [...path, index]);
    } else if (isRecord(value)) {
      if (typeof value.careAdvice === "string") {
        reference(careAdviceIds, "care advice", value.careAdvice, [...path, "careAdvice"]);
      }
      for (const [key, child] of Object.entries(value)) visitCareAdvice(child, [...path, key]);
    }
  };
  visitCareAdvice(facts, []);
  for (const sectionId of Object.keys(facts.sectionAspects)) {
    if (!texts.has(sectionId)) {
      errors.push(
        source.error(["sectionAspects", sectionId], `sectionAspects names missing section "${sectionId}"`, true),
      );
    }
  }
  facts.treatments.forEach((treatment, index) => {
    treatment.exercises?.forEach((id, i) => {
      reference(exerciseIds, "exercise", id, ["treatments", index, "exercises", i]);
    });
  });
  facts.exercisePlan?.exercises.forEach((id, index) => {
    reference(exerciseIds, "exercise", id, ["exercisePlan", "exercises", index]);
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
