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
import { slugOf } from "../../../src/content/slug";
import { codesFile, factsFile, plainModality, type Quote, urgentSection } from "./facts";
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
  const voice = voiceOf(random, source);
  const slug = `synthetic-${String(index + 1).padStart(5, "0")}-${slugOf(voice.topic)}`;
  const opening = `${voice.topic} is an invented condition: ${SYNTHETIC_NOTICE.replace(/^This article/, "this article")}`;
  const body = borrowedSections(voice, source);
  for (let n = random.int(1, 3); n > 0; n--) addOwnSection(voice, source.words, body);
  const urgent = urgentSection(voice.topic, random);
  body.sections.push(urgent.markdown);
  const meta = frontMatter(index, slug, voice, opening, body.faqSection);
  const lead = [opening, ...voice.sentences(random.int(1, 3))].join(" ");
  const files: Record<string, string> = {
    "article.md": articleFile(meta, lead, body.sections),
    "facts.yaml": factsFile(voice.topic, opening, urgent, body.quotes, random),
  };
  // A tenth of the library is mapped to clinical codes, for Infobutton and CDS Hooks at scale.
  if (index % 10 === 0) files["codes.yaml"] = codesFile(random);
  return { slug, files, modified: new Date(Math.floor((NEWEST - random.next() * YEAR_MS) / 1000) * 1000) };
}

/** One article's invented names, and the real article's text made to speak of them. */
interface Voice {
  random: Random;
  /** The invented condition, such as "Velmar drift". */
  topic: string;
  /** A new invented word, capitalised. */
  invented: () => string;
  /** The real article's text with the invented condition and medicine in place of the real ones. */
  substitute: (text: string) => string;
  /** `count` of the real article's sentences, picked at random and substituted. */
  sentences: (count: number) => string[];
}

function voiceOf(random: Random, source: SourceText): Voice {
  const invented = () => inventedWord(random);
  const topic = `${invented()} ${random.pick(NOUNS)}`;
  const medicine = invented().toLowerCase();
  const substitute = (text: string) =>
    text
      .replace(/\bLeg cramps?\b/g, topic)
      .replace(/\bleg cramps?\b/gi, topic.toLowerCase())
      .replace(/\bQuinine\b/g, capitalise(medicine))
      .replace(/\bquinine\b/gi, medicine);
  const sentences = (count: number) => Array.from({ length: count }, () => substitute(random.pick(source.sentences)));
  return { random, topic, invented, substitute, sentences };
}

/** Two or three of SYLLABLES, never the same twice in a row, capitalised. */
function inventedWord(random: Random): string {
  const syllables = [random.pick(SYLLABLES)];
  while (syllables.length < 3 && (syllables.length < 2 || random.chance(0.4))) {
    const next = random.pick(SYLLABLES);
    if (next !== syllables.at(-1)) syllables.push(next);
  }
  return capitalise(syllables.join(""));
}

/** The article's sections (Markdown, in order) and their ids, the quotes its facts may use, and its FAQ section. */
interface Body {
  sections: string[];
  ids: Set<string>;
  quotes: Quote[];
  faqSection?: string;
}

/** About three in four of the real article's sections, shuffled and substituted, with their quotable sentences. */
function borrowedSections(voice: Voice, source: SourceText): Body {
  const body: Body = { sections: [], ids: new Set(["introduction"]), quotes: [] };
  for (const section of voice.random.shuffle(source.sections)) {
    if (!voice.random.chance(0.75)) continue;
    const text = voice.substitute(section.markdown);
    const id = slugOf(headingOf(text));
    if (text.includes("FAQ")) body.faqSection = id;
    body.sections.push(text);
    body.ids.add(id);
    for (const { heading, quote, leadIns } of section.quotables) {
      const modality = plainModality([quote, ...leadIns]);
      if (!modality) continue;
      body.quotes.push({ section: slugOf(voice.substitute(heading)), quote: voice.substitute(quote), modality });
    }
  }
  return body;
}

/**
 * A section of the article's own (paragraphs of the real article's sentences,
 * perhaps a list) at a random place among the others; none when its heading's
 * id is taken.
 */
function addOwnSection(voice: Voice, words: string[], body: Body): void {
  const { random } = voice;
  const heading = random
    .pick(SECTION_HEADINGS)
    .replace("{topic}", voice.topic.toLowerCase())
    .replace("{word}", random.pick(words))
    .replace("{Invented}", voice.invented());
  const id = slugOf(heading);
  if (body.ids.has(id)) return;
  body.ids.add(id);
  const paragraphs = Array.from({ length: random.int(1, 3) }, () => voice.sentences(random.int(2, 5)).join(" "));
  const items = random.chance(0.5) ? voice.sentences(random.int(2, 4)) : [];
  for (const quote of items) {
    const modality = plainModality([quote]);
    if (modality) body.quotes.push({ section: id, quote, modality });
  }
  const list = items.length > 0 ? ["", ...items.map((item) => `- ${item}`)] : [];
  const markdown = [`## ${heading}`, "", paragraphs.join("\n\n"), ...list].join("\n");
  body.sections.splice(random.int(0, body.sections.length), 0, markdown);
}

function frontMatter(index: number, slug: string, voice: Voice, opening: string, faqSection: string | undefined) {
  const { random, topic } = voice;
  return {
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
}

/** `article.md`: the front matter, the opening paragraph, then the sections. */
function articleFile(meta: object, lead: string, sections: string[]): string {
  return [
    "---",
    "# Synthetic test content from scripts/content/synthetic.ts: not medical information.",
    stringify(meta, { lineWidth: 0 }).trim(),
    "---",
    "",
    lead,
    "",
    sections.join("\n\n"),
    "",
  ].join("\n");
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
