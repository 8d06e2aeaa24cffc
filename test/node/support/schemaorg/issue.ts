/** What the validator reports: one issue per mistake, with where and what. */

export type SchemaOrgIssueRule =
  /** The document could not be expanded, or expansion dropped part of it. */
  | "expansion"
  /** A node with properties has no @type, so they cannot be checked. */
  | "missing-type"
  /** An @type that is not a schema.org class. */
  | "unknown-type"
  | "superseded-type"
  /** A property that is not a schema.org property. */
  | "unknown-property"
  | "superseded-property"
  /** A property on a node none of whose types it applies to. */
  | "domain"
  /** A value that is none of the property's expected types. */
  | "range"
  /** A reference to a node that is not in the document and is not an acceptable URL or schema.org term. */
  | "unresolved-reference"
  /** A value that names a superseded schema.org term, such as a superseded enumeration member. */
  | "superseded-value";

export interface SchemaOrgIssue {
  readonly rule: SchemaOrgIssueRule;
  /**
   * Which node: its @id when it has one, otherwise its path in the expanded
   * document, such as `$[0].mainEntity[0]` (schema.org properties by their
   * local names, anything else by its IRI in brackets). `$` is the whole document.
   */
  readonly at: string;
  /** The term concerned: a schema.org local name ("code"), a keyword ("@type", "@context") or an outside IRI. */
  readonly term: string;
  readonly message: string;
}
