/**
 * Conditional GET (RFC 9110 §13): whether a stored representation is still
 * what the client has, so the answer can be 304 with no body.
 */

interface Validators {
  etag: string;
  lastModifiedTime: number;
}

/** The request's conditional headers (null when absent). */
export interface Conditions {
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

/** The request's conditional headers: read once per request, on every path. */
export function readConditions(headers: Headers): Conditions {
  return { ifNoneMatch: headers.get("If-None-Match"), ifModifiedSince: headers.get("If-Modified-Since") };
}

export function isNotModified({ ifNoneMatch, ifModifiedSince }: Conditions, representation: Validators): boolean {
  // When If-None-Match is present, If-Modified-Since must be ignored.
  if (ifNoneMatch !== null) return matchesAnyTag(ifNoneMatch, representation.etag);
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  // An unparseable date is ignored, as the RFC requires.
  return !Number.isNaN(since) && representation.lastModifiedTime <= since;
}

/** If-None-Match uses weak comparison: `W/"x"` matches `"x"`; `*` matches anything. */
function matchesAnyTag(list: string, etag: string): boolean {
  if (list.trim() === "*") return true;
  const opaque = stripWeak(etag);
  return list.split(",").some((tag) => stripWeak(tag.trim()) === opaque);
}

function stripWeak(tag: string): string {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}
