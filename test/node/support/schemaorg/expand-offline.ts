/**
 * JSON-LD expansion with jsonld.js, offline. Expansion silently drops what it
 * cannot map (an "@foo" key, an empty object...); those warnings become
 * issues here, so nothing the document says escapes validation.
 */
import type { JsonLdDocument, Options } from "jsonld";
import jsonld from "jsonld";
import type { SchemaOrgIssue } from "./issue";
import { asArray, isJsonObject } from "./json";
import { createOfflineDocumentLoader, RefusedUrlError } from "./offline-document-loader";

/**
 * Warnings that are not mistakes in themselves: relative @id values resolve
 * against the page that serves the document, and the validator checks @type
 * values (and references) itself.
 */
const TOLERATED_WARNINGS = new Set(["relative @id reference", "relative @type reference"]);

interface JsonLdEventHandlerArgument {
  readonly event: unknown;
  readonly next: () => void;
}

/** jsonld.js's `eventHandler` option, which its published types do not declare yet. */
type ExpandOptions = Options.Expand & { eventHandler: (argument: JsonLdEventHandlerArgument) => void };

export interface Expansion {
  /** The expanded document, or `undefined` when expansion failed. */
  readonly expanded: unknown[] | undefined;
  readonly issues: SchemaOrgIssue[];
}

/** Expands `document` with schema.org's context (`context`) as the only remote document available. */
export async function expandOffline(document: unknown, context: object): Promise<Expansion> {
  const issues: SchemaOrgIssue[] = [];
  const options: ExpandOptions = {
    documentLoader: createOfflineDocumentLoader(context),
    eventHandler: ({ event, next }) => {
      const issue = warningIssue(event);
      if (issue) issues.push(issue);
      next();
    },
  };
  try {
    // jsonld.js checks the document's syntax itself and rejects what is not JSON-LD.
    const expanded: unknown = await jsonld.expand(document as JsonLdDocument, options);
    return { expanded: asArray(expanded), issues };
  } catch (error) {
    return { expanded: undefined, issues: [...issues, failureIssue(error)] };
  }
}

function warningIssue(event: unknown): SchemaOrgIssue | undefined {
  if (!isJsonObject(event) || event.level !== "warning" || typeof event.code !== "string") return undefined;
  if (TOLERATED_WARNINGS.has(event.code)) return undefined;
  const details = isJsonObject(event.details) ? event.details : {};
  const term = typeof details.property === "string" ? details.property : event.code;
  const message = typeof event.message === "string" ? event.message : event.code;
  return { rule: "expansion", at: "$", term, message };
}

function failureIssue(error: unknown): SchemaOrgIssue {
  const refusal = findRefusal(error);
  if (refusal) return { rule: "expansion", at: "$", term: "@context", message: refusal.message };
  const details = isJsonObject(error) && isJsonObject(error.details) ? error.details : {};
  const term = typeof details.code === "string" ? details.code : "@context";
  return { rule: "expansion", at: "$", term, message: error instanceof Error ? error.message : String(error) };
}

/** The loader's refusal, which jsonld.js wraps (as `details.cause`) in its own "loading remote context failed" error. */
function findRefusal(error: unknown): RefusedUrlError | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current !== undefined; depth++) {
    if (current instanceof RefusedUrlError) return current;
    if (!isJsonObject(current)) return undefined;
    current = isJsonObject(current.details) ? current.details.cause : current.cause;
  }
  return undefined;
}
