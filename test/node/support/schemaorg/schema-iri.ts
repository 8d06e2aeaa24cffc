/**
 * schema.org IRIs after JSON-LD expansion. schema.org's own context maps
 * terms to http://schema.org/ while its vocabulary file names them with
 * https://schema.org/; schema.org treats both as the same terms, so both
 * are accepted here.
 */

const SCHEMA_ORG_TERM = /^https?:\/\/schema\.org\/([^/?#]+)$/;

/** The local name of a schema.org IRI ("http://schema.org/code" gives "code"), or `undefined` for any other IRI. */
export function schemaOrgName(iri: string): string | undefined {
  return SCHEMA_ORG_TERM.exec(iri)?.[1];
}

/** How an issue names a term: its schema.org local name, or the whole IRI for anything else. */
export function termLabel(iri: string): string {
  return schemaOrgName(iri) ?? iri;
}
