/**
 * The offline schema.org validator that tests of the API's JSON-LD rely on.
 * Every document here is written for these tests: a valid page about a
 * condition, the shapes the API will emit, and one document per kind of
 * mistake, each with the exact issue it must produce. The vocabulary lives
 * outside the repository, so without it these tests skip and say why.
 */
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SchemaOrgIssue } from "./support/schemaorg/issue";
import { loadSchemaOrgVocabulary } from "./support/schemaorg/load-vocabulary";
import {
  createOfflineDocumentLoader,
  RefusedUrlError,
  SCHEMA_ORG_CONTEXT_URLS,
} from "./support/schemaorg/offline-document-loader";
import { validateJsonLd } from "./support/schemaorg/validate-json-ld";
import { isSubClassOf, type SchemaOrgVocabulary } from "./support/schemaorg/vocabulary";
import {
  hasSchemaOrgVocabulary,
  schemaOrgVocabularyDirectory,
  vocabularyTestTitle,
} from "./support/schemaorg/vocabulary-location";

const available = hasSchemaOrgVocabulary();
const PAGE = "https://health.example/articles/leg-cramps";
const CONDITION = `${PAGE}#condition`;

// Loaded once for the whole file: reading and indexing it is the slow part.
let vocabulary: SchemaOrgVocabulary;
beforeAll(() => {
  if (available) vocabulary = loadSchemaOrgVocabulary();
});

function validate(document: object): Promise<SchemaOrgIssue[]> {
  return validateJsonLd(document, vocabulary);
}

/** One node in schema.org's context, the smallest document a mistake can be shown in. */
function single(node: object): object {
  return { "@context": "https://schema.org", ...node };
}

describe("locating the vocabulary", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to ../shared/schemaorg beside the project", () => {
    vi.stubEnv("SCHEMAORG_VOCAB_DIR", "");
    expect(schemaOrgVocabularyDirectory()).toMatch(/[\\/]shared[\\/]schemaorg$/);
  });

  it("takes SCHEMAORG_VOCAB_DIR, absolute or relative to the project root", () => {
    vi.stubEnv("SCHEMAORG_VOCAB_DIR", "/opt/schemaorg");
    expect(schemaOrgVocabularyDirectory()).toBe("/opt/schemaorg");
    vi.stubEnv("SCHEMAORG_VOCAB_DIR", "vendor/schemaorg");
    expect(schemaOrgVocabularyDirectory()).toBe(join(import.meta.dirname, "../../vendor/schemaorg"));
  });

  it("says when the vocabulary is absent, and titles skipped tests with the reason", () => {
    expect(hasSchemaOrgVocabulary("/no/such/folder")).toBe(false);
    expect(vocabularyTestTitle("checks things", "/no/such/folder")).toBe(
      "checks things (skipped: no schema.org vocabulary in /no/such/folder; set SCHEMAORG_VOCAB_DIR to the folder " +
        "holding schemaorg-current-https.jsonld and schemaorgcontext.jsonld)",
    );
  });
});

