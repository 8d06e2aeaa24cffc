/**
 * Reads `codes.yaml`, the clinical codes this service maps an article to.
 * The file is optional (no file, no mappings); when present every code must
 * be a valid code of its system, written as the classification writes it,
 * and given once.
 */
import { CODE_SYSTEMS } from "../../src/content/code-systems";
import { type CodeMapping, CodeMappingFile } from "../../src/content/model";
import type { ContentError } from "./content-error";
import { YamlSource } from "./yaml-source";

export const CODES_FILE = "codes.yaml";

/** The mappings in `text`, the contents of `file` (undefined when there is none). */
export function readCodeMappings(text: string | undefined, file: string, errors: ContentError[]): CodeMapping[] {
  if (text === undefined) return [];
  const source = YamlSource.parse(file, text, errors);
  if (!source) return [];
  const parsed = source.validate(CodeMappingFile);
  if ("errors" in parsed) {
    errors.push(...parsed.errors);
    return [];
  }
  const seen = new Set<string>();
  const mappings: CodeMapping[] = [];
  for (const [index, mapping] of parsed.data.mappings.entries()) {
    const system = CODE_SYSTEMS.find((candidate) => candidate.name === mapping.system);
    if (!system) continue; // zod has already refused an unknown system.
    const at = ["mappings", index, "code"];
    if (system.canonical(mapping.code) !== mapping.code) {
      errors.push(
        source.error(
          at,
          `"${mapping.code}" is not a ${system.name} code as ${system.name} writes it (e.g. ${system.example})`,
        ),
      );
      continue;
    }
    const key = `${system.name}|${mapping.code}`;
    if (seen.has(key)) {
      errors.push(source.error(at, `${system.name} ${mapping.code} is mapped twice`));
      continue;
    }
    seen.add(key);
    mappings.push({ ...mapping, system: { name: system.name, oid: system.oid, uri: system.uri } });
  }
  return mappings;
}
