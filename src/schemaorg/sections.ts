/**
 * The article's sections as parts of the page, the way health publishers
 * describe them: each a HealthTopicContent with its text and what it is about
 * (`hasHealthAspect`), so the see-a-doctor and urgent advice, the medicines
 * not recommended and the disclaimer are in the graph in the publisher's
 * words. FAQ questions are Question nodes (web-page.ts), parts of their section.
 */
import type { HealthAspectEnumeration, HealthTopicContent, IdReference, WPFooter } from "schema-dts";
import { urls } from "../api/urls";
import type { CompiledEntry, HealthAspect, Section } from "../content/model";
import { plainText } from "./fact-text";
import { type NodeIds, ref } from "./node-ids";
import type { Mentions } from "./relation-nodes";

export type SectionNode = HealthTopicContent | WPFooter;

export const sectionId = (ids: NodeIds, id: string) => ids.of("section", id);
export const questionId = (ids: NodeIds, id: string) => ids.of("question", id);

/** Each aspect's schema.org enumeration member (`see-doctor` is SeeDoctorHealthAspect). */
const ASPECT_IRIS: Record<HealthAspect, Extract<HealthAspectEnumeration, string>> = {
  allergies: "https://schema.org/AllergiesHealthAspect",
  benefits: "https://schema.org/BenefitsHealthAspect",
  causes: "https://schema.org/CausesHealthAspect",
  contagiousness: "https://schema.org/ContagiousnessHealthAspect",
  effectiveness: "https://schema.org/EffectivenessHealthAspect",
  "getting-access": "https://schema.org/GettingAccessHealthAspect",
  "how-it-works": "https://schema.org/HowItWorksHealthAspect",
  "how-or-where": "https://schema.org/HowOrWhereHealthAspect",
  ingredients: "https://schema.org/IngredientsHealthAspect",
  "living-with": "https://schema.org/LivingWithHealthAspect",
  "may-treat": "https://schema.org/MayTreatHealthAspect",
  misconceptions: "https://schema.org/MisconceptionsHealthAspect",
  overview: "https://schema.org/OverviewHealthAspect",
  "patient-experience": "https://schema.org/PatientExperienceHealthAspect",
  pregnancy: "https://schema.org/PregnancyHealthAspect",
  prevention: "https://schema.org/PreventionHealthAspect",
  prognosis: "https://schema.org/PrognosisHealthAspect",
  "related-topics": "https://schema.org/RelatedTopicsHealthAspect",
  "risks-or-complications": "https://schema.org/RisksOrComplicationsHealthAspect",
  safety: "https://schema.org/SafetyHealthAspect",
  screening: "https://schema.org/ScreeningHealthAspect",
  "see-doctor": "https://schema.org/SeeDoctorHealthAspect",
  "self-care": "https://schema.org/SelfCareHealthAspect",
  "side-effects": "https://schema.org/SideEffectsHealthAspect",
  stages: "https://schema.org/StagesHealthAspect",
  symptoms: "https://schema.org/SymptomsHealthAspect",
  treatments: "https://schema.org/TreatmentsHealthAspect",
  types: "https://schema.org/TypesHealthAspect",
  "usage-or-schedule": "https://schema.org/UsageOrScheduleHealthAspect",
};

/**
 * One node per section that is not an FAQ question, nested as the article
 * nests them, each mentioning the nodes of its facts that no property states.
 */
export function sectionNodes(
  { article, facts }: CompiledEntry,
  ids: NodeIds,
  base: string,
  mentions: Mentions,
): SectionNode[] {
  const questions = new Set(article.faq.map((entry) => entry.id));
  const partRef = (section: Section): IdReference =>
    ref(questions.has(section.id) ? questionId(ids, section.id) : sectionId(ids, section.id));

  const build = (section: Section): SectionNode[] => {
    if (questions.has(section.id)) return [];
    const aspects = facts.sectionAspects[section.id] ?? [];
    const text = plainText(section.blocks);
    const mentioned = mentions.get(section.id) ?? [];
    const node: HealthTopicContent = {
      "@type": "HealthTopicContent",
      "@id": sectionId(ids, section.id),
      url: urls.sectionAnchor(base, article.slug, section.id),
      ...(section.title ? { name: section.title } : {}),
      ...(text ? { text } : {}),
      // As node references, so JSON-LD expands them to the enumeration members' IRIs, not to text.
      ...(aspects.length > 0 ? { hasHealthAspect: aspects.map((aspect) => ref(ASPECT_IRIS[aspect])) } : {}),
      ...(section.sections.length > 0 ? { hasPart: section.sections.map(partRef) } : {}),
      ...(mentioned.length > 0 ? { mentions: mentioned } : {}),
    };
    return [node, ...section.sections.flatMap(build)];
  };
  const disclaimer: WPFooter = {
    "@type": "WPFooter",
    "@id": ids.disclaimer,
    name: "Disclaimer",
    text: article.disclaimer.join("\n"),
  };
  return [...article.sections.flatMap(build), disclaimer];
}

/** The page's own parts: its top-level sections and the disclaimer. */
export function pageParts({ article }: CompiledEntry, ids: NodeIds): IdReference[] {
  return [...article.sections.map((section) => ref(sectionId(ids, section.id))), ref(ids.disclaimer)];
}