describe.skipIf(!available)(vocabularyTestTitle("the schema.org vocabulary index"), () => {
  it("knows the data types, with URL under Text and Integer and Float under Number", () => {
    for (const name of ["Text", "URL", "Number", "Integer", "Float", "Boolean", "Date", "DateTime", "Time"]) {
      expect(vocabulary.classes.get(name)?.isDataType, name).toBe(true);
    }
    expect(vocabulary.classes.get("Thing")?.isDataType).toBe(false);
    expect(isSubClassOf(vocabulary, "URL", "Text")).toBe(true);
    expect(isSubClassOf(vocabulary, "Integer", "Number")).toBe(true);
    expect(isSubClassOf(vocabulary, "Float", "Number")).toBe(true);
    expect(isSubClassOf(vocabulary, "Text", "URL")).toBe(false);
  });

  it("closes subclassing transitively, through every superclass", () => {
    expect([...(vocabulary.classes.get("MedicalTherapy")?.ancestors ?? [])].sort()).toEqual([
      "MedicalEntity",
      "MedicalProcedure",
      "MedicalTherapy",
      "TherapeuticProcedure",
      "Thing",
    ]);
    // ExercisePlan is both a CreativeWork and, through PhysicalActivity, a LifestyleModification.
    expect(isSubClassOf(vocabulary, "ExercisePlan", "CreativeWork")).toBe(true);
    expect(isSubClassOf(vocabulary, "ExercisePlan", "LifestyleModification")).toBe(true);
  });

  it("indexes properties with their domains and ranges", () => {
    expect(vocabulary.properties.get("adverseOutcome")).toEqual({
      name: "adverseOutcome",
      domainIncludes: ["MedicalDevice", "TherapeuticProcedure"],
      rangeIncludes: ["MedicalEntity"],
      supersededBy: [],
    });
  });

  it("indexes enumeration members under their enumerations", () => {
    expect(vocabulary.enumerationMembers.get("Clinician")?.types).toEqual(["MedicalAudienceType"]);
    expect(vocabulary.classes.get("MedicalAudienceType")?.isEnumeration).toBe(true);
    expect(vocabulary.enumerationMembers.get("True")?.types).toEqual(["Boolean"]);
    // In release 30.0 Patient is a class (a MedicalAudience and a Person), not an enumeration member.
    expect(vocabulary.enumerationMembers.has("Patient")).toBe(false);
    expect(vocabulary.classes.get("Patient")?.subClassOf).toEqual(["MedicalAudience", "Person"]);
  });

  it("records superseded classes, properties and enumeration members", () => {
    expect(vocabulary.superseded.get("DatedMoneySpecification")).toEqual(["MonetaryAmount"]);
    expect(vocabulary.superseded.get("clincalPharmacology")).toEqual(["clinicalPharmacology"]);
    expect(vocabulary.superseded.get("Dermatologic")).toEqual(["Dermatology"]);
    expect(vocabulary.superseded.has("MedicalCondition")).toBe(false);
  });
});

describe.skipIf(!available)(vocabularyTestTitle("the offline document loader"), () => {
  it.each(SCHEMA_ORG_CONTEXT_URLS)("serves schema.org's context for %s", async (url) => {
    const loader = createOfflineDocumentLoader(vocabulary.context);
    await expect(loader(url)).resolves.toEqual({
      contextUrl: undefined,
      documentUrl: url,
      document: vocabulary.context,
    });
  });

  it.each([
    "https://example.org/context.jsonld",
    "https://schema.org/Thing",
    "https://schema.org.example/",
    "file:///etc/passwd",
  ])("refuses %s", async (url) => {
    const loader = createOfflineDocumentLoader(vocabulary.context);
    await expect(loader(url)).rejects.toThrow(RefusedUrlError);
  });
});

