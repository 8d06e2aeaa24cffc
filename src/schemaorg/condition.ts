/**
 * The MedicalCondition and the nodes of its facts: anatomy, symptoms, causes,
 * risk factors, tests, differential diagnoses, treatments and prevention.
 * Every node has its own `@id` and the condition references it.
 */
import type {
  AnatomicalStructure,
  DDxElement,
  DrugClass,
  ExercisePlan,
  LifestyleModification,
  MedicalCause,
  MedicalCode,
  MedicalCondition,
  MedicalRiskFactor,
  MedicalSignOrSymptom,
  MedicalSymptom,
  MedicalTest,
  MedicalTherapy,
} from "schema-dts";
import type { CompiledArticle, Facts } from "../content/model";
import { factNodes, joinQuotes, type NodeIds, nameId, ref } from "./node-ids";
import { therapyDrugId, therapyId } from "./therapies";

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

export function conditionNodes(article: CompiledArticle, facts: Facts, ids: NodeIds): ConditionNode[] {
  const describe = (fact: { name: string; quote: string }) => ({ name: fact.name, description: fact.quote });
  const idOf = (kind: string) => (fact: { id: string }) => ids.of(kind, fact.id);

  const anatomy = factNodes(
    facts.anatomy,
    idOf("anatomy"),
    (fact, id): AnatomicalStructure => ({
      "@type": "AnatomicalStructure",
      "@id": id,
      ...describe(fact),
    }),
  );
  const symptoms = factNodes(
    facts.symptoms,
    idOf("symptom"),
    (fact, id): MedicalSymptom => ({
      "@type": "MedicalSymptom",
      "@id": id,
      ...describe(fact),
    }),
  );
  const causes = factNodes(
    facts.causes,
    idOf("cause"),
    (cause, id): MedicalCause => ({
      "@type": "MedicalCause",
      "@id": id,
      ...describe(cause),
      causeOf: ref(ids.condition),
    }),
  );
  // Medicines that can cause the condition are MedicalCause nodes too (see therapies.ts).
  const medicationCauses = (facts.causativeDrugs?.drugs ?? []).map((drug) => ref(ids.of("cause", drug.id)));
  const riskFactors = factNodes(
    facts.riskFactors,
    idOf("risk-factor"),
    (fact, id): MedicalRiskFactor => ({
      "@type": "MedicalRiskFactor",
      "@id": id,
      ...describe(fact),
      increasesRiskOf: ref(ids.condition),
    }),
  );
  const tests = factNodes(
    facts.tests,
    idOf("test"),
    (fact, id): MedicalTest => ({
      "@type": "MedicalTest",
      "@id": id,
      ...describe(fact),
    }),
  );
  const differentials = factNodes(facts.differentialDiagnoses, idOf("ddx"), (diagnosis, id) => {
    const signs = factNodes(
      diagnosis.distinguishingSigns,
      (sign) => ids.of(`sign-of-${diagnosis.id}`, nameId(sign)),
      (sign, signId): MedicalSignOrSymptom => ({ "@type": "MedicalSignOrSymptom", "@id": signId, name: sign }),
    );
    const alternativeId = ids.of("condition", diagnosis.id);
    const element: DDxElement = {
      "@type": "DDxElement",
      "@id": id,
      diagnosis: ref(alternativeId),
      distinguishingSign: signs.refs,
    };
    const alternative: MedicalCondition = {
      "@type": "MedicalCondition",
      "@id": alternativeId,
      name: diagnosis.name,
      description: diagnosis.quote,
    };
    return [element, alternative, ...signs.nodes];
  });

  // A treatment described in full as a drug therapy is referenced, not repeated.
  const therapyIds = new Set(facts.drugTherapies.map((therapy) => therapy.id));
  const treatmentId = (treatment: { id: string }) =>
    therapyIds.has(treatment.id) ? therapyId(ids, treatment.id) : ids.of("treatment", treatment.id);
  const treatments = factNodes(facts.treatments, treatmentId, (treatment, id): (MedicalTherapy | DrugClass)[] => {
    if (therapyIds.has(treatment.id)) return [];
    return treatment.kind === "medication"
      ? [{ "@type": "DrugClass", "@id": id, ...describe(treatment) }]
      : [{ "@type": "MedicalTherapy", "@id": id, ...describe(treatment) }];
  });

  const plan = facts.exercisePlan;
  const exercises = factNodes(
    facts.exercises,
    idOf("exercise"),
    (exercise, id): ExercisePlan => ({
      "@type": "ExercisePlan",
      "@id": id,
      name: exercise.name,
      description: exercise.steps.join(" "),
      // The programme's frequency and length apply to the exercises it names.
      ...(plan?.exercises.includes(exercise.id) && plan.frequency ? { activityFrequency: plan.frequency } : {}),
      ...(plan?.exercises.includes(exercise.id) && plan.durationWeeks
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
    }),
  );
  const prevention = factNodes(
    facts.prevention,
    idOf("prevention"),
    (fact, id): LifestyleModification => ({
      "@type": "LifestyleModification",
      "@id": id,
      ...describe(fact),
    }),
  );

  const course = facts.course;
  const naturalProgression = joinQuotes([
    ...(course?.duration ? [course.duration] : []),
    ...(course?.progression ?? []),
  ]);
  const expectedPrognosis = joinQuotes(course?.prognosis ?? []);
  const epidemiology = joinQuotes(facts.epidemiology);
  const condition: MedicalCondition = {
    "@type": "MedicalCondition",
    "@id": ids.condition,
    name: facts.condition.name,
    description: article.description,
    ...(facts.condition.alternateNames.length > 0
      ? { alternateName: facts.condition.alternateNames.map((alternate) => alternate.name) }
      : {}),
    ...(facts.condition.codes.length > 0
      ? {
          code: facts.condition.codes.map(
            (code): MedicalCode => ({
              "@type": "MedicalCode",
              codeValue: code.code,
              codingSystem: code.system,
              ...(code.name ? { name: code.name } : {}),
            }),
          ),
        }
      : {}),
    ...(facts.condition.pathophysiology ? { pathophysiology: facts.condition.pathophysiology.quote } : {}),
    associatedAnatomy: anatomy.refs,
    signOrSymptom: symptoms.refs,
    cause: [...causes.refs, ...medicationCauses],
    riskFactor: riskFactors.refs,
    typicalTest: tests.refs,
    differentialDiagnosis: differentials.refs,
    possibleTreatment: treatments.refs,
    secondaryPrevention: [...exercises.refs, ...prevention.refs],
    drug: facts.drugTherapies.map((therapy) => ref(therapyDrugId(ids, therapy.id))),
    ...(naturalProgression ? { naturalProgression } : {}),
    ...(expectedPrognosis ? { expectedPrognosis } : {}),
    ...(epidemiology ? { epidemiology } : {}),
  };
  return [
    condition,
    ...anatomy.nodes,
    ...symptoms.nodes,
    ...causes.nodes,
    ...riskFactors.nodes,
    ...tests.nodes,
    ...differentials.nodes.flat(),
    ...treatments.nodes.flat(),
    ...exercises.nodes,
    ...prevention.nodes,
  ];
}
