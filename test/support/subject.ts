/**
 * The article the real-content suites examine closely, and sections of it
 * chosen by their shape. What a test expects of it is read from it, as the
 * Worker reads it (its metadata, sections, FAQ and facts), never pinned: an
 * editor who corrects the article needs no test change. The `library` project
 * shows this, serving the real article edited (test/support/library-edit.ts);
 * exact values are pinned on made-up articles in the `fixtures` project
 * (test/fixtures-worker).
 */
import type { LocatedSection } from "../../src/content/library";
import type { Section } from "../../src/content/model";
import { loadArticles } from "./articles";
import { SLUGS } from "./library";
import { ORIGIN } from "./worker";

const LOADED = await loadArticles();
const loaded = LOADED.get(SLUGS[0] ?? "");
if (!loaded) throw new Error("the library is empty");

const { article, facts } = loaded.entry;
const sections = loaded.sections();

/** Whether `section` is `other` or inside it. */
export function within(section: LocatedSection, other: LocatedSection): boolean {
  return section.path.includes(other.section.id);
}

/** The library's first article in the API's order (newest change first), whole. */
export const SUBJECT = {
  slug: article.slug,
  title: article.title,
  /** The compiled article and its facts, as the Worker serves them. */
  article,
  facts,
  /** Its page: the canonical URL, and the base of its JSON-LD `@id`s. */
  page: `${ORIGIN}/articles/${article.slug}`,
  /** Its path in the JSON API. */
  path: `/v1/articles/${article.slug}`,
  /** Every section at any depth, in document order, with the ids from the top level down to it. */
  sections,
  section(id: string): LocatedSection {
    const found = loaded.section(id);
    if (!found) throw new Error(`${article.slug} has no section "${id}"`);
    return found;
  },
};

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${article.slug} has no ${what}: the suites need one`);
  return value;
}

const depth = Math.max(...sections.map((located) => located.path.length));
/** The first of the article's deepest sections: inside at least one other. */
export const DEEPEST = required(
  sections.find((located) => located.path.length === depth && depth > 1),
  "nested section",
);

/** The section DEEPEST is in, at the top level. */
export const DEEPEST_TOP = SUBJECT.section(DEEPEST.path[0] ?? "");

/** The sections beside DEEPEST (its parent's subsections, none with subsections), in document order, itself among them. */
export const SIBLINGS: Section[] = SUBJECT.section(DEEPEST.path.at(-2) ?? "").section.sections;

/** The section whose subsections are the FAQ's questions, if the article has a FAQ. */
export const FAQ_SECTION = sections.find((located) =>
  located.section.sections.some((child) => article.faq.some((entry) => entry.id === child.id)),
);

/** Whether a section is the FAQ's or inside it. */
export const inFaq = (located: LocatedSection) => FAQ_SECTION !== undefined && within(located, FAQ_SECTION);

/** The last section outside the FAQ that neither holds DEEPEST nor is inside it: after it in document order. */
export const LATER = required(
  [...sections].reverse().find((located) => !inFaq(located) && !within(DEEPEST, located) && !within(located, DEEPEST)),
  "section apart from its deepest one",
);

/** A question of the FAQ, as a section: the last. */
export const QUESTION = FAQ_SECTION && SUBJECT.section(FAQ_SECTION.section.sections.at(-1)?.id ?? "");
