/**
 * A code mapping in words, the same wherever it is shown (the JSON-LD's
 * MedicalCode, Infobutton entries, CDS Hooks cards): the code, how it fits
 * the article's topic, that this service mapped it (not the publisher), and
 * the published source it was checked against.
 */
import type { CodeMapping, MappingRelationship } from "./model";

/** How the code compares with the article's topic, for a reader. */
const FIT: Record<MappingRelationship, string> = {
  equivalent: "equivalent to this article's topic",
  "source-is-narrower-than-target": "broader than this article's topic",
  "source-is-broader-than-target": "narrower than this article's topic",
  "related-to": "related to this article's topic",
};

/** "SNOMED CT 449918009 “Cramp in lower leg”: narrower than this article's topic (FHIR ConceptMap ...); mapped by ...". */
export function mappingText(mapping: CodeMapping): string {
  return (
    `${mapping.system.name} ${mapping.code} “${mapping.display}”: ${FIT[mapping.relationship]} ` +
    `(FHIR ConceptMap relationship ${mapping.relationship}); mapped by ${mapping.mappedBy}, not by the publisher, ` +
    `checked against ${mapping.release} (${mapping.source.title}, ${mapping.source.url}).`
  );
}
