/**
 * CDS Hooks 2.0: the discovery document and the `patient-view` service that
 * puts a "learn more" card in front of a clinician for each article matching
 * one of the patient's conditions. Conditions are read only from `prefetch`
 * (FHIR R4 Condition resources in a Bundle); this service never calls an EHR's
 * FHIR server. Request bodies carry patient data: they are validated, never
 * stored, never logged.
 */
import * as z from "zod/mini";
import { CODE_SYSTEM_NAMES, findCodeSystem } from "../content/code-systems";
import type { ContentLibrary } from "../content/library";
import { mappingText } from "../content/mapping-text";
import type { IndexedArticle } from "../content/model";
import { escapeMarkdown } from "../lib/escape-markdown";
import { type CodeQuery, type MatchedCodes, matchCodes } from "./code-match";
import { lookupOf } from "./library-lookup";
import { urls } from "./urls";

export const PATIENT_EDUCATION_SERVICE = "patient-education";

export const CdsService = z.strictObject({
  hook: z.string(),
  id: z.string(),
  title: z.string(),
  description: z.string(),
  prefetch: z.record(z.string(), z.string()),
  usageRequirements: z.string(),
});

export const CdsServices = z.strictObject({ services: z.array(CdsService) });
export type CdsServices = z.infer<typeof CdsServices>;

export function cdsServices(): CdsServices {
  return {
    services: [
      {
        hook: "patient-view",
        id: PATIENT_EDUCATION_SERVICE,
        title: "Patient education for the patient's conditions",
        description: `A card linking to this service's patient-facing article for each of the patient's active conditions coded in ${CODE_SYSTEM_NAMES.join(", ")} that an article is mapped to.`,
        prefetch: { conditions: "Condition?patient={{context.patientId}}" },
        usageRequirements:
          "Send the patient's Condition resources as the `conditions` prefetch; this service does not call your FHIR server. Codes it maps articles to are its own mappings, not the publisher's.",
      },
    ],
  };
}

/**
 * What one request may carry, so that its cost is bounded by these and not
 * by the library (each coding is one lookup): far above a real patient's
 * list of conditions and a concept's codings (BENCHMARKS.md measures the
 * worst body accepted).
 */
export const CDS_LIMITS = { conditions: 200, codings: 10 } as const;

// FHIR R4 as far as this service reads it; other fields are allowed and ignored.
const Coding = z.object({
  system: z.optional(z.string()),
  code: z.optional(z.string()),
  display: z.optional(z.string()),
});
const CodeableConcept = z.object({
  coding: z.optional(z.array(Coding).check(z.maxLength(CDS_LIMITS.codings))),
  text: z.optional(z.string()),
});
export const FhirCondition = z.object({
  resourceType: z.literal("Condition"),
  code: z.optional(CodeableConcept),
  clinicalStatus: z.optional(CodeableConcept),
  verificationStatus: z.optional(CodeableConcept),
});
export type FhirCondition = z.infer<typeof FhirCondition>;
/** Any FHIR resource; a Condition is then read in full (as FhirCondition), any other (an OperationOutcome, say) is skipped. */
const Resource = z.looseObject({ resourceType: z.string() });
const Bundle = z.object({
  resourceType: z.literal("Bundle"),
  entry: z.optional(z.array(z.object({ resource: z.optional(Resource) })).check(z.maxLength(CDS_LIMITS.conditions))),
});

/** What a CDS client sends in place of a prefetch it could not make (CDS Hooks 2.0): treated as a prefetch not sent. */
const OperationOutcome = z.looseObject({ resourceType: z.literal("OperationOutcome") });

