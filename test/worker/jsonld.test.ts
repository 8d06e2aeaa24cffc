/**
 * The schema.org graph: served as application/ld+json, negotiated on the
 * article URL with the same bytes, and carrying every fact of the content.
 * (Vocabulary validation, which needs the schema.org files, is in test/node.)
 */
import { describe, expect, it } from "vitest";
import type { ConditionResource } from "../../src/api/schemas";
import type { Modality } from "../../src/content/model";
import { slugOf } from "../../src/content/slug";
import { jsonLdForHtml } from "../../src/schemaorg/article-graph";
import { isStated, type StatedKind } from "../../src/schemaorg/claims";
import { graph, id, nodeById, PAGE, refs } from "../support/json-ld";
import { FAQ_SECTION, SUBJECT } from "../support/subject";
import { call, getJson } from "../support/worker";

/** What each test expects is read from the article and its facts (test/support/subject.ts). */
const { slug, article, facts: compiled } = SUBJECT;

describe("GET /v1/articles/{slug}/jsonld", () => {
  it("is one schema.org @graph with the page about the condition", async () => {
    const document = await graph();
    expect(document["@context"]).toBe("https://schema.org");
    const nodes = nodeById(document);
    const page = nodes.get(id("webpage"));
    expect(page).toMatchObject({
      "@type": "MedicalWebPage",
      url: PAGE,
      name: article.title,
      inLanguage: article.language,
      about: { "@id": id("condition") },
      mainEntity: { "@id": id("condition") },
      audience: { "@id": id("audience") },
      medicalAudience: { "@id": id("audience") },
      publisher: { "@id": id("publisher") },
    });
    // A MedicalAudience value (not the class IRI schema:Patient).
    expect(nodes.get(id("audience"))).toEqual({
      "@type": "MedicalAudience",
      "@id": id("audience"),
      audienceType: "Patient",
    });
    // Nothing the publisher did not give: no dates, licence, reviewer or source it left out.
    const given: Record<string, unknown> = {
      datePublished: article.dates.published,
      dateModified: article.dates.modified,
      lastReviewed: article.dates.reviewed,
      license: article.licence,
      isBasedOn: article.sourceUrl,
    };
    for (const [property, value] of Object.entries(given)) {
      if (value === null) expect(page, property).not.toHaveProperty(property);
    }
    // The content model has no reviewer: none is ever claimed.
    expect(page).not.toHaveProperty("reviewedBy");
    // The only codes are this service's mappings, each a node saying so (clinical-codes.test.ts).
    const { codeMappings } = await getJson<ConditionResource>(`/v1/conditions/${slug}`);
    expect(refs(nodes.get(id("condition")), "code")).toEqual(
      codeMappings.map((mapping) => id(`code-${slugOf(mapping.system.name)}-${slugOf(mapping.code)}`)),
    );
    expect(codeMappings.length).toBeGreaterThan(0);
  });

  it("defines every node once and resolves every reference inside the graph", async () => {
    const document = await graph();
    const ids = document["@graph"].map((node) => node["@id"]);
    expect(new Set(ids).size).toBe(ids.length);
    const defined = new Set(ids);
    const dangling: string[] = [];
    const visit = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (typeof value === "object" && value !== null) {
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record);
        if (keys.length === 1 && typeof record["@id"] === "string") {
          const target = record["@id"];
          if (target.startsWith(PAGE) && !defined.has(target)) dangling.push(target);
        } else Object.values(record).forEach(visit);
      }
    };
    visit(document["@graph"]);
    expect(dangling).toEqual([]);
  });

  it("carries the relations its properties may state, every FAQ and the condition's course", async () => {
    const { facts } = await getJson<ConditionResource>(`/v1/conditions/${slug}`);
    const document = await graph();
    const nodes = nodeById(document);
    const condition = nodes.get(id("condition"));
    const named = (ids: string[]) => ids.map((nodeId) => nodes.get(nodeId)?.name);
    // Which relations are stated, and that the others are mentioned, is claims.test.ts's; here, that they are in order.
    const stated = <Fact extends { modality: Modality }>(kind: StatedKind, list: readonly Fact[]) =>
      list.filter((fact) => isStated(kind, fact.modality));

    const causes = [...stated("cause", facts.causes), ...stated("causative-drug", facts.causativeDrugs?.drugs ?? [])];
    expect(named(refs(condition, "cause"))).toEqual(causes.map((cause) => cause.name));
    expect(named(refs(condition, "riskFactor"))).toEqual(stated("risk-factor", facts.riskFactors).map((f) => f.name));
    // A treatment given in full as a drug therapy is that therapy, under the therapy's name.
    const therapies = new Map(facts.drugTherapies.map((therapy) => [therapy.id, therapy.name]));
    expect(named(refs(condition, "possibleTreatment"))).toEqual(
      stated("treatment", facts.treatments).map((treatment) => therapies.get(treatment.id) ?? treatment.name),
    );
    expect(named(refs(condition, "secondaryPrevention"))).toEqual([
      ...facts.exercises.map((exercise) => exercise.name),
      ...stated("prevention", facts.prevention).map((fact) => fact.name),
    ]);
    expect(named(refs(condition, "associatedAnatomy"))).toEqual(facts.anatomy.map((fact) => fact.name));
    expect(named(refs(condition, "signOrSymptom"))).toEqual(facts.symptoms.map((fact) => fact.name));
    expect(named(refs(condition, "typicalTest"))).toEqual(stated("test", facts.tests).map((fact) => fact.name));
    expect(condition?.alternateName ?? []).toEqual(facts.condition.alternateNames.map((name) => name.name));
    for (const property of ["naturalProgression", "epidemiology", "expectedPrognosis", "pathophysiology"]) {
      expect(typeof condition?.[property], property).toBe("string");
    }

    // The questions are parts of the FAQ's section, itself a part of the page.
    const faqSection = id(`section-${FAQ_SECTION?.section.id}`);
    expect(refs(nodes.get(id("webpage")), "hasPart")).toContain(faqSection);
    const questions = refs(nodes.get(faqSection), "hasPart").map((questionId) => nodes.get(questionId));
    expect(questions.map((question) => question?.name)).toEqual(article.faq.map((entry) => entry.question));
    for (const question of questions) {
      expect(question?.["@type"]).toBe("Question");
      expect(question?.acceptedAnswer).toMatchObject({ "@type": "Answer", text: expect.any(String) });
    }
  });

  it("puts each drug therapy's side effects on the therapy, the serious ones marked, and its warnings on the drug, with no legal status the source does not state", async () => {
    const nodes = nodeById(await graph());
    // Every side effect in the content, in order (the list itself is checked in conditions.test.ts).
    for (const therapyFacts of compiled.drugTherapies) {
      const therapy = nodes.get(id(`therapy-${therapyFacts.id}`));
      expect(therapy).toMatchObject({ "@type": "MedicalTherapy", drug: { "@id": id(`drug-${therapyFacts.id}`) } });
      const { sideEffects } = therapyFacts;
      expect(refs(therapy, "adverseOutcome").map((sideEffect) => nodes.get(sideEffect)?.name)).toEqual(
        sideEffects.map((effect) => effect.name),
      );
      expect(refs(therapy, "seriousAdverseOutcome")).toEqual(
        sideEffects.filter((effect) => effect.serious).map((effect) => id(`side-effect-${effect.id}`)),
      );
      const drug = nodes.get(id(`drug-${therapyFacts.id}`));
      expect(drug?.["@type"]).toBe("Drug");
      expect(drug?.dosageForm).toBe(therapyFacts.drug.dosageForm);
      expect(drug?.overdosage).toBe(therapyFacts.overdose?.quote);
      expect(drug).not.toHaveProperty("adverseOutcome");
      // "May be prescribed" is not "available only on prescription".
      expect(drug).not.toHaveProperty("prescriptionStatus");
    }
  });

  it("describes the medicines that can cause cramps as drugs with what they treat", async () => {
    const nodes = nodeById(await graph());
    const drugs = compiled.causativeDrugs?.drugs ?? [];
    const treatedBy = new Map<string, string[]>();
    for (const drug of drugs) {
      expect(nodes.get(id(`drug-${drug.id}`))).toMatchObject({ "@type": "Drug", name: drug.name });
      for (const treated of drug.treats ?? []) {
        treatedBy.set(treated, [...(treatedBy.get(treated) ?? []), id(`drug-${drug.id}`)]);
      }
    }
    for (const [treated, drugIds] of treatedBy) {
      const condition = nodes.get(id(`condition-${slugOf(treated)}`));
      expect(condition?.["@type"], treated).toBe("MedicalCondition");
      expect(refs(condition, "possibleTreatment"), treated).toEqual(drugIds);
    }
  });

  it("tells each differential diagnosis apart by its distinguishing signs", async () => {
    const nodes = nodeById(await graph());
    const elements = refs(nodes.get(id("condition")), "differentialDiagnosis").map((ddxId) => nodes.get(ddxId));
    // Those whose modality the property allows (claims.test.ts).
    const stated = compiled.differentialDiagnoses.filter((diagnosis) =>
      isStated("differential-diagnosis", diagnosis.modality),
    );
    expect(elements).toHaveLength(stated.length);
    stated.forEach((diagnosis, index) => {
      const ddx = elements[index];
      expect(ddx).toMatchObject({ "@type": "DDxElement", diagnosis: { "@id": id(`condition-${diagnosis.id}`) } });
      expect(refs(ddx, "distinguishingSign").map((sign) => nodes.get(sign)?.name)).toEqual(
        diagnosis.distinguishingSigns,
      );
    });
  });

  it("is served with the same bytes for Accept: application/ld+json on the article, varying on Accept", async () => {
    const direct = await call(`${SUBJECT.path}/jsonld`);
    const negotiated = await call(SUBJECT.path, { headers: { Accept: "application/ld+json" } });
    expect(negotiated.headers.get("Content-Type")).toBe("application/ld+json; charset=utf-8");
    expect(negotiated.headers.get("Vary")).toBe("Accept");
    expect(negotiated.headers.get("ETag")).toBe(direct.headers.get("ETag"));
    expect(await negotiated.text()).toBe(await direct.text());
    const json = await call(SUBJECT.path, { headers: { Accept: "application/json" } });
    expect(json.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(json.headers.get("Vary")).toBe("Accept");
  });
});

describe("JSON-LD inside HTML", () => {
  it("escapes what could close the script or start a comment", () => {
    const text = jsonLdForHtml({
      "@context": "https://schema.org",
      "@graph": [{ "@type": "Thing", name: "</script><!-- & \u2028" }],
    });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)["@graph"][0].name).toBe("</script><!-- & \u2028");
  });
});
