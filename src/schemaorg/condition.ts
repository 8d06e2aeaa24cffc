/**
 * The MedicalCondition: its names, codes and course in the publisher's words,
 * and a reference to every node of its facts (condition-facts.ts).
 */
import type { MedicalCondition } from "schema-dts";
import type { CompiledArticle, Facts } from "../content/model";
import { isStated } from "./claims";
import { conditionCodes } from "./codes";
import {
  type ConditionNode,
  type Describe,
  differentialNodes,
  exerciseNodes,
  type SimpleKind,
  simpleNodes,
  treatmentNodes,
} from "./condition-facts";
import { factDescriber, joinQuotes } from "./fact-text";
import { type NodeIds, ref } from "./node-ids";
import type { Built } from "./relation-nodes";
import { causativeDrugCauseId, therapyDrugId } from "./therapies";

export type { ConditionNode } from "./condition-facts";

/** The condition and the nodes of its facts, and the facts its sections mention without a property stating them. */
export function conditionNodes(article: CompiledArticle, facts: Facts, ids: NodeIds): Built<ConditionNode> {
  const describeText = factDescriber(facts);
  const describe: Describe = (fact) => ({ name: fact.name, description: describeText(fact) });
  const part = (kind: SimpleKind) => simpleNodes(kind, facts, ids, describe);
  const anatomy = part("anatomy");
  const symptoms = part("symptoms");
  const causes = part("causes");
  const riskFactors = part("riskFactors");
  const tests = part("tests");
  const prevention = part("prevention");
  const differentials = differentialNodes(facts, ids, describe);
  const treatments = treatmentNodes(facts, ids, describe);
  const exercises = exerciseNodes(facts, ids);

  const condition: MedicalCondition = {
    ...conditionSummary(article, facts, ids, describeText),
    associatedAnatomy: anatomy.refs,
    signOrSymptom: symptoms.refs,
    // Medicines that can cause the condition are MedicalCause nodes too (see therapies.ts).
    cause: [
      ...causes.refs,
      ...(facts.causativeDrugs?.drugs ?? [])
        .filter((drug) => isStated("causative-drug", drug.modality))
        .map((drug) => ref(causativeDrugCauseId(ids, drug.id))),
    ],
    riskFactor: riskFactors.refs,
    typicalTest: tests.refs,
    differentialDiagnosis: differentials.refs,
    possibleTreatment: treatments.refs,
    secondaryPrevention: [...exercises.refs, ...prevention.refs],
    drug: facts.drugTherapies
      .filter((therapy) => isStated("drug-therapy", therapy.modality))
      .map((therapy) => ref(therapyDrugId(ids, therapy.id))),
  };
  const parts = [anatomy, symptoms, causes, riskFactors, tests, differentials, treatments, exercises, prevention];
  return {
    nodes: [condition, ...parts.flatMap(({ nodes }) => nodes)],
    mentions: parts.flatMap(({ mentions }) => mentions),
  };
}

/** The condition's own properties: names, codes and the course of the condition in the publisher's words. */
function conditionSummary(
  article: CompiledArticle,
  facts: Facts,
  ids: NodeIds,
  describe: ReturnType<typeof factDescriber>,
): MedicalCondition {
  const { condition, course } = facts;
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