describe.skipIf(!available)(vocabularyTestTitle("valid documents"), () => {
  it("accepts a MedicalWebPage about a MedicalCondition, linked by @id in a @graph", async () => {
    const document = {
      "@context": "https://schema.org",
      "@graph": [
        {
          "@type": "MedicalWebPage",
          "@id": `${PAGE}#page`,
          url: PAGE,
          name: "Leg cramps",
          headline: "Leg cramps",
          inLanguage: "en-GB",
          datePublished: "2026-01-15",
          dateModified: "2026-03-02T09:30:00Z",
          lastReviewed: "2026-02-01",
          isAccessibleForFree: true,
          license: "https://creativecommons.org/licenses/by/4.0/",
          sameAs: ["https://publisher.example/leg-cramps"],
          isPartOf: { "@id": "https://health.example/" },
          about: { "@id": CONDITION },
          mainEntity: { "@id": CONDITION },
          author: { "@type": "Organization", name: "A content studio" },
          publisher: { "@id": "https://health.example/#publisher" },
          specialty: { "@id": "https://schema.org/Dermatology" },
        },
        { "@type": "Organization", "@id": "https://health.example/#publisher", name: "A health publisher" },
        {
          "@type": "MedicalCondition",
          "@id": CONDITION,
          name: { "@value": "Leg cramps", "@language": "en-GB" },
          alternateName: ["Night cramps", "Muscle cramps in the leg"],
          description: "Sudden, painful tightening of a muscle in the leg.",
          associatedAnatomy: { "@type": "Muscle", name: "Calf muscles" },
          signOrSymptom: [{ "@type": "MedicalSymptom", name: "A hard, painful lump in the muscle" }],
          riskFactor: [{ "@type": "MedicalRiskFactor", name: "Older age" }],
          cause: [{ "@type": "MedicalCause", name: "Muscle fatigue" }],
        },
      ],
    };
    expect(await validate(document)).toEqual([]);
  });

  it("accepts the shapes the API emits: therapies with outcomes, codes, differential diagnoses and exercise plans", async () => {
    const document = single({
      "@type": "MedicalCondition",
      "@id": CONDITION,
      name: "Leg cramps",
      code: [
        { "@type": "MedicalCode", codeValue: "R25.2", codingSystem: "ICD-10" },
        { "@type": "MedicalCode", codeValue: "449917004", codingSystem: "SNOMED CT" },
      ],
      differentialDiagnosis: {
        "@type": "DDxElement",
        diagnosis: { "@type": "MedicalCondition", name: "Restless legs syndrome" },
        distinguishingSign: { "@type": "MedicalSymptom", name: "An urge to move the legs" },
      },
      secondaryPrevention: {
        "@type": "ExercisePlan",
        name: "Calf stretch",
        exerciseType: "Stretching",
        activityDuration: "PT30S",
        repetitions: 3,
        restPeriods: "10 seconds between stretches",
      },
      possibleTreatment: {
        "@type": "MedicalTherapy",
        name: "Quinine",
        drug: { "@type": "Drug", name: "Quinine sulfate", nonProprietaryName: "quinine" },
        adverseOutcome: [
          { "@type": "MedicalSymptom", name: "Ringing in the ears" },
          { "@type": "MedicalSignOrSymptom", name: "Blurred vision" },
        ],
        seriousAdverseOutcome: { "@type": "MedicalCondition", name: "Thrombocytopenia" },
      },
    });
    expect(await validate(document)).toEqual([]);
  });

  it("accepts an audience as a MedicalAudience node, a Patient node, the Patient class or its URL", async () => {
    const document = single({
      "@type": "MedicalWebPage",
      "@id": `${PAGE}#page`,
      audience: [
        { "@type": "MedicalAudience", audienceType: "Patients", healthCondition: { "@id": CONDITION } },
        { "@type": "Patient" },
        { "@id": "https://schema.org/Patient" },
        "https://schema.org/Patient",
      ],
      medicalAudience: [{ "@id": "https://schema.org/Clinician" }, { "@id": "http://schema.org/MedicalResearcher" }],
      about: { "@type": "MedicalCondition", "@id": CONDITION, name: "Leg cramps" },
    });
    expect(await validate(document)).toEqual([]);
  });

  it("accepts a property given backwards with @reverse", async () => {
    const document = single({
      "@type": "MedicalCondition",
      name: "Leg cramps",
      "@reverse": { about: { "@type": "MedicalWebPage", name: "Leg cramps" } },
    });
    expect(await validate(document)).toEqual([]);
  });
});

