/** Clinical codes: those a publisher supplies, and those this service maps an article to. */
import * as z from "zod/mini";
import { CODE_SYSTEM_NAMES } from "../code-systems";
import { HttpUrl, Text } from "./text";

/** A clinical code the publisher supplied, in any coding system, e.g. `{ system: "ICD-10", code: "R25.2" }`. */
export const ClinicalCode = z.strictObject({
  system: Text,
  code: Text,
  name: z.optional(Text),
});
export type ClinicalCode = z.infer<typeof ClinicalCode>;

/**
 * How the code fits the article's topic, in FHIR ConceptMap's terms (R5
 * `ConceptMapRelationship`), the article's topic being the source and the
 * code the target: `source-is-narrower-than-target` means the code is
 * broader than the article (R25.2 "Cramp and spasm" for leg cramps).
 */
export const MappingRelationship = z
  .enum(["equivalent", "source-is-narrower-than-target", "source-is-broader-than-target", "related-to"])
  .check(
    z.meta({
      description:
        "How the code fits the article's topic (FHIR ConceptMap relationship; the article's topic is the source, the code the target): equivalent, source-is-narrower-than-target (the code is broader), source-is-broader-than-target (the code is narrower), related-to.",
    }),
  );
export type MappingRelationship = z.infer<typeof MappingRelationship>;

/**
 * A clinical code this service mapped the article to, as written in
 * `content/<slug>/codes.yaml`: the syndicator's classification of the topic,
 * never the publisher's. `display` is the classification's own text for the
 * code, `release` the edition it was checked against.
 */
export const CodeMappingSource = z.strictObject({
  system: z.enum(CODE_SYSTEM_NAMES),
  code: Text,
  display: Text,
  release: Text,
  mappedBy: Text,
  rationale: Text,
  relationship: MappingRelationship,
  /** The published source the code and its display were checked against. */
  source: z.strictObject({ title: Text, url: HttpUrl }),
});
export const CodeMappingFile = z.strictObject({ mappings: z.array(CodeMappingSource) });

/** A code mapping as served: the system with its HL7 OID and FHIR URI. */
export const CodeMapping = z.strictObject({
  ...CodeMappingSource.shape,
  system: z.strictObject({ name: z.enum(CODE_SYSTEM_NAMES), oid: z.string(), uri: z.string() }),
});
export type CodeMapping = z.infer<typeof CodeMapping>;
