/**
 * Which strings of the structured facts and the care advice are the
 * publisher's words and which are labels this service writes, by field name:
 * carried in the payload so an app that never reads the OpenAPI document can
 * still tell a label ("Call 111 if ...") from the publisher's sentence. The
 * content model marks each field (`x-wording`, src/content/model/text.ts);
 * a test derives these lists from those marks, so they cannot drift.
 */
import * as z from "zod/mini";

export const Wording = z.strictObject({
  /** The parts of the resource these field names describe. */
  appliesTo: z.array(z.string()),
  /** Fields whose strings are the publisher's whole sentences or list items. */
  publisher: z.array(z.string()),
  /** Fields whose strings are short labels this service wrote. */
  label: z.array(z.string()),
});
export type Wording = z.infer<typeof Wording>;

export const WORDING: Wording = {
  appliesTo: ["facts", "urgentCareAdvice"],
  publisher: ["includes", "quote", "steps", "text"],
  label: [
    "action",
    "distinguishingSigns",
    "dosageForm",
    "effects",
    "examples",
    "frequency",
    "group",
    "label",
    "name",
    "notModal",
    "prevents",
    "purpose",
    "summary",
    "treats",
  ],
};
