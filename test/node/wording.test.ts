/**
 * The payload's legend of who wrote which string (src/api/wording.ts) is what
 * the content model marks: every field marked `x-wording` in the facts and
 * the care advice, and no field marked both ways.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { UrgentCareAdvice } from "../../src/api/schemas";
import { WORDING } from "../../src/api/wording";
import { Facts } from "../../src/content/model";

/** Field names by their `x-wording` mark, anywhere in a JSON Schema. */
function marks(schema: unknown): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const { properties } = node as { properties?: Record<string, Record<string, { "x-wording"?: string }>> };
    for (const [name, property] of Object.entries(properties ?? {})) {
      const mark =
        property["x-wording"] ?? property.items?.["x-wording"] ?? property.additionalProperties?.["x-wording"];
      if (typeof mark === "string") found.set(mark, new Set([...(found.get(mark) ?? []), name]));
    }
    Object.values(node).forEach(visit);
  };
  visit(schema);
  return found;
}

describe("the wording legend", () => {
  it("names exactly the fields the content model marks, publisher's and label, in the parts it applies to", () => {
    const schema = z.toJSONSchema(z.object({ facts: Facts, urgentCareAdvice: z.array(UrgentCareAdvice) }), {
      target: "draft-2020-12",
      io: "output",
    });
    const found = marks(schema);
    expect(WORDING.appliesTo).toEqual(["facts", "urgentCareAdvice"]);
    expect(WORDING.publisher).toEqual([...(found.get("publisher") ?? [])].sort());
    expect(WORDING.label).toEqual([...(found.get("label") ?? [])].sort());
    expect(WORDING.publisher.filter((name) => WORDING.label.includes(name))).toEqual([]);
  });
});
