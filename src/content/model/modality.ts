/**
 * How strongly the publisher states a relation (a cause, a treatment, a side
 * effect...): a relation is read without its sentence (in JSON-LD, in an
 * app's list of causes), so the sentence's "may", "no clear evidence", "was"
 * or "if" must travel with it as data. The compiler holds every relation's
 * sentences to its modality (src/content/claims/modality-rule.ts).
 */
import * as z from "zod/mini";
import { SourceQuote } from "./qualifiers";
import { Label } from "./text";

/**
 * - `affirmed`: stated as a fact ("is", "causes", "include").
 * - `possible`: hedged ("may", "can", "usually", "some people").
 * - `no-clear-evidence`: the publisher says there is no clear evidence for it.
 * - `theory`: one of the theories the publisher gives.
 * - `historical`: true once ("was first used to treat"), not a present claim.
 *
 * A condition ("if", "when", "especially") is not a strength of its own: it
 * goes with any of these, and is the relation's `scope` (or, for care advice,
 * its `when`).
 */
export const Modality = z.enum(["affirmed", "possible", "no-clear-evidence", "theory", "historical"]).check(
  z.meta({
    description:
      "How strongly the publisher states this relation: affirmed, possible (may, can), no-clear-evidence, theory, or historical (was). A relation with a `scope` holds only under that condition.",
  }),
);
export type Modality = z.infer<typeof Modality>;

/** What every relation carries beside its quote: its modality, and what the compiler derives and checks. */
export const modalityFields = {
  modality: Modality,
  /**
   * When the quote is a list item: the sentences that introduce its list,
   * outermost first ("Health conditions that can trigger secondary leg
   * cramps include:"). The compiler derives them from the article; authors do
   * not write them.
   */
  introducedBy: z.optional(z.array(SourceQuote)),
  /**
   * Words of the quote that look modal but qualify nothing in this relation,
   * each with why ("occur when" defines a cramp; it sets no condition).
   */
  notModal: z.optional(z.record(z.string(), Label)),
};
