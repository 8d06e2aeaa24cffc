/**
 * Stable `@id`s for the nodes of an article's graph: fragments of the
 * article's canonical URL, so every node can be referenced instead of repeated.
 */
import type { IdReference } from "schema-dts";

export interface NodeIds {
  page: string;
  condition: string;
  breadcrumb: string;
  publisher: string;
  audience: string;
  disclaimer: string;
  /** `<canonical URL>#<kind>-<id>` for the node of one fact. */
  of(kind: string, id: string): string;
}

export function nodeIds(canonicalUrl: string): NodeIds {
  return {
    page: `${canonicalUrl}#webpage`,
    condition: `${canonicalUrl}#condition`,
    breadcrumb: `${canonicalUrl}#breadcrumb`,
    publisher: `${canonicalUrl}#publisher`,
    audience: `${canonicalUrl}#audience`,
    disclaimer: `${canonicalUrl}#disclaimer`,
    of: (kind, id) => `${canonicalUrl}#${kind}-${id}`,
  };
}

export function ref(id: string): IdReference {
  return { "@id": id };
}

/** Nodes built from facts, and references to them for the node that links them. */
export function factNodes<Fact, Node>(
  facts: readonly Fact[],
  idOf: (fact: Fact) => string,
  build: (fact: Fact, id: string) => Node,
): { nodes: Node[]; refs: IdReference[] } {
  return { nodes: facts.map((fact) => build(fact, idOf(fact))), refs: facts.map((fact) => ref(idOf(fact))) };
}
