/**
 * src/ imports only downward (docs/architecture.md, "Imports run downward"):
 * each folder from the folders on a lower layer, never from its own layer's
 * others or a higher one. Read from the import lines, type-only ones included.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../../src");

/** The layers, lowest first; a file at src/ itself is its own layer, named by its file. */
const LAYERS: readonly (readonly string[])[] = [
  ["lib"],
  ["content", "search", "generated"],
  ["http", "api"],
  ["schemaorg", "partners"],
  ["render", "openapi"],
  ["responses", "browser"],
  ["routes"],
  ["app.ts"],
  ["worker.ts"],
  ["index.ts"],
];

function layerOf(path: string): number {
  const [top = ""] = relative(SRC, path).split("/");
  // An import names a file at src/ without its extension.
  const layer = LAYERS.findIndex((names) => names.includes(top) || names.includes(`${top}.ts`));
  if (layer < 0) throw new Error(`${relative(SRC, path)} is in no layer: add its folder to LAYERS`);
  return layer;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every relative import of a file, resolved: `from "./x"` and `import("./x")` alike. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g)].map(([, spec]) =>
    resolve(dirname(file), spec ?? ""),
  );
}

describe("src/'s imports", () => {
  const files = sourceFiles(SRC);

  it("run downward only: from a lower layer, or within the importer's own folder", () => {
    const upward = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(SRC))
        .filter((target) => {
          const [from, to] = [relative(SRC, file).split("/")[0], relative(SRC, target).split("/")[0]];
          return from !== to && layerOf(target) >= layerOf(file);
        })
        .map((target) => `${relative(SRC, file)} -> ${relative(SRC, target)}`),
    );
    expect(upward).toEqual([]);
  });

  it("is actually read: an import across layers is found", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(importsOf(join(SRC, "app.ts")).some((target) => target.includes("/routes/"))).toBe(true);
  });
});
