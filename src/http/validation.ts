import { sValidator } from "@hono/standard-validator";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { type FieldError, invalidParameters } from "./problem";

/**
 * Validates the query string with a schema; any failure is a 400
 * problem+json naming each offending parameter.
 */
export function validQuery<Schema extends StandardSchemaV1>(schema: Schema) {
  return sValidator("query", schema, (result) => {
    if (!result.success) invalidParameters(fieldErrors("query", result.error));
  });
}

function fieldErrors(where: FieldError["in"], issues: readonly StandardSchemaV1.Issue[]): FieldError[] {
  return issues.map((issue) => {
    const [first] = issue.path ?? [];
    const name = typeof first === "object" ? String(first.key) : String(first ?? "");
    return { in: where, name, detail: issue.message };
  });
}
