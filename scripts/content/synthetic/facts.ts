/**
 * The facts and code mappings of a synthetic article (article.ts): facts
 * quoting its own sentences and list items, as real facts do, so the
 * compiler checks them as it checks real content; and the section of urgent
 * care advice that its symptom and care advice stand on. Every call takes
 * from the article's random stream in a fixed order, so an article is the
 * same bytes every time.
 */
import { stringify } from "yaml";
import { markersIn } from "../../../src/content/claims/modality-rule";
import type { Modality } from "../../../src/content/model";
import { slugOf } from "../../../src/content/slug";
import type { Random } from "./random";

/** A sentence or list item of the article that a fact may quote, with its section and modality. */
export interface Quote {
  section: string;
  quote: string;
  modality: Modality;
}

/** The closing section: when to get urgent help, a lead-in sentence and a list of conditions. */
export interface UrgentSection {
  id: string;
  quote: string;
  when: string[];
  markdown: string;
}

/**
 * The modality of a sentence that states a relation plainly: possible when it
 * hedges, affirmed when not; undefined when it has a condition, a negation or
 * a past tense, which a synthetic fact has no label or scope to declare.
 */
export function plainModality(stated: string[]): Modality | undefined {
  const kinds = new Set(stated.flatMap((text) => [...markersIn(text).values()]));
  if (kinds.has("condition") || kinds.has("negation") || kinds.has("past tense")) return undefined;
  return kinds.has("hedge") ? "possible" : "affirmed";
}

export function urgentSection(topic: string, random: Random): UrgentSection {
  const heading = `When to get urgent help with ${topic.toLowerCase()}`;
  const quote = "You should call the synthetic test desk urgently if:";
  const when = [
    `Your ${topic.toLowerCase()} lasts longer than ${random.int(5, 30)} minutes`,
    `Your ${topic.toLowerCase()} comes back within ${random.int(2, 9)} days`,
  ];
  const markdown = [`## ${heading}`, "", quote, "", ...when.map((item) => `- ${item}`)].join("\n");
  return { id: slugOf(heading), quote, when, markdown };
}

/** `facts.yaml`: the condition, a symptom and care advice of the urgent section, and facts drawn from `quotes`. */
export function factsFile(
  topic: string,
  opening: string,
  urgent: UrgentSection,
  quotes: Quote[],
  random: Random,
): string {
  const pool = random.shuffle(quotes);
  const facts = {
    condition: { name: topic, section: "introduction", quote: opening },
    sectionAspects: { introduction: ["overview"], [urgent.id]: ["see-doctor"] },
    symptoms: [
      {
        id: "lasting-symptom",
        name: `Lasting ${topic.toLowerCase()}`,
        modality: "affirmed",
        notModal: { if: "The list says when to call the test desk; the symptom is what its item names." },
        section: urgent.id,
        quote: urgent.when[0],
      },
    ],
    ...quotedFacts(pool, random),
    careAdvice: [
      {
        id: "urgent-test-desk",
        urgency: "urgent",
        action: "Call the synthetic test desk urgently",
        modality: "affirmed",
        section: urgent.id,
        quote: urgent.quote,
        when: urgent.when.map((text) => ({ text })),
      },
    ],
  };
  return `# Synthetic test content: not medical information.\n${stringify(facts, { lineWidth: 0 })}`;
}

/** Causes, risk factors, treatments, prevention and epidemiology, each taking a few quotes off `pool`. */
function quotedFacts(pool: Quote[], random: Random) {
  return {
    causes: labelled(pool.splice(0, random.int(2, 8)), "cause").map((fact) => ({
      ...fact,
      // Not "theory": a theory stands on the publisher's sentence saying so, which synthetic text has not.
      kind: random.pick(["lifestyle", "condition"]),
    })),
    riskFactors: labelled(pool.splice(0, random.int(2, 8)), "risk-factor"),
    treatments: labelled(pool.splice(0, random.int(1, 6)), "treatment").map((fact) => ({
      ...fact,
      kind: random.pick(["self-care", "medical", "medication"]),
    })),
    prevention: labelled(pool.splice(0, random.int(1, 6)), "prevention"),
    epidemiology: labelled(pool.splice(0, random.int(0, 4)), "statement").map(
      ({ name: _, modality: __, ...statement }) => statement,
    ),
  };
}

/** Facts with ids and labels (a label is this service's short name: here the quote's first words). */
function labelled(quotes: Quote[], kind: string) {
  return quotes.map(({ section, quote, modality }, n) => ({
    id: `${kind}-${n + 1}`,
    modality,
    name: quote
      .split(" ")
      .slice(0, 4)
      .join(" ")
      .replace(/[,.:;]+$/, ""),
    section,
    quote,
  }));
}

/** `codes.yaml`: one made-up mapping to a real ICD-10-CM code. */
export function codesFile(random: Random): string {
  const code = random.pick([
    { code: "R25.2", display: "Cramp and spasm" },
    { code: "G47.62", display: "Sleep related leg cramps" },
  ]);
  const mappings = [
    {
      system: "ICD-10-CM",
      ...code,
      release: "ICD-10-CM 2021",
      mappedBy: "Synthetic Content Generator",
      rationale: "A synthetic mapping for tests and benchmarks, not a clinical mapping.",
      relationship: "related-to",
      source: { title: "Synthetic test content", url: "https://synthetic.invalid/codes" },
    },
  ];
  return `# Synthetic test content: not clinical code mappings.\n${stringify({ mappings }, { lineWidth: 0 })}`;
}
