/**
 * One synthetic article: a made-up condition (invented words, so it can never
 * be taken for a real one) written with the real article's sentences and
 * sections, its name put where the real condition's was, plus sections of
 * its own. Every title, description and disclaimer says it is synthetic test
 * content. Its facts quote its own sentences and list items as real facts
 * do (the condition, causes, risk factors, treatments, prevention, a
 * symptom, urgent care advice), so the compiler checks them as it checks
 * real content and every representation has something to show. Article
 * `index` depends only on the seed and the index.
 */
import { stringify } from "yaml";
import { markersIn } from "../../../src/content/claims/modality-rule";
import type { Modality } from "../../../src/content/model";
import { slugOf } from "../../../src/content/slug";
import { Random } from "./random";
import type { SourceText } from "./source-text";

export interface SyntheticArticle {
  slug: string;
  /** File name (`article.md`, `facts.yaml`, `codes.yaml`) to contents. */
  files: Record<string, string>;
  /** The files' modification time: the build reads it as `updatedAt` outside git. */
  modified: Date;
}

/** Syllables of the invented words: no real condition or medicine is named. */
const SYLLABLES = ["vel", "mar", "quo", "rix", "tan", "bel", "dor", "sen", "lum", "ka", "pho", "zir", "nel", "ost"];
const NOUNS = ["drift", "flare", "knot", "twinge", "stiffness", "tingle", "ache", "fog", "chill", "throb", "strain"];
const SECTION_HEADINGS = [
  "Living with {topic}",
  "Notes on {word} and {topic}",
  "What {word} means for {topic}",
  "{Invented} and {word}",
  "Questions about {word}",
  "Research on {topic} and {word}",
];
/** Newest `updatedAt` of the library; articles spread over the year before it. */
const NEWEST = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;
export const SYNTHETIC_NOTICE =
  "This article is synthetic test content, generated from word lists for benchmarks and tests; it is not medical information.";

