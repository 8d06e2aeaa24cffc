/**
 * The content model: one set of zod schemas for what authors write in
 * `content/`, what the compiler emits, what the API serves and what the
 * OpenAPI document describes.
 *
 * zod/mini rather than classic zod: the same validation engine at a seventh of
 * the bundle size (measured in README "Dependencies"), which matters for a
 * Worker that must start fast and stay under 100 KiB gzip.
 */
import * as z from "zod/mini";
import { CODE_SYSTEM_NAMES } from "./code-systems";

// ---------------------------------------------------------------------------
// Building blocks

/** Plain Unicode text, trimmed, never empty. Never HTML: renderers escape it. */
export const Text = z.string().check(z.trim(), z.minLength(1, "text must not be empty"));

/**
 * The publisher's words in the structured facts: one or more whole sentences
 * or list items of the named section, verbatim (the compiler checks both).
 */
export const PublisherText = Text.check(
  z.meta({
    description: "The publisher's words: one or more whole sentences or list items of the article, verbatim.",
    "x-wording": "publisher",
  }),
);

/** A short name or value this service writes for a fact; never shown as the publisher's sentence. */
export const Label = Text.check(
  z.meta({
    description: "A short label written by this service, not the publisher's words.",
    "x-wording": "label",
  }),
);

/** A stable, URL-safe identifier: lowercase words joined by hyphens. */
export const Id = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens"));

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date("must be a date written YYYY-MM-DD");

/**
 * An http(s) URL, stored in its WHATWG serialisation: quotes, angle brackets
 * and spaces are percent-encoded, so a URL can never break out of an
 * attribute, an autolink or a Markdown link wherever it is written.
 */
export const HttpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .check(z.overwrite((value) => new URL(value).href));

// ---------------------------------------------------------------------------
// Article text: sections of typed blocks

export interface ListItem {
  text: string;
  items: ListItem[];
}
export const ListItem: z.ZodMiniType<ListItem> = z.strictObject({
  text: Text,
  get items() {
    return z.array(ListItem);
  },
});

export const ParagraphBlock = z.strictObject({ type: z.literal("paragraph"), text: Text });
export const ListBlock = z.strictObject({
  type: z.literal("list"),
  ordered: z.boolean(),
  items: z.array(ListItem),
});
/** An illustration the publisher captioned; `image` is null when no image was supplied. */
export const FigureBlock = z.strictObject({
  type: z.literal("figure"),
  caption: Text,
  image: z.nullable(HttpUrl),
});
export const Block = z.discriminatedUnion("type", [ParagraphBlock, ListBlock, FigureBlock]);
export type Block = z.infer<typeof Block>;

export interface Section {
  id: string;
  /** Null only for the untitled opening section (`introduction`). */
  title: string | null;
  /** Heading level as published: 2 for top-level sections, 3 and deeper for nested ones. */
  level: number;
  parentId: string | null;
  /** `sha256:` + hex digest of the section's title, blocks and subsections. */
  hash: string;
  blocks: Block[];
  sections: Section[];
}
export const Section: z.ZodMiniType<Section> = z.strictObject({
  id: Id,
  title: z.nullable(Text),
  level: z.number().check(z.int(), z.minimum(2), z.maximum(6)),
  parentId: z.nullable(Id),
  hash: z.string(),
  blocks: z.array(Block),
  get sections() {
    return z.array(Section);
  },
});

export const FaqEntry = z.strictObject({
  id: Id,
  question: Text,
  answer: z.array(Block),
  hash: z.string(),
});
export type FaqEntry = z.infer<typeof FaqEntry>;

// ---------------------------------------------------------------------------
// Article metadata (front matter)

export const Person = z.strictObject({
  type: z.optional(z.literal("person")),
  name: Text,
  jobTitle: z.optional(Text),
  worksFor: z.optional(Text),
  about: z.optional(z.array(Text)),
});
export const Organization = z.strictObject({
  type: z.literal("organization"),
  name: Text,
  url: z.optional(HttpUrl),
  about: z.optional(z.array(Text)),
});
export const Author = z.union([Organization, Person]);

export const Licence = z.strictObject({ name: Text, url: z.optional(HttpUrl) });

/** A clinical code the publisher supplied, in any coding system, e.g. `{ system: "ICD-10", code: "R25.2" }`. */
export const ClinicalCode = z.strictObject({
  system: Text,
  code: Text,
  name: z.optional(Text),
});
export type ClinicalCode = z.infer<typeof ClinicalCode>;

/**
 * A clinical code this service mapped the article to, as written in
 * `content/<slug>/codes.yaml`: the syndicator's classification of the topic,
 * never the publisher's. `display` is the classification's own text for the
 * code, `release` the edition it was checked against.
 */
