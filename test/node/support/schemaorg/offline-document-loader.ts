/**
 * A jsonld.js document loader that never touches the network: it serves
 * schema.org's context from the vocabulary folder and refuses every other
 * URL, so a document that names any other context fails validation instead
 * of fetching it.
 */
import type { RemoteDocument } from "jsonld/jsonld-spec";

/** The URLs that mean schema.org's JSON-LD context. */
export const SCHEMA_ORG_CONTEXT_URLS: readonly string[] = [
  "https://schema.org",
  "https://schema.org/",
  "http://schema.org",
  "http://schema.org/",
  "https://schema.org/docs/jsonldcontext.jsonld",
  "http://schema.org/docs/jsonldcontext.jsonld",
];

/** Thrown for any URL other than schema.org's context. */
export class RefusedUrlError extends Error {
  constructor(readonly url: string) {
    super(`refused to load ${JSON.stringify(url)}: only the schema.org context is available offline`);
    this.name = "RefusedUrlError";
  }
}

export type OfflineDocumentLoader = (url: string) => Promise<RemoteDocument>;

/** A loader serving `context` (the parsed schemaorgcontext.jsonld) for the schema.org context URLs. */
export function createOfflineDocumentLoader(context: object): OfflineDocumentLoader {
  return async (url) => {
    if (!SCHEMA_ORG_CONTEXT_URLS.includes(url)) throw new RefusedUrlError(url);
    // The context is a JSON object read from schema.org's release, which is what jsonld.js expects here.
    return { contextUrl: undefined, documentUrl: url, document: context as RemoteDocument["document"] };
  };
}
