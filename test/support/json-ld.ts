/** Reading the Worker's JSON-LD graph in tests: nodes by id, references, and the text literals. */
import { expect } from "vitest";
import type { ArticleResource, ConditionResource } from "../../src/api/schemas";
import type { Relation } from "../../src/content/claims/relations";
import { blockSentences, sentencesOf } from "../../src/content/publisher-text";
import { slugOf } from "../../src/content/slug";
import type { StatedKind } from "../../src/schemaorg/claims";
import { SUBJECT } from "./subject";
import { call } from "./worker";

export interface JsonLdNode {
  "@type": string;
  "@id"?: string;
  name?: string;
  [property: string]: unknown;
}
export interface JsonLdGraph {
  "@context": string;
  "@graph": JsonLdNode[];
}

/** The page of the article the suites examine (test/support/subject.ts): the base of its graph's `@id`s. */
export const PAGE = SUBJECT.page;

/** The `@id` of a node of that article's graph. */
export const id = (fragment: string) => `${PAGE}#${fragment}`;

export async function graph(slug = SUBJECT.slug): Promise<JsonLdGraph> {
  const response = await call(`/v1/articles/${slug}/jsonld`);
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/ld+json; charset=utf-8");
  return response.json<JsonLdGraph>();
}

export function nodeById(document: JsonLdGraph): Map<string, JsonLdNode> {
  return new Map(document["@graph"].flatMap((node) => (node["@id"] ? [[node["@id"], node]] : [])));
}

/** `{ "@id": x }` values of a property, as ids. */
export function refs(node: JsonLdNode | undefined, property: string): string[] {
  const value = node?.[property];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((item) =>
    typeof item === "object" && item !== null && "@id" in item ? [String((item as { "@id": unknown })["@id"])] : [],
  );
}

/**
 * Properties whose text is a short label this service writes (names, job
 * titles, units, the credit line composed from the author and publisher
 * names), not a sentence shown as the publisher's.
 */
export const LABEL_PROPERTIES = new Set([
  "name",
  "alternateName",
  "headline",
  "creditText",
  "jobTitle",
  "audienceType",
  "dosageForm",
  "activityFrequency",
  "unitText",
  "unitCode",
  "codeValue",
  "codingSystem",
  "inLanguage",
]);

export interface TextLiteral {
  node: string;
  property: string;
  value: string;
}

/** Every string in the graph that a reader may be shown as text: not a label, an IRI, a date or a keyword. */
export function textLiterals(document: JsonLdGraph): TextLiteral[] {
  const literals: TextLiteral[] = [];
  const visit = (value: unknown, node: string, property: string): void => {
    if (Array.isArray(value)) for (const item of value) visit(item, node, property);
    else if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      const inner = typeof record["@id"] === "string" ? record["@id"] : node;
      for (const [key, child] of Object.entries(record)) if (!key.startsWith("@")) visit(child, inner, key);
    } else if (typeof value === "string" && !LABEL_PROPERTIES.has(property) && !isIriOrDate(value)) {
      literals.push({ node, property, value });
    }
  };
  for (const node of document["@graph"]) visit(node, node["@id"] ?? node["@type"], "");
  return literals;
}

function isIriOrDate(value: string): boolean {
  return /^https?:\/\/\S+$/.test(value) || /^\d{4}-\d{2}-\d{2}(?:T\S+)?$/.test(value);
}

/**
 * Every whole sentence and list item the publisher supplied with an article:
 * its text (headings, paragraphs, list items at any depth, FAQ), the
 * description, the disclaimer and the credits.
 */
export function publisherSentences(article: ArticleResource): Set<string> {
  const sentences = new Set<string>(sentencesOf(article.description));
  const add = (texts: readonly string[]) => {
    for (const text of texts) for (const sentence of sentencesOf(text)) sentences.add(sentence);
  };
  const walk = (sections: ArticleResource["sections"]) => {
    for (const section of sections) {
      add(section.title ? [section.title] : []);
      for (const sentence of blockSentences(section.blocks)) sentences.add(sentence);
      walk(section.sections);
    }
  };
  walk(article.sections);
  add(article.disclaimer);
  add(article.editorsNote ? [article.editorsNote] : []);
  for (const person of [...article.authors, ...article.editors]) add(person.about ?? []);
  return sentences;
}

type Facts = ConditionResource["facts"];

/** Where the graph would state a relation: the node holding the property, and the nodes it would point at. */
export interface Placement {
  subject: string;
  objects: string[];
  /** The node a section mentions when the relation is not stated. */
  described: string[];
}

export function placement(relation: Relation & { kind: StatedKind }, facts: Facts, page: string): Placement {
  const at = (fragment: string) => `${page}#${fragment}`;
  const condition = at("condition");
  const own = (prefix: string): Placement => {
    const objects = [at(`${prefix}-${relation.fact.id}`)];
    return { subject: condition, objects, described: objects };
  };
  const therapy = facts.drugTherapies[Number(relation.path[1])];
  switch (relation.kind) {
    case "anatomy":
    case "symptom":
    case "cause":
    case "test":
    case "prevention":
      return own(relation.kind);
    case "risk-factor":
      return own("risk-factor");
    case "differential-diagnosis":
      return own("ddx");
    case "treatment":
      return own(facts.drugTherapies.some((entry) => entry.id === relation.fact.id) ? "therapy" : "treatment");
    case "causative-drug":
      return {
        subject: condition,
        objects: [at(`cause-${relation.fact.id}`)],
        described: [at(`drug-${relation.fact.id}`)],
      };
    case "drug-therapy":
      return { subject: condition, objects: [at(`drug-${relation.fact.id}`)], described: [] };
    case "exercise-plan": {
      const exercises = (facts.exercisePlan?.exercises ?? []).map((id) => at(`exercise-${id}`));
      return { subject: condition, objects: exercises, described: exercises };
    }
    case "side-effect":
      return {
        subject: at(`therapy-${therapy?.id}`),
        objects: [at(`side-effect-${relation.fact.id}`)],
        described: [at(`side-effect-${relation.fact.id}`)],
      };
    case "earlier-use": {
      const used = at(`condition-${slugOf(relation.fact.name ?? "")}`);
      return { subject: used, objects: [at(`drug-${therapy?.id}`)], described: [used] };
    }
  }
}
