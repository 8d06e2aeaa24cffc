/** Narrowing helpers for parsed JSON, which arrives as `unknown`. */

export type JsonObject = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON-LD writes one value or an array of them; this always gives the array. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The strings among one value or an array of values. */
export function stringsOf(value: unknown): string[] {
  return asArray(value).filter((item): item is string => typeof item === "string");
}
