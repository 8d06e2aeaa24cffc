/**
 * The nodes of a condition's facts, one builder per kind: anatomy, symptoms,
 * causes, risk factors, tests and prevention (one node each), differential
 * diagnoses, treatments and exercises. Each node has its own `@id`; the
 * condition references them (condition.ts). Every description is the
 * publisher's whole sentences, with the fact's qualifiers.
 */
import type {
  AnatomicalStructure,
  DDxElement,
  DrugClass,
  ExercisePlan,
  IdReference,
  LifestyleModification,
  MedicalCause,
  MedicalCondition,
  MedicalRiskFactor,
  MedicalSignOrSymptom,
  MedicalSymptom,
  MedicalTest,
  MedicalTherapy,
} from "schema-dts";
import type { Fact, Facts } from "../content/model";
import { slugOf } from "../content/slug";
import type { QualifiedFact } from "./fact-text";
import { factNodes, type NodeIds, ref } from "./node-ids";
import { therapyId } from "./therapies";

export type ConditionNode =
  | MedicalCondition
  | AnatomicalStructure
  | MedicalSymptom
  | MedicalSignOrSymptom
  | MedicalCause
  | MedicalRiskFactor
  | MedicalTest
  | DDxElement
  | MedicalTherapy
  | DrugClass
  | ExercisePlan
  | LifestyleModification;

/** What every fact node says: its label and its qualified description. */
export type Describe = (fact: QualifiedFact & { name: string }) => { name: string; description: string };

/** The nodes of one kind of fact, and the references the condition holds to them. */
export interface Part<Node> {
  nodes: Node[];
  refs: IdReference[];
}

/** The kinds of fact that are one node each, with the `@id` prefix of their nodes. */
export const SIMPLE_KINDS = {
  anatomy: "anatomy",
  symptoms: "symptom",
  causes: "cause",
  riskFactors: "risk-factor",
  tests: "test",
  prevention: "prevention",
} as const;
export type SimpleKind = keyof typeof SIMPLE_KINDS;

/** One node of a simple kind, typed by what it is and, for causes and risk factors, linked to the condition. */
function simpleNode(kind: SimpleKind, id: string, text: ReturnType<Describe>, condition: IdReference): ConditionNode {
  switch (kind) {
    case "anatomy":
      return { "@type": "AnatomicalStructure", "@id": id, ...text };
    case "symptoms":
      return { "@type": "MedicalSymptom", "@id": id, ...text };
    case "causes":
      return { "@type": "MedicalCause", "@id": id, ...text, causeOf: condition };
    case "riskFactors":
      return { "@type": "MedicalRiskFactor", "@id": id, ...text, increasesRiskOf: condition };
    case "tests":
      return { "@type": "MedicalTest", "@id": id, ...text };
    case "prevention":
      return { "@type": "LifestyleModification", "@id": id, ...text };
  }
}

/** The nodes of one simple kind of fact. */
export function simpleNodes(kind: SimpleKind, facts: Facts, ids: NodeIds, describe: Describe): Part<ConditionNode> {
  const list: readonly (Fact | Facts["causes"][number])[] = facts[kind];
  return factNodes(
    list,
    (fact) => ids.of(SIMPLE_KINDS[kind], fact.id),
    (fact, id) => simpleNode(kind, id, describe(fact), ref(ids.condition)),
  );
}

/** Each differential diagnosis: the element, the condition it names, and the signs that tell it apart. */
export function differentialNodes(facts: Facts, ids: NodeIds, describe: Describe): Part<ConditionNode> {
  const part = factNodes(
    facts.differentialDiagnoses,
    (diagnosis) => ids.of("ddx", diagnosis.id),
    (diagnosis, id): ConditionNode[] => {
      const signs = factNodes(
        diagnosis.distinguishingSigns,
        (sign) => ids.of(`sign-of-${diagnosis.id}`, slugOf(sign)),
        (sign, signId): MedicalSignOrSymptom => ({ "@type": "MedicalSignOrSymptom", "@id": signId, name: sign }),
      );
      const alternativeId = ids.of("condition", diagnosis.id);
      return [
        { "@type": "DDxElement", "@id": id, diagnosis: ref(alternativeId), distinguishingSign: signs.refs },
        // Its description carries the care advice the signs lead to (call 111 for a blood clot).
        { "@type": "MedicalCondition", "@id": alternativeId, ...describe(diagnosis) },
        ...signs.nodes,
      ];
    },
  );
  return { nodes: part.nodes.flat(), refs: part.refs };
}

/** Treatments; one described in full as a drug therapy is referenced, not repeated. */
export function treatmentNodes(facts: Facts, ids: NodeIds, describe: Describe): Part<MedicalTherapy | DrugClass> {
  const therapyIds = new Set(facts.drugTherapies.map((therapy) => therapy.id));
  const part = factNodes(
    facts.treatments,
    (treatment) => (therapyIds.has(treatment.id) ? therapyId(ids, treatment.id) : ids.of("treatment", treatment.id)),
    (treatment, id): (MedicalTherapy | DrugClass)[] => {
      if (therapyIds.has(treatment.id)) return [];
      return treatment.kind === "medication"
        ? [{ "@type": "DrugClass", "@id": id, ...describe(treatment) }]
        : [{ "@type": "MedicalTherapy", "@id": id, ...describe(treatment) }];
    },
  );
  return { nodes: part.nodes.flat(), refs: part.refs };
}

/** The exercises; the programme's frequency and length apply to the exercises it names. */
export function exerciseNodes(facts: Facts, ids: NodeIds): Part<ExercisePlan> {
  const plan = facts.exercisePlan;
  return factNodes(
    facts.exercises,
    (exercise) => ids.of("exercise", exercise.id),
    (exercise, id): ExercisePlan => {
      const inPlan = plan?.exercises.includes(exercise.id) === true;
      return {
        "@type": "ExercisePlan",
        "@id": id,
        name: exercise.name,
        description: exercise.steps.join("\n"),
        ...(inPlan && plan?.frequency ? { activityFrequency: plan.frequency } : {}),
        ...(inPlan && plan?.durationWeeks
          ? {
              activityDuration: {
                "@type": "QuantitativeValue",
                minValue: plan.durationWeeks.minimum,
                maxValue: plan.durationWeeks.maximum,
                unitCode: "WEE",
                unitText: "weeks",
              },
            }
          : {}),
      };
    },
  );
}
