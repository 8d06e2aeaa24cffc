/**
 * Nodes of relations, split by what the graph may state (claims.ts): a
 * stated relation's node is referenced by the node it relates to; any other
 * is mentioned by the section it comes from, so it stays in the graph,
 * described in the publisher's words, without a property claiming it.
 */
import type { IdReference } from "schema-dts";
import type { Modality } from "../content/model";
import { isStated, type StatedKind } from "./claims";
import { ref } from "./node-ids";

/** Whether a fact is stated as a property: by default, as its kind and modality allow (claims.ts). */
export const byModality =
  (kind: StatedKind) =>
  (fact: { modality: Modality }): boolean =>
    isStated(kind, fact.modality);

/** A node a section of the page names without stating it as a relation. */
export interface Mention {
  section: string;
  ref: IdReference;
}

/** Nodes built from facts, with the ones the page's sections mention because no property states them. */
export interface Built<Node> {
  nodes: Node[];
  mentions: Mention[];
}

/** Nodes of one kind of relation: the references of those stated, and the mentions of the rest. */
export interface Part<Node> extends Built<Node> {
  refs: IdReference[];
}

/** Builds each relation's nodes (`stated` tells the builder whether a property states it). */
export function relationNodes<Fact extends { section: string }, Node>(
  facts: readonly Fact[],
  isStatedFact: (fact: Fact) => boolean,
  idOf: (fact: Fact) => string,
  build: (fact: Fact, id: string, stated: boolean) => Node[],
): Part<Node> {
  const part: Part<Node> = { nodes: [], refs: [], mentions: [] };
  for (const fact of facts) {
    const id = idOf(fact);
    const stated = isStatedFact(fact);
    part.nodes.push(...build(fact, id, stated));
    if (stated) part.refs.push(ref(id));
    else part.mentions.push({ section: fact.section, ref: ref(id) });
  }
  return part;
}

/** What each section (or FAQ question) of the page mentions, by section id. */
export type Mentions = ReadonlyMap<string, IdReference[]>;

/** Mentions grouped by section, in the order given. */
export function mentionsBySection(mentions: readonly Mention[]): Mentions {
  const bySection = new Map<string, IdReference[]>();
  for (const mention of mentions)
    bySection.set(mention.section, [...(bySection.get(mention.section) ?? []), mention.ref]);
  return bySection;
}
