/**
 * Which relations the graph may state as schema.org properties. A property
 * says what its definition in the vocabulary says, and a node is read without
 * its description: so only what the publisher affirms or says may be
 * (`possible`) becomes a property, and `typicalTest` ("a medical test
 * typically performed given this condition") only what is affirmed. A theory,
 * a claim with no clear evidence and a historical remark stay in the graph as
 * described nodes that their section `mentions`.
 */
import type { RelationKind } from "../content/claims/relations";
import type { Modality } from "../content/model";

/** The schema.org property each kind of relation is stated by. */
export const RELATION_PROPERTY = {
  anatomy: "associatedAnatomy",
  symptom: "signOrSymptom",
  cause: "cause",
  "risk-factor": "riskFactor",
  test: "typicalTest",
  "differential-diagnosis": "differentialDiagnosis",
  treatment: "possibleTreatment",
  prevention: "secondaryPrevention",
  "exercise-plan": "secondaryPrevention",
  "causative-drug": "cause",
  "drug-therapy": "drug",
  "side-effect": "adverseOutcome",
  "earlier-use": "possibleTreatment",
} as const satisfies Partial<Record<RelationKind, string>>;
export type StatedKind = keyof typeof RELATION_PROPERTY;

const AFFIRMED_OR_POSSIBLE: readonly Modality[] = ["affirmed", "possible"];
const PROPERTY_MODALITIES: Record<(typeof RELATION_PROPERTY)[StatedKind], readonly Modality[]> = {
  associatedAnatomy: AFFIRMED_OR_POSSIBLE,
  signOrSymptom: AFFIRMED_OR_POSSIBLE,
  cause: AFFIRMED_OR_POSSIBLE,
  riskFactor: AFFIRMED_OR_POSSIBLE,
  typicalTest: ["affirmed"],
  differentialDiagnosis: AFFIRMED_OR_POSSIBLE,
  possibleTreatment: AFFIRMED_OR_POSSIBLE,
  secondaryPrevention: AFFIRMED_OR_POSSIBLE,
  drug: AFFIRMED_OR_POSSIBLE,
  adverseOutcome: AFFIRMED_OR_POSSIBLE,
};

/** Whether a relation of this kind and modality is stated as its schema.org property. */
export function isStated(kind: StatedKind, modality: Modality): boolean {
  return PROPERTY_MODALITIES[RELATION_PROPERTY[kind]].includes(modality);
}