describe.skipIf(!available)(vocabularyTestTitle("reporting mistakes"), () => {
  it("reports an @type that is not a schema.org class", async () => {
    expect(await validate(single({ "@type": "MedicalConditon", name: "Leg cramps" }))).toEqual([
      {
        rule: "unknown-type",
        at: "$[0]",
        term: "MedicalConditon",
        message: '@type "MedicalConditon" is not a schema.org class',
      },
    ]);
  });

  it("reports an enumeration member used as an @type", async () => {
    expect(await validate(single({ "@type": "Clinician", name: "A doctor" }))).toEqual([
      {
        rule: "unknown-type",
        at: "$[0]",
        term: "Clinician",
        message: '@type "Clinician" is a schema.org enumeration member, not a class',
      },
    ]);
  });

  it("reports a superseded @type", async () => {
    expect(await validate(single({ "@type": "DatedMoneySpecification", name: "Prescription charge" }))).toEqual([
      {
        rule: "superseded-type",
        at: "$[0]",
        term: "DatedMoneySpecification",
        message: '@type "DatedMoneySpecification" is superseded by MonetaryAmount',
      },
    ]);
  });

  it("reports a superseded property", async () => {
    const document = single({ "@type": "Drug", name: "Quinine", clincalPharmacology: "Reduces muscle excitability." });
    expect(await validate(document)).toEqual([
      {
        rule: "superseded-property",
        at: "$[0]",
        term: "clincalPharmacology",
        message: '"clincalPharmacology" is superseded by clinicalPharmacology',
      },
    ]);
  });

  it("reports a superseded enumeration member given as a value", async () => {
    const document = single({ "@type": "MedicalWebPage", specialty: { "@id": "https://schema.org/Dermatologic" } });
    expect(await validate(document)).toEqual([
      {
        rule: "superseded-value",
        at: "$[0]",
        term: "specialty",
        message: '"specialty" refers to Dermatologic, which is superseded by Dermatology',
      },
    ]);
  });

  it("reports a property that schema.org does not have, and one from another vocabulary", async () => {
    const document = single({
      "@type": "MedicalCondition",
      name: "Leg cramps",
      signOrSymptoms: "Pain",
      "dct:subject": "x",
    });
    expect(await validate(document)).toEqual([
      {
        rule: "unknown-property",
        at: "$[0]",
        term: "http://purl.org/dc/terms/subject",
        message: '"http://purl.org/dc/terms/subject" is not a schema.org property',
      },
      {
        rule: "unknown-property",
        at: "$[0]",
        term: "signOrSymptoms",
        message: '"signOrSymptoms" is not a schema.org property',
      },
    ]);
  });

  it("reports a key that expansion drops", async () => {
    expect(await validate(single({ "@type": "MedicalCondition", "@severity": "mild" }))).toEqual([
      {
        rule: "expansion",
        at: "$",
        term: "@severity",
        message: "Dropping property that did not expand into an absolute IRI or keyword.",
      },
    ]);
  });

  it("reports a property on a type it does not apply to", async () => {
    const document = single({ "@type": "MedicalCondition", "@id": CONDITION, lastReviewed: "2026-02-01" });
    expect(await validate(document)).toEqual([
      {
        rule: "domain",
        at: CONDITION,
        term: "lastReviewed",
        message: '"lastReviewed" is not a property of MedicalCondition; it applies to WebPage',
      },
    ]);
  });

  it("reports a node value of the wrong type", async () => {
    const document = single({
      "@type": "MedicalCondition",
      "@id": CONDITION,
      code: { "@type": "DDxElement", diagnosis: { "@type": "MedicalCondition", name: "Restless legs syndrome" } },
    });
    expect(await validate(document)).toEqual([
      {
        rule: "range",
        at: CONDITION,
        term: "code",
        message: '"code" expects MedicalCode, got a node typed DDxElement',
      },
    ]);
  });

  it("reports a referenced node of the wrong type", async () => {
    const document = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "MedicalWebPage", "@id": `${PAGE}#page`, reviewedBy: { "@id": CONDITION } },
        { "@type": "MedicalCondition", "@id": CONDITION, name: "Leg cramps" },
      ],
    };
    expect(await validate(document)).toEqual([
      {
        rule: "range",
        at: `${PAGE}#page`,
        term: "reviewedBy",
        message: `"reviewedBy" expects Organization or Person, got a reference to ${CONDITION}, a node typed MedicalCondition`,
      },
    ]);
  });

  it("reports text where a node is needed and Text is not allowed, but not where Text is", async () => {
    const document = single({ "@type": "MedicalCondition", "@id": CONDITION, code: "R25.2", status: "Common" });
    expect(await validate(document)).toEqual([
      { rule: "range", at: CONDITION, term: "code", message: '"code" expects MedicalCode, got the text "R25.2"' },
    ]);
  });

  it("reports literals of the wrong data type", async () => {
    const document = single({
      "@type": "ExercisePlan",
      "@id": `${PAGE}#stretch`,
      repetitions: "three",
      activityDuration: "30 seconds",
      isAccessibleForFree: "yes",
    });
    expect(await validate(document)).toEqual([
      {
        rule: "range",
        at: `${PAGE}#stretch`,
        term: "activityDuration",
        message:
          '"activityDuration" expects QuantitativeValue or Duration, got the text "30 seconds" ' +
          "(Duration: an ISO 8601 duration such as PT30M)",
      },
      {
        rule: "range",
        at: `${PAGE}#stretch`,
        term: "isAccessibleForFree",
        message: '"isAccessibleForFree" expects Boolean, got the text "yes" (Boolean: true or false)',
      },
      {
        rule: "range",
        at: `${PAGE}#stretch`,
        term: "repetitions",
        message: '"repetitions" expects Number or QuantitativeValue, got the text "three" (Number: a JSON number)',
      },
    ]);
  });

  it("reports a date in another format, a date that does not exist, and a date-time where only a date fits", async () => {
    const document = single({
      "@type": "MedicalWebPage",
      "@id": `${PAGE}#page`,
      datePublished: "15/01/2026",
      dateModified: "2026-02-30",
      lastReviewed: "2026-02-01T09:30:00Z",
    });
    const dateOrDateTime = "(DateTime: YYYY-MM-DDThh:mm[:ss][Z|±hh:mm]; Date: YYYY-MM-DD)";
    expect(await validate(document)).toEqual([
      {
        rule: "range",
        at: `${PAGE}#page`,
        term: "dateModified",
        message: `"dateModified" expects DateTime or Date, got the text "2026-02-30" ${dateOrDateTime}`,
      },
      {
        rule: "range",
        at: `${PAGE}#page`,
        term: "datePublished",
        message: `"datePublished" expects Date or DateTime, got the text "15/01/2026" (Date: YYYY-MM-DD; DateTime: YYYY-MM-DDThh:mm[:ss][Z|±hh:mm])`,
      },
      {
        rule: "range",
        at: `${PAGE}#page`,
        term: "lastReviewed",
        message: '"lastReviewed" expects Date, got the text "2026-02-01T09:30:00Z" (Date: YYYY-MM-DD)',
      },
    ]);
  });

  it("reports an @id reference to a node the document does not have", async () => {
    const document = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "MedicalWebPage", "@id": `${PAGE}#page`, about: { "@id": `${PAGE}#conditon` } },
        { "@type": "MedicalCondition", "@id": CONDITION, name: "Leg cramps", cause: { "@id": "_:cause" } },
      ],
    };
    expect(await validate(document)).toEqual([
      {
        rule: "unresolved-reference",
        at: `${PAGE}#page`,
        term: "about",
        message: `"about" refers to ${PAGE}#conditon, which is not a node of this document, and "about" does not accept a URL`,
      },
      {
        rule: "unresolved-reference",
        at: CONDITION,
        term: "cause",
        message: '"cause" refers to "_:cause", which is neither a node of this document nor an absolute URL',
      },
    ]);
  });

  it("accepts outside URLs where the range takes a URL, and nowhere else", async () => {
    const document = single({
      "@type": "MedicalWebPage",
      "@id": `${PAGE}#page`,
      url: "not a url",
      sameAs: "https://publisher.example/leg-cramps",
      isPartOf: { "@id": "https://health.example/" },
      reviewedBy: { "@id": "https://health.example/#reviewer" },
    });
    expect(await validate(document)).toEqual([
      {
        rule: "unresolved-reference",
        at: `${PAGE}#page`,
        term: "reviewedBy",
        message:
          '"reviewedBy" refers to https://health.example/#reviewer, which is not a node of this document, and "reviewedBy" does not accept a URL',
      },
      {
        rule: "unresolved-reference",
        at: `${PAGE}#page`,
        term: "url",
        message: '"url" refers to "not a url", which is neither a node of this document nor an absolute URL',
      },
    ]);
  });

  it("reports a schema.org reference that names no term, or a member of the wrong enumeration", async () => {
    const document = single({
      "@type": "MedicalWebPage",
      "@id": `${PAGE}#page`,
      audience: [{ "@id": "https://schema.org/Clinician" }, "https://schema.org/Patients"],
    });
    expect(await validate(document)).toEqual([
      {
        rule: "range",
        at: `${PAGE}#page`,
        term: "audience",
        message: '"audience" expects Audience, got Clinician, a MedicalAudienceType',
      },
      {
        rule: "unresolved-reference",
        at: `${PAGE}#page`,
        term: "audience",
        message: '"audience" refers to https://schema.org/Patients, not a schema.org term',
      },
    ]);
  });

  it("finds mistakes in nested nodes and names them by their path when they have no @id", async () => {
    const document = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "MedicalWebPage", "@id": `${PAGE}#page`, about: { "@id": CONDITION } },
        {
          "@type": "MedicalCondition",
          "@id": CONDITION,
          possibleTreatment: {
            "@type": "MedicalTherapy",
            adverseOutcome: [{ "@type": "MedicalSymptom", name: "Nausea" }, { name: "Tinnitus" }],
            seriousAdverseOutcome: { "@type": "MedicalSymptom", lastReviewed: "2026-02-01" },
          },
        },
      ],
    };
    expect(await validate(document)).toEqual([
      {
        rule: "missing-type",
        at: "$[1].possibleTreatment[0].adverseOutcome[1]",
        term: "@type",
        message: "node has properties but no @type, so they cannot be checked",
      },
      {
        rule: "domain",
        at: "$[1].possibleTreatment[0].seriousAdverseOutcome[0]",
        term: "lastReviewed",
        message: '"lastReviewed" is not a property of MedicalSymptom; it applies to WebPage',
      },
    ]);
  });

  it("checks @reverse properties with the value as subject", async () => {
    const document = single({
      "@type": "MedicalCondition",
      "@id": CONDITION,
      "@reverse": { about: { "@type": "Person", name: "A patient" } },
    });
    expect(await validate(document)).toEqual([
      {
        rule: "domain",
        at: '$[0]["@reverse"].about[0]',
        term: "about",
        message:
          '"about" is not a property of Person; it applies to DefinedTerm, Event, Certification, CreativeWork, ' +
          "DefinedTermSet or CommunicateAction",
      },
    ]);
  });

  it("refuses a context other than schema.org's instead of fetching it", async () => {
    const refused = (url: string): SchemaOrgIssue => ({
      rule: "expansion",
      at: "$",
      term: "@context",
      message: `refused to load "${url}": only the schema.org context is available offline`,
    });
    const own = { "@context": "https://example.org/context.jsonld", "@type": "MedicalCondition" };
    expect(await validate(own)).toEqual([refused("https://example.org/context.jsonld")]);
    const extra = {
      "@context": ["https://schema.org", "https://example.org/extra.jsonld"],
      "@type": "MedicalCondition",
    };
    expect(await validate(extra)).toEqual([refused("https://example.org/extra.jsonld")]);
  });

  it("reports a document that is not JSON-LD", async () => {
    expect(await validate(single({ "@id": 42, "@type": "MedicalCondition" }))).toEqual([
      {
        rule: "expansion",
        at: "$",
        term: "invalid @id value",
        message: 'Invalid JSON-LD syntax; "@id" value must a string.',
      },
    ]);
  });
});
