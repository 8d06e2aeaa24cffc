/** The repository's copy of the publisher's text must stay identical to the shared original. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const SHARED = process.env.SOURCE_DIR ?? join(import.meta.dirname, "../../../shared/source");
const original = join(SHARED, "leg-cramps.txt");
const copy = join(import.meta.dirname, "../fixtures/publisher/leg-cramps.txt");

it.skipIf(!existsSync(original))(`test/fixtures/publisher/leg-cramps.txt equals ${original}`, () => {
  expect(readFileSync(copy, "utf8")).toBe(readFileSync(original, "utf8"));
});
