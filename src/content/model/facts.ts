/** The structured facts of a condition (`content/<slug>/facts.yaml`), each standing on the article's words. */
import * as z from "zod/mini";
import { ClinicalCode } from "./codes";
import {
  CareAdvice,
  CausativeDrug,
  Cause,
  DrugTherapy,
  Exercise,
  Fact,
  Named,
  Statement,
  Treatment,
} from "./fact-kinds";
import { HealthAspect } from "./health-aspects";
import { modalityFields } from "./modality";
import { list, qualifiers, SourceQuote, sourced } from "./qualifiers";
import { Id, Label } from "./text";

/**
 * The structured facts of a condition. Only `condition` is required: an
 * article states what it states, and a list it has nothing for is empty.
 */
export const Facts = z.strictObject({
  condition: z.strictObject({
    name: Label,
    ...sourced,
    alternateNames: list(z.strictObject({ name: Label, ...sourced })),
    codes: list(ClinicalCode),
    pathophysiology: z.optional(SourceQuote),
    types: list(Named),
  }),
  /** What each section is about: a classification this service adds, by section id. */
  sectionAspects: z._default(z.record(Id, z.array(HealthAspect)), {}),
  anatomy: list(Fact),
  symptoms: list(Fact),
  course: z.optional(
    z.strictObject({
      duration: z.optional(
        z.strictObject({
          summary: Label,
          maximumMinutes: z.optional(z.number().check(z.positive())),
          ...sourced,
          ...qualifiers,
        }),
      ),
      progression: list(Statement),
      prognosis: list(Statement),
    }),
  ),
  epidemiology: list(Statement),
  causes: list(Cause),
  riskFactors: list(Fact),
  tests: list(Fact),
  differentialDiagnoses: list(
    z.strictObject({
      id: Id,
      name: Label,
      distinguishingSigns: z.array(Label),
      ...sourced,
      ...qualifiers,
      ...modalityFields,
    }),
  ),
  treatments: list(Treatment),
  exercises: list(Exercise),
  exercisePlan: z.optional(
    z.strictObject({
      exercises: z.array(Id),
      frequency: z.optional(Label),
      durationWeeks: z.optional(z.strictObject({ minimum: z.number(), maximum: z.number() })),
      ...sourced,
      ...modalityFields,
      timing: z.optional(SourceQuote),
      expectedBenefit: z.optional(SourceQuote),
    }),
  ),
  prevention: list(Fact),
  /** Medicines that can cause the condition, with what they are used for. */
  causativeDrugs: z.optional(
    z.strictObject({
      ...sourced,
      advice: z.optional(SourceQuote),
      drugs: z.array(CausativeDrug),
    }),
  ),
  drugTherapies: list(DrugTherapy),
  /** Medicines tried for the condition but not recommended. */
  drugsNotRecommended: z.optional(
    z.strictObject({
      ...sourced,
      reason: z.optional(SourceQuote),
      exception: z.optional(SourceQuote),
      drugs: z.array(z.strictObject({ id: Id, name: Label })),
    }),
  ),
  careAdvice: list(CareAdvice),
});
export type Facts = z.infer<typeof Facts>;

/** The facts' care advice of urgency `urgent`: what travels with every fragment of the article. */
export function urgentCareAdviceOf(facts: Pick<Facts, "careAdvice">): CareAdvice[] {
  return facts.careAdvice.filter((advice) => advice.urgency === "urgent");
}
