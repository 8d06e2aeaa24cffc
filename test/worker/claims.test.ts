/**
 * Every relation of every article is no stronger than its sentence. The
 * compiler's rule (src/content/claims/modality-rule.ts) is applied again to
 * what /v1/conditions serves, and the JSON-LD states a relation as its
 * schema.org property exactly when the property's definition allows its
 * modality (src/schemaorg/claims.ts); any other relation is a node its
 * section mentions, with no property claiming it. Everything expected is
 * read from the library, so an edit of an article needs no edit here.
 */
import { describe, expect, it } from "vitest";
import type { ConditionResource } from "../../src/api/schemas";
import { modalityProblems } from "../../src/content/claims/modality-rule";
import { type Relation, relationsOf } from "../../src/content/claims/relations";
import { isStated, RELATION_PROPERTY, type StatedKind } from "../../src/schemaorg/claims";
import { graph, type JsonLdGraph, nodeById, placement, refs } from "../support/json-ld";
import { SLUGS } from "../support/library";
import { getJson, ORIGIN } from "../support/worker";

/** Everything a section or an FAQ question of the page mentions. */
function mentioned(document: JsonLdGraph): Set<string> {
  return new Set(document["@graph"].flatMap((node) => refs(node, "mentions")));
}

const isStatedKind = (relation: Relation): relation is Relation & { kind: StatedKind } =>
  relation.kind in RELATION_PROPERTY;

describe.each(SLUGS)("the relations of %s", (slug) => {
  const page = `${ORIGIN}/articles/${slug}`;

  it("each declare a modality that its sentences carry, by the compiler's rule", async () => {
    const { facts } = await getJson<ConditionResource>(`/v1/conditions/${slug}`);
    const relations = relationsOf(facts);
    expect(relations.length).toBeGreaterThan(0);
    const problems = relations.flatMap((relation) =>
      modalityProblems(relation.fact).map((problem) => `${relation.path.join(".")}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it("are schema.org properties only where the property's definition allows their modality", async () => {
    const [{ facts }, document] = await Promise.all([
      getJson<ConditionResource>(`/v1/conditions/${slug}`),
      graph(slug),
    ]);
    const nodes = nodeById(document);
    const mentions = mentioned(document);
    const relations = relationsOf(facts).filter(isStatedKind);
    expect(relations.length).toBeGreaterThan(0);
    for (const relation of relations) {
      const where = placement(relation, facts, page);
      const property = RELATION_PROPERTY[relation.kind];
      const stated = isStated(relation.kind, relation.fact.modality);
      const values = refs(nodes.get(where.subject), property);
      const label = `${relation.path.join(".")} (${relation.fact.modality}) as ${property}`;
      for (const object of where.objects) expect(values.includes(object), label).toBe(stated);
      if (stated) continue;
      for (const node of where.described) {
        expect(mentions.has(node), `${label}: ${node} is mentioned`).toBe(true);
        for (const inverse of ["causeOf", "increasesRiskOf", "possibleTreatment"]) {
          expect(nodes.get(node), `${label}: ${node}`).not.toHaveProperty(inverse);
        }
      }
    }
  });
});