export function syntheticArticle(index: number, seed: string, source: SourceText): SyntheticArticle {
  const random = new Random(`${seed}:${index}`);
  const invented = () => {
    const syllables = [random.pick(SYLLABLES)];
    while (syllables.length < 3 && (syllables.length < 2 || random.chance(0.4))) {
      const next = random.pick(SYLLABLES);
      if (next !== syllables.at(-1)) syllables.push(next);
    }
    return capitalise(syllables.join(""));
  };
  const topic = `${invented()} ${random.pick(NOUNS)}`;
  const medicine = invented().toLowerCase();
  const number = String(index + 1).padStart(5, "0");
  const slug = `synthetic-${number}-${slugOf(topic)}`;
  const substitute = (text: string) =>
    text
      .replace(/\bLeg cramps?\b/g, topic)
      .replace(/\bleg cramps?\b/gi, topic.toLowerCase())
      .replace(/\bQuinine\b/g, capitalise(medicine))
      .replace(/\bquinine\b/gi, medicine);
  const sentences = (count: number) => Array.from({ length: count }, () => substitute(random.pick(source.sentences)));

  const opening = `${topic} is an invented condition: ${SYNTHETIC_NOTICE.replace(/^This article/, "this article")}`;
  const ids = new Set(["introduction"]);
  const sections: string[] = [];
  const quotes: Quote[] = [];
  let faqSection: string | undefined;
  for (const section of random.shuffle(source.sections)) {
    if (!random.chance(0.75)) continue;
    const text = substitute(section.markdown);
    const id = slugOf(headingOf(text));
    if (text.includes("FAQ")) faqSection = id;
    sections.push(text);
    ids.add(id);
    for (const { heading, quote, leadIns } of section.quotables) {
      const modality = plainModality([quote, ...leadIns]);
      if (modality) quotes.push({ section: slugOf(substitute(heading)), quote: substitute(quote), modality });
    }
  }
  for (let n = random.int(1, 3); n > 0; n--) {
    const heading = random
      .pick(SECTION_HEADINGS)
      .replace("{topic}", topic.toLowerCase())
      .replace("{word}", random.pick(source.words))
      .replace("{Invented}", invented());
    const id = slugOf(heading);
    if (ids.has(id)) continue;
    ids.add(id);
    const paragraphs = Array.from({ length: random.int(1, 3) }, () => sentences(random.int(2, 5)).join(" "));
    const items = random.chance(0.5) ? sentences(random.int(2, 4)) : [];
    for (const quote of items) {
      const modality = plainModality([quote]);
      if (modality) quotes.push({ section: id, quote, modality });
    }
    const list = items.length > 0 ? ["", ...items.map((item) => `- ${item}`)] : [];
    sections.splice(
      random.int(0, sections.length),
      0,
      [`## ${heading}`, "", paragraphs.join("\n\n"), ...list].join("\n"),
    );
  }
  const urgent = urgentSection(topic, random);
  sections.push(urgent.markdown);

  const frontMatter = {
    slug,
    title: `${topic} (synthetic test article ${index + 1})`,
    description: opening,
    language: "en-GB",
    dates: random.chance(0.5) ? { published: isoDate(NEWEST - random.next() * 5 * YEAR_MS) } : {},
    authors: [{ type: "organization", name: "Synthetic Content Generator", about: [SYNTHETIC_NOTICE] }],
    publisher: { name: "Synthetic Test Library" },
    attribution: `${topic}, generated by the synthetic content generator for tests.`,
    disclaimer: [SYNTHETIC_NOTICE],
    // Publisher codes of a made-up system, shared by a hundredth of the library, for code lookups at scale.
    codes: [{ system: "SYNTHETIC", code: `SYN-${String(index % 100).padStart(3, "0")}` }],
    ...(faqSection ? { faqSection } : {}),
  };
  const article = [
    "---",
    "# Synthetic test content from scripts/content/synthetic.ts: not medical information.",
    stringify(frontMatter, { lineWidth: 0 }).trim(),
    "---",
    "",
    [opening, ...sentences(random.int(1, 3))].join(" "),
    "",
    sections.join("\n\n"),
    "",
  ].join("\n");

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
  const files: Record<string, string> = {
    "article.md": article,
    "facts.yaml": `# Synthetic test content: not medical information.\n${stringify(facts, { lineWidth: 0 })}`,
  };
  // A tenth of the library is mapped to clinical codes, for Infobutton and CDS Hooks at scale.
  if (index % 10 === 0) files["codes.yaml"] = codesFile(random);
  return { slug, files, modified: new Date(Math.floor((NEWEST - random.next() * YEAR_MS) / 1000) * 1000) };
}

interface Quote {
  section: string;
  quote: string;
  modality: Modality;
}

/**
 * The modality of a sentence that states a relation plainly: possible when it
 * hedges, affirmed when not; undefined when it has a condition, a negation or
 * a past tense, which a synthetic fact has no label or scope to declare.
 */
function plainModality(stated: string[]): Modality | undefined {
  const kinds = new Set(stated.flatMap((text) => [...markersIn(text).values()]));
  if (kinds.has("condition") || kinds.has("negation") || kinds.has("past tense")) return undefined;
  return kinds.has("hedge") ? "possible" : "affirmed";
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

function urgentSection(topic: string, random: Random) {
  const heading = `When to get urgent help with ${topic.toLowerCase()}`;
  const quote = "You should call the synthetic test desk urgently if:";
  const when = [
    `Your ${topic.toLowerCase()} lasts longer than ${random.int(5, 30)} minutes`,
    `Your ${topic.toLowerCase()} comes back within ${random.int(2, 9)} days`,
  ];
  const markdown = [`## ${heading}`, "", quote, "", ...when.map((item) => `- ${item}`)].join("\n");
  return { id: slugOf(heading), quote, when, markdown };
}

function codesFile(random: Random): string {
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

function headingOf(markdown: string): string {
  return (markdown.split("\n")[0] ?? "").replace(/^#+\s*/, "");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
