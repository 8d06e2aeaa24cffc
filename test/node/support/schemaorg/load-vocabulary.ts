/**
 * Reads schema.org's own vocabulary file and indexes it. The file is in
 * compact form with the `schema:` prefix bound to https://schema.org/, so it
 * is read as it is rather than expanded: expanding 3,000 nodes with jsonld.js
 * would cost seconds for no gain.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { asArray, isJsonObject, type JsonObject, stringsOf } from "./json";
import type { SchemaOrgClass, SchemaOrgEnumerationMember, SchemaOrgProperty, SchemaOrgVocabulary } from "./vocabulary";
import { CONTEXT_FILE, schemaOrgVocabularyDirectory, VOCABULARY_FILE } from "./vocabulary-location";

const PREFIX = "schema:";

/** Reads and indexes the vocabulary in `directory`; throws when a file is missing or not the expected shape. */
export function loadSchemaOrgVocabulary(directory: string = schemaOrgVocabularyDirectory()): SchemaOrgVocabulary {
  const vocabularyPath = join(directory, VOCABULARY_FILE);
  const vocabulary = readJsonObject(vocabularyPath);
  const prefixes = vocabulary["@context"];
  const graph = vocabulary["@graph"];
  // Guards the shortcut above: names are only local names if `schema:` is schema.org.
  if (!isJsonObject(prefixes) || prefixes.schema !== "https://schema.org/" || !Array.isArray(graph)) {
    throw new Error(`${vocabularyPath}: expected an @graph with the schema: prefix bound to https://schema.org/`);
  }
  const context = readJsonObject(join(directory, CONTEXT_FILE));
  return indexVocabulary(graph.filter(isJsonObject), context);
}

interface ClassEntry {
  name: string;
  subClassOf: string[];
  /** Typed `schema:DataType` itself, as Text, Number, Boolean, Date, DateTime, Time and Quantity are. */
  declaredDataType: boolean;
  supersededBy: string[];
}

function indexVocabulary(nodes: JsonObject[], context: JsonObject): SchemaOrgVocabulary {
  const classEntries = new Map<string, ClassEntry>();
  const properties = new Map<string, SchemaOrgProperty>();
  const enumerationMembers = new Map<string, SchemaOrgEnumerationMember>();
  const superseded = new Map<string, readonly string[]>();

  for (const node of nodes) {
    const name = typeof node["@id"] === "string" ? localName(node["@id"]) : undefined;
    // Other vocabularies' terms appear only as targets of owl:equivalentClass and the like.
    if (name === undefined) continue;
    const types = stringsOf(node["@type"]);
    const supersededBy = references(node["schema:supersededBy"]);
    if (supersededBy.length > 0) superseded.set(name, supersededBy);
    if (types.includes("rdfs:Class")) {
      const subClassOf = references(node["rdfs:subClassOf"]);
      classEntries.set(name, { name, subClassOf, declaredDataType: types.includes("schema:DataType"), supersededBy });
    } else if (types.includes("rdf:Property")) {
      const domainIncludes = references(node["schema:domainIncludes"]);
      const rangeIncludes = references(node["schema:rangeIncludes"]);
      properties.set(name, { name, domainIncludes, rangeIncludes, supersededBy });
    } else {
      const memberTypes = types.map(localName).filter((type) => type !== undefined);
      if (memberTypes.length > 0) enumerationMembers.set(name, { name, types: memberTypes, supersededBy });
    }
  }

  const ancestors = closeSubClassOf(classEntries);
  const dataTypeRoots = new Set(
    [...classEntries.values()].filter((entry) => entry.declaredDataType).map((e) => e.name),
  );
  const classes = new Map<string, SchemaOrgClass>();
  for (const entry of classEntries.values()) {
    const above = ancestors.get(entry.name) ?? new Set([entry.name]);
    classes.set(entry.name, {
      name: entry.name,
      subClassOf: entry.subClassOf,
      ancestors: above,
      isDataType: entry.name === "DataType" || [...above].some((ancestor) => dataTypeRoots.has(ancestor)),
      isEnumeration: above.has("Enumeration"),
      supersededBy: entry.supersededBy,
    });
  }
  return { classes, properties, enumerationMembers, superseded, context };
}

/** Each class with itself and all its schema.org superclasses. */
function closeSubClassOf(entries: ReadonlyMap<string, ClassEntry>): Map<string, Set<string>> {
  const closed = new Map<string, Set<string>>();
  const visit = (name: string): Set<string> => {
    const known = closed.get(name);
    if (known) return known;
    const above = new Set([name]);
    // Registered before recursing, so a cycle in a future release ends instead of overflowing the stack.
    closed.set(name, above);
    for (const parent of entries.get(name)?.subClassOf ?? []) {
      for (const ancestor of visit(parent)) above.add(ancestor);
    }
    return above;
  };
  for (const name of entries.keys()) visit(name);
  return closed;
}

/** Local names of the schema.org terms among `{"@id": ...}` references. */
function references(value: unknown): string[] {
  return asArray(value)
    .map((item) => (isJsonObject(item) && typeof item["@id"] === "string" ? localName(item["@id"]) : undefined))
    .filter((name) => name !== undefined);
}

function localName(compactIri: string): string | undefined {
  return compactIri.startsWith(PREFIX) ? compactIri.slice(PREFIX.length) : undefined;
}

function readJsonObject(path: string): JsonObject {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (!isJsonObject(parsed)) throw new Error(`${path}: expected a JSON object`);
  return parsed;
}
