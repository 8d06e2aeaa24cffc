/**
 * The schema.org vocabulary as an index the validator can query. Every term
 * is named by its local name ("MedicalCondition", "code"), because every
 * term of the vocabulary lives in the one schema.org namespace.
 */

export interface SchemaOrgClass {
  readonly name: string;
  /** Direct schema.org superclasses (superclasses from other vocabularies are left out). */
  readonly subClassOf: readonly string[];
  /** The class itself and every schema.org class above it: the transitive closure of `subClassOf`. */
  readonly ancestors: ReadonlySet<string>;
  /** A data type: `DataType`, one of the classes typed `schema:DataType` (Text, Number, Boolean, Date, DateTime, Time, Quantity) or a subclass of one (URL, Integer, Float, Duration...). */
  readonly isDataType: boolean;
  /** A subclass of `Enumeration`, whose instances are listed in the vocabulary as members. */
  readonly isEnumeration: boolean;
  /** The terms that replace this one; empty when it is current. */
  readonly supersededBy: readonly string[];
}

export interface SchemaOrgProperty {
  readonly name: string;
  /** Classes whose instances may carry the property; empty means the vocabulary says nothing. */
  readonly domainIncludes: readonly string[];
  /** Classes (data types included) its values may have; empty means the vocabulary says nothing. */
  readonly rangeIncludes: readonly string[];
  readonly supersededBy: readonly string[];
}

/** A named instance in the vocabulary, such as `Clinician` (a `MedicalAudienceType`) or `True` (a `Boolean`). */
export interface SchemaOrgEnumerationMember {
  readonly name: string;
  /** The classes it is an instance of; usually one enumeration, sometimes two (`Radiography`). */
  readonly types: readonly string[];
  readonly supersededBy: readonly string[];
}

export interface SchemaOrgVocabulary {
  readonly classes: ReadonlyMap<string, SchemaOrgClass>;
  readonly properties: ReadonlyMap<string, SchemaOrgProperty>;
  readonly enumerationMembers: ReadonlyMap<string, SchemaOrgEnumerationMember>;
  /** Every superseded term of any kind, with the terms that replace it. */
  readonly superseded: ReadonlyMap<string, readonly string[]>;
  /** The parsed `schemaorgcontext.jsonld`, served for `"@context": "https://schema.org"`. */
  readonly context: object;
}

/** Whether class `name` is `ancestor` or a subclass of it, at any depth. */
export function isSubClassOf(vocabulary: SchemaOrgVocabulary, name: string, ancestor: string): boolean {
  return vocabulary.classes.get(name)?.ancestors.has(ancestor) ?? false;
}

/** What kind of term `name` is, or `undefined` when schema.org has no such term. */
export function termKind(
  vocabulary: SchemaOrgVocabulary,
  name: string,
): "class" | "property" | "enumeration member" | undefined {
  if (vocabulary.classes.has(name)) return "class";
  if (vocabulary.properties.has(name)) return "property";
  if (vocabulary.enumerationMembers.has(name)) return "enumeration member";
  return undefined;
}
