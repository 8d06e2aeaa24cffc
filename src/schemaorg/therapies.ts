/**
 * Drug nodes: the drug therapies (side effects belong to the therapy, not the
 * drug), the drugs that can cause the condition and what those drugs treat,
 * and the medicines the article does not recommend.
 */
import type {
  Drug,
  IdReference,
  MedicalCause,
  MedicalCondition,
  MedicalSignOrSymptom,
  MedicalTherapy,
} from "schema-dts";
import type { Facts } from "../content/model";
import { slugOf } from "../content/slug";
import { factDescriber, joinQuotes } from "./fact-text";
import { type NodeIds, ref } from "./node-ids";

export type TherapyNode = MedicalTherapy | Drug | MedicalCondition | MedicalSignOrSymptom | MedicalCause;

export const therapyId = (ids: NodeIds, id: string) => ids.of("therapy", id);
export const therapyDrugId = (ids: NodeIds, id: string) => ids.of("drug", id);
export const sideEffectId = (ids: NodeIds, id: string) => ids.of("side-effect", id);
export const notRecommendedDrugId = (ids: NodeIds, id: string) => ids.of("not-recommended-drug", id);

/** Each drug therapy as a MedicalTherapy using its Drug, with every side effect as an adverse outcome. */
export function drugTherapyNodes(facts: Facts, ids: NodeIds): TherapyNode[] {
  const describe = factDescriber(facts);
  return facts.drugTherapies.flatMap((therapy): TherapyNode[] => {
    const drugId = therapyDrugId(ids, therapy.id);
    const sideEffects = therapy.sideEffects.map((effect): MedicalCondition | MedicalSignOrSymptom => {
      const node = { "@id": sideEffectId(ids, effect.id), name: effect.name, description: describe(effect) };
      // A serious complication (thrombocytopenia) is a condition in its own right.
      return effect.serious ? { "@type": "MedicalCondition", ...node } : { "@type": "MedicalSignOrSymptom", ...node };
    });
    const { prescriptionOnly, dosageForm } = therapy.drug;
    const drug: Drug = {
      "@type": "Drug",
      "@id": drugId,
      name: therapy.drug.name,
      // A legal status only where the publisher states one: "may be prescribed" is not "prescription only".
      ...(prescriptionOnly === undefined
        ? {}
        : { prescriptionStatus: `https://schema.org/${prescriptionOnly ? "PrescriptionOnly" : "OTC"}` as const }),
      ...(dosageForm ? { dosageForm } : {}),
      ...(therapy.overdose ? { overdosage: therapy.overdose.quote } : {}),
      ...(therapy.dosageAdvice ? { warning: therapy.dosageAdvice.quote } : {}),
    };
    // schema.org 30.0 has no property for a therapy's indications, so the
    // prescribing conditions are stated in the description, in the article's words.
    const description = joinQuotes([
      describe(therapy),
      therapy.suitability?.quote,
      therapy.prescribingRule?.quote,
      ...therapy.prescribingConditions.map((condition) => condition.quote),
      therapy.course?.quote,
    ]);
    const medicalTherapy: MedicalTherapy = {
      "@type": "MedicalTherapy",
      "@id": therapyId(ids, therapy.id),
      name: therapy.name,
      description,
      drug: ref(drugId),
      adverseOutcome: therapy.sideEffects.map((effect) => ref(sideEffectId(ids, effect.id))),
      seriousAdverseOutcome: therapy.sideEffects
        .filter((effect) => effect.serious)
        .map((effect) => ref(sideEffectId(ids, effect.id))),
      ...(therapy.course?.stopRule ? { followup: therapy.course.stopRule.quote } : {}),
    };
    // What the drug was first used for: a condition it treats.
    const firstUse: MedicalCondition[] = therapy.firstUsedFor
      ? [
          {
            "@type": "MedicalCondition",
            "@id": ids.of("condition", slugOf(therapy.firstUsedFor.name)),
            name: therapy.firstUsedFor.name,
            possibleTreatment: ref(drugId),
          },
        ]
      : [];
    return [medicalTherapy, drug, ...sideEffects, ...firstUse];
  });
}

/**
 * Medicines that can cause the condition: each a MedicalCause of it and a
 * Drug, both described with the caveats that go with them (a small minority
 * of people; speak to your doctor), and each condition they are used for a
 * MedicalCondition they treat.
 */
export function causativeDrugNodes(facts: Facts, ids: NodeIds): TherapyNode[] {
  const describe = factDescriber(facts);
  const drugs = facts.causativeDrugs?.drugs ?? [];
  const treatedBy = new Map<string, { name: string; drugs: IdReference[] }>();
  for (const drug of drugs) {
    for (const name of drug.treats ?? []) {
      const entry = treatedBy.get(name) ?? { name, drugs: [] };
      entry.drugs.push(ref(ids.of("drug", drug.id)));
      treatedBy.set(name, entry);
    }
  }
  return [
    ...drugs.flatMap((drug): TherapyNode[] => {
      const description = describe(drug);
      return [
        {
          "@type": "MedicalCause",
          "@id": ids.of("cause", drug.id),
          name: drug.name,
          description,
          causeOf: ref(ids.condition),
        },
        { "@type": "Drug", "@id": ids.of("drug", drug.id), name: drug.name, description },
      ];
    }),
    ...[...treatedBy.values()].map(
      (treated): MedicalCondition => ({
        "@type": "MedicalCondition",
        "@id": ids.of("condition", slugOf(treated.name)),
        name: treated.name,
        possibleTreatment: treated.drugs,
      }),
    ),
  ];
}

/**
 * Medicines tried for the condition but not recommended: each a Drug whose
 * description says so, why, and when a doctor may still suggest it. No
 * property links them to the condition as a treatment; the section that
 * names them mentions them (sections.ts).
 */
export function notRecommendedDrugNodes(facts: Facts, ids: NodeIds): Drug[] {
  const group = facts.drugsNotRecommended;
  if (!group) return [];
  const description = joinQuotes([group.quote, group.reason?.quote, group.exception?.quote]);
  return group.drugs.map((drug) => ({
    "@type": "Drug",
    "@id": notRecommendedDrugId(ids, drug.id),
    name: drug.name,
    description,
  }));
}