/** A `patient-view` request, as CDS Hooks 2.0 defines it. */
export const PatientViewRequest = z.object({
  hook: z.literal("patient-view"),
  hookInstance: z.string().check(z.minLength(1)),
  fhirServer: z.optional(z.string()),
  fhirAuthorization: z.optional(z.looseObject({})),
  context: z.object({
    userId: z.string(),
    patientId: z.string(),
    encounterId: z.optional(z.string()),
  }),
  /** `conditions` is null when the client's prefetch found nothing, an OperationOutcome when it failed. */
  prefetch: z.optional(
    z.looseObject({
      conditions: z.optional(z.nullable(z.discriminatedUnion("resourceType", [Bundle, OperationOutcome]))),
    }),
  ),
});
export type PatientViewRequest = z.infer<typeof PatientViewRequest>;

export const Card = z.strictObject({
  summary: z.string().check(z.maxLength(140)),
  indicator: z.literal("info"),
  detail: z.string(),
  source: z.strictObject({ label: z.string(), url: z.string() }),
  links: z.array(z.strictObject({ label: z.string(), url: z.string(), type: z.literal("absolute") })),
});
export const CdsResponse = z.strictObject({ cards: z.array(Card) });
export type CdsResponse = z.infer<typeof CdsResponse>;

/** Conditions that are not the patient's current problems: a card for them would mislead. */
const NOT_CURRENT = new Set(["inactive", "resolved", "remission", "refuted", "entered-in-error"]);

function isCurrent(condition: FhirCondition): boolean {
  const statuses = [condition.clinicalStatus, condition.verificationStatus].flatMap((status) => status?.coding ?? []);
  return !statuses.some((coding) => coding.code !== undefined && NOT_CURRENT.has(coding.code));
}

/**
 * The most cards a response holds. CDS Hooks cards interrupt a clinician's
 * workflow, and the specification asks services to return few; a code many
 * articles share would otherwise list them all.
 */
export const MAX_CARDS = 10;

/** One card per article matching a code of one of the patient's current conditions: the newest MAX_CARDS. */
export function patientViewCards(library: ContentLibrary, conditions: FhirCondition[], base: string): CdsResponse {
  const codes = new Map<string, CodeQuery>();
  for (const condition of conditions.filter(isCurrent)) {
    for (const coding of condition.code?.coding ?? []) {
      if (coding.code === undefined || coding.system === undefined) continue;
      // A system this service does not know is compared by name, as the publisher's codes are.
      const code = { system: findCodeSystem(coding.system)?.name ?? coding.system, code: coding.code };
      codes.set(`${code.system}\n${code.code}`, code);
    }
  }
  // The articles come from the library's lookup, newest first, each with the codes it holds.
  const cards = lookupOf(library)
    .newestByCode([...codes.values()], MAX_CARDS)
    .map(({ article, queries }) => {
      const matched = queries.map((code) => matchCodes(article, code));
      return card(
        article,
        { publisher: matched.flatMap((m) => m.publisher), mapped: matched.flatMap((m) => m.mapped) },
        base,
      );
    });
  return { cards };
}

function card(article: IndexedArticle, matched: MatchedCodes, base: string): z.infer<typeof Card> {
  const page = urls.page(base, article.slug);
  const publisherCodes = matched.publisher.map((code) => `${code.system} ${code.code} (the publisher's code)`);
  const mappings = [
    ...new Map(matched.mapped.map((mapping) => [`${mapping.system.name} ${mapping.code}`, mapping])).values(),
  ];
  return {
    summary: shorten(`Patient information: ${article.title}`, 140),
    indicator: "info",
    detail: [
      escapeMarkdown(article.description),
      ...(publisherCodes.length > 0 ? [escapeMarkdown(`Matched on ${publisherCodes.join(", ")}.`)] : []),
      ...mappings.map((mapping) => escapeMarkdown(`Matched on ${mappingText(mapping)}`)),
      escapeMarkdown(article.attribution),
    ].join("\n\n"),
    source: { label: article.publisher.name, url: page },
    links: [{ label: shorten(`${article.title} (patient information)`, 140), url: page, type: "absolute" }],
  };
}

/** A label cut at a word boundary to fit, with an ellipsis. */
function shorten(label: string, limit: number): string {
  if (label.length <= limit) return label;
  const cut = label.slice(0, limit - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1))}…`;
}
