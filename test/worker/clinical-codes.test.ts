/**
 * Clinical codes as a layer of this service's own: leg cramps is mapped to
 * ICD-10-CM R25.2 and G47.62 (content/leg-cramps/codes.yaml), found by code in
 * every form, and every representation says the codes are the service's
 * mappings, with their provenance, never the publisher's.
 */
import { describe, expect, it } from "vitest";
import type { ArticleList, ArticleResource, ConditionResource } from "../../src/api/schemas";
import { graph, id, nodeById, refs } from "../support/json-ld";
import { slugsMappedTo } from "../support/library";
import { getJson } from "../support/worker";

const ICD_10_CM = { name: "ICD-10-CM", oid: "2.16.840.1.113883.6.90", uri: "http://hl7.org/fhir/sid/icd-10-cm" };

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
  ])("find the article by ?code=%s", async (query, code) => {
    const list = await getJson<ArticleList>(`/v1/articles?code=${encodeURIComponent(query)}`);
    expect(list.items.map((item) => item.slug)).toEqual(slugsMappedTo(code));
    expect(slugsMappedTo(code)).toContain("leg-cramps");
  });

  it("are served as the service's, with system, release, who mapped and why, apart from the publisher's codes", async () => {
    const article = await getJson<ArticleResource>("/v1/articles/leg-cramps");
    expect(article.codes).toEqual([]);
    expect(article.codeMappings).toEqual([
      expect.objectContaining({
        system: ICD_10_CM,
        code: "R25.2",
        display: "Cramp and spasm",
        release: "ICD-10-CM FY2026",
        mappedBy: "Health content API",
      }),
      expect.objectContaining({
        system: ICD_10_CM,
        code: "G47.62",
        display: "Sleep related leg cramps",
        release: "ICD-10-CM FY2026",
        mappedBy: "Health content API",
      }),
    ]);
    for (const mapping of article.codeMappings) expect(mapping.rationale).toContain("ICD-10-CM Alphabetic Index");
    const list = await getJson<ArticleList>("/v1/articles");
    expect(list.items.find((item) => item.slug === "leg-cramps")?.codeMappings).toEqual(article.codeMappings);
    const condition = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    expect(condition.codeMappings).toEqual(article.codeMappings);
    // The publisher's facts still carry no code.
    expect(condition.facts.condition.codes).toEqual([]);
  });

  it("are MedicalCode nodes of the condition that say they are this service's mapping", async () => {
    const nodes = nodeById(await graph());
    const codes = refs(nodes.get(id("condition")), "code").map((codeId) => nodes.get(codeId));
    expect(codes.map((code) => [code?.codeValue, code?.codingSystem, code?.name, code?.inCodeSet])).toEqual([
      ["R25.2", "ICD-10-CM", "Cramp and spasm", ICD_10_CM.uri],
      ["G47.62", "ICD-10-CM", "Sleep related leg cramps", ICD_10_CM.uri],
    ]);
    for (const code of codes) {
      expect(code?.["@type"]).toBe("MedicalCode");
      expect(code?.description).toMatch(
        /^Mapped by Health content API, not supplied by the publisher; checked against ICD-10-CM FY2026\. /,
      );
    }
  });
});
