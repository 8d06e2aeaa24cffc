/** The kinds of structured medical fact: causes, treatments, exercises, drugs, side effects, care advice. */
import * as z from "zod/mini";
import { list, qualifiers, SourceQuote, sourced } from "./qualifiers";
import { Id, Label, PublisherText } from "./text";

export const Fact = z.strictObject({ id: Id, name: Label, ...sourced, ...qualifiers });
export type Fact = z.infer<typeof Fact>;
export const Statement = z.strictObject({ id: Id, ...sourced, ...qualifiers });

export const CauseKind = z.enum(["theory", "lifestyle", "condition"]);
export const Cause = z.strictObject({
  id: Id,
  name: Label,
  kind: CauseKind,
  group: z.optional(Label),
  examples: z.optional(z.array(Label)),
  ...sourced,
  ...qualifiers,
});

export const Treatment = z.strictObject({
  id: Id,
  name: Label,
  kind: z.enum(["self-care", "medical", "medication"]),
  exercises: z.optional(z.array(Id)),
  ...sourced,
  ...qualifiers,
});

export const Exercise = z.strictObject({
  id: Id,
  name: Label,
  section: Id,
  steps: z.array(PublisherText).check(z.minLength(1, "an exercise needs at least one step")),
});

export const CausativeDrug = z.strictObject({
  id: Id,
  name: Label,
  purpose: z.optional(Label),
  treats: z.optional(z.array(Label)),
  prevents: z.optional(z.array(Label)),
  ...sourced,
  ...qualifiers,
});

export const SideEffect = z.strictObject({
  id: Id,
  name: Label,
  serious: z.optional(z.boolean()),
  ...sourced,
  ...qualifiers,
});

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
  firstUsedFor: z.optional(z.strictObject({ name: Label, ...sourced })),
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
