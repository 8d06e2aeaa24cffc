import { sValidator } from "@hono/standard-validator";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import type * as z from "zod/mini";
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

/** Validates the path's parameters with a schema, as `validQuery` does the query string. */
export function validParams<Schema extends StandardSchemaV1>(schema: Schema) {
  return sValidator("param", schema, (result) => {
    if (!result.success) invalidParameters(fieldErrors("path", result.error));
  });
}

function fieldErrors(where: FieldError["in"], issues: readonly StandardSchemaV1.Issue[]): FieldError[] {
  return issues.map((issue) => {
    const [first] = issue.path ?? [];
    const name = typeof first === "object" ? String(first.key) : String(first ?? "");
    return { in: where, name, detail: issue.message };
  });
}

/**
 * A request body (or the part of it at `at`) checked against a schema, or a
 * 400 problem+json naming each bad field by its dotted path, in plain words
 * (zod/mini's own messages are not loaded in the Worker). The whole body is
 * held to BODY_LIMITS first (refuseUnboundedBody).
 */
export function validBody<Schema extends z.ZodMiniType>(
  schema: Schema,
  value: unknown,
  at: readonly PropertyKey[] = [],
): z.output<Schema> {
  // With the input on each issue, a missing field can be told from a wrong one.
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  invalidParameters(
    parsed.error.issues.map((issue) => ({
      in: "body",
      name: [...at, ...issue.path].map(String).join("."),
      detail: describeIssue(issue),
    })),
  );
}

/**
 * Bounds on any request body, whatever its schema reads: the longest array
 * and the deepest nesting any valid request needs, with room to spare. A
 * body past them is refused before a schema reads it (a schema checks an
 * array's length only after reading every item), so no body accepted can
 * cost more than these allow.
 */
export const BODY_LIMITS = { arrayItems: 1000, depth: 32 } as const;

/** A 400 problem naming the first part of a parsed JSON body past BODY_LIMITS; nothing when it is within them. */
export function refuseUnboundedBody(body: unknown): void {
  const unbounded = unboundedPart(body, 0);
  if (unbounded) {
    invalidParameters([{ in: "body", name: unbounded.path.map(String).join("."), detail: unbounded.detail }]);
  }
}

/**
 * The first part of a JSON value past BODY_LIMITS, and why. It never goes
 * deeper than the limit, so its own recursion is bounded; a path is built
 * only for the part refused.
 */
function unboundedPart(value: unknown, depth: number): { path: PropertyKey[]; detail: string } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (depth > BODY_LIMITS.depth) return { path: [], detail: `nests deeper than ${BODY_LIMITS.depth} levels` };
  if (Array.isArray(value)) {
    if (value.length > BODY_LIMITS.arrayItems) {
      return { path: [], detail: `must have at most ${BODY_LIMITS.arrayItems} items` };
    }
    for (let index = 0; index < value.length; index++) {
      const found = unboundedPart(value[index], depth + 1);
      if (found) return { ...found, path: [index, ...found.path] };
    }
    return undefined;
  }
  for (const key in value) {
    const found = unboundedPart((value as Record<string, unknown>)[key], depth + 1);
    if (found) return { ...found, path: [key, ...found.path] };
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "is required" : `must be ${article(issue.expected)}`;
    case "invalid_value":
      return `must be ${issue.values.map((value) => JSON.stringify(value)).join(" or ")}`;
    case "too_small":
      return `must have at least ${issue.minimum} ${issue.origin === "string" ? "characters" : "items"}`;
    case "too_big":
      return `must have at most ${issue.maximum} ${issue.origin === "string" ? "characters" : "items"}`;
    default:
      return "is not valid here";
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
