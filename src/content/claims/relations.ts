/**
 * Every relation the structured facts state, in one list: what the compiler
 * holds to the modality rule, what the tests walk, and what the JSON-LD
 * builders state as schema.org properties. A relation is one fact that links
 * something to the condition (or, for a drug, to another condition).
 */
import type { Facts, Modality } from "../model";

export const RELATION_KINDS = [
  "anatomy",
  "symptom",
  "cause",
  "risk-factor",
  "test",
  "differential-diagnosis",
  "treatment",
  "prevention",
  "exercise-plan",
  "causative-drug",
  "drug-therapy",
  "side-effect",
  "earlier-use",
  "care-advice",
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** What the modality rule reads of a relation: its sentences, its qualifiers and the labels written for it. */
export interface RelationFact {
  id?: string;
  name?: string;
  action?: string;
  /** A cause's kind: `theory` is the publisher's theory, whatever the modality field says. */
  kind?: string;
  section: string;
  quote: string;
  modality: Modality;
  introducedBy?: readonly { section: string; quote: string }[];
  notModal?: Readonly<Record<string, string>>;
  scope?: { label: string; quote: string };
  evidence?: { value: string; quote: string };
  /** How often it happens, in the publisher's words (an exercise programme's is how often to exercise: "Daily"). */
  frequency?: { quote: string } | string;
  /** Care advice: the conditions it applies under. */
  when?: readonly unknown[];
  /** A differential diagnosis: the signs that make it the likelier one. */
  distinguishingSigns?: readonly string[];
}

export interface Relation {
  kind: RelationKind;
  /** Where the fact is in `facts.yaml`, for `file:line` errors. */
  path: (string | number)[];
  fact: RelationFact;
}

/** Every relation of the facts, in the order of `facts.yaml`. */
export function relationsOf(facts: Facts): Relation[] {
  const each = <Fact extends RelationFact>(kind: RelationKind, list: readonly Fact[], path: (string | number)[]) =>
    list.map((fact, index): Relation => ({ kind, path: [...path, index], fact }));
  const plan = facts.exercisePlan;
  const causativeDrugs = facts.causativeDrugs?.drugs ?? [];
  return [
    ...each("anatomy", facts.anatomy, ["anatomy"]),
    ...each("symptom", facts.symptoms, ["symptoms"]),
    ...each("cause", facts.causes, ["causes"]),
    ...each("risk-factor", facts.riskFactors, ["riskFactors"]),
    ...each("test", facts.tests, ["tests"]),
    ...each("differential-diagnosis", facts.differentialDiagnoses, ["differentialDiagnoses"]),
    ...each("treatment", facts.treatments, ["treatments"]),
    ...each("prevention", facts.prevention, ["prevention"]),
    ...(plan ? [{ kind: "exercise-plan" as const, path: ["exercisePlan"], fact: plan }] : []),
    ...each("causative-drug", causativeDrugs, ["causativeDrugs", "drugs"]),
    ...facts.drugTherapies.flatMap((therapy, index) => {
      const at = ["drugTherapies", index];
      return [
        { kind: "drug-therapy" as const, path: at, fact: therapy },
        ...each("side-effect", therapy.sideEffects, [...at, "sideEffects"]),
        ...(therapy.firstUsedFor
          ? [{ kind: "earlier-use" as const, path: [...at, "firstUsedFor"], fact: therapy.firstUsedFor }]
          : []),
      ];
    }),
    ...each("care-advice", facts.careAdvice, ["careAdvice"]),
  ];
}

/** How a relation is named in messages: its id, or its place in the facts. */
export function relationName({ fact, path }: Relation): string {
  return fact.id === undefined ? path.join(".") : `"${fact.id}"`;
}
