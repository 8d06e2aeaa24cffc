/** The kinds of structured medical fact: causes, treatments, exercises, drugs, side effects, care advice. */
import * as z from "zod/mini";
import { modalityFields } from "./modality";
import { list, qualifiers, SourceQuote, sourced } from "./qualifiers";
import { Id, Label, PublisherText } from "./text";

/** Something the article names and quotes, that is not a relation: a type of the condition. */
export const Named = z.strictObject({ id: Id, name: Label, ...sourced, ...qualifiers });
/** A relation of the condition (a symptom, cause, risk factor, test, prevention...), with its modality. */
export const Fact = z.extend(Named, modalityFields);
export type Fact = z.infer<typeof Fact>;
/** Sentences about the condition (its course, epidemiology): shown whole, never read as a relation. */
export const Statement = z.strictObject({ id: Id, ...sourced, ...qualifiers });

export const CauseKind = z.enum(["theory", "lifestyle", "condition"]);
export const Cause = z.extend(Fact, {
  kind: CauseKind,
  group: z.optional(Label),
  examples: z.optional(z.array(Label)),
});

export const Treatment = z.extend(Fact, {
  kind: z.enum(["self-care", "medical", "medication"]),
  exercises: z.optional(z.array(Id)),
});

export const Exercise = z.strictObject({
  id: Id,
  name: Label,
  section: Id,
  steps: z.array(PublisherText).check(z.minLength(1, "an exercise needs at least one step")),
});

export const CausativeDrug = z.extend(Fact, {
  purpose: z.optional(Label),
  treats: z.optional(z.array(Label)),
  prevents: z.optional(z.array(Label)),
});

export const SideEffect = z.extend(Fact, { serious: z.optional(z.boolean()) });

export const CareCondition = z.strictObject({
  text: PublisherText,
  includes: z.optional(z.array(PublisherText)),
});

export const CareAdvice = z.strictObject({
  id: Id,
  /** self-care: no appointment needed; routine: see a GP; urgent: GP urgently or NHS 111. */
  urgency: z.enum(["self-care", "routine", "urgent"]),
  action: Label,
  /** The advice in the publisher's words; `when` holds the list items that follow it. */
  ...sourced,
  when: list(CareCondition),
  ...modalityFields,
});
export type CareAdvice = z.infer<typeof CareAdvice>;

/** A drug treatment: the therapy (with its side effects) that uses a drug. */
export const DrugTherapy = z.strictObject({
  id: Id,
  name: Label,
  drug: z.strictObject({
    name: Label,
    dosageForm: z.optional(Label),
    /** Only when the publisher states the drug's legal status. */
    prescriptionOnly: z.optional(z.boolean()),
  }),
  ...sourced,
  ...qualifiers,
  ...modalityFields,
  /** What the drug was used for before: a relation of its own, with its own modality (historical, for quinine). */
  firstUsedFor: z.optional(z.strictObject({ name: Label, ...sourced, ...modalityFields })),
  suitability: z.optional(SourceQuote),
  sideEffects: list(SideEffect),
  dosageAdvice: z.optional(SourceQuote),
  overdose: z.optional(z.strictObject({ effects: z.array(Label), ...sourced })),
  /** The sentences that introduce the prescribing conditions, e.g. "... only prescribe quinine if:". */
  prescribingRule: z.optional(SourceQuote),
  prescribingConditions: list(Statement),
  course: z.optional(
    z.strictObject({
      durationWeeks: z.number().check(z.int(), z.positive()),
      ...sourced,
      stopRule: z.optional(SourceQuote),
    }),
  ),
});
