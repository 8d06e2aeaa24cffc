/**
 * Holds every relation of the facts to its sentences (the modality rule,
 * src/content/claims/modality-rule.ts) after the quotes themselves are
 * checked, and gives each relation quoting a list item the sentences that
 * introduce its list, which the rule reads with it and the API serves.
 */
import { leadInsOf } from "../../src/content/claims/lead-ins";
import { modalityProblems } from "../../src/content/claims/modality-rule";
import { relationName, relationsOf } from "../../src/content/claims/relations";
import type { Facts } from "../../src/content/model";
import { type DraftSection, normaliseSpace, walk } from "./article-parser";
import type { ContentError } from "./content-error";
import type { YamlSource } from "./yaml-source";

/** The facts with each relation's lead-ins, and every way a relation says more than its sentences. */
export function checkClaims(
  facts: Facts,
  source: YamlSource,
  sections: DraftSection[],
): { facts: Facts; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const blocks = new Map([...walk(sections)].map((section) => [section.id, section.blocks]));
  const withLeadIns = structuredClone(facts);
  for (const relation of relationsOf(withLeadIns)) {
    const { fact, path } = relation;
    if (fact.introducedBy !== undefined) {
      errors.push(source.error([...path, "introducedBy"], "introducedBy is read from the article: leave it out", true));
      continue;
    }
    const leadIns = leadInsOf(blocks.get(fact.section) ?? [], normaliseSpace(fact.quote));
    if (leadIns !== undefined && leadIns.length > 0) {
      fact.introducedBy = leadIns.map((quote) => ({ section: fact.section, quote }));
    }
    for (const problem of modalityProblems(fact)) {
      errors.push(source.error([...path, "modality"], `relation ${relationName(relation)}: ${problem}`));
    }
  }
  return { facts: withLeadIns, errors };
}