export const CodeMappingSource = z.strictObject({
  system: z.enum(CODE_SYSTEM_NAMES),
  code: Text,
  display: Text,
  release: Text,
  mappedBy: Text,
  rationale: Text,
});
export const CodeMappingFile = z.strictObject({ mappings: z.array(CodeMappingSource) });

/** A code mapping as served: the system with its HL7 OID and FHIR URI. */
export const CodeMapping = z.strictObject({
  ...CodeMappingSource.shape,
  system: z.strictObject({ name: z.enum(CODE_SYSTEM_NAMES), oid: z.string(), uri: z.string() }),
});
export type CodeMapping = z.infer<typeof CodeMapping>;

/** Publisher dates. Each is given only when the publisher supplied it. */
export const ArticleDates = z.strictObject({
  published: z.optional(IsoDate),
  modified: z.optional(IsoDate),
  reviewed: z.optional(IsoDate),
  nextReview: z.optional(IsoDate),
});

/** What authors write at the top of `content/<slug>/article.md`. */
export const FrontMatter = z.strictObject({
  slug: Id,
  title: Text,
  description: Text,
  language: z.string().check(z.regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, "must be a language tag such as en-GB")),
  dates: z.optional(ArticleDates),
  authors: z.array(Author).check(z.minLength(1, "at least one author is required")),
  editorsNote: z.optional(Text),
  editors: z.optional(z.array(Person)),
  publisher: z.strictObject({ name: Text, url: z.optional(HttpUrl) }),
  licence: z.optional(Licence),
  attribution: Text,
  disclaimer: z.array(Text).check(z.minLength(1, "a disclaimer is required")),
  /** The publisher's own URL for the article, when it gave one. */
  sourceUrl: z.optional(HttpUrl),
  codes: z.optional(z.array(ClinicalCode)),
  /** Id of the section whose subsections are the FAQ questions. */
  faqSection: z.optional(Id),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

// ---------------------------------------------------------------------------
// Structured medical facts (`content/<slug>/facts.yaml`)
//
// Every `quote` is the publisher's words and every `name`, `action`, `label`
// or `summary` is a label this service wrote (see PublisherText and Label).

/** A list an article may have nothing for: left out by authors, served as []. */
function list<T extends z.ZodMiniType>(item: T) {
  return z._default(z.array(item), []);
}

/** Where a fact comes from: a section id and the publisher's whole sentences in it. */
const sourced = { section: Id, quote: PublisherText };
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
const qualifiers = {
  scope: z.optional(Scope),
  frequency: z.optional(Frequency),
  evidence: z.optional(Evidence),
  /** Warnings and advice that go with the fact, e.g. "speak to your doctor". */
  caveats: z.optional(z.array(SourceQuote)),
  /** Id of the care advice (`careAdvice`) this fact leads to. */
  careAdvice: z.optional(Id),
};

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
    types: list(Fact),
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

// ---------------------------------------------------------------------------
// Compiled content: what the Worker imports

export const CompiledArticle = z.strictObject({
  slug: Id,
  title: Text,
  description: Text,
  language: z.string(),
  /** Publisher dates; null where the publisher gave none. */
  dates: z.strictObject({
    published: z.nullable(IsoDate),
    modified: z.nullable(IsoDate),
    reviewed: z.nullable(IsoDate),
    nextReview: z.nullable(IsoDate),
  }),
  /** When this API's copy of the content last changed (not a publisher date). */
  updatedAt: z.iso.datetime(),
  authors: z.array(Author),
  editorsNote: z.nullable(Text),
  editors: z.array(Person),
  publisher: z.strictObject({ name: Text, url: z.nullable(HttpUrl) }),
  licence: z.nullable(Licence),
  attribution: Text,
  disclaimer: z.array(Text),
  sourceUrl: z.nullable(HttpUrl),
  /** Codes the publisher supplied with the article. */
  codes: z.array(ClinicalCode),
  /** Codes this service mapped the article to, with their provenance (`codes.yaml`). */
  codeMappings: z.array(CodeMapping),
  /** `sha256:` digest of the whole article (metadata, sections, facts and code mappings). */
  hash: z.string(),
  sections: z.array(Section),
  faq: z.array(FaqEntry),
});
export type CompiledArticle = z.infer<typeof CompiledArticle>;

export const CompiledEntry = z.strictObject({ article: CompiledArticle, facts: Facts });
export type CompiledEntry = z.infer<typeof CompiledEntry>;

export const CompiledLibrary = z.strictObject({ entries: z.array(CompiledEntry) });
export type CompiledLibrary = z.infer<typeof CompiledLibrary>;
