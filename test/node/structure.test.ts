/**
 * The code stays readable: no file over 250 lines and no function over 60
 * (generated modules aside), measured with the TypeScript compiler's own
 * parser, in the Worker (src/) and in the scripts (scripts/: the content
 * compiler that guards the medical text, the benchmarks and other tools).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
/** Each folder held to the limits, and how many files it has at least (so an empty walk cannot pass). */
const FOLDERS = [
  { name: "the Worker's code (src/)", folder: "src", atLeast: 50 },
  { name: "the scripts (scripts/)", folder: "scripts", atLeast: 20 },
];
const MAX_FILE_LINES = 250;
const MAX_FUNCTION_LINES = 60;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every function, arrow function and method longer than `limit` lines, as `file:line (n lines)`. */
function longFunctions(file: string, limit: number): string[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - start + 1;
      if (lines > limit) found.push(`${relative(ROOT, file)}:${start + 1} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe.each(FOLDERS)("$name", ({ folder, atLeast }) => {
  const files = sourceFiles(join(ROOT, folder));

  it(`has no file over ${MAX_FILE_LINES} lines`, () => {
    expect(files.length).toBeGreaterThan(atLeast);
    const long = files.flatMap((file) => {
      const lines = readFileSync(file, "utf8").split("\n").length;
      return lines > MAX_FILE_LINES ? [`${relative(ROOT, file)} (${lines} lines)`] : [];
    });
    expect(long).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(files.flatMap((file) => longFunctions(file, MAX_FUNCTION_LINES))).toEqual([]);
  });
});

describe("the measure", () => {
  it("is actually taken: a long function is found", () => {
    const sample = join(ROOT, "test/node/structure.test.ts");
    expect(longFunctions(sample, 5).length).toBeGreaterThan(0);
  });
});
