/**
 * YAML parsed with its source positions, so that schema errors and
 * cross-reference errors can name the line an author has to fix.
 */
import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import type * as z from "zod/mini";
import { ContentError } from "./content-error";

export type Path = readonly PropertyKey[];

export class YamlSource {
  private constructor(
    readonly file: string,
    private readonly document: Document,
    private readonly lines: LineCounter,
    /** Added to every line: front matter starts below the opening `---`. */
    private readonly firstLine: number,
  ) {}

  /** Parses `text`; a syntax error is added to `errors` at its line, and nothing is returned. */
  static parse(file: string, text: string, errors: ContentError[], firstLine = 1): YamlSource | undefined {
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const source = new YamlSource(file, document, lines, firstLine);
    const [first] = document.errors;
    if (first) {
      errors.push(new ContentError(file, source.lineAt(first.pos[0]), `YAML: ${first.message.split("\n")[0]}`));
      return undefined;
    }
    return source;
  }

  /** The parsed value as plain JavaScript (mappings become objects). */
  value(): unknown {
    return this.document.toJS() ?? {};
  }

  /** Validates the value, reporting each schema issue at its line. */
  validate<T extends z.ZodMiniType>(schema: T): { data: z.infer<T> } | { errors: ContentError[] } {
    // With the input on each issue, a missing field can be told from one of the wrong type.
    const result = schema.safeParse(this.value(), { reportInput: true });
    if (result.success) return { data: result.data };
    return {
      errors: result.error.issues.map((issue) => {
        if (issue.code === "unrecognized_keys") {
          const [key] = issue.keys;
          return this.error([...issue.path, key ?? ""], `unknown field "${issue.keys.join('", "')}"`, true);
        }
        const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "document";
        const missing = issue.code === "invalid_type" && issue.input === undefined;
        return this.error(issue.path, missing ? `missing field "${field}"` : `${field}: ${issue.message}`);
      }),
    };
  }

  /** A ContentError at the node for `path` (or its key), or the nearest parent that exists. */
  error(path: Path, message: string, atKey = false): ContentError {
    return new ContentError(this.file, this.lineOf(path, atKey), message);
  }

  lineOf(path: Path, atKey = false): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const prefix = path.slice(0, depth);
      if (atKey && depth === path.length && depth > 0) {
        const parent = this.document.getIn(prefix.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === prefix.at(-1));
          const range = (pair?.key as Node | undefined)?.range;
          if (range) return this.lineAt(range[0]);
        }
        continue;
      }
      const node = depth === 0 ? this.document.contents : this.document.getIn(prefix, true);
      const range = (node as Node | null | undefined)?.range;
      if (range) return this.lineAt(range[0]);
    }
    return this.firstLine;
  }

  private lineAt(offset: number): number {
    return this.lines.linePos(offset).line + this.firstLine - 1;
  }
}
