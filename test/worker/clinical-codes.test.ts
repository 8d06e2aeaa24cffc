/**
 * Clinical codes as a layer of this service's own: leg cramps is mapped to
 * SNOMED CT, WHO ICD-10 and ICD-10-CM (its article's codes.yaml), found
 * by code in every form, and every representation says the codes are the
 * service's mappings, how each fits the article and the published source it
 * was checked against, never the publisher's.
 */
import { describe, expect, it } from "vitest";
import type { ArticleList, ArticleResource, ConditionResource } from "../../src/api/schemas";
import { CODE_SYSTEMS } from "../../src/content/code-systems";
import { mappingText } from "../../src/content/mapping-text";
import { graph, id, nodeById, refs } from "../support/json-ld";
import { slugsMappedTo } from "../support/library";
import { SUBJECT } from "../support/subject";
import { getJson } from "../support/worker";

describe("code mappings", () => {
  it.each([
    ["R25.2", "R25.2"],
    ["G47.62", "G47.62"],
    ["r25.2", "R25.2"],
    ["G4762", "G47.62"],
    ["ICD-10-CM|R25.2", "R25.2"],
    ["ICD-10-CM|G47.62", "G47.62"],
    ["icd-10-cm|g47.62", "G47.62"],
    ["2.16.840.1.113883.6.90|R25.2", "R25.2"],
    ["urn:oid:2.16.840.1.113883.6.90|G47.62", "G47.62"],
    ["http://hl7.org/fhir/sid/icd-10-cm|G47.62", "G47.62"],
    // The UK's systems: WHO's ICD-10 and SNOMED CT, by name, OID and FHIR URI.
    ["ICD-10|R25.2", "R25.2"],
    ["2.16.840.1.113883.6.3|R252", "R25.2"],
    ["http://hl7.org/fhir/sid/icd-10|R25.2", "R25.2"],
    ["SNOMED CT|449918009", "449918009"],
    ["http://snomed.info/sct|102549009", "102549009"],
    ["urn:oid:2.16.840.1.113883.6.96|424647005", "424647005"],
  ])("find the article by ?code=%s", async (query, code) => {
    const list = await getJson<ArticleList>(`/v1/articles?code=${encodeURIComponent(query)}`);
    expect(list.items.map((item) => item.slug)).toEqual(slugsMappedTo(code));
    expect(slugsMappedTo(code)).toContain(SUBJECT.slug);
  });

  it("does not take WHO's ICD-10 for ICD-10-CM: G47.62 is only in ICD-10-CM", async () => {
    const list = await getJson<ArticleList>(`/v1/articles?code=${encodeURIComponent("ICD-10|G47.62")}`);
    expect(list.items).toEqual([]);
  });

  it("are served as the service's, each with its system, fit, source, release, who mapped and why", async () => {
    const article = await getJson<ArticleResource>(SUBJECT.path);
    expect(article.codes).toEqual([]);
    expect(article.codeMappings.length).toBeGreaterThan(0);
    for (const mapping of article.codeMappings) {
      const system = CODE_SYSTEMS.find((candidate) => candidate.name === mapping.system.name);
      expect(mapping.system).toEqual({ name: system?.name, oid: system?.oid, uri: system?.uri });
      expect(system?.canonical(mapping.code)).toBe(mapping.code);
      expect(mapping.mappedBy).toBe("Health content API");
      expect(["equivalent", "source-is-narrower-than-target", "source-is-broader-than-target", "related-to"]).toContain(
        mapping.relationship,
      );
      expect(mapping.source.url).toMatch(/^https:\/\//);
      expect(mapping.source.title).not.toBe("");
    }
    // The article's readers are in the UK: their systems come first.
    const systems = article.codeMappings.map((mapping) => mapping.system.name);
    expect(systems.indexOf("ICD-10-CM")).toBeGreaterThan(systems.lastIndexOf("SNOMED CT"));
    expect(systems.indexOf("ICD-10-CM")).toBeGreaterThan(systems.lastIndexOf("ICD-10"));
    const list = await getJson<ArticleList>("/v1/articles");
    expect(list.items.find((item) => item.slug === SUBJECT.slug)?.codeMappings).toEqual(article.codeMappings);
    const condition = await getJson<ConditionResource>(`/v1/conditions/${SUBJECT.slug}`);
    expect(condition.codeMappings).toEqual(article.codeMappings);
    // The publisher's facts still carry no code.
    expect(condition.facts.condition.codes).toEqual([]);
  });

  it("says how each code fits the article: R25.2 is broader, G47.62 narrower", async () => {
    const { codeMappings } = await getJson<ArticleResource>(SUBJECT.path);
    const relationshipOf = (system: string, code: string) =>
      codeMappings.find((mapping) => mapping.system.name === system && mapping.code === code)?.relationship;
    expect(relationshipOf("ICD-10", "R25.2")).toBe("source-is-narrower-than-target");
    expect(relationshipOf("ICD-10-CM", "G47.62")).toBe("source-is-broader-than-target");
  });

  it("are MedicalCode nodes of the condition that say whose they are, how they fit and where they were checked", async () => {
    const [{ codeMappings }, document] = await Promise.all([getJson<ArticleResource>(SUBJECT.path), graph()]);
    const nodes = nodeById(document);
    const codes = refs(nodes.get(id("condition")), "code").map((codeId) => nodes.get(codeId));
    expect(codes.map((code) => [code?.codeValue, code?.codingSystem, code?.name, code?.inCodeSet])).toEqual(
      codeMappings.map((mapping) => [mapping.code, mapping.system.name, mapping.display, mapping.system.uri]),
    );
    codes.forEach((code, index) => {
      const mapping = codeMappings[index];
      expect(code?.["@type"]).toBe("MedicalCode");
      expect(code?.description).toBe(mapping && `${mappingText(mapping)} ${mapping.rationale}`);
      expect(code?.description).toContain("not by the publisher");
    });
  });
});
