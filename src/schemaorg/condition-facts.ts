/**
 * The nodes of a condition's facts, one builder per kind: anatomy, symptoms,
 * causes, risk factors, tests and prevention (one node each), differential
 * diagnoses, treatments and exercises. Each node has its own `@id`; the
 * condition references those its properties may state (claims.ts), and the
 * article's sections mention the rest. Every description is the publisher's
 * whole sentences, with the fact's qualifiers.
 */
import type {
  AnatomicalStructure,
  DDxElement,
  DrugClass,
  ExercisePlan,
  LifestyleModification,
  MedicalCause,
  MedicalCondition,
  MedicalEntity,
  MedicalRiskFactor,
  MedicalSignOrSymptom,
  MedicalSymptom,
  MedicalTest,
  MedicalTherapy,
} from "schema-dts";
import type { Fact, Facts } from "../content/model";
import { slugOf } from "../content/slug";
import { isStated } from "./claims";
import { joinQuotes, type QualifiedFact } from "./fact-text";
import { factNodes, type NodeIds, ref } from "./node-ids";
import { byModality, type Part, relationNodes } from "./relation-nodes";
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
  | LifestyleModification
  | MedicalEntity;

/** What every fact node says: its label and its qualified description. */
export type Describe = (fact: QualifiedFact & { name: string }) => { name: string; description: string };

/** The kinds of fact that are one node each, with the `@id` prefix of their nodes and their kind of relation. */
export const SIMPLE_KINDS = {
  anatomy: { prefix: "anatomy", relation: "anatomy" },
  symptoms: { prefix: "symptom", relation: "symptom" },
  causes: { prefix: "cause", relation: "cause" },
  riskFactors: { prefix: "risk-factor", relation: "risk-factor" },
  tests: { prefix: "test", relation: "test" },
  prevention: { prefix: "prevention", relation: "prevention" },
} as const;
export type SimpleKind = keyof typeof SIMPLE_KINDS;

/**
 * One node of a simple kind. A cause, risk factor or symptom is typed by the
 * relation itself, so one the graph does not state is a plain MedicalEntity;
 * anatomy, a test or a lifestyle change is what it is either way.
 */
function simpleNode(
  kind: SimpleKind,
  id: string,
  text: ReturnType<Describe>,
  condition: string,
  stated: boolean,
): ConditionNode {
  const described: MedicalEntity = { "@type": "MedicalEntity", "@id": id, ...text };
  switch (kind) {
    case "anatomy":
      return { "@type": "AnatomicalStructure", "@id": id, ...text };
    case "symptoms":
      return stated ? { "@type": "MedicalSymptom", "@id": id, ...text } : described;
    case "causes":
      return stated ? { "@type": "MedicalCause", "@id": id, ...text, causeOf: ref(condition) } : described;
    case "riskFactors":
      return stated ? { "@type": "MedicalRiskFactor", "@id": id, ...text, increasesRiskOf: ref(condition) } : described;
    case "tests":
      return { "@type": "MedicalTest", "@id": id, ...text };
    case "prevention":
      return { "@type": "LifestyleModification", "@id": id, ...text };
  }
}

/** The nodes of one simple kind of fact. */
export function simpleNodes(kind: SimpleKind, facts: Facts, ids: NodeIds, describe: Describe): Part<ConditionNode> {
  const list: readonly Fact[] = facts[kind];
  const { prefix, relation } = SIMPLE_KINDS[kind];
  return relationNodes(
    list,
    byModality(relation),
    (fact) => ids.of(prefix, fact.id),
    (fact, id, stated) => [simpleNode(kind, id, describe(fact), ids.condition, stated)],
  );
}

/** Each differential diagnosis: the element, the condition it names, and the signs that tell it apart. */
export function differentialNodes(facts: Facts, ids: NodeIds, describe: Describe): Part<ConditionNode> {
  return relationNodes(
    facts.differentialDiagnoses,
    byModality("differential-diagnosis"),
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
}

/** Treatments; one described in full as a drug therapy is referenced, not repeated. */
export function treatmentNodes(facts: Facts, ids: NodeIds, describe: Describe): Part<MedicalTherapy | DrugClass> {
  const therapyIds = new Set(facts.drugTherapies.map((therapy) => therapy.id));
  return relationNodes(
    facts.treatments,
    byModality("treatment"),
    (treatment) => (therapyIds.has(treatment.id) ? therapyId(ids, treatment.id) : ids.of("treatment", treatment.id)),
    (treatment, id): (MedicalTherapy | DrugClass)[] => {
      if (therapyIds.has(treatment.id)) return [];
      return treatment.kind === "medication"
        ? [{ "@type": "DrugClass", "@id": id, ...describe(treatment) }]
        : [{ "@type": "MedicalTherapy", "@id": id, ...describe(treatment) }];
    },
  );
}

/**
 * The exercises. Those of the programme prevent the condition as the
 * programme's sentences say they may, with its frequency and length; the
 * others are mentioned by their section.
 */
export function exerciseNodes(facts: Facts, ids: NodeIds): Part<ExercisePlan> {
  const plan = facts.exercisePlan;
  const inPlan = new Set(plan?.exercises);
  const planStated = plan !== undefined && isStated("exercise-plan", plan.modality);
  return relationNodes(
    facts.exercises,
    (exercise) => planStated && inPlan.has(exercise.id),
    (exercise) => ids.of("exercise", exercise.id),
    (exercise, id): ExercisePlan[] => {
      const planned = inPlan.has(exercise.id) ? plan : undefined;
      return [
        {
          "@type": "ExercisePlan",
          "@id": id,
          name: exercise.name,
          // A planned exercise carries what the programme says it may do, and how long it takes.
          description: joinQuotes([...exercise.steps, planned?.quote, planned?.expectedBenefit?.quote]),
          ...(planned?.frequency ? { activityFrequency: planned.frequency } : {}),
          ...(planned?.durationWeeks
            ? {
                activityDuration: {
                  "@type": "QuantitativeValue",
                  minValue: planned.durationWeeks.minimum,
                  maxValue: planned.durationWeeks.maximum,
                  unitCode: "WEE",
                  unitText: "weeks",
                },
              }
            : {}),
        },
      ];
    },
  );
}
