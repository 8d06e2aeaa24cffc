/** Edits a test's copy of a file: `find` must be in it (so an edit of the fixture cannot pass unnoticed), replaced once. */
import { readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

export function editFile(path: string, find: string, replace: string): void {
  const text = readFileSync(path, "utf8");
  expect(text).toContain(find);
  writeFileSync(path, text.replace(find, replace));
}
