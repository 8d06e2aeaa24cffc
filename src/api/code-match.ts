/**
 * Finding articles by clinical code: the codes the publisher supplied (by
 * the system name they were given with) and the codes this service mapped
 * (by system name, HL7 OID or FHIR URI, and in each system's canonical form,
 * so R252 finds R25.2).
 */
import { CODE_SYSTEMS, findCodeSystem } from "../content/code-systems";
import type { ClinicalCode, CodeMapping, IndexedArticle } from "../content/model";

/** A requested code; `system` is null when any system will do. */
export interface CodeQuery {
  system: string | null;
  code: string;
}

/** The article's codes that match: the publisher's and this service's mappings. */
export interface MatchedCodes {
  publisher: ClinicalCode[];
  mapped: CodeMapping[];
}

export function matchCodes(article: Pick<IndexedArticle, "codes" | "codeMappings">, wanted: CodeQuery): MatchedCodes {
  const publisher = article.codes.filter(
    (code) =>
      code.code.toLowerCase() === wanted.code.toLowerCase() &&
      (wanted.system === null || code.system.toLowerCase() === wanted.system.toLowerCase()),
  );
  const systems = wanted.system === null ? CODE_SYSTEMS : [findCodeSystem(wanted.system)].flatMap((s) => s ?? []);
  const mapped = article.codeMappings.filter((mapping) =>
    systems.some((system) => system.name === mapping.system.name && system.canonical(wanted.code) === mapping.code),
  );
  return { publisher, mapped };
}
