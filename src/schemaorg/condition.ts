/**
 * The MedicalCondition and the nodes of its facts: anatomy, symptoms, causes,
 * risk factors, tests, differential diagnoses, treatments and prevention.
 * Every node has its own `@id` and the condition references it. Every
 * description is the publisher's whole sentences, with the fact's qualifiers.
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
import type { CompiledArticle, Facts } from "../content/model";
import { conditionCodes } from "./codes";
import { factDescriber, joinQuotes, type QualifiedFact } from "./fact-text";
import { factNodes, type NodeIds, nameId, ref } from "./node-ids";
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

/** What every fact node says: its label and its qualified description. */
type Describe = (fact: QualifiedFact & { name: string }) => { name: string; description: string };

/** The nodes of one kind of fact, and the references the condition holds to them. */
interface Part<Node> {
  nodes: Node[];
  refs: IdReference[];
}

export function conditionNodes(article: CompiledArticle, facts: Facts, ids: NodeIds): ConditionNode[] {
  const describeText = factDescriber(facts);
  const describe: Describe = (fact) => ({ name: fact.name, description: describeText(fact) });
  const anatomy = factNodes(
    facts.anatomy,
    (fact) => ids.of("anatomy", fact.id),
    (fact, id): AnatomicalStructure => ({ "@type": "AnatomicalStructure", "@id": id, ...describe(fact) }),
  );
  const symptoms = factNodes(
    facts.symptoms,
    (fact) => ids.of("symptom", fact.id),
    (fact, id): MedicalSymptom => ({ "@type": "MedicalSymptom", "@id": id, ...describe(fact) }),
  );
  const causes = factNodes(
    facts.causes,
    (fact) => ids.of("cause", fact.id),
    (fact, id): MedicalCause => ({
      "@type": "MedicalCause",
      "@id": id,
      ...describe(fact),
      causeOf: ref(ids.condition),
    }),
  );
  const riskFactors = factNodes(
    facts.riskFactors,
    (fact) => ids.of("risk-factor", fact.id),
    (fact, id): MedicalRiskFactor => ({
      "@type": "MedicalRiskFactor",
      "@id": id,
      ...describe(fact),
      increasesRiskOf: ref(ids.condition),
    }),
  );
  const tests = factNodes(
    facts.tests,
    (fact) => ids.of("test", fact.id),
    (fact, id): MedicalTest => ({ "@type": "MedicalTest", "@id": id, ...describe(fact) }),
  );
  const prevention = factNodes(
    facts.prevention,
    (fact) => ids.of("prevention", fact.id),
    (fact, id): LifestyleModification => ({ "@type": "LifestyleModification", "@id": id, ...describe(fact) }),
  );
  const differentials = differentialNodes(facts, ids, describe);
  const treatments = treatmentNodes(facts, ids, describe);
  const exercises = exerciseNodes(facts, ids);

  const condition: MedicalCondition = {
    ...conditionSummary(article, facts, ids),
    associatedAnatomy: anatomy.refs,
    signOrSymptom: symptoms.refs,
    // Medicines that can cause the condition are MedicalCause nodes too (see therapies.ts).
    cause: [...causes.refs, ...(facts.causativeDrugs?.drugs ?? []).map((drug) => ref(ids.of("cause", drug.id)))],
    riskFactor: riskFactors.refs,
    typicalTest: tests.refs,
    differentialDiagnosis: differentials.refs,
    possibleTreatment: treatments.refs,
    secondaryPrevention: [...exercises.refs, ...prevention.refs],
    drug: facts.drugTherapies.map((therapy) => ref(therapyDrugId(ids, therapy.id))),
  };
  return [
    condition,
    ...anatomy.nodes,
    ...symptoms.nodes,
    ...causes.nodes,
    ...riskFactors.nodes,
    ...tests.nodes,
    ...differentials.nodes,
    ...treatments.nodes,
    ...exercises.nodes,
    ...prevention.nodes,
  ];
}

/** The condition's own properties: names, codes and the course of the condition in the publisher's words. */
function conditionSummary(article: CompiledArticle, facts: Facts, ids: NodeIds): MedicalCondition {
  const { condition, course } = facts;
  const describe = factDescriber(facts);
  const naturalProgression = joinQuotes(
    [...(course?.duration ? [course.duration] : []), ...(course?.progression ?? [])].map(describe),
  );
  const expectedPrognosis = joinQuotes((course?.prognosis ?? []).map(describe));
  const epidemiology = joinQuotes(facts.epidemiology.map(describe));
  const codes = conditionCodes(article, ids);
  return {
    "@type": "MedicalCondition",
    "@id": ids.condition,
    name: condition.name,
    description: article.description,
    ...(condition.alternateNames.length > 0 ? { alternateName: condition.alternateNames.map(({ name }) => name) } : {}),
    ...(codes.length > 0 ? { code: codes } : {}),
    ...(condition.pathophysiology ? { pathophysiology: condition.pathophysiology.quote } : {}),
    ...(naturalProgression ? { naturalProgression } : {}),
    ...(expectedPrognosis ? { expectedPrognosis } : {}),
    ...(epidemiology ? { epidemiology } : {}),
  };
}

/** Each differential diagnosis: the element, the condition it names, and the signs that tell it apart. */
function differentialNodes(facts: Facts, ids: NodeIds, describe: Describe): Part<ConditionNode> {
  const part = factNodes(
    facts.differentialDiagnoses,
    (diagnosis) => ids.of("ddx", diagnosis.id),
    (diagnosis, id): ConditionNode[] => {
      const signs = factNodes(
        diagnosis.distinguishingSigns,
        (sign) => ids.of(`sign-of-${diagnosis.id}`, nameId(sign)),
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
function treatmentNodes(facts: Facts, ids: NodeIds, describe: Describe): Part<MedicalTherapy | DrugClass> {
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
function exerciseNodes(facts: Facts, ids: NodeIds): Part<ExercisePlan> {
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
