/**
 * What every fact stands on and carries: the section and the publisher's
 * whole sentences it comes from, and the qualifiers that make it safe to
 * show on its own (scope, frequency, evidence, caveats, care advice).
 *
 * Every `quote` is the publisher's words and every `name`, `action`,
 * `label` or `summary` is a label this service wrote (see PublisherText and Label).
 */
import * as z from "zod/mini";
import { Id, Label, PublisherText } from "./text";

/** A list an article may have nothing for: left out by authors, served as []. */
export function list<T extends z.ZodMiniType>(item: T) {
  return z._default(z.array(item), []);
}

/** Where a fact comes from: a section id and the publisher's whole sentences in it. */
export const sourced = { section: Id, quote: PublisherText };
export const SourceQuote = z.strictObject(sourced);

/** Who or when a fact applies to, e.g. muscle relaxants only for serious liver disease. */
export const Scope = z.strictObject({ label: Label, ...sourced });

/** How often it happens, as the publisher puts it. */
export const Frequency = z.strictObject({ value: z.enum(["common", "small-minority", "rare"]), ...sourced });

/** How strong the evidence is, when the publisher qualifies it: a theory, or no clear evidence. */
export const Evidence = z.strictObject({ value: z.enum(["theory", "no-clear-evidence"]), ...sourced });

/**
 * The words that make a fact safe to show on its own. Each is the
 * publisher's, from any section; an app shows them with the fact.
 */
export const qualifiers = {
  scope: z.optional(Scope),
  frequency: z.optional(Frequency),
  evidence: z.optional(Evidence),
  /** Warnings and advice that go with the fact, e.g. "speak to your doctor". */
  caveats: z.optional(z.array(SourceQuote)),
  /** Id of the care advice (`careAdvice`) this fact leads to. */
  careAdvice: z.optional(Id),
};
