/**
 * The sections of an article as its headings nest them: a heading opens a
 * section under the nearest open section a level up, and each block goes
 * into the section open when it is met. Text before the first heading is the
 * untitled introduction.
 */
import type { Block } from "../../src/content/model";
import { ContentError } from "./content-error";

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

/** Id of the untitled text before the first heading. */
export const INTRODUCTION_ID = "introduction";

/** Every section in document order, depth first. */
export function* walk(sections: DraftSection[]): Generator<DraftSection> {
  for (const section of sections) {
    yield section;
    yield* walk(section.sections);
  }
}

/** The sections of one article, built heading by heading and block by block in document order. */
export class SectionOutline {
  private readonly introduction: DraftSection;
  private readonly topLevel: DraftSection[] = [];
  /** Each section's id and the line of its heading. */
  private readonly lines = new Map<string, number>();
  /** The open sections from the top level down to the current one. */
  private readonly openSections: DraftSection[] = [];

  /** `firstLine`: where the article's body, and so the introduction, starts. */
  constructor(firstLine: number) {
    this.introduction = {
      id: INTRODUCTION_ID,
      title: null,
      level: 2,
      parentId: null,
      line: firstLine,
      blocks: [],
      sections: [],
    };
  }

  /** The open section a heading of `level` goes under; none for a top-level one. */
  parentOf(level: number): DraftSection | undefined {
    return this.openSections.filter((section) => section.level < level).at(-1);
  }

  /** The line of the heading that already uses `id`, if one does. */
  lineOf(id: string): number | undefined {
    return this.lines.get(id);
  }

  /** Adds `section` under its parent (parentOf its level) and makes it the current section. */
  open(section: DraftSection): void {
    const parent = this.parentOf(section.level);
    this.lines.set(section.id, section.line);
    (parent ? parent.sections : this.topLevel).push(section);
    const depth = parent ? this.openSections.indexOf(parent) + 1 : 0;
    this.openSections.splice(depth, this.openSections.length - depth, section);
  }

  /** Adds `block` to the current section, or to the introduction before the first heading. */
  add(block: Block): void {
    (this.openSections.at(-1) ?? this.introduction).blocks.push(block);
  }

  /** The finished sections: the introduction first when there is text before the first heading. */
  sections(): DraftSection[] {
    return this.introduction.blocks.length > 0 ? [this.introduction, ...this.topLevel] : this.topLevel;
  }

  /** What only the whole outline shows: a heading using the introduction's id while it has text, and empty sections. */
  problems(file: string): ContentError[] {
    const errors: ContentError[] = [];
    const introductionLine = this.lines.get(INTRODUCTION_ID);
    if (introductionLine !== undefined && this.introduction.blocks.length > 0) {
      errors.push(
        new ContentError(
          file,
          introductionLine,
          `section id "${INTRODUCTION_ID}" is reserved for the text before the first heading`,
        ),
      );
    }
    for (const section of walk(this.topLevel)) {
      if (section.blocks.length === 0 && section.sections.length === 0) {
        errors.push(new ContentError(file, section.line, `empty text: section "${section.id}" has no content`));
      }
    }
    return errors;
  }
}
