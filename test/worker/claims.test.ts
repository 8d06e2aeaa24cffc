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
import { slugOf } from "../../src/content/slug";
import { isStated, RELATION_PROPERTY, type StatedKind } from "../../src/schemaorg/claims";
import { graph, type JsonLdGraph, nodeById, refs } from "../support/json-ld";
import { SLUGS } from "../support/library";
import { getJson, ORIGIN } from "../support/worker";

type Facts = ConditionResource["facts"];

/** Where the graph would state a relation: the node holding the property, and the nodes it would point at. */
interface Placement {
  subject: string;
  objects: string[];
  /** The node a section mentions when the relation is not stated. */
  described: string[];
}

function placement(relation: Relation & { kind: StatedKind }, facts: Facts, page: string): Placement {
  const at = (fragment: string) => `${page}#${fragment}`;
  const condition = at("condition");
  const own = (prefix: string): Placement => {
    const objects = [at(`${prefix}-${relation.fact.id}`)];
    return { subject: condition, objects, described: objects };
  };
  const therapy = facts.drugTherapies[Number(relation.path[1])];
  switch (relation.kind) {
    case "anatomy":
    case "symptom":
    case "cause":
    case "test":
    case "prevention":
      return own(relation.kind);
    case "risk-factor":
      return own("risk-factor");
    case "differential-diagnosis":
      return own("ddx");
    case "treatment":
      return own(facts.drugTherapies.some((entry) => entry.id === relation.fact.id) ? "therapy" : "treatment");
    case "causative-drug":
      return {
        subject: condition,
        objects: [at(`cause-${relation.fact.id}`)],
        described: [at(`drug-${relation.fact.id}`)],
      };
    case "drug-therapy":
      return { subject: condition, objects: [at(`drug-${relation.fact.id}`)], described: [] };
    case "exercise-plan": {
      const exercises = (facts.exercisePlan?.exercises ?? []).map((id) => at(`exercise-${id}`));
      return { subject: condition, objects: exercises, described: exercises };
    }
    case "side-effect":
      return {
        subject: at(`therapy-${therapy?.id}`),
        objects: [at(`side-effect-${relation.fact.id}`)],
        described: [at(`side-effect-${relation.fact.id}`)],
      };
    case "earlier-use": {
      const used = at(`condition-${slugOf(relation.fact.name ?? "")}`);
      return { subject: used, objects: [at(`drug-${therapy?.id}`)], described: [used] };
    }
  }
}

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
