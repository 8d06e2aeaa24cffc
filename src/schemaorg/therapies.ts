/**
 * Drug nodes: the drug therapies (side effects belong to the therapy, not the
 * drug), the drugs that can cause the condition and what those drugs treat,
 * and the medicines the article does not recommend. What the graph may not
 * state as a property (claims.ts), such as what a drug was once used for, is
 * a described node its section mentions.
 */
import type {
  Drug,
  IdReference,
  MedicalCause,
  MedicalCondition,
  MedicalEntity,
  MedicalSignOrSymptom,
  MedicalTherapy,
} from "schema-dts";
import type { Facts } from "../content/model";
import { slugOf } from "../content/slug";
import { isStated } from "./claims";
import { factDescriber, joinQuotes } from "./fact-text";
import { type NodeIds, ref } from "./node-ids";
import { type Built, byModality, type Part, relationNodes } from "./relation-nodes";

export type TherapyNode =
  | MedicalTherapy
  | Drug
  | MedicalCondition
  | MedicalSignOrSymptom
  | MedicalCause
  | MedicalEntity;

export const therapyId = (ids: NodeIds, id: string) => ids.of("therapy", id);
export const therapyDrugId = (ids: NodeIds, id: string) => ids.of("drug", id);
export const sideEffectId = (ids: NodeIds, id: string) => ids.of("side-effect", id);
export const causativeDrugCauseId = (ids: NodeIds, id: string) => ids.of("cause", id);
export const notRecommendedDrugId = (ids: NodeIds, id: string) => ids.of("not-recommended-drug", id);

/** Each drug therapy as a MedicalTherapy using its Drug, with every side effect it states as an adverse outcome. */
export function drugTherapyNodes(facts: Facts, ids: NodeIds): Built<TherapyNode> {
  const describe = factDescriber(facts);
  const parts = facts.drugTherapies.map((therapy): Built<TherapyNode> => {
    const drugId = therapyDrugId(ids, therapy.id);
    const sideEffects = relationNodes(
      therapy.sideEffects,
      byModality("side-effect"),
      (effect) => sideEffectId(ids, effect.id),
      (effect, id, stated): (MedicalCondition | MedicalSignOrSymptom | MedicalEntity)[] => {
        const node = { "@id": id, name: effect.name, description: describe(effect) };
        if (!stated) return [{ "@type": "MedicalEntity", ...node }];
        // A serious complication (thrombocytopenia) is a condition in its own right.
        return [
          effect.serious ? { "@type": "MedicalCondition", ...node } : { "@type": "MedicalSignOrSymptom", ...node },
        ];
      },
    );
    const seriousIds = new Set(
      therapy.sideEffects.filter((effect) => effect.serious).map((e) => sideEffectId(ids, e.id)),
    );
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
    const medicalTherapy: MedicalTherapy = {
      "@type": "MedicalTherapy",
      "@id": therapyId(ids, therapy.id),
      name: therapy.name,
      description: therapyDescription(therapy, facts, describe),
      drug: ref(drugId),
      adverseOutcome: sideEffects.refs,
      seriousAdverseOutcome: sideEffects.refs.filter((effect) => seriousIds.has(effect["@id"])),
      ...(therapy.course?.stopRule ? { followup: therapy.course.stopRule.quote } : {}),
    };
    const earlierUse = earlierUseNodes(therapy, drugId, ids);
    return {
      nodes: [medicalTherapy, drug, ...sideEffects.nodes, ...earlierUse.nodes],
      mentions: [...sideEffects.mentions, ...earlierUse.mentions],
    };
  });
  return { nodes: parts.flatMap((part) => part.nodes), mentions: parts.flatMap((part) => part.mentions) };
}

/**
 * schema.org 30.0 has no property for a therapy's indications, so the
 * prescribing conditions are stated in the description, in the article's
 * words; first, when the condition's treatments name this therapy, that
 * treatment with its scope and caveats, since the graph states it through
 * this node ("you may be prescribed ... when all else fails").
 */
