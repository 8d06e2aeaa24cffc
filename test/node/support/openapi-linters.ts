/**
 * The OpenAPI document judged by the tools made for it: Redocly's
 * `recommended` rules (@redocly/openapi-core, the engine of `redocly lint`)
 * and Spectral's `spectral:oas` ruleset (@stoplight/spectral-core, the engine
 * of `spectral lint`), both pinned in package.json.
 */
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { Document, type RulesetDefinition, Spectral } from "@stoplight/spectral-core";
import spectralParsers from "@stoplight/spectral-parsers";
import { oas } from "@stoplight/spectral-rulesets";

export interface LintProblem {
  tool: "redocly" | "spectral";
  rule: string;
  severity: "error" | "warning" | "info" | "hint";
  message: string;
  where: string;
}

export async function redoclyRecommended(document: unknown): Promise<LintProblem[]> {
  const config = await createConfig({ extends: ["recommended"] });
  const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: "openapi.json", config });
  return problems.map((problem) => ({
    tool: "redocly",
    rule: problem.ruleId,
    severity: problem.severity === "error" ? "error" : "warning",
    message: problem.message,
    where: problem.location.map((location) => location.pointer ?? "").join(" "),
  }));
}

const SPECTRAL_SEVERITY = ["error", "warning", "info", "hint"] as const;

export async function spectralOas(document: unknown): Promise<LintProblem[]> {
  const spectral = new Spectral();
  // As `extends: ["spectral:oas"]` in a .spectral.yaml: the ruleset with its recommended rules.
  spectral.setRuleset({ extends: [[oas as RulesetDefinition, "recommended"]] });
  const results = await spectral.run(
    new Document(JSON.stringify(document, null, 2), spectralParsers.Json, "openapi.json"),
  );
  return results.map((result) => ({
    tool: "spectral",
    rule: String(result.code),
    severity: SPECTRAL_SEVERITY[result.severity] ?? "error",
    message: result.message,
    where: result.path.join("."),
  }));
}
