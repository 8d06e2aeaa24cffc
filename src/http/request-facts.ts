/**
 * What the Worker reads from a request before routing: the headers a stored
 * response depends on, and the key it is stored under. This runs for every
 * request, and on the stored-response path it is most of the work (measured
 * in BENCHMARKS.md), so it reads each header with one `get` and builds
 * nothing it does not need.
 */
import type { Conditions } from "./conditional";

/** The key a stored response is kept under: what its answer depends on, the request's URL and Accept. */
export function requestKey(url: string, accept: string | null): string {
  // No URL contains a line feed, so the two forms cannot collide; most requests send no Accept.
  return accept === null ? url : `${url}\n${accept}`;
}

/** The request's conditional headers. */
export function readConditions(headers: Headers): Conditions {
  return { ifNoneMatch: headers.get("If-None-Match"), ifModifiedSince: headers.get("If-Modified-Since") };
}