function therapyDescription(
  therapy: Facts["drugTherapies"][number],
  facts: Facts,
  describe: ReturnType<typeof factDescriber>,
): string {
  const treatment = facts.treatments.find((candidate) => candidate.id === therapy.id);
  return joinQuotes([
    treatment && describe(treatment),
    describe(therapy),
    therapy.suitability?.quote,
    therapy.prescribingRule?.quote,
    ...therapy.prescribingConditions.map((condition) => condition.quote),
    therapy.course?.quote,
  ]);
}

/**
 * What the drug was used for before ("Quinine was first used to treat
 * malaria"): the condition it treats when the sentence states it as a
 * treatment; a condition its section mentions, described in the publisher's
 * words, when the sentence is a historical remark.
 */
function earlierUseNodes(
  therapy: Facts["drugTherapies"][number],
  drugId: string,
  ids: NodeIds,
): Part<MedicalCondition> {
  const uses = therapy.firstUsedFor ? [therapy.firstUsedFor] : [];
  return relationNodes(
    uses,
    byModality("earlier-use"),
    (use) => ids.of("condition", slugOf(use.name)),
    (use, id, stated): MedicalCondition[] => [
      stated
        ? { "@type": "MedicalCondition", "@id": id, name: use.name, possibleTreatment: ref(drugId) }
        : { "@type": "MedicalCondition", "@id": id, name: use.name, description: use.quote },
    ],
  );
}

/**
 * Medicines that can cause the condition: each a MedicalCause of it and a
 * Drug, both described with the caveats that go with them (a small minority
 * of people; speak to your doctor), and each condition they are used for a
 * MedicalCondition they treat. A medicine the graph may not state as a cause
 * is a Drug its section mentions, and nothing it treats is stated.
 */
export function causativeDrugNodes(facts: Facts, ids: NodeIds): Built<TherapyNode> {
  const describe = factDescriber(facts);
  const drugs = facts.causativeDrugs?.drugs ?? [];
  // The condition references the causes it states (condition.ts); a drug it does not is mentioned as the drug it is.
  const part = relationNodes(
    drugs,
    byModality("causative-drug"),
    (drug) => ids.of("drug", drug.id),
    (drug, id, stated): TherapyNode[] => {
      const description = describe(drug);
      const asDrug: Drug = { "@type": "Drug", "@id": id, name: drug.name, description };
      if (!stated) return [asDrug];
      const cause: MedicalCause = {
        "@type": "MedicalCause",
        "@id": causativeDrugCauseId(ids, drug.id),
        name: drug.name,
        description,
        causeOf: ref(ids.condition),
      };
      return [cause, asDrug];
    },
  );
  const treatedBy = new Map<string, { name: string; drugs: IdReference[] }>();
  for (const drug of drugs.filter((entry) => isStated("causative-drug", entry.modality))) {
    for (const name of drug.treats ?? []) {
      const entry = treatedBy.get(name) ?? { name, drugs: [] };
      entry.drugs.push(ref(ids.of("drug", drug.id)));
      treatedBy.set(name, entry);
    }
  }
  const treated = [...treatedBy.values()].map(
    (entry): MedicalCondition => ({
      "@type": "MedicalCondition",
      "@id": ids.of("condition", slugOf(entry.name)),
      name: entry.name,
      possibleTreatment: entry.drugs,
    }),
  );
  return { nodes: [...part.nodes, ...treated], mentions: part.mentions };
}

/**
 * Medicines tried for the condition but not recommended: each a Drug whose
 * description says so, why, and when a doctor may still suggest it. No
 * property links them to the condition as a treatment; the section that
 * names them mentions them.
 */
export function notRecommendedDrugNodes(facts: Facts, ids: NodeIds): Built<Drug> {
  const group = facts.drugsNotRecommended;
  if (!group) return { nodes: [], mentions: [] };
  const description = joinQuotes([group.quote, group.reason?.quote, group.exception?.quote]);
  return {
    nodes: group.drugs.map(
      (drug): Drug => ({ "@type": "Drug", "@id": notRecommendedDrugId(ids, drug.id), name: drug.name, description }),
    ),
    mentions: group.drugs.map((drug) => ({ section: group.section, ref: ref(notRecommendedDrugId(ids, drug.id)) })),
  };
}
