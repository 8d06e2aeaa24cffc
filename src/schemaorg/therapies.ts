/**
 * Drug nodes: the drug therapies (side effects belong to the therapy, not the
 * drug), the drugs that can cause the condition, and what those drugs treat.
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
import { type NodeIds, nameId, ref } from "./node-ids";

export type TherapyNode = MedicalTherapy | Drug | MedicalCondition | MedicalSignOrSymptom | MedicalCause;

export const therapyId = (ids: NodeIds, id: string) => ids.of("therapy", id);
export const therapyDrugId = (ids: NodeIds, id: string) => ids.of("drug", id);
export const sideEffectId = (ids: NodeIds, id: string) => ids.of("side-effect", id);

/** Each drug therapy as a MedicalTherapy using its Drug, with every side effect as an adverse outcome. */
export function drugTherapyNodes(facts: Facts, ids: NodeIds): TherapyNode[] {
  return facts.drugTherapies.flatMap((therapy): TherapyNode[] => {
    const drugId = therapyDrugId(ids, therapy.id);
    const sideEffects = therapy.sideEffects.map((effect): MedicalCondition | MedicalSignOrSymptom => {
      const node = {
        "@id": sideEffectId(ids, effect.id),
        name: effect.name,
        description: effect.description ?? effect.quote,
      };
      // A serious complication (thrombocytopenia) is a condition in its own right.
      return effect.serious ? { "@type": "MedicalCondition", ...node } : { "@type": "MedicalSignOrSymptom", ...node };
    });
    const drug: Drug = {
      "@type": "Drug",
      "@id": drugId,
      name: therapy.drug.name,
      prescriptionStatus: therapy.drug.prescriptionOnly
        ? "https://schema.org/PrescriptionOnly"
        : "https://schema.org/OTC",
      ...(therapy.drug.dosageForm ? { dosageForm: therapy.drug.dosageForm } : {}),
      ...(therapy.overdose ? { overdosage: therapy.overdose.quote } : {}),
      ...(therapy.dosageAdvice ? { warning: therapy.dosageAdvice.quote } : {}),
    };
    // schema.org 30.0 has no property for a therapy's indications, so the
    // prescribing conditions are stated in the description, in the article's words.
    const conditions = therapy.prescribingConditions.map((condition) => condition.quote).join("; ");
    const prescribing =
      therapy.prescribingRule && conditions ? `${therapy.prescribingRule.quote} ${conditions}.` : undefined;
    const description = [therapy.quote, therapy.suitability?.quote, prescribing, therapy.course?.quote]
      .filter(Boolean)
      .join(" ");
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
            "@id": ids.of("condition", nameId(therapy.firstUsedFor.name)),
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
 * Drug, and each condition they are used for a MedicalCondition they treat.
 */
export function causativeDrugNodes(facts: Facts, ids: NodeIds): TherapyNode[] {
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
    ...drugs.flatMap((drug): TherapyNode[] => [
      {
        "@type": "MedicalCause",
        "@id": ids.of("cause", drug.id),
        name: drug.name,
        description: drug.quote,
        causeOf: ref(ids.condition),
      },
      { "@type": "Drug", "@id": ids.of("drug", drug.id), name: drug.name, description: drug.quote },
    ]),
    ...[...treatedBy.values()].map(
      (treated): MedicalCondition => ({
        "@type": "MedicalCondition",
        "@id": ids.of("condition", nameId(treated.name)),
        name: treated.name,
        possibleTreatment: treated.drugs,
      }),
    ),
  ];
}
