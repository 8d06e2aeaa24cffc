/** What a section of an article is about, in schema.org's terms. */
import * as z from "zod/mini";

/**
 * What a section of the article is about, in schema.org's terms
 * (`HealthAspectEnumeration`, e.g. `see-doctor` is SeeDoctorHealthAspect).
 */
export const HealthAspect = z.enum([
  "allergies",
  "benefits",
  "causes",
  "contagiousness",
  "effectiveness",
  "getting-access",
  "how-it-works",
  "how-or-where",
  "ingredients",
  "living-with",
  "may-treat",
  "misconceptions",
  "overview",
  "patient-experience",
  "pregnancy",
  "prevention",
  "prognosis",
  "related-topics",
  "risks-or-complications",
  "safety",
  "screening",
  "see-doctor",
  "self-care",
  "side-effects",
  "stages",
  "symptoms",
  "treatments",
  "types",
  "usage-or-schedule",
]);
export type HealthAspect = z.infer<typeof HealthAspect>;
