/** Reading the Worker's JSON-LD graph in tests: nodes by id, references, and the text literals. */
import { expect } from "vitest";
import type { ArticleResource } from "../../src/api/schemas";
import { blockSentences, sentencesOf } from "../../src/content/publisher-text";
import { call, ORIGIN } from "./worker";

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

export const PAGE = `${ORIGIN}/articles/leg-cramps`;

/** The `@id` of a node of the leg-cramps graph. */
export const id = (fragment: string) => `${PAGE}#${fragment}`;

export async function graph(slug = "leg-cramps"): Promise<JsonLdGraph> {
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
