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
import { call, getJson } from "../support/worker";

describe("GET /v1/articles/{slug}/jsonld", () => {
  it("is one schema.org @graph with the page about the condition", async () => {
    const document = await graph();
    expect(document["@context"]).toBe("https://schema.org");
    const nodes = nodeById(document);
    const page = nodes.get(id("webpage"));
    expect(page).toMatchObject({
      "@type": "MedicalWebPage",
      url: PAGE,
      name: "Leg cramps",
      inLanguage: "en-GB",
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
    // Nothing the publisher did not give: no dates, licence, reviewer or source.
    for (const absent of ["datePublished", "dateModified", "lastReviewed", "reviewedBy", "license", "isBasedOn"]) {
      expect(page, absent).not.toHaveProperty(absent);
    }
    // The only codes are this service's mappings, each a node saying so (clinical-codes.test.ts).
    const { codeMappings } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
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
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
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
    expect(named(refs(condition, "possibleTreatment"))).toEqual(
      stated("treatment", facts.treatments).map((treatment) =>
        treatment.id === "quinine" ? "Quinine for leg cramps" : treatment.name,
      ),
    );
    expect(named(refs(condition, "secondaryPrevention"))).toEqual([
      ...facts.exercises.map((exercise) => exercise.name),
      ...stated("prevention", facts.prevention).map((fact) => fact.name),
    ]);
    expect(named(refs(condition, "associatedAnatomy"))).toEqual(facts.anatomy.map((fact) => fact.name));
    expect(named(refs(condition, "signOrSymptom"))).toEqual(facts.symptoms.map((fact) => fact.name));
    expect(named(refs(condition, "typicalTest"))).toEqual(stated("test", facts.tests).map((fact) => fact.name));
    expect(condition?.alternateName).toEqual(["Calf cramps"]);
    for (const property of ["naturalProgression", "epidemiology", "expectedPrognosis", "pathophysiology"]) {
      expect(typeof condition?.[property], property).toBe("string");
    }

    // The questions are parts of the FAQ's section, itself a part of the page.
    const faqSection = id("section-leg-cramps-faqs");
    expect(refs(nodes.get(id("webpage")), "hasPart")).toContain(faqSection);
    const questions = refs(nodes.get(faqSection), "hasPart").map((questionId) => nodes.get(questionId));
    expect(questions).toHaveLength(12);
    for (const question of questions) {
      expect(question?.["@type"]).toBe("Question");
      expect(question?.acceptedAnswer).toMatchObject({ "@type": "Answer", text: expect.any(String) });
    }
  });

  it("puts quinine's side effects on the therapy, the serious one marked, and its warnings on the drug, with no legal status the source does not state", async () => {
    const nodes = nodeById(await graph());
    const therapy = nodes.get(id("therapy-quinine"));
    expect(therapy).toMatchObject({ "@type": "MedicalTherapy", drug: { "@id": id("drug-quinine") } });
    // Every side effect in the content, in order (the list itself is checked in conditions.test.ts).
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    const sideEffects = facts.drugTherapies.find((entry) => entry.id === "quinine")?.sideEffects ?? [];
    expect(sideEffects.length).toBeGreaterThan(0);
    expect(refs(therapy, "adverseOutcome").map((sideEffect) => nodes.get(sideEffect)?.name)).toEqual(
      sideEffects.map((effect) => effect.name),
    );
    expect(refs(therapy, "seriousAdverseOutcome")).toEqual([id("side-effect-thrombocytopenia")]);
    const drug = nodes.get(id("drug-quinine"));
    expect(drug).toMatchObject({
      "@type": "Drug",
      dosageForm: "Tablets",
      overdosage: "Overdosing on quinine can cause blindness and death.",
    });
    expect(drug).not.toHaveProperty("adverseOutcome");
    // "May be prescribed" is not "available only on prescription".
    expect(drug).not.toHaveProperty("prescriptionStatus");
  });

  it("describes the medicines that can cause cramps as drugs with what they treat", async () => {
    const nodes = nodeById(await graph());
    expect(nodes.get(id("drug-nifedipine"))).toMatchObject({ "@type": "Drug", name: "Nifedipine" });
    expect(nodes.get(id("condition-angina"))).toMatchObject({
      "@type": "MedicalCondition",
      possibleTreatment: [{ "@id": id("drug-nifedipine") }],
    });
    expect(refs(nodes.get(id("condition-high-cholesterol")), "possibleTreatment")).toEqual([
      id("drug-statins"),
      id("drug-nicotinic-acid"),
    ]);
  });

  it("tells a blood clot apart by its distinguishing signs", async () => {
    const nodes = nodeById(await graph());
    const [ddx] = refs(nodes.get(id("condition")), "differentialDiagnosis").map((ddxId) => nodes.get(ddxId));
    expect(ddx).toMatchObject({ "@type": "DDxElement", diagnosis: { "@id": id("condition-blood-clot") } });
    expect(refs(ddx, "distinguishingSign").map((sign) => nodes.get(sign)?.name)).toEqual([
      "Redness",
      "Swelling",
      "Warmth",
    ]);
  });

  it("is served with the same bytes for Accept: application/ld+json on the article, varying on Accept", async () => {
    const direct = await call("/v1/articles/leg-cramps/jsonld");
    const negotiated = await call("/v1/articles/leg-cramps", { headers: { Accept: "application/ld+json" } });
    expect(negotiated.headers.get("Content-Type")).toBe("application/ld+json; charset=utf-8");
    expect(negotiated.headers.get("Vary")).toBe("Accept");
    expect(negotiated.headers.get("ETag")).toBe(direct.headers.get("ETag"));
    expect(await negotiated.text()).toBe(await direct.text());
    const json = await call("/v1/articles/leg-cramps", { headers: { Accept: "application/json" } });
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
